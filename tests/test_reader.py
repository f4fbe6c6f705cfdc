"""Provides tests of reading published reports: cells, layouts, exports read back, excerpts, levels, web pages.

Most cases start from a sample draft rendered as the report a clerk would publish, then change it the way
real reports differ (a misspelt label, a missing heading, cells run together) and check what is read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sections.model.findings import Severity
from sections.model.report import Report
from sections.output.export import export_bytes, figures
from sections.output.rendering import render
from sections.reading.cells import read_cells
from sections.reading.files import file_text
from sections.reading.reader import read_text
from sections.reading.title import level_of
from sections.store.drafts import load_draft
from sections.store.workspace import draft_from

from .reader_helpers import BAIBI, COUNTY, county_report, edited, places, read


@pytest.fixture(scope="module")
def county_text() -> str:
    """The county bureau's 2025 report as published text, rendered once per module."""
    return county_report()


@pytest.mark.parametrize(
    ("tokens", "width", "groups", "together", "wanted"),
    [
        (["230", "000023"], 7, (7,), True, [23, 0, 0, 0, 0, 0, 23]),
        (["0200002"], 7, (7,), True, [0, 2, 0, 0, 0, 0, 2]),
        (["10203120001200000"], 15, (5, 5, 5), True, [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]),
        (["000"], 3, (), True, [0, 0, 0]),
        (["666"], 3, (), True, [6, 6, 6]),
        (["00", "00000"], 7, (7,), True, [0] * 7),
        (["0"] * 6, 7, (7,), False, [0] * 7),
        (["0"] * 16, 15, (5, 5, 5), False, [0] * 15),
        (["3", "0", "0", "0", "0", "4"], 7, (7,), False, [None, None, None, None, None, None, None]),
        (["5", "0", "0", "0", "3", "1"], 7, (7,), False, [None, None, None, None, None, None, None]),
    ],
    ids=[
        "sums",
        "zeros-and-sum",
        "table-four",
        "one-split",
        "one-split-666",
        "stray-space",
        "lost-zero",
        "extra-zero",
        "lost-cell",
        "lost-cell-sum-wrong",
    ],
)
def test_cells_placed_only_where_the_text_or_the_sums_decide(
    tokens: list[str], width: int, groups: tuple[int, ...], together: bool, wanted: list[int | None]
) -> None:
    """Run-together digits and lost cells are placed only where the text or the row's sums leave one reading."""
    assert read_cells(tokens, width, groups, run_together=together).cells == wanted


def test_run_together_digits_without_sums_stay_open() -> None:
    """「693665」 for three cells of table 二 has ten readings: none is chosen, all are kept."""
    read = read_cells(["693665"], 3, (), run_together=True)
    assert read.cells == [None, None, None] and len(read.options) == 10


def test_a_sign_starts_a_cell() -> None:
    """「231+4235」 in a 2019 table 二 row: 231 is a cell of its own, whatever the rest."""
    read = read_cells(["231", "+4235"], 3, (), run_together=True, signed=1)
    assert read.cells == [231, None, None] and {o[1:] for o in read.options} == {(4, 235), (42, 35), (423, 5)}


@pytest.mark.parametrize("sample", [COUNTY, BAIBI], ids=["county", "baibi"])
@pytest.mark.parametrize(
    ("fmt", "layout"), [("txt", "tabs"), ("txt", "grid"), ("md", "tabs"), ("html", "tabs"), ("docx", "tabs")]
)
def test_every_export_reads_back_to_the_same_figures(sample: Path, fmt: str, layout: str) -> None:
    """A report exported in any format and layout reads back to the figures of the draft."""
    report = load_draft(sample).report
    data = export_bytes(report, fmt, layout)  # type: ignore[arg-type]
    reading = read_text(file_text(data, Path(f"report.{fmt}")))
    assert figures(reading.report) == figures(report)
    assert reading.report.meta.body == report.meta.body


@pytest.mark.parametrize("sample", [COUNTY, BAIBI], ids=["county", "baibi"])
def test_text_whose_cells_ran_together_reads_back(sample: Path) -> None:
    """With every tab and line break removed, the figures are still read (each split is unique here)."""
    report = load_draft(sample).report
    reading = read_text(re.sub(r"[\t\n]+", "", render(report, "txt")))
    assert reading.text_layout == "flattened"
    assert figures(reading.report) == figures(report)


