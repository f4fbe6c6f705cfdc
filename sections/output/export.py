"""Provides the report as a file (txt, Markdown, HTML, Word) and its figures in the corpus shape."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from sections.model.errors import ExportError
from sections.model.findings import Amount, Figure
from sections.model.labels import LEVELS
from sections.model.report import Report, table_format
from sections.model.tables import THREE, TWO, TWO_2019
from sections.output.layout import Layout
from sections.output.rendering import render
from sections.store.drafts import write_atomic

CORPUS_LEVELS = frozenset(LEVELS) - {"国务院部门"}
"""The levels the corpus names; any other level is 「other」 there."""

ExportFormat = Literal["txt", "md", "html", "docx"]
Encoding = Literal["utf-8", "gb18030"]
Newline = Literal["lf", "crlf"]
EXPORT_FORMATS: dict[ExportFormat, str] = {
    "txt": "文本 txt",
    "md": "Markdown md",
    "docx": "Word docx（公文格式）",
    "html": "网页 html",
}
"""The formats a report is exported in, each with its name in the export dialog: the one list that the
CLI's --format and the app's dialog both read (and `export_bytes` writes)."""
SUFFIXES: dict[str, ExportFormat] = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx"}
"""The file suffixes written (in any case), each with its format: an export's format follows its file's name."""
UNWRITABLE: dict[str, str] = {
    ".pdf": "要得到 PDF，请导出 .docx，用 WPS 或 Word 打开后「另存为」PDF",
    ".ofd": "要得到 OFD，请导出 .docx，用 WPS 打开后「另存为」或「输出为」OFD",
    ".doc": "旧版 Word（.doc）请导出 .docx，WPS 和 Word 都能打开，也可在其中「另存为」.doc",
    ".wps": "WPS 文字（.wps）请导出 .docx，WPS 能直接打开，也可在其中「另存为」.wps",
    ".rtf": "RTF 请导出 .docx，用 WPS 或 Word 打开后「另存为」RTF",
    ".odt": "ODT 请导出 .docx，用 WPS 或 LibreOffice 打开后「另存为」ODT",
}
"""Suffixes people ask for that are not written, with how to get such a file (never text under their name)."""
ENCODINGS: tuple[Encoding, ...] = ("utf-8", "gb18030")
NEWLINES: tuple[Newline, ...] = ("lf", "crlf")
TEXT_FORMATS: tuple[ExportFormat, ...] = ("txt", "md")
"""Formats whose encoding and line ends can be chosen (HTML declares UTF-8; a .docx is binary)."""


def export_format(path: Path, fmt: ExportFormat | None = None) -> ExportFormat:
    """The format `path` is written in: its suffix's; `fmt` only confirms it, or names one for another suffix.

    A suffix that names a format not written (.pdf, .doc, .wps …), no suffix, a suffix nothing names, and a
    `fmt` that contradicts the suffix are refused with one line saying which suffixes work.
    """
    suffix = path.suffix.lower()
    named = SUFFIXES.get(suffix)
    works = f"可用的后缀：{' '.join(SUFFIXES)}"
    if named is not None:
        if fmt is not None and fmt != named:
            raise ExportError(
                f"{path}：指定的格式 {fmt} 与文件后缀 {path.suffix} 不符。"
                f"请去掉格式选项（按后缀导出 {named}），或把文件名改为 {path.with_suffix('.' + fmt).name}。"
            )
        return named
    if suffix in UNWRITABLE:
        raise ExportError(f"{path}：无法导出 {path.suffix} 文件。{works}；{UNWRITABLE[suffix]}。")
    if not suffix:
        raise ExportError(f"{path}：文件名没有后缀，无法判断导出格式。{works}，请加在文件名后。")
    if fmt is None:
        raise ExportError(f"{path}：无法从后缀 {path.suffix} 判断导出格式。{works}；或用 --format 指定格式。")
    return fmt


def export_bytes(
    report: Report,
    fmt: ExportFormat = "txt",
    layout: Layout = "tabs",
    *,
    encoding: Encoding = "utf-8",
    newline: Newline = "lf",
) -> bytes:
    """The report as a file's bytes; txt and md in `encoding` with `newline` line ends."""
    if fmt not in TEXT_FORMATS and (encoding, newline) != ("utf-8", "lf"):
        raise ExportError(f"--encoding 和 --newline 只适用于 txt 和 md，{fmt} 格式固定为 UTF-8。")
    if fmt == "docx":
        from sections.output.word import word  # python-docx loads only when a Word file is asked for

        return word(report)
    text = render(report, fmt, layout)
    if newline == "crlf":
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text.encode(encoding)


