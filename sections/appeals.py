"""Provides table 四, 行政复议、行政诉讼情况: its model and checks (C1, C2, T4-SUM)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from .answers import parse_yes_no
from .findings import Figure, Finding, Severity, count, number
from .labels import T4_GROUPS, T4_OUTCOMES
from .questions import Question, numbers_question

if TYPE_CHECKING:
    from .drafts import InterviewState
    from .report import Report

SECTION = "四"
GROUP_WIDTH = len(T4_OUTCOMES)
"""Five cells a group: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""
OUTCOMES = GROUP_WIDTH - 1
GROUP_KEYS = ("review", "direct", "after_review")
"""Question ids of the three groups: 行政复议, 未经复议直接起诉, 复议后起诉."""


def _blank(size: int) -> list[Figure]:
    return [None] * size


class Appeals(BaseModel):
    """Table 四: fifteen figures, three groups of five; each group's 总计 is None in a draft (computed)."""

    cells: list[Figure] = Field(
        default_factory=lambda: _blank(GROUP_WIDTH * len(T4_GROUPS)),
        min_length=GROUP_WIDTH * len(T4_GROUPS), max_length=GROUP_WIDTH * len(T4_GROUPS),
    )
    """复议 维持/纠正/其他/尚未审结/总计, then 直接起诉 ×5, then 复议后起诉 ×5."""

    def group(self, index: int) -> list[Figure]:
        """A group's five cells as entered."""
        return self.cells[index * GROUP_WIDTH:(index + 1) * GROUP_WIDTH]

    def value(self, index: int) -> Figure:
        """A cell as the report shows it: the figure entered, or the computed 总计."""
        group, column = divmod(index, GROUP_WIDTH)
        cells = self.group(group)
        if column < OUTCOMES or cells[OUTCOMES] is not None:
            return cells[column]
        four = cells[:OUTCOMES]
        return None if None in four else sum(count(c) for c in four)

    @property
    def values(self) -> list[Figure]:
        """All fifteen cells as the report shows them."""
        return [self.value(i) for i in range(len(self.cells))]

    def total(self, group: int) -> Figure:
        """A group's 总计 as the report shows it."""
        return self.value(group * GROUP_WIDTH + OUTCOMES)

    def is_answered(self, group: int) -> bool:
        """Whether a group's four outcomes are answered."""
        return None not in self.group(group)[:OUTCOMES]

    def set_group(self, group: int, outcomes: list[int]) -> None:
        """Answer a group's four outcomes; its 总计 becomes computed."""
        start = group * GROUP_WIDTH
        self.cells[start:start + GROUP_WIDTH] = [*outcomes, None]


def check_blank(report: Report) -> Iterator[Finding]:
    """C1: every figure of table 四 is a number."""
    marks = [i for i, v in enumerate(report.appeals.cells) if isinstance(v, str)]
    if marks:
        names = "、".join(_name(i) for i in marks[:5])
        yield Finding("C1", Severity.ERROR, SECTION, "表四",
                      f"表四有 {len(marks)} 处不是数字：{names}{' 等' if len(marks) > 5 else ''}。",
                      "没有案件的栏目填 0。")


def check_negative(report: Report) -> Iterator[Finding]:
    """C2: every count in table 四 is a whole number of at least 0."""
    for index, value in enumerate(report.appeals.cells):
        if isinstance(value, int) and value < 0:
            yield Finding("C2", Severity.ERROR, SECTION, f"表四 {_name(index)}",
                          f"表四 {_name(index)} 填报为 {value}，件数不能为负数。", "请填写 0 或正数。",
                          f"t4.{GROUP_KEYS[index // GROUP_WIDTH]}")


def check_sums(report: Report) -> Iterator[Finding]:
    """T4-SUM: in each group, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计."""
    table = report.appeals
    for group, name in enumerate(T4_GROUPS):
        cells = table.group(group)
        if cells[OUTCOMES] is None or None in cells:
            continue
        computed = sum(number(c) for c in cells[:OUTCOMES])
        if computed != number(cells[OUTCOMES]):
            yield Finding("T4-SUM", Severity.ERROR, SECTION, f"表四 {name}",
                          f"表四 {name}：维持、纠正、其他、尚未审结合计 {computed}，但总计填报为 "
                          f"{cells[OUTCOMES]}。", "请核对四类结果或总计。", f"t4.{GROUP_KEYS[group]}")


def _name(index: int) -> str:
    group, column = divmod(index, GROUP_WIDTH)
    return f"{T4_GROUPS[group]} {T4_OUTCOMES[column]}"


RULES = (check_blank, check_negative, check_sums)


GATE = "t4.any"
GROUP_PROMPTS = (
    "行政复议：结果维持、结果纠正、其他结果、尚未审结各几件？（四个数，如 1 0 0 0；没有请答“无”）",
    "行政诉讼（未经复议直接起诉）：结果维持、结果纠正、其他结果、尚未审结各几件？（四个数）",
    "行政诉讼（复议后起诉）：结果维持、结果纠正、其他结果、尚未审结各几件？（四个数）",
)
GROUP_HELP = ("只统计因政府信息公开引起的案件。本年未审结的计入“尚未审结”；总计由程序计算。"
              "“其他结果”指驳回申请、撤回、终止等。")


def _take_gate(report: Report, state: InterviewState, text: str) -> str:
    state.choices[GATE] = parse_yes_no(text)
    if state.choices[GATE]:
        return "好的，下面分行政复议、直接起诉、复议后起诉三类填写。"
    for group in range(len(T4_GROUPS)):
        report.appeals.set_group(group, [0] * OUTCOMES)
    return "已将表四全部填为 0。"


def _group_question(group: int) -> Question:
    def put(report: Report, values: list[int]) -> None:
        report.appeals.set_group(group, values)

    return numbers_question(f"t4.{GROUP_KEYS[group]}", SECTION, GROUP_PROMPTS[group], GROUP_HELP,
                            T4_OUTCOMES[:OUTCOMES], lambda r: r.appeals.group(group)[:OUTCOMES], put,
                            total=True)


def questions(report: Report, state: InterviewState) -> list[Question]:
    """四: whether there was any case, then the four outcomes of each of the three groups."""
    table = report.appeals
    all_answered = all(table.is_answered(g) for g in range(len(T4_GROUPS)))
    gate = Question(
        GATE, SECTION, "本年度是否有因政府信息公开引起的行政复议或行政诉讼？（是/否）",
        "答“否”则表四全部填 0。", "yesno", _take_gate,
        lambda r, s: GATE in s.choices or all_answered)
    nothing = all_answered and not any(number(v) for v in table.cells)
    if state.choices.get(GATE) is False or (GATE not in state.choices and nothing):
        return [gate]
    return [gate, *(_group_question(g) for g in range(len(T4_GROUPS)))]
