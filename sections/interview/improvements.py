"""Provides section 五、存在的主要问题及改进情况: three questions, then the text drafted from their answers."""

from __future__ import annotations

import re

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
        "五、存在的主要问题及改进情况（1/3）：本年度政府信息公开工作存在哪些主要问题？"
        "（也可以三项一次写完：“一是……二是……三是……”，或“问题：……；整改：……；下一步：……”）",
        "写本年实际存在的问题，如公开不够及时、解读形式单一；不要照抄上年。三项一次写完时，第二项要写上年问题的整改"
        "（如“上年提出的……已……”），第三项写下一步（如“下一步……”“明年……”），才会分成三项。",
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


_SEPARATORS = "\\s，,；;。：:！!？?"
_KINDS = (
    ("存在的主要问题", "存在的问题", "存在问题", "主要问题", "问题"),
    (
        "上年度问题的改进情况",
        "上年度问题改进情况",
        "上年问题改进情况",
        "上年问题整改情况",
        "改进情况",
        "整改情况",
        "整改",
    ),
    ("下一步改进措施", "下一步措施", "下一步工作", "改进措施", "下一步", "措施"),
)
"""The words a clerk puts before each of the three parts (「问题：…；整改：…；下一步：…」), as 五's draft does."""
_LABEL = re.compile(
    rf"(?<![^{_SEPARATORS}])(?:[一二三]是|[（(][一二三][）)]|[一二三]、)?("
    + "|".join(sorted((w for kind in _KINDS for w in kind), key=len, reverse=True))
    + ")[：:]"
)
_NUMBERED = re.compile(rf"(?<![^{_SEPARATORS}])([一二三])是")
_LAST_YEAR = re.compile(r"上年|去年|上一年|整改")
_AHEAD = ("下一步", "下步", "下一年", "明年", "来年", "今后", "进一步", "继续", "计划")


def split_three(text: str, next_year: int) -> tuple[str, str, str, bool] | None:
    """The problems, last year's, next steps of a message giving all three, and whether it reads as finished prose.

    Named (「问题：…；整改：…；下一步：…」, any order) the parts are notes for the draft. Numbered (「一是…二是…三是…」)
    or in three paragraphs, the message is prose, split only when its second part speaks of last year and its
    third of what comes next: three problems listed 一是…二是…三是… stay one answer. None when it is not three parts.
    """
    found = list(_LABEL.finditer(text))
    kinds = [next(i for i, words in enumerate(_KINDS) if m.group(1) in words) for m in found]
    if sorted(kinds) == [0, 1, 2] and not text[: found[0].start()].strip():
        ends = [m.start() for m in found[1:]] + [len(text)]
        parts = {
            kind: text[m.end() : end].strip(" \t\n，,；;") for kind, m, end in zip(kinds, found, ends, strict=True)
        }
        return parts[0], parts[1], parts[2], False
    numbered = list(_NUMBERED.finditer(text))
    if [m.group(1) for m in numbered] == ["一", "二", "三"] and numbered[0].start() == 0:
        ends = [m.start() for m in numbered[1:]] + [len(text)]
        three = [text[m.end() : end].strip() for m, end in zip(numbered, ends, strict=True)]
    else:
        three = [line.strip() for line in text.splitlines() if line.strip()]
    if len(three) != 3 or not all(three) or not _LAST_YEAR.search(three[1]):
        return None
    if not any(word in three[2] for word in (*_AHEAD, f"{next_year}年")):
        return None
    return three[0], three[1], three[2], True


def _take_three(report: Report, text: str, problems: str, progress: str, measures: str, prose: bool) -> str:
    """五's three parts from one message; as prose it is 五's text too, otherwise the draft is built from them."""
    five = report.improvements
    drafted = draft_improvements(report)
    five.problems, five.progress, five.measures = problems, progress, measures
    said = "\n".join(
        f"{name}：{value or '（暂不填写，草稿中留空待填）'}"
        for name, value in zip(
            ("存在的主要问题", "上年度问题的改进情况", "下一步改进措施"), (problems, progress, measures), strict=True
        )
    )
    if prose:
        five.text = text
        return (
            f"按您的话记录了第五部分的三项：\n{said}\n这段话原样作为第五部分正文（{len(text)} 字）；要修改请 /goto 五。"
        )
    if five.text == drafted:  # the draft as it was accepted, not edited: it follows the answers
        five.text = draft_improvements(report)
    return f"按您的话记录了第五部分的三项：\n{said}"


def _part(question: QuestionId, field: str, prompt: str, help: str, previous: str) -> Question:

    def take(report: Report, state: InterviewState, text: str) -> str:
        value = clean_text(text).strip()
        value = "" if value == NOT_KNOWN else value
        drafted = draft_improvements(report)
        three = split_three(value, (report.meta.year or 0) + 1) if question is QuestionId.S5_PROBLEMS else None
        if three is not None:
            return _take_three(report, value, *three)
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
