"""Provides section 五、存在的主要问题及改进情况 and check S2."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from .findings import Finding, Severity
from .questions import Question, narrative_question

if TYPE_CHECKING:
    from .drafts import InterviewState
    from .report import Report

SECTION = "五"
MIN_CHARS = 30
"""Fewer written characters than this is 「trivially short」 for 五 (S2)."""


class Improvements(BaseModel):
    """Section 五: the main problems, how last year's were improved, and next steps."""

    text: str | None = None
    """The paragraphs of 五."""


def check_not_empty(report: Report) -> Iterator[Finding]:
    """S2: section 五 states real problems and improvements; it may not be empty or a token line."""
    text = report.improvements.text
    if text is None:
        return
    length = len(re.sub(r"\s", "", text))
    if length < MIN_CHARS:
        yield Finding("S2", Severity.ERROR, SECTION, "五、存在的主要问题及改进情况",
                      f"第五部分只有 {length} 个字，内容过于简单。",
                      "请写明存在的主要问题、上年问题的改进情况和下一步措施。", "s5.text")


RULES = (check_not_empty,)


def questions(report: Report, state: InterviewState) -> list[Question]:
    """五: one narrative answer."""
    from .drafting import draft_improvements

    previous = state.previous.improvements.text if state.previous else None
    shown = f"\n上年报告的第五部分（供对照，写本年的改进情况）：\n{previous}" if previous else ""
    return [narrative_question(
        "s5.text", SECTION, "五、存在的主要问题及改进情况：写明主要问题、上年问题的改进情况和下一步措施。"
        + shown,
        "第五部分不能为空，也不宜照抄上年：写本年实际存在的问题、上年度问题改进了什么、下一步怎么做。",
        lambda r: r.improvements.text, lambda r, v: setattr(r.improvements, "text", v),
        draft_improvements)]
