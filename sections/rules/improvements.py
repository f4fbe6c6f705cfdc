"""Provides section 五、存在的主要问题及改进情况 and check S2."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sections.model.findings import Finding, Severity
from sections.model.ids import QuestionId
from sections.model.improvements import SECTION
from sections.model.report import Report

MIN_CHARS = 30
"""Fewer written characters than this is 「trivially short」 for 五 (S2)."""


def check_not_empty(report: Report) -> Iterator[Finding]:
    """S2: section 五 states real problems and improvements; it may not be empty or a token line."""
    text = report.improvements.text
    if text is None:
        return
    length = len(re.sub(r"\s", "", text))
    if length < MIN_CHARS:
        yield Finding(
            "S2",
            Severity.ERROR,
            SECTION,
            "五、存在的主要问题及改进情况",
            f"第五部分只有 {length} 个字，内容过于简单。",
            "请写明存在的主要问题、上年问题的改进情况和下一步措施。",
            QuestionId.S5_TEXT,
        )


RULES = (check_not_empty,)
