"""Provides tests that every finding names a question the interview can jump to, and that question ids are typed.

Findings are taken from each rule on its own, over drafts made every way a draft comes to be: by the
interview (the sample drafts), by importing each corpus report, by carrying a report over to the next year,
by grid edits, and by hand-made reports that trigger each rule of the registry.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest

from sections.interview.engine import Interview
from sections.model.findings import Finding
from sections.model.grids import TableId, grid
from sections.model.ids import SECTION_ORDER, SUBSECTIONS, QuestionId
from sections.model.labels import SECTION_NUMERALS, SUBSECTION_NUMERALS
from sections.model.overview import Overview, Subsection
from sections.model.report import Report
from sections.model.requests import row_question
from sections.reading.reader import Reading, read_report
from sections.reading.structure import RULES as IMPORT_RULES
from sections.rules import crossyear, disclosure_2019, repetition
from sections.rules.meta import check_deadline
from sections.rules.registry import RULES, check
from sections.store.drafts import Draft, load_draft
from sections.store.workspace import draft_from, draft_from_previous

from .conftest import CORPUS, ROOT, SAMPLES

Rule = Callable[..., Iterable[Finding]]

UNTARGETED: dict[Rule, str] = {
    disclosure_2019.check_blank: "the 2019/2020 table 二 (试行 layout) is kept as printed: no question asks it",
    disclosure_2019.check_negative: "the 2019/2020 table 二 (试行 layout) is kept as printed: no question asks it",
}
"""Rules of the registry whose findings have no question, and why."""

READING_ONLY: dict[str, str] = {
    "S1": "the headings of the file as printed; a draft prints the official headings itself",
    "S4": "the number of parts the printed preface states against the parts printed",
    "S5": "the title as printed; a draft makes its title from the body and the year",
    "L1": "a row label as printed; a draft prints the official labels",
    "L2": "the outdated layout of the printed tables, kept in the draft as read",
    "R1": "a figure the reader could not read; the draft leaves it blank, so the interview asks it anyway",
    "R2": "a table missing from the file; its blank figures are asked anyway",
    "R3": "how the reader recovered a shifted row, for the record",
    "C1": "the reader's note on words in a cell it read as a number; the draft holds the number",
}
"""Findings of reading a published report that have no question (rule id → why); the interview never shows them."""

EVERY_RULE = {
    *("C1", "C2", "C3", "C4", "T2-RULES", "T3-ROW", "T3-COL", "T3-BAL", "T4-SUM", "S2", "S3", "D1"),
    *("N1", "N2", "N3", "N4", "N5", "N6", "X1", "X2", "X3", "X4"),
}
"""The rule ids the cases below must trigger at least once."""


@dataclass(frozen=True)
class Case:
    """A draft and how it came to be."""

    name: str
    draft: Draft


def _by_rule(draft: Draft) -> Iterator[tuple[Rule, Finding]]:
    """Every finding of the registry with the rule that made it."""
    report, previous = draft.report, draft.interview.previous
    for rule in (*RULES, check_deadline):
        yield from ((rule, f) for f in rule(report))
    if previous is not None:
        for cross in (*crossyear.RULES, *repetition.RULES):
            yield from ((cross, f) for f in cross(report, previous))


def _lands(draft: Draft, target: str) -> str | None:
    """Why jumping to `target` fails, or None when the interview then asks exactly that question."""
    interview = Interview(draft)
    turn = interview.goto(target)
    refused = [m.text for m in turn.messages if m.kind == "refusal"]
    if refused:
        return f"refused: {refused[0]}"
    current = interview.current
    return None if current is not None and current.id == target else f"asks {current and current.id} instead"


def _put(report: Report, table: TableId, label: str, column: int, value: int | Decimal) -> None:
    """Set one cell as the grid editor does: through the slot of the first row whose label has `label`."""
    _, slots = next(row for row in grid(table, report).rows if label in row[0])
    slot = slots[column]
    assert slot is not None and slot.put is not None
    slot.put(report, value)


def _county() -> Draft:
    return load_draft(SAMPLES / "county-bureau-2025.json")


def _subsequence(part: list[QuestionId], whole: list[QuestionId]) -> bool:
    rest = iter(whole)
    return all(item in rest for item in part)


@pytest.fixture(scope="module")
def readings() -> list[Reading]:
    """Every text report of the corpus, read."""
    return [read_report(p) for p in sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.md")]) if p.name != "README.md"]


def _interviewed() -> list[Case]:
    return [Case(f"interviewed {p.name}", load_draft(p)) for p in sorted(SAMPLES.glob("*.json"))]


def _carried(readings: list[Reading]) -> list[Case]:
    reports = [(str(r.source), r.report) for r in readings] + [(c.name, c.draft.report) for c in _interviewed()]
    return [Case(f"carried over from {name}", draft_from_previous(report)) for name, report in reports]


def _grid_edited(readings: list[Reading]) -> list[Case]:
    """Grid edits over an interviewed, an imported and a closed-gate draft: negatives and broken sums."""
    pingtan = next(r for r in readings if "pingtan-2022" in str(r.source))
    cases = []
    for name, draft in (("interviewed", load_draft(SAMPLES / "baibi-2021.json")), ("imported", draft_from(pingtan))):
        _put(draft.report, "二", "规章", 1, -1)
        _put(draft.report, "三", "国家秘密", 0, -2)
        _put(draft.report, "三", "本年新收", 0, 40)
        _put(draft.report, "四", "行政复议", 1, -1)
        cases.append(Case(f"grid edits over the {name} draft", draft))
    stated = _county()
    stated.report.requests.rows["u_nothold"][6] = 9  # a 总计 as an imported report prints it
    _put(stated.report, "三", "不掌握", 0, 5)
    cases.append(Case("grid edit of a row whose printed 总计 disagrees", stated))
    closed = _county()
    closed.interview.choices[QuestionId.T3_ANY] = False
    closed.interview.choices[QuestionId.T4_ANY] = False
    _put(closed.report, "三", "禁止公开", 3, -3)
    _put(closed.report, "四", "复议后起诉", 0, -1)
    cases.append(Case("grid edits after 「否」 to both gates", closed))
    return cases


def _hand_made() -> list[Case]:
    """Reports that trigger each rule of the registry, each narrative check in a different passage."""
    table2 = _county()
    disclosure = table2.report.disclosure
    table2.report.meta.level, table2.report.meta.fee_decimals = "乡镇街道", 2
    disclosure.rules, disclosure.normative, disclosure.permits = [1, 0, 1], [2, -1, 9], "/"
    disclosure.fee = Decimal("5000.5")
    table3 = _county()
    rows = table3.report.requests.rows
    rows["d_secret"][2], rows["r_open"][6], rows["n_repeat"][0] = "—", 99, -1
    rows["total"] = [1, 1, 1, 1, 1, 1, 6]
    rows["new"] = [20, 3, 0, 0, 1, 0, None]
    outdated = _county()
    table = outdated.report.requests.rows
    for key in ("o_nocorrect", "o_nofee", "o_other"):
        del table[key]
    table["o_all"] = [-1, 0, 0, 0, 0, 0, None]
    table4 = _county()
    table4.report.appeals.cells[4], table4.report.appeals.cells[5], table4.report.appeals.cells[10] = 9, "无", -1
    narrative = _county()
    report = narrative.report
    report.meta.preface = (report.meta.preface or "") + "本年共收到政府信息公开申请99件。"
    titles = [s.title for s in report.overview.subsections or []] + [f"专题{i}" for i in range(6)]
    report.overview = Overview(
        opening="本年新收申请16件，其中予以公开8件，占77%。",
        subsections=[Subsection(title=t, text="按计划推进。") for t in titles],
    )
    subs = report.overview.subsections or []
    subs[0].text = "本年发生行政复议案件5件。"
    subs[1].text = "2020年，全年主动公开信息100条。"
    subs[10].text = "2020年，全年主动公开信息200条。"
    report.improvements.text = "本年制发规范性文件99件。"
    report.other.fee_amount, report.other.fee_count, report.other.text = Decimal(100), 2, "本年度未收取信息处理费。"
    themes = _county()
    themes.report.overview = Overview(
        opening="本年工作平稳。", subsections=[Subsection(title="概况", text="按计划完成。")]
    )
    themes.report.improvements.text = "无。"
    last = _county().report
    following = draft_from_previous(last)
    this = following.report
    this.requests.rows["carry_in"] = [5, 0, 0, 0, 0, 0, None]
    this.disclosure.normative, this.disclosure.permits = [3, 0, 20], 20000
    this.overview = last.overview.model_copy(deep=True)
    this.improvements = last.improvements.model_copy(deep=True)
    return [
        Case("table 二: blank, negative, decimals, unit, 规章", table2),
        Case("table 三: blank, negative, row and column sums, balance", table3),
        Case("table 三 in the outdated layout with one （六） row", outdated),
        Case("table 四: blank, negative, sums", table4),
        Case("narrative against the tables, in every kind of passage", narrative),
        Case("一 without its themes, 五 a token line", themes),
        Case("next year's draft against last year's", following),
    ]


@pytest.fixture(scope="module")
def cases(readings: list[Reading]) -> list[Case]:
    """Drafts made by the interview, by import, by carrying over, by grid edits and by hand."""
    imported = [Case(f"imported {r.source}", draft_from(r)) for r in readings]
    return [*_interviewed(), *imported, *_carried(readings), *_grid_edited(readings), *_hand_made()]


def test_every_finding_lands_on_its_question(cases: list[Case]) -> None:
    """Choosing any finding asks the question that sets its figure, never 「不知道要跳到哪里」."""
    failures = [
        f"{case.name}: {finding.rule} {finding.where} → {finding.target}: {problem}"
        for case in cases
        for _, finding in _by_rule(case.draft)
        if finding.target is not None and (problem := _lands(case.draft, finding.target))
    ]
    assert not failures, "\n".join(failures)


def test_findings_without_a_question_are_the_listed_ones(cases: list[Case]) -> None:
    """Every finding the clerk can choose has a question to jump to, except those listed with a reason."""
    unlisted = [
        f"{case.name}: {finding.rule} {finding.where}"
        for case in cases
        for rule, finding in _by_rule(case.draft)
        if finding.target is None and rule not in UNTARGETED
    ]
    assert not unlisted, "\n".join(unlisted)


def test_the_cases_trigger_every_rule(cases: list[Case]) -> None:
    """The drafts above raise every rule of the registry at least once, so no rule escapes the check."""
    seen = {finding.rule for case in cases for _, finding in _by_rule(case.draft)}
    assert EVERY_RULE <= seen, sorted(EVERY_RULE - seen)


def test_rules_one_by_one_are_the_whole_registry(cases: list[Case]) -> None:
    """Running the rules one by one finds exactly what the interview's check finds."""
    for case in cases:
        report, previous = case.draft.report, case.draft.interview.previous
        alone = Counter(f.key for _, f in _by_rule(case.draft))
        assert alone == Counter(f.key for f in check(report, previous=previous)), case.name


