"""Provides `check(report)`: every consistency rule of FORMAT.md §7 that a single report can fail."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import TypeAlias

from sections.model.findings import Finding
from sections.model.report import Report

from . import appeals, crossyear, disclosure, improvements, meta, narrative, other, overview, repetition, requests
from .shared import checking

Rule: TypeAlias = Callable[[Report], Iterable[Finding]]
"""A rule that needs nothing but the report: it returns (or yields) its findings."""

RULES: tuple[Rule, ...] = (
    *disclosure.RULES,
    *requests.RULES,
    *appeals.RULES,
    *overview.RULES,
    *improvements.RULES,
    *other.RULES,
    *narrative.RULES,
)
"""Every rule that depends on nothing but the report, in the order of the report's sections."""


def check(
    report: Report, today: date | None = None, previous: Report | None = None, *, level_stated: bool = False
) -> list[Finding]:
    """All findings for a report; rules skip unanswered figures, so a partial draft is not a wrong one.

    With `previous` (last year's report of the same body) the cross-year rules X1–X5 run too. With
    `level_stated` (the clerk gave the body's level, not a guess from a published report) T2-RULES is an error.
    """
    rules: Iterable[Rule] = (*RULES, partial(meta.check_deadline, today=today))
    with checking(report):
        findings = [finding for rule in rules for finding in rule(report)]
    if level_stated:
        findings = [disclosure.as_stated(f) if f.rule == "T2-RULES" else f for f in findings]
    return findings + cross_year(report, previous) if previous is not None else findings


def cross_year(report: Report, previous: Report) -> list[Finding]:
    """The findings of X1–X5: this year's report against last year's."""
    return [finding for rule in (*crossyear.RULES, *repetition.RULES) for finding in rule(report, previous)]
