"""Provides table 四, 行政复议、行政诉讼情况: its model and checks (C1, C2, T4-SUM)."""

from __future__ import annotations

from collections.abc import Iterator

from sections.model.appeals import GROUP_QUESTIONS, SECTION
from sections.model.findings import Finding, Severity, number
from sections.model.report import Report
from sections.model.tables import FOUR


def check_blank(report: Report) -> Iterator[Finding]:
    """C1: every figure of table 四 is a number."""
    marks = [i for i, v in enumerate(report.appeals.cells) if isinstance(v, str)]
    if marks:
        names = "、".join(FOUR.name(i) for i in marks[:5])
        yield Finding(
            "C1",
            Severity.ERROR,
            SECTION,
            "表四",
            f"表四有 {len(marks)} 处不是数字：{names}{' 等' if len(marks) > 5 else ''}。",
            "没有案件的栏目填 0。",
            GROUP_QUESTIONS[marks[0] // FOUR.group_width],
        )


def check_negative(report: Report) -> Iterator[Finding]:
    """C2: every count in table 四 is a whole number of at least 0."""
    for index, value in enumerate(report.appeals.cells):
        if isinstance(value, int) and value < 0:
            yield Finding(
                "C2",
                Severity.ERROR,
                SECTION,
                f"表四 {FOUR.name(index)}",
                f"表四 {FOUR.name(index)} 填报为 {value}，件数不能为负数。",
                "请填写 0 或正数。",
                GROUP_QUESTIONS[index // FOUR.group_width],
            )


def check_sums(report: Report) -> Iterator[Finding]:
    """T4-SUM: in each group, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计."""
    table = report.appeals
    total = FOUR.total_column
    for group, name in enumerate(g.name for g in FOUR.groups):
        cells = table.group(group)
        if cells[total] is None or None in cells:
            continue
        computed = sum(map(number, cells[:total]))
        if computed != number(cells[total]):
            yield Finding(
                "T4-SUM",
                Severity.ERROR,
                SECTION,
                f"表四 {name}",
                f"表四 {name}：维持、纠正、其他、尚未审结合计 {computed}，但总计填报为 {cells[total]}。",
                "请核对四类结果或总计。",
                GROUP_QUESTIONS[group],
            )


RULES = (check_blank, check_negative, check_sums)
