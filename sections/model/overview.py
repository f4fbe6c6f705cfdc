"""Provides section 一、总体情况: an opening paragraph and titled subsections, and check S3."""

from __future__ import annotations

from sections.model.ids import SectionId
from sections.model.labels import DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION, SUBSECTION_NUMERALS
from sections.model.text import Clean, Line, Text

SECTION: SectionId = "一"


class Subsection(Clean):
    """One titled part of 一, printed as 「（一）<title>」 and its text."""

    title: Line
    """The title without its numbering: 「主动公开」 or the clerk's own."""
    text: Text | None = None
    """The paragraphs under it."""


def default_subsections(is_government: bool) -> list[Subsection]:
    """The five themes of FORMAT.md, plus 考核、评议、追究 for a people's government."""
    titles = DEFAULT_SUBSECTIONS + ((GOVERNMENT_SUBSECTION,) if is_government else ())
    return [Subsection(title=t) for t in titles]


def numbered(index: int, title: str) -> str:
    """「（三）政府信息管理」 for the third subsection."""
    return f"（{SUBSECTION_NUMERALS[index]}）{title}" if index < len(SUBSECTION_NUMERALS) else title


class Overview(Clean):
    """Section 一、总体情况."""

    opening: Text | None = None
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
