"""Provides `read_report(path)`: a published report (.txt, .md, .html, .docx, .pdf) as a `Report` and a `Reading`.

The `Reading` keeps what the text showed beyond the figures (headings as printed, row labels that differ
from the official wording, the table layout, whether the text is only an excerpt) for the import rules
S1, S4, S5, L1, L2, and the reader's own findings: figures it could not read (R1), tables it did not
find (R2), rows it recovered from a shifted layout (R3), figures printed with a note (C1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from sections.model.appeals import Appeals
from sections.model.disclosure import Disclosure
from sections.model.disclosure_2019 import TrialDisclosure
from sections.model.errors import ReportImportError
from sections.model.findings import Amount, Figure, Finding, Severity
from sections.model.ids import SectionId
from sections.model.improvements import Improvements
from sections.model.meta import Meta
from sections.model.other import Other
from sections.model.overview import Overview, Subsection
from sections.model.report import Report, table_format
from sections.model.requests import Requests, row_name
from sections.model.tables import FOUR, THREE, TWO, TWO_2019, Table2Row
from sections.model.vocabulary import FEE, NO_FEE
from sections.reading.files import read_file
from sections.reading.table3 import read_table3
from sections.reading.tables import Label, TableRead, fee_amount, is_2019_table2, read_table2, read_table4
from sections.reading.text import (
    Heading,
    Outline,
    clean,
    named_parts,
    outline,
    parts_of_overview,
    stated_parts,
    unwrap,
)
from sections.reading.title import Title, contact, level_of, self_reference
from sections.reading.unsplit import OpenRow
from sections.rules.passages import squeeze

TextLayout = Literal["lines", "flattened"]
_RUN_TOGETHER = re.compile(r"[\u4e00-\u9fff]\d{3,}[\u4e00-\u9fff]")
"""Figures run into the words around them: a table whose cells lost their separators."""
_FEE_DECIMALS = re.compile(r"保留\s*(\d)\s*位小数")
_NOT_AMOUNT = re.compile(r"[^\d.]")


@dataclass
class Reading:
    """A published report as read: the report itself and what the text showed about its form."""

    report: Report
    source: str
    format: str
    """「2021」, 「2019」 or 「2021-outdated-six」 (`sections.export.table_format`)."""
    text_layout: TextLayout
    complete: bool
    """False for an excerpt that stops before the end: nothing is reported missing then."""
    title: Title
    headings: list[Heading]
    stated_parts: int | None
    """The number of parts the preface states (S4)."""
    named_parts: int | None
    """The number of parts the preface's sentence stating it lists by name (S4), when it lists them."""
    labels: list[Label] = field(default_factory=list)
    level_guess: str | None = None
    """The self-reference (「我镇」) the level was guessed from, when no title or name gave it."""
    findings: list[Finding] = field(default_factory=list)
    """The reader's own findings (R1, R2, R3, C1 for annotated figures)."""
    open_rows: list[OpenRow] = field(default_factory=list)
    """Rows left blank, with every reading their text allows (for the findings all of them give)."""


def read_report(path: Path) -> Reading:
    """Read a published report file; raise `ReportImportError` (one line) when it is not one."""
    return read_text(read_file(path), str(path))


