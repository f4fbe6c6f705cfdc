"""Provides rule U1: each figure of a region's tables against the sum of its units' figures."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sections.model.findings import Amount, Figure, Finding, Severity
from sections.model.grids import Slot
from sections.model.report import Report
from sections.model.units import FIGURES, Merged

SHOWN_UNITS = 3
"""At most this many units are named as explaining one difference."""


def _number(value: Figure | Amount) -> int | Decimal | None:
    return value if isinstance(value, int | Decimal) else None


def _sums(units: Sequence[Report]) -> list[int | Decimal | None]:
    """Per figure, the units' sum; None where a unit's figure is blank or not a number (nothing to compare)."""
    sums: list[int | Decimal | None] = [0] * len(FIGURES)
    for unit in units:
        for index, figure in enumerate(FIGURES):
            total, value = sums[index], _number(figure.get(unit))
            sums[index] = None if total is None or value is None else total + value
    return sums


def check_units(region: Report, units: Sequence[Report], merged: Merged | None = None) -> list[Finding]:
    """U1: a figure of the region that differs from the sum of its units' figures.

    The finding names the figures and, where one unit's figure equals the difference (counted twice or
    left out) or, with `merged` (what the region draft recorded), a unit's figure changed since the merge
    by the difference, those units. Figures blank in the region or in any unit are skipped.
    """
    differences: dict[int, int | Decimal] = {}
    for index, total in enumerate(_sums(units)):
        value = _number(FIGURES[index].get(region))
        if value is not None and total is not None and value != total:
            differences[index] = value - total
    if not differences:
        return []
    explained: dict[int, list[str]] = {index: [] for index in differences}
    recorded = _recorded(merged)
    for unit in units:
        gave = recorded.pop(unit.meta.body or "", None)
        for index, difference in differences.items():
            reason = _explains(FIGURES[index], unit, difference, gave)
            if reason and len(explained[index]) < SHOWN_UNITS:
                explained[index].append(reason)
    for body, figures in recorded.items():  # summed by the merge, not given now
        for index, difference in differences.items():
            then = _number(figures.get(FIGURES[index].where))
            if then and then == difference and len(explained[index]) < SHOWN_UNITS:
                explained[index].append(f"{body}（汇总时计入 {then}，这次未给出）")
    return [_finding(FIGURES[i], FIGURES[i].get(region), d, explained[i]) for i, d in differences.items()]


def _recorded(merged: Merged | None) -> dict[str, dict[str, Figure | Amount]]:
    """Unit name → the figures it gave when merged, by figure name."""
    if merged is None:
        return {}
    return {u.body: {merged.figures[i]: v for i, v in u.figures.items()} for u in merged.units}


def _explains(
    figure: Slot, unit: Report, difference: int | Decimal, recorded: dict[str, Figure | Amount] | None
) -> str:
    """Why this unit may explain the difference, or 「」 when it does not."""
    name, value = unit.meta.body or "（未写机关名称的单位）", _number(figure.get(unit))
    if value is None:
        return ""
    if recorded is not None and figure.put is not None:
        then = _number(recorded.get(figure.where, 0))
        if then is not None and then != value and then - value == difference:
            return f"{name}（汇总时为 {then}，现为 {value}）"
    if value != 0 and value == abs(difference):
        return f"{name}（{value}，{'可能重复计入' if difference > 0 else '可能漏计'}）"
    return ""


def _finding(figure: Slot, value: Figure | Amount, difference: int | Decimal, units: list[str]) -> Finding:
    total = _number(value)
    assert total is not None  # only figures that are numbers differ
    because = f"差额恰与{'、'.join(units)}相符。" if units else ""
    return Finding(
        "U1",
        Severity.ERROR,
        figure.table,
        figure.where,
        f"本级汇总为 {total}，各单位合计为 {total - difference}（相差 {difference:+}）。{because}",
        "请按各单位最新的数字重新汇总（nianbao merge），或核对差额所涉单位的报告。",
        figure.target,
    )
