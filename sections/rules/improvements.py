"""Provides section 五、存在的主要问题及改进情况 and check S2."""

from __future__ import annotations

from collections.abc import Iterator

from sections.model.findings import Finding, Severity
from sections.model.ids import QuestionId
from sections.model.improvements import SECTION
from sections.model.report import Report
from sections.rules.blanks import blanks, check_blanks

MIN_CHARS = 30
"""Fewer written characters than this is 「trivially short」 for 五 (S2)."""


def check_not_empty(report: Report) -> Iterator[Finding]:
    """S2: 五 states real problems and improvements; not empty, a token line or a skeleton with blanks."""
    text = report.improvements.text
    if text is None:
        return
    open_blanks = blanks(text)
    if open_blanks:
        yield Finding(
            "S2",
            Severity.ERROR,
            SECTION,
            "五、存在的主要问题及改进情况",
            f"第五部分还有 {len(open_blanks)} 处待填写：{'；'.join(open_blanks)}。",
            "请把“（请填写：……）”换成实际情况；草稿不替您编写事实。",
            QuestionId.S5_TEXT,
        )
        return
    length = len("".join(text.split()))
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


RULES = (check_not_empty, check_blanks)
"""S2, and BLANK for the other drafted paragraphs: a skeleton's blanks are never published."""
