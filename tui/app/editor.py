"""Provides `NarrativeEditor`, the multi-line editor for narrative answers (loaded when first needed)."""

from __future__ import annotations

from typing import ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.events import Paste
from textual.widgets import TextArea

from sections.model.text import printable


class NarrativeEditor(TextArea):
    """The multi-line editor for narrative answers: Enter is a new line, Ctrl+Z undoes, Ctrl+A selects all.

    Home and End, when the cursor is already there, go on to the conversation.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+a", "select_all", "全选", show=False)]

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True, show_line_numbers=False, compact=True)

    async def _on_paste(self, event: Paste) -> None:
        """Pasted text goes in without control characters or escape sequences (TextArea's own paste follows)."""
        event.text = printable(event.text)

    def on_mount(self) -> None:
        """Start with the cursor after the text."""
        self.move_cursor(self.document.end)

    def action_cursor_line_start(self, select: bool = False) -> None:
        """To the start of the line; already there, Home goes on to the screen (the first message)."""
        if not select and self.cursor_location == self.get_cursor_line_start_location():
            raise SkipAction
        super().action_cursor_line_start(select)

    def action_cursor_line_end(self, select: bool = False) -> None:
        """To the end of the line; already there, End goes on to the screen (the newest message)."""
        if not select and self.cursor_location == self.get_cursor_line_end_location():
            raise SkipAction
        super().action_cursor_line_end(select)
