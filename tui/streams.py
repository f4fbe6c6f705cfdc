"""Provides output streams that survive a narrow encoding (GBK, ASCII): look-alikes for what it lacks, never a crash.

A Windows pipe or redirect is often in the ANSI code page (GBK, cp936), and PYTHONIOENCODING or an old locale
can make a stream ASCII. A character such a stream cannot encode is written as the first look-alike it can
(「⚠」 as 「!」, 「✓」 as 「√」 in GBK and 「v」 in ASCII), then its compatibility form (full-width 「，」 as
「,」), and only then as 「?」.
"""

from __future__ import annotations

import codecs
import io
import json
import sys
import unicodedata
from functools import lru_cache
from typing import TextIO

from sections.model.text import printable

ERRORS = "nianbao.lookalike"
"""The name of the error handler, as `errors=` takes it."""

LOOKALIKES: dict[str, tuple[str, ...]] = {
    "⚠": ("!",),
    "✓": ("√", "v"),
    "✗": ("×", "x"),
    "×": ("x",),
    "※": ("*",),
    "→": ("->",),
    "←": ("<-",),
    "↑": ("^",),
    "↓": ("v",),
    "▶": (">",),
    "▸": (">",),
    "›": (">",),
    "—": ("--",),
    "–": ("-",),
    "−": ("-",),
    "─": ("-",),
    "·": ("-",),
    "“": ('"',),
    "”": ('"',),
    "‘": ("'",),
    "’": ("'",),
    "「": ('"',),
    "」": ('"',),
    "《": ("<",),
    "》": (">",),
    "、": (",",),
    "。": (".",),
    "÷": ("/",),
    "§": ("S",),
}
"""Symbols the front ends print, each with look-alikes from the nicest to plain ASCII."""


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1024)
def _lookalike(char: str, encoding: str) -> str:
    """What to write for `char` in `encoding`: a look-alike, its compatibility form, or 「?」."""
    for candidate in (*LOOKALIKES.get(char, ()), unicodedata.normalize("NFKC", char)):
        if candidate != char and _encodes(candidate, encoding):
            return candidate
    return "?"


def _replace(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler: look-alikes for the characters the stream's encoding lacks."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(_lookalike(char, error.encoding) for char in text), error.end


codecs.register_error(ERRORS, _replace)


def survive(stream: TextIO | None) -> None:
    """Let `stream` write any text from now on (a stream that is not a text file is left as it is)."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors=ERRORS)


def encodes(stream: TextIO, text: str) -> bool:
    """Whether `stream` can write `text` exactly as it is."""
    return _encodes(text, getattr(stream, "encoding", None) or "utf-8")


def json_line(line: dict[str, object]) -> None:
    """One JSON Lines record on standard output: Chinese as it is where the stream takes it, else escaped."""
    text = printable(json.dumps(line, ensure_ascii=False))  # JSON escapes C0 controls, not C1 nor direction marks
    print(text if encodes(sys.stdout, text) else json.dumps(line), flush=True)
