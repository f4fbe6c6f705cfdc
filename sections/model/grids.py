"""Provides the tables 二、三、四 as grids of figures: each cell's labels, how to read it and how to set it.

The grid editor shows these grids, and the interview takes grid edits through them (a cell addressed by
table, row and column), so no front end knows where a figure lives in the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sections.model.appeals import GROUP_QUESTIONS
from sections.model.disclosure import row_question as t2_question
from sections.model.findings import Amount, Figure
from sections.model.ids import QuestionId
from sections.model.report import Report
from sections.model.requests import row_name
from sections.model.requests import row_question as t3_question
from sections.model.tables import FOUR, THREE, TWO, Table2Row

TableId = Literal["二", "三", "四"]
TABLES: tuple[TableId, ...] = ("二", "三", "四")


def table_title(table: TableId) -> str:
    """「表三 收到和处理政府信息公开申请情况」: the table's name as the grid editor heads it."""
    titles: dict[TableId, str] = {"二": TWO.title, "三": THREE.title, "四": FOUR.title}
    return titles[table]


@dataclass(frozen=True)
class Slot:
    """One figure of a table: where it is, how to read it and, unless it is computed, how to set it."""

    table: TableId
    where: str
    """As a reviewer names it: 「表二 行政许可」, 「表三 行[（一）予以公开] 列[自然人]」, 「表四 行政复议 结果维持」."""
    target: QuestionId
    """The interview question that asks it."""
    get: Callable[[Report], Figure | Amount]
    put: Callable[[Report, int | Decimal], None] | None = None
    amount: bool = False


@dataclass(frozen=True)
class Grid:
    """A table as rows of slots under column labels; None where a row has no figure."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Slot | None, ...]], ...]


def _t2_slot(row: Table2Row, column: int) -> Slot:
    def put(report: Report, value: int | Decimal) -> None:
        report.disclosure.set_figure(row.key, column, value)

    return Slot(
        "二", row.place(column), t2_question(row.key), lambda r: r.disclosure.row(row.key)[column], put, row.amount
    )


def grid2() -> Grid:
    """Table 二: the document rows by their three columns, then each decision and the fee in the first."""
    width = len(TWO.columns)
    rows: list[tuple[str, tuple[Slot | None, ...]]] = []
    for row in TWO.rows:
        slots = tuple(_t2_slot(row, c) for c in range(len(row.columns)))
        label = row.label if row.many else f"{row.label}（{row.columns[0]}）"
        rows.append((label, slots + (None,) * (width - len(slots))))
    return Grid(TWO.title, TWO.columns, tuple(rows))


def _t3_slot(key: str, column: int) -> Slot:
    def put(report: Report, value: int | Decimal) -> None:
        report.requests.rows[key][column] = int(value)

    where = f"表三 行[{row_name(key)}] 列[{THREE.columns[column]}]"
    setter = None if THREE.is_computed(key, column) else put
    return Slot("三", where, t3_question(key), lambda r: r.requests.value(key, column), setter)


def grid3(report: Report) -> Grid:
    """Table 三: the rows of the layout the report uses by the six applicant columns and 总计 (computed)."""
    present = report.requests.rows
    keys = [r.key for r in THREE.layout(present) if r.key in present or r.key == THREE.total_row]
    rows = tuple((row_name(k), tuple(_t3_slot(k, c) for c in range(THREE.width))) for k in keys)
    return Grid(THREE.title, THREE.columns, rows)


def _t4_slot(index: int) -> Slot:
    def put(report: Report, value: int | Decimal) -> None:
        report.appeals.cells[index] = int(value)

    question, setter = GROUP_QUESTIONS[index // FOUR.group_width], None if FOUR.is_computed(index) else put
    return Slot("四", f"表四 {FOUR.name(index)}", question, lambda r: r.appeals.value(index), setter)


def grid4() -> Grid:
    """Table 四: 行政复议 and the two kinds of 行政诉讼 as rows, outcomes and 总计 as columns."""
    return Grid(
        FOUR.title,
        FOUR.columns,
        tuple(
            (group.name, tuple(_t4_slot(FOUR.index(g, c)) for c in range(FOUR.group_width)))
            for g, group in enumerate(FOUR.groups)
        ),
    )


def grid(table: TableId, report: Report) -> Grid:
    """The grid of table 二, 三 or 四 for this report (table 三's rows follow the layout it uses)."""
    if table == "二":
        return grid2()
    if table == "四":
        return grid4()
    return grid3(report)
