"""Provides the start screen (pick or start a draft) and the interview screen (the chat)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message as TextualMessage
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from sections.interview.engine import Interview
from sections.interview.messages import Message, Turn, describe
from sections.interview.session import Session
from sections.model.errors import DraftError
from sections.model.findings import Severity
from sections.model.grids import TableId
from sections.model.report import Report
from sections.model.text import clean_text
from sections.store.drafts import load_draft
from tui.app.widgets import (
    AnswerBox,
    Bubble,
    FlagBubble,
    OrderedScreen,
    Preview,
    SectionRow,
    SectionState,
    Sidebar,
    TitleBar,
    Transcript,
    literal,
)

HISTORY = 30
"""How many earlier exchanges a resumed interview shows."""
NEW = "new"


class StartScreen(OrderedScreen[None]):
    """Resume the most recent draft, pick another one from the folder, or start a new report."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("n", "new", "新报告", key_display="N")]

    class DraftChosen(TextualMessage):
        """The clerk picked a draft to open, or (path None) a new report."""

        def __init__(self, path: Path | None) -> None:
            self.path = path
            super().__init__()

    def __init__(self, drafts: list[Path]) -> None:
        super().__init__()
        self.drafts = drafts

    def compose(self) -> ComposeResult:
        """A title, a line of help, and the list of drafts."""
        with Vertical(id="start"):
            yield Label("政府信息公开工作年度报告助手", id="start-title")
            yield Label("选择一份草稿继续填写，或开始一份新的报告（↑↓ 选择，回车确认）。", id="start-help")
            yield OptionList(*self._options(), id="drafts")
        yield Footer(show_command_palette=False)

    def _options(self) -> list[Option]:
        leads = ["▶ 继续最近的草稿", *["  打开"] * (len(self.drafts) - 1)]
        options = [
            Option(literal(f"{lead}：{describe_draft(path)}"), id=str(index))
            for index, (lead, path) in enumerate(zip(leads, self.drafts[:20], strict=False))
        ]
        options.insert(min(1, len(options)), Option(literal("＋ 开始一份新的报告"), id=NEW))
        return options

    @on(OptionList.OptionSelected, "#drafts")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == NEW:
            self.post_message(self.DraftChosen(None))
        elif event.option.id is not None:
            self.post_message(self.DraftChosen(self.drafts[int(event.option.id)]))

    def action_new(self) -> None:
        """Start a new report."""
        self.post_message(self.DraftChosen(None))


def describe_draft(path: Path) -> str:
    """Two lines: the report's title, then the file name and when it was saved."""
    try:
        draft = load_draft(path)
    except DraftError as err:
        return f"{path.name}\n    无法打开：{err.message}"
    title = draft.report.meta.title if draft.report.meta.body else "（尚未填写机关名称）"
    saved = f" · 保存于 {draft.saved_at:%Y-%m-%d %H:%M}" if draft.saved_at else ""
    return f"{title}\n    {path.name}{saved}"


