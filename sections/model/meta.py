"""Provides the report's basic information (body, level, year, contact, preface) and its checks."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from sections.model.ids import SectionId
from sections.model.text import Clean, Line, Text

SECTION: SectionId = "基本信息"


Level = Literal["乡镇街道", "县级以上政府部门", "县级政府", "设区的市政府", "省级政府", "省级政府部门", "国务院部门"]


GOVERNMENT_LEVELS: frozenset[str] = frozenset({"乡镇街道", "县级政府", "设区的市政府", "省级政府"})
"""Levels whose body is a people's government (乡镇街道 counts: a 乡镇人民政府 reports 考核 too)."""


RULE_MAKING_LEVELS: frozenset[str] = frozenset({"国务院部门", "省级政府", "设区的市政府"})
"""Levels with the power to make 规章 (立法法 第九十一、九十三条)."""


LATE_DEADLINE_LEVELS: frozenset[str] = frozenset({"县级政府", "设区的市政府", "省级政府"})
"""Governments at county level and above publish their own report by 31 March (条例 第四十九条)."""


class Contact(Clean):
    """Where readers ask about the report."""

    department: Line | None = None
    """承办科室, e.g. 党政办."""
    address: Line | None = None
    """地址; empty when the report gives none."""
    postcode: Line | None = None
    """邮编; empty when the report gives none."""
    phone: Line | None = None
    """联系电话."""
    email: Line | None = None
    """电子邮箱; empty when the report gives none."""


class Meta(Clean):
    """Who reports, for which year, and the preface that opens the report."""

    body: Line | None = None
    """机关名称, the body's full name as it stands in the title (白璧镇人民政府)."""
    level: Level | None = None
    """机关层级: decides 规章, the 考核 theme and the deadline."""
    year: int | None = None
    """报告年度: the statistics period is 1 January – 31 December of this year."""
    preface: Text | None = None
    """The paragraph before 一: legal basis, period, where to download, contact."""
    contact: Contact = Field(default_factory=Contact)
    """联系方式."""
    fee_decimals: int | None = None
    """Decimals the province requires for 行政事业性收费 (e.g. 4 in 河南); None when there is no rule."""

    @property
    def title(self) -> str:
        """「<body><year>年政府信息公开工作年度报告」 (blank parts while unanswered)."""
        year = f"{self.year}年" if self.year is not None else ""
        return f"{self.body or ''}{year}政府信息公开工作年度报告"

    @property
    def is_government(self) -> bool:
        """Whether the body is a people's government (and so reports 考核、评议、追究)."""
        return self.level in GOVERNMENT_LEVELS

    @property
    def has_rule_making_power(self) -> bool:
        """Whether the body can make 规章 at all."""
        return self.level in RULE_MAKING_LEVELS

    @property
    def deadline(self) -> date | None:
        """The day the report must be published by."""
        if self.year is None or self.level is None:
            return None
        month = 3 if self.level in LATE_DEADLINE_LEVELS else 1
        return date(self.year + 1, month, 31)


LEVEL_HINTS: tuple[tuple[str, str], ...] = (
    ("国务院", "国务院部门"),
    ("省人民政府", "省级政府"),
    ("自治区人民政府", "省级政府"),
    ("镇人民政府", "乡镇街道"),
    ("乡人民政府", "乡镇街道"),
    ("街道办事处", "乡镇街道"),
    ("县人民政府", "县级政府"),
    ("区人民政府", "县级政府"),
    ("市人民政府", "设区的市政府"),
)
"""Name endings that suggest the level; the clerk confirms."""


def guess_level(body: str | None) -> str | None:
    """The level a body's name suggests, if any: 「白璧镇人民政府」 → 乡镇街道."""
    for ending, level in LEVEL_HINTS:
        if body and body.endswith(ending):
            return level
    return None
