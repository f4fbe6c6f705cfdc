"""Provides `facts`: a clerk's sentence about tables 二、三、四 cut into pieces, each a figure and what it is about.

A piece is a clause with one count (「2件公开了」, 「都是个人申请的」, 「没有废止」); the words around the count
come from the one vocabulary the narrative rules use. Nothing here decides a place: `stated.py` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from sections.model.text import chinese_number, normalise
from sections.model.vocabulary import (
    ALL_WORDS,
    APPLICANT_WORDS,
    ASKED,
    CARRY_IN,
    CARRY_OUT,
    CASE_GROUP_WORDS,
    CASE_OUTCOME_WORDS,
    DECISION_WORDS,
    DOCUMENT_COLUMN_WORDS,
    DOCUMENTS,
    DONE_SAID,
    FEE_WORDS,
    GROUP_ROWS,
    LITIGATION,
    NEGATIONS,
    NOISE,
    ORGANISATIONS,
    RECEIVED_SAID,
    REST_WORDS,
    RESULT_WORDS,
    VAGUE,
)

ALL, REST = "all", "rest"
"""A count said as 「都」 (the whole) or 「其余」 / left unsaid (the whole less what is placed)."""
Value = int | Decimal | str
"""A count, an amount in 万元, `ALL` or `REST`."""

_SPLIT = re.compile(r"(?:(?<!\d),|,(?!\d{3}(?!\d))|[；;。！!？?\n、：:])+|其中|另外|此外|并且|而且|同时")
"""Where a sentence is cut: punctuation (not the comma of 千分位, 「1,200」, nor brackets, which qualify: 「不予公开1件
（涉及第三方）」) and linking words."""
_DATES = re.compile(r"\d{4}\s*年度?|\d{1,2}\s*月(?:份|\d{1,2}\s*日)?|[今本全]年度?|本年度")
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]+(?=[件个起宗项次份条])"
_AMOUNT_UNIT = re.compile(r"\s*(万元|万|元|件|个|起|宗|项|次|份|条)")


@dataclass(frozen=True)
class Word:
    """A word of the vocabulary found in a piece: its kind and which row, column or group it names."""

    kind: str
    key: str | int | None = None


@dataclass
class Piece:
    """One clause with at most one count: the words found in it and its value."""

    said: str
    words: list[Word] = field(default_factory=list)
    value: Value | None = None
    vague: str | None = None
    """A word that makes the count not a figure (「十几」), when there is one."""
    unit: str | None = None
    """元 or 万元 after an amount; 件 (or 个, 起 …) after a count."""

    @property
    def about(self) -> bool:
        """Whether a word says what the piece's count is (more than 「都」「没有」「其余」)."""
        return any(w.kind not in ("all", "rest", "none") for w in self.words)

    def has(self, *kinds: str) -> bool:
        """Whether any word of these kinds is in the piece."""
        return any(w.kind in kinds for w in self.words)

    def keys(self, kind: str) -> list[str | int | None]:
        """The keys of the words of one kind, in order, without repeats."""
        found: list[str | int | None] = []
        for word in self.words:
            if word.kind == kind and word.key not in found:
                found.append(word.key)
        return found


def _vocabulary() -> dict[str, Word]:
    words: dict[str, Word] = {}

    def add(phrases: tuple[str, ...], word: Word) -> None:
        for phrase in phrases:
            words.setdefault(phrase, word)

    for key, phrases in RESULT_WORDS.items():
        add(phrases, Word("result", key))
    for name, phrases in GROUP_ROWS.items():
        add(phrases, Word("group", name))
    for column, phrases in enumerate(APPLICANT_WORDS):
        add(phrases, Word("applicant", column))
    for group, phrases in enumerate(CASE_GROUP_WORDS):
        add(phrases, Word("case", group))
    add(LITIGATION, Word("litigation"))
    for column, phrases in enumerate(CASE_OUTCOME_WORDS):
        add(phrases, Word("verdict", column))
    for doc, key in DOCUMENTS:
        add((doc, f"行政{doc}", doc.replace("性", "")), Word("document", key))
    add(("文件",), Word("document"))
    for column, phrases in enumerate(DOCUMENT_COLUMN_WORDS):
        add(phrases, Word("column", column))
    for key, phrases in DECISION_WORDS:
        add(phrases, Word("decision", key))
    add(FEE_WORDS, Word("fee"))
    add(CARRY_IN, Word("carry_in"))
    add(CARRY_OUT, Word("carry_out"))
    add(RECEIVED_SAID, Word("received"))
    add(ASKED, Word("asked"))
    add(DONE_SAID, Word("done"))
    add(ORGANISATIONS, Word("applicant"))
    add(ALL_WORDS, Word("all"))
    add(REST_WORDS, Word("rest"))
    add(NEGATIONS, Word("none"))
    return words


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, Word]]:
    words = _vocabulary()
    numbers = rf"(?P<n>{_ARABIC}|{_CHINESE})"
    phrases = "|".join(re.escape(p) for p in sorted(words, key=len, reverse=True))
    return re.compile(rf"{numbers}|(?P<w>{phrases})"), words


