"""Provides section 六、其他需要报告的事项: the 信息处理费 collected and other matters."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from pydantic import BaseModel

from .answers import NO_WORDS, ZERO_WORDS, normalise, parse_amount, parse_count, split_numbers
from .errors import AnswerError
from .findings import Finding, Severity
from .questions import Question, narrative_question

if TYPE_CHECKING:
    from .drafts import InterviewState
    from .report import Report

SECTION = "六"


class Other(BaseModel):
    """Section 六: 信息处理费 (《政府信息公开信息处理费管理办法》) and any other matter."""

    fee_amount: Decimal | None = None
    """信息处理费 collected in the year, in 元 (not 万元: these are small sums)."""
    fee_count: int | None = None
    """How many applications were charged."""
    text: str | None = None
    """The paragraphs of 六 as printed (the fee statement included)."""


def check_fee(report: Report) -> Iterator[Finding]:
    """C2: the 信息处理费 amount and count are at least 0."""
    other = report.other
    if (other.fee_amount is not None and other.fee_amount < 0) or (
        other.fee_count is not None and other.fee_count < 0
    ):
        yield Finding("C2", Severity.ERROR, SECTION, "六 信息处理费",
                      f"信息处理费填报为 {other.fee_amount} 元、{other.fee_count} 件，不能为负数。",
                      "未收费请答“否”。", "s6.fee")


RULES = (check_fee,)


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
    from .drafting import draft_other

    return [
        Question("s6.fee", SECTION,
                 "本年度是否收取信息处理费？没有请答“否”；收取了请填金额（元）和件数，如“150 3”。",
                 "信息处理费按《政府信息公开信息处理费管理办法》收取，在第六部分报告；"
                 "它不是表二的行政事业性收费。", "numbers", _take_fee,
                 lambda r, s: r.other.fee_amount is not None,
                 lambda r: "" if r.other.fee_amount is None else f"{r.other.fee_amount} {r.other.fee_count}"),
        narrative_question("s6.text", SECTION,
                           "六、其他需要报告的事项：信息处理费收取情况，以及其他需要报告的事项"
                           "（如人大代表建议和政协提案办理情况）。",
                           "收取信息处理费的情况在这里报告；没有其他事项时写“无”即可（但收过费时不能只写“无”）。",
                           lambda r: r.other.text, lambda r, v: setattr(r.other, "text", v), draft_other),
    ]
