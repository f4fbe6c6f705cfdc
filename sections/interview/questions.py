"""Provides `Question`, one step of the interview as data, and the answer kinds the front ends lay out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from sections.interview.answers import ZERO_WORDS, parse_count, parse_counts
from sections.model.errors import AnswerError
from sections.model.findings import Figure
from sections.model.ids import QuestionId, SectionId
from sections.model.report import Report
from sections.model.text import clean_text
from sections.store.drafts import InterviewState

Kind = Literal["text", "number", "numbers", "amount", "choice", "yesno", "narrative"]
"""How the answer is typed: `narrative` is multi-line; everything else is one line."""


@dataclass(frozen=True)
class Question:
    """One question: its wording, help, how an answer is taken, and whether it is answered yet.

    `take` parses the answer and writes it into the report (or the interview's choices); it raises
    `AnswerError` with a message saying what is expected, and returns an acknowledgement to show.
    """

    id: QuestionId
    section: SectionId
    prompt: str
    help: str
    kind: Kind
    take: Callable[[Report, InterviewState, str], str]
    filled: Callable[[Report, InterviewState], bool]
    current: Callable[[Report], str] | None = None
    """The answer as it stands, shown when the question is revisited (and kept on an empty answer)."""
    default: str | None = None
    """What an empty answer means, when there is a sensible default."""
    drafted: Callable[[Report], str] | None = None
    """A drafted paragraph the clerk can accept, edit or replace (narrative questions)."""
    last_year: Callable[[Report], str] | None = None
    """Given last year's report, its figures this question answers for this year (「现行有效 470」)."""
    leads_to: Callable[[Report, InterviewState], QuestionId | None] | None = None
    """After an answer: the question it chose to go to (the row picked to change), instead of the next one."""

    @property
    def first_line(self) -> str:
        """The wording's first line: what names the question beside a message about it."""
        return self.prompt.split("\n", 1)[0]


def label(question: Question) -> str:
    """What a question is about, as a row is named: 「（四）无法提供 1.本机关不掌握相关政府信息」, 「行政处罚」."""
    first = question.first_line
    quoted = first.partition("“")[2].rpartition("”")[0] if first.startswith("“") else ""
    return quoted or first


def shown(values: list[object]) -> str:
    """Figures as an answer would give them: 「0 -1 0」, blank for unanswered ones."""
    return " ".join("" if v is None else str(v) for v in values)


def numbers_question(
    id: QuestionId,
    section: SectionId,
    prompt: str,
    help: str,
    names: tuple[str, ...],
    get: Callable[[Report], list[Figure]],
    put: Callable[[Report, list[int]], None],
    *,
    total: bool = False,
    last_year: Callable[[Report], str] | None = None,
) -> Question:
    """A question answered with one or more counts in a fixed order (or by name); `total` sums them.

    Last year's figures are shown by name, the zeros left out (`last_year` says them otherwise).
    """

    def take(report: Report, state: InterviewState, text: str) -> str:
        values = [parse_count(text)] if len(names) == 1 else parse_counts(text, names, total=total)
        put(report, values)
        if len(values) == 1:
            return f"已记录：{values[0]}。"
        shown = "、".join(f"{n} {v}" for n, v in zip(names, values, strict=True))
        return f"已记录：{shown}，合计 {sum(values)} 件。" if total else f"已记录：{shown}。"

    return Question(
        id,
        section,
        prompt,
        help,
        "number" if len(names) == 1 else "numbers",
        take,
        filled=lambda report, state: None not in get(report),
        current=lambda report: shown(list(get(report))),
        last_year=last_year or (lambda previous: said_by_name(names, get(previous), total=total)),
    )


def said_by_name(names: tuple[str, ...], values: list[Figure], *, total: bool = False) -> str:
    """Figures by name as last year's report gives them: 「自然人 3、其他 1，合计 4」, 「0」, 「行政许可 未能读出」.

    Zeros are left out; a figure that could not be read is said so, once for a row none of whose figures was read.
    """
    if all(v is None for v in values):
        return "未能读出"
    parts = [f"{n} {'未能读出' if v is None else v}" for n, v in zip(names, values, strict=True) if v != 0]
    if not parts:
        return "0"
    counts = [v for v in values if isinstance(v, int)]
    if total and len(parts) > 1 and len(counts) == len(values):
        return "、".join(parts) + f"，合计 {sum(counts)}"
    return "、".join(parts)


def text_question(
    id: QuestionId,
    section: SectionId,
    prompt: str,
    help: str,
    get: Callable[[Report], str | None],
    put: Callable[[Report, str], None],
    *,
    optional: bool = False,
    check: Callable[[str], str | None] | None = None,
    default: str | None = None,
) -> Question:
    """A one-line text answer; `optional` lets 「无」 stand for nothing; `check` returns a refusal."""

    def take(report: Report, state: InterviewState, text: str) -> str:
        value = " ".join(clean_text(text).split())
        if optional and (value.lower() in ZERO_WORDS or value in ("0", "０")):
            value = ""
        if not value and not optional:
            raise AnswerError("这一项不能空着，请填写。")
        problem = check(value) if check and value else None
        if problem:
            raise AnswerError(problem)
        put(report, value)
        return f"已记录：{value or '无'}。"

    return Question(id, section, prompt, help, "text", take, *_as_text(get), default=default)


def narrative_question(
    id: QuestionId,
    section: SectionId,
    prompt: str,
    help: str,
    get: Callable[[Report], str | None],
    put: Callable[[Report, str], None],
    drafted: Callable[[Report], str] | None = None,
) -> Question:
    """A multi-line text answer, with a drafted paragraph offered when there is one."""

    def take(report: Report, state: InterviewState, text: str) -> str:
        value = clean_text(text)
        if not value:
            raise AnswerError("这一部分不能空着：请输入文字，或直接回车采用草稿。")
        put(report, value)
        return f"已记录（{len(value)} 字）。"

    return Question(id, section, prompt, help, "narrative", take, *_as_text(get), drafted=drafted)


def _as_text(
    get: Callable[[Report], str | None],
) -> tuple[Callable[[Report, InterviewState], bool], Callable[[Report], str]]:
    """A text question's `filled` (once there is a text; 「无」 is the empty one) and `current` (that text)."""
    return (lambda report, state: get(report) is not None), (lambda report: get(report) or "")
