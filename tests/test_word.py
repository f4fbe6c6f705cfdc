"""Provides tests of the Word export: official merged tables, labels and figures, page, fonts."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from sections.model.errors import ExportError
from sections.model.labels import (
    SECTION_HEADINGS,
    T3_APPLICANTS_HEADING,
    T3_COLUMNS,
    T3_GROUP_HEADINGS,
    T3_NOTE,
    T3_ORGANISATIONS_HEADING,
    T3_RESULT_HEADING,
    T3_ROWS,
    T4_LITIGATION,
    T4_LITIGATION_KINDS,
    T4_OUTCOMES,
    T4_REVIEW,
    TABLE2,
)
from sections.model.report import Report
from sections.output.export import export
from sections.output.word import STYLE_IDS, TABLE_STYLE, word
from sections.store.drafts import load_draft

from .conftest import SAMPLES
from .fixtures.layout import Grid, Placed, check_against_template, county_figures, from_vmerge

HOSTILE = "<script>alert(1)</script> {{ 7*7 }} [bold]粗[/bold] \x1b[31m红\x1b[0m"


def _open(report: Report) -> Document:
    return docx.Document(BytesIO(word(report)))


def _grids(document: Document) -> list[Grid]:
    """Each Word table as cells with the spans Word stores (gridSpan, vMerge)."""
    grids = []
    for table in document.tables:
        rows = [
            [("".join(t.text or "" for t in tc.iter(qn("w:t"))), tc.grid_span, tc.vMerge) for tc in tr.tc_lst]
            for tr in table._tbl.tr_lst
        ]
        grids.append(from_vmerge(rows))
    return grids


def _find(grid: Grid, text: str) -> Placed:
    return next(p for p in grid if p.text == text)


def test_word_tables_have_the_official_merged_cells_labels_and_figures(county: Report) -> None:
    """The .docx has tables 二、三、四 merged as in the official template, with every figure."""
    document = _open(county)
    assert len(document.tables) == 3
    assert [(len(t.rows), len(t.columns)) for t in document.tables] == [(14, 4), (28, 10), (4, 15)]
    assert check_against_template(_grids(document)) == county_figures()


def test_word_merges_named_in_the_issue(county: Report) -> None:
    """申请人情况 spans 7 columns, 法人或其他组织 5, 三、本年度办理结果 22 rows, 行政诉讼 10."""
    _, t3, t4 = _grids(_open(county))
    assert _find(t3, T3_NOTE).colspan == 3 and _find(t3, T3_NOTE).rowspan == 3
    assert _find(t3, T3_APPLICANTS_HEADING).colspan == 7
    assert _find(t3, T3_ORGANISATIONS_HEADING).colspan == 5
    results = [r for r in T3_ROWS if r.group is not None]
    assert _find(t3, T3_RESULT_HEADING).rowspan == len(results) == 22
    assert _find(t3, T3_GROUP_HEADINGS["三(三)"]).rowspan == 8
    assert (_find(t4, T4_REVIEW).colspan, _find(t4, T4_LITIGATION).colspan) == (5, 10)


def test_word_shows_every_official_label(county: Report) -> None:
    """Every heading, table title, row and column label of the official structure is shown."""
    document = _open(county)
    paragraphs = [p.text for p in document.paragraphs]
    cells = {p.text for grid in _grids(document) for p in grid}
    assert [p for p in paragraphs if p in SECTION_HEADINGS] == list(SECTION_HEADINGS)
    labels = {
        T3_NOTE,
        T3_APPLICANTS_HEADING,
        T3_ORGANISATIONS_HEADING,
        T3_RESULT_HEADING,
        *T3_GROUP_HEADINGS.values(),
        *T3_COLUMNS,
        *(r.label for r in T3_ROWS),
        T4_REVIEW,
        T4_LITIGATION,
        *T4_LITIGATION_KINDS,
        *T4_OUTCOMES,
    }
    labels |= {text for block in TABLE2 for text in (block.title, *block.columns, *block.rows)}
    assert labels - cells == set()


def test_word_page_follows_gb_t_9704(county: Report) -> None:
    """A4, 37/35/28/26 mm margins, 「— 1 —」 page numbers, title and headings in official fonts."""
    document = _open(county)
    section = document.sections[0]
    sizes = (
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    )
    assert [round((s or 0) / Mm(1)) for s in sizes] == [210, 297, 37, 35, 28, 26]
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "— " in footer.paragraphs[0].text and " —" in footer.paragraphs[0].text
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml

    def east_asia(style: str) -> str:
        fonts = document.styles[style].element.rPr.find(qn("w:rFonts"))
        return str(fonts.get(qn("w:eastAsia")))

    assert (east_asia("Title"), east_asia("Normal")) == ("方正小标宋简体", "仿宋_GB2312")
    assert (east_asia("Heading 1"), east_asia("Heading 2")) == ("黑体", "楷体_GB2312")
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16) and normal.paragraph_format.line_spacing == Pt(28)
    assert normal.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    assert document.styles["Title"].font.size == Pt(22)
    defaults = next(document.styles.element.find(qn("w:docDefaults")).iter(qn("w:lang")))
    assert defaults.get(qn("w:eastAsia")) == "zh-CN"
    assert (document.core_properties.title, document.core_properties.author) == (
        county.meta.title,
        "云溪县市场监督管理局",
    )
    title = document.paragraphs[0]
    assert title.style is not None and title.style.name == "Title"
    assert title.text == "云溪县市场监督管理局\n2025年政府信息公开工作年度报告"
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 2"]
    assert headings[0] == "（一）主动公开"


def test_word_shows_hostile_text_literally(county: Report) -> None:
    """Markup, template syntax and terminal escapes typed by a user appear as plain characters."""
    county.improvements.text = HOSTILE
    county.requests.rows["new"][0] = "<b>"
    document = _open(county)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert(1)</script> {{ 7*7 }} [bold]粗[/bold] 红" in text and "\x1b" not in text
    assert "<b>" in {p.text for p in _grids(document)[1]}


def test_word_export_writes_file_and_cli_requires_output(county: Report, tmp_path: Path) -> None:
    """`nianbao export --format docx` needs -o, writes a .docx and refuses to overwrite it."""
    out = tmp_path / "报告.docx"
    command = [sys.executable, "-m", "tui", "export", str(SAMPLES / "county-bureau-2025.json"), "--format", "docx"]
    refused = subprocess.run(command, capture_output=True, text=True)
    assert refused.returncode == 2 and "-o" in refused.stderr and refused.stdout == ""
    assert subprocess.run([*command, "-o", str(out)], capture_output=True).returncode == 0
    assert docx.Document(str(out)).tables[1].cell(3, 9).text == "16"
    again = subprocess.run([*command, "-o", str(out)], capture_output=True, text=True)
    assert again.returncode == 2 and "已存在" in again.stderr
    with pytest.raises(ExportError, match="已存在"):
        export(county, out, "docx")


@pytest.mark.parametrize(
    "report",
    [
        pytest.param(Report(), id="empty"),
        *(pytest.param(load_draft(p).report, id=p.stem) for p in sorted(SAMPLES.glob("*.json"))),
    ],
)
def test_every_draft_exports_to_word(report: Report) -> None:
    """A new empty draft and every sample export to a .docx with three tables and six headings."""
    document = _open(report)
    assert [(len(t.rows), len(t.columns)) for t in document.tables] == [(14, 4), (28, 10), (4, 15)]
    headings = [p.text for p in document.paragraphs if p.text in SECTION_HEADINGS]
    assert headings == list(SECTION_HEADINGS)


def test_word_cells_keep_tabs_line_breaks_and_edge_spaces(county: Report) -> None:
    """A figure typed with a tab, a line break or spaces at its ends reads back from the .docx as typed."""
    typed = [" 3\t条", "1\n其中2", "\u3000全角 ", "a & <b>"]
    county.requests.rows["new"][:4] = typed
    table = _open(county).tables[1]
    new_row = next(r for r, row in enumerate(table.rows) if row.cells[0].text == T3_ROWS[0].label)
    assert [table.cell(new_row, 3 + c).text for c in range(4)] == typed
    # Word drops a text's edge spaces unless they are marked to be kept.
    kept = {t.text for t in table._tbl.iter(qn("w:t")) if t.get(qn("xml:space")) == "preserve"}
    assert kept == {" 3", "\u3000全角 "}


def test_word_tables_and_headings_use_the_documents_own_styles(county: Report) -> None:
    """Tables have the Table Grid borders, cells the 表格文字 style, headings and title their Word styles."""
    document = _open(county)
    for name, style_id in STYLE_IDS.items():
        assert document.styles[name].style_id == style_id
    for table in document.tables:
        assert table.style is not None and table.style.name == "Table Grid"
        cells = [Paragraph(p, table) for tr in table._tbl.tr_lst for tc in tr.tc_lst for p in tc.p_lst if p.r_lst]
        assert {p.style.name if p.style else None for p in cells} == {TABLE_STYLE}
    used = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Title", "Heading 1", "Heading 2", "Normal"} <= used
