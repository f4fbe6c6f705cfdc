"""Provides what the reader tests share: the county bureau's report as published text, reading it, editing it."""

from __future__ import annotations

from datetime import date

from sections.model.findings import Finding
from sections.output.rendering import render
from sections.reading.reader import Reading, read_text
from sections.reading.structure import check_imported
from sections.store.drafts import load_draft

from .conftest import SAMPLES

TODAY = date(2026, 11, 29)
COUNTY = SAMPLES / "county-bureau-2025.json"
BAIBI = SAMPLES / "baibi-2021.json"


def county_report() -> str:
    """The county bureau's 2025 report as published text (tables as tab-separated rows)."""
    return render(load_draft(COUNTY).report, "txt")


def read(text: str) -> tuple[Reading, list[Finding]]:
    """A report read from text, and every finding the import check reports."""
    reading = read_text(text)
    return reading, check_imported(reading, today=TODAY)


def places(findings: list[Finding], rule: str) -> list[str]:
    """Where a rule fired."""
    return [f.where for f in findings if f.rule == rule]


def edited(text: str, old: str, new: str) -> str:
    """The text with one passage replaced (the passage must be there)."""
    assert old in text, old
    return text.replace(old, new, 1)
