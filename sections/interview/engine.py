"""Provides `Interview`, the engine every front end drives: what to ask next, answers, commands, flags."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sections.interview.edits import CellEdit, changes
from sections.interview.messages import Message, Turn, describe
from sections.interview.questions import Question
from sections.model.errors import AnswerError, DraftError
from sections.model.findings import Finding, Severity
from sections.model.grids import TABLES
from sections.model.ids import SECTION_ORDER, QuestionId, SectionId, section_id
from sections.model.labels import SECTION_HEADINGS, SECTION_NUMERALS
from sections.model.report import Report
from sections.model.text import clean_text
from sections.rules.registry import check
from sections.store.drafts import Draft, Exchange, InterviewState

from . import appeals, disclosure, improvements, meta, other, overview, requests

Ask = Callable[[Report, InterviewState], list[Question]]

ASKING_ORDER: tuple[tuple[SectionId, Ask, Ask], ...] = (
    ("基本信息", meta.questions, meta.questions),
    ("二", disclosure.questions, disclosure.questions),
    ("三", requests.questions, requests.catalogue),
    ("四", appeals.questions, appeals.catalogue),
    ("一", overview.questions, overview.questions),
    ("五", improvements.questions, improvements.questions),
    ("六", other.questions, other.questions),
)
"""Each section's questions that apply now, and every question it can ask (in the same order, a superset).

