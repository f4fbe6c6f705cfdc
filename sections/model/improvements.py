"""Provides section 五、存在的主要问题及改进情况 and check S2."""

from __future__ import annotations

from pydantic import BaseModel

from sections.model.ids import SectionId

SECTION: SectionId = "五"


class Improvements(BaseModel):
    """Section 五: the main problems, how last year's were improved, and next steps."""

    text: str | None = None
    """The paragraphs of 五."""
