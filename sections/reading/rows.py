"""Provides the rows of figures in a table's text, each with the label text printed before it.

Cells may be separated by tabs (Word/WPS paste), 「 | 」 (Markdown, web pages), one cell per line with
「|」 closing each row (a web table copied), spaces (PDF text) or nothing at all (text whose table lost its
separators); a row's label may be broken over several lines. Where the text separates cells explicitly,
every cell keeps its place, blank ones included, so a blank cell stays blank in its own column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

MARKERS = frozenset({"/", "／", "—", "——", "-", "－", "--", "无", "空", "\\", "×", "…", "——/"})
"""Non-numbers printed in figure cells; kept as printed so C1 reports them."""
_NOTED_NUMBER = re.compile(r"(?:[-+]?\d{1,3}(?:,\d{3})+|[-+]?\d+(?:\.\d+)?(?:万元|元)?)(?:\x01\d+\x01)?")
_ITEM = re.compile(
    r"[ \t]*(?:(?P<num>(?:[-+]?\d{1,3}(?:,\d{3})+(?![\d,])|[-+]?\d+(?:\.\d+)?(?:万元|元)?)(?:\x02\d+\x02)?)"
    r"|(?P<text>[^\s\d+-]+|[-+]+)|(?P<other>[^ \t]))"
)
"""An item of a line without separators, after the blanks before it: a number (with the mark of its note),
text, another character."""
_FIGURE_CHAR = re.compile("[\\d" + re.escape("".join(sorted({c for m in MARKERS for c in m}))) + "]")
"""A character a figure or a mark can hold: a line without one is label text only."""
_ANNOTATED = re.compile(r"(?<![\d.])(-?\d+)[ \t\n]*([（(][^（）()\n]{0,24}(?:件|其中|含|包括)[^（）()\n]{0,24}[）)])")
_NOTE_START = re.compile(r"[（(][^（）()\n]{0,24}(?:件|其中|含|包括)")
"""How every note `_ANNOTATED` finds begins: a quick search (it starts at a bracket) before the slow one."""
_ARTICLE = re.compile(r"第\s*(\d{1,2})\s*条\s*第?\s*[（(]\s*(\d{1,2})\s*[)）]\s*项")
_LABEL_MARK = re.compile(r"[.、．][^\d\s]")
_MARKS = (".", "、", "．")
"""The first character of `_LABEL_MARK`: a cheap test before the pattern."""
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")
_WIDE = str.maketrans("０１２３４５６７８９．－＋｜", "0123456789.-+|")
_WIDE_CHAR = re.compile("[０-９．－＋｜]")
_CN_DIGITS = "零一二三四五六七八九"
_ROW_END = re.compile(r"^[ \t]*\|[ \t]*$", re.MULTILINE)


@dataclass
class Row:
    """A run of figure cells and what was printed before it."""

    tokens: list[str]
    """The figure cells in order; in a delimited row a blank cell is 「」 in its place."""
    label: str
    """All text since the previous row, white space removed (a label broken over lines is whole here)."""
    line_label: str
    """The text on the row's own line before its first figure."""
    delimited: bool
    """Whether the cells were explicitly separated (tabs or 「|」), so a blank cell shows as empty."""
    notes: dict[int, str] = field(default_factory=dict)
    """Token index → annotation printed with that figure (「（其中修订16件）」)."""
    cells: tuple[str, ...] = ()
    """A delimited row: every cell of its line as printed, label cells included (for the header's columns)."""
    start: int = 0
    """A delimited row: where its first figure cell stands in `cells`."""
    stacked: bool = False
    """The row began with a line holding one figure after its label: lines of one figure continue it."""

    @property
    def figures(self) -> list[str]:
        """The printed figures without the blank cells."""
        return [t for t in self.tokens if t]

    @property
    def before(self) -> str:
        """The text of the lines since the previous row (a label whose figures are on its last line)."""
        return self.label[: len(self.label) - len(self.line_label)]

    @property
    def own_line(self) -> bool:
        """Whether the row's line carries label text (a line of figures alone has none)."""
        return bool(self.line_label)


