"""Provides section 六、其他需要报告的事项: the 信息处理费 collected and other matters."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from .findings import Finding, Severity

if TYPE_CHECKING:
    from .report import Report

SECTION = "六"


class Other(BaseModel):
    """Section 六: 信息处理费 (《政府信息公开信息处理费管理办法》) and any other matter."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    fee_amount: Decimal | None = None
    """信息处理费 collected in the year, in 元 (not 万元: these are small sums)."""
    fee_count: int | None = None
    """How many applications were charged."""
    text: str | None = None
    """The paragraphs of 六 as printed (the fee statement included)."""


def check_fee(report: Report) -> Iterator[Finding]:
    """C2: the 信息处理费 amount and count are at least 0."""
    other = report.other
    if (other.fee_amount is not None and other.fee_amount < 0) or (
        other.fee_count is not None and other.fee_count < 0
    ):
        yield Finding("C2", Severity.ERROR, SECTION, "六 信息处理费",
                      f"信息处理费填报为 {other.fee_amount} 元、{other.fee_count} 件，不能为负数。",
                      "未收费请答“否”。", "s6.fee")


RULES = (check_fee,)
