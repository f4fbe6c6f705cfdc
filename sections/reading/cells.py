"""Provides the reading of a table row's cells from its printed tokens, placing only what the text proves.

A row is read as printed when its cells keep their places (tabs, 「|」) or it has as many tokens as cells.
Digits run together are cut every way the text allows (a sign starts a cell, a decimal amount is one cell,
a cell never starts with 0 unless it is 0): one way is proof; among several, only those that keep the
table's own sums (six applicants = 总计; 维持 + 纠正 + 其他 + 尚未审结 = 总计) count. Cells lost or added by
the layout are tried in every place. A cell is placed only when every remaining reading agrees on it;
the rest stay open, with the readings kept, so that a finding every reading gives can still be reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from sections.model.findings import Figure

Cells = tuple[Figure, ...]
Groups = tuple[int, ...]
"""Sizes of the consecutive groups whose last cell is the sum of the others; () when no sum binds the row."""

MAX_READINGS = 48
MAX_STEPS = 20_000
MAX_DIGITS = 15
"""Longer digit runs are no count a report prints; they stay text."""
_INTEGER = re.compile(r"[-+]?\d+")
_RUN = re.compile(r"[-+]?\d+")
_AMOUNT = re.compile(r"(\d+)(\.\d+(?:万元|元)?|万元|元)")


@dataclass
class RowRead:
    """One row as read: its cells (None where open), the readings left, and how it was read."""

    cells: list[Figure]
    options: list[Cells] = field(default_factory=list)
    """Every reading still possible (two or more when cells stay open; none when nothing fits)."""
    how: str = "position"
    """「position」 (cells in their places or one token per cell), 「split」 (one way to cut the digits),
    「sums」 (the only reading that keeps the sums), 「shifted」 (cells lost or added, the same in every place)."""
    unsummed: list[int] = field(default_factory=list)
    """The groups (by index) whose sum no cut of the digits keeps: the row is wrong however it is read."""

    @property
    def open(self) -> list[int]:
        """The columns left blank because the readings disagree."""
        return [i for i, v in enumerate(self.cells) if v is None]


def figure(token: str) -> Figure:
    """A printed cell as a figure: a whole number, else the text as printed (「/」, 「」 for a blank)."""
    if token.isdigit() and token.isascii():  # the common case, without the pattern
        return int(token) if len(token) <= MAX_DIGITS else token
    if _INTEGER.fullmatch(token) and len(token.lstrip("+-")) <= MAX_DIGITS:
        return int(token)
    return token


def read_cells(
    tokens: Sequence[str], width: int, groups: Groups, *, run_together: bool, signed: int | None = None
) -> RowRead:
    """The cells of a row printed as `tokens` (blank cells dropped), placing only what is proven.

    `run_together`: the digits of adjacent cells may have run together, so a token can hold several
    cells (a token such as 「00」 shows that it did, whatever the rest of the table looks like).
    `signed`: the one column a signed figure can stand in (2019's 本年增/减), if the row has one.
    """
    count = len(tokens)
    if count == width:
        cells = tuple(map(figure, tokens))
        return RowRead(list(cells), [cells])
    together = run_together or any(len(t) > 1 and t.startswith("0") and t.isdigit() for t in tokens)
    if together and count < width and sum(map(len, tokens)) == width and "".join(tokens).isdigit():
        cells = tuple(int(d) for d in "".join(tokens))  # as many digits as cells: one cut
        return RowRead(list(cells), [cells], "split")
    if together and count < width:
        kept = cuts(tokens, width, signed, groups) if groups else None
        if kept:
            return RowRead(agreed(kept, width), kept, "sums")
        splits = cuts(tokens, width, signed)
        read = RowRead(agreed(splits or [], width), splits or [], "split" if splits and len(splits) == 1 else "sums")
        if kept == [] and splits != []:
            read.unsummed = [
                g for g in range(len(groups)) if cuts(tokens, width, signed, groups, judged=frozenset({g})) == []
            ]
        return read
    if count < width and width - count <= 2:
        options = placements(tokens, width, groups)
    elif count > width and width and count - width <= 2:
        options = list(dict.fromkeys(removals(tokens, width)))
    else:
        return RowRead([None] * width)
    return RowRead(agreed(options, width), options, "shifted")


def agreed(options: Sequence[Cells], width: int) -> list[Figure]:
    """The cells every reading agrees on, None elsewhere (all None when there is no reading)."""
    if not options:
        return [None] * width
    first = options[0]
    return [first[c] if all(o[c] == first[c] for o in options) else None for c in range(width)]


def sums_hold(cells: Cells, groups: Groups) -> bool:
    """Whether each group's last cell is the sum of its others (groups with a non-number are not judged)."""
    start = 0
    for size in groups:
        group = cells[start : start + size]
        if all(isinstance(v, int) for v in group) and sum(group[:-1]) != group[-1]:  # type: ignore[arg-type]
            return False
        start += size
    return True


def cuts(
    tokens: Sequence[str],
    width: int,
    signed: int | None = None,
    groups: Groups = (),
    judged: frozenset[int] | None = None,
) -> list[Cells] | None:
    """Every way to cut the tokens' digits into `width` cells (bounded: None when there are too many).

    A token is a digit run, perhaps signed (a sign starts a cell; in the column `signed` only, when the
    row has such a column), or one cell as printed (an amount with decimals, a mark). Within a run a cell
    never starts with 0 unless it is 0. With `groups`, only the cuts that keep the sums (each group's
    last cell the sum of the others; only the groups `judged`, when given), which prunes the search.
    """
    if groups and sum(groups) == width and all(t.isdigit() for t in tokens):
        return _summed_cuts(tokens, groups, judged)
    totals = _sum_positions(groups, judged)
    parts: list[tuple[str, str, str]] = []
    """(sign, digits, unit): a run of digits; an amount (its unit the decimals, 「.52元」) ends in its last cell."""
    for token in tokens:
        amount = _AMOUNT.fullmatch(token)
        if _RUN.fullmatch(token):
            sign = token[0] if token[0] in "+-" else ""
            parts.append((sign, token[len(sign) :], ""))
        elif amount:
            parts.append(("", amount.group(1), amount.group(2)))
        else:
            parts.append(("=", token, ""))
    room = [0] * (len(parts) + 1)
    for index in range(len(parts) - 1, -1, -1):
        room[index] = room[index + 1] + (len(parts[index][1]) if parts[index][0] != "=" else 1)
    found: list[Cells] = []
    out: list[Figure] = []
    count = len(parts)
    steps = MAX_STEPS

    def fill(index: int, offset: int) -> None:
        nonlocal steps
        steps -= 1
        if steps < 0 or len(found) > MAX_READINGS:
            return
        if index == count:
            if len(out) == width:
                found.append(tuple(out))
            return
        position = len(out)
        left = width - position
        sign, digits, unit = parts[index]
        if sign == "=":
            if left >= count - index:
                out.append(figure(digits))
                fill(index + 1, 0)
                out.pop()
            return
        rest = digits[offset:]
        if left < count - index or left > len(rest) + room[index + 1]:
            return
        lead = sign if offset == 0 else ""
        if lead and signed is not None and position != signed:
            return
        lengths: Sequence[int] = [1] if rest[0] == "0" else range(1, min(len(rest), MAX_DIGITS) + 1)
        if position in totals and not unit:
            group = out[totals[position] :]
            if not all(isinstance(v, int) for v in group):
                return
            wanted = str(sum(group))  # type: ignore[arg-type]
            printed = ("-" if lead == "-" else "") + rest
            lengths = [len(wanted) - (lead == "-")] if printed.startswith(wanted) else []
        if unit:
            lengths = [n for n in lengths if n < len(rest)] or []
            if rest[0] != "0" or len(rest) == 1:
                out.append(rest + unit)  # the amount: the rest of the digits with its decimals
                fill(index + 1, 0)
                out.pop()
        # A cut inside this run leaves left - 1 cells for the rest of it and the runs after: when they cannot
        # all be filled, or some run would get none, the call for it would return at once: only its step counts.
        longest = len(rest) + room[index + 1] - left + 1 if left > count - index else 0
        for length in lengths:
            if longest < length < len(rest):
                steps -= 1
                continue
            out.append(int(lead + rest[:length]))
            if length == len(rest):
                fill(index + 1, 0)
            else:
                fill(index, offset + length)
            out.pop()

    fill(0, 0)
    if steps < 0 or len(found) > MAX_READINGS:
        return None
    return list(dict.fromkeys(found))


def _summed_cuts(tokens: Sequence[str], groups: Groups, judged: frozenset[int] | None) -> list[Cells] | None:
    """The cuts of plain digit runs into groups whose last cell is the sum of the others, group by group.

    Each group's total is tried at every place it can stand; the cells before it must add up to it, so
    no cell can be longer than the total. Groups do not depend on each other, so each part of the text
    is solved once.
    """
    digits = "".join(tokens)
    end = len(digits)
    bounds = set()
    position = 0
    for token in tokens:
        position += len(token)
        bounds.add(position)
    reach = [0] * end
    """How far a cell starting at each digit can reach: not past a printed boundary, no leading zero."""
    limit = end
    for i in range(end - 1, -1, -1):
        if i + 1 in bounds:
            limit = i + 1  # the nearest printed boundary after digit i
        reach[i] = i + 1 if digits[i] == "0" else min(limit, i + MAX_DIGITS)

    def cell(i: int, j: int) -> bool:
        return i < j <= reach[i]

    parts_memo: dict[tuple[int, int, int, int], list[tuple[int, ...]] | None] = {}

    def parts(i: int, stop: int, count: int, total: int) -> list[tuple[int, ...]] | None:
        """The cuts of digits[i:stop] into `count` cells adding up to `total` (-1: any sum)."""
        key = (i, stop, count, total)
        if key in parts_memo:
            return parts_memo[key]
        found: list[tuple[int, ...]] | None = []
        if count == 0:
            found = [()] if i == stop and total in (0, -1) else []
        elif stop - i >= count and not (total >= 0 and total >= 10 ** (stop - i - count + 1) + 9 * count):
            longest = len(str(total)) if total >= 0 else MAX_DIGITS
            for j in range(i + 1, min(stop - count + 1, i + longest, reach[i]) + 1):
                value = int(digits[i:j])
                if total >= 0 and value > total:
                    break
                rest = parts(j, stop, count - 1, total - value if total >= 0 else -1)
                if rest is None:
                    found = None
                    break
                found += [(value, *r) for r in rest]  # type: ignore[operator]
                if len(found) > MAX_READINGS:
                    found = None
                    break
        parts_memo[key] = found
        return found

    solve_memo: dict[tuple[int, int], list[Cells] | None] = {}

    def solve(i: int, g: int) -> list[Cells] | None:
        """The cuts of digits[i:] into the groups from g on."""
        if g == len(groups):
            return [()] if i == end else []
        key = (i, g)
        if key in solve_memo:
            return solve_memo[key]
        size, later = groups[g], sum(groups[g + 1 :])
        found: list[Cells] | None = []
        for stop in range(i + size, end - later + 1):
            tails = solve(stop, g + 1)
            if tails is None:
                return None
            if not tails:
                continue
            judged_here = judged is None or g in judged
            heads: list[tuple[int, ...]] = []
            if judged_here:
                for start in range(max(i + size - 1, stop - MAX_DIGITS), stop):
                    if cell(start, stop):
                        total = int(digits[start:stop])
                        firsts = parts(i, start, size - 1, total)
                        if firsts is None:
                            return None
                        heads += [(*f, total) for f in firsts]
            else:
                free = parts(i, stop, size, -1)
                if free is None:
                    return None
                heads = free
            found += [(*h, *t) for h in heads for t in tails]  # type: ignore[operator]
            if len(found) > MAX_READINGS:
                solve_memo[key] = None
                return None
        solve_memo[key] = found
        return found

    result = solve(0, 0)
    return None if result is None else list(dict.fromkeys(result))


def _sum_positions(groups: Groups, judged: frozenset[int] | None = None) -> dict[int, int]:
    """Position of each (judged) group's total → position where the group starts."""
    positions, start = {}, 0
    for index, size in enumerate(groups):
        if judged is None or index in judged:
            positions[start + size - 1] = start
        start += size
    return positions


def placements(tokens: Sequence[str], width: int, groups: Groups) -> list[Cells]:
    """The readings with one or two cells lost, in every place; a lost cell is its group's sum where it can be.

    The readings are not filtered by the sums: the report may not add up, and a reading kept only because
    it adds up could put a figure in the wrong cell.
    """
    missing = width - len(tokens)
    values = [figure(t) for t in tokens]
    found: list[Cells] = []
    for places in combinations(range(width), missing):
        source = iter(values)
        cells = [None if position in places else next(source) for position in range(width)]
        _fill_from_sums(cells, groups)
        found.append(tuple(cells))
    return list(dict.fromkeys(found))


def _fill_from_sums(cells: list[Figure], groups: Groups) -> None:
    start = 0
    for size in groups:
        group = cells[start : start + size]
        holes = [i for i, v in enumerate(group) if v is None]
        if len(holes) == 1 and all(isinstance(v, int) for i, v in enumerate(group) if i != holes[0]):
            known = [v for v in group if isinstance(v, int)]
            hole = holes[0]
            total = group[-1]
            value = sum(known) if hole == size - 1 else total - (sum(known) - total)  # type: ignore[operator]
            cells[start + hole] = value
        start += size


def removals(tokens: Sequence[str], width: int) -> list[Cells]:
    """The readings that drop one or two stray tokens, in every place."""
    values = [figure(t) for t in tokens]
    return [
        tuple(v for i, v in enumerate(values) if i not in dropped)
        for dropped in combinations(range(len(tokens)), len(tokens) - width)
    ]
