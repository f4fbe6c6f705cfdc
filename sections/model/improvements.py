"""Provides section 五、存在的主要问题及改进情况 and check S2."""

from __future__ import annotations

from sections.model.ids import SectionId
from sections.model.text import Clean, Text

SECTION: SectionId = "五"


class Improvements(Clean):
    """Section 五: the main problems, how last year's were improved, and next steps."""

    problems: Text | None = None
    """The clerk's answer: this year's main problems ("" when not known yet: the draft keeps a blank)."""
    progress: Text | None = None
    """The clerk's answer: what was done about last year's problems."""
    measures: Text | None = None
    """The clerk's answer: next year's measures."""
    text: Text | None = None
    """The paragraphs of 五 as printed, drafted from the three answers (a draft older than them has only this)."""
