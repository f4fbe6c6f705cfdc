"""Provides `Interview`, the engine every front end drives: what to ask next, answers, commands, flags."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sections.interview import lastyear, sentence
from sections.interview.answers import parse_yes_no
from sections.interview.edits import CellEdit, changes
from sections.interview.flow import SECTION_TITLES, Flow
from sections.interview.messages import Message, Turn, describe
from sections.interview.questions import Question, label
from sections.model.errors import AnswerError
from sections.model.grids import TABLES
from sections.model.ids import QuestionId, SectionId, section_id
from sections.model.labels import SECTION_HEADINGS, SECTION_NUMERALS
from sections.model.report import Report
from sections.model.text import clean_text
from sections.reading.stated import Reading
from sections.store.drafts import Exchange

COMMANDS = ("back", "goto", "skip", "undo", "draft", "findings", "preview", "export", "table", "help", "quit")
COMMAND_HELP = (
    "/back 回到上一题　/goto 三 跳到第三部分（/goto 基本信息）　/skip 跳过本题　/undo 撤销上一个回答\n"
    "/draft 再看一次草稿　/findings 问题清单　/preview 预览报告　/export 导出　/table 三 按表格填写（全屏界面）\n"
    "/help 帮助　/quit 退出"
)
CLEANED = "草稿中有些文字带有控制字符或文字方向控制符，已删去（下次回答时才写回文件）：\n"
"""Said once when a draft read from its file needed cleaning (`Draft.cleaned`: where, and what went)."""


FIGURES_ONLY = re.compile(r"[\d０-９\s,，、;；.。:：/／+\-－]*")
"""An answer of figures and separators alone, never read as a sentence."""


class Interview(Flow):
    """The engine every front end drives: answers, grid edits and commands over the question flow."""

    _offer: Reading | None = None
    """Figures a paragraph of 一 stated for tables still unanswered, offered until the next answer."""

    # Talking

    def start(self) -> Turn:
        """The opening words: a greeting, or where a resumed draft stands; then the open question."""
        turn = Turn()
        resumed = any(e.role == "user" for e in self.state.transcript)
        if resumed:
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
        if self.draft.cleaned:
            turn.messages.append(Message("info", CLEANED + "\n".join(self.draft.cleaned)))
        unread = None if resumed else lastyear.unread_text(self.report, self.state)
        if unread:
            turn.messages.append(Message("info", unread))
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
        offered, self._offer = self._offer, None
        if offered is not None and (accepted := _yes_or_no(text)) is not None:
            return self._take_offer(turn, offered, accepted)
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
            if not self._sentence(turn, question, text):
                turn.messages.append(Message("refusal", err.message))
            return turn
        self._undo.append(before)
        self.state.done.add(question.id)
        self.state.carried.discard(question.id)
        self._review.discard(question.id)
        self._review -= self._also_answered(before.report)
        turn.messages.append(Message("ack", ack))
        self._after_change(turn)
        self._advance(turn, question)
        if question.section == "一" and question.kind == "narrative":
            self._offer = sentence.offer(self.report, text)
            if self._offer is not None:
                turn.messages.insert(len(turn.messages) - 1, Message("info", sentence.offer_text(self._offer)))
        return turn

    def _also_answered(self, before: Report) -> set[QuestionId]:
        """Questions under review an answer filled too (all contact fields named, 五 in one piece): not asked again."""
        plan = self.plan()
        return {
            q.id for q in plan if q.id in self._review and q.current and q.current(before) != q.current(self.report)
        }

    def _take_offer(self, turn: Turn, offered: Reading, accepted: bool) -> Turn:
        """The clerk's yes or no to recording the figures a paragraph of 一 stated; then the open question again."""
        if accepted:
            self._undo.append(self._snapshot(self._current))
            turn.messages.append(Message("ack", sentence.take_sentence(self.report, self.state, offered)))
            self._after_change(turn)
        else:
            turn.messages.append(Message("ack", "好的，正文中的数字不记入表格。"))
        self._ask(turn)
        return turn

    def _sentence(self, turn: Turn, question: Question, text: str) -> bool:
        """Take an answer its question's syntax refused as a sentence stating figures of 二、三、四.

        Every figure it places is written at once (one /undo takes them all back), said back, checked; the
        next question is the first one still unknown. False when the text states no figure at all.
        """
        if question.section not in sentence.SECTIONS or question.kind == "narrative" or FIGURES_ONLY.fullmatch(text):
            return False  # figures without words are the question's own syntax: its refusal says what it expects
        reading = sentence.read(self.report, question.id, text)
        if not reading.understood:
            return False
        if not reading.taken:
            turn.messages.append(Message("refusal", sentence.take_sentence(self.report, self.state, reading)))
            return True
        self._undo.append(self._snapshot(question.id))
        turn.messages.append(Message("ack", sentence.take_sentence(self.report, self.state, reading)))
        self._after_change(turn)
        self._review = {q for q in self._review if not any(p.id == q and self.is_answered(p) for p in self.plan())}
        plan = self.plan()
        index = next((i for i, q in enumerate(plan) if q.id == question.id), 0)
        following = self._next(plan, index - 1)
        self._current = following.id if following else None
        self._ask(turn)
        return True

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
            figures = question is not None and question.section in sentence.SECTIONS and question.kind != "narrative"
            extra = f"\n{sentence.HELP}" if figures else ""
            text = f"{question.help}{extra}\n\n{COMMAND_HELP}" if question else COMMAND_HELP
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
        turn.messages.append(Message("info", f"跳到：{title.rstrip('。')}。已回答的题目直接回车即保留原答案。"))
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
        self._advance(turn, replace(question, leads_to=None))  # where to go is an answer's choice, not a skip's
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


def _yes_or_no(text: str) -> bool | None:
    try:
        return parse_yes_no(text)
    except AnswerError:
        return None


def split_command(text: str) -> tuple[str, str] | None:
    """「/Goto 三」 → ("goto", "三"); None when the line is an answer, not a command."""
    stripped = clean_text(text)
    if stripped[:1] not in ("/", "／"):
        return None
    name, _, argument = stripped[1:].partition(" ")
    return name.strip().lower(), argument.strip()


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
