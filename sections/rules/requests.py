"""Provides table 三, 收到和处理政府信息公开申请情况: its model and checks (C1, C2, T3-ROW, T3-COL, T3-BAL)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from sections.model.findings import Figure, Finding, Severity, number
from sections.model.ids import QuestionId
from sections.model.report import Report
from sections.model.requests import SECTION, Requests, row_name, row_question
from sections.model.tables import THREE
from sections.rules.shared import shared


@dataclass(frozen=True)
class _Unusual:
    """The cells of table 三 that C1 and C2 report, found in one pass for both: (row key, column, value)."""

    marked: list[tuple[str, int, str]]
    """Cells holding something else than a number (「/」, 「—」, 「无」, or blank as printed)."""
    negative: list[tuple[str, int, int]]
    """Negative counts."""


def _unusual(report: Report) -> _Unusual:
    marked: list[tuple[str, int, str]] = []
    negative: list[tuple[str, int, int]] = []
    for key, cells in report.requests.rows.items():
        for column, value in enumerate(cells):
            if isinstance(value, str):
                marked.append((key, column, value))
            elif isinstance(value, int) and value < 0:
                negative.append((key, column, value))
    return _Unusual(marked, negative)


def check_blank(report: Report) -> Iterator[Finding]:
    """C1: every cell of table 三 is a number: 0, not blank, 「/」, 「—」 or 「无」."""
    marked = shared(_unusual, report).marked
    marks = [f"{row_name(k)} {THREE.columns[c]}（{v or '空白'}）" for k, c, v in marked]
    if marks:
        yield Finding(
            "C1",
            Severity.ERROR,
            SECTION,
            "表三",
            f"表三有 {len(marks)} 处不是数字：{'、'.join(marks[:5])}{' 等' if len(marks) > 5 else ''}。",
            "没有发生的情形填 0。",
            row_question(marked[0][0]),
        )


def check_negative(report: Report) -> Iterator[Finding]:
    """C2: every count in table 三 is a whole number of at least 0."""
    for key, column, value in shared(_unusual, report).negative:
        where = f"表三 行[{row_name(key)}] 列[{THREE.columns[column]}]"
        yield Finding(
            "C2",
            Severity.ERROR,
            SECTION,
            where,
            f"{where} 填报为 {value}，件数不能为负数。",
            "请填写 0 或正数。",
            row_question(key),
        )


COLUMN_PLACES = tuple(f"表三 列[{name}]" for name in THREE.columns)
"""Each column of table 三 as a finding places it: 「表三 列[总计]」."""


@cache
def _row_place(key: str) -> tuple[str, QuestionId]:
    """Where a row's finding stands and the question that sets the row (the same for every report)."""
    return f"表三 行[{row_name(key)}]", row_question(key)


def _shown(table: Requests, key: str) -> list[Figure]:
    """A row's cells as the report shows them (`Requests.row`), without computing a printed total."""
    cells = table.rows.get(key)
    return cells if cells is not None and cells[THREE.total_column] is not None else table.row(key)


def _unequal(
    rule: str, where: str, parts: Sequence[Figure], stated: Figure, says: str, hint: str, target: QuestionId
) -> Finding | None:
    """`rule` at `where` when answered `parts` do not add up to the answered `stated` figure.

    `says` is the message, with {where}, {computed} and {stated} to fill in.
    """
    if stated is None or None in parts:
        return None
    computed = sum(map(number, parts))
    if computed == number(stated):
        return None
    message = says.format(where=where, computed=computed, stated=stated)
    return Finding(rule, Severity.ERROR, SECTION, where, message, hint, target)


def check_rows(report: Report) -> Iterator[Finding]:
    """T3-ROW: in each row, the six applicant columns add up to the printed 总计."""
    total = THREE.total_column
    for key, cells in report.requests.rows.items():
        where, question = _row_place(key)
        finding = _unequal(
            "T3-ROW",
            where,
            cells[:total],
            cells[total],
            "{where}：六类申请人合计 {computed}，但总计填报为 {stated}。",
            "请核对各列数字或总计。",
            question,
        )
        if finding:
            yield finding


def check_columns(report: Report) -> Iterator[Finding]:
    """T3-COL: in each column, （七）总计 equals the sum of the result sub-rows."""
    table = report.requests
    if "total" not in table.rows:
        return
    results = [_shown(table, k) for k in table.result_keys]
    for where, parts, stated in zip(COLUMN_PLACES, zip(*results, strict=True), _shown(table, "total"), strict=True):
        finding = _unequal(
            "T3-COL",
            where,
            parts,
            stated,
            "{where}：各办理结果合计 {computed}，但（七）总计填报为 {stated}。",
            "请核对办理结果各行或（七）总计。",
            QuestionId.T3_OUTCOMES,
        )
        if finding:
            yield finding


def check_balance(report: Report) -> Iterator[Finding]:
    """T3-BAL: in each column, 一 新收 + 二 上年结转 = 三（七）总计 + 四 结转下年度 (the printed 勾稽关系)."""
    shown = [_shown(report.requests, k) for k in ("new", "carry_in", "total", "carry_out")]
    for where, cells in zip(COLUMN_PLACES, zip(*shown, strict=True), strict=True):
        if None in cells:
            continue
        new, carry_in, done, carry_out = map(number, cells)
        if new + carry_in != done + carry_out:
            short = "办理结果或结转数偏少" if new + carry_in > done + carry_out else "办理结果或结转数偏多"
            yield Finding(
                "T3-BAL",
                Severity.ERROR,
                SECTION,
                where,
                f"{where} 勾稽关系不平：新收 {new} + 上年结转 {carry_in} = {new + carry_in}，"
                f"但办理结果合计 {done} + 结转下年度 {carry_out} = {done + carry_out}"
                f"（{short}）。",
                "应满足 第一项 + 第二项 = 第三项（七）总计 + 第四项：请核对办理结果或结转数。",
                QuestionId.T3_BALANCE,
            )


RULES = (check_blank, check_negative, check_rows, check_columns, check_balance)
