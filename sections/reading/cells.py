"""Provides the recovery of a table row's cells from printed tokens: digits run together, cells missing or extra.

A row is read as printed when it has as many tokens as cells. Otherwise every reading that respects the
table's own sums (six applicants = 总计; 维持 + 纠正 + 其他 + 尚未审结 = 总计) is listed; the caller keeps
the cells all readings agree on and reports the rest, rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import combinations

from sections.model.findings import Figure

Cells = tuple[Figure, ...]
Groups = tuple[int, ...]
"""Sizes of the consecutive groups whose last cell is the sum of the others; () when no sum binds the row."""

MAX_READINGS = 48
MAX_STEPS = 5_000
MAX_DIGITS = 15
"""Longer digit runs are no count a report prints; they stay text."""
_INTEGER = re.compile(r"-?\d+")


def figure(token: str) -> Figure:
    """A printed cell as a figure: a whole number, else the text as printed (「/」, 「」 for a blank)."""
    return int(token) if _INTEGER.fullmatch(token) and len(token) <= MAX_DIGITS else token


def readings(tokens: Sequence[str], width: int, groups: Groups, *, run_together: bool) -> list[Cells]:
    """Every way to read `tokens` as `width` cells that keeps the sums in `groups` (up to a limit).

    `run_together`: the digits of adjacent cells may have run together, so a token can hold several cells.
    """
    count = len(tokens)
    if any(len(t) > width * MAX_DIGITS for t in tokens):
        return []
    if count == width:
        return [tuple(figure(t) for t in tokens)]
    found: list[Cells] = []
    if count < width and run_together and sum(map(len, tokens)) == width and "".join(tokens).isdigit():
        digits = tuple(int(d) for d in "".join(tokens))
        found = [digits] if _sums_hold(digits, groups) else []
    elif count < width and run_together:
        found = _splits(tokens, width, groups)
    elif count < width and groups and width - count <= 2:
        found = list(_insertions(tokens, width, groups))
    elif count > width and width and count - width <= 2:
        found = [cells for cells in _removals(tokens, width) if _sums_hold(cells, groups)]
    return list(dict.fromkeys(found))[: MAX_READINGS + 1]


def agreed(options: Sequence[Cells], width: int) -> tuple[list[Figure], list[int]]:
    """The cells all readings agree on (None elsewhere) and the positions that stay open."""
    if not options:
        return [None] * width, list(range(width))
    if len(options) > MAX_READINGS:
        return [None] * width, list(range(width))
    if len(options) == 1:
        return list(options[0]), []
    cells: list[Figure] = []
    open_cells = []
    for column in range(width):
        values = {o[column] for o in options}
        if len(values) == 1:
            cells.append(options[0][column])
        else:
            cells.append(None)
            open_cells.append(column)
    return cells, open_cells


def _sums_hold(cells: Cells, groups: Groups) -> bool:
    start = 0
    for size in groups:
        group = cells[start : start + size]
        if all(isinstance(v, int) for v in group):
            if sum(group[:-1]) != group[-1]:  # type: ignore[arg-type]
                return False
        start += size
    return True


def _sum_positions(groups: Groups) -> dict[int, int]:
    """Position of each group's total → position where the group starts."""
    positions, start = {}, 0
    for size in groups:
        positions[start + size - 1] = start
        start += size
    return positions


def _splits(tokens: Sequence[str], width: int, groups: Groups) -> list[Cells]:
    """Readings that cut digit tokens into several cells (no cell has a leading zero)."""
    totals = _sum_positions(groups)
    room = [0] * (len(tokens) + 1)
    for index in range(len(tokens) - 1, -1, -1):
        digits = tokens[index].lstrip("-")
        room[index] = room[index + 1] + (len(digits) if digits.isdigit() else 1)
    found: list[Cells] = []
    out: list[Figure] = []
    budget = [MAX_STEPS]

    def fill(index: int, offset: int) -> None:
        budget[0] -= 1
        if budget[0] < 0 or len(found) > MAX_READINGS:
            return
        if index == len(tokens) or len(out) == width:
            if index == len(tokens) and len(out) == width and _sums_hold(tuple(out), groups):
                found.append(tuple(out))
            return
        token = tokens[index]
        sign = "-" if offset == 0 and token.startswith("-") else ""
        rest = token[offset + len(sign) :]
        if not rest.isdigit():
            if offset == 0:
                out.append(figure(token))
                fill(index + 1, 0)
                out.pop()
            return
        cells_left = width - len(out)
        if cells_left < len(tokens) - index or cells_left > len(rest) + room[index + 1]:
            return
        position = len(out)
        if position in totals and not sign:
            group = out[totals[position] :]
            if not all(isinstance(v, int) for v in group):
                return
            wanted = str(sum(group))  # type: ignore[arg-type]
            lengths: Sequence[int] = [len(wanted)] if rest.startswith(wanted) else []
        elif rest[0] == "0":
            lengths = [1]
        else:
            lengths = range(1, min(len(rest), MAX_DIGITS) + 1)
        for length in lengths:
            out.append(int(sign + rest[:length]))
            fill(index + (length == len(rest)), 0 if length == len(rest) else offset + length + len(sign))
            out.pop()

    fill(0, 0)
    return found


def _insertions(tokens: Sequence[str], width: int, groups: Groups) -> Iterator[Cells]:
    """Readings with one or two cells lost, each filled from its group's sum where that fixes it."""
    missing = width - len(tokens)
    for places in combinations(range(width), missing):
        cells: list[Figure] = []
        source = iter(tokens)
        for position in range(width):
            cells.append(None if position in places else figure(next(source)))
        if _fill_from_sums(cells, groups):
            yield tuple(cells)


def _fill_from_sums(cells: list[Figure], groups: Groups) -> bool:
    start = 0
    for size in groups:
        group = cells[start : start + size]
        holes = [i for i, v in enumerate(group) if v is None]
        if len(holes) > 1 or any(isinstance(v, str) for v in group):
            return False
        if holes:
            known = [v for v in group if isinstance(v, int)]
            hole = holes[0]
            value = sum(known) if hole == size - 1 else group[-1] - (sum(known) - group[-1])  # type: ignore[operator]
            if value < 0:
                return False
            cells[start + hole] = value
        start += size
    return None not in cells


def _removals(tokens: Sequence[str], width: int) -> Iterator[Cells]:
    """Readings that drop one or two stray tokens."""
    for dropped in combinations(range(len(tokens)), len(tokens) - width):
        yield tuple(figure(t) for i, t in enumerate(tokens) if i not in dropped)
