"""Provides tests of reading published reports: layouts, labels, headings, titles and the import rules.

Most cases start from a sample draft rendered as the report a clerk would publish, then change it the way
real reports differ (a misspelt label, a missing heading, cells run together) and check what is read.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from sections.model.findings import Finding, Severity
from sections.model.report import Report
from sections.output.export import export_bytes, figures
from sections.output.rendering import render
from sections.reading.cells import read_cells
from sections.reading.files import file_text
from sections.reading.reader import Reading, read_text
from sections.reading.structure import check_imported, check_superseded_format
from sections.reading.title import level_of
from sections.store.drafts import load_draft
from sections.store.workspace import draft_from

from .conftest import SAMPLES

TODAY = date(2026, 11, 29)
COUNTY = SAMPLES / "county-bureau-2025.json"
BAIBI = SAMPLES / "baibi-2021.json"


@pytest.fixture(scope="module")
def county_text() -> str:
    """The county bureau's 2025 report as published text (tables as tab-separated rows)."""
    return render(load_draft(COUNTY).report, "txt")


def read(text: str) -> tuple[Reading, list[Finding]]:
    """A report read from text, and every finding the import check reports."""
    reading = read_text(text)
    return reading, check_imported(reading, today=TODAY)


def places(findings: list[Finding], rule: str) -> list[str]:
    """Where a rule fired."""
    return [f.where for f in findings if f.rule == rule]


def edited(text: str, old: str, new: str) -> str:
    """The text with one passage replaced (the passage must be there)."""
    assert old in text, old
    return text.replace(old, new, 1)


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


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("（一）予以公开", "(一) 予以公开"),
        ("2.其他法律行政法规禁止公开", "2.其他法律行政 法规禁止公开"),
        ("1.申请人无正当理由逾期不补正、", "1、申请人无正当理由逾期不补\n正、"),
        ("1.属于国家秘密", "（1）属于国家秘密"),
    ],
)
def test_width_and_white_space_are_not_label_deviations(county_text: str, old: str, new: str) -> None:
    """Half-width brackets, PDF spaces, 「1、」 and a label broken over lines are not L1."""
    reading, findings = read(edited(county_text, old, new))
    assert not places(findings, "L1")
    assert figures(reading.report) == figures(read(county_text)[0].report)


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("2.其他法律行政法规禁止公开", "2.其他法律法规禁止公开", "表三 （三）不予公开 第2行"),
        ("2.重复申请", "2.重复申请的", "表三 （五）不予处理 第2行"),
        ("（一）予以公开", "（一）给予公开", "表三 （一）予以公开"),
        ("行政规范性文件\t2", "规范性文件\t2", "表二 行政规范性文件"),
    ],
)
def test_misworded_label_is_l1_at_its_row(county_text: str, old: str, new: str, where: str) -> None:
    """A row label worded differently from the official one is L1 at that row, and its figures still read."""
    reading, findings = read(edited(county_text, old, new))
    assert places(findings, "L1") == [where]
    assert figures(reading.report) == figures(read(county_text)[0].report)


def test_outdated_single_other_row_is_l2(county_text: str) -> None:
    """A 2021+ report printing （六）其他处理 as one row: read as o_all, L2, and no sum error."""
    rows = re.search(r"\t（六）其他处理\t1\.申请人.*?\n\t\t3\.其他\t1\t0\t0\t0\t0\t0\t1\n", county_text, re.S)
    assert rows is not None
    reading, findings = read(county_text.replace(rows.group(0), "\t（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1\n"))
    assert reading.format == "2021-outdated-six"
    assert figures(reading.report)["table3"]["o_all"] == [1, 0, 0, 0, 0, 0, 1]
    assert places(findings, "L2") == ["表三 （六）其他处理"]
    assert not [f for f in findings if f.severity is Severity.ERROR]


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        (
            "三、收到和处理政府信息公开申请情况",
            "四、收到和处理政府信息公开申请情况",
            "四、收到和处理政府信息公开申请情况",
        ),
        ("六、其他需要报告的事项", "", "六、其他需要报告的事项"),
        ("\n一、总体情况", "\n一、总体情况\n\n本报告分六个部分。\n\n一、总体情况", "一、总体情况"),
    ],
)
def test_heading_problems_are_s1(county_text: str, old: str, new: str, where: str) -> None:
    """A mis-numbered, missing or repeated section heading is S1, named where a reviewer looks."""
    _, findings = read(edited(county_text, old, new))
    assert places(findings, "S1") == [where]


def test_headings_out_of_order_are_s1(county_text: str) -> None:
    """Sections 五 and 六 printed the other way round: S1 names 五, printed after 六."""
    five = county_text.index("五、存在的主要问题")
    six = county_text.index("六、其他需要报告的事项")
    text = county_text[:five] + county_text[six:] + "\n" + county_text[five:six]
    _, findings = read(text)
    assert places(findings, "S1") == ["五、存在的主要问题及改进情况"]


@pytest.mark.parametrize(
    ("official", "printed"),
    [
        ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"),
        ("五、存在的主要问题及改进情况", "五、存在的主要问题和改进情况"),
        ("五、存在的主要问题及改进情况", "五 、存在的主要问题及改进情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
        ("二、主动公开政府信息情况", "二、主动公开政府信息的情况"),
    ],
)
def test_heading_variants_are_recognised(county_text: str, official: str, printed: str) -> None:
    """Common variants of a heading still start their section; they are not S1."""
    reading, findings = read(edited(county_text, official, printed))
    assert not places(findings, "S1")
    assert figures(reading.report) == figures(read(county_text)[0].report)
    assert (reading.report.improvements.text or "").startswith("一是存在的主要问题")


def test_preface_count_of_parts_is_s4(county_text: str) -> None:
    """A preface saying 五部分 for a six-part report is S4."""
    _, findings = read(edited(county_text, "六部分组成", "五部分组成"))
    assert places(findings, "S4") == ["导语"]


@pytest.mark.parametrize(
    ("title", "problem"),
    [
        ("云溪县市场监督管理局政府信息公开工作年度报告", "年度"),
        ("2025年政府信息公开工作年度报告", "机关名称"),
        ("云溪县市场监督管理局2025年政府信息工开工作年度报吿", "不符"),
        ("", "没有报告标题"),
    ],
)
def test_title_problems_are_s5(county_text: str, title: str, problem: str) -> None:
    """A title without the year or the body, misspelt, or missing is S5."""
    _, findings = read(edited(county_text, "云溪县市场监督管理局2025年政府信息公开工作年度报告", title))
    messages = [f.message for f in findings if f.rule == "S5" and f.severity is Severity.WARNING]
    assert len(messages) == 1 and problem in messages[0]


def test_superseded_format_cited_in_2021_report_is_n7(county_text: str) -> None:
    """Citing 国办公开办函〔2019〕60号 in a 2025 report is N7; in a 2020 report it is correct."""
    text = edited(county_text, "年度报告格式要求编制", "年度报告格式（国办公开办函〔2019〕60号）要求编制")
    reading, findings = read(text)
    assert places(findings, "N7") == ["导语"]
    reading.report.meta.year = 2020
    assert not list(check_superseded_format(reading.report))


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
