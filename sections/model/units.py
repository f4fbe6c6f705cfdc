"""Provides a region's units: every figure of tables 二、三、四 by name, and the figures each merged unit gave.

A county's report is often the sum of its departments' and townships' reports. `FIGURES` lists each
figure of the three tables once, as the grids describe them (where a reviewer names it, how to read and
set it, the question that asks it); `merge` (store) sums the units' figures into a region draft, U1
(rules) compares a region with its units, and the grid editor shows a cell's units, all through this
list. `Merged` is what a region draft keeps of its units: their names and the figures they gave.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field

from sections.model.findings import Amount, Figure
from sections.model.grids import TABLES, Slot, grid
from sections.model.report import Report

FIGURES: tuple[Slot, ...] = tuple(
    slot for table in TABLES for _, slots in grid(table, Report()).rows for slot in slots if slot is not None
)
"""Every figure of tables 二、三、四 in the 2021 format, in printed order, totals included."""

ENTERED: tuple[Slot, ...] = tuple(f for f in FIGURES if f.put is not None)
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
