"""Provides tests of the one description of tables 二、三、四 and of the places that read it."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sections.interview.disclosure import questions
from sections.model.disclosure import Disclosure
from sections.model.grids import TABLES, grid
from sections.model.labels import TABLE2
from sections.model.report import Report
from sections.model.tables import FOUR, THREE, TWO, TWO_2019
from sections.output.export import figures
from sections.output.tables import Table, table2, table3, table4
from sections.output.word import TABLE2_WIDTHS, TABLE3_WIDTHS, TABLE4_WIDTHS
from sections.reading.reader import read_report
from sections.reading.tables import read_table2
from sections.rules.crossyear import check_in_force
from sections.store.drafts import InterviewState, load_draft, recover_draft

from .conftest import CORPUS, ROOT, SAMPLES

STRUCTURE: dict[str, Any] = json.loads(
    (ROOT / "sections" / "model" / "official_structure.json").read_text(encoding="utf-8")
)
DRAFTS = sorted(SAMPLES.glob("*.json"))


def _shown(value: object) -> str:
    return "" if value is None else str(value)


def _figures(tables: list[Table]) -> list[str]:
    return [cell.text for table in tables for _, _, cell in table.cells() if cell.figure]


def test_table2_rows_sit_in_their_official_blocks() -> None:
    """Every row and column of table 二 is official_structure.json's, in its block and in its order."""
    official = [
        (block["title"], label, tuple(block["columns"][1:]))
        for block in STRUCTURE["table2"].values()
        for label in block["rows"]
    ]
    assert [(row.block.title, row.label, row.columns) for row in TWO.rows] == official
    assert [block.columns[0] for block in TWO.blocks] == [b["columns"][0] for b in STRUCTURE["table2"].values()]


def test_table2_2019_rows_sit_in_their_official_blocks() -> None:
    """The 2019 试行 table 二 has the 2019 rows and columns, keyed by label as the draft keeps them."""
    official = [
        (label, label, tuple(block["columns"][1:]))
        for block in STRUCTURE["table2_2019_format"].values()
        for label in block["rows"]
    ]
    assert [(row.key, row.label, row.columns) for row in TWO_2019.rows] == official


def test_table3_rows_and_columns_are_the_official_ones() -> None:
    """Table 三 has the official keys, labels and columns of both layouts, its note and its merged headings."""
    t3 = STRUCTURE["table3"]
    assert [(r.key, r.label) for r in THREE.rows] == [(r["key"], r["label"]) for r in t3["rows_2021"]]
    assert [(r.key, r.label) for r in THREE.rows_2019] == [(r["key"], r["label"]) for r in t3["rows_2019"]]
    assert THREE.columns == tuple(t3["columns"]) and THREE.note == t3["note"]
    ((heading, groups),) = t3["column_groups"].items()
    organisations = next(g for g in groups if isinstance(g, dict))
    assert THREE.applicants_heading == heading
    assert {THREE.organisations_heading: list(THREE.organisations)} == organisations
    assert [THREE.applicants[0], THREE.columns[THREE.total_column]] == [g for g in groups if isinstance(g, str)]


def test_table4_groups_and_columns_are_the_official_ones() -> None:
    """Table 四's fifteen official columns are its three groups by their five outcomes, 总计 last."""
    header = STRUCTURE["table4"]["header"]
    assert FOUR.columns == tuple(header[FOUR.review]) and FOUR.litigation_kinds == tuple(header[FOUR.litigation])
    assert all(tuple(header[FOUR.litigation][kind]) == FOUR.columns for kind in FOUR.litigation_kinds)
    keys = [column.split("_")[0] for column in STRUCTURE["table4"]["columns"]]
    assert keys == [group.key for group in FOUR.groups for _ in FOUR.columns]
    assert FOUR.columns[FOUR.total_column] == "总计" and FOUR.width == len(keys)


