"""Provides the start screen (pick or start a draft) and the interview screen (the chat)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from sections.interview.engine import Interview
from sections.interview.messages import Message, Turn, describe
from sections.model.errors import DraftError
from sections.model.findings import Severity
from sections.model.report import Report
from sections.model.text import clean_text
from sections.store.drafts import Draft, load_draft, save_draft
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

if TYPE_CHECKING:
    from tui.app.app import NianbaoApp
    from tui.app.dialogs import ExportChoice

HISTORY = 30
"""How many earlier exchanges a resumed interview shows."""
NEW = "new"


class StartScreen(OrderedScreen[None]):
    """Resume the most recent draft, pick another one from the folder, or start a new report."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("n", "new", "新报告", key_display="N")]

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
        app = self._app()
        if event.option.id == NEW:
            app.start_new()
        elif event.option.id is not None:
            app.open_interview(self.drafts[int(event.option.id)])

    def action_new(self) -> None:
        """Start a new report."""
        self._app().start_new()

    def _app(self) -> NianbaoApp:
        from tui.app.app import NianbaoApp

        assert isinstance(self.app, NianbaoApp)
        return self.app


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
    """The chat over one draft: owns the `Interview`, shows its turns, keeps the panes current."""

    def __init__(
        self, path: Path, draft: Draft, *, today: date | None = None, clock: Callable[[], datetime] = datetime.now
    ) -> None:
        super().__init__()
        self.path = path
        self._clock = clock
        self._saved_at = draft.saved_at
        self.interview = Interview(draft, save=self._save, today=today)

    def _save(self, draft: Draft) -> None:
        save_draft(self.path, draft)
        self._saved_at = self._clock()

    @property
    def report(self) -> Report:
        """The report being written."""
        return self.interview.report

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
        open_keys = {describe(f): f.key for f in self.interview.findings}
        labels = {s.label: s.value for s in Severity}
        bubbles: list[Bubble] = []
        if len(self.interview.state.transcript) > HISTORY:
            skipped = len(self.interview.state.transcript) - HISTORY
            bubbles.append(Bubble(f"（此前还有 {skipped} 条对话，已省略）", "assistant", "history"))
        for exchange in exchanges:
            if exchange.role == "flag":
                key = open_keys.get(exchange.text)
                flag = FlagBubble(exchange.text, labels.get(exchange.text[:2], "info"), key)
                flag.resolved = key is None
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
        """Send one answer or slash command to the interview and show what it says."""
        command, _, argument = text.strip().partition(" ")
        if command in ("/table", "／table"):
            self.open_grid(argument.strip().replace("表", "") or "三")
            return
        if shown := clean_text(text):
            self.query_one(Transcript).say(Bubble(shown, "user"))
        self.show_turn(self.interview.submit(text))

    def show_turn(self, turn: Turn) -> None:
        """Show the assistant's messages, take the turn's action, and refresh the panes."""
        transcript = self.query_one(Transcript)
        bubbles: list[Bubble] = []
        for message in turn.messages:
            if message.kind == "help" and turn.action == "findings":
                continue
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
        elif turn.action == "quit":
            self.save_now()
            self.app.exit()

    def _bubble(self, message: Message) -> Bubble:
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
            from sections.output.rendering import render  # Jinja2 loads with the first preview, not at start-up

            self.query_one(Preview).show(render(self.report, "txt", "grid"))
        self._ready_answer()

    def _status(self) -> tuple[str, bool]:
        if self.interview.save_error:
            return f"保存失败：{self.interview.save_error}", True
        if self._saved_at is None:
            return f"新草稿 {self.path.name}", False
        return f"草稿已保存 {self._saved_at:%H:%M}", False

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
        self.show_turn(self.interview.command("help"))

    def goto(self, target: str) -> None:
        """Jump to a section or a question, as /goto does."""
        self.show_turn(self.interview.goto(target))

    def open_findings(self) -> None:
        """Show the findings list; picking one jumps to its question."""

        def chosen(target: str | None) -> None:
            if target:
                self.goto(target)

        from tui.app.dialogs import FindingsScreen

        self.app.push_screen(FindingsScreen(self.interview.open_findings()), chosen)

    def open_export(self) -> None:
        """Ask where and how to export, then write the report."""

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self._app().export_report(self.report, choice)

        errors = [f for f in self.interview.findings if f.severity is Severity.ERROR]
        from tui.app.dialogs import ExportDialog

        self.app.push_screen(ExportDialog(self.path.with_suffix(".txt"), errors), chosen)

    def open_grid(self, table: str) -> None:
        """Edit table 二, 三 or 四 as a grid."""
        from tui.app.grid import GridScreen

        self.app.push_screen(GridScreen(table, self))

    def edit(self, change: Callable[[Report], None]) -> None:
        """Apply a change made outside the chat (the grid), then check, say what changed, save."""
        change(self.report)
        self.show_turn(self.interview.edited())

    def save_now(self) -> None:
        """Write the draft (with the conversation) before leaving."""
        self.interview.save()

    def _app(self) -> NianbaoApp:
        from tui.app.app import NianbaoApp

        assert isinstance(self.app, NianbaoApp)
        return self.app
