"""Provides a generated report's printed parts: its tables as rows of cells and its narrative.

`report_layouts` lays these out the ways real reports come (tab-separated, Markdown, HTML, PDF …).
"""

from __future__ import annotations

from dataclasses import dataclass

from sections.model.findings import Figure
from sections.model.labels import SECTION_HEADINGS, T3_NOTE
from sections.model.tables import FOUR, THREE, TWO, TWO_2019

from .generated_reports import Truth

# --- the printed tables, as rows of cells --------------------------------------------------------


@dataclass
class Line:
    """One printed table row: its label cells (merged ones empty) and its figure cells."""

    labels: list[str]
    figures: list[str]
    header: bool = False


def _text(value: Figure) -> str:
    return "" if value is None else str(value)


def table2_lines(truth: Truth) -> list[Line]:
    """Table 二 as printed: per block its title, its header and its rows (four grid columns)."""
    lines: list[Line] = []
    two = TWO_2019 if truth.format == "2019" else TWO
    width = max(len(b.columns) for b in two.blocks)
    for block in two.blocks:
        lines.append(Line([block.title], [""] * (width - 1), header=True))
        lines.append(Line([block.columns[0]], [*block.columns[1:], *[""] * (width - len(block.columns))], True))
        for row in two.rows_in(block):
            cells = [_text(v) for v in truth.table2[row.label]]
            if truth.signed and "本年增/减" in row.columns:
                change = row.columns.index("本年增/减")
                value = truth.table2[row.label][change]
                cells[change] = f"+{value}" if isinstance(value, int) and value > 0 else cells[change]
            lines.append(Line([row.label], cells + [""] * (width - 1 - len(cells))))
    return lines


def table3_lines(truth: Truth) -> list[Line]:
    """Table 三 as printed: three label columns (merged cells empty), seven figure columns."""
    org = THREE.organisations
    lines = [
        Line([T3_NOTE, "", ""], [THREE.applicants_heading, *[""] * 6], header=True),
        Line(["", "", ""], [THREE.columns[0], THREE.organisations_heading, "", "", "", "", THREE.columns[6]], True),
        Line(["", "", ""], ["", *org, ""], header=True),
    ]
    seen: set[str] = set()
    for row in THREE.rows if truth.format == "2021" else THREE.rows_2019:
        cells = [_text(v) for v in truth.table3[row.key]]
        if row.group is None:
            labels = [row.label, "", ""]
        elif row.group == "三":
            labels = ["" if "三" in seen else THREE.result_heading, row.label, ""]
            seen.add("三")
        else:
            heading = THREE.group_headings[row.group]
            labels = ["", "" if row.group in seen else heading, row.label]
            seen.update(("三", row.group))
        lines.append(Line(labels, cells))
    return lines


def table4_lines(truth: Truth) -> list[Line]:
    """Table 四 as printed: three header rows and the row of fifteen figures."""
    kinds = FOUR.litigation_kinds
    cols = list(FOUR.columns)
    return [
        Line([], [FOUR.review, "", "", "", "", FOUR.litigation, *[""] * 9], header=True),
        Line([], [*cols, kinds[0], "", "", "", "", kinds[1], "", "", "", ""], header=True),
        Line([], ["", "", "", "", "", *cols, *cols], header=True),
        Line([], [_text(v) for v in truth.table4]),
    ]


# --- the narrative ----------------------------------------------------------------------------------


def narrative(truth: Truth) -> tuple[str, str, list[str], str, str]:
    """Title, preface, section 一's parts, 五 and 六 (sentences that state no figure the reader might misread)."""
    title = f"{truth.body}{truth.year}年政府信息公开工作年度报告"
    preface = (
        f"本报告依据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、收到和处理政府信息"
        f"公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
        f"本报告所列数据的统计期限自{truth.year}年1月1日起至{truth.year}年12月31日止。"
    )
    parts = [
        "（一）主动公开\n坚持以公开为常态、不公开为例外，及时公开政策文件和工作动态。",
        "（二）依申请公开\n严格按照法定程序和时限办理政府信息公开申请，答复规范。",
        "（三）政府信息管理\n健全公开前保密审查机制，动态调整主动公开基本目录。",
        "（四）政府信息公开平台建设\n持续优化政府网站信息公开专栏，栏目设置清晰。",
        "（五）监督保障\n将政务公开工作纳入年度考核，组织业务培训。",
    ]
    five = "一是存在的主要问题：政策解读形式较为单一。二是改进情况：丰富解读形式，加强培训。"
    six = "本年度未收取信息处理费。无其他需要报告的事项。"
    return title, preface, parts, five, six


Tables = list[list[Line]]


def document(truth: Truth, tables: list[str], *, blank_lines: bool = True) -> str:
    """The whole report as text, the tables as given, the narrative between them."""
    title, preface, parts, five, six = narrative(truth)
    gap = "\n\n" if blank_lines else "\n"
    body = [title, preface, SECTION_HEADINGS[0], *parts]
    for index in range(3):
        body += [SECTION_HEADINGS[index + 1], tables[index]]
    body += [SECTION_HEADINGS[4], five, SECTION_HEADINGS[5], six]
    return gap.join(body) + "\n"


def all_lines(truth: Truth) -> Tables:
    """Tables 二、三、四 as printed rows."""
    return [table2_lines(truth), table3_lines(truth), table4_lines(truth)]
