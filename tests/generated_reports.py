"""Provides generated published reports' truth: random figures, with the findings they must give.

Each report is drawn from a seeded `random.Random`: a body, a year, a format (2021, 2019 试行, 2021 with the
outdated single （六） row), figures (mostly small, some large), cells printed blank or as 「/」, and
inconsistencies put in on purpose (a row or group that does not add up, a column that does not, a
negative count, 规章 for a body without rule-making power). `report_layouts` prints it the ways real
reports come.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

from sections.model.appeals import Appeals
from sections.model.disclosure import Disclosure
from sections.model.disclosure_2019 import TrialDisclosure
from sections.model.findings import Figure
from sections.model.report import Report
from sections.model.requests import Requests
from sections.model.tables import FOUR, THREE, TWO, TWO_2019
from sections.rules.registry import check

BODIES = (
    ("白鹭镇人民政府", "乡镇街道"),
    ("青石街道办事处", "乡镇街道"),
    ("云溪县人民政府", "县级政府"),
    ("云溪县市场监督管理局", "县级以上政府部门"),
    ("江州市人民政府", "设区的市政府"),
    ("江州市自然资源和规划局", "县级以上政府部门"),
)
TABLE_RULES = frozenset({"C1", "C2", "T2-RULES", "T3-ROW", "T3-COL", "T3-BAL", "T4-SUM"})
"""The rules about table figures: every one the truth fails must be found in the text read back."""


@dataclass
class Truth:
    """A generated report: what is printed in each cell, and the findings it must give."""

    body: str
    level: str
    year: int
    format: str
    """「2021」, 「2019」 or 「2021-outdated-six」."""
    table2: dict[str, list[Figure]]
    """Row label → printed cells (a one-figure row has a list of one; the fee is its printed string)."""
    table3: dict[str, list[Figure]]
    table4: list[Figure]
    findings: set[tuple[str, str]] = field(default_factory=set)
    """(rule, where) of every table rule the printed figures fail."""
    signed: bool = False
    """Whether a rise in 2019's 本年增/减 is printed with its sign (「+4」)."""

    @property
    def rows3(self) -> tuple[str, ...]:
        """The keys of table 三's rows in the layout printed."""
        return tuple(r.key for r in (THREE.rows if self.format == "2021" else THREE.rows_2019))

    def report(self) -> Report:
        """The figures as a report model (the table rules run on it)."""
        report = Report()
        report.meta.body, report.meta.year = self.body, self.year
        report.meta.level = self.level  # type: ignore[assignment]
        if self.format == "2019":
            report.disclosure = Disclosure(trial=TrialDisclosure(rows=dict(self.table2)))
        else:
            values: dict[str, object] = {}
            for row in TWO.rows:
                cells = self.table2[row.label]
                amount = cells[0]
                if row.amount:
                    values[row.key] = Decimal(amount) if isinstance(amount, str) and _is_amount(amount) else amount
                else:
                    values[row.key] = cells if row.many else cells[0]
            report.disclosure = Disclosure.model_validate(values)
        report.requests = Requests(rows={k: list(v) for k, v in self.table3.items()})
        report.appeals = Appeals(cells=list(self.table4))
        return report


def _is_amount(text: str) -> bool:
    return re.fullmatch(r"\d+(?:\.\d+)?", text) is not None


def _count(rng: random.Random, large: bool) -> int:
    roll = rng.random()
    if roll < 0.55:
        return 0
    if roll < 0.85 or not large:
        return rng.randint(1, 9)
    return rng.randint(10, 999) if roll < 0.97 else rng.randint(1000, 20000)


def draw(
    rng: random.Random,
    *,
    blanks: bool,
    large: bool,
    errors: bool,
    blank_tables: str = "二三四",
    lone_blanks: bool = True,
) -> Truth:
    """A random report: consistent figures, then (with `errors`) a few inconsistencies and printed marks."""
    body, level = rng.choice(BODIES)
    form = rng.choice(("2021", "2021", "2021", "2019", "2021-outdated-six"))
    year = rng.randint(2019, 2020) if form == "2019" else rng.randint(2021, 2025)
    layout = THREE.rows if form == "2021" else THREE.rows_2019
    results = [r.key for r in layout if r.is_result]
    table3: dict[str, list[Figure]] = {}
    for key in results:
        six = [_count(rng, large) if rng.random() < 0.5 else 0 for _ in range(6)]
        table3[key] = [*six, sum(six)]
    done = [sum(int(table3[k][c] or 0) for k in results) for c in range(6)]
    carry_in = [rng.randint(0, 3) if rng.random() < 0.3 else 0 for _ in range(6)]
    carry_out = [rng.randint(0, 3) if rng.random() < 0.3 else 0 for _ in range(6)]
    new = [max(0, d + o - i) for d, o, i in zip(done, carry_out, carry_in, strict=True)]
    carry_out = [n + i - d for n, i, d in zip(new, carry_in, done, strict=True)]
    for key, six in (("new", new), ("carry_in", carry_in), ("total", done), ("carry_out", carry_out)):
        table3[key] = [*six, sum(six)]
    table3 = {k: table3[k] for k in (r.key for r in layout)}
    table4: list[Figure] = []
    for _ in FOUR.groups:
        four = [_count(rng, False) if rng.random() < 0.4 else 0 for _ in range(4)]
        table4 += [*four, sum(four)]
    rules = level in ("设区的市政府", "省级政府")
    table2 = _table2(rng, form, large, rules)
    truth = Truth(body, level, year, form, table2, table3, table4, signed=rng.random() < 0.5)
    if errors:
        _spoil(rng, truth, blanks, blank_tables, lone_blanks)
    truth.findings = {(f.rule, f.where) for f in check(truth.report()) if f.rule in TABLE_RULES}
    return truth


