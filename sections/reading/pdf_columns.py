"""Provides the cells of PDF table rows in their columns, from where each figure stands on the page.

A PDF's text layer prints a row with a blank cell as its figures alone (「规章 1 11」 for 1, blank, 11), so
the reader could not tell which cell is blank. Each figure's position on the page is kept while the text
is extracted (`Placed`); a row with fewer figures than a nearby row of the same page is set into that
row's columns when every one of its figures stands under exactly one of them, and written with tabs
(「规章⇥1⇥⇥11」), so the blank keeps its column. A row that does not line up so is left as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sections.reading.rows import MARKERS

_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
ALIGNMENT = 0.3
"""How far a figure may stand from a column, as a share of the narrowest gap between the columns."""
SAME_LINE = 1.0
"""Points between the baselines of figures that belong to one row."""


@dataclass(frozen=True)
class Placed:
    """A figure as the page prints it: its text and where its left edge stands, its width guessed."""

    text: str
    x: float
    y: float
    size: float
    """The font size in points (a digit is about half as wide)."""

    @property
    def edges(self) -> tuple[float, float, float]:
        """Left edge, centre and right edge (cells align their figures one of these ways)."""
        width = 0.5 * self.size * len(self.text)
        return self.x, self.x + width / 2, self.x + width


def placed(text: str, cm: list[float], tm: list[float], size: float) -> Placed | None:
    """A figure (or a mark printed in a figure cell) from what pypdf's text visitor is given, if the text is one."""
    text = text.strip()
    if not _NUMBER.fullmatch(text) and text not in MARKERS:
        return None
    a, b, c, d, e, f = cm
    x, y = tm[4] * a + tm[5] * c + e, tm[4] * b + tm[5] * d + f
    scale = ((tm[0] * a + tm[1] * c) ** 2 + (tm[0] * b + tm[1] * d) ** 2) ** 0.5
    return Placed(text, x, y, size * scale)


def rows_of(figures: list[Placed]) -> list[list[Placed]]:
    """The figures of one page grouped into rows (one baseline), in the order the page draws them."""
    found: list[list[Placed]] = []
    for figure in figures:
        row = next((r for r in found if abs(r[0].y - figure.y) <= SAME_LINE), None)
        if row is None:
            found.append([figure])
        else:
            row.append(figure)
    return [sorted(row, key=lambda f: f.x) for row in found]


def columns(row: list[Placed], full: list[Placed]) -> list[str] | None:
    """The row's cells set under the columns of `full` (blank where it has no figure), if they line up.

    Each figure must stand near exactly one column of `full` (by left edge, centre or right edge), and
    the columns must keep the figures' order.
    """
    gaps = [b.edges[1] - a.edges[1] for a, b in zip(full, full[1:], strict=False)]
    if not gaps or min(gaps) <= 0:
        return None
    reach = ALIGNMENT * min(gaps)
    cells = [""] * len(full)
    last = -1
    for figure in row:
        near = [
            n
            for n, column in enumerate(full)
            if min(abs(p - q) for p, q in zip(figure.edges, column.edges, strict=True)) <= reach
        ]
        if len(near) != 1 or near[0] <= last:
            return None
        last = near[0]
        cells[last] = figure.text
    return cells


def _widened(row: list[Placed], rows: list[list[Placed]]) -> list[str] | None:
    """The row's cells under the columns of the nearest row with more figures, if they line up.

    Nearer rows with as many figures that stand in the same columns make the row a full row of its table
    (nothing is widened then); such rows whose figures stand elsewhere have blanks of their own.
    """
    others = sorted((r for r in rows if r is not row and len(r) >= len(row)), key=lambda r: abs(r[0].y - row[0].y))
    for other in others:
        cells = columns(row, other)
        if len(other) > len(row):
            return cells
        if cells is not None:
            return None
    return None


def with_blanks(text: str, figures: list[Placed]) -> str:
    """A page's extracted text with each row that has blank cells written as tab-separated cells.

    The rows are found in the text in the order the page draws them, each on a line that ends with its
    figures and no other (a line 「x 0 0 0」 is not the row 「0 0」); a row that is not found so is left alone.
    """
    rows = [row for row in rows_of(figures) if len(row) >= 2]
    lines = text.split("\n")
    at = 0
    for row in rows:
        cells = _widened(row, rows)
        printed = re.compile(r"(?<![\d.,])" + r"[ \t]+".join(re.escape(f.text) for f in row) + r"[ \t]*$")
        for number in range(at, len(lines)):
            match = printed.search(lines[number])
            label = lines[number][: match.start()].rstrip() if match else ""
            if match is None or _ends_with_figure(label):
                continue
            at = number + 1
            if cells is not None:
                lines[number] = "\t".join([label, *cells] if label else cells)
            break
    return "\n".join(lines)


def _ends_with_figure(text: str) -> bool:
    """Whether the text before a row's figures ends with another figure (then they are not the whole row)."""
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    return bool(_NUMBER.fullmatch(last)) or last in MARKERS