The tables come before the narrative, so drafted paragraphs can state the tables' figures.
"""

SECTION_TITLES: dict[SectionId, str] = {
    "基本信息": "基本信息",
    **{section_id(numeral): heading for numeral, heading in zip(SECTION_NUMERALS, SECTION_HEADINGS, strict=True)},
}
COMMANDS = ("back", "goto", "skip", "undo", "draft", "findings", "preview", "export", "table", "help", "quit")
COMMAND_HELP = (
    "/back 回到上一题　/goto 三 跳到第三部分（/goto 基本信息）　/skip 跳过本题　/undo 撤销上一个回答\n"
    "/draft 再看一次草稿　/findings 问题清单　/preview 预览报告　/export 导出　/table 三 按表格填写（全屏界面）\n"
    "/help 帮助　/quit 退出"
)


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


class Interview:
    """Walks the questions of every section over one draft; checks and saves after every answer."""

    def __init__(self, draft: Draft, save: Callable[[Draft], None] | None = None, today: date | None = None) -> None:
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
        self.findings: list[Finding] = self._check()
        self._changed = False
        self.save_error: str | None = None

    def _check(self) -> list[Finding]:
        stated = QuestionId.META_LEVEL in self.state.done
        return check(self.report, self._today, self.state.previous, level_stated=stated)

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

    # Talking

    def start(self) -> Turn:
        """The opening words: a greeting, or where a resumed draft stands; then the open question."""
        turn = Turn()
        if any(e.role == "user" for e in self.state.transcript):
            done = sum(a for a, _ in self.progress().values())
            turn.messages.append(Message("info", f"欢迎回来：已回答 {done} 题，从第一个未回答的问题继续。"))
        else:
            turn.messages.append(
                Message(
                    "info",
                    "您好！我来帮您编写政府信息公开工作年度报告。先填基本信息和表格，再写文字部分，"
                    "这样文字里的数字可以与表格自动一致。每个回答都会立即核对并自动保存。输入 /help 查看命令。",
                )
            )
        if self.draft.recovered:
            turn.messages.append(
                Message("error", "草稿中有些内容无效，已清空，稍后会重新询问：\n" + "\n".join(self.draft.recovered))
            )
        self._ask(turn)
        self._record(turn)
        return turn

    def submit(self, text: str) -> Turn:
        """Take one input: a slash command or an answer to the open question."""
        command = split_command(text)
        if command is not None:
            turn = self.command(*command)
        else:
            self.state.transcript.append(Exchange(role="user", text=text.strip(), question=self._current))
            turn = self.answer(text)
        self._record(turn)
        return turn

    def answer(self, text: str) -> Turn:
        """Answer the open question; a refused answer keeps it open and says what is expected."""
        turn = Turn()
        question = self.current
        if question is None:
            turn.messages.append(Message("info", "所有问题都已回答。可以 /preview 预览、/export 导出，或 /goto 修改。"))
            return turn
        if not clean_text(text):
            if question.id in self.state.carried and question.current:
                text = question.current(self.report)
            elif question.id in self._review and self.is_answered(question):
                self._review.discard(question.id)
                turn.messages.append(Message("ack", "保留原来的回答。"))
                self._advance(turn, question)
                return turn
            else:
                text = question.default or (question.drafted(self.report) if question.drafted else "")
            if not clean_text(text):
                turn.messages.append(
                    Message("refusal", "这一题还没有回答：请输入答案，或输入 /skip 先跳过、/help 查看说明。")
                )
                return turn
        before = self._snapshot(question.id)
        try:
            ack = question.take(self.report, self.state, text)
        except AnswerError as err:
            self._restore(before)
            turn.messages.append(Message("refusal", err.message))
            return turn
        self._undo.append(before)
        self.state.done.add(question.id)
        self.state.carried.discard(question.id)
        self._review.discard(question.id)
        turn.messages.append(Message("ack", ack))
        self._after_change(turn)
        self._advance(turn, question)
        return turn

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
        plan = self.plan()
        index = next((i for i, q in enumerate(plan) if q.id == answered.id), -1)
        following = self._next(plan, index)
        self._current = following.id if following else None
        self._ask(turn)

    def edit(self, edits: Sequence[CellEdit]) -> Turn:
        """Take figures typed or pasted into a grid like an answer: said, checked, saved, and undoable.

        One bad cell refuses the whole edit with its place. When the edit answers the open question, the
        interview moves on to the next one.
        """
        turn = Turn()
        try:
            found = changes(self.report, edits)
        except AnswerError as err:
            turn.messages.append(Message("refusal", err.message))
            return turn
        if not found:
            return turn
        said = "表格修改：" + "；".join(change.said for change in found)
        self._undo.append(self._snapshot(self._current, said))
        for change in found:
            assert change.slot.put is not None  # `changes` refuses computed cells
            change.slot.put(self.report, change.value)
        self.state.transcript.append(Exchange(role="user", text=said, question=self._current))
        turn.messages.append(Message("edit", said))
        self._after_change(turn)
        question = self.current
        if question is not None and question.id not in self._review and self.is_answered(question):
            self._advance(turn, question)
        self._record(turn)
        return turn

    def _after_change(self, turn: Turn) -> None:
        """Run every check and say which findings appeared or cleared; the turn's record then saves."""
        self._plan = None
        old = {f.key: f for f in self.findings}
        self.findings = self._check()
        new = {f.key: f for f in self.findings}
        for key, finding in new.items():
            if key not in old:
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
        if question.drafted is not None and not self.is_answered(question):
            text += "\n草稿如下（直接回车采用，或修改后发送，或输入自己的文字）：\n" + question.drafted(self.report)
        turn.messages.append(Message("question", text))

    # Commands

    def command(self, name: str, argument: str = "") -> Turn:
        """Run a slash command; unknown ones are refused with the list of commands."""
        turn = Turn()
        if name in ("findings", "preview", "export", "quit"):
            turn.action = name  # type: ignore[assignment]
            if name == "findings":
                turn.messages.append(Message("findings", self.findings_text()))
            return turn
        if name == "table":
            wanted = argument.replace("表", "").strip() or "三"
            table = next((t for t in TABLES if t == wanted), None)
            if table is None:
                turn.messages.append(Message("refusal", f"没有表“{argument}”：可以按表格填写的是表二、表三、表四。"))
                return turn
            turn.action, turn.table = "table", table
            return turn
        if name == "help":
            question = self.current
            text = f"{question.help}\n\n{COMMAND_HELP}" if question else COMMAND_HELP
            turn.messages.append(Message("help", text))
            return turn
        if name == "draft":
            question = self.current
            if question is None or question.drafted is None:
                turn.messages.append(Message("refusal", "这一题没有草稿可以提供。"))
            else:
                drafted = question.drafted(self.report)
                turn.messages.append(Message("question", f"草稿如下（直接回车采用）：\n{drafted}"))
            return turn
        handler = {"back": self.back, "goto": lambda: self.goto(argument), "skip": self.skip, "undo": self.undo}.get(
            name
        )
        if handler is None:
            turn.messages.append(Message("refusal", f"没有“/{name}”这个命令。可用的命令：\n{COMMAND_HELP}"))
            return turn
        return handler()

    def findings_text(self) -> str:
        """The open findings as a numbered list, or a sentence saying there are none."""
        found = self.open_findings()
        if not found:
            return "目前没有发现错误或需要核对的地方。"
        return "\n".join(f"{i}. {describe(f)}" for i, f in enumerate(found, 1))

    def goto(self, target: str) -> Turn:
        """Jump to a section (一 … 六, 基本信息, 表三) or a question id, reviewing answered questions.

        A question the report can ask is asked even when it does not apply now (a table 三 row that came from
        an import, the grid or last year's report rather than the outcomes checklist); then the flow goes on.
        """
        turn = Turn()
        place = ""
        section = resolve_section(target)
        if section:
            chosen = [q for q in self.plan() if q.section == section]
        else:
            chosen = [q for q in self.plan() if q.id == target][:1] or [q for q in self.catalogue() if q.id == target]
            place = f"{SECTION_TITLES[chosen[0].section]} {label(chosen[0])}" if chosen else ""
        if not section and not chosen:
            matched = by_label(self.catalogue(), target)
            if len({q.section for q in matched}) > 1:
                some = "、".join(f"“{label(q)}”" for q in matched[:4])
                turn.messages.append(
                    Message("refusal", f"“{target}”能对上好几处：{some}……请多写几个字，如 /goto {label(matched[0])}。")
                )
                return turn
            chosen = matched[:1]
            place = f"{SECTION_TITLES[chosen[0].section]} {label(chosen[0])}" if chosen else ""
        if not chosen:
            turn.messages.append(
                Message(
                    "refusal",
                    f"不知道要跳到哪里：“{target}”。请写部分编号或行名，如 /goto 三、/goto 基本信息、/goto 不掌握。",
                )
            )
            return turn
        self._review = {q.id for q in chosen}
        self._current = chosen[0].id
        title = place or SECTION_TITLES[chosen[0].section]
        turn.messages.append(Message("info", f"跳到：{title}。已回答的题目直接回车即保留原答案。"))
        self._ask(turn)
        return turn

    def focus(self, question_id: QuestionId) -> Turn:
        """Jump to one question (e.g. from a finding) and come back to the flow after it."""
        return self.goto(question_id)

    def back(self) -> Turn:
        """Go to the question before the open one."""
        turn = Turn()
        plan = self.plan()
        index = next((i for i, q in enumerate(plan) if q.id == self._current), len(plan))
        if index == 0:
            turn.messages.append(Message("refusal", "已经是第一题了。"))
            return turn
        previous = plan[index - 1]
        self._review.add(previous.id)
        self._current = previous.id
        self._ask(turn)
        return turn

    def skip(self) -> Turn:
        """Leave the open question for later."""
        turn = Turn()
        question = self.current
        if question is None:
            return self.answer("")
        self._skipped.add(question.id)
        self._review.discard(question.id)
        turn.messages.append(Message("info", "先跳过这一题，稍后再问。"))
        self._advance(turn, question)
        return turn

    def undo(self) -> Turn:
        """Take back the last answer (and ask its question again) or the last grid edit, exactly that."""
        turn = Turn()
        if not self._undo:
            turn.messages.append(Message("refusal", "没有可以撤销的回答。"))
            return turn
        snapshot = self._undo.pop()
        self._restore(snapshot)
        self._current = snapshot.question
        if snapshot.edit is None and snapshot.question is not None:
            self._review.add(snapshot.question)
        said = f"已撤销{snapshot.edit}。" if snapshot.edit else "已撤销上一个回答。"
        turn.messages.append(Message("info", said))
        self._after_change(turn)
        self._ask(turn)
        return turn

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


