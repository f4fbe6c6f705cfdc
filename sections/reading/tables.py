"""Provides the figures of tables 二、三、四 read from a section's text, with what could not be read.

Rows are matched to the official rows by their printed labels (normalised, tolerant of misspellings and
broken lines), in the official order. Figure rows printed apart from their labels (a PDF that put the
labels in one block and the figures in another) are matched by their order alone, and only where the
number of rows leaves no choice. A label that differs from the official wording is recorded for L1.
Cells keep their columns where the text separates them (checked against the table's header); a figure
that is not proven is left blank, and the readings it could have are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from itertools import product
from math import prod

from sections.model.findings import Figure
from sections.model.labels import Table3Row
from sections.model.requests import row_name
from sections.model.tables import FOUR, THREE, TWO, TWO_2019
from sections.reading.cells import Cells, Groups, RowRead, figure, read_cells
from sections.reading.rows import Row, normalise, rows
from sections.reading.text import squash
from sections.reading.title import fuzzy_prefix

T3_WIDTH, T4_WIDTH = THREE.width, FOUR.width
T3_GROUPS: Groups = (T3_WIDTH,)
T4_GROUPS: Groups = (FOUR.group_width,) * len(FOUR.groups)
T4_HEADER = (FOUR.review, FOUR.litigation, *FOUR.columns)
"""Words of table 四's header: figures before any of them are not the table."""
T2_2019_MARKS = tuple(
    dict.fromkeys(
        label
        for block in TWO_2019.blocks
        for label in block.columns[1:] + block.rows
        if not any(label in known for b in TWO.blocks for known in b.columns + b.rows)
    )
)
"""Column and row labels only the 2019 试行 table 二 prints (本年新制作数量, 政府集中采购 …)."""
COLUMN_WORDS: tuple[tuple[str, ...], ...] = (
    ("新制", "制发", "出台", "印发"),
    ("失效", "废止", "清理", "修订", "修改", "撤销"),
    ("现行", "有效"),
)
"""Words in a figure's printed annotation that tell which of 制发/废止/现行有效 it belongs to."""
T3_HEADINGS = tuple(squash(h) for h in (THREE.result_heading, *THREE.group_headings.values()))
"""Headings over groups of table 三's rows (merged cells): no row's label. （六）其他处理 is the label of
2019's single row too: that row is placed by its neighbours (the one row between 5.要求… and （七）总计)."""
AFTER = 0.95
"""A label printed after a row's figures counts a little less than one printed before them."""
CHANGE_COLUMN = TWO_2019.blocks[1].columns[2]
"""本年增/减: the only column of 2019's table 二 that prints a sign."""
MIN_SCORE = 0.45
MAX_ROWS = 200
"""Rows of figures considered per table: a real table has a few dozen; the cap bounds the work."""
MAX_COMBINATIONS = 20_000


@dataclass
class Label:
    """A printed row label that differs from the official wording (L1)."""

    where: str
    printed: str
    official: str


@dataclass
class TableRead:
    """What was read of one table."""

    cells: dict[str, list[Figure]] = field(default_factory=dict)
    """Row key (or table 二 row label) → cells; None where a figure could not be read."""
    unread: list[tuple[str, str]] = field(default_factory=list)
    """(row key or label, why) for rows whose figures stay open."""
    labels: list[Label] = field(default_factory=list)
    notes: list[tuple[str, str, str]] = field(default_factory=list)
    """(row label, column, annotation) for figures printed with a note inside the cell."""
    rows: int = 0
    """How many rows the table has in the layout it was read in."""
    shifted: list[str] = field(default_factory=list)
    """Rows read with a cell lost or added by the layout, the same in every place it could be."""
    run_together: bool = False
    layout: tuple[Table3Row, ...] = THREE.rows
    options: dict[str, list[Cells]] = field(default_factory=dict)
    """Row key → the readings an open row could have (to report a finding every one of them gives)."""
    unsummed: list[tuple[str, int, str]] = field(default_factory=list)
    """(row key, group, digits as printed) for runs of digits that no cut makes add up."""


@lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    """The pairs of neighbouring characters: a cheap fingerprint for comparing labels."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) or frozenset({text})


@cache
def _official(label: str) -> tuple[str, frozenset[str]]:
    flat = squash(label)
    return flat, bigrams(flat)


def label_scores(found: list[Row], labels: Sequence[str], ignore: Sequence[str] = ()) -> list[list[float]]:
    """How well the text printed around each row matches each official label (0 … 1).

    A label may stand on the row's own line, or start on the lines before it (figures on its last line),
    or go on after it (figures on its first line): the text between two rows may belong to either, and
    the order of the rows decides. Headings of groups of rows (`ignore`) are no row's label. A row of
    figures alone that follows another such row has no label: the text before them is a block of labels
    printed apart from their figures, and says nothing about which row is which.
    """
    flats = [_official(label) for label in labels]
    exact, sizes = _exact(tuple(labels))
    apart = _apart(found)
    cleaned = [_without(squash(r.before), ignore) for r in found] + [""]
    matrix = []
    for number, row in enumerate(found):
        if number in apart:
            matrix.append([0.0] * len(flats))
            continue
        own = _without(squash(row.line_label), ignore)
        lead = cleaned[number] + own
        hit = next((exact[lead[-size:]] for size in sizes if lead[-size:] in exact), None)
        if hit is not None:
            matrix.append([1.0 if n == hit else 0.0 for n in range(len(flats))])
            continue
        trail = own + cleaned[number + 1]
        own_pairs = bigrams(own) if own else frozenset()
        fragment = 0.9 / len(own_pairs) if len(own) >= 6 else 0.0
        scores = []
        for flat, wanted in flats:
            if lead.endswith(flat):
                scores.append(1.0)
                continue
            on_line = len(wanted & own_pairs)
            before = len(wanted & bigrams(lead[-len(flat) - 8 :])) / len(wanted)
            after = len(wanted & bigrams(trail[: len(flat) + 4])) / len(wanted)
            scores.append(max(before, AFTER * after, on_line * fragment))
        matrix.append(scores)
    return matrix


@cache
def _exact(labels: tuple[str, ...]) -> tuple[dict[str, int], tuple[int, ...]]:
    """Each official label as compared (squashed) → its index, and their lengths, longest first."""
    flats = {_official(label)[0]: n for n, label in enumerate(labels)}
    return flats, tuple(sorted({len(f) for f in flats}, reverse=True))


def _without(text: str, headings: Sequence[str]) -> str:
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
    for i in range(rows_n):
        above, row_scores, row_fits = table[-1], score[i], fits[i]
        current = [0.0] * (layout_n + 1)
        for j in range(1, layout_n + 1):
            value = above[j] if above[j] > current[j - 1] else current[j - 1]
            pair = row_scores[j - 1]
            if pair >= MIN_SCORE and row_fits[j - 1] and above[j - 1] + pair > value:
                value = above[j - 1] + pair
            current[j] = value
        table.append(current)
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
    return abs(len(printed) - len(official)) <= limit and _distance(printed, official) <= limit


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def is_2019_table2(text: str) -> bool:
    """Whether table 二 is printed in the 2019 试行 layout (its own columns and rows)."""
    flat = re.sub(r"\s+", "", text)
    return sum(mark in flat for mark in T2_2019_MARKS) >= 2


# --- cells in their places ----------------------------------------------------------------------------


def windows(tokens: Sequence[str], width: int) -> list[int]:
    """Where `width` cells can start in a delimited row's cells so that every cell left out is blank."""
    return [
        start
        for start in range(len(tokens) - width + 1)
        if not any(tokens[:start]) and not any(tokens[start + width :])
    ]


def _delimited_lines(text: str) -> list[list[str]]:
    """The cells (squashed) of every tab- or 「|」-separated line of a table's text."""
    return [
        [squash(c) for c in (line.split("\t") if "\t" in line else line.strip().strip("|").split("|"))]
        for line in normalise(text).split("\n")
        if "\t" in line or line.count("|") >= 2
    ]


def header_columns(lines: list[list[str]], first: str, last: str, width: int) -> int | None:
    """The cell index of the first figure column, from a delimited header line naming the first and last."""
    for cells in lines:
        if first in cells:
            start = cells.index(first)
            if cells[start + width - 1 : start + width] == [last]:
                return start
    return None


def anchored(row: Row, start: int, width: int) -> int | None:
    """Where the row's cells start among its tokens when they stand under the header's columns.

    The label must end before the first figure column, and no cell after the last may hold anything.
    """
    offset = start - row.start
    if offset < 0 or len(row.tokens) < offset + width or any(row.tokens[:offset]) or any(row.cells[start + width :]):
        return None
    return offset


