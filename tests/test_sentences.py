"""The sentence reader, table-driven over `sentence_cases`: the figures each sentence places, and what it refuses."""

from __future__ import annotations

import pytest

from sections.reading.stated import Reading, read_sentence

from .sentence_cases import NOT_SENTENCES, REFUSED, TAKEN, Figures, six


def figures(reading: Reading) -> Figures:
    """What a reading placed, flattened for comparison."""
    found: Figures = {}
    for (key, column), value in sorted(reading.two.items()):
        if key in ("rules", "normative"):
            row = found.setdefault(f"二.{key}", [None, None, None])
            assert isinstance(row, list)
            row[column] = value
        else:
            found[f"二.{key}"] = value
    found.update({f"三.{k}": v for k, v in reading.three.items()})
    found.update({f"三计.{k}": v for k, v in reading.three_totals.items()})
    if reading.rest_zero:
        found["其余"] = 0
    found.update({f"四.{g}": v for g, v in reading.four.items()})
    found.update({f"四计.{g}": v for g, v in reading.four_totals.items()})
    return found


@pytest.mark.parametrize(("sentence", "expected"), TAKEN, ids=[s for s, _ in TAKEN])
def test_sentence_is_taken_whole(sentence: str, expected: Figures) -> None:
    """Every figure the sentence states is placed, and nothing in it is refused."""
    reading = read_sentence(sentence)
    assert figures(reading) == expected
    assert reading.refused == []


@pytest.mark.parametrize(("sentence", "expected"), REFUSED, ids=[s for s, _ in REFUSED])
def test_sentence_is_refused_or_taken_in_part(sentence: str, expected: Figures) -> None:
    """A vague count, figures that do not add up or a figure with no place is refused and said; the rest is taken."""
    reading = read_sentence(sentence)
    assert reading.refused, "the refusal must be said"
    assert figures(reading) == expected


@pytest.mark.parametrize("text", NOT_SENTENCES)
def test_fixed_syntax_is_not_a_sentence(text: str) -> None:
    """What the fixed syntaxes take is left to them: the reader finds nothing in it."""
    assert not read_sentence(text).understood


def test_enough_sentences() -> None:
    """At least 150 sentences, 60 of them refused in whole or in part."""
    assert len(TAKEN) + len(REFUSED) >= 150 and len(REFUSED) >= 60


def test_no_rules_body_gets_zero_rules_when_table_two_is_stated() -> None:
    """A body without rule-making power: a sentence about table 二 leaving out 规章 records 0 0 0 and says so."""
    reading = read_sentence("许可5件，处罚7件，强制1件，没有收费", no_rules=True)
    assert figures(reading)["二.rules"] == [0, 0, 0]
    assert any("规章" in note for note in reading.notes)
    assert "二.rules" not in figures(read_sentence("收到3件，都是个人申请，都公开了", no_rules=True))


def test_a_bare_applicant_count_belongs_to_the_open_row() -> None:
    """At the 上年结转 question, 「个人2件，企业1件」 is that row."""
    assert figures(read_sentence("个人2件，企业1件", row="carry_in")) == {"三.carry_in": six(2, 1)}