def export(
    report: Report,
    path: Path,
    fmt: ExportFormat | None = None,
    layout: Layout = "tabs",
    *,
    force: bool = False,
    encoding: Encoding = "utf-8",
    newline: Newline = "lf",
) -> None:
    """Write the report atomically in the format its file name says (`export_format`); no overwrite unless `force`."""
    fmt = export_format(path, fmt)
    refuse_existing(path, force=force)
    write_file(path, export_bytes(report, fmt, layout, encoding=encoding, newline=newline))


def refuse_existing(path: Path, *, force: bool) -> None:
    """Refuse to overwrite a file unless `force`, before anything is read or computed."""
    if path.exists() and not force:
        raise ExportError(f"{path}：文件已存在。如要覆盖，请加 --force。")


def write_file(path: Path, data: bytes) -> None:
    """Write an exported file atomically; a file Word or WPS holds open is said as such."""
    try:
        write_atomic(path, data)
    except PermissionError as err:
        raise ExportError(
            f"{path}：无法写入（{err.strerror}）。如果它正在 Word 或 WPS 中打开，请先关闭再导出，或换一个文件名。"
        ) from err
    except OSError as err:
        raise ExportError(f"{path}：无法写入（{err.strerror}）。") from err


def _row(values: list[Figure | Amount], *, many: bool) -> list[Figure] | Figure:
    """A table 二 row as the corpus writes it: a list of figures, or the one figure itself.

    The fee, a `Decimal`, is written as the string it is printed as.
    """
    cells = [str(v) if isinstance(v, Decimal) else v for v in values]
    return cells if many else cells[0]


def figures(report: Report) -> dict[str, Any]:
    """Body, level, year, table format and tables 二、三、四 in the shape of the corpus `expected.json` files.

    A 2019/2020 report's table 二 keeps its own rows, with their columns in `table2_columns`; a table with
    no figure at all is left out, as the corpus leaves out a table the text does not contain.
    """
    t2, t3 = report.disclosure, report.requests
    level = report.meta.level
    shape: dict[str, Any] = {
        "agency": report.meta.body,
        "level": level if level is None or level in CORPUS_LEVELS else "other",
        "year": report.meta.year,
        "format": table_format(report),
    }
    if t2.trial is not None:
        table2: dict[str, Any] = {label: list(cells) for label, cells in t2.trial.rows.items()}
        shape["table2_columns"] = {label: list(TWO_2019.row(label).columns) for label in t2.trial.rows}
    else:
        table2 = {row.label: _row(t2.row(row.key), many=row.many) for row in TWO.rows}
    # Counts (`Figure`: a whole number, a printed non-number or None) are what JSON holds as they are.
    tables = {
        "table2": table2,
        "table3": {r.key: t3.row(r.key) for r in THREE.layout(t3.rows)},
        "table4": report.appeals.values,
    }
    shape.update((key, table) for key, table in tables.items() if _has_figure(table))
    return shape


def _has_figure(table: Any) -> bool:
    """Whether a table (rows by label or key, or table 四 as one row) holds a figure other than None."""
    rows = table.values() if isinstance(table, dict) else [table]
    return any(row.count(None) < len(row) if isinstance(row, list) else row is not None for row in rows)
