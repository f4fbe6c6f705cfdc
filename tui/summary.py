"""Provides what `nianbao check` and `nianbao import` need beyond a single draft.

Published reports are read as well as drafts; long batches get a progress bar and a summary table;
an imported report is written as a draft.

No Textual or prompt_toolkit here: these commands must start fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sections.model.findings import Finding, Severity
from sections.model.report import Report
from sections.output.layout import width

BAR = 24
"""Width of the progress bar in characters."""


class Checked:
    """One line of the summary table: the counts, not the report, so that long batches stay small."""

    def __init__(self, path: Path, report: Report | None, findings: Sequence[Finding] = ()) -> None:
        self.path = path
        self.readable = report is not None
        self.body = report.meta.body if report is not None else None
        self.year = report.meta.year if report is not None else None
        self.errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        self.warnings = sum(1 for f in findings if f.severity is Severity.WARNING)


def summary(checked: Sequence[Checked]) -> str:
    """The table printed after a batch: file, body, year, errors, warnings."""
    rows = [("文件", "机关", "年度", "错误", "提醒")]
    for item in checked:
        if not item.readable:
            rows.append((str(item.path), "（无法读取）", "", "", ""))
            continue
        rows.append(
            (str(item.path), item.body or "（未知）", str(item.year or ""), str(item.errors), str(item.warnings))
        )
    sizes = [max(width(row[c]) for row in rows) for c in range(5)]
    lines = []
    for row in rows:
        cells = [
            cell + " " * (sizes[c] - width(cell)) if c < 3 else " " * (sizes[c] - width(cell)) + cell
            for c, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    files = len(checked)
    failed = sum(1 for item in checked if item.errors)
    unread = sum(1 for item in checked if not item.readable)
    lines.append(f"共 {files} 个文件：{failed} 个有错误，{unread} 个无法读取。")
    return "\n".join(lines)


class Progress:
    """A one-line progress bar on a terminal's error stream, in plain characters; silent elsewhere."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream, self.shown = total, stream, 0
        self.active = total > 1 and stream.isatty()

    def step(self, done: int, path: Path) -> None:
        """Show that `done` files are checked and `path` is next."""
        if not self.active:
            return
        filled = BAR * done // self.total
        name = path.name if len(path.name) <= 40 else "…" + path.name[-39:]
        line = f"[{'#' * filled}{'.' * (BAR - filled)}] {done}/{self.total} {name}"
        self.clear()
        self.stream.write(line)
        self.stream.flush()
        self.shown = width(line)

    def clear(self) -> None:
        """Remove the bar before other output is printed."""
        if self.active and self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0
