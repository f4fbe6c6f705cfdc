"""Provides the matching of a table's rows of figures to the official rows: by printed label, then by order.

Labels are compared normalised (width, white space) and tolerantly (misspellings, lines broken inside a
label). Figure rows printed apart from their labels (a PDF that put the labels in one block and the
figures in another) are matched by their order alone, and only where the number of rows leaves no choice.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import add

from sections.reading.rows import Row
from sections.reading.text import squash
from sections.reading.title import fuzzy_prefix

AFTER = 0.95
"""A label printed after a row's figures counts a little less than one printed before them."""
MIN_SCORE = 0.45


@lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    """The pairs of neighbouring characters: a cheap fingerprint for comparing labels."""
    return frozenset(map(add, text, text[1:])) or frozenset({text})  # each character joined to the next


@cache
def _official(label: str) -> tuple[str, frozenset[str]]:
    flat = squash(label)
    return flat, bigrams(flat)


def official_flat(label: str) -> str:
    """An official label (or column heading) as compared, squashed once for all reports."""
    return _official(label)[0]


def label_scores(found: list[Row], labels: Sequence[str], ignore: Sequence[str] = ()) -> list[list[float]]:
    """How well the text printed around each row matches each official label (0 … 1).

    A label may stand on the row's own line, or start on the lines before it (figures on its last line),
    or go on after it (figures on its first line): the text between two rows may belong to either, and
    the order of the rows decides. Headings of groups of rows (`ignore`) are no row's label. A row of
    figures alone that follows another such row has no label: the text before them is a block of labels
    printed apart from their figures, and says nothing about which row is which.
    """
    flats = [_official(label) for label in labels]
    endings = _endings(tuple(labels))
    apart = _apart(found)
    cleaned = [_without(squash(r.before), ignore) for r in found] + [""]
    matrix = []
    for number, row in enumerate(found):
        if number in apart:
            matrix.append([0.0] * len(flats))
            continue
        own = _without(squash(row.line_label), ignore)
        lead = cleaned[number] + own
        hit = next((n for flat, n in endings.get(lead[-1:], ()) if lead.endswith(flat)), None)
        if hit is not None:
            matrix.append([0.0] * len(flats))
            matrix[-1][hit] = 1.0
            continue
        trail = own + cleaned[number + 1]
        own_pairs = bigrams(own) if own else frozenset()
        fragment = 0.9 / len(own_pairs) if len(own) >= 6 else 0.0
        scores = []
        for flat, wanted in flats:
            on_line = len(wanted & own_pairs)
            before = len(wanted & bigrams(lead[-len(flat) - 8 :])) / len(wanted)
            after = len(wanted & bigrams(trail[: len(flat) + 4])) / len(wanted)
            scores.append(max(before, AFTER * after, on_line * fragment))
        matrix.append(scores)
    return matrix


@cache
def _endings(labels: tuple[str, ...]) -> dict[str, list[tuple[str, int]]]:
    """Last character → the official labels (squashed) ending in it with their index, longest first.

    The longest label a row's text ends with is its label exactly (of equal labels, the last one's index).
    """
    flats = {_official(label)[0]: n for n, label in enumerate(labels)}
    endings: dict[str, list[tuple[str, int]]] = {}
    for flat, n in sorted(flats.items(), key=lambda item: -len(item[0])):
        endings.setdefault(flat[-1], []).append((flat, n))
    return endings


def _without(text: str, headings: Sequence[str]) -> str:
    if not text:
        return text  # most rows print no text before their own line
    for heading in headings:
        if heading in text:
            text = text.replace(heading, "")
    return text


def _apart(found: list[Row]) -> set[int]:
    """The rows printed as figures alone, two or more in a row: their labels were printed apart."""
    apart: set[int] = set()
    run: list[int] = []
    for number, row in enumerate(found + [Row([], "x", "x", False)]):
        if not row.own_line and (not run or not row.label):
            run.append(number)
            continue
        if len(run) > 1:
            apart.update(run)
        run = [] if row.own_line else [number]
    return apart


