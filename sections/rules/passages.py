"""Provides the narrative as passages: each piece of text with where it stands, squeezed for matching.

The narrative rules (N1–N6), the reader's structure checks and the reader itself read the text this way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sections.model.ids import SUBSECTIONS, QuestionId, SectionId, subsection
from sections.model.labels import SECTION_HEADINGS
from sections.model.overview import numbered
from sections.model.report import Report

_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_ASCII = tuple((full, chr(ord(full) - 0xFEE0)) for full in "０１２３４５６７８９％．")
"""Full-width digits, 「％」 and 「．」 with their ASCII forms: few passages have any, so each is looked for first."""


@dataclass(frozen=True)
class Passage:
    """One piece of narrative: where it stands, its text with the white space squeezed out, and its question."""

    where: str
    text: str
    section: SectionId
    question: QuestionId

    def sentences(self) -> tuple[str, ...]:
        """The passage cut at 。；！？ and line ends."""
        return _sentences(self.text)


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(filter(None, _SENTENCE_END.split(text)))


@lru_cache(maxsize=256)
def squeeze(text: str) -> str:
    """Text without white space (PDF extraction scatters spaces), with ASCII digits and 「%」.

    Cached: every narrative rule squeezes the same passages of a report. `str.split` drops the same white
    space as a regular expression's white-space class, and a few `replace` calls are many times faster
    than a `translate` table, which looks up every character of the passage.
    """
    for full, ascii_form in _ASCII:
        if full in text:
            text = text.replace(full, ascii_form)
    return "".join(text.split())


def passages(report: Report) -> tuple[Passage, ...]:
    """The narrative of the report, each piece named as a reviewer would name it.

    Cached by the texts: every narrative rule reads the same passages of a report.
    """
    subsections = tuple((sub.title, sub.text) for sub in report.overview.subsections or [])
    return _passages(
        report.meta.preface, report.overview.opening, subsections, report.improvements.text, report.other.text
    )


@lru_cache(maxsize=64)
def _passages(
    preface: str | None,
    opening: str | None,
    subsections: tuple[tuple[str, str | None], ...],
    improvements: str | None,
    other: str | None,
) -> tuple[Passage, ...]:
    parts: list[tuple[str, str | None, SectionId, QuestionId]] = [
        ("导语", preface, "基本信息", QuestionId.META_PREFACE),
        (SECTION_HEADINGS[0], opening, "一", QuestionId.S1_OPENING),
    ]
    for index, (title, text) in enumerate(subsections):
        # Parts beyond those the interview asks can only be cut down through the titles.
        question = subsection(index) if index < len(SUBSECTIONS) else QuestionId.S1_TITLES
        parts.append((f"{SECTION_HEADINGS[0]}{numbered(index, title)}", text, "一", question))
    parts += [
        (SECTION_HEADINGS[4], improvements, "五", QuestionId.S5_TEXT),
        (SECTION_HEADINGS[5], other, "六", QuestionId.S6_TEXT),
    ]
    return tuple(Passage(where, squeeze(text), section, question) for where, text, section, question in parts if text)
