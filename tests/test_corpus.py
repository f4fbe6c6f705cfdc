"""Provides the corpus test: every published report in tests/corpus is read to its expected figures and findings.

Any file with an `<id>.expected.json` beside it is a case (.txt, .md, .html, .docx, .pdf), so a further
set of real reports is tested the same way by dropping the pairs into the folder.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from sections.model.findings import Finding, Severity
from sections.output.export import figures
from sections.reading.reader import Reading, read_report
from sections.reading.structure import check_imported

from .conftest import CORPUS

REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
REPORTS = sorted(
    p for p in CORPUS.iterdir() if p.suffix in REPORT_SUFFIXES and (CORPUS / f"{p.stem}.expected.json").exists()
)
NARRATIVE_OR_CROSS_YEAR = re.compile(r"^[NX]\d")
"""Rules of issue 6 (narrative and cross-year): not asserted here."""


@cache
def expected(stem: str) -> dict[str, Any]:
    """The ground truth of a report id."""
    data: dict[str, Any] = json.loads((CORPUS / f"{stem}.expected.json").read_text(encoding="utf-8"))
    return data


@cache
def reading(path: Path) -> tuple[Reading, tuple[Finding, ...]]:
    """A corpus file read and checked once for all tests (PDFs take a while)."""
    result = read_report(path)
    return result, tuple(check_imported(result))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def same_place(wanted: str, found: str) -> bool:
    """Whether two `where`s name the same place: equal, one inside the other, or the same table and column.

    A place written without Chinese (「section headings」) names no particular spot: the rule alone counts.
    """
    if not re.search(r"[\u4e00-\u9fff]", wanted):
        return True
    a, b = _flat(wanted), _flat(found)
    if a == b or a in b or b in a:
        return True
    first_a, *_, last_a = a.split() or [""]
    first_b, *_, last_b = b.split() or [""]
    return first_a == first_b and last_a == last_b and len(a.split()) > 1


def _unread_rows(findings: tuple[Finding, ...]) -> set[str]:
    return {f.where for f in findings if f.rule == "R1"}


def _row_place(table: str, key: str) -> str:
    from sections.model.requests import row_name

    return f"表三 行[{row_name(key)}]" if table == "table3" else f"表二 {key}" if table == "table2" else "表四"


def _compare(table: str, key: str, got: Any, want: Any, layout: str, unread: set[str]) -> list[str]:
    """Cell-by-cell differences; an unread cell of a run-together table is fine when R1 reports it."""
    got_cells = got if isinstance(got, list) else [got]
    want_cells = want if isinstance(want, list) else [want]
    if len(got_cells) != len(want_cells):
        return [f"{table} {key}: {got} ≠ {want}"]
    problems = []
    for column, (g, w) in enumerate(zip(got_cells, want_cells, strict=True)):
        if g == w:
            continue
        if g is None and layout == "flattened" and _row_place(table, key) in unread:
            continue
        problems.append(f"{table} {key}[{column}]: read {g!r}, expected {w!r}")
    return problems


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_figures_equal_expected_cell_by_cell(path: Path) -> None:
    """The body, level, year and every figure read from a published report equal the hand-checked ones."""
    truth = expected(path.stem)
    read, findings = reading(path)
    shape = figures(read.report)
    for key in ("agency", "level", "year", "format"):
        assert shape[key] == truth[key], key
    assert read.complete == truth["complete"]
    if truth["text_layout"] != "none" and path.suffix in (".txt", ".md"):
        assert read.text_layout == truth["text_layout"]
    unread = _unread_rows(findings)
    problems: list[str] = []
    for table in ("table2", "table3"):
        for key, want in truth.get(table, {}).items():
            got = shape.get(table, {}).get(key)
            problems += _compare(table, key, got, want, truth["text_layout"], unread)
        if table not in truth:
            assert table not in shape or truth["complete"] is False, f"{table} read but not in the text"
    if "table2_columns" in truth:
        assert shape["table2_columns"] == truth["table2_columns"]
    if "table4" in truth:
        problems += _compare("table4", "table4", shape.get("table4"), truth["table4"], truth["text_layout"], unread)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_every_expected_finding_is_reported(path: Path) -> None:
    """Each finding the ground truth lists (narrative and cross-year rules aside) is reported at its place."""
    _, findings = reading(path)
    missing = [
        (e["rule"], e["where"])
        for e in expected(path.stem)["findings"]
        if not NARRATIVE_OR_CROSS_YEAR.match(e["rule"])
        and not e["needs_previous"]
        and not any(f.rule == e["rule"] and same_place(e["where"], f.where) for f in findings)
    ]
    assert not missing, [(f.rule, f.where) for f in findings]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_no_error_the_ground_truth_does_not_list(path: Path) -> None:
    """No error-severity finding is reported that the ground truth does not list (its notes say why)."""
    wanted = expected(path.stem)["findings"]
    _, findings = reading(path)
    extra = [
        (f.rule, f.where, f.message)
        for f in findings
        if f.severity is Severity.ERROR
        and not any(f.rule == e["rule"] and same_place(e["where"], f.where) for e in wanted)
    ]
    assert not extra


@pytest.mark.parametrize("path", [p for p in REPORTS if not expected(p.stem)["complete"]], ids=lambda p: p.name)
def test_excerpt_gets_no_missing_section_or_table(path: Path) -> None:
    """An excerpt (first page only) is not told that its later sections or tables are missing."""
    _, findings = reading(path)
    assert not [f for f in findings if f.rule in ("S1", "R2") or (f.rule == "R1" and "未找到" in f.message)]


def test_same_place_matches_reviewer_wording() -> None:
    """Places written differently for the same cell match; different cells do not."""
    assert same_place("表二 第二十条第（一）项 本年废止件数", "表二 规章 本年废止件数")
    assert same_place("表三 （三）不予公开 第2行", "表三 （三）不予公开 第2行")
    assert same_place("section headings", "五、存在的主要问题及改进情况")
    assert not same_place("表三 列[自然人]", "表三 列[总计]")
    assert not same_place("表二 规章", "表三 （三）不予公开 第2行")
