"""Provides the report's basic information (body, level, year, contact, preface) and its checks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sections.model.findings import Finding, Severity
from sections.model.ids import QuestionId
from sections.model.meta import SECTION
from sections.model.report import Report


def check_deadline(report: Report, today: date | None = None) -> Iterator[Finding]:
    """D1: the publication deadline for this body and year, and how many days are left."""
    deadline = report.meta.deadline
    if deadline is None:
        return
    days = (deadline - (today or date.today())).days
    when = f"还有 {days} 天" if days >= 0 else f"已过 {-days} 天"
    yield Finding(
        "D1",
        Severity.INFO,
        SECTION,
        "发布期限",
        f"本报告应于 {deadline.year}年{deadline.month}月{deadline.day}日前公开发布（{when}）。",
        "条例第四十九条：政府部门 1 月 31 日前，县级以上人民政府本级报告 3 月 31 日前。",
        target=QuestionId.META_LEVEL,
    )


RULES = (check_deadline,)
