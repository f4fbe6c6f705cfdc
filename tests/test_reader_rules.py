"""Provides tests of the rules only a published report can fail: L1, L2, S1, S4, S5 and N7.

Each case starts from the county bureau's report as published and changes it the way real reports differ.
"""

from __future__ import annotations

import re

import pytest

from sections.model.findings import Severity
from sections.output.export import figures
from sections.reading.structure import check_superseded_format

from .reader_helpers import county_report, edited, places, read


@pytest.fixture(scope="module")
def county_text() -> str:
    """The county bureau's 2025 report as published text, rendered once per module."""
    return county_report()


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
