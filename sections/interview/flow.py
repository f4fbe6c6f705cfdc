"""Provides `Flow`, the question flow under the engine: the plan, the open question, checks, undo records, saving."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sections.interview.messages import Message, Turn, describe
from sections.interview.questions import Question
from sections.model.errors import DraftError
from sections.model.findings import Finding, Severity
from sections.model.ids import SECTION_ORDER, QuestionId, SectionId, section_id
from sections.model.labels import SECTION_HEADINGS, SECTION_NUMERALS
from sections.model.report import Report
from sections.rules.registry import check
from sections.store.drafts import Draft, Exchange, InterviewState

from . import appeals, disclosure, improvements, lastyear, meta, other, overview, requests

Ask = Callable[[Report, InterviewState], list[Question]]

ASKING_ORDER: tuple[tuple[SectionId, Ask, Ask], ...] = (
    ("二", lastyear.questions, lastyear.questions),
    ("基本信息", meta.questions, meta.questions),
    ("二", disclosure.questions, disclosure.questions),
    ("三", requests.questions, requests.catalogue),
    ("四", appeals.questions, appeals.catalogue),
    ("一", overview.questions, overview.questions),
    ("五", improvements.questions, improvements.questions),
    ("六", other.questions, other.questions),
)
"""Each section's questions that apply now, and every question it can ask (in the same order, a superset).