def test_county_report_reads_clean(county_text: str) -> None:
    """The consistent county report gives no error and no import finding."""
    reading, findings = read(county_text)
    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert not [f for f in findings if f.rule in ("S1", "S4", "S5", "L1", "L2", "N7", "R1", "R2")]
    assert reading.report.meta.level == "县级以上政府部门"
    assert reading.report.meta.contact.postcode == "414009"
    assert [s.title for s in reading.report.overview.subsections or []][:2] == ["主动公开", "依申请公开"]


def test_blank_and_printed_marks_are_kept_for_c1(county_text: str) -> None:
    """A blank cell and 「/」「—」 stay as printed (not 0) and C1 names each table once."""
    text = edited(
        county_text,
        "收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t16",
        "收政府信息公开申请数量\t\t\t12\t/\t0\t\t1\t0\t16",
    )
    text = edited(text, "行政许可\t1236", "行政许可\t—")
    reading, findings = read(text)
    assert figures(reading.report)["table3"]["new"] == [12, "/", 0, "", 1, 0, 16]
    assert figures(reading.report)["table2"]["行政许可"] == "—"
    assert places(findings, "C1") == ["表二 行政许可", "表三"]


def test_excerpt_reads_what_is_there(county_text: str) -> None:
    """A text cut inside table 二 is an excerpt: its figures so far are read, nothing is called missing."""
    reading, findings = read(county_text[: county_text.index("第二十条第（六）项")])
    assert not reading.complete
    table2 = figures(reading.report)["table2"]
    assert table2["行政规范性文件"] == [2, 1, 9] and table2["行政处罚"] is None
    assert "table3" not in figures(reading.report)
    assert not [f for f in findings if f.rule in ("S1", "R1", "R2")]


def test_unread_figures_become_open_questions_in_the_draft() -> None:
    """Ambiguous figures are left blank in the imported draft and named in its transcript."""
    text = render(load_draft(COUNTY).report, "txt").replace("行政规范性文件\t2\t1\t9", "行政规范性文件\t21\t9")
    reading = read_text(text)
    assert reading.report.disclosure.normative == [None, None, None]
    assert [f.where for f in reading.findings if f.rule == "R1"] == ["表二 行政规范性文件"]
    draft = draft_from(reading)
    assert any("表二 行政规范性文件" in e.text for e in draft.interview.transcript if e.role == "flag")
    assert draft.report.requests.rows["new"][6] is None, "totals that agree are computed in the draft"


@pytest.mark.parametrize(
    ("body", "level"),
    [
        ("白璧镇人民政府", "乡镇街道"),
        ("某某街道办事处", "乡镇街道"),
        ("淮安市洪泽区人民政府", "县级政府"),
        ("平潭综合实验区", "县级政府"),
        ("淮安市人民政府", "设区的市政府"),
        ("上海市人民政府", "省级政府"),
        ("河南省人民政府", "省级政府"),
        ("上海市人民政府办公厅", "省级政府部门"),
        ("河南省教育厅", "省级政府部门"),
        ("河南省安阳市教育局", "县级以上政府部门"),
        ("云溪县市场监督管理局", "县级以上政府部门"),
        ("广西壮族自治区人民政府", "省级政府"),
        ("国家统计局", "国务院部门"),
        ("国家税务总局上海市税务局", "县级以上政府部门"),
        (None, None),
    ],
)
def test_level_guessed_from_the_body_name(body: str | None, level: str | None) -> None:
    """The level comes from the name in the title: place and kind of body."""
    assert level_of(body) == level


def test_report_model_keeps_figures_of_a_2019_report() -> None:
    """A 2019 report's table 二 keeps its own columns; C2 spares 本年增/减 but not the other counts."""
    report = Report()
    report.disclosure.trial = read_text(
        (Path(__file__).parent / "corpus" / "pingtan-2020.txt").read_text(encoding="utf-8")
    ).report.disclosure.trial
    assert report.disclosure.trial is not None
    report.disclosure.trial.rows["行政处罚"] = [2648, -18, 538]
    report.disclosure.trial.rows["行政强制"] = [-1, 26, 29]
    from sections.rules.registry import check

    assert [f.where for f in check(report) if f.rule == "C2"] == ["表二 行政强制 上一年项目数量"]


