"""Provides tables 二、三、四 as grids of cells with the official labels and merged cells, for any output."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from sections.model.findings import Amount, Figure
from sections.model.report import Report
from sections.model.tables import FOUR, THREE, TWO


@dataclass(frozen=True)
class Cell:
    """One cell; `colspan`/`rowspan` say how many grid columns and rows it covers."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    figure: bool = False
    """Whether the cell holds a figure (centred in Word, right-aligned in monospace text)."""


@dataclass(frozen=True)
class Table:
    """A table as rows of the cells that start in each row; `header_rows` rows form its head."""

    rows: tuple[tuple[Cell, ...], ...]
    width: int
    header_rows: int
    label_columns: int
    """How many grid columns at the left hold row labels."""

    def owners(self) -> list[list[tuple[Cell, int, int] | None]]:
        """The full grid: for every slot, the cell covering it and the row and column where it starts."""
        return self._owners

    def slots(self) -> list[list[Cell | None]]:
        """The full grid: a cell where it starts, None where a merged cell covers the slot."""
        return self._slots

    @cached_property
    def _owners(self) -> list[list[tuple[Cell, int, int] | None]]:
        grid: list[list[tuple[Cell, int, int] | None]] = [[None] * self.width for _ in self.rows]
        for r, row in enumerate(self.rows):
            column = 0
            for cell in row:
                while grid[r][column] is not None:
                    column += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        grid[r + dr][column + dc] = (cell, r, column)
                column += cell.colspan
        return grid

    @cached_property
    def _slots(self) -> list[list[Cell | None]]:
        return [
            [o[0] if o is not None and (o[1], o[2]) == (r, c) else None for c, o in enumerate(row)]
            for r, row in enumerate(self.owners())
        ]

    def cells(self) -> Iterator[tuple[int, int, Cell]]:
        """Every cell with the row and column where it starts."""
        for r, row in enumerate(self.slots()):
            for c, cell in enumerate(row):
                if cell is not None:
                    yield r, c, cell


def figure(value: Figure | Amount) -> str:
    """A figure as printed: blank while unanswered, non-numbers as they were printed."""
    if value is None:
        return ""
    return str(value) if isinstance(value, int | Decimal) else value


def _figures(values: list[Figure]) -> tuple[Cell, ...]:
    return tuple(Cell(figure(v), figure=True) for v in values)


def table2(report: Report) -> list[Table]:
    """Table 二 as its blocks, each with its title row and column row."""
    width = TWO.width
    blocks = []
    for block in TWO.blocks:
        span = width + 1 - len(block.columns)
        head = tuple(
            Cell(c, colspan=span if i == len(block.columns) - 1 and i else 1) for i, c in enumerate(block.columns)
        )
        body = tuple(
            (Cell(row.label),)
            + tuple(
                Cell(figure(v), colspan=1 if row.many else span, figure=True) for v in report.disclosure.row(row.key)
            )
            for row in TWO.rows_in(block)
        )
        blocks.append(Table(((Cell(block.title, colspan=width),), head, *body), width, 2, 1))
    return blocks


def table3(report: Report) -> Table:
    """Table 三 with the official merged header and row-label cells."""
    t3 = report.requests
    labels = 3
    header = (
        (Cell(THREE.note, colspan=labels, rowspan=3), Cell(THREE.applicants_heading, colspan=THREE.width)),
        (
            Cell(THREE.applicants[0], rowspan=2),
            Cell(THREE.organisations_heading, colspan=len(THREE.organisations)),
            Cell(THREE.columns[THREE.total_column], rowspan=2),
        ),
        tuple(Cell(c) for c in THREE.organisations),
    )
    body: list[tuple[Cell, ...]] = []
    results = [r for r in THREE.rows if r.group is not None]
    seen_groups: set[str] = set()
    for row in THREE.rows:
        values = _figures(t3.row(row.key))
        if row.group is None:
            body.append((Cell(row.label, colspan=labels), *values))
            continue
        lead = (Cell(THREE.result_heading, rowspan=len(results)),) if row is results[0] else ()
        heading = THREE.group_headings.get(row.group)
        if heading is None:
            body.append((*lead, Cell(row.label, colspan=labels - 1), *values))
        elif row.group not in seen_groups:
            seen_groups.add(row.group)
            size = sum(1 for r in THREE.rows if r.group == row.group)
            body.append((*lead, Cell(heading, rowspan=size), Cell(row.label), *values))
        else:
            body.append((Cell(row.label), *values))
    return Table((*header, *body), labels + THREE.width, 3, labels)


def table4(report: Report) -> Table:
    """Table 四 with 行政复议 and 行政诉讼 over their columns."""
    width = FOUR.group_width
    kinds = FOUR.litigation_kinds
    return Table(
        (
            (Cell(FOUR.review, colspan=width), Cell(FOUR.litigation, colspan=len(kinds) * width)),
            (*(Cell(o, rowspan=2) for o in FOUR.columns), *(Cell(kind, colspan=width) for kind in kinds)),
            tuple(Cell(o) for o in FOUR.columns * len(kinds)),
            _figures(report.appeals.values),
        ),
        FOUR.width,
        3,
        0,
    )
