"""Provides text made plain (`printable`) and `Line`/`Text`, the string types of every field of the model.

No terminal escapes, control or direction characters, ASCII digits. One rule decides what may stand in a
report: `printable`. The model's string fields apply it whatever fills them (a draft file, an answer, an
import, last year's report), and every output (terminal, txt, md, html, docx, previews) applies it again
before writing, whatever the model holds.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, TypeAlias

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationInfo

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    r"\ud800-\udfff\ufeff\ufffe\uffff]"
)
"""C0 and C1 controls but tab and line end, zero-width and direction marks, bidirectional overrides and isolates,
line and paragraph separators, lone surrogates (JSON allows them), the BOM and the two non-characters XML refuses."""
_LINE_BREAKS = re.compile(r"[\t\n]+")
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
"""A terminal escape sequence: CSI (colours, cursor), OSC (titles, clipboard writes) or a two-byte one."""


def printable(text: str) -> str:
    """`text` without terminal escape sequences and unsafe characters (`_UNSAFE`); every line end made a newline.

    Tabs, line breaks and spaces stay where they are: this is the one function every output passes text
    through, and what the model's fields keep.
    """
    text = ANSI.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _UNSAFE.sub("", text)


def removed(text: str) -> str:
    """What `printable` takes out of `text`, as a clerk is told it: 「终端控制序列、U+001B、U+202E」."""
    parts = ["终端控制序列"] if ANSI.search(text) else []
    parts += sorted({f"U+{ord(c):04X}" for c in _UNSAFE.findall(ANSI.sub("", text))})
    return "、".join(parts)


def clean_text(text: str) -> str:
    """Narrative text as typed or pasted, printable and trimmed."""
    return printable(text).strip()


def one_line(text: str) -> str:
    """Printable text on one line: tabs and line breaks become one space."""
    return _LINE_BREAKS.sub(" ", printable(text))


def _cleaner(clean: Any) -> BeforeValidator:
    """A validator applying `clean` to a string (anything else is left to pydantic's type check).

    What it changed is noted in the validation context's 「cleaned」 list when there is one, so that a
    draft read from a file can say which of its strings were cleaned.
    """

    def validate(value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            return value
        result: str = clean(value)
        if result != value and isinstance(info.context, dict) and "cleaned" in info.context:
            info.context["cleaned"].append(value)
        return result

    return BeforeValidator(validate)


Line: TypeAlias = Annotated[str, _cleaner(one_line)]
"""A string field of one line (a name, a title, a phone number): printable, breaks as spaces."""

Text: TypeAlias = Annotated[str, _cleaner(printable)]
"""A string field of paragraphs (a preface, a section's text): printable, line breaks and tabs kept."""


class Clean(BaseModel):
    """A part of the model whose string fields stay printable when assigned, not only when read."""

    model_config = ConfigDict(validate_assignment=True)


def normalise(text: str) -> str:
    """Full-width digits and punctuation folded to ASCII, control characters removed, trimmed."""
    return unicodedata.normalize("NFKC", clean_text(text)).strip()


def chinese_number(text: str) -> int | None:
    """「十二」 → 12, 「一百零五」 → 105, 「两千三百」 → 2300; None when the text is not a Chinese numeral."""
    if not text or any(c not in _DIGITS and c not in _UNITS and c not in _BIG_UNITS for c in text):
        return None
    total = section = digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            section += (digit or 1) * _UNITS[char]
            digit = 0
        else:
            total += (section + digit) * _BIG_UNITS[char]
            section = digit = 0
    return total + section + digit
