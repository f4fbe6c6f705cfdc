"""Provides the figures of table 三 read from its section's text, kept to the row and column sums.

Rows are matched to the 2021 (25 rows) or the 2019 (23 rows) layout by their labels in the official
order; a row whose digits can be read several ways keeps only the readings the table's own sums allow.
"""

from __future__ import annotations

from itertools import product
from math import prod
from operator import itemgetter

from sections.model.labels import Table3Row
from sections.model.requests import row_name
from sections.model.tables import THREE
from sections.reading.cells import Cells, Groups, RowRead
from sections.reading.matching import align, deviates, label_scores, official_flat, printed_label
from sections.reading.rows import Row, rows
from sections.reading.tables import (
    MAX_ROWS,
    Label,
    TableRead,
    capacity,
    could_fit,
    delimited_lines,
    header_columns,
    positions,
    read_row,
    unread_why,
)
from sections.reading.text import squash

T3_WIDTH = THREE.width
T3_GROUPS: Groups = (T3_WIDTH,)
T3_HEADINGS = tuple(squash(h) for h in (THREE.result_heading, *THREE.group_headings.values()))
"""Headings over groups of table 三's rows (merged cells): no row's label. （六）其他处理 is the label of
2019's single row too: that row is placed by its neighbours (the one row between 5.要求… and （七）总计)."""
MAX_COMBINATIONS = 20_000
T3_LABELS = tuple(dict.fromkeys(r.label for r in THREE.rows + THREE.rows_2019))
"""The labels of both layouts' rows, each once: rows are scored against them once for both layouts."""
T3_COLUMNS = {
    layout: itemgetter(*(T3_LABELS.index(r.label) for r in layout)) for layout in (THREE.rows, THREE.rows_2019)
}
"""Layout → the scores of its rows, in its order, from a row's scores against `T3_LABELS`."""


def read_table3(text: str, *, run_together: bool | None = None) -> TableRead:
    """Table 三: rows matched to the 2021 (25 rows) or 2019 (23 rows) layout, cells kept to the row sums."""
    found = [r for r in rows(text, MAX_ROWS) if len(r.tokens) >= 5 or capacity(r) >= 5]
    if run_together is None:
        run_together = _runs_together(found, T3_WIDTH)
    matrix = label_scores(found, T3_LABELS, T3_HEADINGS)
    fit = [could_fit(r, T3_WIDTH, run_together) for r in found]
    filled = [any(r.tokens) for r in found]
    best: tuple[float, tuple[Table3Row, ...], dict[int, int]] | None = None
    for layout, columns in T3_COLUMNS.items():
        if best is not None and best[0] >= 1.5 * len(layout):
            break  # a row scores at most 1 + 0.5: the 2019 rows cannot beat the 2021 rows' score
        scores = [list(columns(row)) for row in matrix]
        mapping = align(scores, [[f] * len(layout) for f in fit], filled)
        score = sum(scores[i][j] for j, i in mapping.items()) + 0.5 * len(mapping)
        if layout is THREE.rows_2019 and len(mapping) != len(layout):
            continue  # the 2019 rows only when every one of them is found
        if best is None or score > best[0] + 1e-9:
            best = (score, layout, mapping)
    assert best is not None
    _, layout, mapping = best
    result = TableRead(run_together=run_together, layout=layout, rows=len(layout))
    if not mapping:
        if sum(filled) >= 3:
            result.unread.append(("", f"有 {len(found)} 行数字，但无法与表三的行名一一对应"))
        return result
    first, last = official_flat(THREE.columns[0]), official_flat(THREE.columns[-1])
    start = header_columns(delimited_lines(text), first, last, T3_WIDTH)
    places = positions({i: found[i] for i in mapping.values()}, T3_WIDTH, start)
    reads: dict[str, RowRead] = {}
    seen: dict[tuple[str, ...], RowRead] = {}
    for j, i in sorted(mapping.items()):
        official, row = layout[j], found[i]
        _note_label(result, official, row)
        row_read = read_row(row, T3_WIDTH, T3_GROUPS, places.get(i), run_together=run_together, seen=seen)
        reads[official.key] = row_read
        if row_read.how == "shifted" and not row_read.open:
            result.shifted.append(official.key)
    _settle_columns(reads, layout)
    for official in layout:
        read = reads.get(official.key)
        if read is None:
            continue
        result.cells[official.key] = read.cells
        if read.open:
            row = found[mapping[layout.index(official)]]
            result.unread.append((official.key, unread_why(row, T3_WIDTH)))
            if read.options:
                result.options[official.key] = read.options
            result.unsummed += [(official.key, g, " ".join(row.figures)) for g in read.unsummed]
    return result


def _runs_together(found: list[Row], width: int) -> bool:
    """Whether most rows hold fewer tokens than cells: the text lost the separators between figures."""
    plain = [r for r in found if not r.delimited]
    short = [r for r in plain if len(r.tokens) < width - 1]
    return bool(plain) and len(short) * 2 > len(plain)


def _note_label(result: TableRead, official: Table3Row, row: Row) -> None:
    label = official_flat(official.label)
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
