"""Provides writing a rendered report to a file, and the report's figures in the corpus JSON shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .disclosure import (
    ENFORCEMENT_LABEL, FEE_LABEL, NORMATIVE_LABEL, PENALTY_LABEL, PERMIT_LABEL, RULES_LABEL,
)
from .drafts import write_atomic
from .errors import ExportError
from .findings import Amount, Figure
from .labels import T3_ROWS, T3_ROWS_2019
from .render import Format, Layout, render
from .report import Report
from .requests import OUTDATED_OTHER


def export(report: Report, path: Path, fmt: Format = "txt", layout: Layout = "tabs",
           *, force: bool = False) -> None:
    """Render the report and write it atomically; refuse to overwrite unless `force`."""
    if path.exists() and not force:
        raise ExportError(f"{path}：文件已存在。如要覆盖，请加 --force。")
    try:
        write_atomic(path, render(report, fmt, layout).encode("utf-8"))
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
