"""Provides the outline of a published report's text: title, body, year, preface, the six sections, 一's parts.

Headings are found by tolerant matching (numeral, then wording close to the official heading), so
variants such as 「五、政府信息公开工作存在的主要问题及改进情况」 and text whose lines ran together still split.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from sections.model.labels import SECTION_HEADINGS, SECTION_NUMERALS, SUBSECTION_NUMERALS
from sections.model.text import ANSI
from sections.reading.title import Title, after_nonblank, find_title, fuzzy_prefix

HEADING_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("概述",),
    (),
    ("依申请公开政府信息情况",),
    ("因政府信息公开申请行政复议、提起行政诉讼的情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    (),
    (),
)
"""Wordings of the six headings seen in published reports besides the official one (2019-style 四 …)."""
_WORDINGS: tuple[tuple[str, ...], ...] = tuple(
    tuple(unicodedata.normalize("NFKC", w) for w in (heading.split("、", 1)[1], *variants))
    for heading, variants in zip(SECTION_HEADINGS, HEADING_VARIANTS, strict=True)
)
_FIRSTS = tuple(
    (index, wording, frozenset(wording[:3]), tuple(wording))
    for index, words in enumerate(_WORDINGS)
    for wording in words
)
"""Each heading's wordings with the characters they begin with (a heading's window holds one of them early) and
all their characters (kept as a tuple: walking the string would make every character afresh)."""
_OPENERS = re.compile(f"[{re.escape(''.join(sorted({char for _, _, first, _ in _FIRSTS for char in first})))}]")
"""The characters a wording begins with: those of a window's opening are found by the regular expression engine."""
_FOOTER = re.compile(
    r"\n[ \t]*(?:[-—–－]+[ \t]*\d{1,3}[ \t]*[-—–－]+|第[ \t]*\d{1,3}[ \t]*页"
    r"(?:[ \t]*[，,/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?|\d{1,3}[ \t]*/[ \t]*\d{1,3}[ \t]*页?)[ \t]*(?=\n|\Z)"
)
"""A line holding only a page number, with the line break before it."""
_MD_RULE = re.compile(r"\n[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-*:?)?[ \t]*(?=\n|\Z)")
"""A Markdown table's rule line, with the line break before it.

Both patterns open with that line break rather than 「^」 (re.MULTILINE): the engine then jumps from line
break to line break instead of trying every place."""
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
MAX_CANDIDATES = 500
"""Numbered lines examined as possible headings: a report has a few dozen, a pasted pile of text more."""
_CANDIDATE = re.compile(
    r"[第一二三四五六](?:(?<=第)([一二三四五六])部分[ \t]*[、.．:：]?|(?<=([一二三四五六]))[ \t]*[、.．])[ \t]*"
)
"""A numbered line that may be a heading, 「第一部分」 or 「一、」. It opens with a character class, told apart by
looking behind, so that the scan jumps from one of those characters to the next instead of trying every place."""
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PLAIN = "!-~\u2018\u2019\u201c\u201d\u3001-\u3011\u4e00-\u9fff\uff01-\uff5e"
"""Characters a report is mostly made of, none of them blank: printable ASCII, quotes, CJK punctuation, the
unified ideographs and the full-width ASCII forms. Width folding (NFKC) turns each into one character, the
full-width forms into ASCII and every other into itself, and joins none with another (as
`tests/test_reading_fast_paths.py` proves): a text of them folds character by character."""
_PLAIN_TEXT = re.compile(f"[\t\n {_PLAIN}]*")
_PLAIN_RUN = re.compile(f"[{_PLAIN}]*")
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")
_WRAPPED = re.compile(
    r"[ \t\n](?<=[^。！？；：:;!?”’」』…\n][ \t\n])(?:(?<=\n)|(?<=[ \t])[ \t]*\n)"
    r"(?![ \t]*(?:\n|[（(][一二三四五六七八九十\d]+[)）]|"
    r"[一二三四五六七八九十]+[、是]|\d+[.、．]|第[一二三四五六七八九十]))"
)
"""A line break inside a paragraph with the blanks before it: 「(?<=[^。！？…\n])[ \t]*\n」, unless a blank line,
a list item or a sub-heading follows. It opens with its first blank, then looks behind, so that the engine
jumps from blank to blank instead of trying every place."""
_QUOTES = str.maketrans("“”‘’「」『』", '""\'\'""""')
_SUBSECTION_MARKS = (
    re.compile(r"（[ \t]*([一二三四五六七八九十])[ \t]*[)）]"),
    re.compile(r"\([ \t]*([一二三四五六七八九十])[ \t]*[)）]"),
)
"""A part's number 「（一）」 opened by a full-width or by an ASCII bracket. Sought apart, each by its first
character, which the engine finds three times quicker than either of two; such marks cannot overlap."""
_TITLE_END = re.compile(r"[。：:；;！!？?]|\s")
_TITLE_CUT = re.compile(r"[，,（(\d]")
_QUOTE = re.compile("[“”‘’「」『』]")
_DIGIT = re.compile(r"\d")
_NUMBERED = re.compile(r"(?<![\d.])(\d)[、,]|\((\d)\)")


