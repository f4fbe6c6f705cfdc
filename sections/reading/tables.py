"""Provides the figures of tables 二、三、四 read from a section's text, with what could not be read.

Rows are matched to the official rows by their printed labels (normalised, tolerant of misspellings,
broken lines and missing labels) and, for table 三, by their order; a label that differs from the
official wording is recorded for L1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from itertools import product
from math import prod

from sections.model.findings import Figure
from sections.model.labels import Table3Row
from sections.model.requests import row_name
from sections.model.tables import FOUR, THREE, TWO, TWO_2019
from sections.reading.cells import Cells, Groups, agreed, figure, readings
from sections.reading.rows import Row, rows
from sections.reading.text import squash
from sections.reading.title import fuzzy_prefix

T3_WIDTH, T4_WIDTH = THREE.width, FOUR.width
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
MIN_SCORE = 0.45
MAX_ROWS = 200
"""Rows of figures considered per table: a real table has a few dozen; the cap bounds the work."""


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
    """Rows read with a cell lost or added by the layout, recovered from the sums."""
    run_together: bool = False
    layout: tuple[Table3Row, ...] = THREE.rows


def bigrams(text: str) -> frozenset[str]:
    """The pairs of neighbouring characters: a cheap fingerprint for comparing labels."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) or frozenset({text})


@cache
def _official(label: str) -> tuple[str, frozenset[str]]:
    flat = squash(label)
    return flat, bigrams(flat)


def label_scores(found: list[Row], labels: list[str]) -> list[list[float]]:
    """How well the text printed before each row matches each official label (0 … 1).

    The label is looked for at the end of the text since the previous row (a broken label is whole
    there) and on the row's own line; a fragment of a label printed on the row's line also counts.
    """
    flats = [_official(label)[0] for label in labels]
    official = [(len(flat) <= 16, wanted, len(wanted)) for flat, wanted in map(_official, labels)]
    exact = {flat: n for n, flat in enumerate(flats)}
    sizes = sorted({len(flat) for flat in flats}, reverse=True)
    matrix = []
    for row in found:
        flat, line = squash(row.label), squash(row.line_label)
        hit = next((exact[flat[-size:]] for size in sizes if flat[-size:] in exact), None)
        if hit is not None:
            matrix.append([1.0 if n == hit else 0.0 for n in range(len(flats))])
            continue
        near, far = bigrams(flat[-24:]), bigrams(flat[-56:])
        own = bigrams(line) if line else frozenset()
        fragment = 0.9 / len(own) if len(line) >= 6 else 0.0
        scores = []
        for short, wanted, size in official:
            in_tail = len(wanted & (near if short else far))
            on_line = len(wanted & own)
            scores.append(max(in_tail / size, on_line / size, on_line * fragment))
        matrix.append(scores)
    return matrix


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


def read_table2(text: str, *, trial: bool, run_together: bool) -> TableRead:
    """Table 二: each official row found by its label; figures after it, orphans placed by their notes."""
    wanted = [(row.label, row.columns) for row in (TWO_2019 if trial else TWO).rows]
    found = rows(text, MAX_ROWS)
    result = TableRead(run_together=run_together, rows=len(wanted))
    used: set[int] = set()
    matrix = label_scores(found, [label for label, _ in wanted])
    scores = sorted(((matrix[i][n], -i, n) for i in range(len(found)) for n in range(len(wanted))), reverse=True)
    chosen: dict[int, int] = {}
    for score, negative, n in scores:
        if score >= 0.6 and n not in chosen and -negative not in used:
            chosen[n] = -negative
            used.add(-negative)
    orphans = [r for i, r in enumerate(found) if i not in used and len(r.tokens) == 1 and r.notes]
    short: list[tuple[str, list[Figure], tuple[str, ...]]] = []
    for n, (label, columns) in enumerate(wanted):
        if n not in chosen:
            continue
        row = found[chosen[n]]
        printed = printed_label(row, squash(label))
        if deviates(printed, squash(label), fragments_ok=False):
            result.labels.append(Label(f"表二 {label}", printed, label))
        options = readings(row.tokens, len(columns), (), run_together=run_together)
        cells, open_cells = agreed(options, len(columns))
        if len(row.tokens) == len(columns) - 1 and not run_together:
            short.append((label, [figure(t) for t in row.tokens], columns))
            continue
        result.cells[label] = cells
        for index, note in row.notes.items():
            result.notes.append((label, columns[min(index, len(columns) - 1)], note))
        if open_cells:
            result.unread.append((label, f"“{' '.join(row.tokens)}”无法唯一拆分为 {len(columns)} 个数"))
    _place_orphans(result, short, orphans, trial)
    return result


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
        cells.insert(column, figure(orphan.tokens[0]))
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


