"""Provides the rules for imported reports (S1, S4, S5, L1, L2, N7) and `check_imported`.

`check_imported` runs them after every rule of the core and adds the reader's own findings.

Reader findings: R1 a figure could not be read (left blank rather than guessed), R2 a table was not found
in a complete report, R3 a row was recovered from a shifted layout by its sums (information only).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from sections.model.findings import Finding, Severity
from sections.model.ids import SectionId, section_id
from sections.model.labels import SECTION_HEADINGS, SECTION_NUMERALS, T3_GROUP_HEADINGS
from sections.model.report import Report
from sections.reading.reader import Reading
from sections.reading.unsplit import every_reading
from sections.rules.passages import passages
from sections.rules.registry import check

ImportRule = Callable[["Report", "Reading"], Iterable[Finding]]
BASIC: SectionId = "基本信息"
SUPERSEDED = re.compile(r"国办公开办函\s*[〔\[［(（【]\s*2019\s*[〕\]］)）】]\s*60\s*号")
OTHER_HEADING = T3_GROUP_HEADINGS["三(六)"]
"""（六）其他处理."""
_SECTIONS: tuple[SectionId, ...] = tuple(section_id(numeral) for numeral in SECTION_NUMERALS)
"""The six sections 一 … 六 by their index."""


def check_headings(report: Report, reading: Reading) -> Iterator[Finding]:
    """S1: the six headings are all present, once each, numbered 一 to 六, in order (an excerpt may stop early)."""
    seen = Counter(h.index for h in reading.headings)
    for index, heading in enumerate(SECTION_HEADINGS):
        numeral = _SECTIONS[index]
        if seen[index] > 1:
            yield Finding(
                "S1",
                Severity.ERROR,
                numeral,
                heading,
                f"标题“{heading}”出现了 {seen[index]} 次。",
                "每个部分的标题只出现一次；导语不应冠以“一、总体情况”。",
            )
        elif not seen[index] and reading.complete:
            yield Finding(
                "S1",
                Severity.ERROR,
                numeral,
                heading,
                f"报告缺少标题“{heading}”。",
                "六个部分的标题应齐全，按一至六编号。",
            )
    for printed in reading.headings:
        if printed.numeral != SECTION_NUMERALS[printed.index]:
            official = SECTION_HEADINGS[printed.index]
            yield Finding(
                "S1",
                Severity.ERROR,
                _SECTIONS[printed.index],
                printed.printed,
                f"标题“{printed.printed}”的编号不对，应为“{official}”。",
                "按一至六的顺序编号。",
            )
    order = list(dict.fromkeys(h.index for h in reading.headings))
    for before, after in zip(order, order[1:], strict=False):
        if after < before:
            heading = SECTION_HEADINGS[after]
            yield Finding(
                "S1",
                Severity.ERROR,
                _SECTIONS[after],
                heading,
                f"标题“{heading}”排在“{SECTION_HEADINGS[before]}”之后，顺序不对。",
                "六个部分应按一至六的顺序排列。",
            )


def check_parts(report: Report, reading: Reading) -> Iterator[Finding]:
    """S4: the number of parts the preface states matches the sections present and the parts it names."""
    present = len({h.index for h in reading.headings})
    stated, named = reading.stated_parts, reading.named_parts
    if stated is not None and reading.complete and stated != present:
        message = f"导语称报告共 {stated} 个部分，但报告有 {present} 个部分。"
    elif stated is not None and named is not None and named != stated:
        message = f"导语称报告共 {stated} 个部分，但列出了 {named} 个。"
    else:
        return
    yield Finding(
        "S4",
        Severity.WARNING,
        BASIC,
        "导语",
        message,
        "导语所说的部分数应与所列各部分和正文一致（国办格式为六个部分）。",
    )


def check_title(report: Report, reading: Reading) -> Iterator[Finding]:
    """S5: the title is 「<body><year>年政府信息公开工作年度报告」, readable and complete.

    When neither title nor name gives the body's level, the level guessed from how the text names
    itself (「我镇」) is said, as a guess (information).
    """
    if reading.level_guess and report.meta.level:
        yield Finding(
            "S5",
            Severity.INFO,
            BASIC,
            "机关层级",
            f"标题未写明可判断层级的机关名称，按正文中的“{reading.level_guess}”推断为{report.meta.level}（推测）。",
            "请核对机关层级；标题应写明机关全称。",
        )
    for problem in reading.title.problems:
        yield Finding(
            "S5",
            Severity.WARNING,
            BASIC,
            "标题",
            f"{problem}。",
            f"标题应为“{report.meta.title}”这样的“机关名称+年度+政府信息公开工作年度报告”。",
        )


def check_labels(report: Report, reading: Reading) -> Iterator[Finding]:
    """L1: a table row label deviates from the official wording (width and white space do not count)."""
    for label in reading.labels:
        yield Finding(
            "L1",
            Severity.WARNING,
            "二" if label.where.startswith("表二") else "三",
            label.where,
            f"行名“{label.printed}”与官方格式“{label.official}”不一致。",
            "表格行名应与国办公开办函〔2021〕30号格式一字不差。",
        )


def check_layout(report: Report, reading: Reading) -> Iterator[Finding]:
    """L2: a 2021+ report prints an outdated layout (（六）其他处理 as one row, or the 2019 table 二)."""
    if reading.format == "2021-outdated-six":
        yield Finding(
            "L2",
            Severity.WARNING,
            "三",
            f"表三 {OTHER_HEADING}",
            f"{report.meta.year}年度报告仍将“{OTHER_HEADING}”列为一行（2019 年试行格式）。",
            "2021 年起应按国办公开办函〔2021〕30号格式分为 3 个子行。",
        )
    if (report.meta.year or 0) >= 2021 and report.disclosure.trial is not None:
        yield Finding(
            "L2",
            Severity.WARNING,
            "二",
            "表二",
            f"{report.meta.year}年度报告的表二仍使用 2019 年试行格式的栏目。",
            "2021 年起表二应按国办公开办函〔2021〕30号格式填报。",
        )


def check_superseded_format(report: Report, reading: Reading | None = None) -> Iterator[Finding]:
    """N7: a report for 2021 or later cites the superseded 国办公开办函〔2019〕60号 format."""
    if (report.meta.year or 0) < 2021:
        return
    for passage in passages(report):
        match = SUPERSEDED.search(passage.text)
        if match:
            yield Finding(
                "N7",
                Severity.WARNING,
                passage.section,
                passage.where,
                f"{report.meta.year}年度报告引用了已被替代的“{match.group(0)}”。",
                "2021 年及以后的年度报告格式依据为国办公开办函〔2021〕30号。",
                passage.question,
            )


RULES: tuple[ImportRule, ...] = (
    check_headings,
    check_parts,
    check_title,
    check_labels,
    check_layout,
    check_superseded_format,
)


def check_imported(reading: Reading, today: date | None = None) -> list[Finding]:
    """Every rule of the core, the import rules, and the reader's findings, one C1 per table."""
    report = reading.report
    found = [*check(report, today), *(f for rule in RULES for f in rule(report, reading)), *reading.findings]
    if reading.open_rows:
        found += every_reading(report, reading.open_rows, {f.key for f in found})
    return _one_c1_per_table(found)


def _one_c1_per_table(findings: list[Finding]) -> list[Finding]:
    first: dict[str, int] = {}
    merged: list[Finding] = []
    for finding in findings:
        if finding.rule != "C1":
            merged.append(finding)
        elif finding.section not in first:
            first[finding.section] = len(merged)
            merged.append(finding)
        else:
            kept = merged[first[finding.section]]
            merged[first[finding.section]] = Finding(
                kept.rule,
                kept.severity,
                kept.section,
                kept.where,
                f"{kept.message}{finding.message}",
                kept.hint,
                kept.target,
            )
    return merged
