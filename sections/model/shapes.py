"""Provides the tables 二、三、四 as grids of figures: each cell's labels, how to read it and how to set it.

The grid editor shows these grids, and the interview takes grid edits through them (a cell addressed by
table, row and column), so no front end knows where a figure lives in the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sections.model.disclosure import (
    ENFORCEMENT_LABEL,
    FEE_LABEL,
    NORMATIVE_LABEL,
    PENALTY_LABEL,
    PERMIT_LABEL,
    RULES_LABEL,
)
from sections.model.findings import Amount, Figure
from sections.model.labels import RULE_COLUMNS, SECTION_HEADINGS, T3_COLUMNS, T3_ROWS, T4_GROUPS, T4_OUTCOMES, TABLE2
from sections.model.report import Report
from sections.model.requests import OUTDATED_OTHER, SPLIT_OTHER, TOTAL, row_name

TableId = Literal["二", "三", "四"]
TABLES: tuple[TableId, ...] = ("二", "三", "四")


def table_title(table: TableId) -> str:
    """「表三 收到和处理政府信息公开申请情况」: the table's name as the grid editor heads it."""
    heading = SECTION_HEADINGS[("一", "二", "三", "四").index(table)]
    return f"表{table} {heading.split('、', 1)[1]}"


@dataclass(frozen=True)
class Slot:
    """One figure of a table: how to read it and, unless it is computed, how to set it."""

    get: Callable[[Report], Figure | Amount]
    put: Callable[[Report, int | Decimal], None] | None = None
    amount: bool = False


@dataclass(frozen=True)
class Grid:
    """A table as rows of slots under column labels; None where a row has no figure."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Slot | None, ...]], ...]


def _list_slot(field: Callable[[Report], list[Figure]], index: int) -> Slot:
    def put(report: Report, value: int | Decimal) -> None:
        field(report)[index] = int(value)

    return Slot(lambda r: field(r)[index], put)


def _attr_slot(name: str, *, amount: bool = False) -> Slot:
    def put(report: Report, value: int | Decimal) -> None:
        setattr(report.disclosure, name, value)

    return Slot(lambda r: getattr(r.disclosure, name), put, amount)


def grid2() -> Grid:
    """Table 二: 规章 and 规范性文件 by three columns, then decisions and the fee in the first."""

    def single(label: str, block: int, slot: Slot) -> tuple[str, tuple[Slot | None, ...]]:
        return f"{label}（{TABLE2[block].columns[1]}）", (slot, None, None)

    return Grid(
        table_title("二"),
        RULE_COLUMNS,
        (
            (RULES_LABEL, tuple(_list_slot(lambda r: r.disclosure.rules, i) for i in range(3))),
            (NORMATIVE_LABEL, tuple(_list_slot(lambda r: r.disclosure.normative, i) for i in range(3))),
            single(PERMIT_LABEL, 1, _attr_slot("permits")),
            single(PENALTY_LABEL, 2, _attr_slot("penalties")),
            single(ENFORCEMENT_LABEL, 2, _attr_slot("enforcement")),
            single(FEE_LABEL, 3, _attr_slot("fee", amount=True)),
        ),
    )


def _t3_slot(key: str, column: int) -> Slot:
    def put(report: Report, value: int | Decimal) -> None:
        report.requests.rows[key][column] = int(value)

    editable = key != "total" and column != TOTAL
    return Slot(lambda r: r.requests.value(key, column), put if editable else None)


def grid3(report: Report) -> Grid:
    """Table 三: the official rows by the six applicant columns and 总计 (computed)."""
    keys = [r.key for r in T3_ROWS if r.key in report.requests.rows or r.key == "total"]
    if OUTDATED_OTHER in report.requests.rows:
        keys = [k for k in keys if k not in SPLIT_OTHER]
        keys.insert(keys.index("total"), OUTDATED_OTHER)
    rows = tuple((row_name(k), tuple(_t3_slot(k, c) for c in range(len(T3_COLUMNS)))) for k in keys)
    return Grid(table_title("三"), T3_COLUMNS, rows)


def _t4_slot(index: int) -> Slot:
    def put(report: Report, value: int | Decimal) -> None:
        report.appeals.cells[index] = int(value)

    computed = index % len(T4_OUTCOMES) == len(T4_OUTCOMES) - 1
    return Slot(lambda r: r.appeals.value(index), None if computed else put)


def grid4() -> Grid:
    """Table 四: 行政复议 and the two kinds of 行政诉讼 as rows, outcomes and 总计 as columns."""
    width = len(T4_OUTCOMES)
    return Grid(
        table_title("四"),
        T4_OUTCOMES,
        tuple((group, tuple(_t4_slot(g * width + c) for c in range(width))) for g, group in enumerate(T4_GROUPS)),
    )


def grid(table: TableId, report: Report) -> Grid:
    """The grid of table 二, 三 or 四 for this report (table 三's rows follow the layout it uses)."""
    if table == "二":
        return grid2()
    if table == "四":
        return grid4()
    return grid3(report)