def positions(found: dict[int, Row], width: int, start: int | None) -> dict[int, int]:
    """Row number → where its cells start among its tokens, when every delimited row keeps its columns.

    With a header (`start`, the index of the first figure column) a row's figures stand under it (labels
    before, nothing after), or the row has exactly as many cells after its label as the table has
    columns. If a row's label stands in a figure column, the header does not fit the rows; then every
    row must leave exactly one place for its cells, the same in every row (a table whose rows shifted
    against each other, as when merged label cells push some rows' figures one column on, is read by
    none), as without a header.
    """
    delimited = {n: r for n, r in found.items() if r.delimited}
    if not delimited:
        return {}
    placed: dict[int, int] = {}
    if start is not None and all(row.start <= start for row in delimited.values()):
        for number, row in delimited.items():
            offset = anchored(row, start, width)
            if offset is None and len(row.tokens) == width:
                offset = 0  # a row with fewer label cells than the header, its cells exactly the figures
            if offset is not None:
                placed[number] = offset
        return placed
    shapes = set()
    for number, row in delimited.items():
        options = windows(row.tokens, width)
        if len(options) != 1:
            return {}
        shapes.add((options[0], len(row.tokens)))
        placed[number] = options[0]
    return placed if len(shapes) == 1 else {}


def _read_row(
    row: Row,
    width: int,
    groups: Groups,
    offset: int | None,
    *,
    run_together: bool,
    signed: int | None = None,
    seen: dict[tuple[str, ...], RowRead] | None = None,
) -> RowRead:
    """A row's cells: by position when its cells keep their columns, else from its printed figures.

    `seen`: rows of the same table already read from the same figures (a table of zeros reads once).
    """
    if offset is not None:
        cells = tuple(figure(c) for c in row.tokens[offset : offset + width])
        return RowRead(list(cells), [cells])
    figures = tuple(row.figures)
    if seen is not None and figures in seen:
        known = seen[figures]
        return RowRead(list(known.cells), known.options, known.how, list(known.unsummed))
    read = read_cells(figures, width, groups, run_together=run_together, signed=signed)
    if seen is not None:
        seen[figures] = read
    return read


# --- table 二 ------------------------------------------------------------------------------------------


def read_table2(text: str, *, trial: bool, run_together: bool) -> TableRead:
    """Table 二: each official row found by its label; figures after it, orphans placed by their notes."""
    wanted = (TWO_2019 if trial else TWO).rows
    found = rows(text, MAX_ROWS)
    result = TableRead(run_together=run_together, rows=len(wanted))
    matrix = label_scores(found, [row.label for row in wanted])
    fits = [[_fits(r, len(w.columns), run_together) for w in wanted] for r in found]
    chosen = align(matrix, fits, [bool(r.figures) for r in found], ordered=False)
    used = set(chosen.values())
    orphans = [r for i, r in enumerate(found) if i not in used and len(r.figures) == 1 and r.notes]
    lines = _delimited_lines(text)
    heads = {
        block.columns[1]: header_columns(
            lines, squash(block.columns[1]), squash(block.columns[-1]), len(block.columns) - 1
        )
        for block in (TWO_2019 if trial else TWO).blocks
    }
    short: list[tuple[str, list[Figure], tuple[str, ...]]] = []
    for n, official in enumerate(wanted):
        if n not in chosen:
            continue
        label, columns = official.label, official.columns
        row = found[chosen[n]]
        printed = printed_label(row, squash(label))
        if row.own_line and deviates(printed, squash(label), fragments_ok=False):
            result.labels.append(Label(f"表二 {label}", printed, label))
        head = heads.get(columns[0])
        at = anchored(row, head, len(columns)) if head is not None and row.delimited else None
        at = _window(row, len(columns)) if at is None else at
        if at is None and orphans and len(row.figures) == len(columns) - 1 and not run_together:
            short.append((label, [figure(t) for t in row.figures], columns))
            continue
        signed = columns.index(CHANGE_COLUMN) if CHANGE_COLUMN in columns else None
        read = _read_row(row, len(columns), (), at, run_together=run_together, signed=signed)
        result.cells[label] = read.cells
        for index, note in row.notes.items():
            result.notes.append((label, columns[max(0, min(index - (at or 0), len(columns) - 1))], note))
        if read.open:
            result.unread.append((label, _why(row, len(columns))))
            if read.options:
                result.options[label] = read.options
    _place_orphans(result, short, orphans, trial)
    return result


def _fits(row: Row, width: int, run_together: bool) -> bool:
    """Whether a row's cells could be the cells of an official row `width` wide."""
    count = len(row.figures)
    if row.delimited:
        return bool(windows(row.tokens, width)) or count <= width
    return count == width or (run_together and count < width) or abs(count - width) <= 1