def split_command(text: str) -> tuple[str, str] | None:
    """「/Goto 三」 → ("goto", "三"); None when the line is an answer, not a command."""
    stripped = clean_text(text)
    if stripped[:1] not in ("/", "／"):
        return None
    name, _, argument = stripped[1:].partition(" ")
    return name.strip().lower(), argument.strip()


def label(question: Question) -> str:
    """What a question is about, as a row is named: 「（四）无法提供 1.本机关不掌握相关政府信息」, 「行政处罚」."""
    first = question.prompt.split("\n")[0]
    quoted = first.partition("“")[2].rpartition("”")[0] if first.startswith("“") else ""
    return quoted or first


def by_label(questions: Sequence[Question], target: str) -> list[Question]:
    """The questions whose row label (or wording) contains `target`, yes/no gates last; none for under 2 characters."""
    value = "".join(clean_text(target).split())
    if len(value) < 2:
        return []
    found = [q for q in questions if value in "".join(label(q).split())]
    return sorted(found, key=lambda q: q.kind == "yesno" or q.id == QuestionId.S1_TITLES)


def resolve_section(target: str) -> SectionId | None:
    """「三」「3」「表三」「第三部分」「三、收到…」 → 「三」; 「基本信息」「基本」「0」 → 「基本信息」."""
    value = target.strip().replace("表", "").replace("第", "").replace("部分", "")
    if value in ("基本信息", "基本", "0", "导语", "meta"):
        return "基本信息"
    if value.isdigit() and 1 <= int(value) <= len(SECTION_NUMERALS):
        return section_id(SECTION_NUMERALS[int(value) - 1])
    for numeral, heading in zip(SECTION_NUMERALS, SECTION_HEADINGS, strict=True):
        if value in (numeral, heading) or (value and value[0] == numeral and value[1:2] in ("、", "")):
            return section_id(numeral)
    return None
