"""Provides `PasteParser`: Textual's terminal input parser, with bracketed pastes made plain before it reads them.

Textual's parser (8.x) takes an ESC inside a bracketed paste for the start of a key sequence: the
characters after it are sent as key presses at once, ahead of the paste they belong to, and ESC itself
arrives as a literal 「^」. A paste copied from a terminal or a web page can hold such bytes (colours,
clipboard writes). `PasteParser` removes them, with every other control character, from what lies
between the paste's start and end markers, so the paste arrives whole, in order, and printable.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from textual._xterm_parser import XTermParser

from sections.model.text import printable

START = "\x1b[200~"
"""What a terminal sends before pasted text (bracketed paste mode)."""
END = "\x1b[201~"
"""What it sends after."""
HELD = 64
"""An escape sequence cut by the end of a read is kept for the next read when shorter than this."""


class PasteParser(XTermParser):
    """Textual's parser, fed bracketed pastes without escape sequences or control characters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pasting = False
        self._held = ""

    def feed(self, data: str) -> Iterable[Any]:
        """Parse what the terminal sent; "" ends the input, as for Textual's parser."""
        if not data:
            yield from super().feed("")
            return
        plain = self.plain(data)
        if plain:  # "" would end the input
            yield from super().feed(plain)

    def plain(self, data: str) -> str:
        """`data` with what stands inside a bracketed paste made printable, its markers kept."""
        text, self._held = self._held + data, ""
        out: list[str] = []
        while text:
            if not self._pasting:
                start = text.find(START)
                if start < 0:
                    out.append(text)
                    break
                out.append(text[: start + len(START)])
                text, self._pasting = text[start + len(START) :], True
                continue
            end = text.find(END)
            if end < 0:
                cut = text.rfind("\x1b")
                if cut >= 0 and len(text) - cut < HELD:  # perhaps the end marker or a sequence, cut short
                    text, self._held = text[:cut], text[cut:]
                out.append(printable(text))
                break
            out.append(printable(text[:end]) + END)
            text, self._pasting = text[end + len(END) :], False
        return "".join(out)


def install() -> None:
    """Let Textual's terminal driver read the keyboard with `PasteParser` (the name it looks up when it starts)."""
    if sys.platform == "win32":
        from textual.drivers import win32

        win32.XTermParser = PasteParser  # type: ignore[attr-defined]
    else:
        from textual.drivers import linux_driver

        linux_driver.XTermParser = PasteParser  # type: ignore[attr-defined]