def read_table3(text: str, *, run_together: bool | None = None) -> TableRead:
    """Table 三: rows matched to the 2021 (25 rows) or 2019 (23 rows) layout, cells kept to the row sums."""
    found = [r for r in rows(text, MAX_ROWS) if _capacity(r) >= 5]
    if run_together is None:
        run_together = _runs_together(found, T3_WIDTH)
    labels = list(dict.fromkeys(r.label for r in THREE.rows + THREE.rows_2019))
    matrix = label_scores(found, labels)
    single = labels.index(THREE.row(THREE.outdated_other).label)
    layouts = (THREE.rows, THREE.rows_2019) if any(s[single] >= MIN_SCORE for s in matrix) else (THREE.rows,)
    best: tuple[float, tuple[Table3Row, ...], dict[int, int]] | None = None
    for layout in layouts:
        columns = [labels.index(r.label) for r in layout]
        score, mapping = _align([[scores[c] for c in columns] for scores in matrix])
        if best is None or score > best[0] + 1e-9:
            best = (score, layout, mapping)
    assert best is not None
    _, layout, mapping = best
    result = TableRead(run_together=run_together, layout=layout, rows=len(layout))
    if not mapping:
        return result
    options: dict[str, list[Cells]] = {}
    for j, i in mapping.items():
        official, row = layout[j], found[i]
        _note_label(result, official, row)
        options[official.key] = readings(row.tokens, T3_WIDTH, (T3_WIDTH,), run_together=run_together)
        if len(row.tokens) != T3_WIDTH and not run_together and len(options[official.key]) == 1:
            result.shifted.append(official.key)
    _settle_columns(options, layout)
    for official in layout:
        if official.key not in options:
            continue
        cells, open_cells = agreed(options[official.key], T3_WIDTH)
        result.cells[official.key] = cells
        if open_cells:
            tokens = " ".join(found[mapping[layout.index(official)]].tokens)
            result.unread.append((official.key, f"“{tokens}”无法唯一拆分为 {T3_WIDTH} 个数"))
    return result


def _capacity(row: Row) -> int:
    """How many cells the row's tokens can hold at most (each digit could be a cell of its own)."""
    return sum(len(t.lstrip("-")) if t.lstrip("-").isdigit() else 1 for t in row.tokens)


def _runs_together(found: list[Row], width: int) -> bool:
    """Whether most rows hold fewer tokens than cells: the text lost the separators between figures."""
    plain = [r for r in found if not r.delimited]
    short = [r for r in plain if len(r.tokens) < width - 1]
    return bool(plain) and len(short) * 2 > len(plain)


def _align(score: list[list[float]]) -> tuple[float, dict[int, int]]:
    """The order-keeping match of rows to official rows with the best total label score.

    A row whose label matches no official label (lost in extraction) may fill the gap its neighbours leave.
    """
    exact = [s.index(1.0) if s.count(1.0) == 1 and sum(s) == 1.0 else -1 for s in score]
    if -1 not in exact and exact == sorted(set(exact)):
        return float(len(exact)), {j: i for i, j in enumerate(exact)}
    best_of_row = [max(s, default=0.0) for s in score]
    rows_n, layout_n = len(score), len(score[0]) if score else 0
    table = [[0.0] * (layout_n + 1) for _ in range(rows_n + 1)]
    for i in range(1, rows_n + 1):
        for j in range(1, layout_n + 1):
            value = max(table[i - 1][j], table[i][j - 1])
            pair = score[i - 1][j - 1]
            gain = pair if pair >= MIN_SCORE else (0.15 if best_of_row[i - 1] < MIN_SCORE else None)
            if gain is not None:
                value = max(value, table[i - 1][j - 1] + gain)
            table[i][j] = value
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
    return table[rows_n][layout_n], mapping


