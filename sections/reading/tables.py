"""Provides what is read of a table (`TableRead`), cells in their columns, and tables 二 and 四.

Rows are matched to the official rows by `matching`; table 三 is read in `table3`. A label that differs
from the official wording is recorded for L1. Cells keep their columns where the text separates them
(checked against the table's header); a figure that is not proven is left blank, and the readings it
could have are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sections.model.findings import Figure
from sections.model.labels import Table3Row
from sections.model.tables import FOUR, THREE, TWO, TWO_2019
from sections.reading.cells import Cells, Groups, RowRead, figure, read_cells
from sections.reading.matching import align, deviates, label_scores, official_flat, printed_label
from sections.reading.rows import Row, normalise, rows
from sections.reading.text import squash

T4_WIDTH = FOUR.width
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
CHANGE_COLUMN = TWO_2019.blocks[1].columns[2]
"""本年增/减: the only column of 2019's table 二 that prints a sign."""
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
    """Rows read with a cell lost or added by the layout, the same in every place it could be."""
    run_together: bool = False
    layout: tuple[Table3Row, ...] = THREE.rows
    options: dict[str, list[Cells]] = field(default_factory=dict)
    """Row key → the readings an open row could have (to report a finding every one of them gives)."""
    unsummed: list[tuple[str, int, str]] = field(default_factory=list)
    """(row key, group, digits as printed) for runs of digits that no cut makes add up."""


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


def delimited_lines(text: str) -> Iterator[list[str]]:
    """The cells (squashed) of every tab- or 「|」-separated line of a table's text.

    Lines are read as they are asked for: the header is found in the first few.
    """
    for line in normalise(text).split("\n"):
        if "\t" in line or line.count("|") >= 2:
            yield [squash(c) for c in (line.split("\t") if "\t" in line else line.strip().strip("|").split("|"))]


def header_columns(lines: Iterable[list[str]], first: str, last: str, width: int) -> int | None:
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


def read_row(
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
        cells = tuple(map(figure, row.tokens[offset : offset + width]))
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
    widths = [len(w.columns) for w in wanted]
    fits = []
    for r in found:
        fit = {width: could_fit(r, width, run_together) for width in set(widths)}  # a few widths, many rows
        fits.append([fit[width] for width in widths])
    chosen = align(matrix, fits, [any(r.tokens) for r in found], ordered=False)
    used = set(chosen.values())
    orphans = [r for i, r in enumerate(found) if i not in used and len(r.figures) == 1 and r.notes]
    lines = list(delimited_lines(text))
    heads = {
        block.columns[1]: header_columns(
            lines, official_flat(block.columns[1]), official_flat(block.columns[-1]), len(block.columns) - 1
        )
        for block in (TWO_2019 if trial else TWO).blocks
    }
    short: list[tuple[str, list[Figure], tuple[str, ...]]] = []
    for n, official in enumerate(wanted):
        if n not in chosen:
            continue
        label, columns = official.label, official.columns
        row = found[chosen[n]]
        flat = official_flat(label)
        printed = printed_label(row, flat)
        if row.own_line and deviates(printed, flat, fragments_ok=False):
            result.labels.append(Label(f"表二 {label}", printed, label))
        head = heads.get(columns[0])
        at = anchored(row, head, len(columns)) if head is not None and row.delimited else None
        at = _window(row, len(columns)) if at is None else at
        if at is None and orphans and len(row.figures) == len(columns) - 1 and not run_together:
            short.append((label, [figure(t) for t in row.figures], columns))
            continue
        signed = columns.index(CHANGE_COLUMN) if CHANGE_COLUMN in columns else None
        read = read_row(row, len(columns), (), at, run_together=run_together, signed=signed)
        result.cells[label] = read.cells
        for index, note in row.notes.items():
            result.notes.append((label, columns[max(0, min(index - (at or 0), len(columns) - 1))], note))
        if read.open:
            result.unread.append((label, unread_why(row, len(columns))))
            if read.options:
                result.options[label] = read.options
    _place_orphans(result, short, orphans, trial)
    return result


def could_fit(row: Row, width: int, run_together: bool) -> bool:
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


def unread_why(row: Row, width: int) -> str:
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


def capacity(row: Row) -> int:
    """How many cells the row's tokens can hold at most (each digit could be a cell of its own)."""
    if row.delimited:
        return len(row.tokens)
    return sum(len(t.lstrip("-+")) if t.lstrip("-+").isdigit() else 1 for t in row.tokens)


# --- table 四 ------------------------------------------------------------------------------------------


def read_table4(text: str, *, run_together: bool) -> TableRead:
    """Table 四: the fifteen figures after its header, kept to each group's sum."""
    found = [r for r in rows(text, T4_WIDTH + 6) if any(r.tokens)]
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
    if sum(capacity(Row([t], "", "", False)) for t in tokens) < T4_WIDTH - 2:
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
    "Label",
    "TableRead",
    "fee_amount",
    "is_2019_table2",
    "read_table2",
    "read_table4",
]
