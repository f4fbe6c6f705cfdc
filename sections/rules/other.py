"""Provides section 六、其他需要报告的事项: the 信息处理费 collected and other matters."""

from __future__ import annotations

from collections.abc import Iterator

from sections.model.findings import Finding, Severity
from sections.model.ids import QuestionId
from sections.model.other import SECTION
from sections.model.report import Report


def check_fee(report: Report) -> Iterator[Finding]:
    """C2: the 信息处理费 amount and count are at least 0."""
    other = report.other
    if (other.fee_amount is not None and other.fee_amount < 0) or (other.fee_count is not None and other.fee_count < 0):
        yield Finding(
            "C2",
            Severity.ERROR,
            SECTION,
            "六 信息处理费",
            f"信息处理费填报为 {other.fee_amount} 元、{other.fee_count} 件，不能为负数。",
            "未收费请答“否”。",
            QuestionId.S6_FEE,
        )


RULES = (check_fee,)