@lru_cache(maxsize=8)
def normalise(text: str) -> str:
    """Width-folded digits, article numbers in Chinese, and one-cell-per-line rows closed by 「|」 as tab rows.

    Cached for the few section texts of the report being read: its rows and its header read the same text.
    """
    if _WIDE_CHAR.search(text):
        text = text.translate(_WIDE)
    if "条" in text:
        text = _ARTICLE.sub(lambda m: f"第{_chinese(int(m.group(1)))}条第（{_chinese(int(m.group(2)))}）项", text)
    return _bar_rows(text) if "|" in text else text


def _bar_rows(text: str) -> str:
    """Rows printed one cell per line and closed by a line holding 「|」, each as one tab-separated line.

    An empty line inside such a row is a blank cell; a label line may end in 「|」 too (「规章|」).
    """
    if len(_ROW_END.findall(text)) < 2:
        return text
    out: list[str] = []
    cells: list[str] = []
    for line in text.split("\n"):
        if _ROW_END.fullmatch(line):
            if any(cells):
                out.append("\t".join(cells))
            cells = []
        else:
            cells.append(line.strip().rstrip("|").strip())
    out += [c for c in cells if c]
    return "\n".join(out)


def rows(text: str, limit: int = 400) -> list[Row]:
    """The rows of figures in a table's text, in order; at most `limit` (a real table has a few dozen)."""
    text = normalise(text)
    notes: dict[int, str] = {}

    def keep_note(match: re.Match[str]) -> str:
        notes[len(notes)] = re.sub(r"\s+", "", match.group(2))
        return f"{match.group(1)}\x01{len(notes) - 1}\x01"

    if _NOTE_START.search(text):
        text = _ANNOTATED.sub(keep_note, text)
    found: list[Row] = []
    pending: list[str] = []
    for line in text.split("\n"):
        if len(found) >= limit:
            break
        if "\t" in line or line.count("|") >= 2:
            _delimited(line, found, pending, notes)
            continue
        if not _FIGURE_CHAR.search(line):
            label = line.replace("|", "").replace(" ", "").replace("\t", "").replace("\x01", "\x02")
            if label:
                pending.append(label)  # label text only: what `_plain_row` does with a line of text items
            continue
        items = _plain(line)
        single = len(items) == 1 and items[0][0] == "figure" and "\x01" not in items[0][1]
        # A line holding one figure and nothing else continues the row above when that row began the
        # same way right after its label (one cell per line, as some PDF and web-page extractions print
        # tables); after a line of several figures it is a row of its own (labels printed apart).
        if single and not pending and found and found[-1].stacked and not found[-1].notes:
            found[-1].tokens.append(items[0][1].replace(",", ""))
            continue
        starts = len(found)
        had_label = bool(pending)
        _plain_row(items, found, pending, notes)
        if single and had_label and len(found) == starts + 1:
            found[-1].stacked = True
    return found[:limit]


def _plain_row(items: list[tuple[str, str]], found: list[Row], pending: list[str], notes: dict[int, str]) -> None:
    """The rows of a line without separators: figures after text open a row; text after them closes it."""
    current: Row | None = None
    opening: Row | None = None
    """A row that opened its line: text after it, up to the line end, is its label."""
    line_text: list[str] = []
    after: list[str] = []
    for kind, value in items:
        if kind == "text":
            if current is not None:
                found.append(current)
                current = None
            (after if opening is not None else pending).append(value)
            line_text.append(value)
        else:
            if current is None:
                pending += after
                current = Row([], "".join(pending), "".join(line_text), False)
                opening = current if not line_text and opening is None and not after else None
                pending.clear()
                line_text, after = [], []
            _add_token(current, value, notes)
    if current is not None:
        found.append(current)
    if opening is not None and after:
        opening.line_label = "".join(after)
        opening.label += opening.line_label