@dataclass(frozen=True)
class Heading:
    """One printed section heading: which official heading it is, how it was numbered and worded."""

    index: int
    """0 … 5 for 一 … 六 (the official heading it matches)."""
    numeral: str
    """The numeral as printed; differs from the official one when the heading is mis-numbered."""
    printed: str
    start: int
    end: int


@dataclass
class Outline:
    """The text cut into its parts."""

    text: str
    title: Title
    headings: list[Heading]
    sections: dict[int, str] = field(default_factory=dict)
    """Section index → its text (without the heading)."""
    preface: str = ""
    tail_after_tables: str = ""


def clean(text: str) -> str:
    """Text with uniform line ends, without invisible characters, page numbers or Markdown rules."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\u3000", " ")
    text = ANSI.sub("", text)  # a whole escape sequence goes, not just its ESC
    if not text.replace("\n", "").replace("\t", "").isprintable():  # every invisible character is unprintable
        text = _INVISIBLE.sub("", text)
    text = _FOOTER.sub("\n", "\n" + text)
    return (_MD_RULE.sub("\n", text) if "---" in text else text)[1:]  # a rule holds 「---」


def fold_width(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, five times quicker for the characters a report is mostly made of."""
    if not _PLAIN_TEXT.fullmatch(text):
        return unicodedata.normalize("NFKC", text)
    for wide in set(_FULL_WIDTH.findall(text)):
        text = text.replace(wide, chr(ord(wide) - 0xFEE0))
    return text


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """Text for comparing wording: width folded (NFKC), no white space, 「1、」 written 「1.」, one kind of quote."""
    text = "".join(fold_width(text).split())
    if _DIGIT.search(text):
        text = _NUMBERED.sub(lambda m: f"{m.group(1) or m.group(2)}.", text)
    return text.translate(_QUOTES) if _QUOTE.search(text) else text


def outline(text: str) -> Outline:
    """Title, headings and section texts of a cleaned report text."""
    headings = find_headings(text)
    contents = _contents(headings, text)
    if contents:
        text = text[: contents[0]] + text[contents[1] :]
        headings = find_headings(text)
    first = headings[0].start if headings else min(len(text), 1500)
    title = find_title(text[:first], text)
    result = Outline(text, title, headings)
    spans: dict[int, list[str]] = {}
    for number, heading in enumerate(headings):
        stop = headings[number + 1].start if number + 1 < len(headings) else len(text)
        # Tabs at the ends stay: a table's last row may end in a blank cell.
        spans.setdefault(heading.index, []).append(text[heading.end : stop].strip(" \n"))
    result.preface = _preface(text[:first], title)
    overview = spans.get(0, [])
    if len(overview) > 1 and not result.preface and _looks_like_preface(overview[0]):
        result.preface, overview = overview[0], overview[1:]
    for index, parts in spans.items():
        result.sections[index] = "\n".join(overview if index == 0 else parts)
    return result


def _looks_like_preface(text: str) -> bool:
    return len(text) < 600 and ("条例" in text or "本报告" in text)


def find_headings(text: str) -> list[Heading]:
    """Every printed section heading, in text order."""
    found: list[Heading] = []
    for number, match in enumerate(_CANDIDATE.finditer(text)):
        if number >= MAX_CANDIDATES:
            break
        before = text[match.start() - 1] if match.start() else "\n"
        if before in "第（(〔[一二三四五六七八九十" or (found and match.start() < found[-1].end):
            continue
        window = _window(text, match.end(), 48)
        opening, present = set(_OPENERS.findall(window, 0, 14)), window.__contains__
        needed = 0.95 if _CJK.match(before) else 0.8
        best: tuple[float, int, int] | None = None
        for index, wording, first, chars in _FIRSTS:
            # A wording whose characters are not in the window enough to reach `needed` cannot be the heading.
            if first.isdisjoint(opening) or sum(map(present, chars)) < needed * len(wording) - 1e-9:
                continue
            score, end = fuzzy_prefix(wording, window)
            if best is None or score > best[0] or (score == best[0] and index == _numeral(match)):
                best = (score, index, end)
        if best is None:
            continue
        score, index, end = best
        if score >= needed and end:
            stop = _skip(text, match.end(), end)
            found.append(
                Heading(
                    index, match.group(1) or match.group(2), squash(text[match.start() : stop]), match.start(), stop
                )
            )
    return found


def _numeral(match: re.Match[str]) -> int:
    return SECTION_NUMERALS.index(match.group(1) or match.group(2))


