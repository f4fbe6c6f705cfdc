"""Provides `draft_from_previous`: this year's draft started from last year's report."""

from __future__ import annotations

from .drafts import Draft, InterviewState
from .meta import Contact, Meta
from .report import Report

CARRIED = ("meta.body", "meta.level", "meta.year", "meta.department", "meta.phone", "meta.email",
           "meta.address", "meta.postcode", "meta.fee_decimals", "meta.preface", "t3.carry_in")
"""Questions answered from last year's report, each to be confirmed by the clerk."""


def draft_from_previous(previous: Report) -> Draft:
    """A new draft for the year after `previous`.

    Body, level, contact and preface are carried over, 上年结转 is set from last year's 结转下年度, and
    last year's report stays attached for the cross-year checks.
    """
    old = previous.meta
    year = old.year + 1 if old.year is not None else None
    preface = old.preface
    if preface and old.year is not None and year is not None:
        preface = preface.replace(f"{old.year}年", f"{year}年")
    report = Report(meta=Meta(body=old.body, level=old.level, year=year, preface=preface,
                              contact=Contact.model_validate(old.contact.model_dump()),
                              fee_decimals=old.fee_decimals))
    carry_out = previous.requests.applicants("carry_out")
    carried = set(CARRIED)
    if None not in carry_out and all(isinstance(v, int) for v in carry_out):
        report.requests.set_row("carry_in", [int(v or 0) for v in carry_out])
    else:
        carried.discard("t3.carry_in")
    if old.fee_decimals is None:
        carried.discard("meta.fee_decimals")
    return Draft(report=report, interview=InterviewState(previous=previous, carried=carried))

