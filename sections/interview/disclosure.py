"""Provides table 二, 主动公开政府信息情况: its model and its checks (C1, C2, C3, C4, T2-RULES)."""

from __future__ import annotations

from collections.abc import Callable

from sections.interview.answers import YES_WORDS, parse_amount, parse_counts
from sections.interview.questions import Question, numbers_question, shown
from sections.model.disclosure import ENFORCEMENT_LABEL, PENALTY_LABEL, PERMIT_LABEL, SECTION
from sections.model.ids import QuestionId
from sections.model.labels import RULE_COLUMNS
from sections.model.report import Report
from sections.model.text import normalise
from sections.store.drafts import InterviewState


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
            QuestionId.T2_RULES,
            SECTION,
            (
                "本机关没有规章制定权，规章的本年制发、本年废止、现行有效件数按“0 0 0”填报。"
                "回车或答“是”确认；如确有规章，请填三个数。"
            )
            if powerless
            else f"第二十条第（一）项 规章：{columns}（三个数，如 2 1 15）。",
            "只有国务院部门、省级政府、设区的市政府（自治州）有规章制定权；其他机关的规章一行都是 0。"
            "行政规范性文件不是规章，填在下一题。",
            "numbers",
            _take_rules,
            lambda r, s: None not in r.disclosure.rules,
            lambda r: shown(list(r.disclosure.rules)),
            default="是" if powerless else None,
        ),
        numbers_question(
            QuestionId.T2_NORMATIVE,
            SECTION,
            f"行政规范性文件：{columns}（三个数，如 3 0 12）。",
            "现行有效件数 = 上年现行有效 + 本年制发 − 本年废止（如有清理请说明）。",
            RULE_COLUMNS,
            lambda r: r.disclosure.normative,
            _set("normative"),
        ),
        numbers_question(
            QuestionId.T2_PERMITS,
            SECTION,
            "第二十条第（五）项 行政许可：本年处理决定数量？",
            decision_help,
            (PERMIT_LABEL,),
            lambda r: [r.disclosure.permits],
            _set("permits"),
        ),
        numbers_question(
            QuestionId.T2_PENALTIES,
            SECTION,
            "第二十条第（六）项 行政处罚：本年处理决定数量？",
            decision_help,
            (PENALTY_LABEL,),
            lambda r: [r.disclosure.penalties],
            _set("penalties"),
        ),
        numbers_question(
            QuestionId.T2_ENFORCEMENT,
            SECTION,
            "行政强制：本年处理决定数量？",
            decision_help,
            (ENFORCEMENT_LABEL,),
            lambda r: [r.disclosure.enforcement],
            _set("enforcement"),
        ),
        Question(
            QuestionId.T2_FEE,
            SECTION,
            "第二十条第（八）项 行政事业性收费：本年收费金额，单位万元"
            + (f"（保留 {report.meta.fee_decimals} 位小数）" if report.meta.fee_decimals else "")
            + "。按元填写请在数字后加“元”，如 5000元。",
            "这里填行政事业性收费的金额，单位万元；办理政府信息公开申请收取的信息处理费不在这里，在第六部分报告。",
            "amount",
            _take_fee,
            lambda r, s: r.disclosure.fee is not None,
            lambda r: "" if r.disclosure.fee is None else str(r.disclosure.fee),
        ),
    ]
