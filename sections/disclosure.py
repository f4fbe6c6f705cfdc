"""Provides table 二, 主动公开政府信息情况: its model and its checks (C1, C2, C3, C4, T2-RULES)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from . import disclosure_2019
from .answers import YES_WORDS, normalise, parse_amount, parse_counts
from .disclosure_2019 import TrialDisclosure
from .findings import Amount, Figure, Finding, Severity
from .labels import RULE_COLUMNS, TABLE2
from .questions import Question, numbers_question, shown

if TYPE_CHECKING:
    from .drafts import InterviewState
    from .report import Report

SECTION = "二"
RULES_LABEL, NORMATIVE_LABEL = TABLE2[0].rows
PERMIT_LABEL, = TABLE2[1].rows
PENALTY_LABEL, ENFORCEMENT_LABEL = TABLE2[2].rows
FEE_LABEL, = TABLE2[3].rows

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


def _triple() -> list[Figure]:
    return [None, None, None]


class Disclosure(BaseModel):
    """Table 二: documents made under 第二十条第（一）项 and decisions under （五）（六）（八）."""

    rules: list[Figure] = Field(default_factory=_triple, min_length=3, max_length=3)
    """规章: 本年制发件数, 本年废止件数, 现行有效件数."""
    normative: list[Figure] = Field(default_factory=_triple, min_length=3, max_length=3)
    """行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数."""
    permits: Figure = None
    """行政许可 本年处理决定数量 (published or not)."""
    penalties: Figure = None
    """行政处罚 本年处理决定数量."""
    enforcement: Figure = None
    """行政强制 本年处理决定数量."""
    fee: Amount = None
    """行政事业性收费 本年收费金额, in 万元."""
    trial: TrialDisclosure | None = None
    """Table 二 as a 2019/2020 report prints it (试行 layout); None in the 2021 format."""

    def cells(self) -> Iterator[tuple[str, Figure | Amount, str]]:
        """Every figure with the place a reviewer names and the question that sets it."""
        for label, values, target in ((RULES_LABEL, self.rules, "t2.rules"),
                                      (NORMATIVE_LABEL, self.normative, "t2.normative")):
            for column, value in zip(RULE_COLUMNS, values, strict=True):
                yield f"表二 {label} {column}", value, target
        yield f"表二 {PERMIT_LABEL}", self.permits, "t2.permits"
        yield f"表二 {PENALTY_LABEL}", self.penalties, "t2.penalties"
        yield f"表二 {ENFORCEMENT_LABEL}", self.enforcement, "t2.enforcement"
        yield f"表二 {FEE_LABEL}", self.fee, "t2.fee"


def check_blank(report: Report) -> Iterator[Finding]:
    """C1: every figure of table 二 is a number: 0, not 「/」, 「—」 or 「无」."""
    marks = [(where, value) for where, value, _ in report.disclosure.cells() if isinstance(value, str)]
    if marks:
        places = "、".join(f"{where}（{value or '空白'}）" for where, value in marks)
        yield Finding("C1", Severity.ERROR, SECTION, marks[0][0],
                      f"表二有 {len(marks)} 处不是数字：{places}。", "没有发生的事项填 0。")


def check_negative(report: Report) -> Iterator[Finding]:
    """C2: counts are whole numbers of at least 0, and the fee is an amount of at least 0."""
    for where, value, target in report.disclosure.cells():
        if isinstance(value, int | Decimal) and value < 0:
            yield Finding("C2", Severity.ERROR, SECTION, where,
                          f"{where} 填报为 {value}，不能为负数。",
                          "件数和金额只能是 0 或正数；如有废止，请填废止的件数。", target)


def check_fee_decimals(report: Report) -> Iterator[Finding]:
    """C3: the fee has the number of decimals the province requires (zero is fine as 「0」)."""
    fee, wanted = report.disclosure.fee, report.meta.fee_decimals
    if not isinstance(fee, Decimal) or wanted is None or fee == 0:
        return
    exponent = fee.as_tuple().exponent
    given = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if given != wanted:
        yield Finding("C3", Severity.WARNING, SECTION, f"表二 {FEE_LABEL}",
                      f"收费金额 {fee} 有 {given} 位小数，本省要求保留 {wanted} 位。",
                      f"请写成 {fee.quantize(Decimal(1).scaleb(-wanted))}。", "t2.fee")


def check_fee_unit(report: Report) -> Iterator[Finding]:
    """C4: a fee implausibly large for the body's level was probably typed in 元, not 万元."""
    fee = report.disclosure.fee
    limit = PLAUSIBLE_FEE_WAN.get(report.meta.level)
    if isinstance(fee, Decimal) and limit is not None and fee > limit:
        yield Finding("C4", Severity.WARNING, SECTION, f"表二 {FEE_LABEL}",
                      f"收费金额 {fee} 万元（{fee / 10000:g} 亿元）对{report.meta.level}而言过大，"
                      "可能按“元”填写了。",
                      f"单位是万元：如实际为 {fee} 元，应填 {fee / 10000}。", "t2.fee")