def _contents(headings: list[Heading], text: str) -> tuple[int, int] | None:
    """Where a table of contents stands, if the text has one.

    That is three or more headings in a row, each printed again further on, with next to nothing under
    them (page numbers) but the last.
    """
    run: list[Heading] = []
    for number, heading in enumerate(headings):
        if not any(later.index == heading.index for later in headings[number + 1 :]):
            break
        run.append(heading)
        stop = headings[number + 1].start if number + 1 < len(headings) else len(text)
        if stop - heading.end >= 40:
            break
    if len(run) < 3:
        return None
    end = text.find("\n", run[-1].end)
    begin = text.rfind("目", max(0, run[0].start - 12), run[0].start)
    return (begin if begin >= 0 and "录" in text[begin : run[0].start] else run[0].start, len(text) if end < 0 else end)


def _window(text: str, start: int, size: int) -> str:
    """The next `size` non-blank characters, width-folded."""
    return fold_width("".join(text[start : start + size * 3].split())[:size])


def _skip(text: str, start: int, count: int) -> int:
    """The position after the next `count` non-blank characters (as `_window` counted them)."""
    if _PLAIN_RUN.fullmatch(text, start, start + count) and start + count <= len(text):
        return start + count
    position = start
    while count > 0 and position < len(text):
        if not text[position].isspace():
            count -= len(unicodedata.normalize("NFKC", text[position]))
        position += 1
    return position


def _preface(head: str, title: Title) -> str:
    """The text before the first heading, without the title."""
    if title.printed:
        wanted = max(0, "".join(head.split()).find(title.printed)) + len(title.printed)
        return head[after_nonblank(head, wanted) :].strip()
    return head.strip()


def unwrap(text: str) -> str:
    """A paragraph whose lines were broken by PDF extraction, joined again.

    Paragraph breaks, list items and sub-headings stay on their own lines.
    """
    return _WRAPPED.sub("", text) if "\n" in text else text


def stated_parts(preface: str) -> int | None:
    """The number of parts the preface says the report has (「…等六个部分」), if it says one."""
    _, match = _parts_said(preface)
    if match is None:
        return None
    value = match.group(1)
    return int(value) if value.isdigit() else SUBSECTION_NUMERALS.index(value) + 1


PART_TOPICS: tuple[tuple[str, ...], ...] = (
    ("总体情况", "概述", "基本情况"),
    ("主动公开",),
    ("收到和处理", "依申请公开", "公开申请情况", "申请公开情况", "申请办理"),
    ("行政复议", "行政诉讼"),
    ("存在的主要问题", "改进情况", "改进措施"),
    ("其他需要报告", "其他事项"),
    ("附表",),
    ("附件",),
)
"""Words by which a preface names each part it lists (the six sections, and an appendix some add)."""


def named_parts(preface: str) -> int | None:
    """How many parts the preface's sentence stating their number names, when it names three or more.

    「报告由总体情况、主动公开…、存在的主要问题及改进情况六部分组成」 names five parts for six.
    """
    flat, match = _parts_said(preface)
    if match is None:
        return None
    sentence = flat[: match.start()].rsplit("。", 1)[-1]
    count = sum(any(word in sentence for word in words) for words in PART_TOPICS)
    return count if count >= 3 else None


_PARTS = re.compile(r"(?:共|等|分为|包括|由)?([一二三四五六七八九十]|\d{1,2})个?(?:部分|方面|章节)")
_PART_WORD = re.compile(r"部分|方面|章节")


def _parts_said(preface: str) -> tuple[str, re.Match[str] | None]:
    """The preface without white space and where it states the number of parts, if it does.

    The statement ends in a `_PART_WORD` and starts at most five characters before it (「分为12个」), so the search
    starts there rather than at every place before it.
    """
    flat = "".join(preface.split())
    word = _PART_WORD.search(flat)
    return flat, (_PARTS.search(flat, max(0, word.start() - 5)) if word else None)


def parts_of_overview(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Section 一 as its opening and its numbered parts 「（一）…」, each as (title, text)."""
    marks: list[re.Match[str]] = []
    for match in sorted((m for mark in _SUBSECTION_MARKS for m in mark.finditer(text)), key=re.Match.start):
        expected = SUBSECTION_NUMERALS[len(marks)] if len(marks) < len(SUBSECTION_NUMERALS) else ""
        before = text[match.start() - 1] if match.start() else "\n"
        if match.group(1) == expected and before != "第":
            marks.append(match)
    opening = text[: marks[0].start()].strip() if marks else text.strip()
    parts = []
    for number, mark in enumerate(marks):
        stop = marks[number + 1].start() if number + 1 < len(marks) else len(text)
        parts.append(_titled(text[mark.end() : stop]))
    return opening, parts


def _titled(part: str) -> tuple[str, str]:
    part = part.lstrip(" \t")
    line = part.split("\n", 1)[0]
    cut = _TITLE_END.search(line)
    title = line[: cut.start()] if cut else line
    if len(title) > 20:
        title = _TITLE_CUT.split(title, maxsplit=1)[0][:20]
    rest = part[len(title) :].lstrip("。：:；; \t\n")
    return title.strip(), rest.strip()
