"""Provides tests of the shortcuts the table reader takes: each gives what the plain computation gives.

The order-keeping match, the edit-distance bound, the note search, the item pattern and the cut search
each skip work; these tests compare them with the plain versions written out here on many small cases.
"""

from __future__ import annotations

import random
from itertools import accumulate

from sections.reading.cells import cuts
from sections.reading.matching import MIN_SCORE, _near, _ordered, label_scores
from sections.reading.rows import Row, rows


def _plain_ordered(score: list[list[float]], fits: list[list[bool]]) -> dict[int, int]:
    """The order-keeping match as a full table of running maxima (the reference)."""
    layout_n = len(score[0]) if score else 0
    table = [[0.0] * (layout_n + 1)]
    for row_scores, row_fits in zip(score, fits, strict=True):
        above = table[-1]
        best = above.copy()
        for j, pair in enumerate(row_scores):
            if pair >= MIN_SCORE and row_fits[j] and above[j] + pair > best[j + 1]:
                best[j + 1] = above[j] + pair
        table.append(list(accumulate(best, max)))
    mapping: dict[int, int] = {}
    i, j = len(score), layout_n
    while i and j:
        if table[i][j] == table[i - 1][j]:
            i -= 1
        elif table[i][j] == table[i][j - 1]:
            j -= 1
        else:
            mapping[j - 1] = i - 1
            i, j = i - 1, j - 1
    return mapping


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def test_the_order_keeping_match_is_the_full_tables() -> None:
    """Scanning only an exactly labelled row's pair and raising by bisection gives the full table's match."""
    chance = random.Random(7)
    values = [0.0, 1.0, 0.5, 0.45, 0.44, 0.3, 0.9, 0.95, 0.6, 1 / 3, 2 / 3]
    for _ in range(3000):
        rows_n, layout_n = chance.randint(1, 7), chance.randint(1, 7)
        score = []
        for _ in range(rows_n):
            row = [0.0] * layout_n
            if chance.random() < 0.5:
                row[chance.randrange(layout_n)] = 1.0  # a row labelled exactly
            else:
                row = [chance.choice(values) for _ in range(layout_n)]
            score.append(row)
        fits = [[chance.random() < 0.85 for _ in range(layout_n)] for _ in range(rows_n)]
        assert _ordered(score, fits) == _plain_ordered(score, fits)


def test_the_distance_bound_agrees_with_the_distance() -> None:
    """Giving up once every path exceeds the limit answers as the whole edit distance does."""
    chance = random.Random(11)
    for _ in range(5000):
        a = "".join(chance.choice("甲乙丙丁") for _ in range(chance.randint(0, 9)))
        b = "".join(chance.choice("甲乙丙丁") for _ in range(chance.randint(0, 9)))
        limit = chance.randint(0, 5)
        assert _near(a, b, limit) == (_distance(a, b) <= limit)


def test_an_exact_label_is_the_longest_one_the_text_ends_with() -> None:
    """A row whose text ends with two official labels is the longer one's, exactly."""
    found = [
        Row(["1"], "其他3.其他", "3.其他", False),
        Row(["2"], "2.其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", False),
    ]
    scores = label_scores(found, ["3.其他", "其他", "2.其他法律行政法规禁止公开"])
    assert scores == [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]


def test_notes_are_found_only_after_a_bracket_that_opens_one() -> None:
    """Notes are kept with their figure; brackets that open no note leave the figures alone."""
    noted = rows("规章 16（其中修订3件） 2\n行政许可 6 (含2件)")
    assert [(r.tokens, r.notes) for r in noted] == [(["16", "2"], {0: "（其中修订3件）"}), (["6"], {0: "(含2件)"})]
    plain = rows("（一）予以公开 5 0 (本列) 7")
    assert [r.tokens for r in plain] == [["5", "0"], ["7"]] and not any(r.notes for r in plain)


def test_cuts_inside_a_run_that_cannot_be_finished_are_not_tried() -> None:
    """Skipping cuts that leave too few or too many digits still gives every reading, in order."""
    # Three cells from seven digits: every split with no cell starting with 0 unless it is 0.
    expected = [
        (int(d[:i]), int(d[i:j]), int(d[j:])) for d in ["8855698"] for i in range(1, 6) for j in range(i + 1, 7)
    ]
    assert cuts(("8855698",), 3) == expected
    assert cuts(("80", "5"), 3) == [(8, 0, 5)]
    assert cuts(("123",), 4) == []