def test_every_official_table_label_is_described() -> None:
    """No row or column label of official_structure.json's tables is left out of the description."""
    described = {
        *(text for table in (TWO, TWO_2019) for b in table.blocks for text in (*b.columns, *b.rows)),
        *(block.title for block in TWO.blocks),
        *(r.label for r in THREE.rows + THREE.rows_2019),
        *THREE.columns,
        THREE.note,
        THREE.applicants_heading,
        THREE.organisations_heading,
        *FOUR.columns,
        FOUR.review,
        FOUR.litigation,
        *FOUR.litigation_kinds,
    }

    def labels(node: Any) -> set[str]:
        if isinstance(node, str):
            return {node}
        if isinstance(node, list):
            return set().union(*map(labels, node))
        return set(node) | set().union(*map(labels, node.values()))

    official = (
        labels(STRUCTURE["table2"]) | labels(STRUCTURE["table2_2019_format"]) | labels(STRUCTURE["table4"]["header"])
    )
    official |= labels(STRUCTURE["table3"]["columns"]) | labels(STRUCTURE["table3"]["column_groups"])
    official |= {r["label"] for r in STRUCTURE["table3"]["rows_2021"] + STRUCTURE["table3"]["rows_2019"]}
    official |= {STRUCTURE["table3"]["note"]}
    keys = set(STRUCTURE["table2"]) | set(STRUCTURE["table2_2019_format"]) | {"title", "columns", "rows"}
    assert official - keys <= described


def test_disclosure_fields_are_the_described_rows() -> None:
    """A draft keeps table 二 in one field per described row, and only the fee is read as an amount."""
    assert [name for name in Disclosure.model_fields if name != "trial"] == list(TWO.keys)
    blank = Disclosure()
    for row in TWO.rows:
        assert blank.row(row.key) == [None] * len(row.columns)
        typed = Disclosure.model_validate({row.key: ["12.50"] * len(row.columns) if row.many else "12.50"})
        assert isinstance(typed.row(row.key)[0], Decimal) is row.amount


def test_disclosure_cells_name_every_described_figure() -> None:
    """Each figure of table 二 is checked once, at the place a reviewer names, by the question of its row."""
    places = [(where, str(target)) for where, _, target in Disclosure().cells()]
    expected = [
        (f"表二 {row.label} {column}" if row.many else f"表二 {row.label}", f"t2.{row.key}")
        for row in TWO.rows
        for column in row.columns
    ]
    assert places == expected


@pytest.mark.parametrize("sample", DRAFTS, ids=lambda p: p.stem)
def test_grid_rendered_tables_and_json_agree_cell_for_cell(sample: Path) -> None:
    """The grid editor, the exported tables and `check --json` show the same figures in the same order."""
    report = load_draft(sample).report
    shape = figures(report)
    on_grid = {t: [_shown(s.get(report)) for _, slots in grid(t, report).rows for s in slots if s] for t in TABLES}
    table2_json = [v for value in shape["table2"].values() for v in (value if isinstance(value, list) else [value])]
    assert on_grid["二"] == _figures(table2(report)) == [_shown(v) for v in table2_json]
    assert on_grid["三"] == _figures([table3(report)]) == [_shown(v) for r in shape["table3"].values() for v in r]
    assert on_grid["四"] == _figures([table4(report)]) == [_shown(v) for v in shape["table4"]]
    assert list(shape["table2"]) == [row.label for row in TWO.rows]


@pytest.mark.parametrize("name", ["pingtan-2021.txt", "hongze-2024.txt"])
def test_grid_and_json_agree_on_a_published_report(name: str) -> None:
    """An imported report's grid shows its table 三 rows in the layout it was printed in, as the JSON does."""
    report = read_report(CORPUS / name).report
    shape = figures(report)
    rows = grid("三", report).rows
    assert len(rows) == len(shape["table3"])
    assert [[_shown(s.get(report)) for s in slots if s] for _, slots in rows] == [
        [_shown(v) for v in values] for values in shape["table3"].values()
    ]


