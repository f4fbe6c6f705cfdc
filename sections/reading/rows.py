"""Provides the rows of figures in a table's text, each with the label text printed before it.

Cells may be separated by tabs (Word/WPS paste), 「 | 」 (Markdown, web pages), spaces (PDF text) or
nothing at all (text whose table lost its separators); a row's label may be broken over several lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

MARKERS = frozenset({"/", "／", "—", "——", "-", "－", "--", "无", "空", "\\", "×", "…", "——/"})
"""Non-numbers printed in figure cells; kept as printed so C1 reports them."""
_NOTED_NUMBER = re.compile(r"(?:-?\d{1,3}(?:,\d{3})+|-?\d+(?:\.\d+)?(?:万元|元)?)(?:\x01\d+\x01)?")
_TOKEN = re.compile(
    r"(?P<num>-?\d{1,3}(?:,\d{3})+(?![\d,])|-?\d+(?:\.\d+)?(?:万元|元)?)"
    r"|(?P<space>[ \t]+)|(?P<text>[^\s\d-]+|-+)"
)
_ANNOTATED = re.compile(r"(?<![\d.])(-?\d+)[ \t\n]*([（(][^（）()\n]{0,24}(?:件|其中|含|包括)[^（）()\n]{0,24}[）)])")
_ARTICLE = re.compile(r"第\s*(\d{1,2})\s*条\s*第?\s*[（(]\s*(\d{1,2})\s*[)）]\s*项")
_LABEL_MARK = re.compile(r"[.、．][^\d\s]")
_SPACE = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")
_WIDE = str.maketrans("０１２３４５６７８９．－", "0123456789.-")
_CN_DIGITS = "零一二三四五六七八九"


@dataclass
class Row:
    """A run of figure tokens and what was printed before it."""

    tokens: list[str]
    label: str
    """All text since the previous row, white space removed (a label broken over lines is whole here)."""
    line_label: str
    """The text on the row's own line before its first figure."""
    delimited: bool
    """Whether the cells were explicitly separated (tabs or 「|」), so a blank cell shows as empty."""
    notes: dict[int, str] = field(default_factory=dict)
    """Token index → annotation printed with that figure (「（其中修订16件）」)."""


def rows(text: str, limit: int = 400) -> list[Row]:
    """The rows of figures in a table's text, in order; at most `limit` (a real table has a few dozen)."""
    text = _ARTICLE.sub(
        lambda m: f"第{_chinese(int(m.group(1)))}条第（{_chinese(int(m.group(2)))}）项", text.translate(_WIDE)
    )
    notes: dict[int, str] = {}

    def keep_note(match: re.Match[str]) -> str:
        notes[len(notes)] = re.sub(r"\s+", "", match.group(2))
        return f"{match.group(1)}\x01{len(notes) - 1}\x01"

    text = _ANNOTATED.sub(keep_note, text)
    found: list[Row] = []
    pending: list[str] = []
    # A line holding one figure and nothing else continues the row above (one cell per line, as some
    # PDF and web-page extractions print tables).
    for line in text.split("\n"):
        delimited = "\t" in line or line.count("|") >= 2
        items = _cells(line) if delimited else _plain(line)
        if not pending and found and found[-1].tokens and len(line) < 24 and not delimited:
            single = list(items)
            if len(single) == 1 and single[0][0] == "figure" and "\x01" not in single[0][1] and not found[-1].notes:
                found[-1].tokens.append(single[0][1].replace(",", ""))
                continue
            items = iter(single)
        current: Row | None = None
        opening: Row | None = None
        """A row that opened its line: text after it, up to the line end, is its label."""
        line_text: list[str] = []
        after: list[str] = []
        blanks = 0
        for kind, value in items:
            if len(found) >= limit:
                return found
            if kind == "text":
                if current is not None:
                    found.append(current)
                    current = None
                (after if opening is not None else pending).append(value)
                line_text.append(value)
                blanks = 0
            elif kind == "blank":
                blanks += 1 if current is not None else 0
            else:
                token, note = _unnote(value, notes)
                token = _THOUSANDS.sub("", token) if "," in token else token
                if current is None:
                    pending += after
                    current = Row([], "".join(pending), "".join(line_text), delimited)
                    opening = current if not line_text and opening is None and not after else None
                    pending, line_text, after = [], [], []
                current.tokens.extend([""] * blanks + [token])
                blanks = 0
                if note:
                    current.notes[len(current.tokens) - 1] = note
        if current is not None:
            found.append(current)
        if opening is not None and after:
            opening.line_label = "".join(after)
            opening.label += opening.line_label
    return found


def _unnote(value: str, notes: dict[int, str]) -> tuple[str, str | None]:
    if "\x01" not in value:
        return value, None
    token, index, _ = value.split("\x01")
    return token, notes.get(int(index))


def _chinese(number: int) -> str:
    if number < 10:
        return _CN_DIGITS[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[units] if units else "")


def _cells(line: str) -> Iterator[tuple[str, str]]:
    """Items of a tab- or 「|」-separated line: figures, blanks (empty cells) and label text."""
    parts = line.split("\t") if "\t" in line else line.strip().strip("|").split("|")
    for part in parts:
        cell = part.strip()
        if not cell:
            yield "blank", ""
        elif _NOTED_NUMBER.fullmatch(cell) or cell in MARKERS:
            yield "figure", cell
        else:
            yield "text", _SPACE.sub("", cell)


def _plain(line: str) -> Iterator[tuple[str, str]]:
    """Items of a line without separators: numbers, marks standing alone, and text.

    A digit directly before 「.」「、」 and a character starts a row label (「2.其他法律…」), not a figure.
    """
    text = line.replace("\x01", "\x02")
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            yield "text", text[position]
            position += 1
            continue
        value, kind = match.group(0), match.lastgroup or "text"
        end = match.end()
        if kind == "num":
            if text.startswith("\x02", end):
                note_end = text.index("\x02", end + 1) + 1
                value, end = value + text[end:note_end].replace("\x02", "\x01"), note_end
            elif _LABEL_MARK.match(text, end) and "." not in value:
                head, mark = value[:-1], value[-1]
                if head and head != "-":
                    yield "figure", head
                yield "text", mark
                position = end
                continue
            yield "figure", value
        elif kind == "text" and value in MARKERS and _stands_alone(text, match.start(), end):
            yield "figure", value
        elif kind == "text":
            yield "text", value
        position = end


def _stands_alone(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] in " \t") and (end == len(text) or text[end] in " \t")