def read_text(raw: str, source: str = "文本") -> Reading:
    """Read a published report from its text."""
    shape = outline(clean(raw))
    if "政府信息公开" not in shape.text[:20000] or len({h.index for h in shape.headings}) < 2:
        raise ReportImportError(f"{source}：没有找到政府信息公开工作年度报告的标题和章节，不像是年度报告。")
    trial = is_2019_table2(shape.sections.get(1, ""))
    t3 = read_table3(shape.sections[2]) if 2 in shape.sections else TableRead()
    run_together = t3.run_together if t3.cells else _looks_run_together(shape.sections.get(1, ""))
    t2 = read_table2(shape.sections[1], trial=trial, run_together=run_together) if 1 in shape.sections else TableRead()
    t4 = read_table4(shape.sections[3], run_together=run_together) if 3 in shape.sections else TableRead()
    meta, guess = _meta(shape)
    sections = shape.sections
    report = Report(
        meta=meta,
        overview=_overview(sections[0]) if 0 in sections else Overview(),
        disclosure=_disclosure(t2, trial),
        requests=_requests(t3),
        appeals=_appeals(t4),
        improvements=Improvements(text=unwrap(sections[4]) or None) if 4 in sections else Improvements(),
        other=Other(text=unwrap(sections[5]) or None, fee_amount=_processing_fee(sections[5]))
        if 5 in sections
        else Other(),
    )
    reading = Reading(
        report,
        source,
        table_format(report),
        "flattened" if run_together else "lines",
        _complete(shape, t2, t3, t4),
        shape.title,
        shape.headings,
        stated_parts(report.meta.preface or ""),
        named_parts(report.meta.preface or ""),
        [*t2.labels, *t3.labels],
        guess,
    )
    reading.findings = _findings(reading, t2, t3, t4)
    tables: tuple[tuple[SectionId, TableRead], ...] = (("二", t2), ("三", t3), ("四", t4))
    reading.open_rows = [
        OpenRow(table, key, tuple(options)) for table, read in tables for key, options in read.options.items()
    ]
    return reading


def _looks_run_together(text: str) -> bool:
    return "\n" not in text.strip() and _RUN_TOGETHER.search(text) is not None


def _disclosure(t2: TableRead, trial: bool) -> Disclosure:
    if trial:
        return Disclosure(trial=TrialDisclosure(rows=t2.cells) if t2.cells else None)
    return Disclosure.model_validate({row.key: _row2(row, t2.cells.get(row.label)) for row in TWO.rows})


def _row2(row: Table2Row, cells: list[Figure] | None) -> list[Figure] | Figure | Amount:
    """A table 二 row as its model field holds it: three figures, one figure, or the fee as an amount."""
    read: list[Figure] = [None] * len(row.columns) if cells is None else cells
    if row.many:
        return read
    return fee_amount(read[0]) if row.amount else read[0]


def _requests(t3: TableRead) -> Requests:
    if not t3.cells:
        return Requests()
    return Requests(rows={row.key: t3.cells.get(row.key, [None] * THREE.width) for row in t3.layout})


def _appeals(t4: TableRead) -> Appeals:
    return Appeals(cells=t4.cells["table4"]) if "table4" in t4.cells else Appeals()


def _meta(shape: Outline) -> tuple[Meta, str | None]:
    """Body, year, level, preface and contact; the word the level was guessed from, if so."""
    decimals = _FEE_DECIMALS.search(shape.sections.get(1, ""))
    meta = Meta(
        body=shape.title.body,
        year=shape.title.year,
        preface=unwrap(shape.preface) or None,
        contact=contact(shape.preface),
        fee_decimals=int(decimals.group(1)) if decimals else None,
    )
    level, guess = level_of(meta.body), None
    if level is None:
        found = self_reference(shape.text)
        if found:
            level, guess = found
    if level is not None:
        meta.level = level  # type: ignore[assignment]
    return meta, guess


def _overview(text: str) -> Overview:
    opening, parts = parts_of_overview(text)
    return Overview(
        opening=unwrap(opening) or None, subsections=[Subsection(title=t, text=unwrap(x) or None) for t, x in parts]
    )


def _processing_fee(text: str) -> Decimal | None:
    """信息处理费 collected, in 元, when section 六 states it (read as the N5 check reads it)."""
    flat = squeeze(text)
    if NO_FEE.search(flat) or flat.strip("。") == "无":
        return Decimal(0)
    stated = FEE.search(flat)
    return Decimal(_NOT_AMOUNT.sub("", stated.group(0).rsplit("费", 1)[-1])) if stated else None


def _complete(shape: Outline, t2: TableRead, t3: TableRead, t4: TableRead) -> bool:
    """Whether the text runs to the end of the report; an excerpt stops inside its first sections."""
    order = list(dict.fromkeys(h.index for h in shape.headings))
    if order != list(range(len(order))) or len(order) == 6:
        return True
    last_table = {1: t2, 2: t3, 3: t4}.get(order[-1])
    table_cut = last_table is not None and len(last_table.cells) < max(last_table.rows, 1)
    ends_sentence = shape.text.rstrip().endswith(("。", "！", "？", "”", "）", ")", "事项", "无"))
    return not table_cut and ends_sentence


