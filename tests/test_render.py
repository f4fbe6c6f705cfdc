"""Provides golden-file and structure tests of the exported report text (txt tabs/grid, Markdown)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sections.model.labels import SECTION_HEADINGS, T3_COLUMNS, T3_ROWS, TABLE2
from sections.model.report import Report
from sections.output.layout import width
from sections.output.rendering import render

from .conftest import SAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = [
    ("baibi-2021.json", "txt", "tabs", "baibi-2021.txt"),
    ("county-bureau-2025.json", "txt", "grid", "county-bureau-2025.grid.txt"),
    ("county-bureau-2025.json", "md", "tabs", "county-bureau-2025.md"),
]


@pytest.mark.parametrize(("sample", "fmt", "layout", "golden"), CASES)
def test_export_matches_golden_file(sample: str, fmt: str, layout: str, golden: str) -> None:
    """The exported report is exactly the reviewed golden file (NIANBAO_UPDATE_GOLDEN=1 rewrites it)."""
    from sections.store.drafts import load_draft

    text = render(load_draft(SAMPLES / sample).report, fmt, layout)  # type: ignore[arg-type]
    if os.environ.get("NIANBAO_UPDATE_GOLDEN"):
        (GOLDEN / golden).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / golden).read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_baibi_export_has_each_heading_once_in_order(baibi: Report) -> None:
    """The six headings appear once each, in order, although the published text has 一 twice."""
    lines = _lines(render(baibi))
    positions = [lines.index(h) for h in SECTION_HEADINGS]
    assert positions == sorted(positions)
    assert all(lines.count(h) == 1 for h in SECTION_HEADINGS)
    assert lines[0] == "白璧镇人民政府2021年政府信息公开工作年度报告"


def test_baibi_export_keeps_preface_contact_and_sections(baibi: Report) -> None:
    """The preface with its contact, 五 and 六 are exported as published."""
    text = render(baibi)
    assert "联系电话：0372-2628532，电子邮箱：aybaibi@126.com。" in text
    assert text.index("联系电话") < text.index(SECTION_HEADINGS[0])
    assert "（一）加强组织领导，健全工作机制" in text
    assert text.rstrip().endswith(f"{SECTION_HEADINGS[5]}\n\n无")
    assert "规范依法办理申请\n\n公开政府信息的水平" in text


def test_baibi_tables_have_official_labels_and_figures(baibi: Report) -> None:
    """Table 二 shows 规章 0/−1/0; table 三 all 25 official labels with 7 figures; table 四 15 figures."""
    rows = [line.split("\t") for line in _lines(render(baibi))]
    assert ["规章", "0", "-1", "0"] in rows
    assert ["行政事业性收费", "0", "", ""] in rows
    for row in T3_ROWS:
        matching = [r for r in rows if row.label in r]
        assert len(matching) == 1, row.label
        assert matching[0][3:] == ["0"] * 7
    assert "2.其他法律行政法规禁止公开" in {c for r in rows for c in r}
    assert ["0"] * 15 in rows
    for block in TABLE2:
        assert [block.title, "", "", ""] in rows


def test_grid_layout_aligns_figures_under_their_columns(county: Report) -> None:
    """In the grid layout every figure of a table 三 column ends at the same screen column."""
    lines = _lines(render(county, "txt", "grid"))
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度"))
    figure_lines = [line for line in lines[start : end + 1] if line.rstrip()[-1:].isdigit()]
    ends = {width(line.rstrip()) for line in figure_lines}
    assert len(ends) == 1
    assert len(figure_lines) == len(T3_ROWS)


def test_markdown_has_real_tables(county: Report) -> None:
    """Markdown output has pipe tables with a header row for table 三's seven columns."""
    text = render(county, "md")
    header = next(line for line in _lines(text) if line.startswith("| （本列数据"))
    assert header.count("|") == len(T3_COLUMNS) + 2
    assert "| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 0 | 1 | 0 | 16 |" in text


def test_user_text_is_not_evaluated_as_template(county: Report) -> None:
    """Template syntax typed by a user is exported literally, never evaluated."""
    county.improvements.text = "{{ 7*7 }} {% if true %}x{% endif %} [bold]粗[/bold]"
    assert "{{ 7*7 }} {% if true %}x{% endif %} [bold]粗[/bold]" in render(county)