def check_rules_power(report: Report) -> Iterator[Finding]:
    """T2-RULES: a body without the power to make 规章 reports 0/0/0 for 规章."""
    meta, trial = report.meta, report.disclosure.trial
    rules = trial.rows.get(RULES_LABEL, []) if trial else report.disclosure.rules
    if meta.level is None or meta.has_rule_making_power:
        return
    if any(isinstance(v, int) and v != 0 for v in rules):
        shown = "/".join("空" if v is None else str(v) for v in rules)
        yield Finding("T2-RULES", Severity.WARNING, SECTION, f"表二 {RULES_LABEL}",
                      f"{meta.level}没有规章制定权，规章行应为 0/0/0，实际填报 {shown}。",
                      "行政规范性文件不是规章，请填在下一行。", "t2.rules")


RULES = (check_blank, check_negative, check_fee_decimals, check_fee_unit, check_rules_power,
         *disclosure_2019.RULES)


def _take_rules(report: Report, state: InterviewState, text: str) -> str:
    if not report.meta.has_rule_making_power and normalise(text).lower() in YES_WORDS:
        report.disclosure.rules = [0, 0, 0]
        return "已记录：规章 0 0 0。"
    values = parse_counts(text, RULE_COLUMNS)
    report.disclosure.rules = list(values)
    return f"已记录：规章 本年制发 {values[0]}、本年废止 {values[1]}、现行有效 {values[2]}。"


def _take_fee(report: Report, state: InterviewState, text: str) -> str:
    amount, note = parse_amount(text)
    report.disclosure.fee = amount
    return f"已记录：{amount} 万元。{note}"


def _set(field: str) -> Callable[[Report, list[int]], None]:
    def put(report: Report, values: list[int]) -> None:
        setattr(report.disclosure, field, values if len(values) > 1 else values[0])

    return put


def questions(report: Report, state: InterviewState) -> list[Question]:
    """二: 规章 and 行政规范性文件 (three counts each), decisions, and the fee in 万元."""
    powerless = report.meta.level is not None and not report.meta.has_rule_making_power
    columns = "、".join(RULE_COLUMNS)
    decision_help = "处理决定数量包括本年作出的全部决定，不论是否公开。"
    return [
        Question(
            "t2.rules", SECTION,
            ("本机关没有规章制定权，规章的本年制发、本年废止、现行有效件数按“0 0 0”填报。"
             "回车或答“是”确认；如确有规章，请填三个数。") if powerless else
            f"第二十条第（一）项 规章：{columns}（三个数，如 2 1 15）。",
            "只有国务院部门、省级政府、设区的市政府（自治州）有规章制定权；其他机关的规章一行都是 0。"
            "行政规范性文件不是规章，填在下一题。",
            "numbers", _take_rules, lambda r, s: None not in r.disclosure.rules,
            lambda r: shown(list(r.disclosure.rules)),
            default="是" if powerless else None),
        numbers_question("t2.normative", SECTION,
                         f"行政规范性文件：{columns}（三个数，如 3 0 12）。",
                         "现行有效件数 = 上年现行有效 + 本年制发 − 本年废止（如有清理请说明）。",
                         RULE_COLUMNS, lambda r: r.disclosure.normative, _set("normative")),
        numbers_question("t2.permits", SECTION, "第二十条第（五）项 行政许可：本年处理决定数量？",
                         decision_help, (PERMIT_LABEL,), lambda r: [r.disclosure.permits], _set("permits")),
        numbers_question("t2.penalties", SECTION, "第二十条第（六）项 行政处罚：本年处理决定数量？",
                         decision_help, (PENALTY_LABEL,), lambda r: [r.disclosure.penalties],
                         _set("penalties")),
        numbers_question("t2.enforcement", SECTION, "行政强制：本年处理决定数量？", decision_help,
                         (ENFORCEMENT_LABEL,), lambda r: [r.disclosure.enforcement], _set("enforcement")),
        Question(
            "t2.fee", SECTION,
            "第二十条第（八）项 行政事业性收费：本年收费金额，单位万元"
            + (f"（保留 {report.meta.fee_decimals} 位小数）" if report.meta.fee_decimals else "")
            + "。按元填写请在数字后加“元”，如 5000元。",
            "这里填行政事业性收费的金额，单位万元；办理政府信息公开申请收取的信息处理费不在这里，在第六部分报告。",
            "amount", _take_fee, lambda r, s: r.disclosure.fee is not None,
            lambda r: "" if r.disclosure.fee is None else str(r.disclosure.fee)),
    ]
