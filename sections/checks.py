"""Provides `check(report)`: every consistency rule of FORMAT.md §7 that a single report can fail."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial

from . import appeals, disclosure, improvements, meta, other, overview, requests
from .findings import Finding, Rule
from .report import Report

RULES: tuple[Rule, ...] = (
    *disclosure.RULES,
    *requests.RULES,
    *appeals.RULES,
    *overview.RULES,
    *improvements.RULES,
    *other.RULES,
)
"""Every rule that depends on nothing but the report, in the order of the report's sections."""


def check(report: Report, today: date | None = None) -> list[Finding]:
    """All findings for a report; rules skip unanswered figures, so a partial draft is not a wrong one."""
    rules: Iterable[Rule] = (*RULES, partial(meta.check_deadline, today=today))
    return [finding for rule in rules for finding in rule(report)]