Last year's figures the carry-over could not read come first; the tables come before the narrative, so
drafted paragraphs can state the tables' figures.
"""

SECTION_TITLES: dict[SectionId, str] = {
    "基本信息": "基本信息",
    **{section_id(numeral): heading for numeral, heading in zip(SECTION_NUMERALS, SECTION_HEADINGS, strict=True)},
}
"""Each section as the interview names it: 「基本信息」, 「三、收到和处理政府信息公开申请情况」."""


@dataclass(frozen=True)
class Snapshot:
    """What one answer or grid edit may change, kept so /undo can put it back."""

    report: Report
    choices: dict[str, bool | list[str]]
    done: set[str]
    carried: set[str]
    question: QuestionId | None
    """The question answered, or the one open when a grid edit was made."""
    edit: str | None = None
    """The grid edit in words (「表格修改：…」); None for an answer."""


class Flow:
    """Walks the questions of every section over one draft; checks and saves after every change."""

    def __init__(
        self,
        draft: Draft,
        save: Callable[[Draft], None] | None = None,
        today: date | None = None,
        *,
        checking: bool = True,
    ) -> None:
        """`checking=False` walks the questions only (what is unanswered), with no findings until a change."""
        self.draft = draft
        self._save = save
        self._today = today
        self._current: QuestionId | None = None
        self._review: set[QuestionId] = set()
        self._skipped: set[QuestionId] = set()
        self._undo: list[Snapshot] = []
        self._plan: list[Question] | None = None
        self._planned_for: QuestionId | None = None
        self._visit: QuestionId | None = None
        """The open question when the report's own plan leaves it out (jumped to from a finding)."""
        self.findings: list[Finding] = self._check() if checking else []
        self._changed = False
        self.save_error: str | None = None

    def _check(self) -> list[Finding]:
        stated = QuestionId.META_LEVEL in self.state.done
        return check(self.report, self._today, lastyear.given(self.state), level_stated=stated)

    @property
    def report(self) -> Report:
        """The report being written."""
        return self.draft.report

    @property
    def state(self) -> InterviewState:
        """Shortcut answers and the transcript."""
        return self.draft.interview

    def plan(self) -> list[Question]:
        """Every question that applies to this report now, in asking order (kept until the next change).

        A question the report can ask but that does not apply (a table 三 row not chosen in the outcomes
        checklist) is in the plan, at its place, while it is the open question: so it is asked, and the flow
        goes on after it.
        """
        if self._plan is not None and self._planned_for != self._current:
            if self._visit is not None or all(q.id != self._current for q in self._plan):
                self._plan = None
        if self._plan is None:
            self._planned_for, self._visit = self._current, None
            self._plan = self._build()
            if self._current is not None and all(q.id != self._current for q in self._plan):
                self._visit = self._current
                self._plan = self._build()
        return self._plan

    def _build(self) -> list[Question]:
        return [q for _, applies, every in ASKING_ORDER for q in self._asked(applies, every)]

    def _asked(self, applies: Ask, every: Ask) -> list[Question]:
        asked = applies(self.report, self.state)
        if self._visit is None or any(q.id == self._visit for q in asked):
            return asked
        everything = every(self.report, self.state)
        if not any(q.id == self._visit for q in everything):
            return asked
        ids = {q.id for q in asked} | {self._visit}
        return [q for q in everything if q.id in ids]

    def catalogue(self) -> list[Question]:
        """Every question the report can ask, in asking order, whether it applies now or not."""
        return [q for _, _, every in ASKING_ORDER for q in every(self.report, self.state)]

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if it applies now (or is open out of the plan)."""
        return next((q for q in self.plan() if q.id == question_id), None)

    @property
    def current(self) -> Question | None:
        """The open question, or None when every question is answered."""
        plan = self.plan()
        found = next((q for q in plan if q.id == self._current), None)
        if found is None:
            found = self._next(plan, -1)
            self._current = found.id if found else None
        return found

    def _next(self, plan: list[Question], after: int) -> Question | None:
        order = plan[after + 1 :] + plan[: after + 1]
        wanted = [q for q in order if q.id in self._review or not self.is_answered(q)]
        fresh = [q for q in wanted if q.id not in self._skipped]
        if fresh:
            return fresh[0]
        self._skipped.clear()
        return wanted[0] if wanted else None

    def is_answered(self, question: Question) -> bool:
        """Whether a question has its answer in the draft (a figure carried from last year is not, yet)."""
        return question.filled(self.report, self.state) and question.id not in self.state.carried

    def progress(self) -> dict[str, tuple[int, int]]:
        """Per section (基本信息, 一 … 六): questions answered and questions that apply."""
        counts = {s: [0, 0] for s in SECTION_ORDER}
        for q in self.plan():
            counts[q.section][1] += 1
            counts[q.section][0] += self.is_answered(q)
        return {s: (done, total) for s, (done, total) in counts.items()}

    def open_findings(self, section: str | None = None) -> list[Finding]:
        """Findings that need the clerk (errors and warnings), optionally of one section."""
        return [
            f for f in self.findings if f.severity is not Severity.INFO and (section is None or f.section == section)
        ]

    def _snapshot(self, question_id: QuestionId | None, edit: str | None = None) -> Snapshot:
        state = self.state
        return Snapshot(
            self.report.model_copy(deep=True),
            dict(state.choices),
            set(state.done),
            set(state.carried),
            question_id,
            edit,
        )

    def _restore(self, snapshot: Snapshot) -> None:
        self._plan = None
        self.draft.report = snapshot.report
        self.state.choices, self.state.done = snapshot.choices, snapshot.done
        self.state.carried = snapshot.carried

    def _advance(self, turn: Turn, answered: Question) -> None:
        chosen = answered.leads_to(self.report, self.state) if answered.leads_to else None
        if chosen is not None:  # the answer picked where to go (a row to change): asked like a /goto there
            self._review.add(chosen)
            self._current = chosen
            self._ask(turn)
            return
        plan = self.plan()
        index = next((i for i, q in enumerate(plan) if q.id == answered.id), -1)
        following = self._next(plan, index)
        self._current = following.id if following else None
        self._ask(turn)

    def _after_change(self, turn: Turn) -> None:
        """Run every check and say which findings appeared or cleared; the turn's record then saves."""
        self._plan = None
        old = {f.key: f for f in self.findings}
        self.findings = self._check()
        new = {f.key: f for f in self.findings}
        for key, finding in new.items():
            if key not in old or old[key].severity is not finding.severity:  # new, or now an error or a warning
                turn.messages.append(Message("flag", describe(finding), finding))
        for key, finding in old.items():
            if key not in new:
                turn.messages.append(Message("cleared", f"已解决：{finding.rule}（{finding.where}）。", finding))
        self._changed = True

    def save(self, turn: Turn | None = None) -> None:
        """Write the draft; a failure is said once per answer and retried on the next one."""
        if self._save is None:
            return
        try:
            self._save(self.draft)
            self.save_error = None
        except DraftError as err:
            self.save_error = err.message
            if turn is not None:
                turn.messages.append(Message("error", err.message))

    def _ask(self, turn: Turn) -> None:
        question = self.current
        if question is None:
            errors = sum(1 for f in self.findings if f.severity is Severity.ERROR)
            tail = f"还有 {errors} 个错误需要处理（/findings 查看）。" if errors else "没有发现错误。"
            turn.messages.append(Message("info", f"全部问题都已回答。{tail}可以 /preview 预览、/export 导出。"))
            return
        text = question.prompt
        shown = question.current(self.report) if question.current else ""
        if question.id in self.state.carried and shown:
            text += f"\n（取自上年报告：{shown}。直接回车确认，或填写新的答案）"
        elif question.id in self._review and self.is_answered(question):
            text += (
                f"\n（当前：{shown}。直接回车保留）"
                if shown and question.kind != "narrative"
                else ("\n（已回答，直接回车保留）")
            )
        elif question.default and question.kind != "narrative":
            text += "" if "回车" in text else f"（直接回车为“{question.default}”）"
        previous = lastyear.given(self.state)
        if previous is not None and question.last_year is not None:
            text += f"\n（上年：{question.last_year(previous)}）"
        if question.drafted is not None and not self.is_answered(question):
            text += "\n草稿如下（直接回车采用，或修改后发送，或输入自己的文字）：\n" + question.drafted(self.report)
        turn.messages.append(Message("question", text))

    def _record(self, turn: Turn) -> None:
        """Add the turn to the conversation and, when it changed the report, autosave both together."""
        for message in turn.messages:
            if message.kind == "edit":
                continue  # already in the transcript as the clerk's own line
            role: Literal["assistant", "flag"] = "flag" if message.kind == "flag" else "assistant"
            finding = message.finding if message.kind == "flag" else None
            self.state.transcript.append(
                Exchange(
                    role=role,
                    text=message.text,
                    question=self._current,
                    severity=finding.severity if finding else None,
                    rule=finding.rule if finding else None,
                    where=finding.where if finding else None,
                )
            )
        if self._changed:
            self._changed = False
            self.save(turn)
