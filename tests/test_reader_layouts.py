"""Provides the property a reviewer relies on: a figure read from a report is right or it is blank.

Generated reports (random figures, blank and 「/」 cells, inconsistencies put in on purpose) are printed in
every layout published reports come in (`tests/generated_reports.py`) and read back. Over all of them,
and over the real reports of tests/corpus: no figure is placed that differs from the one printed, every
figure left blank is named by an R1 finding, and every inconsistency printed in the tables is found.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from sections.model.findings import Figure, Finding
from sections.model.requests import row_name
from sections.model.tables import TWO, TWO_2019
from sections.reading.files import file_text
from sections.reading.reader import Reading, read_text
from sections.reading.structure import check_imported

from .generated_reports import Truth, known
from .report_layouts import LAYOUTS, generate

REPORTS = 550
"""Generated reports, spread over the layouts (each seed in one layout)."""


@dataclass
class Outcome:
    """What reading one generated report gave, against its truth."""

    wrong: list[str] = field(default_factory=list)
    """Placed figures that differ from the printed ones (must stay empty)."""
    silent: list[str] = field(default_factory=list)
    """Figures left blank with no R1 naming their row or table (must stay empty)."""
    missed: list[str] = field(default_factory=list)
    """Inconsistencies printed in the tables that no finding reports (must stay empty)."""
    undecided: list[str] = field(default_factory=list)
    """Column sums of table 三 or 四 not judged because a row of digits run together stays open (R1), and
    some reading of it would make them add up: the text itself does not say they are wrong."""
    blanks: int = 0
    """Figures left blank (each reported)."""


def _read_cells(reading: Reading, truth: Truth) -> dict[tuple[str, str], list[Figure]]:
    report = reading.report
    cells: dict[tuple[str, str], list[Figure]] = {}
    if truth.format == "2019":
        rows = report.disclosure.trial.rows if report.disclosure.trial else {}
        for row in TWO_2019.rows:
            cells["二", row.label] = rows.get(row.label, [None] * len(row.columns))
    else:
        for row in TWO.rows:
            cells["二", row.label] = [str(v) if isinstance(v, Decimal) else v for v in report.disclosure.row(row.key)]
    for key in truth.table3:
        cells["三", key] = report.requests.rows.get(key, [None] * 7)
    cells["四", ""] = report.appeals.cells
    return cells


def _place(table: str, key: str) -> str:
    if table == "二":
        return f"表二 {key}"
    if table == "三":
        return f"表三 行[{row_name(key)}]"
    return "表四"


def _same(read: Figure, printed: Figure) -> bool:
    if read == printed:
        return True
    if isinstance(read, str) and isinstance(printed, str) and printed[:1].isdigit():
        return Decimal(read) == Decimal(printed) if read.replace(".", "", 1).isdigit() else False
    return False


def outcome(truth: Truth, reading: Reading, findings: list[Finding]) -> Outcome:
    """Every placed figure against the printed one, every blank against R1, every inconsistency against the findings."""
    result = Outcome()
    unread = {f.where for f in findings if f.rule in ("R1", "R2")}
    printed: dict[tuple[str, str], list[Figure]] = {("二", k): v for k, v in truth.table2.items()}
    printed |= {("三", k): v for k, v in truth.table3.items()}
    printed["四", ""] = truth.table4
    read = _read_cells(reading, truth)
    for (table, key), cells in printed.items():
        got = read.get((table, key), [None] * len(cells))
        for column, wanted in enumerate(cells):
            value = got[column] if column < len(got) else None
            if value is None:
                result.blanks += 1
                if not {_place(table, key), f"表{table}"} & unread:
                    result.silent.append(f"{_place(table, key)}[{column}]")
            elif not _same(value, wanted):
                result.wrong.append(f"{_place(table, key)}[{column}]: read {value!r}, printed {wanted!r}")
    found = {(f.rule, f.where) for f in findings}
    sections = {f.section for f in findings if f.rule == "C1"}
    open_tables = {w[1] for w in unread if w.startswith("表")} if reading.text_layout == "flattened" else set()
    for rule, where in sorted(truth.findings):
        if (rule == "C1" and where[1] not in sections) or (rule != "C1" and (rule, where) not in found):
            spanning = rule in ("T3-COL", "T3-BAL", "T4-SUM") and where[1] in open_tables
            (result.undecided if spanning else result.missed).append(f"{rule} {where}")
    return result


def read_generated(seed: int, layout: str) -> tuple[Truth, Outcome]:
    """Generate report `seed` in `layout`, read it as `nianbao check` would, and judge the reading."""
    truth, data, suffix = generate(seed, layout)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    reading = read_text(file_text(raw, Path(f"generated-{seed}{suffix}")), f"generated-{seed}")
    return truth, outcome(truth, reading, check_imported(reading))


NAMES = list(LAYOUTS)
CASES = [(seed, NAMES[seed % len(NAMES)]) for seed in range(REPORTS)]


@pytest.fixture(scope="module")
def outcomes() -> dict[tuple[int, str], Outcome]:
    """Every generated report read once (a few seconds in all)."""
    return {(seed, layout): read_generated(seed, layout)[1] for seed, layout in CASES}


def test_no_placed_figure_differs_from_the_printed_one(outcomes: dict[tuple[int, str], Outcome]) -> None:
    """Over 550 generated reports in eleven layouts (a real PDF too), no figure is read as another number or mark."""
    wrong = {case: o.wrong for case, o in outcomes.items() if o.wrong}
    assert not wrong


def test_every_figure_left_blank_is_reported(outcomes: dict[tuple[int, str], Outcome]) -> None:
    """A figure the reader could not prove is left blank and named by an R1 warning, never silently."""
    silent = {case: o.silent for case, o in outcomes.items() if o.silent}
    assert not silent
    assert sum(o.blanks for o in outcomes.values()) > 0, "some generated figures cannot be read and are reported"


def test_every_printed_inconsistency_is_found(outcomes: dict[tuple[int, str], Outcome]) -> None:
    """Every sum that does not add up, negative count, blank cell and 规章 without the power to make them is found.

    The one exception: in text whose figures all ran together, a column sum over a row that stays open
    (R1) and that some cut of its digits would make add up (a handful of the flattened reports).
    """
    missed = {case: o.missed for case, o in outcomes.items() if o.missed}
    assert not missed
    undecided = [case for case, o in outcomes.items() if o.undecided]
    assert all(layout == "flattened" for _, layout in undecided)
    assert len(undecided) <= len(outcomes) // 50


@pytest.mark.parametrize("form", ["2021", "2019", "2021-outdated-six"])
@pytest.mark.parametrize("layout", NAMES)
def test_a_known_report_reads_back_in_every_layout(layout: str, form: str) -> None:
    """A consistent report printed in any layout reads back to every figure, with nothing left blank."""
    truth = known(form)
    data, suffix = LAYOUTS[layout][0](truth, random.Random(layout))
    raw = data.encode("utf-8") if isinstance(data, str) else data
    reading = read_text(file_text(raw, Path(f"known{suffix}")))
    result = outcome(truth, reading, check_imported(reading))
    assert (result.wrong, result.missed, result.blanks) == ([], [], 0)
    assert reading.format == form and reading.report.meta.body == truth.body