def clauses(text: str) -> list[str]:
    """The sentence cut at punctuation and linking words, noise phrases and dates taken out."""
    value = normalise(text)
    for noise in NOISE:
        value = value.replace(noise, "")
    value = _DATES.sub("", value)
    return [c.strip() for c in _SPLIT.split(value) if c.strip()]


def _tokens(clause: str) -> list[tuple[int, Word | str]]:
    """The words and counts of a clause by position: a `Word`, or the count as written."""
    pattern, words = _pattern()
    return [(m.start(), m.group("n") or words[m.group("w")]) for m in pattern.finditer(clause)]


def _vague(said: str) -> str | None:
    """A word that makes the piece's count not a figure (「十几」, 「大部分」), 「其余」 aside."""
    for word in REST_WORDS:
        said = said.replace(word, "|")
    found = VAGUE.search(said)
    return found.group(0) if found else None


def _segments(tokens: list[tuple[int, Word | str]]) -> list[list[tuple[int, Word | str]]] | None:
    """Tokens grouped so each group holds one count: words before each count, else after it; None if neither fits."""
    counts = [i for i, (_, t) in enumerate(tokens) if isinstance(t, str)]
    if len(counts) <= 1:
        return [tokens]
    ends = [c + 1 for c in counts[:-1]] + [len(tokens)]
    before = [tokens[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]
    starts = [0, *counts[1:]]
    after = [tokens[start:end] for start, end in zip(starts, [*starts[1:], len(tokens)], strict=True)]
    for groups in (before, after):
        if all(any(isinstance(t, Word) and t.kind not in ("all", "rest", "none") for _, t in g) for g in groups):
            return groups
    return None


def pieces(text: str) -> tuple[list[Piece], list[str]]:
    """The pieces of a sentence, and the clauses that hold several counts in an order that cannot be split."""
    found: list[Piece] = []
    unsplit: list[str] = []
    for clause in clauses(text):
        tokens = _tokens(clause)
        groups = _segments(tokens)
        if groups is None:
            if any(isinstance(t, Word) for _, t in tokens):
                unsplit.append(clause)
            continue
        bounds = [g[0][0] for g in groups if g][1:] + [len(clause)]
        start = 0
        for group, end in zip(groups, bounds, strict=False):
            said = clause[start:end] if len(groups) > 1 else clause
            start = end
            found.append(_piece(said, group))
    return found, unsplit


def _piece(said: str, tokens: list[tuple[int, Word | str]]) -> Piece:
    piece = Piece(said, [t for _, t in tokens if isinstance(t, Word)])
    piece.vague = _vague(said)
    count = next((t for _, t in tokens if isinstance(t, str)), None)
    if count is not None:
        piece.value = _count(count)
        after = said[said.find(count) + len(count) :]
        unit = _AMOUNT_UNIT.match(after)
        piece.unit = unit.group(1) if unit else None
    elif piece.has("none"):
        piece.value = 0
    elif piece.has("rest"):
        piece.value = REST
    elif piece.has("all"):
        piece.value = ALL
    return piece


def _count(text: str) -> int | Decimal:
    plain = text.replace(",", "")
    if re.fullmatch(r"\d+", plain):
        return int(plain)
    if re.fullmatch(r"\d+\.\d+", plain):
        return Decimal(plain)
    spoken = chinese_number(text)
    return spoken if spoken is not None else 0
