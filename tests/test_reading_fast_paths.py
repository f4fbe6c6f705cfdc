"""The reading's fast paths give what the plain forms they stand for give (white space, width folding, matching)."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

from sections.reading.files import _CONTROL, _CONTROL_BYTES
from sections.reading.text import (
    _CANDIDATE,
    _PARTS,
    _PLAIN_RUN,
    _PLAIN_TEXT,
    _SUBSECTION_MARKS,
    _parts_said,
    _skip,
    clean,
    find_headings,
    fold_width,
    unwrap,
)
from sections.reading.title import _NO_YEAR_TITLE, _TITLE_END, _YEAR_TITLE, after_nonblank, fuzzy_prefix


def _every_character() -> list[str]:
    return [chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF]


def test_split_drops_exactly_the_white_space_of_regular_expressions() -> None:
    r"""`"".join(text.split())` removes what `re.sub(r"\s+", "", text)` removes, character for character."""
    blank = re.compile(r"\s")
    assert all((blank.match(c) is not None) == (c.split() == []) for c in _every_character())


def test_characters_of_a_plain_run_are_not_blank_and_fold_to_one() -> None:
    """`_skip` counts the characters of a plain run one each without folding them: none is blank or widens."""
    for char in _every_character():
        if _PLAIN_RUN.fullmatch(char):
            assert not char.isspace() and len(unicodedata.normalize("NFKC", char)) == 1, hex(ord(char))


def _slow_skip(text: str, start: int, count: int) -> int:
    position = start
    while count > 0 and position < len(text):
        if not text[position].isspace():
            count -= len(unicodedata.normalize("NFKC", text[position]))
        position += 1
    return position


def test_skip_counts_as_the_character_walk() -> None:
    """`_skip` ends where walking the text character by character, folding each, ends."""
    shuffle = random.Random(7)
    alphabet = "总体情况 \n\t、。（）１２ﬁ㈠a-"
    for _ in range(20000):
        text = "".join(shuffle.choice(alphabet) for _ in range(shuffle.randint(0, 12)))
        start, count = shuffle.randint(0, 6), shuffle.randint(1, 8)
        assert _skip(text, start, count) == _slow_skip(text, start, count), (text, start, count)


def _slow_fuzzy_prefix(target: str, window: str, lead: int = 10) -> tuple[float, int]:
    position, matched, end = 0, 0, 0
    for char in target:
        found = window.find(char, position, position + (lead if matched == 0 else 6) + 1)
        if found < 0:
            continue
        matched += 1
        position = end = found + 1
    return (matched / len(target) if target else 0.0), end


def test_fuzzy_prefix_of_a_window_opening_with_the_target() -> None:
    """A window opening with the target scores as the character-by-character search scores it."""
    shuffle = random.Random(3)
    for _ in range(20000):
        target = "".join(shuffle.choice("政府信息公开") for _ in range(shuffle.randint(0, 8)))
        window = target + "".join(shuffle.choice("政府信公开情况") for _ in range(shuffle.randint(0, 8)))
        for lead in (0, 2, 10):
            assert fuzzy_prefix(target, window, lead) == _slow_fuzzy_prefix(target, window, lead)


def test_candidates_are_the_numbered_places_the_plain_pattern_finds() -> None:
    """The candidate pattern opening with a character class finds what the plain alternation finds."""
    plain = re.compile(r"(?:第([一二三四五六])部分[ \t]*[、.．:：]?|([一二三四五六])[ \t]*[、.．])[ \t]*")
    shuffle = random.Random(5)
    for _ in range(20000):
        text = "".join(shuffle.choice("第一二六七部分 \t、.：\n") for _ in range(shuffle.randint(0, 14)))
        fast = [(m.span(), m.groups()) for m in _CANDIDATE.finditer(text)]
        assert fast == [(m.span(), m.groups()) for m in plain.finditer(text)], text


def test_headings_of_a_text_with_wide_and_broken_lines() -> None:
    """Headings broken over lines or spaced out end where their last character stands."""
    text = "一、总 体\n情况\n正文。\n二、主动公开政府信息情况\n（一）\n三 、收到和处理政府信息公开申请情况\n"
    assert [(h.index, h.printed, h.start, h.end) for h in find_headings(text)] == [
        (0, "一、总体情况", 0, 8),
        (1, "二、主动公开政府信息情况", 13, 25),
        (2, "三、收到和处理政府信息公开申请情况", 30, 48),
    ]


def test_clean_removes_what_the_line_anchored_patterns_remove() -> None:
    """Page numbers and Markdown rules go as the patterns anchored by 「^…$」 (re.MULTILINE) took them."""
    footer = re.compile(
        r"^[ \t]*(?:[-—–－]+[ \t]*\d{1,3}[ \t]*[-—–－]+|第[ \t]*\d{1,3}[ \t]*页"
        r"(?:[ \t]*[，,/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?|\d{1,3}[ \t]*/[ \t]*\d{1,3}[ \t]*页?)[ \t]*$",
        re.MULTILINE,
    )
    rule = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-*:?)?[ \t]*$", re.MULTILINE)
    invisible = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
    shuffle = random.Random(11)
    for _ in range(30000):
        text = "".join(shuffle.choice("-—1２/第页共 \t\n|:-a\u200b\x0c") for _ in range(shuffle.randint(0, 16)))
        assert clean(text) == rule.sub("", footer.sub("", invisible.sub("", text))), text


def test_every_invisible_character_is_unprintable() -> None:
    """`clean` looks for invisible characters only in a text with an unprintable one (besides tab and line end)."""
    invisible = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
    assert not any(c.isprintable() for c in _every_character() if invisible.match(c))


def test_unwrap_joins_what_the_plain_pattern_joins() -> None:
    """The pattern opening with a blank joins the lines the plain look-behind pattern joined."""
    plain = re.compile(
        r"(?<=[^。！？；：:;!?”’」』…\n])[ \t]*\n(?![ \t]*(?:\n|[（(][一二三四五六七八九十\d]+[)）]|"
        r"[一二三四五六七八九十]+[、是]|\d+[.、．]|第[一二三四五六七八九十]))"
    )
    shuffle = random.Random(13)
    for _ in range(30000):
        text = "".join(shuffle.choice("ab 。\n\t 一二（\n第1.、是") for _ in range(shuffle.randint(0, 14)))
        assert unwrap(text) == plain.sub("", text), text


def test_after_nonblank_is_where_counting_the_non_blank_characters_ends() -> None:
    """The position after the first `count` non-blank characters, found by runs, is the one counting finds."""
    shuffle = random.Random(17)
    for _ in range(20000):
        text = "".join(shuffle.choice("标题 \n\t\u3000正文") for _ in range(shuffle.randint(0, 12)))
        places = [i for i, c in enumerate(text) if not c.isspace()]
        count = shuffle.randint(0, len(places) + 1)
        expected = 0 if count == 0 else places[count - 1] + 1 if count <= len(places) else len(text)
        assert after_nonblank(text, count) == expected, (text, count)


def test_width_folding_by_table_is_nfkc() -> None:
    """Each character `fold_width` folds by table folds so under NFKC, and none of them, folded or not, combines.

    Each decomposes to its folded form alone, a starter (nothing to reorder); composition joins a character to
    one before it only when it is the second of a canonical pair, which none is: a text of them folds as the
    concatenation of its characters folded one by one.
    """
    seconds = set()
    for char in _every_character():
        parts = unicodedata.decomposition(char).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    for char in _every_character():
        if _PLAIN_TEXT.fullmatch(char):
            folded = fold_width(char)
            assert folded == unicodedata.normalize("NFKC", char) == unicodedata.normalize("NFKD", char), hex(ord(char))
            assert len(folded) == 1 and {char, folded}.isdisjoint(seconds), hex(ord(char))
            assert unicodedata.combining(char) == unicodedata.combining(folded) == 0, hex(ord(char))
    text = "（一）总体情况：２０２１年，“政务公开”。\t"
    assert fold_width(text) == unicodedata.normalize("NFKC", text) != text


def test_parts_are_found_where_searching_from_the_start_finds_them() -> None:
    """Starting the search five characters before the first 「部分」 finds the statement a whole search finds."""
    shuffle = random.Random(19)
    for _ in range(20000):
        preface = "".join(
            shuffle.choice(["共", "分为", "由", "六", "1", "2", "个", "部分", "方面", "。", "和"]) for _ in range(8)
        )
        match = _PARTS.search(preface)
        found = _parts_said(preface)[1]
        assert (found and (found.span(), found.groups())) == (match and (match.span(), match.groups())), preface


def test_control_bytes_stand_only_for_control_characters() -> None:
    """`decode` counts control characters only when the bytes hold a control byte: no other character uses one."""
    assert bytes(code for code in range(256) if _CONTROL.match(chr(code))) == _CONTROL_BYTES
    for encoding in ("utf-8", "gb18030"):
        for char in _every_character()[0x80:]:
            try:
                data = char.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert min(data) >= 0x30, (encoding, hex(ord(char)))


def test_overview_parts_are_those_one_pattern_for_both_brackets_finds() -> None:
    """Marks sought by bracket apart and put in order are the marks the pattern for either bracket finds."""
    either = re.compile(r"[（(][ \t]*([一二三四五六七八九十])[ \t]*[)）]")
    shuffle = random.Random(23)
    for _ in range(20000):
        text = "".join(shuffle.choice("（(一二三十)） \t第文") for _ in range(shuffle.randint(0, 14)))
        found = sorted((m for mark in _SUBSECTION_MARKS for m in mark.finditer(text)), key=lambda m: m.start())
        assert [(m.span(), m.group(1)) for m in found] == [(m.span(), m.group(1)) for m in either.finditer(text)]


def test_titles_are_found_before_the_last_title_ending() -> None:
    """Both title patterns find within the text up to `_TITLE_END`'s last end what they find within 200 characters."""
    pieces = [
        "政府信息公开",
        "工作",
        "年度",
        "报告",
        "2021年",
        "20",
        "西柳镇",
        "人民政府",
        "（",
        "）",
        "关于",
        "《",
        "》",
        "。",
    ]
    shuffle = random.Random(29)
    for _ in range(20000):
        text = "".join(shuffle.choice(pieces) for _ in range(shuffle.randint(0, 30)))[:200]
        ends = [match.end() for match in _TITLE_END.finditer(text)]
        for pattern in (_YEAR_TITLE, _NO_YEAR_TITLE):
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in pattern.finditer(text[: ends[-1]] if ends else "")] == expected