def _table2(rng: random.Random, form: str, large: bool, rules: bool) -> dict[str, list[Figure]]:
    table: dict[str, list[Figure]] = {}
    if form == "2019":
        for row in TWO_2019.rows:
            cells: list[Figure] = [_count(rng, large) for _ in row.columns]
            if "增/减" in "".join(row.columns):
                change = row.columns.index("本年增/减")
                cells[change] = rng.choice((0, rng.randint(1, 30), -rng.randint(1, 30)))
            if row.label == "政府集中采购":
                cells[-1] = f"{rng.randint(1, 99999)}.{rng.randint(10, 99)}元"
            if row.label == "规章" and not rules:
                cells = [0, 0, 0]
            table[row.label] = cells
        return table
    for row in TWO.rows:
        if row.amount:
            table[row.label] = [rng.choice(("0", f"{rng.randint(0, 999)}.{rng.randint(0, 9999):04d}", "12.6"))]
        elif row.many:
            made, repealed = _count(rng, large), _count(rng, False)
            table[row.label] = [made, repealed, made + _count(rng, large)]
            if row.label == "规章" and not rules:
                table[row.label] = [0, 0, 0]
        else:
            table[row.label] = [_count(rng, large)]
    return table


def _spoil(rng: random.Random, truth: Truth, blanks: bool, tables: str, lone: bool) -> None:
    """Put in one to three inconsistencies, and (with `blanks`) a few blank or 「/」 cells in `tables`.

    Without `lone`, no row of table 二 with one cell gets a blank (in a PDF such a row prints its label alone).
    """
    keys = list(truth.table3)
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(("row", "column", "balance", "group", "negative", "rules"))
        key = rng.choice(keys)
        cells = truth.table3[key]
        column = rng.randrange(6)
        if kind == "row":
            cells[6] = int(cells[6] or 0) + rng.choice((1, 2, 10))
        elif kind == "column" and key not in ("new", "carry_in", "total", "carry_out"):
            cells[column] = int(cells[column] or 0) + 1
            cells[6] = int(cells[6] or 0) + 1
        elif kind == "balance":
            out = truth.table3["carry_out"]
            out[column] = int(out[column] or 0) + 1
            out[6] = int(out[6] or 0) + 1
        elif kind == "group":
            total = FOUR.index(rng.randrange(3), FOUR.total_column)
            truth.table4[total] = int(truth.table4[total] or 0) + 1
        elif kind == "negative":
            cells[column] = -1 - int(cells[column] or 0)
            cells[6] = sum(int(c or 0) for c in cells[:6])
        elif kind == "rules" and truth.format != "2019":
            truth.table2["规章"] = [rng.randint(1, 3), 0, rng.randint(1, 5)]
    if blanks:
        for _ in range(rng.randint(1, 4)):
            mark = rng.choice(("", "", "/", "—"))
            where = rng.random()
            if where < 0.6 or (where < 0.8 and "四" not in tables):
                truth.table3[rng.choice(keys)][rng.randrange(7)] = mark
            elif where < 0.8:
                truth.table4[rng.randrange(15)] = mark
            else:
                rows = TWO.rows if truth.format != "2019" else TWO_2019.rows
                row = rng.choice([r for r in rows if lone or len(r.columns) > 1])
                truth.table2[row.label][rng.randrange(len(row.columns))] = mark


def known(form: str = "2021") -> Truth:
    """One fixed consistent report (a township's year), to print in every layout and read back in full.

    Table 二's counts are single digits and 2019's procurement count is 0, so that even with every
    separator lost each digit run has one cut (table 二 has no sums to settle one).
    """
    rng = random.Random(f"known-{form}")
    while True:
        truth = draw(rng, blanks=False, large=False, errors=False)
        if truth.format == form:
            break
    for label, cells in truth.table2.items():
        truth.table2[label] = [c % 10 if isinstance(c, int) and c > 0 else c for c in cells]
    if form == "2019":
        truth.table2["政府集中采购"][0] = 0
    return truth
