"""Provides the review's exports for the office: an Excel workbook (openpyxl) and one web page with its charts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

from sections.model.disclosure_2019 import COLUMNS as TRIAL_COLUMNS
from sections.model.findings import Amount, Figure, Severity
from sections.model.report import Report
from sections.model.requests import row_name
from sections.model.tables import THREE
from sections.model.units import FIGURES
from sections.output.rendering import environment
from sections.output.review import COLUMNS, Reviewed, cells, rules_found
from sections.output.review_charts import CARRIED, OUTCOMES, RECEIVED, bars, year_on_year

SUMMARY_SHEET = "审核表"
FINDINGS_SHEET = "问题清单"
CHANGES_SHEET = "与上年比较"
FINDING_COLUMNS = ("文件", "机关", "年度", "规则", "严重程度", "部分", "位置", "问题", "修改建议")
CHANGE_COLUMNS = ("机关", "年度", "项目", "上年", "本年", "变化")


@dataclass(frozen=True)
class Column:
    """One figure column of the workbook: its name and how to read it from a report."""

    name: str
    get: Callable[[Report], Figure | Amount]


def figure_columns(items: Sequence[Reviewed]) -> list[Column]:
    """Every figure of tables 二、三、四 (2021 format), then the 2019 layout's own figures if a report has them."""
    columns = [Column(f.where, f.get) for f in FIGURES]
    reports = [item.report for item in items if item.report is not None]
    if any(r.disclosure.trial is not None for r in reports):
        columns += [
            Column(f"表二（2019年格式） {label} {name}", _trial(label, index))
            for label, names in TRIAL_COLUMNS.items()
            for index, name in enumerate(names)
        ]
    old = THREE.outdated_other
    if any(old in r.requests.rows for r in reports):
        columns += [
            Column(f"表三 行[{row_name(old)}]（2019年格式） 列[{name}]", _value(old, c))
            for c, name in enumerate(THREE.columns)
        ]
    return columns


def _trial(label: str, index: int) -> Callable[[Report], Figure | Amount]:
    def get(report: Report) -> Figure | Amount:
        trial = report.disclosure.trial
        return trial.rows[label][index] if trial is not None and label in trial.rows else None

    return get


def _value(key: str, column: int) -> Callable[[Report], Figure | Amount]:
    return lambda report: report.requests.value(key, column) if key in report.requests.rows else None


def summary_rows(items: Sequence[Reviewed]) -> tuple[list[str], list[list[object]]]:
    """The first sheet: headers, then one row per file with the desk's columns, every figure and every rule."""
    figures, rules = figure_columns(items), rules_found(items)
    headers = ["文件", *COLUMNS[:5], "距发布期限（天，负数为已过）", "与上年重复（比例）", "汇总核对（U1 处数）"]
    headers += [c.name for c in figures] + [f"规则 {rule}" for rule in rules]
    rows: list[list[object]] = []
    for item in items:
        if item.report is None:
            rows.append([item.path.name, f"（无法读取：{item.error}）"])
            continue
        report = item.report
        row: list[object] = [item.path.name, item.body, report.meta.level, item.year]
        row += [item.count(Severity.ERROR), item.count(Severity.WARNING), item.days, item.share]
        row.append(item.differences)
        row += [c.get(report) for c in figures]
        row += [sum(1 for f in item.findings if f.rule == rule) or None for rule in rules]
        rows.append(row)
    return headers, rows


def workbook(items: Sequence[Reviewed]) -> bytes:
    """The .xlsx: 审核表 (one row per unit), 问题清单 (one row per finding), 与上年比较 (where last year is known)."""
    from openpyxl import Workbook  # late on purpose: only `review --xlsx` pays for openpyxl (~150 ms)
    from openpyxl.styles import Font

    book = Workbook()
    summary = book.active
    assert summary is not None  # a new workbook has its one sheet
    summary.title = SUMMARY_SHEET
    headers, rows = summary_rows(items)
    findings = book.create_sheet(FINDINGS_SHEET)
    changes = book.create_sheet(CHANGES_SHEET)
    sheets = (
        (summary, headers, rows),
        (findings, list(FINDING_COLUMNS), _finding_rows(items)),
        (changes, list(CHANGE_COLUMNS), _change_rows(items)),
    )
    for sheet, head, body in sheets:
        sheet.append(head)
        for row in body:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "C2" if sheet is summary else "A2"
    for (share,) in summary.iter_rows(min_row=2, min_col=8, max_col=8):
        share.number_format = "0%"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _finding_rows(items: Sequence[Reviewed]) -> list[list[object]]:
    return [
        [item.path.name, item.body, item.year, f.rule, f.severity.label, f.section, f.where, f.message, f.hint]
        for item in items
        for f in item.findings
    ]


def _change_rows(items: Sequence[Reviewed]) -> list[list[object]]:
    return [
        [unit.body, unit.year, change.name, change.last, change.now, change.text]
        for unit in year_on_year(items)
        for change in unit.changes
    ]


def page(items: Sequence[Reviewed], folder: Path, today: date | None = None) -> str:
    """The web page: the desk's table, the applications chart and the changes on last year; no network."""
    template = environment().get_template("review/review.html.j2")
    return template.render(
        folder=str(folder),
        day=today or date.today(),
        columns=COLUMNS,
        rows=[cells(item) for item in items],
        errors=[item.report is None or item.count(Severity.ERROR) > 0 for item in items],
        bars=bars(items),
        received=(RECEIVED, CARRIED),
        outcomes=OUTCOMES,
        changes=year_on_year(items),
    )