def _window(row: Row, width: int) -> int | None:
    """Where a delimited row's cells start among its tokens, when they can stand in one place only."""
    if not row.delimited:
        return None
    options = windows(row.tokens, width)
    if len(options) == 1:
        return options[0]
    if options and all(not any(row.tokens[s : s + width]) for s in options):
        return options[0]  # blank in every place: a blank row
    return None


def _why(row: Row, width: int) -> str:
    return f"“{' '.join(t or '（空）' for t in row.tokens)}”无法唯一拆分为 {width} 个数"


def _place_orphans(
    result: TableRead, short: list[tuple[str, list[Figure], tuple[str, ...]]], orphans: list[Row], trial: bool
) -> None:
    """Rows missing one figure whose cells were printed apart, each with a note naming its column."""
    paired = len(orphans) == len(short)
    for number, (label, cells, columns) in enumerate(short):
        orphan = orphans[number] if paired else None
        note = next(iter(orphan.notes.values()), "") if orphan else ""
        column = next((c for c, words in enumerate(COLUMN_WORDS) if any(w in note for w in words)), None)
        if orphan is None or column is None or columns != TWO.documents[0].columns or trial:
            result.cells[label] = [None] * len(columns)
            result.unread.append((label, f"只读到 {len(cells)} 个数，无法确定缺少哪一格"))
            continue
        cells.insert(column, figure(orphan.figures[0]))
        result.cells[label] = cells
        result.notes.append((label, columns[column], note))


def fee_amount(value: Figure) -> Decimal | str | None:
    """The 行政事业性收费 cell as an amount in 万元, or the printed text when it is not one."""
    if value is None:
        return None
    text = str(value).removesuffix("万元")
    try:
        return Decimal(text) if re.fullmatch(r"-?\d+(?:\.\d+)?", text) else str(value)
    except InvalidOperation:
        return str(value)


# --- table 三 ------------------------------------------------------------------------------------------


def read_table3(text: str, *, run_together: bool | None = None) -> TableRead:
    """Table 三: rows matched to the 2021 (25 rows) or 2019 (23 rows) layout, cells kept to the row sums."""
    found = [r for r in rows(text, MAX_ROWS) if _capacity(r) >= 5]
    if run_together is None:
        run_together = _runs_together(found, T3_WIDTH)
    labels = list(dict.fromkeys(r.label for r in THREE.rows + THREE.rows_2019))
    matrix = label_scores(found, labels, T3_HEADINGS)
    fit = [_fits(r, T3_WIDTH, run_together) for r in found]
    best: tuple[float, tuple[Table3Row, ...], dict[int, int]] | None = None
    for layout in (THREE.rows, THREE.rows_2019):
        columns = [labels.index(r.label) for r in layout]
        scores = [[row[c] for c in columns] for row in matrix]
        mapping = align(scores, [[f] * len(layout) for f in fit], [bool(r.figures) for r in found])
        score = sum(scores[i][j] for j, i in mapping.items()) + 0.5 * len(mapping)
        if layout is THREE.rows_2019 and len(mapping) != len(layout):
            continue  # the 2019 rows only when every one of them is found
        if best is None or score > best[0] + 1e-9:
            best = (score, layout, mapping)
    assert best is not None
    _, layout, mapping = best
    result = TableRead(run_together=run_together, layout=layout, rows=len(layout))
    if not mapping:
        if sum(1 for r in found if r.figures) >= 3:
            result.unread.append(("", f"有 {len(found)} 行数字，但无法与表三的行名一一对应"))
        return result
    start = header_columns(_delimited_lines(text), squash(THREE.columns[0]), squash(THREE.columns[-1]), T3_WIDTH)
    places = positions({i: found[i] for i in mapping.values()}, T3_WIDTH, start)
    reads: dict[str, RowRead] = {}
    seen: dict[tuple[str, ...], RowRead] = {}
    for j, i in sorted(mapping.items()):
        official, row = layout[j], found[i]
        _note_label(result, official, row)
        reads[official.key] = _read_row(row, T3_WIDTH, T3_GROUPS, places.get(i), run_together=run_together, seen=seen)
        if reads[official.key].how == "shifted" and not reads[official.key].open:
            result.shifted.append(official.key)
    _settle_columns(reads, layout)
    for official in layout:
        read = reads.get(official.key)
        if read is None:
            continue
        result.cells[official.key] = read.cells
        if read.open:
            row = found[mapping[layout.index(official)]]
            result.unread.append((official.key, _why(row, T3_WIDTH)))
            if read.options:
                result.options[official.key] = read.options
            result.unsummed += [(official.key, g, " ".join(row.figures)) for g in read.unsummed]
    return result


