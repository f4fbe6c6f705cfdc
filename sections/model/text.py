"""Provides text as typed, pasted or printed, made plain: no terminal escapes or control characters, ASCII digits."""

from __future__ import annotations

import re
import unicodedata

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
"""A terminal escape sequence: CSI (colours, cursor), OSC (titles, clipboard writes) or a two-byte one."""


def clean_text(text: str) -> str:
    """Narrative text as typed or pasted, without terminal escapes and control characters."""
    text = ANSI.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text).strip()


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
