"""Provides the report as a file (txt, Markdown, HTML, Word) and its figures in the corpus shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from .disclosure import (
    ENFORCEMENT_LABEL, FEE_LABEL, NORMATIVE_LABEL, PENALTY_LABEL, PERMIT_LABEL, RULES_LABEL,
)
from .drafts import write_atomic
from .errors import ExportError
from .findings import Amount, Figure
from .labels import T3_ROWS, T3_ROWS_2019
from .render import Layout, render
from .report import Report
from .requests import OUTDATED_OTHER

ExportFormat = Literal["txt", "md", "html", "docx"]
Encoding = Literal["utf-8", "gb18030"]
Newline = Literal["lf", "crlf"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("txt", "md", "html", "docx")
ENCODINGS: tuple[Encoding, ...] = ("utf-8", "gb18030")
NEWLINES: tuple[Newline, ...] = ("lf", "crlf")
TEXT_FORMATS: tuple[ExportFormat, ...] = ("txt", "md")
"""Formats whose encoding and line ends can be chosen (HTML declares UTF-8; a .docx is binary)."""


def export_bytes(report: Report, fmt: ExportFormat = "txt", layout: Layout = "tabs", *,
                 encoding: Encoding = "utf-8", newline: Newline = "lf") -> bytes:
    """The report as a file's bytes; txt and md in `encoding` with `newline` line ends."""
    if fmt not in TEXT_FORMATS and (encoding, newline) != ("utf-8", "lf"):
        raise ExportError(f"--encoding 和 --newline 只适用于 txt 和 md，{fmt} 格式固定为 UTF-8。")
    if fmt == "docx":
        from .word import word  # python-docx loads only when a Word file is asked for

        return word(report)
    text = render(report, fmt, layout)
    if newline == "crlf":
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text.encode(encoding)


def export(report: Report, path: Path, fmt: ExportFormat = "txt", layout: Layout = "tabs",
           *, force: bool = False, encoding: Encoding = "utf-8", newline: Newline = "lf") -> None:
    """Write the report in `fmt` atomically; refuse to overwrite unless `force`."""
    if path.exists() and not force:
        raise ExportError(f"{path}：文件已存在。如要覆盖，请加 --force。")
    data = export_bytes(report, fmt, layout, encoding=encoding, newline=newline)
    try:
        write_atomic(path, data)
    except OSError as err:
        raise ExportError(f"{path}：无法写入（{err.strerror}）。") from err


def _cell(value: Figure | Amount) -> int | str | None:
    return value if value is None or isinstance(value, int | str) else str(value)


def figures(report: Report) -> dict[str, Any]:
    """Body, level, year and tables 二、三、四 in the shape of the corpus `expected.json` files."""
    t2, t3 = report.disclosure, report.requests
    layout = T3_ROWS_2019 if OUTDATED_OTHER in t3.rows else T3_ROWS
    return {
        "agency": report.meta.body,
        "level": report.meta.level,
        "year": report.meta.year,
        "table2": {
            RULES_LABEL: [_cell(v) for v in t2.rules],
            NORMATIVE_LABEL: [_cell(v) for v in t2.normative],
            PERMIT_LABEL: _cell(t2.permits),
            PENALTY_LABEL: _cell(t2.penalties),
            ENFORCEMENT_LABEL: _cell(t2.enforcement),
            FEE_LABEL: _cell(t2.fee),
        },
        "table3": {r.key: [_cell(v) for v in t3.row(r.key)] for r in layout},
        "table4": [_cell(v) for v in report.appeals.values],
    }