class InterviewScreen(OrderedScreen[None]):
    """The chat over one draft: shows what the session says and passes on what the clerk does."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

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
            yield Transcript(id="transcript")
            yield Preview(id="preview")
        yield AnswerBox(id="answer")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        """Show the earlier conversation, then the greeting and the open question."""
        self._show_history()
        self.show_turn(self.interview.start())

    def _show_history(self) -> None:
        exchanges = self.interview.state.transcript[-HISTORY:]
        if not exchanges:
            return
        open_keys = {f.key for f in self.interview.findings}
        said = {describe(f): f for f in self.interview.findings}  # flags saved before they kept their rule
        bubbles: list[Bubble] = []
        if len(self.interview.state.transcript) > HISTORY:
            skipped = len(self.interview.state.transcript) - HISTORY
            bubbles.append(Bubble(f"（此前还有 {skipped} 条对话，已省略）", "assistant", "history"))
        for exchange in exchanges:
            if exchange.role == "flag":
                finding = said.get(exchange.text)
                key = (exchange.rule, exchange.where) if exchange.rule and exchange.where else None
                key = key or (finding.key if finding else None)
                severity = exchange.severity or (finding.severity if finding else Severity.INFO)
                flag = FlagBubble(exchange.text, severity.value, key)
                flag.resolved = key not in open_keys
                bubbles.append(flag)
            else:
                role: Literal["assistant", "user"] = "user" if exchange.role == "user" else "assistant"
                bubbles.append(Bubble(clean_text(exchange.text), role, "history"))
        bubbles.append(Bubble("── 以上是之前的对话 ──", "assistant", "divider"))
        self.query_one(Transcript).say(*bubbles)

    # Answers and turns

    @on(AnswerBox.AnswerSubmitted)
    def _answered(self, event: AnswerBox.AnswerSubmitted) -> None:
        self.submit(event.text)

    def submit(self, text: str) -> None:
        """Send one answer or slash command to the session and show what it says."""
        if shown := clean_text(text):
            self.query_one(Transcript).say(Bubble(shown, "user"))
        self.show_turn(self.session.submit(text))

    def command(self, text: str) -> None:
        """Run a command for a key, the palette or the sidebar (not echoed as the clerk's line)."""
        self.show_turn(self.session.submit(text))

    @on(Sidebar.SectionChosen)
    def _section_chosen(self, event: Sidebar.SectionChosen) -> None:
        self.goto(event.section)

    def show_turn(self, turn: Turn) -> None:
        """Show the assistant's messages, take the turn's action, and refresh the panes."""
        transcript = self.query_one(Transcript)
        bubbles: list[Bubble] = []
        for message in turn.messages:
            if message.kind == "findings":
                continue  # the findings screen opens instead
            if message.kind == "cleared" and message.finding is not None:
                transcript.resolve(message.finding.key)
                for bubble in bubbles:
                    if isinstance(bubble, FlagBubble) and bubble.key == message.finding.key:
                        bubble.resolved = True
            bubbles.append(self._bubble(message))
        transcript.say(*bubbles)
        self.refresh_panes()
        if turn.action == "findings":
            self.open_findings()
        elif turn.action == "preview":
            self.toggle_preview()
        elif turn.action == "export":
            self.open_export()
        elif turn.action == "table" and turn.table is not None:
            self.open_grid(turn.table)
        elif turn.action == "quit":
            self.app.exit()

    def _bubble(self, message: Message) -> Bubble:
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
        return Bubble(text, "assistant", message.kind)

    def refresh_panes(self) -> None:
        """Bring the title, sidebar, preview and answer box up to date with the interview."""
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
        self._ready_answer()

    def _status(self) -> tuple[str, bool]:
        if self.interview.save_error:
            return f"保存失败：{self.interview.save_error}", True
        if self.session.saved_at is None:
            return f"新草稿 {self.path.name}", False
        return f"草稿已保存 {self.session.saved_at:%H:%M}", False

    def _ready_answer(self) -> None:
        box = self.query_one(AnswerBox)
        question = self.interview.current
        if question is None:
            box.ask("line", placeholder="全部问题已回答：/preview 预览，/export 导出，/goto 修改")
            return
        answered = self.interview.is_answered(question)
        shown = question.current(self.report) if question.current and answered else ""
        if question.kind == "narrative":
            drafted = question.drafted(self.report) if question.drafted else ""
            box.ask("text", shown or drafted, drafted=bool(drafted))
        elif shown:
            box.ask("line", placeholder=f"当前：{shown}（直接回车保留）")
        elif question.default:
            box.ask("line", placeholder=f"直接回车为“{question.default}”")
        else:
            box.ask("line")

    # Actions the app's keys and commands reach

    def toggle_preview(self) -> None:
        """Show or hide the rendered report beside the chat."""
        preview = self.query_one(Preview)
        preview.display = not preview.display
        self.refresh_panes()

    def show_help(self) -> None:
        """Say the current question's help (and the commands) in the chat."""
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
        self.app.push_screen(ExportDialog(self.session.export_target(), errors), chosen)

    def open_grid(self, table: TableId) -> None:
        """Edit table 二, 三 or 四 as a grid; every edit goes through the session like an answer."""
        from tui.app.grid import GridScreen  # late on purpose, as above

        self.app.push_screen(GridScreen(table, self.session, self.show_turn))
