"""Provides section 一、总体情况: an opening paragraph and titled subsections, and check S3."""

from __future__ import annotations

from collections.abc import Iterator

from sections.model.findings import Finding, Severity
from sections.model.ids import QuestionId
from sections.model.labels import DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION
from sections.model.overview import SECTION
from sections.model.report import Report

THEME_WORDS: dict[str, tuple[str, ...]] = {
    DEFAULT_SUBSECTIONS[0]: ("主动公开",),
    DEFAULT_SUBSECTIONS[1]: ("依申请", "申请公开", "公开申请"),
    DEFAULT_SUBSECTIONS[2]: ("信息管理", "保密审查", "公开目录", "公开指南", "文件清理"),
    DEFAULT_SUBSECTIONS[3]: ("平台", "网站", "政务新媒体", "公开栏"),
    DEFAULT_SUBSECTIONS[4]: ("监督", "保障", "考核", "培训"),
}
"""Words that show a theme of 一 is covered, in a title or in the text (FORMAT.md §2)."""


GOVERNMENT_WORDS = ("考核", "评议", "责任追究")


def _squeeze(text: str) -> str:
    """`text` without white space: `str.split` drops what a regular expression's white-space class would."""
    return "".join(text.split())


def check_themes(report: Report) -> Iterator[Finding]:
    """S3: 一 covers its five themes, and a government's report also covers 考核、评议、追究."""
    overview = report.overview
    if not overview.is_started or overview.subsections is None:
        return
    text = _squeeze(overview.text).replace(_squeeze(report.meta.body or "") or "\0", "")
    missing = [theme for theme, words in THEME_WORDS.items() if not any(w in text for w in words)]
    if report.meta.is_government and not any(w in text for w in GOVERNMENT_WORDS):
        missing.append(GOVERNMENT_SUBSECTION)
    if missing:
        yield Finding(
            "S3",
            Severity.WARNING,
            SECTION,
            "一、总体情况",
            f"总体情况没有写到：{'、'.join(missing)}。",
            "总体情况应覆盖主动公开、依申请公开、政府信息管理、平台建设、监督保障"
            "（人民政府还应报告工作考核、社会评议和责任追究结果）。",
            QuestionId.S1_TITLES,
        )


RULES = (check_themes,)
