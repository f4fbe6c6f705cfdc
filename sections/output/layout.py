"""Provides the text layouts of a table: tab-separated rows, aligned monospace grid, Markdown."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from sections.output.tables import Cell, Table

Layout = Literal["tabs", "grid"]
LAYOUTS: tuple[Layout, ...] = ("tabs", "grid")
"""Table layouts of the text export: tab-separated cells, or aligned monospace columns."""

GAP = "  "
MAX_CELL = 24
"""Widest a cell may be in the grid layout, in terminal columns; longer labels wrap."""


@lru_cache(maxsize=8192)
def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


@lru_cache(maxsize=8192)
def width(text: str) -> int:
    """Display width in a monospace terminal: CJK and full-width characters take two columns."""
    return sum(map(_char_width, text))


@lru_cache(maxsize=8192)
def wrap(text: str, limit: int) -> tuple[str, ...]:
    """Break text into lines of at most `limit` columns (Chinese has no spaces to break at)."""
    lines: list[str] = []
    start = used = 0
    for index, char in enumerate(text):
        size = _char_width(char)
        if index > start and used + size > limit:
            lines.append(text[start:index])
            start, used = index, 0
        used += size
    return (*lines, text[start:])


def tabs(tables: Sequence[Table]) -> str:
    """Rows of tab-separated cells; merged cells leave empty cells, so Word or WPS rebuilds the table."""
    lines = []
    for table in tables:
        for row in table.slots():
            lines.append("\t".join(cell.text if cell else "" for cell in row))
    return "\n".join(lines)


def grid(tables: Sequence[Table]) -> str:
    """Aligned monospace columns, correct for double-width characters; long labels wrap."""
    return _grid(tuple(tables))


@lru_cache(maxsize=32)
def _grid(tables: tuple[Table, ...]) -> str:
    """`grid`, kept for tables whose cells have not changed: an answer changes one table, the preview shows three."""
    columns = max(t.width for t in tables)
    widths = [0] * columns
    placed = [(r, c, cell) for t in tables for r, c, cell in t.cells()]
    for _, c, cell in sorted(placed, key=lambda p: p[2].colspan):
        room = sum(widths[c : c + cell.colspan]) + len(GAP) * (cell.colspan - 1)
        need = min(width(cell.text), MAX_CELL)
        if need > room:
            widths[c + cell.colspan - 1] += need - room
    return "\n".join(line for t in tables for line in _grid_lines(t, widths))


def _grid_lines(table: Table, widths: list[int]) -> list[str]:
    lines: list[str] = []
    for row in table.slots():
        blocks: list[list[str]] = []
        column = 0
        while column < table.width:
            cell = row[column]
            span = cell.colspan if cell else 1
            room = sum(widths[column : column + span]) + len(GAP) * (span - 1)
            blocks.append([_pad(t, room, cell) for t in wrap(cell.text, room)] if cell else [" " * room])
            column += span
        height = max(len(b) for b in blocks)
        for i in range(height):
            parts = [b[i] if i < len(b) else " " * width(b[0]) for b in blocks]
            lines.append(GAP.join(parts).rstrip())
    return lines


def _pad(text: str, room: int, cell: Cell) -> str:
    fill = " " * (room - width(text))
    return fill + text if cell.figure else text + fill


def markdown(table: Table, title: str | None = None) -> str:
    """A Markdown table: header rows folded into one, label columns folded into one."""
    slots = table.slots()
    value_columns = range(table.label_columns, table.width)
    head = [_column_heading(slots[: table.header_rows], c, len(value_columns)) for c in value_columns]
    label_head = " ".join(c.text for c in slots[0][: table.label_columns] if c)
    lines = []
    if title:
        lines += [f"**{_escape(title)}**", ""]
    heading = ([label_head] if table.label_columns else []) + head
    lines.append("| " + " | ".join(_escape(h) for h in heading) + " |")
    lines.append(
        "|" + "|".join(":---" if i < min(table.label_columns, 1) else ":---:" for i in range(len(heading))) + "|"
    )
    owners = table.owners()
    for r in range(table.header_rows, len(slots)):
        row = slots[r]
        label = " ".join(_row_labels(owners[r][: table.label_columns], r))
        values = [cell.text if (cell := row[c]) else "" for c in value_columns]
        cells = ([label] if table.label_columns else []) + values
        lines.append("| " + " | ".join(_escape(v) for v in cells) + " |")
    return "\n".join(lines)


def _row_labels(owners: list[tuple[Cell, int, int] | None], row: int) -> list[str]:
    """The labels of one row: its own, its group's, and the outermost only on the group's first row."""
    labels: list[str] = []
    for column, owner in enumerate(owners):
        if owner is None or owner[0].text in labels:
            continue
        if column > 0 or owner[1] == row:
            labels.append(owner[0].text)
    return labels


def _column_heading(header: list[list[Cell | None]], column: int, columns: int) -> str:
    """The labels over one column, outermost first, leaving out a label that spans every column."""
    parts: list[str] = []
    for row in header:
        start = next((c for c in range(column, -1, -1) if row[c] is not None), None)
        owner = row[start] if start is not None else None
        if (
            owner is not None
            and start is not None
            and start + owner.colspan > column
            and owner.colspan < columns
            and owner.text not in parts
        ):
            parts.append(owner.text)
    return "·".join(parts)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