def _note_label(result: TableRead, official: Table3Row, row: Row) -> None:
    label = squash(official.label)
    if squash(row.label).endswith(label):
        return
    printed = printed_label(row, label)
    if deviates(printed, label, fragments_ok=True):
        result.labels.append(Label(_row_place(official), printed, official.label))


def _row_place(official: Table3Row) -> str:

    heading = THREE.group_headings.get(official.group or "")
    if heading:
        return f"表三 {heading} 第{official.label.split('.', 1)[0]}行"
    return f"表三 {row_name(official.key)}"


def _settle_columns(options: dict[str, list[Cells]], layout: tuple[Table3Row, ...]) -> None:
    """Narrow rows with several readings to those that keep the column sums (T3-COL, then T3-BAL)."""
    open_keys = [k for k, v in options.items() if 1 < len(v) <= 48]
    if not open_keys or len(open_keys) > 6:
        return
    results = [r.key for r in layout if r.is_result or r.key == THREE.outdated_other]
    results = [k for k in results if k != THREE.total_row]
    if prod(len(options[k]) for k in open_keys) > 20_000:
        return
    combos = list(product(*(options[k] for k in open_keys)))

    def cell(choice: dict[str, Cells], key: str, column: int) -> int:
        cells = choice.get(key) or (options[key][0] if options.get(key) else ())
        value = cells[column] if cells else 0
        return value if isinstance(value, int) else 0

    def holds(choice: dict[str, Cells], rule: str) -> bool:
        for column in range(T3_WIDTH):
            if rule == "col" and sum(cell(choice, k, column) for k in results) != cell(choice, "total", column):
                return False
            if rule == "bal" and (
                cell(choice, "new", column) + cell(choice, "carry_in", column)
                != cell(choice, "total", column) + cell(choice, "carry_out", column)
            ):
                return False
        return True

    for rules in (("col", "bal"), ("col",), ("bal",)):
        kept = [c for c in combos if all(holds(dict(zip(open_keys, c, strict=True)), r) for r in rules)]
        if kept:
            for n, key in enumerate(open_keys):
                options[key] = list(dict.fromkeys(c[n] for c in kept))
            return


def read_table4(text: str, *, run_together: bool) -> TableRead:
    """Table 四: the fifteen figures after its header, kept to each group's sum."""
    found = rows(text, T4_WIDTH + 2)
    tokens: list[str] = []
    for number, row in enumerate(found):
        between = row.label
        if tokens and (len(between) > 60 or re.search(r"[。；;]", between)):
            break
        if not tokens and number == 0 and not any(word in between + text[:200] for word in T4_HEADER):
            break
        tokens.extend(row.tokens)
        if len(tokens) >= T4_WIDTH:
            break
    result = TableRead(run_together=run_together)
    if sum(_capacity(Row([t], "", "", False)) for t in tokens) < T4_WIDTH - 2:
        return result
    options = readings(tokens, T4_WIDTH, T4_GROUPS, run_together=run_together or len(tokens) < 8)
    cells, open_cells = agreed(options, T4_WIDTH)
    result.cells["table4"] = cells
    if len(tokens) != T4_WIDTH and len(options) == 1 and not run_together:
        result.shifted.append("table4")
    if open_cells:
        result.unread.append(("table4", f"“{' '.join(tokens)}”无法唯一拆分为 {T4_WIDTH} 个数"))
    return result


__all__ = [
    "TableRead",
    "fee_amount",
    "is_2019_table2",
    "read_table2",
    "read_table3",
    "read_table4",
]
