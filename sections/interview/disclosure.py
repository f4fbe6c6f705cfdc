"""Provides the questions of table 二, 主动公开政府信息情况: its rows as `TWO` describes them."""

from __future__ import annotations

from collections.abc import Callable

from sections.interview.answers import YES_WORDS, parse_amount, parse_counts
from sections.interview.questions import Question, numbers_question, shown
from sections.model.disclosure import SECTION
from sections.model.ids import QuestionId
from sections.model.report import Report
from sections.model.tables import TWO, Table2Row
from sections.model.text import normalise
from sections.store.drafts import InterviewState

RULES, NORMATIVE, PERMITS, PENALTIES, ENFORCEMENT, FEE = map(
    TWO.row, ("rules", "normative", "permits", "penalties", "enforcement", "fee")
)
"""The rows asked, by the `Disclosure` field each question sets."""


def _asked(row: Table2Row) -> str:
    """「第二十条第（一）项 规章」: the row's label, after its block's title when it is the block's first row."""
    return f"{row.block.title} {row.label}" if row.leads else row.label


def _short(column: str) -> str:
    """「本年制发件数」 → 「本年制发」, as an acknowledgement says it."""
    return column.removesuffix("件数")


def _take_rules(report: Report, state: InterviewState, text: str) -> str:
    if not report.meta.has_rule_making_power and normalise(text).lower() in YES_WORDS:
        report.disclosure.rules = [0] * len(RULES.columns)
        return f"已记录：{RULES.label} {shown([0] * len(RULES.columns))}。"
    values = parse_counts(text, RULES.columns)
    report.disclosure.rules = list(values)
    said = "、".join(f"{_short(c)} {v}" for c, v in zip(RULES.columns, values, strict=True))
    return f"已记录：{RULES.label} {said}。"


def _in_force(row: Table2Row) -> Callable[[Report], str]:
    """Last year's 现行有效 of a document row, the figure this year's carries on: 「现行有效 470」."""

    def said(previous: Report) -> str:
        value = previous.disclosure.row(row.key)[-1]
        return f"{_short(row.columns[-1])} {'未能读出' if value is None else value}"

    return said


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
    columns = "、".join(RULES.columns)
    decision_help = "处理决定数量包括本年作出的全部决定，不论是否公开。"
    return [
        Question(
            QuestionId.T2_RULES,
            SECTION,
            (
                f"本机关没有规章制定权，{RULES.label}的{'、'.join(_short(c) for c in RULES.columns)}件数"
                f"按“{shown([0] * len(RULES.columns))}”填报。回车或答“是”确认；如确有规章，请填三个数。"
            )
            if powerless
            else f"{_asked(RULES)}：{columns}（三个数，如 2 1 15）。",
            "只有国务院部门、省级政府、设区的市政府（自治州）有规章制定权；其他机关的规章一行都是 0。"
            "行政规范性文件不是规章，填在下一题。",
            "numbers",
            _take_rules,
            lambda r, s: None not in r.disclosure.rules,
            lambda r: shown(list(r.disclosure.rules)),
            default="是" if powerless else None,
            last_year=_in_force(RULES),
        ),
        numbers_question(
            QuestionId.T2_NORMATIVE,
            SECTION,
            f"{_asked(NORMATIVE)}：{columns}（三个数，如 3 0 12）。",
            "现行有效件数 = 上年现行有效 + 本年制发 − 本年废止（如有清理请说明）。",
            NORMATIVE.columns,
            lambda r: r.disclosure.normative,
            _set("normative"),
            last_year=_in_force(NORMATIVE),
        ),
        numbers_question(
            QuestionId.T2_PERMITS,
            SECTION,
            f"{_asked(PERMITS)}：{PERMITS.columns[0]}？",
            decision_help,
            (PERMITS.label,),
            lambda r: [r.disclosure.permits],
            _set("permits"),
        ),
        numbers_question(
            QuestionId.T2_PENALTIES,
            SECTION,
            f"{_asked(PENALTIES)}：{PENALTIES.columns[0]}？",
            decision_help,
            (PENALTIES.label,),
            lambda r: [r.disclosure.penalties],
            _set("penalties"),
        ),
        numbers_question(
            QuestionId.T2_ENFORCEMENT,
            SECTION,
            f"{_asked(ENFORCEMENT)}：{ENFORCEMENT.columns[0]}？",
            decision_help,
            (ENFORCEMENT.label,),
            lambda r: [r.disclosure.enforcement],
            _set("enforcement"),
        ),
        Question(
            QuestionId.T2_FEE,
            SECTION,
            f"{_asked(FEE)}：{FEE.columns[0].split('（')[0]}，单位万元"
            + (f"（保留 {report.meta.fee_decimals} 位小数）" if report.meta.fee_decimals else "")
            + "。按元填写请在数字后加“元”，如 5000元。",
            "这里填行政事业性收费的金额，单位万元；办理政府信息公开申请收取的信息处理费不在这里，在第六部分报告。",
            "amount",
            _take_fee,
            lambda r, s: r.disclosure.fee is not None,
            lambda r: "" if r.disclosure.fee is None else str(r.disclosure.fee),
            last_year=lambda p: "未能读出" if p.disclosure.fee is None else f"{p.disclosure.fee} 万元",
        ),
    ]
