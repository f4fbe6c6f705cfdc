"""Provides section 六、其他需要报告的事项: the 信息处理费 collected and other matters."""

from __future__ import annotations

from decimal import Decimal

from sections.interview.answers import NO_WORDS, ZERO_WORDS, parse_amount, parse_count, split_numbers
from sections.interview.questions import Question, narrative_question
from sections.model.errors import AnswerError
from sections.model.ids import QuestionId
from sections.model.other import SECTION
from sections.model.report import Report
from sections.model.text import normalise
from sections.output.drafting import draft_other
from sections.store.drafts import InterviewState


def _take_fee(report: Report, state: InterviewState, text: str) -> str:
    value = normalise(text)
    if value.lower() in NO_WORDS or value in ZERO_WORDS or value == "0":
        report.other.fee_amount, report.other.fee_count = Decimal(0), 0
        return "已记录：本年度未收取信息处理费。"
    parts = split_numbers(value.replace("件", " ").strip(), 2)
    if len(parts) != 2:
        raise AnswerError("请填写金额（元）和件数两个数，用空格隔开，如“150 3”；没有收取请答“否”。")
    amount, note = parse_amount(parts[0], unit="元")
    count = parse_count(parts[1])
    report.other.fee_amount, report.other.fee_count = amount, count
    return f"已记录：信息处理费 {amount} 元，{count} 件。{note}"


def questions(report: Report, state: InterviewState) -> list[Question]:
    """六: the 信息处理费, then the text of 六 (drafted from the fee)."""
    return [
        Question(
            QuestionId.S6_FEE,
            SECTION,
            "本年度是否收取信息处理费？没有请答“否”；收取了请填金额（元）和件数，如“150 3”。",
            "信息处理费按《政府信息公开信息处理费管理办法》收取，在第六部分报告；它不是表二的行政事业性收费。",
            "numbers",
            _take_fee,
            lambda r, s: r.other.fee_amount is not None,
            lambda r: "" if r.other.fee_amount is None else f"{r.other.fee_amount} {r.other.fee_count}",
        ),
        narrative_question(
            QuestionId.S6_TEXT,
            SECTION,
            "六、其他需要报告的事项：信息处理费收取情况，以及其他需要报告的事项（如人大代表建议和政协提案办理情况）。",
            "收取信息处理费的情况在这里报告；没有其他事项时写“无”即可（但收过费时不能只写“无”）。",
            lambda r: r.other.text,
            lambda r, v: setattr(r.other, "text", v),
            draft_other,
        ),
    ]
