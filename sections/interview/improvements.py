"""Provides section 五、存在的主要问题及改进情况 and check S2."""

from __future__ import annotations

from sections.interview.questions import Question, narrative_question
from sections.model.ids import QuestionId
from sections.model.improvements import SECTION
from sections.model.report import Report
from sections.output.drafting import draft_improvements
from sections.store.drafts import InterviewState


def questions(report: Report, state: InterviewState) -> list[Question]:
    """五: one narrative answer."""
    previous = state.previous.improvements.text if state.previous else None
    shown = f"\n上年报告的第五部分（供对照，写本年的改进情况）：\n{previous}" if previous else ""
    return [
        narrative_question(
            QuestionId.S5_TEXT,
            SECTION,
            "五、存在的主要问题及改进情况：写明主要问题、上年问题的改进情况和下一步措施。" + shown,
            "第五部分不能为空，也不宜照抄上年：写本年实际存在的问题、上年度问题改进了什么、下一步怎么做。",
            lambda r: r.improvements.text,
            lambda r, v: setattr(r.improvements, "text", v),
            draft_improvements,
        )
    ]
