"""Provides the review's charts as data: each unit's applications and outcomes, and its changes on last year.

The app draws the bars with block characters and the web page with CSS widths; both read the shares
computed here (templates and widgets lay out, they never calculate).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sections.model.findings import Figure, count
from sections.model.report import Report
from sections.model.requests import row_name
from sections.model.tables import FOUR, THREE, TWO
from sections.output.review import Reviewed


def _label(key: str) -> str:
    return THREE.row(key).label.split("、", 1)[1].removesuffix("数量")


RECEIVED, CARRIED = _label("new"), _label("carry_in")
"""本年新收政府信息公开申请 and 上年结转政府信息公开申请: the two parts of a unit's first bar."""


def _outcome_names() -> tuple[str, ...]:
    names = dict.fromkeys(
        THREE.group_headings.get(THREE.row(key).group or "") or row_name(key) for key in THREE.results
    )
    return (*names, _label("carry_out"))


OUTCOMES = _outcome_names()
"""（一）予以公开 … （六）其他处理, then 结转下年度继续办理: the segments of a unit's outcome bar."""


@dataclass(frozen=True)
class Segment:
    """One part of a bar: what it counts, how many, and its share of the widest bar in the chart."""

    name: str
    value: int
    share: float
    """0–1: the value over the largest bar of the chart, so that bars compare across units."""


@dataclass(frozen=True)
class Bars:
    """One unit in the chart: applications received (new + carried in) and what became of them."""

    body: str
    year: int | None
    received: list[Segment] | None
    """新收 and 上年结转; None when table 三 is not filled in."""
    outcomes: list[Segment] | None
    """One segment per outcome group and the carry-over; None when a result row is blank."""

    @property
    def received_total(self) -> int:
        """All applications to handle this year."""
        return sum(s.value for s in self.received or [])

    @property
    def outcomes_total(self) -> int:
        """All applications handled or carried over."""
        return sum(s.value for s in self.outcomes or [])


def _total(report: Report, key: str) -> Figure:
    return report.requests.value(key, THREE.total_column)


def _received(report: Report) -> list[tuple[str, int]] | None:
    new, carried = _total(report, "new"), _total(report, "carry_in")
    if new is None:
        return None
    return [(RECEIVED, count(new)), (CARRIED, count(carried))]


def _outcomes(report: Report) -> list[tuple[str, int]] | None:
    values = {key: _total(report, key) for key in (*report.requests.result_keys, "carry_out")}
    if any(v is None for v in values.values()):
        return None
    sums = dict.fromkeys(OUTCOMES, 0)
    for key, value in values.items():
        row = THREE.row(key)
        name = OUTCOMES[-1] if key == "carry_out" else THREE.group_headings.get(row.group or "") or row_name(key)
        sums[name] += count(value)
    return list(sums.items())


def bars(items: Sequence[Reviewed]) -> list[Bars]:
    """The chart of the readable reports, every bar scaled to the largest (received or handled) of all."""
    reports = [(item, item.report) for item in items if item.report is not None]
    raw = [(item, _received(report), _outcomes(report)) for item, report in reports]
    widest = max((sum(v for _, v in part) for _, *parts in raw for part in parts if part), default=0) or 1

    def segments(part: list[tuple[str, int]] | None) -> list[Segment] | None:
        return None if part is None else [Segment(name, value, value / widest) for name, value in part]

    return [Bars(item.body, item.year, segments(received), segments(outcomes)) for item, received, outcomes in raw]


Reader = Callable[[Report], Figure]

COMPARED: tuple[tuple[str, Reader], ...] = (
    (RECEIVED, lambda r: _total(r, "new")),
    (f"办理结果{THREE.row(THREE.total_row).label}", lambda r: _total(r, THREE.total_row)),
    (FOUR.groups[0].name, lambda r: r.appeals.total(0)),
    (FOUR.litigation, lambda r: _sum(r.appeals.total(1), r.appeals.total(2))),
    *((row.label, (lambda key: lambda r: r.disclosure.row(key)[0])(row.key)) for row in TWO.decisions),
)
"""The figures compared with last year: applications, outcomes, reconsiderations, lawsuits, decisions."""


def _sum(*values: Figure) -> Figure:
    return None if None in values else sum(count(v) for v in values)


@dataclass(frozen=True)
class Change:
    """One figure this year against last year."""

    name: str
    last: int | None
    now: int | None

    @property
    def text(self) -> str:
        """「12 → 30（+18，+150%）」; 「—」 for a year without the figure."""
        then = "—" if self.last is None else str(self.last)
        now = "—" if self.now is None else str(self.now)
        if self.last is None or self.now is None:
            return f"{then} → {now}"
        delta = self.now - self.last
        share = f"，{delta / self.last:+.0%}" if self.last else ""
        return f"{then} → {now}（{delta:+d}{share}）"


@dataclass(frozen=True)
class YearOnYear:
    """A unit's figures against its report of last year."""

    body: str
    year: int
    changes: list[Change]


def _int(value: Figure) -> int | None:
    return value if isinstance(value, int) else None


def year_on_year(items: Sequence[Reviewed]) -> list[YearOnYear]:
    """The units whose last year's report is known, each with its figures then and now."""
    return [
        YearOnYear(
            item.body,
            item.year,
            [Change(name, _int(read(item.last)), _int(read(item.report))) for name, read in COMPARED],
        )
        for item in items
        if item.report is not None and item.last is not None and item.year is not None
    ]