def align(
    score: list[list[float]], fits: list[list[bool]], filled: list[bool], *, ordered: bool = True
) -> dict[int, int]:
    """Official row → found row: labelled rows first, then the rows between them that have no label.

    Labelled rows are matched keeping the official order (`ordered`; table 二 prints its blocks in any
    order, so there each label takes its best row). Rows whose label matches no official row (printed
    apart from their labels) are given, in order, to the official rows left between their labelled
    neighbours, but only when there are exactly as many of them as such official rows and each row's
    cells fit its official row; otherwise they are given to none. A row of blank cells only (`filled`
    False) is taken by its label alone.
    """
    mapping = _ordered(score, fits) if ordered else _greedy(score, fits)
    rows_n, layout_n = len(score), len(score[0]) if score else 0
    anchors = sorted((i, j) for j, i in mapping.items())
    bounds = [(-1, -1), *anchors, (rows_n, layout_n)]
    taken = set(mapping)
    for (row_a, official_a), (row_b, official_b) in zip(bounds, bounds[1:], strict=False):
        if row_b - row_a < 2:
            continue  # neighbouring rows: none between them
        loose = [i for i in range(row_a + 1, row_b) if filled[i] and _unlabelled(score[i], taken)]
        officials = [j for j in range(official_a + 1, official_b) if j not in taken]
        if loose and len(loose) == len(officials) and all(fits[i][j] for i, j in zip(loose, officials, strict=True)):
            mapping.update(zip(officials, loose, strict=True))
    return mapping


def _unlabelled(scores: list[float], taken: set[int]) -> bool:
    """Whether a row left out by the labels has no label of its own.

    None matches, or the one that matches best is another row's (text run on from the row above, say).
    """
    best = max(scores, default=0.0)
    return best < MIN_SCORE or scores.index(best) in taken


def _ordered(score: list[list[float]], fits: list[list[bool]]) -> dict[int, int]:
    """The order-keeping match of rows to official rows with the best total label score."""
    rows_n, layout_n = len(score), len(score[0]) if score else 0
    exact = [s.index(1.0) if s.count(1.0) == 1 and sum(s) == 1.0 else -1 for s in score]
    if -1 not in exact and exact == sorted(set(exact)) and all(fits[i][j] for i, j in enumerate(exact)):
        return {j: i for i, j in enumerate(exact)}  # every row labelled exactly, in order
    table = [[0.0] * (layout_n + 1)]
    for row_scores, row_fits, hit in zip(score, fits, exact, strict=True):
        # best[j] = max(above[j], best[j - 1], above[j - 1] + pair): a running maximum over the row above
        # raised by the pairs taken. A row labelled exactly has one pair; only the others are scanned.
        above = table[-1]
        best = above.copy()
        pairs = [(hit, 1.0)] if hit >= 0 else enumerate(row_scores)
        for j, pair in pairs:
            if pair >= MIN_SCORE and row_fits[j] and above[j] + pair > above[j + 1]:
                _raise(best, j + 1, above[j] + pair)
        table.append(best)
    mapping: dict[int, int] = {}
    i, j = rows_n, layout_n
    while i and j:
        if table[i][j] == table[i - 1][j]:
            i -= 1
        elif table[i][j] == table[i][j - 1]:
            j -= 1
        else:
            mapping[j - 1] = i - 1
            i, j = i - 1, j - 1
    return mapping


def _raise(best: list[float], start: int, value: float) -> None:
    """Raise a non-decreasing row of totals to at least `value` from `start` on (it stays non-decreasing)."""
    if value > best[start]:
        stop = bisect_left(best, value, start)
        best[start:stop] = [value] * (stop - start)


def _greedy(score: list[list[float]], fits: list[list[bool]]) -> dict[int, int]:
    """Each official row the row that matches its label best (0.6 or more), each row used once."""
    pairs = sorted(
        ((s, -i, j) for i, row in enumerate(score) for j, s in enumerate(row) if s >= 0.6 and fits[i][j]),
        reverse=True,
    )
    mapping: dict[int, int] = {}
    used: set[int] = set()
    for _, negative, j in pairs:
        if j not in mapping and -negative not in used:
            mapping[j] = -negative
            used.add(-negative)
    return mapping


def printed_label(row: Row, official: str) -> str:
    """The row's label as printed, from where it starts to match the official label."""
    for text in (squash(row.line_label), squash(row.label)):
        tail = text[-(len(official) + 8) :]
        if not tail:
            continue
        first = next((i for i, c in enumerate(tail) if c in official[:3]), 0)
        candidate = tail[first:]
        if fuzzy_prefix(official, candidate, lead=2)[0] >= 0.6 or official.find(candidate) >= 0:
            return candidate
    return squash(row.line_label or row.label)[-(len(official) + 8) :]


def deviates(printed: str, official: str, *, fragments_ok: bool) -> bool:
    """Whether a printed label differs in wording (not just width or white space) from the official one.

    A label scrambled by text extraction (far from the official one) is not counted as a deviation.
    """
    if printed == official or (fragments_ok and printed and printed in official):
        return False
    limit = max(3, len(official) // 5)
    return abs(len(printed) - len(official)) <= limit and _near(printed, official, limit)


def _near(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance between a and b is at most `limit` (given up once every path exceeds it)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if min(current) > limit:
            return False  # a row's least distance never falls in the rows after it
        previous = current
    return previous[-1] <= limit