def _delimited(line: str, found: list[Row], pending: list[str], notes: dict[int, str]) -> None:
    """The row of a tab- or 「|」-separated line: its figure cells after its label cells, blanks in place."""
    parts = line.split("\t") if "\t" in line else line.strip().strip("|").split("|")
    cells = tuple([p.strip() for p in parts])
    texts: list[int] = []
    figures: list[int] = []
    for index, cell in enumerate(cells):
        if cell:
            (figures if cell_kind(cell) == "figure" else texts).append(index)
    if not figures:
        if texts and texts[-1] < len(cells) - 1:
            # A label with nothing but blank cells after it: a row left blank (C1), if it is a row at all.
            line_label = _unspaced("".join(cells[i] for i in texts))
            found.append(
                Row(
                    [""] * (len(cells) - texts[-1] - 1),
                    "".join(pending) + line_label,
                    line_label,
                    True,
                    cells=cells,
                    start=texts[-1] + 1,
                )
            )
            pending.clear()
            return
        pending += [_unspaced(cells[i]) for i in texts]
        return
    before = [i for i in texts if i < figures[0]]
    start = before[-1] + 1 if before else 0
    stop = next((i for i in texts if i > figures[0]), len(cells))
    line_label = _unspaced("".join(cells[i] for i in before))
    row = Row([], "".join(pending) + line_label, line_label, True, cells=cells, start=start)
    pending.clear()
    if "\x01" in line or "," in line:
        for index in range(start, stop):
            _add_token(row, cells[index], notes)
    else:
        row.tokens = list(cells[start:stop])  # no notes, no thousands separators: the cells as printed
    found.append(row)
    pending += [_unspaced(cells[i]) for i in texts if i >= stop]


def _unspaced(text: str) -> str:
    """The text without white space."""
    return "".join(text.split())


def cell_kind(cell: str) -> str:
    """「blank」, 「figure」 (a number, perhaps with its unit or note, or a printed mark) or 「text」."""
    if not cell:
        return "blank"
    if (cell.isdigit() and cell.isascii()) or _NOTED_NUMBER.fullmatch(cell) or cell in MARKERS:
        return "figure"
    return "text"


def _add_token(row: Row, value: str, notes: dict[int, str]) -> None:
    """A figure cell appended to the row: thousands separators dropped, its note (if marked) kept."""
    note = None
    if "\x01" in value:
        value, index, _ = value.split("\x01")
        note = notes.get(int(index))
    row.tokens.append(_THOUSANDS.sub("", value) if "," in value else value)
    if note:
        row.notes[len(row.tokens) - 1] = note


def _chinese(number: int) -> str:
    if number < 10:
        return _CN_DIGITS[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[units] if units else "")


def _plain(line: str) -> list[tuple[str, str]]:
    """Items of a line without separators: numbers, marks standing alone, and text.

    A digit directly before 「.」「、」 and a character starts a row label (「2.其他法律…」), not a figure.
    A stray 「|」 (「规章|」) is no part of the label.
    """
    text = line.replace("\x01", "\x02").replace("|", " ")
    items: list[tuple[str, str]] = []
    for match in _ITEM.finditer(text):
        kind = match.lastgroup or "other"
        value = match[kind]
        if kind == "num":
            if "\x02" in value:
                items.append(("figure", value.replace("\x02", "\x01")))
            elif text.startswith(_MARKS, match.end()) and "." not in value and _LABEL_MARK.match(text, match.end()):
                if len(value) > 1 and value[:-1] not in "-+":
                    items.append(("figure", value[:-1]))
                items.append(("text", value[-1]))
            else:
                items.append(("figure", value))
        elif kind == "text" and value in MARKERS and _stands_alone(text, match.start(kind), match.end()):
            items.append(("figure", value))
        else:
            items.append(("text", value))
    return items


def _stands_alone(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] in " \t") and (end == len(text) or text[end] in " \t")
