"""Provides tables 二、三、四 as grids of cells with the official labels and merged cells, for any output."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from sections.model.findings import Amount, Figure
from sections.model.labels import (
    T3_APPLICANTS,
    T3_APPLICANTS_HEADING,
    T3_COLUMNS,
    T3_GROUP_HEADINGS,
    T3_NOTE,
    T3_ORGANISATIONS_HEADING,
    T3_RESULT_HEADING,
    T3_ROWS,
    T4_LITIGATION,
    T4_LITIGATION_KINDS,
    T4_OUTCOMES,
    T4_REVIEW,
    TABLE2,
)
from sections.model.report import Report


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
    """Table 二 as its four blocks, each with its title row and column row."""
    t2 = report.disclosure
    figures: list[list[Sequence[Figure | Amount]]] = [
        [t2.rules, t2.normative],
        [[t2.permits]],
        [[t2.penalties], [t2.enforcement]],
        [[t2.fee]],
    ]
    blocks = []
    for block, rows in zip(TABLE2, figures, strict=True):
        span = 5 - len(block.columns)
        head = tuple(
            Cell(c, colspan=span if i == len(block.columns) - 1 and i else 1) for i, c in enumerate(block.columns)
        )
        body = tuple(
            (Cell(label),)
            + tuple(Cell(figure(v), colspan=span if len(values) == 1 else 1, figure=True) for v in values)
            for label, values in zip(block.rows, rows, strict=True)
        )
        blocks.append(Table(((Cell(block.title, colspan=4),), head, *body), 4, 2, 1))
    return blocks


def table3(report: Report) -> Table:
    """Table 三 with the official merged header and row-label cells."""
    t3 = report.requests
    header = (
        (Cell(T3_NOTE, colspan=3, rowspan=3), Cell(T3_APPLICANTS_HEADING, colspan=7)),
        (Cell(T3_APPLICANTS[0], rowspan=2), Cell(T3_ORGANISATIONS_HEADING, colspan=5), Cell(T3_COLUMNS[-1], rowspan=2)),
        tuple(Cell(c) for c in T3_APPLICANTS[1:]),
    )
    body: list[tuple[Cell, ...]] = []
    results = [r for r in T3_ROWS if r.group is not None]
    seen_groups: set[str] = set()
    for row in T3_ROWS:
        values = _figures(t3.row(row.key))
        if row.group is None:
            body.append((Cell(row.label, colspan=3), *values))
            continue
        lead = (Cell(T3_RESULT_HEADING, rowspan=len(results)),) if row is results[0] else ()
        heading = T3_GROUP_HEADINGS.get(row.group)
        if heading is None:
            body.append((*lead, Cell(row.label, colspan=2), *values))
        elif row.group not in seen_groups:
            seen_groups.add(row.group)
            size = sum(1 for r in T3_ROWS if r.group == row.group)
            body.append((*lead, Cell(heading, rowspan=size), Cell(row.label), *values))
        else:
            body.append((Cell(row.label), *values))
    return Table((*header, *body), 10, 3, 3)


def table4(report: Report) -> Table:
    """Table 四 with 行政复议 and 行政诉讼 over their columns."""
    width = len(T4_OUTCOMES)
    return Table(
        (
            (Cell(T4_REVIEW, colspan=width), Cell(T4_LITIGATION, colspan=2 * width)),
            (*(Cell(o, rowspan=2) for o in T4_OUTCOMES), *(Cell(kind, colspan=width) for kind in T4_LITIGATION_KINDS)),
            tuple(Cell(o) for o in T4_OUTCOMES * 2),
            _figures(report.appeals.values),
        ),
        3 * width,
        3,
        0,
    )
