"""Provides tests of the views the rules share during one check, and of the words that let N1 skip a sentence."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sections.model.report import Report
from sections.model.vocabulary import APPLICATION_PATTERNS
from sections.reading.reader import read_report
from sections.rules.meta import check_deadline
from sections.rules.narrative import STATED_BY
from sections.rules.passages import passages
from sections.rules.registry import RULES, check
from sections.rules.shared import checking, shared

from .conftest import CORPUS
from .test_narrative import FLAGGED, NOT_FLAGGED

TODAY = date(2026, 1, 15)


def test_a_view_is_worked_out_once_while_the_report_is_checked(county: Report) -> None:
    """During a check every rule asking for the same view gets the one worked out first."""
    calls: list[Report] = []

    def view(report: Report) -> int:
        calls.append(report)
        return len(calls)

    with checking(county):
        assert [shared(view, county) for _ in range(3)] == [1, 1, 1]
    assert calls == [county]


def test_a_view_is_worked_out_afresh_outside_a_check_or_for_another_report(county: Report, baibi: Report) -> None:
    """A rule run alone, or on last year's report during a check, sees the report as it is now."""
    calls: list[Report] = []

    def view(report: Report) -> int:
        calls.append(report)
        return len(calls)

    assert [shared(view, county) for _ in range(2)] == [1, 2]
    with checking(county):
        assert [shared(view, baibi) for _ in range(2)] == [3, 4]
    assert shared(view, county) == 5


def _readings() -> list[Report]:
    paths = sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.md")])
    return [read_report(p).report for p in paths if p.name != "README.md"]


@pytest.mark.parametrize("report", _readings(), ids=lambda r: f"{r.meta.body}-{r.meta.year}")
def test_check_finds_what_each_rule_finds_alone(report: Report) -> None:
    """Sharing views changes nothing: the check's findings are each rule's own, in the registry's order."""
    alone = [f for rule in RULES for f in rule(report)] + list(check_deadline(report, TODAY))
    assert check(report, TODAY) == alone


def test_check_after_a_change_sees_the_change(county: Report) -> None:
    """A view is not kept from one check to the next: a negative count typed in is found at once."""
    assert not [f for f in check(county, TODAY) if f.rule == "C2"]
    county.requests.rows["new"][0] = -1
    negative = [f.where for f in check(county, TODAY) if f.rule == "C2"]
    assert negative == ["表三 行[一、本年新收政府信息公开申请数量] 列[自然人]"]


@pytest.mark.parametrize("report", _readings(), ids=lambda r: f"{r.meta.body}-{r.meta.year}")
def test_every_statement_of_a_kind_holds_one_of_its_words(report: Report) -> None:
    """N1 passes over a sentence without any word of a kind (STATED_BY): no statement of that kind is missed."""
    for passage in passages(report):
        for sentence in passage.sentences():
            for kind, pattern, _ in APPLICATION_PATTERNS:
                if re.search(pattern, sentence):
                    assert any(word in sentence for word in STATED_BY[kind]), (kind, sentence)


@pytest.mark.parametrize("sentence", [s for _, s, _ in FLAGGED] + NOT_FLAGGED)
def test_every_statement_in_the_narrative_cases_holds_one_of_its_words(sentence: str) -> None:
    """The phrasings N1 is tested on hold a word of each kind they state."""
    for kind, pattern, _ in APPLICATION_PATTERNS:
        if re.search(pattern, sentence):
            assert any(word in sentence for word in STATED_BY[kind]), (kind, sentence)
