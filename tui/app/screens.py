"""Provides the interview screen: the chat over one draft, with its sidebar, answer box and preview."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical

from sections.interview.engine import Interview, split_command
from sections.interview.gaps import gaps_text, unanswered
from sections.interview.messages import Message, Turn, joined_help
from sections.interview.questions import Question
from sections.interview.session import Session
from sections.model.findings import Severity
from sections.model.grids import TableId
from sections.model.report import Report
from sections.model.text import clean_text
from tui.app.answer import LINE_PLACEHOLDER, NOT_ASKED, AnswerBox, Unsent
from tui.app.chat import Bubble, ChoiceBubble, FlagBubble, NewMessages, Transcript, history_bubbles, question_bubble
from tui.app.widgets import KeyBar, OrderedScreen, Preview, SectionRow, SectionState, Sidebar, TitleBar

HISTORY = 30
"""How many earlier exchanges a resumed interview shows."""
NARROW = 110
"""Terminal width below which the sidebar is hidden while the preview is shown."""
ALL_ANSWERED = "全部问题已回答：/preview 预览，/export 导出，/goto 修改"


class InterviewScreen(OrderedScreen[None]):
    """The chat over one draft: shows what the session says and passes on what the clerk does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pageup", "page(-1)", "上一页", key_display="PgUp", show=False, priority=True),
        Binding("pagedown", "page(1)", "下一页", key_display="PgDn", show=False, priority=True),
        Binding("ctrl+end,end", "newest", "最新消息", key_display="End", show=False),
        Binding("ctrl+home,home", "oldest", "最早消息", key_display="Home", show=False),
        Binding("up", "choices(-1)", show=False),
        Binding("down", "choices(1)", show=False),
        Binding("escape", "focus_answer", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.unsent: dict[str, Unsent] = {}
        """Text typed for other questions and not sent, by question id: put back when the question returns."""
        self._choices: ChoiceBubble | None = None

    @property
    def interview(self) -> Interview:
        """The interview the session runs (read-only use: progress, findings, the open question)."""
        return self.session.interview

    @property
    def path(self) -> Path:
        """The draft file."""
        return self.session.path

    @property
    def report(self) -> Report:
        """The report being written."""
        return self.session.report

    def compose(self) -> ComposeResult:
        """Title bar; sidebar, chat and preview side by side; the answer box; the keys."""
        yield TitleBar(id="titlebar")
        with Horizontal(id="main"):
            yield Sidebar(id="sidebar")
            with Vertical(id="chat"):
                yield Transcript(id="transcript")
                yield NewMessages(id="new-messages")
            yield Preview(id="preview")
        yield AnswerBox(id="answer")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the earlier conversation, then the greeting and the open question."""
        self._show_history()
        turn = self.session.start()
        self.unsent = {q: Unsent(self._question_name(q), text) for q, text in self.session.take_unsent().items()}
        self.show_turn(turn)

    def _show_history(self) -> None:
        bubbles = history_bubbles(self.interview.state.transcript, self.interview.findings, HISTORY)
        self.query_one(Transcript).say(*bubbles)

    # Answers and turns

    @on(AnswerBox.AnswerSubmitted)
    def _answered(self, event: AnswerBox.AnswerSubmitted) -> None:
        self.submit(event.text)

    def submit(self, text: str) -> None:
        """Send what the clerk typed to the session and show what it says.

        The answer box is then loaded for the open question; after a refused answer the typed text stays,
        and after /draft the editor holds the drafted paragraph.
        """
        if shown := clean_text(text):
            self.query_one(Transcript).say(Bubble(shown, "user"))
        asked = self._open_id()
        turn = self.session.submit(text)
        refused = any(m.kind == "refusal" for m in turn.messages) and self._open_id() == asked
        self.show_turn(turn, sent=not refused)
        question = self.interview.current
        if refused:
            self.query_one(AnswerBox).keep_refused()
        elif split_command(text) == ("draft", "") and question is not None and question.drafted is not None:
            self.query_one(AnswerBox).ask(question.id, "text", question.drafted(self.report), drafted=True)

    def command(self, text: str) -> None:
        """Run a command for a key, the palette or the sidebar (not echoed; what is typed stays)."""
        self.show_turn(self.session.submit(text))

    @on(Sidebar.SectionChosen)
    def _section_chosen(self, event: Sidebar.SectionChosen) -> None:
        self.goto(event.section)

    def show_turn(self, turn: Turn, *, sent: bool = False) -> None:
        """Show the assistant's messages, take the turn's action, and refresh the panes.

        `sent`: the clerk sent what the answer box held, so the box is loaded again even for the same question.
        """
        transcript = self.query_one(Transcript)
        bubbles: list[Bubble | ChoiceBubble] = []
        for message in joined_help(turn.messages):
            if message.kind == "findings":
                continue  # the findings screen opens instead
            if message.kind == "cleared" and message.finding is not None:
                transcript.resolve(message.finding.key)
                for bubble in bubbles:
                    if isinstance(bubble, FlagBubble) and bubble.key == message.finding.key:
                        bubble.resolved = True
            bubble = self._bubble(message)
            if message.kind == "question":
                self._choices = bubble if isinstance(bubble, ChoiceBubble) else None
            bubbles.append(bubble)
        transcript.say(*bubbles)
        self.refresh_panes(reload=sent)
        if turn.action == "findings":
            self.open_findings()
        elif turn.action == "preview":
            self.toggle_preview()
        elif turn.action == "export":
            self.open_export()
        elif turn.action == "table" and turn.table is not None:
            self.open_grid(turn.table)
        elif turn.action == "quit":
            self.leave()

    def _bubble(self, message: Message) -> Bubble | ChoiceBubble:
        if message.kind == "edit":
            return Bubble(message.text, "user")
        if message.kind == "flag" and message.finding is not None:
            finding = message.finding
            text = message.text
            if finding.severity is not Severity.INFO:
                text += f"\n输入 /goto {finding.section} 修改，或按 Ctrl+F 在问题清单中选择；也可以继续回答。"
            return FlagBubble(text, finding.severity.value, finding.key)
        text = message.text
        question = self.interview.current
        if message.kind == "question" and question is not None and question.kind == "narrative":
            head, marker, _ = text.partition("\n草稿如下")
            if marker:
                text = head + "\n草稿已放在下方编辑框：可以直接发送（Ctrl+S），也可以修改或改写。"
        if message.kind == "question":
            return question_bubble(text)
        return Bubble(text, "assistant", message.kind)

    def refresh_panes(self, *, reload: bool = False) -> None:
        """Bring the title, sidebar, preview and answer box up to date with the interview.

        What the clerk has typed is left alone unless `reload` (it was sent) or the question changed.
        """
        interview = self.interview
        status, failed = self._status()
        body = self.report.meta.title if self.report.meta.body else "新报告"
        self.query_one(TitleBar).show(body, status, failed=failed)
        question = interview.current
        current = question.section if question else None
        rows = []
        for section, (answered, total) in interview.progress().items():
            state: SectionState = "current" if section == current else "done" if total and answered == total else "open"
            rows.append(SectionRow(section, state, answered, total, len(interview.open_findings(section))))
        self.query_one(Sidebar).show(rows, len(interview.open_findings()))
        if self.query_one(Preview).display:
            self.query_one(Preview).show(self.session.preview())
        self._ready_answer(reload)

    def _status(self) -> tuple[str, bool]:
        if self.interview.save_error:
            return f"保存失败：{self.interview.save_error}", True
        if self.session.saved_at is None:
            return f"新草稿 {self.path.name}", False
        return f"草稿已保存 {self.session.saved_at:%H:%M}", False

    def _open_id(self) -> str | None:
        question = self.interview.current
        return question.id if question else None

    def _ready_answer(self, reload: bool) -> None:
        """Load the answer box for the open question, or only update its hints when it is the same one."""
        box = self.query_one(AnswerBox)
        question = self.interview.current
        key = question.id if question else None
        if key == box.asking and not reload:
            self._prompt(box, question)
            return
        if not reload and box.asking not in (None, NOT_ASKED) and (typed := box.unsent):
            self._keep_unsent(box.asking, typed)
        if question is None:
            box.ask(None, "line", placeholder=ALL_ANSWERED)
            return
        answered = self.interview.is_answered(question)
        shown = question.current(self.report) if question.current and answered else ""
        if question.kind == "narrative":
            drafted = question.drafted(self.report) if question.drafted else ""
            box.ask(question.id, "text", shown or drafted, drafted=bool(drafted))
        else:
            box.ask(question.id, "line", placeholder=self._placeholder(question))
        if kept := self.unsent.pop(question.id, None):
            box.restore(kept.text)
            self.notify("已放回这一题上次没有发送的文字。", title="未发送的文字")

    def _prompt(self, box: AnswerBox, question: Question | None) -> None:
        if question is None:
            box.prompt(ALL_ANSWERED)
        elif question.kind == "narrative":
            box.prompt(drafted=question.drafted is not None)
        else:
            box.prompt(self._placeholder(question))

    def _placeholder(self, question: Question) -> str:
        answered = self.interview.is_answered(question)
        shown = question.current(self.report) if question.current and answered else ""
        more = "；↑↓ 翻看选项" if self._choices is not None else ""
        if shown:
            return f"当前：{shown}（直接回车保留{more}）"
        if question.default:
            return f"直接回车为“{question.default}”{more}"
        return LINE_PLACEHOLDER + more

    def _question_name(self, question_id: str) -> str:
        """A question's first line, to name it beside its unsent text."""
        question = self.interview.question(question_id) or next(
            (q for q in self.interview.catalogue() if q.id == question_id), None
        )
        return question.first_line if question else question_id

    def _keep_unsent(self, question_id: str, text: str) -> None:
        """Keep text typed for a question the interview left without it being sent."""
        self.unsent[question_id] = Unsent(self._question_name(question_id), text)
        self.notify("回到这一题时会放回编辑框；退出前也会提醒。", title="没有发送的文字已保留")

    def typed(self) -> list[Unsent]:
        """Every text typed and not sent: in the answer box first, then those kept for other questions."""
        box = self.query_one(AnswerBox)
        found = []
        if typed := box.unsent:
            question = self.interview.current
            found.append(Unsent(question.first_line if question else "", typed))
        return found + list(self.unsent.values())

    # Actions the app's keys and commands reach

    def toggle_preview(self) -> None:
        """Show or hide the rendered report beside the chat."""
        preview = self.query_one(Preview)
        preview.display = not preview.display
        self._fit_preview()
        if not preview.display and preview.has_focus_within:
            self.action_focus_answer()
        self.refresh_panes()

    def on_resize(self) -> None:
        """Keep room for the preview on a narrow terminal."""
        self._fit_preview()

    def _fit_preview(self) -> None:
        """Below `NARROW` columns the sidebar gives way to the preview while it is shown."""
        self.set_class(self.query_one(Preview).display and self.size.width < NARROW, "-narrow-preview")

    def show_help(self) -> None:
        """Say the current question's help, the commands and the keys in the chat."""
        self.command("/help")

    def goto(self, target: str) -> None:
        """Jump to a section or a question, as /goto does."""
        self.command(f"/goto {target}")

    def open_findings(self) -> None:
        """Show the findings list; picking one jumps to its question."""
        from tui.app.dialogs import FindingsScreen  # late on purpose: dialogs load when first opened

        def chosen(target: str | None) -> None:
            if target:
                self.goto(target)

        self.app.push_screen(FindingsScreen(self.interview.open_findings()), chosen)

    def open_export(self) -> None:
        """Ask where and how to export, then have the session write the report."""
        from tui.app.dialogs import ExportChoice, ExportDialog  # late on purpose, as above

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            said = self.session.export(choice.path, choice.fmt, choice.layout, force=choice.force)
            if said.kind == "error":
                self.notify(said.text, title="导出失败", severity="error", timeout=10)
            else:
                self.notify(str(choice.path), title="已导出")

        errors = [f for f in self.interview.findings if f.severity is Severity.ERROR]
        gaps = unanswered(self.interview)
        dialog = ExportDialog(self.session.export_target(), errors, gaps_text(gaps) if gaps else "")
        self.app.push_screen(dialog, chosen)

    def open_grid(self, table: TableId) -> None:
        """Edit table 二, 三 or 四 as a grid; every edit goes through the session like an answer."""
        from tui.app.grid import GridScreen  # late on purpose, as above

        self.app.push_screen(GridScreen(table, self.session, self.show_turn))

    def leave(self) -> None:
        """Quit: at once when nothing typed is unsent, else after asking (send, leave without, stay)."""
        typed = self.typed()
        if not typed:
            self._quit()
            return
        from tui.app.dialogs import UnsentDialog  # late on purpose, as above

        if any(isinstance(screen, UnsentDialog) for screen in self.app.screen_stack):
            return  # already asking

        def chosen(choice: str | None) -> None:
            if choice == "send":
                self.submit(self.query_one(AnswerBox).value)
                if not self.query_one(AnswerBox).unsent:  # taken, not refused; the texts of other questions are kept
                    self._quit()
            elif choice == "discard":
                self._quit()
            else:
                self.action_focus_answer()

        can_send = bool(self.query_one(AnswerBox).unsent)
        self.app.push_screen(UnsentDialog(typed, can_send=can_send), chosen)

    def _quit(self) -> None:
        """Leave, keeping every text still unsent in the draft to be offered back next time."""
        box = self.query_one(AnswerBox)
        typed = {question: kept.text for question, kept in self.unsent.items()}
        if box.unsent and box.asking is not None and box.asking != NOT_ASKED:
            typed[box.asking] = box.unsent
        self.session.keep_unsent(typed)
        said = self.session.quit().messages[-1].text
        self.app.exit(message=Text(said))

    # Keys of the chat

    def action_page(self, pages: int) -> None:
        """PageUp/PageDown: the preview when it has the focus, else the conversation."""
        preview = self.query_one(Preview)
        if preview.display and preview.has_focus_within:
            preview.scroll_to(y=preview.scroll_y + pages * preview.scrollable_content_region.height, animate=False)
        else:
            self.query_one(Transcript).page(pages)

    def action_newest(self) -> None:
        """End (Ctrl+End): the newest message, followed again."""
        self.query_one(Transcript).follow()

    def action_oldest(self) -> None:
        """Home (Ctrl+Home): the first message shown."""
        self.query_one(Transcript).oldest()

    def action_choices(self, lines: int) -> None:
        """↑↓ in the answer line: scroll the open question's long list of choices."""
        if self._choices is None or not self._choices.is_attached:
            raise SkipAction
        choices = self._choices.list
        choices.scroll_to(y=choices.scroll_y + lines, animate=False)

    @on(NewMessages.Clicked)
    def _marker_clicked(self) -> None:
        self.action_newest()

    @on(Transcript.Unseen)
    def _unseen(self, event: Transcript.Unseen) -> None:
        self.query_one(NewMessages).show(event.count)

    def action_focus_answer(self) -> None:
        """Esc: back to the answer box."""
        self.query_one(AnswerBox).focus_editor()