def test_only_the_described_totals_are_computed_and_only_the_fee_is_an_amount() -> None:
    """The grid lets the clerk type every figure except 总计 cells, and reads only the fee as 万元."""
    report = Report()
    for table in TABLES:
        for r, (_, slots) in enumerate(grid(table, report).rows):
            for c, slot in enumerate(slots):
                if slot is None:
                    continue
                if table == "二":
                    computed, amount = False, TWO.rows[r].amount
                elif table == "三":
                    key = [row.key for row in THREE.rows][r]
                    computed, amount = THREE.is_computed(key, c), False
                else:
                    computed, amount = FOUR.is_computed(FOUR.index(r, c)), False
                assert (slot.put is None, slot.amount) == (computed, amount), (table, r, c)


def test_grid_edits_land_in_the_described_fields() -> None:
    """A figure typed in the table 二 grid is the figure the model, the JSON and the export show."""
    report = Report()
    for r, (_, slots) in enumerate(grid("二", report).rows):
        for c, slot in enumerate(slots):
            if slot is not None and slot.put is not None:
                slot.put(report, Decimal("1.50") if slot.amount else 10 * r + c)
    assert report.disclosure.row("rules") == [0, 1, 2] and report.disclosure.row("normative") == [10, 11, 12]
    assert report.disclosure.fee == Decimal("1.50")
    assert figures(report)["table2"][TWO.row("fee").label] == "1.50"


def test_table2_questions_ask_the_described_rows() -> None:
    """Each question of table 二 asks one row by its label and columns, after its block's title when it opens it."""
    asked = questions(Report(), InterviewState())
    assert [str(q.id) for q in asked] == [f"t2.{row.key}" for row in TWO.rows]
    for question, row in zip(asked, TWO.rows, strict=True):
        assert question.prompt.startswith(f"{row.block.title} {row.label}：" if row.leads else f"{row.label}：")
        assert row.columns[0].split("（")[0] in question.prompt


def test_reader_finds_the_described_rows_of_table2() -> None:
    """Table 二 as the export prints it reads back into every described row, with its figures."""
    report = load_draft(SAMPLES / "county-bureau-2025.json").report
    text = "\n".join("\t".join(cell.text for cell in row) for t in table2(report) for row in t.rows)
    read = read_table2(text, trial=False, run_together=False)
    assert read.rows == len(TWO.rows)
    assert list(read.cells) == [row.label for row in TWO.rows]
    assert [_shown(v) for row in TWO.rows for v in read.cells[row.label]] == [
        _shown(v) for row in TWO.rows for v in report.disclosure.row(row.key)
    ]


def test_damaged_draft_names_each_table2_field_by_its_official_label(tmp_path: Path) -> None:
    """A damaged table 二 figure in a draft is reported with the row label a clerk knows."""
    path = tmp_path / "d.json"
    for row in TWO.rows:
        data = json.loads((SAMPLES / "county-bureau-2025.json").read_text(encoding="utf-8"))
        data["report"]["disclosure"][row.key] = True if row.amount else 12.5
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        _, problems = recover_draft(path)
        assert problems and problems[0].startswith(f"表二 {row.label}"), problems


def test_in_force_check_names_each_document_row() -> None:
    """X2 names each document row of table 二 by its label and its last column, 现行有效件数."""
    report, previous = Report(), Report()
    for row in TWO.documents:
        setattr(report.disclosure, row.key, [1, 0, 5])
        setattr(previous.disclosure, row.key, [0, 0, 1])
    places = [finding.where for finding in check_in_force(report, previous)]
    assert places == [f"表二 {row.label} {row.columns[-1]}" for row in TWO.documents]
    assert [row.label for row in TWO.documents] == list(TABLE2[0].rows)


def test_word_tables_have_a_width_for_every_column() -> None:
    """The Word writer sizes exactly the columns the printed tables have."""
    report = Report()
    assert [len(TABLE2_WIDTHS), len(TABLE3_WIDTHS), len(TABLE4_WIDTHS)] == [
        table2(report)[0].width,
        table3(report).width,
        table4(report).width,
    ]
