"""Provides a region's units: every figure of tables 二、三、四 by name, and the figures each merged unit gave.

A county's report is often the sum of its departments' and townships' reports. `FIGURES` lists each
figure of the three tables once (where a reviewer names it, how to read it, how to set it, the question
that asks it); `merge` (store) sums the units' figures into a region draft, U1 (rules) compares a region
with its units, and the grid editor shows a cell's units, all through this list. `Merged` is what a
region draft keeps of its units: their names and the figures they gave when they were summed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field

from sections.model.appeals import GROUP_QUESTIONS
from sections.model.disclosure import row_question as t2_question
from sections.model.findings import Amount, Figure
from sections.model.ids import QuestionId, SectionId
from sections.model.report import Report
from sections.model.requests import row_name
from sections.model.requests import row_question as t3_question
from sections.model.tables import FOUR, THREE, TWO


@dataclass(frozen=True)
class TableFigure:
    """One figure of table 二, 三 or 四: its name, how to read and (unless computed) set it, its question."""

    section: SectionId
    where: str
    """As a reviewer names it: 「表二 行政许可」, 「表三 行[（一）予以公开] 列[自然人]」."""
    target: QuestionId
    get: Callable[[Report], Figure | Amount]
    put: Callable[[Report, int | Decimal], None] | None
    """None for a total the program computes (表三 总计, 表四 总计)."""


def _table2() -> list[TableFigure]:
    def slot(key: str, column: int) -> TableFigure:
        def put(report: Report, value: int | Decimal) -> None:
            report.disclosure.set_figure(key, column, value)

        return TableFigure(
            "二", TWO.row(key).place(column), t2_question(key), lambda r: r.disclosure.row(key)[column], put
        )

    return [slot(row.key, c) for row in TWO.rows for c in range(len(row.columns))]


def _table3() -> list[TableFigure]:
    def slot(key: str, column: int) -> TableFigure:
        def put(report: Report, value: int | Decimal) -> None:
            report.requests.rows[key][column] = int(value)

        where = f"表三 行[{row_name(key)}] 列[{THREE.columns[column]}]"
        setter = None if THREE.is_computed(key, column) else put
        return TableFigure("三", where, t3_question(key), lambda r: r.requests.value(key, column), setter)

    return [slot(row.key, c) for row in THREE.rows for c in range(THREE.width)]


def _table4() -> list[TableFigure]:
    def slot(index: int) -> TableFigure:
        def put(report: Report, value: int | Decimal) -> None:
            report.appeals.cells[index] = int(value)

        setter = None if FOUR.is_computed(index) else put
        question = GROUP_QUESTIONS[index // FOUR.group_width]
        return TableFigure("四", f"表四 {FOUR.name(index)}", question, lambda r: r.appeals.value(index), setter)

    return [slot(i) for i in range(FOUR.width)]


FIGURES: tuple[TableFigure, ...] = (*_table2(), *_table3(), *_table4())
"""Every figure of tables 二、三、四 in the 2021 format, in printed order, totals included."""

ENTERED: tuple[TableFigure, ...] = tuple(f for f in FIGURES if f.put is not None)
"""The figures a clerk enters (no totals): what a region's merge sums."""

UnitValue = Annotated[int | Decimal | str | None, Field(union_mode="left_to_right")]
"""A unit's figure as it gave it: a count, the fee in 万元, a printed non-number (「/」) or None for blank."""


class Unit(BaseModel):
    """One unit summed into a region: who it is, where it was read from, and the figures it gave."""

    body: str
    """The unit's name as its report gives it."""
    file: str
    """The file it was read from when merged."""
    figures: dict[int, UnitValue] = Field(default_factory=dict)
    """Index in `Merged.figures` → the unit's figure; a figure left out was 0."""


class Merged(BaseModel):
    """The units a region draft's tables were summed from, with the figures each gave."""

    figures: list[str] = Field(default_factory=lambda: [f.where for f in ENTERED])
    """The names of the figures summed, in the order the units' figures are indexed."""
    units: list[Unit] = Field(default_factory=list)

    def record(self, body: str, file: str, values: list[Figure | Amount]) -> None:
        """Keep a unit's figures (given in the order of `ENTERED`); zeros are left out to keep the draft small."""
        kept = {i: v for i, v in enumerate(values) if not (isinstance(v, int | Decimal) and v == 0)}
        self.units.append(Unit(body=body, file=file, figures=kept))

    def given(self, where: str) -> list[tuple[str, Figure | Amount]]:
        """Each unit and the figure it gave for `where` (empty when it is not a figure the merge summed)."""
        if where not in self.figures:
            return []
        index = self.figures.index(where)
        return [(unit.body, unit.figures.get(index, 0)) for unit in self.units]