def _capacity(row: Row) -> int:
    """How many cells the row's tokens can hold at most (each digit could be a cell of its own)."""
    if row.delimited:
        return len(row.tokens)
    return sum(len(t.lstrip("-+")) if t.lstrip("-+").isdigit() else 1 for t in row.tokens)


def _runs_together(found: list[Row], width: int) -> bool:
    """Whether most rows hold fewer tokens than cells: the text lost the separators between figures."""
    plain = [r for r in found if not r.delimited]
    short = [r for r in plain if len(r.tokens) < width - 1]
    return bool(plain) and len(short) * 2 > len(plain)


def _note_label(result: TableRead, official: Table3Row, row: Row) -> None:
    label = squash(official.label)
    if squash(row.label).endswith(label) or not (row.own_line or row.label):
        return
    printed = printed_label(row, label)
    if deviates(printed, label, fragments_ok=True):
        result.labels.append(Label(_row_place(official), printed, official.label))


def _row_place(official: Table3Row) -> str:
    heading = THREE.group_headings.get(official.group or "")
    if heading:
        return f"表三 {heading} 第{official.label.split('.', 1)[0]}行"
    return f"表三 {row_name(official.key)}"


def _settle_columns(reads: dict[str, RowRead], layout: tuple[Table3Row, ...]) -> None:
    """Narrow rows with several readings to those that keep every column sum (T3-COL and T3-BAL).

    Only when every other row of the table is read in full, and only to the readings that keep both
    sums: a table that does not add up settles nothing.
    """
    open_keys = [k for k, r in reads.items() if r.open and len(r.options) > 1]
    if not open_keys or len(open_keys) > 6 or len(reads) != len(layout):
        return
    if any(r.open for k, r in reads.items() if k not in open_keys):
        return
    if prod(len(reads[k].options) for k in open_keys) > MAX_COMBINATIONS:
        return
    results = [r.key for r in layout if r.is_result]
    fixed = {k: r.cells for k, r in reads.items() if k not in open_keys}

    def holds(choice: dict[str, Cells]) -> bool:
        def cell(key: str, column: int) -> int:
            value = (choice[key] if key in choice else fixed[key])[column]
            return value if isinstance(value, int) else 0

        for column in range(T3_WIDTH):
            if sum(cell(k, column) for k in results) != cell("total", column):
                return False
            if cell("new", column) + cell("carry_in", column) != cell("total", column) + cell("carry_out", column):
                return False
        return True

    kept = [c for c in product(*(reads[k].options for k in open_keys)) if holds(dict(zip(open_keys, c, strict=True)))]
    if not kept:
        return
    for n, key in enumerate(open_keys):
        options = list(dict.fromkeys(c[n] for c in kept))
        first = options[0]
        reads[key] = RowRead(
            [first[c] if all(o[c] == first[c] for o in options) else None for c in range(T3_WIDTH)],
            options,
            "sums",
        )


# --- table 四 ------------------------------------------------------------------------------------------


def read_table4(text: str, *, run_together: bool) -> TableRead:
    """Table 四: the fifteen figures after its header, kept to each group's sum."""
    found = [r for r in rows(text, T4_WIDTH + 6) if r.figures]
    result = TableRead(run_together=run_together)
    if not found or not any(word in found[0].label + text[:200] for word in T4_HEADER):
        return result
    first = found[0]
    if first.delimited and len(first.tokens) >= T4_WIDTH:
        at = _window(first, T4_WIDTH)
        if at is not None:
            result.cells["table4"] = [figure(c) for c in first.tokens[at : at + T4_WIDTH]]
            return result
    tokens: list[str] = []
    for row in found:
        between = row.label
        if tokens and (len(between) > 60 or re.search(r"[。；;]", between)):
            break
        tokens.extend(row.figures)
        if len(tokens) >= T4_WIDTH:
            break
    if sum(_capacity(Row([t], "", "", False)) for t in tokens) < T4_WIDTH - 2:
        return result
    read = read_cells(tokens, T4_WIDTH, T4_GROUPS, run_together=run_together or len(tokens) < 8)
    result.cells["table4"] = read.cells
    if read.how == "shifted" and not read.open:
        result.shifted.append("table4")
    if read.open:
        result.unread.append(("table4", f"“{' '.join(tokens)}”无法唯一拆分为 {T4_WIDTH} 个数"))
        if read.options:
            result.options["table4"] = read.options
        result.unsummed += [("table4", g, " ".join(tokens)) for g in read.unsummed]
    return result


__all__ = [
    "TableRead",
    "fee_amount",
    "is_2019_table2",
    "read_table2",
    "read_table3",
    "read_table4",
]
