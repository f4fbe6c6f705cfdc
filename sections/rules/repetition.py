"""Provides rule X5: how much of this year's narrative (一、五、六) repeats last year's, sentence for sentence."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from sections.model.findings import Finding, Severity
from sections.model.ids import QuestionId, SectionId
from sections.model.report import Report

SHARE = 0.5
"""X5: a narrative repeating more than this share of its text from last year's is worth a warning."""
MIN_CHARS = 8
"""Sentences shorter than this once normalised (「无。」, 「详见附表」) count neither way."""
SHOWN = 3
"""The finding quotes this many of the longest repeated passages."""
QUOTED = 40
"""Characters of a passage quoted in the finding."""

SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")
FIGURE = re.compile(r"[0-9]+|[〇零一二三四五六七八九]{4}(?=年)")
QUESTIONS: dict[SectionId, QuestionId] = {
    "一": QuestionId.S1_OPENING,
    "五": QuestionId.S5_TEXT,
    "六": QuestionId.S6_TEXT,
}


@dataclass(frozen=True)
class Repetition:
    """How much of this year's narrative repeats last year's, and the repeated passages."""

    share: float
    """The share (0 to 1) of the narrative's characters in sentences found in last year's narrative."""
    passages: list[str]
    """Runs of consecutive repeated sentences, as this year's report words them, longest first."""
    section: SectionId = "一"
    """The section holding the most repeated text."""


def normalised(sentence: str) -> str:
    """A sentence as compared: figures and years as 「#」, without blanks or punctuation."""
    text = "".join(c for c in unicodedata.normalize("NFKC", sentence) if unicodedata.category(c)[0] not in "PSZC")
    return FIGURE.sub("#", text)


def _narrative(report: Report) -> list[tuple[SectionId, str]]:
    """The paragraphs of 一 (without its subsection titles), 五 and 六, each with its section."""
    overview = report.overview
    parts: list[tuple[SectionId, str | None]] = [("一", overview.opening)]
    parts += [("一", sub.text) for sub in overview.subsections or []]
    parts += [("五", report.improvements.text), ("六", report.other.text)]
    return [(section, text) for section, text in parts if text]


def _sentences(text: str) -> list[tuple[str, str]]:
    """(as written, normalised) for each sentence long enough to count."""
    pairs = ((s.strip(), normalised(s)) for s in SENTENCE_END.split(text))
    return [(s, key) for s, key in pairs if len(key) >= MIN_CHARS]


def repeated_share(this: Report, last: Report) -> Repetition:
    """The share of this year's narrative (一、五、六) repeating last year's sentence for sentence.

    Sentences are compared normalised for years, figures, blanks and punctuation, so a text copied with
    only its figures changed counts as repeated. The share is by characters.
    """
    old = {key for _, text in _narrative(last) for _, key in _sentences(text)}
    total = repeated = 0
    passages: list[tuple[SectionId, str, int]] = []
    by_section: dict[SectionId, int] = {}
    for section, text in _narrative(this):
        run: list[str] = []
        for sentence, key in [*_sentences(text), ("", "")]:
            total += len(key)
            if key in old:
                repeated += len(key)
                by_section[section] = by_section.get(section, 0) + len(key)
                run.append(sentence)
            elif run:
                passages.append((section, "".join(run), len("".join(run))))
                run = []
    passages.sort(key=lambda p: -p[2])
    most = max(by_section, key=by_section.__getitem__) if by_section else "一"
    return Repetition(repeated / total if total else 0.0, [p[1] for p in passages], most)


def check_repeated(report: Report, previous: Report) -> Iterator[Finding]:
    """X5: more than half of this year's narrative (一、五、六) repeats last year's, sentence for sentence."""
    repetition = repeated_share(report, previous)
    if repetition.share <= SHARE:
        return
    quoted = "；".join(f"“{p[:QUOTED]}{'…' if len(p) > QUOTED else ''}”" for p in repetition.passages[:SHOWN])
    yield Finding(
        "X5",
        Severity.WARNING,
        repetition.section,
        "一、五、六 正文",
        f"正文（一、五、六）有{repetition.share:.0%}的文字与上年报告逐句相同（年份、数字、标点不计），"
        f"最长的重复段落：{quoted}",
        "请按本年度的实际工作重写重复的段落，不要照搬上年报告。",
        QUESTIONS[repetition.section],
    )


RULES = (check_repeated,)
