"""Provides section 一、总体情况: an opening paragraph and titled subsections, and check S3."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from .findings import Finding, Severity
from .labels import DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION, SUBSECTION_NUMERALS

if TYPE_CHECKING:
    from .report import Report

SECTION = "一"

THEME_WORDS: dict[str, tuple[str, ...]] = {
    DEFAULT_SUBSECTIONS[0]: ("主动公开",),
    DEFAULT_SUBSECTIONS[1]: ("依申请", "申请公开"),
    DEFAULT_SUBSECTIONS[2]: ("信息管理", "管理"),
    DEFAULT_SUBSECTIONS[3]: ("平台",),
    DEFAULT_SUBSECTIONS[4]: ("监督", "保障"),
}
"""Words that show a theme of 一 is covered, in a title or in the text (FORMAT.md §2)."""
GOVERNMENT_WORDS = ("考核", "评议", "责任追究")


class Subsection(BaseModel):
    """One titled part of 一, printed as 「（一）<title>」 and its text."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    title: str
    """The title without its numbering: 「主动公开」 or the clerk's own."""
    text: str | None = None
    """The paragraphs under it."""


def default_subsections(is_government: bool) -> list[Subsection]:
    """The five themes of FORMAT.md, plus 考核、评议、追究 for a people's government."""
    titles = DEFAULT_SUBSECTIONS + ((GOVERNMENT_SUBSECTION,) if is_government else ())
    return [Subsection(title=t) for t in titles]


def numbered(index: int, title: str) -> str:
    """「（三）政府信息管理」 for the third subsection."""
    return f"（{SUBSECTION_NUMERALS[index]}）{title}" if index < len(SUBSECTION_NUMERALS) else title


class Overview(BaseModel):
    """Section 一、总体情况."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    opening: str | None = None
    """The paragraph before the subsections."""
    subsections: list[Subsection] | None = None
    """The titled parts; None until the clerk confirms the titles."""

    @property
    def text(self) -> str:
        """Everything written in 一, for checks that read the narrative."""
        parts = [self.opening or ""]
        for sub in self.subsections or []:
            parts += [sub.title, sub.text or ""]
        return "\n".join(parts)

    @property
    def is_started(self) -> bool:
        """Whether any of 一 has been written."""
        return bool(self.opening) or any(s.text for s in self.subsections or [])


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_themes(report: Report) -> Iterator[Finding]:
    """S3: 一 covers its five themes, and a government's report also covers 考核、评议、追究."""
    overview = report.overview
    if not overview.is_started or overview.subsections is None:
        return
    text = _squeeze(overview.text)
    missing = [theme for theme, words in THEME_WORDS.items() if not any(w in text for w in words)]
    if report.meta.is_government and not any(w in text for w in GOVERNMENT_WORDS):
        missing.append(GOVERNMENT_SUBSECTION)
    if missing:
        yield Finding("S3", Severity.WARNING, SECTION, "一、总体情况",
                      f"总体情况没有写到：{'、'.join(missing)}。",
                      "总体情况应覆盖主动公开、依申请公开、政府信息管理、平台建设、监督保障"
                      "（人民政府还应报告工作考核、社会评议和责任追究结果）。", "s1.titles")


RULES = (check_themes,)
