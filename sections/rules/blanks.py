"""Provides the blanks of a drafted skeleton (「（请填写：……）」) and check BLANK: none published in 导语, 一 or 六.

五 has its own check (S2), which refuses its blanks the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sections.model.findings import Finding, Severity
from sections.model.ids import SUBSECTIONS, QuestionId, SectionId, subsection
from sections.model.labels import SECTION_HEADINGS, SECTION_NUMERALS
from sections.model.overview import numbered
from sections.model.report import Report

BLANK = "（请填写："
"""How a blank in a drafted skeleton opens: 「（请填写：下一步改进措施）」; the clerk replaces it."""


_BLANK = re.compile(re.escape(BLANK) + r"([^）]*)）?")
_OVERVIEW = SECTION_HEADINGS[SECTION_NUMERALS.index("一")]
_OTHER = SECTION_HEADINGS[SECTION_NUMERALS.index("六")]


def blanks(text: str) -> list[str]:
    """The blanks still open in a text: 「…将（请填写：下一步改进措施）。」 → [「下一步改进措施」]."""
    return _BLANK.findall(text) if BLANK in text else []


def _places(report: Report) -> Iterator[tuple[SectionId, str, str | None, QuestionId]]:
    """Each drafted paragraph outside 五: its section, its place, its text and its question."""
    yield "基本信息", "导语", report.meta.preface, QuestionId.META_PREFACE
    yield "一", f"{_OVERVIEW} 开头段落", report.overview.opening, QuestionId.S1_OPENING
    for index, sub in enumerate((report.overview.subsections or [])[: len(SUBSECTIONS)]):
        yield "一", f"{_OVERVIEW} {numbered(index, sub.title)}", sub.text, subsection(index)
    yield "六", _OTHER, report.other.text, QuestionId.S6_TEXT


def check_blanks(report: Report) -> Iterator[Finding]:
    """BLANK: 导语 or a part of 一 or 六 still holding 「（请填写：……）」 is unfinished, an error until replaced."""
    for section, where, text, question in _places(report):
        found = blanks(text or "")
        if found:
            yield Finding(
                "BLANK",
                Severity.ERROR,
                section,
                where,
                f"还有 {len(found)} 处待填写：{'；'.join(found)}。",
                "请把“（请填写：……）”换成实际情况；草稿不替您编写事实。",
                question,
            )


RULES = (check_blanks,)
