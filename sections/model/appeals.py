"""Provides table 四, 行政复议、行政诉讼情况: its model and checks (C1, C2, T4-SUM)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from sections.model.findings import Figure, count
from sections.model.ids import QuestionId, SectionId
from sections.model.tables import FOUR

SECTION: SectionId = "四"


GROUP_QUESTIONS = (QuestionId.T4_REVIEW, QuestionId.T4_DIRECT, QuestionId.T4_AFTER_REVIEW)
"""The questions that set the three groups: 行政复议, 未经复议直接起诉, 复议后起诉."""


def _blank(size: int) -> list[Figure]:
    return [None] * size


class Appeals(BaseModel):
    """Table 四: fifteen figures, three groups of five; each group's 总计 is None in a draft (computed)."""

    cells: list[Figure] = Field(
        default_factory=lambda: _blank(FOUR.width), min_length=FOUR.width, max_length=FOUR.width
    )
    """复议 维持/纠正/其他/尚未审结/总计, then 直接起诉 ×5, then 复议后起诉 ×5."""

    def group(self, index: int) -> list[Figure]:
        """A group's five cells as entered."""
        return self.cells[FOUR.index(index, 0) : FOUR.index(index + 1, 0)]

    def value(self, index: int) -> Figure:
        """A cell as the report shows it: the figure entered, or the computed 总计."""
        group, column = divmod(index, FOUR.group_width)
        cells = self.group(group)
        total = FOUR.total_column
        if column < total or cells[total] is not None:
            return cells[column]
        four = cells[:total]
        return None if None in four else sum(map(count, four))

    @property
    def values(self) -> list[Figure]:
        """All fifteen cells as the report shows them."""
        shown = list(self.cells)
        for group in range(len(FOUR.groups)):
            total = FOUR.index(group, FOUR.total_column)
            if shown[total] is None:
                shown[total] = self.value(total)
        return shown

    def total(self, group: int) -> Figure:
        """A group's 总计 as the report shows it."""
        return self.value(FOUR.index(group, FOUR.total_column))

    def is_answered(self, group: int) -> bool:
        """Whether a group's four outcomes are answered."""
        return None not in self.group(group)[: FOUR.total_column]

    def set_group(self, group: int, outcomes: list[int]) -> None:
        """Answer a group's four outcomes; its 总计 becomes computed."""
        start = FOUR.index(group, 0)
        self.cells[start : start + FOUR.group_width] = [*outcomes, None]
