"""Provides the answer box: one line for figures, the narrative editor for paragraphs, and unsent text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal, cast

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Paste
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Label

from sections.model.text import printable

if TYPE_CHECKING:
    from tui.app.editor import NarrativeEditor


SEND_KEYS = "ctrl+s,f2"
Mode = Literal["line", "text"]
"""How the answer is typed: one line, or the multi-line editor."""


class AnswerLine(Input):
    """The one-line answer; a pasted block of several lines opens the multi-line editor instead.

    Ctrl+A selects everything; Home and End, when the cursor is already there, go on to the conversation.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+a", "select_all", "全选", show=False)]

    class BlockPasted(Message):
        """Several lines were pasted into the one-line answer."""

        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    def _on_paste(self, event: Paste) -> None:
        text = event.text = printable(event.text)  # Input's own paste takes what is left: no control byte
        if "\n" in text.strip("\n"):
            event.prevent_default()
            event.stop()
            self.post_message(self.BlockPasted(self.value + text.strip("\n")))

    def action_home(self, select: bool = False) -> None:
        """To the start of the line; already there, Home goes on to the screen (the first message)."""
        if self.cursor_at_start and not select:
            raise SkipAction
        super().action_home(select)

    def action_end(self, select: bool = False) -> None:
        """To the end of the line; already there, End goes on to the screen (the newest message)."""
        if self.cursor_at_end and not select:
            raise SkipAction
        super().action_end(select)


@dataclass(frozen=True)
class Unsent:
    """Text typed for a question and not sent, kept while the clerk is elsewhere in the interview."""

    question: str
    """The question's first line, to name it."""
    text: str


LINE_PLACEHOLDER = "在此输入回答，回车发送；/help 查看命令"
NOT_ASKED = "（尚未提问）"


class AnswerBox(Vertical):
    """The answer at the bottom: one line for figures, a multi-line editor for narrative answers.

    What the clerk types stays until it is sent: the box is only loaded again for a new question
    (`ask`), never by a refresh of the panes. The multi-line editor is made the first time it is needed.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: characters typed just before it must reach the editor first.
        Binding(SEND_KEYS, "send", "发送", key_display="Ctrl+S"),
    ]

    mode: reactive[Mode] = reactive("line", init=False)

    class AnswerSubmitted(Message):
        """The user sent an answer or a slash command."""

        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.asking: str | None = NOT_ASKED
        """The question the box was last loaded for (None: every question is answered)."""
        self.loaded = ""
        """What `ask` put into the multi-line editor (the drafted paragraph or the answer as it stands)."""

    def compose(self) -> ComposeResult:
        """The prompt mark, the one-line answer, and the editor's hint."""
        with Horizontal(id="answer-row"):
            yield Label("›", id="prompt")
            yield AnswerLine(placeholder=LINE_PLACEHOLDER, id="line")
        yield Label("", id="answer-hint")

    def on_mount(self) -> None:
        """Show the editor for the current mode."""
        self._show_mode()

    @property
    def editor(self) -> NarrativeEditor | None:
        """The multi-line editor, once it has been needed."""
        found = self.query("#text")
        return cast("NarrativeEditor", found.first()) if found else None

    def ask(
        self, question: str | None, mode: Mode, prefill: str = "", placeholder: str = "", *, drafted: bool = False
    ) -> None:
        """Load the box for a new question: the right editor, prefilled (with a draft), focused."""
        self.asking = question
        self.loaded = prefill if mode == "text" else ""
        line = self.query_one(AnswerLine)
        line.value = ""
        self.prompt(placeholder, drafted=drafted)
        if mode == "text":
            self._load(prefill)
        if mode != self.mode:
            self.mode = mode
        elif self.screen.is_current:
            self.focus_editor()

    def prompt(self, placeholder: str = "", *, drafted: bool = False) -> None:
        """Say how to answer (placeholder, hint) without touching what is typed."""
        self.query_one(AnswerLine).placeholder = placeholder or LINE_PLACEHOLDER
        self.query_one("#answer-hint", Label).update(
            "多行编辑：回车换行，Ctrl+S 或 F2 发送，Ctrl+Z 撤销" + ("；清空后发送即采用草稿" if drafted else "")
        )

    def restore(self, text: str) -> None:
        """Put back text typed earlier and not sent (it counts as unsent still)."""
        if self.mode == "text" or "\n" in text:
            self._load(text)
            self.mode = "text"
        else:
            self.query_one(AnswerLine).value = text

    def keep_refused(self) -> None:
        """After a refused answer the text stays; in the one-line answer it is selected, to retype or edit."""
        if self.mode == "line":
            self.query_one(AnswerLine).select_all()

    def _load(self, text: str) -> None:
        editor = self.editor
        if editor is None:
            from tui.app.editor import NarrativeEditor  # late on purpose: the editor loads for the first narrative

            self.query_one("#answer-row").mount(NarrativeEditor(text, id="text"))
        else:
            editor.load_text(text)
            editor.move_cursor(editor.document.end)

    def focus_editor(self) -> None:
        """Put the cursor in the editor shown."""
        editor = self.editor
        (editor if self.mode == "text" and editor is not None else self.query_one(AnswerLine)).focus()

    def watch_mode(self) -> None:
        """Swap the editors."""
        self._show_mode()

    def _show_mode(self) -> None:
        multi = self.mode == "text"
        self.query_one(AnswerLine).display = not multi
        if (editor := self.editor) is not None:
            editor.display = multi
        self.set_class(multi, "-multi")
        self.focus_editor()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show the send key only while the multi-line editor is open."""
        return self.mode == "text" if action == "send" else True

    @property
    def value(self) -> str:
        """What the user has typed so far."""
        if self.mode == "text" and (editor := self.editor) is not None:
            return editor.text
        return self.query_one(AnswerLine).value

    @property
    def unsent(self) -> str:
        """Text typed and not sent: what the box holds, unless it is just what `ask` put there."""
        text = self.value
        return text if text.strip() and text != self.loaded else ""

    def action_send(self) -> None:
        """Send what is in the editor."""
        self._send(self.value)

    @on(Input.Submitted, "#line")
    def _line_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._send(event.value)

    @on(AnswerLine.BlockPasted)
    def _block_pasted(self, event: AnswerLine.BlockPasted) -> None:
        event.stop()
        self.restore(event.text)

    def _send(self, text: str) -> None:
        self.post_message(self.AnswerSubmitted(text))