def _findings(reading: Reading, t2: TableRead, t3: TableRead, t4: TableRead) -> list[Finding]:
    found: list[Finding] = []
    tables: tuple[tuple[SectionId, str, TableRead], ...] = (("二", "表二", t2), ("三", "表三", t3), ("四", "表四", t4))
    for table, where, read in tables:
        for key, why in read.unread:
            place = _place(where, key)
            found.append(
                Finding(
                    "R1",
                    Severity.WARNING,
                    table,
                    place,
                    f"{why}，这一行的数字未能读出，没有填入。",
                    "请对照原文核对后填写。",
                )
            )
        for key, group, digits in read.unsummed:
            found.append(_unsummed(table, key, group, digits))
        if read.shifted:
            found.append(
                Finding(
                    "R3",
                    Severity.INFO,
                    table,
                    where,
                    f"{where} 有 {len(read.shifted)} 行的数字个数与列数不符（合并单元格或排版错位），"
                    "已按该行合计唯一确定。",
                    "请对照原文核对。",
                )
            )
        if read.notes:
            places = [f"{_place(where, key)} {column}" for key, column, _ in read.notes]
            shown = "、".join(f"{place}（{note}）" for place, (_, _, note) in zip(places, read.notes, strict=True))
            found.append(
                Finding(
                    "C1",
                    Severity.ERROR,
                    table,
                    places[0],
                    f"{where}有 {len(read.notes)} 处不是单纯的数字：{shown}；已按其中的数字读出。",
                    "表格只填数字，说明文字写在正文中。",
                )
            )
    if reading.complete:
        for table, where, read in tables:
            if not read.cells:
                found.append(
                    Finding(
                        "R2",
                        Severity.WARNING,
                        table,
                        where,
                        f"未在报告中找到{where}。",
                        "请检查报告是否漏印表格，或表格是否为图片。",
                    )
                )
        for label in (
            row.label
            for row in (TWO_2019 if reading.report.disclosure.trial else TWO).rows
            if t2.cells and row.label not in t2.cells
        ):
            found.append(
                Finding(
                    "R1",
                    Severity.WARNING,
                    "二",
                    f"表二 {label}",
                    f"未在表二中找到“{label}”一行。",
                    "请对照原文核对后填写。",
                )
            )
        for key in (r.key for r in t3.layout if t3.cells and r.key not in t3.cells):
            place = _place("表三", key)
            found.append(
                Finding(
                    "R1",
                    Severity.WARNING,
                    "三",
                    place,
                    f"未在表三中找到“{row_name(key)}”一行。",
                    "请对照原文核对后填写。",
                )
            )
    return found


def _unsummed(table: SectionId, key: str, group: int, digits: str) -> Finding:
    """T3-ROW or T4-SUM for a run of digits that adds up however it is cut into cells."""
    if table == "三":
        where = f"表三 行[{row_name(key)}]"
        return Finding(
            "T3-ROW",
            Severity.ERROR,
            "三",
            where,
            f"{where} 的数字连写为“{digits}”，无论怎样拆分为 7 格，六类申请人合计都不等于总计（未能逐格读出）。",
            "请核对该行各列数字或总计。",
        )
    name = FOUR.groups[group].name
    return Finding(
        "T4-SUM",
        Severity.ERROR,
        "四",
        f"表四 {name}",
        f"表四 {name} 的数字连写为“{digits}”，无论怎样拆分，"
        "维持、纠正、其他、尚未审结之和都不等于总计（未能逐格读出）。",
        "请核对四类结果或总计。",
    )


def _place(where: str, key: str) -> str:
    if not key:
        return where
    if where == "表三":
        return f"表三 行[{row_name(key)}]"
    if where == "表二":
        return f"表二 {key}"
    return where
