"""Provides table 二 in the 2019 试行 layout (国办公开办函〔2019〕60号), as 2019 and 2020 reports print it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sections.model.disclosure_2019 import AMOUNT_COLUMN, CHANGE_COLUMN, SECTION
from sections.model.findings import Finding, Severity
from sections.model.ids import QuestionId
from sections.model.report import Report


def check_blank(report: Report) -> Iterator[Finding]:
    """C1: every count of the 2019 table 二 is a number (the procurement amount is kept as printed)."""
    trial = report.disclosure.trial
    if trial is None:
        return
    marks = [
        (where, value) for where, column, value in trial.cells() if isinstance(value, str) and column != AMOUNT_COLUMN
    ]
    if marks:
        yield not_numbers(marks)


def not_numbers(marks: Sequence[tuple[str, str]], target: QuestionId | None = None) -> Finding:
    """C1 for the cells of table 二 (either layout) that hold something else than a number, each with what it holds."""
    places = "、".join(f"{where}（{value or '空白'}）" for where, value in marks)
    return Finding(
        "C1",
        Severity.ERROR,
        SECTION,
        marks[0][0],
        f"表二有 {len(marks)} 处不是数字：{places}。",
        "没有发生的事项填 0。",
        target,
    )


def check_negative(report: Report) -> Iterator[Finding]:
    """C2: counts of the 2019 table 二 are at least 0, except 本年增/减, which may be a decrease."""
    trial = report.disclosure.trial
    if trial is None:
        return
    for where, column, value in trial.cells():
        if isinstance(value, int) and value < 0 and column != CHANGE_COLUMN:
            yield Finding(
                "C2", Severity.ERROR, SECTION, where, f"{where} 填报为 {value}，不能为负数。", "件数只能是 0 或正数。"
            )


RULES = (check_blank, check_negative)