def test_reading_findings_have_a_question_or_a_reason(readings: list[Reading]) -> None:
    """A published report's own findings jump to a question, or are listed as about the file as printed."""
    problems = []
    for reading in readings:
        draft = draft_from(reading)
        found = [f for rule in IMPORT_RULES for f in rule(reading.report, reading)] + reading.findings
        for finding in found:
            if finding.target is None:
                if finding.rule not in READING_ONLY:
                    problems.append(f"{reading.source}: {finding.rule} {finding.where} has no question")
            elif problem := _lands(draft, finding.target):
                problems.append(f"{reading.source}: {finding.rule} → {finding.target}: {problem}")
    assert not problems, "\n".join(problems)


def test_plans_hold_only_question_ids_in_catalogue_order(cases: list[Case]) -> None:
    """The sidebar and the flow only ever name known questions, in the order every question has."""
    for case in cases:
        interview = Interview(case.draft)
        plan, catalogue = interview.plan(), interview.catalogue()
        assert all(isinstance(q.id, QuestionId) and q.section in SECTION_ORDER for q in catalogue), case.name
        assert _subsequence([q.id for q in plan], [q.id for q in catalogue]), case.name


def test_table_three_row_questions_are_the_official_rows() -> None:
    """Each result row of table 三 (and the outdated single （六） row) has its own question."""
    structure = json.loads((ROOT / "sections/model/official_structure.json").read_text(encoding="utf-8"))["table3"]
    rows_2021 = {r["key"] for r in structure["rows_2021"] if r["group"] is not None and r["key"] != "total"}
    outdated = {r["key"] for r in structure["rows_2019"]} - {r["key"] for r in structure["rows_2021"]}
    members = {q.value.removeprefix("t3.row.") for q in QuestionId if q.value.startswith("t3.row.")}
    assert members == rows_2021 | outdated
    every_row = {r["key"] for r in structure["rows_2021"] + structure["rows_2019"]}
    assert all(isinstance(row_question(key), QuestionId) for key in every_row)


