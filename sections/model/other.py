"""Provides section 六、其他需要报告的事项: the 信息处理费 collected and other matters."""

from __future__ import annotations

from decimal import Decimal

from sections.model.ids import SectionId
from sections.model.text import Clean, Text

SECTION: SectionId = "六"


class Other(Clean):
    """Section 六: 信息处理费 (《政府信息公开信息处理费管理办法》) and any other matter."""

    fee_amount: Decimal | None = None
    """信息处理费 collected in the year, in 元 (not 万元: these are small sums)."""
    fee_count: int | None = None
    """How many applications were charged."""
    text: Text | None = None
    """The paragraphs of 六 as printed (the fee statement included)."""
