"""Provides table 二, 主动公开政府信息情况: its model and its checks (C1, C2, C3, C4, T2-RULES)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from sections.model.disclosure import SECTION
from sections.model.findings import Finding, Severity, number
from sections.model.ids import QuestionId
from sections.model.report import Report
from sections.model.tables import TWO

from . import disclosure_2019

PLAUSIBLE_FEE_WAN: dict[str | None, Decimal] = {
    "乡镇街道": Decimal(1_000),
    "县级以上政府部门": Decimal(100_000),
    "县级政府": Decimal(100_000),
    "设区的市政府": Decimal(1_000_000),
    "省级政府部门": Decimal(1_000_000),
    "省级政府": Decimal(10_000_000),
    "国务院部门": Decimal(10_000_000),
}
"""Above these amounts in 万元 a fee is more likely typed in 元 (C4)."""

FEE_ROW, RULES_ROW = TWO.row("fee"), TWO.row("rules")
"""The rows these checks name: 行政事业性收费 (C3, C4) and 规章 (T2-RULES)."""


def check_blank(report: Report) -> Iterator[Finding]:
    """C1: every figure of table 二 is a number: 0, not 「/」, 「—」 or 「无」."""
    marks = [(where, value, target) for where, value, target in report.disclosure.cells() if isinstance(value, str)]
    if marks:
        yield disclosure_2019.not_numbers([(where, value) for where, value, _ in marks], marks[0][2])


def check_negative(report: Report) -> Iterator[Finding]:
    """C2: counts are whole numbers of at least 0, and the fee is an amount of at least 0."""
    for where, value, target in report.disclosure.cells():
        if number(value) < 0:
            yield Finding(
                "C2",
                Severity.ERROR,
                SECTION,
                where,
                f"{where} 填报为 {value}，不能为负数。",
                "件数和金额只能是 0 或正数；如有废止，请填废止的件数。",
                target,
            )


def check_fee_decimals(report: Report) -> Iterator[Finding]:
    """C3: the fee has the number of decimals the province requires (zero is fine as 「0」)."""
    fee, wanted = report.disclosure.fee, report.meta.fee_decimals
    if not isinstance(fee, Decimal) or wanted is None or fee == 0:
        return
    exponent = fee.as_tuple().exponent
    given = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if given != wanted:
        yield Finding(
            "C3",
            Severity.WARNING,
            SECTION,
            FEE_ROW.place(0),
            f"收费金额 {fee} 有 {given} 位小数，本省要求保留 {wanted} 位。",
            f"请写成 {fee.quantize(Decimal(1).scaleb(-wanted))}。",
            QuestionId.T2_FEE,
        )


def check_fee_unit(report: Report) -> Iterator[Finding]:
    """C4: a fee implausibly large for the body's level was probably typed in 元, not 万元."""
    fee = report.disclosure.fee
    limit = PLAUSIBLE_FEE_WAN.get(report.meta.level)
    if isinstance(fee, Decimal) and limit is not None and fee > limit:
        yield Finding(
            "C4",
            Severity.WARNING,
            SECTION,
            FEE_ROW.place(0),
            f"收费金额 {fee} 万元（{fee / 10000:g} 亿元）对{report.meta.level}而言过大，可能按“元”填写了。",
            f"单位是万元：如实际为 {fee} 元，应填 {fee / 10000}。",
            QuestionId.T2_FEE,
        )


def _cell(value: object) -> str:
    """A cell of 规章 as a finding quotes it in 「1/空白/11」: a printed non-number (「/」) in quotes."""
    if value is None or not str(value).strip():
        return "空白"
    return str(value) if isinstance(value, int) else f"“{str(value).strip()}”"


def check_rules_power(report: Report) -> Iterator[Finding]:
    """T2-RULES: a body without the power to make 规章 reports 0/0/0 for 规章."""
    meta, trial = report.meta, report.disclosure.trial
    rules = trial.rows.get(RULES_ROW.label, []) if trial else report.disclosure.rules
    if meta.level is None or meta.has_rule_making_power:
        return
    if any(isinstance(v, int) and v != 0 for v in rules):
        shown = "/".join(_cell(v) for v in rules)
        yield Finding(
            "T2-RULES",
            Severity.WARNING,
            SECTION,
            f"表二 {RULES_ROW.label}",
            f"{meta.level}没有规章制定权，规章行应为 0/0/0，实际填报 {shown}。",
            "行政规范性文件不是规章，请填在下一行。",
            QuestionId.T2_RULES,
        )


def as_stated(finding: Finding) -> Finding:
    """T2-RULES once the clerk has stated the level: an error, since that level cannot make 规章 at all.

    Only 省级政府、设区的市政府 (and 自治州政府) make 地方政府规章 and 国务院部门 make 部门规章; for a
    published report the level is only guessed, so there it stays a warning.
    """
    return replace(
        finding,
        severity=Severity.ERROR,
        hint="只有省级政府、设区的市政府、自治州政府和国务院部门制定规章；行政规范性文件不是规章，请填在下一行。",
    )


RULES = (check_blank, check_negative, check_fee_decimals, check_fee_unit, check_rules_power, *disclosure_2019.RULES)