def test_sections_and_subsections_follow_the_labels() -> None:
    """The sidebar's sections are 基本信息 and the six numerals; 一 asks as many parts as it can number."""
    assert SECTION_ORDER == ("基本信息", *SECTION_NUMERALS)
    assert len(SUBSECTIONS) == len(SUBSECTION_NUMERALS)


def test_a_row_out_of_the_plan_is_asked_then_the_flow_goes_on() -> None:
    """A finding on a table 三 row not chosen in the checklist asks that row; Enter keeps it and moves on."""
    draft = _county()
    _put(draft.report, "三", "重复申请", 0, -1)
    interview = Interview(draft)
    row = QuestionId.T3_ROW_N_REPEAT
    assert interview.question(row) is None
    interview.focus(row)
    assert interview.current is not None and interview.current.id == row
    turn = interview.submit("")
    assert [m.text for m in turn.messages][0] == "保留原来的回答。"
    assert interview.current is None or interview.current.id != row
    assert interview.question(row) is None


def test_answering_a_row_out_of_the_plan_clears_its_finding_and_undo_asks_it_again() -> None:
    """The corrected row clears its C2; /undo puts the negative back and asks the row again."""
    draft = _county()
    _put(draft.report, "三", "重复申请", 0, -1)
    interview = Interview(draft)
    row = QuestionId.T3_ROW_N_REPEAT
    interview.goto(row)
    turn = interview.submit("1 0 0 0 0 0")
    assert any(m.kind == "cleared" and m.finding and m.finding.rule == "C2" for m in turn.messages)
    interview.submit("/undo")
    assert interview.current is not None and interview.current.id == row


def test_an_unknown_target_is_still_refused() -> None:
    """「/goto 七」 or a made-up id says 不知道要跳到哪里."""
    interview = Interview(_county())
    for target in ("七", "t3.row.nothing"):
        assert [m.kind for m in interview.goto(target).messages] == ["refusal"]
