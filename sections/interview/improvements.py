"""Provides section 五、存在的主要问题及改进情况: three questions, then the text drafted from their answers."""

from __future__ import annotations

from sections.interview.questions import Question, narrative_question
from sections.model.ids import QuestionId
from sections.model.improvements import SECTION
from sections.model.report import Report
from sections.model.text import clean_text
from sections.output.drafting import draft_improvements
from sections.store.drafts import InterviewState

NOT_KNOWN = "暂不填写"
"""What an empty answer to one of the three questions means: the drafted 五 keeps a visible blank for it."""

PARTS: tuple[tuple[QuestionId, str, str, str], ...] = (
    (
        QuestionId.S5_PROBLEMS,
        "problems",
        "五、存在的主要问题及改进情况（1/3）：本年度政府信息公开工作存在哪些主要问题？",
        "写本年实际存在的问题，如公开不够及时、解读形式单一；不要照抄上年。",
    ),
    (
        QuestionId.S5_PROGRESS,
        "progress",
        "五（2/3）：上年度报告提出的问题，本年度做了哪些改进？上年没有提出问题请写明。",
        "写针对上年问题实际做了什么、结果如何；草稿不替您编写。",
    ),
    (
        QuestionId.S5_MEASURES,
        "measures",
        "五（3/3）：下一年度准备采取哪些改进措施？",
        "写下一年针对本年问题的具体措施。",
    ),
)
"""The three things 五 must say: the field holding each answer, its question and help."""


def _part(question: QuestionId, field: str, prompt: str, help: str, previous: str) -> Question:

    def take(report: Report, state: InterviewState, text: str) -> str:
        value = clean_text(text).strip()
        value = "" if value == NOT_KNOWN else value
        drafted = draft_improvements(report)
        setattr(report.improvements, field, value)
        ack = f"已记录（{len(value)} 字）。" if value else "暂不填写：草稿里这一项留作“（请填写：……）”。"
        if report.improvements.text == drafted:  # the draft as it was accepted, not edited: it follows the answer
            report.improvements.text = draft_improvements(report)
            ack += "第五部分正文是采用的草稿，已随之更新。"
        return ack

    def filled(report: Report, state: InterviewState) -> bool:
        # 五 written before the three questions existed (an old draft, an imported report) is not asked again
        return getattr(report.improvements, field) is not None or report.improvements.text is not None

    return Question(
        question,
        SECTION,
        f"{prompt}（不清楚可以空着发送，草稿中留空待填）{previous}",
        help,
        "narrative",
        take,
        filled,
        current=lambda report: getattr(report.improvements, field) or "",
        default=NOT_KNOWN,
    )


def _last_year(state: InterviewState) -> str:
    """Last year's problems (or its whole 五 when it was written in one piece), to answer the second question."""
    five = state.previous.improvements if state.previous else None
    if five and five.problems:
        return f"\n上年报告提出的问题：\n{five.problems}"
    return f"\n上年报告的第五部分（供对照）：\n{five.text}" if five and five.text else ""


def questions(report: Report, state: InterviewState) -> list[Question]:
    """五: the problems, last year's problems, next steps; then the text drafted from them."""
    parts = [
        _part(q, field, prompt, help, _last_year(state) if q is QuestionId.S5_PROGRESS else "")
        for q, field, prompt, help in PARTS
    ]
    text = narrative_question(
        QuestionId.S5_TEXT,
        SECTION,
        "五、存在的主要问题及改进情况：草稿由上面三个回答组成，请核对修改。",
        "第五部分要写明本年实际存在的问题、上年度问题改进了什么、下一步怎么做；“（请填写：……）”处须换成实际情况才能导出。",
        lambda r: r.improvements.text,
        lambda r, v: setattr(r.improvements, "text", v),
        draft_improvements,
    )
    return [*parts, text]
