"""Provides grid edits as answers: cells of tables 二、三、四 addressed by table, row and column, parsed and said."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sections.interview.answers import parse_amount, parse_count
from sections.model.errors import AnswerError
from sections.model.findings import Amount, Figure
from sections.model.grids import Grid, Slot, TableId, grid
from sections.model.report import Report
from sections.output.tables import figure


@dataclass(frozen=True)
class CellEdit:
    """One figure typed or pasted into a grid: its table, row and figure column (from 0), and the text."""

    table: TableId
    row: int
    column: int
    text: str


@dataclass(frozen=True)
class Change:
    """A parsed edit that changes a figure: the slot to set, the new value, and the change in words."""

    slot: Slot
    value: int | Decimal
    said: str


def place(table: Grid, row: int, column: int) -> str:
    """A cell as a reviewer names it: 「表三 （一）予以公开 自然人」 (no column for a row of one figure)."""
    label, slots = table.rows[row]
    short = table.title.split(" ", 1)[0]
    single = sum(slot is not None for slot in slots) == 1
    return f"{short} {label}" if single else f"{short} {label} {table.columns[column]}"


def parse(slot: Slot, text: str) -> int | Decimal:
    """A typed or pasted figure for a slot: a count, or an amount in 万元; `AnswerError` says what is expected."""
    return parse_amount(text)[0] if slot.amount else parse_count(text)


def changes(report: Report, edits: Sequence[CellEdit]) -> list[Change]:
    """The edits that change a figure, all parsed; one bad cell refuses the lot with its place and the reason."""
    grids: dict[TableId, Grid] = {}
    found: list[Change] = []
    for edit in edits:
        table = grids.setdefault(edit.table, grid(edit.table, report))
        if not (0 <= edit.row < len(table.rows) and 0 <= edit.column < len(table.rows[edit.row][1])):
            raise AnswerError(f"表{edit.table}没有第 {edit.row + 1} 行第 {edit.column + 1} 列。")
        slot = table.rows[edit.row][1][edit.column]
        if slot is None:
            continue
        where = place(table, edit.row, edit.column)
        if slot.put is None:
            raise AnswerError(f"{where} 是合计，由程序计算，不能填写。")
        try:
            value = parse(slot, edit.text)
        except AnswerError as err:
            raise AnswerError(f"{where}：{err.message}") from err
        old = slot.get(report)
        if not _same(old, value):
            found.append(Change(slot, value, f"{where} {_shown(old)} → {figure(value)}"))
    return found


def _same(old: Figure | Amount, new: int | Decimal) -> bool:
    return isinstance(old, int | Decimal) and old == new and str(old) == str(new)


def _shown(value: Figure | Amount) -> str:
    return "空" if value is None else figure(value)
