"""Provides the corpus test of the narrative (N) and cross-year (X) rules on real published reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sections.model.findings import Severity
from sections.model.report import Report
from sections.reading.reader import read_report
from sections.reading.structure import check_imported
from sections.rules.registry import cross_year

from .conftest import CORPUS

EXPECTED = sorted(CORPUS.glob("*.expected.json"))
SOURCES = [
    p
    for e in EXPECTED
    for p in sorted(CORPUS.glob(e.name.replace(".expected.json", ".*")))
    if p.suffix in (".txt", ".md", ".pdf")
]


def _expected(source: Path) -> dict[str, Any]:
    name = source.name.rsplit(".", 1)[0]
    expected: dict[str, Any] = json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))
    return expected


def _report(report_id: str) -> Report:
    source = next(p for p in (CORPUS / f"{report_id}.txt", CORPUS / f"{report_id}.md") if p.exists())
    return read_report(source).report


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_narrative_findings_match_the_corpus(source: Path) -> None:
    """Every N finding the corpus lists is reported at its place; no N error is reported that it does not list."""
    expected = _expected(source)
    listed = {
        (f["rule"], f["where"]) for f in expected["findings"] if f["rule"].startswith("N") and not f["needs_previous"]
    }
    found = [f for f in check_imported(read_report(source)) if f.rule.startswith("N")]
    assert listed <= {(f.rule, f.where) for f in found}
    assert {(f.rule, f.where) for f in found if f.severity is Severity.ERROR} <= listed


CHAINS = [(e.name.split(".")[0], json.loads(e.read_text(encoding="utf-8"))["previous_year_id"]) for e in EXPECTED]
PAIRS = [(this, last) for this, last in CHAINS if last and (CORPUS / f"{last}.expected.json").exists()]


@pytest.mark.parametrize(("this", "last"), PAIRS, ids=[f"{a}-vs-{b}" for a, b in PAIRS])
def test_cross_year_findings_match_the_corpus(this: str, last: str) -> None:
    """With last year's report from the corpus, every listed X finding appears and no unlisted X error does."""
    expected = json.loads((CORPUS / f"{this}.expected.json").read_text(encoding="utf-8"))
    listed = {(f["rule"], f["where"]) for f in expected["findings"] if f["rule"].startswith("X")}
    found = cross_year(_report(this), _report(last))
    assert listed <= {(f.rule, f.where) for f in found}
    assert {(f.rule, f.where) for f in found if f.severity is Severity.ERROR} <= listed


def test_the_pingtan_series_spans_the_format_change() -> None:
    """The pingtan reports 2019→2022 give three cross-year pairs, across the 2019→2021 format change."""
    assert {
        ("pingtan-2020", "pingtan-2019"),
        ("pingtan-2021", "pingtan-2020"),
        ("pingtan-2022", "pingtan-2021"),
    } <= set(PAIRS)