def _numbers_before_labels(text: str) -> str:
    """The table rows of a rendered report with the figures first and the label after them, by spaces."""
    lines = []
    for line in text.split("\n"):
        cells = [c for c in line.split("\t") if c]
        numbers = [c for c in cells if re.fullmatch(r"-?\d+", c)]
        labels = [c for c in cells if c not in numbers]
        lines.append(" ".join(numbers) + " " + "".join(labels) if len(numbers) == 7 and labels else " ".join(cells))
    return "\n".join(lines)


CONTENTS = (
    "目录\n一、总体情况……1\n二、主动公开政府信息情况……2\n三、收到和处理政府信息公开申请情况……3\n"
    "四、政府信息公开行政复议、行政诉讼情况……4\n五、存在的主要问题及改进情况……5\n六、其他需要报告的事项……5\n"
)


@pytest.mark.parametrize(
    "variant",
    [
        _numbers_before_labels,
        lambda t: t.replace("行政许可\t1236", "行政许可\t1,236"),
        lambda t: t.replace("\n\n本报告依据", "\n" + CONTENTS + "\n本报告依据", 1),
        lambda t: re.sub(r"\n([一二三四五六])、(总体|主动|收到|政府信息公开行政|存在|其他)", r"\n第\1部分 \2", t),
        lambda t: t.replace("\n\t\t5.属于", "\n— 3 —\n3 / 5\n第 3 页 共 5 页\n\t\t5.属于"),
        lambda t: "\n".join(c for line in t.split("\n") for c in (line.split("\t") if "\t" in line else [line]) if c),
    ],
    ids=[
        "figures-before-labels",
        "thousands-separator",
        "table-of-contents",
        "part-headings",
        "page-footers",
        "one-cell-per-line",
    ],
)
def test_layout_variants_read_to_the_same_report(county_text: str, variant: object) -> None:
    """Figures before their labels, 「1,236」, a table of contents, 「第一部分」 headings: same figures, no finding."""
    reading, findings = read(variant(county_text))  # type: ignore[operator]
    assert figures(reading.report) == figures(read(county_text)[0].report)
    assert (reading.report.meta.preface or "").startswith("本报告依据")
    assert not [f for f in findings if f.rule in ("S1", "S4", "S5", "L1", "R1", "R2")]


def test_row_missing_from_a_complete_report_is_named(county_text: str) -> None:
    """A table row left out of a complete report is left open and named (R1), not read as 0."""
    reading, findings = read(edited(county_text, "规章\t0\t0\t0\n", ""))
    assert reading.report.disclosure.rules == [None, None, None]
    assert places(findings, "R1") == ["表二 规章"]


def _cms_page(text: str) -> bytes:
    """A report as a government site's CMS serves it: every cell and paragraph wrapped in <p>/<span>."""
    import html

    out = [
        '<html><head><meta charset="utf-8"><script>var a="一、总体情况";</script></head><body>'
        '<div class="nav">首页 &gt; 政务公开</div>'
    ]
    table = False
    for line in text.split("\n"):
        if "\t" in line:
            out.append("" if table else '<table border="1">')
            table = True
            out.append(
                "<tr>"
                + "".join(
                    f"<td><p><span>{html.escape(c)}</span></p></td>" if c else "<td><p>&nbsp;</p></td>"
                    for c in line.split("\t")
                )
                + "</tr>"
            )
        else:
            out.append("</table>" if table else "")
            table = False
            out.append(f"<p style='text-indent:2em'>{html.escape(line)}<br/></p>" if line else "")
    return ("\n".join(out) + "</body></html>").encode()


def test_saved_web_page_with_paragraphs_in_cells_reads(county_text: str) -> None:
    """A saved web page whose table cells hold <p> and <span> reads to the same figures, scripts ignored."""
    reading, findings = read(file_text(_cms_page(county_text), Path("report.html")))
    assert figures(reading.report) == figures(read(county_text)[0].report)
    assert not [f for f in findings if f.rule in ("S1", "S5", "L1", "R1", "R2")]
