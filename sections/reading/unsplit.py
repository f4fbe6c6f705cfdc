"""Provides the findings that every reading of a report's open rows gives, reported though the cells stay blank.

A row whose figures ran together (「2312」 for three cells) or whose cells were lost is left blank when
the text allows several readings. If every one of them breaks the same rule at the same place (each cut
of 「2312」 makes 规章 non-zero; no cut of a row adds up), the finding is reported all the same, with a note
that the cells were not read one by one. Columns of table 三 with several open rows are judged from the
sums every combination of readings could make.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from sections.model.findings import Figure, Finding
from sections.model.ids import SectionId
from sections.model.report import Report
from sections.model.tables import THREE, TWO
from sections.reading.tables import fee_amount
from sections.rules import appeals, disclosure, disclosure_2019, requests

Cells = tuple[Figure, ...]
NOTE = "（该行数字未能逐格读出：无论按哪种方式拆分，都有此问题。）"
MAX_SUMS = 4096
"""Possible sums of a column kept at most; beyond that a column is not judged."""
RULES: dict[SectionId, tuple[Callable[[Report], Iterable[Finding]], ...]] = {
    "二": disclosure.RULES,
    "三": requests.RULES,
    "四": appeals.RULES,
}
"""The rules of each table: the only ones an open row's readings can change."""
TRIAL_RULES = (*disclosure_2019.RULES, disclosure.check_rules_power)
"""Of table 二's rules, those that read it in the 2019 试行 layout: the others read figures a 2019/2020
report's open row does not hold, so whatever they find is reported already."""
SINGLE = {row.label: row.amount for row in TWO.rows if not row.many}
"""Table 二's rows of one figure (True for the fee, an amount)."""


@dataclass(frozen=True)
class OpenRow:
    """A row left blank, with every reading the text allows."""

    table: SectionId
    """「二」, 「三」 or 「四」."""
    key: str
    """Table 二: the row label; table 三: the row key; table 四: 「table4」."""
    options: tuple[Cells, ...]


def every_reading(report: Report, rows: list[OpenRow], reported: set[tuple[str, str]]) -> list[Finding]:
    """The findings (not yet `reported`) that each open row gives in every one of its readings."""
    found: dict[tuple[str, str], Finding] = {}
    for row in rows:
        if len(row.options) < 1:
            continue
        trial = row.table == "二" and report.disclosure.trial is not None
        rules = TRIAL_RULES if trial else RULES[row.table]
        common: dict[tuple[str, str], Finding] | None = None
        for option in row.options:
            with _filled(report, row, option):
                seen = {f.key: f for rule in rules for f in rule(report) if f.key not in reported}
            common = seen if common is None else {k: v for k, v in common.items() if k in seen}
            if not common:
                break  # one reading gives nothing new: no finding is common to all
        for key, finding in (common or {}).items():
            if key not in found:
                found[key] = replace(finding, message=finding.message + NOTE)
    three = [row for row in rows if row.table == "三" and row.options]
    if len(three) > 1:
        for finding in _columns(report, three):
            if finding.key not in reported and finding.key not in found:
                found[finding.key] = replace(finding, message=finding.message + NOTE)
    return list(found.values())


class _filled:
    """A context in which one open row holds one of its readings (the report is restored after)."""

    def __init__(self, report: Report, row: OpenRow, option: Cells) -> None:
        self.report, self.row, self.option = report, row, option
        self.saved: object = None

    def __enter__(self) -> None:
        owner, name = _slot(self.report, self.row)
        self.saved = owner[name] if isinstance(owner, dict) else getattr(owner, name)
        cells = list(self.option)
        _put(owner, name, cells if isinstance(owner, dict) or self.row.table != "二" else _value(self.row, cells))

    def __exit__(self, *_: object) -> None:
        owner, name = _slot(self.report, self.row)
        _put(owner, name, self.saved)


def _slot(report: Report, row: OpenRow) -> tuple[object, str]:
    """Where the row's figures are held: a dict and its key, or a model and its field."""
    if row.table == "三":
        return report.requests.rows, row.key
    if row.table == "四":
        return report.appeals, "cells"
    if report.disclosure.trial is not None:
        return report.disclosure.trial.rows, row.key
    return report.disclosure, next(r.key for r in TWO.rows if r.label == row.key)


def _value(row: OpenRow, cells: list[Figure]) -> object:
    """A 2021 table 二 row's figures as its field holds them: a list, one figure, or the fee as an amount."""
    if row.key not in SINGLE:
        return cells
    return fee_amount(cells[0]) if SINGLE[row.key] else cells[0]


def _put(owner: object, name: str, value: object) -> None:
    if isinstance(owner, dict):
        owner[name] = value
    else:
        setattr(owner, name, value)


def _columns(report: Report, rows: list[OpenRow]) -> Iterator[Finding]:
    """T3-COL and T3-BAL in the columns where no combination of the open rows' readings adds up.

    Each open row may take any of its readings in each column independently: a wider set than the
    combinations, so a column judged so fails in every combination.
    """
    table = report.requests
    options = {row.key: row.options for row in rows}
    layout = THREE.layout(table.rows)
    results = [r.key for r in layout if r.is_result]

    def values(key: str, column: int) -> set[int] | None:
        if key in options:
            cells = {o[column] for o in options[key]}
        else:
            cells = {table.value(key, column)}
        if None in cells:
            return None
        return {c if isinstance(c, int) else 0 for c in cells}

    def total(keys: list[str], column: int) -> set[int] | None:
        sums = {0}
        for key in keys:
            cells = values(key, column)
            if cells is None:
                return None
            sums = {s + c for s in sums for c in cells}
            if len(sums) > MAX_SUMS:
                return None
        return sums

    failing: dict[str, set[int]] = {"T3-COL": set(), "T3-BAL": set()}
    for column in range(THREE.width):
        parts, stated = total(results, column), values("total", column)
        if parts is not None and stated is not None and not parts & stated:
            failing["T3-COL"].add(column)
        received, handled = total(["new", "carry_in"], column), total(["total", "carry_out"], column)
        if received is not None and handled is not None and not received & handled:
            failing["T3-BAL"].add(column)
    if not any(failing.values()):
        return
    saved = {row.key: table.rows.get(row.key) for row in rows}
    for row in rows:
        table.rows[row.key] = list(row.options[0])
    try:
        names = {f"表三 列[{THREE.columns[c]}]": rule for rule, columns in failing.items() for c in columns}
        for finding in (*requests.check_columns(report), *requests.check_balance(report)):
            if names.get(finding.where) == finding.rule:
                yield finding
    finally:
        for key, cells in saved.items():
            if cells is None:
                table.rows.pop(key, None)
            else:
                table.rows[key] = cells
