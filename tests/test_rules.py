"""Provides one consistent and one inconsistent case for every rule, with the exact finding expected."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

import pytest

from sections.model.findings import Severity
from sections.model.overview import Subsection
from sections.model.report import Report
from sections.rules.registry import check

TODAY = date(2026, 11, 29)
Edit = Callable[[Report], None]


def _set_fee(value: Decimal | str) -> Edit:
    return lambda r: setattr(r.disclosure, "fee", value)


def _rules(values: list[int | str | None]) -> Edit:
    return lambda r: setattr(r.disclosure, "rules", values)


def _row(key: str, cells: Sequence[int | str | None]) -> Edit:
    return lambda r: r.requests.rows.__setitem__(key, list(cells))


def _level(level: str) -> Edit:
    return lambda r: setattr(r.meta, "level", level)


def _both(*edits: Edit) -> Edit:
    def apply(report: Report) -> None:
        for edit in edits:
            edit(report)

    return apply


def _subsection(index: int, text: str) -> Edit:
    def apply(report: Report) -> None:
        subs = report.overview.subsections or []
        subs[index] = Subsection(title=subs[index].title, text=text)

    return apply


def _appeals(cells: list[int | str | None]) -> Edit:
    return lambda r: setattr(r.appeals, "cells", cells)


def _county_t3_total() -> list[int]:
    return [13, 3, 0, 0, 1, 0, 17]


FAILING: list[tuple[str, Edit, str, Severity, str]] = [
    (
        "C1",
        lambda r: setattr(r.disclosure, "permits", "/"),
        "表二 行政许可",
        Severity.ERROR,
        "表二有 1 处不是数字：表二 行政许可（/）。",
    ),
    (
        "C1",
        _row("carry_in", [2, "", 0, 0, 0, 0, None]),
        "表三",
        Severity.ERROR,
        "表三有 1 处不是数字：二、上年结转政府信息公开申请数量 商业企业（空白）。",
    ),
    (
        "C1",
        _appeals([1, 0, 0, 0, None, "无", 0, 0, 1, None, 0, 0, 0, 0, None]),
        "表四",
        Severity.ERROR,
        "表四有 1 处不是数字：行政诉讼-未经复议直接起诉 结果维持。",
    ),
    (
        "C2",
        _rules([0, -1, 0]),
        "表二 规章 本年废止件数",
        Severity.ERROR,
        "表二 规章 本年废止件数 填报为 -1，不能为负数。",
    ),
    (
        "C2",
        _set_fee(Decimal("-3")),
        "表二 行政事业性收费",
        Severity.ERROR,
        "表二 行政事业性收费 填报为 -3，不能为负数。",
    ),
    (
        "C3",
        _both(lambda r: setattr(r.meta, "fee_decimals", 4), _set_fee(Decimal("12.6"))),
        "表二 行政事业性收费",
        Severity.WARNING,
        "收费金额 12.6 有 1 位小数，本省要求保留 4 位。",
    ),
    (
        "C4",
        _set_fee(Decimal("126000")),
        "表二 行政事业性收费",
        Severity.WARNING,
        "收费金额 126000 万元（12.6 亿元）对县级以上政府部门而言过大，可能按“元”填写了。",
    ),
    (
        "T2-RULES",
        _rules([1, 0, 1]),
        "表二 规章",
        Severity.WARNING,
        "县级以上政府部门没有规章制定权，规章行应为 0/0/0，实际填报 1/0/1。",
    ),
    (
        "T3-ROW",
        _row("new", [12, 3, 0, 0, 1, 0, 15]),
        "表三 行[一、本年新收政府信息公开申请数量]",
        Severity.ERROR,
        "表三 行[一、本年新收政府信息公开申请数量]：六类申请人合计 16，但总计填报为 15。",
    ),
    (
        "T3-ROW",
        _row("d_3rd", [1, 0, 0, 0, 0, 0, 2]),
        "表三 行[（三）不予公开 4.保护第三方合法权益]",
        Severity.ERROR,
        "表三 行[（三）不予公开 4.保护第三方合法权益]：六类申请人合计 1，但总计填报为 2。",
    ),
    (
        "T3-COL",
        _row("total", [12, 3, 0, 0, 1, 0, 17]),
        "表三 列[自然人]",
        Severity.ERROR,
        "表三 列[自然人]：各办理结果合计 13，但（七）总计填报为 12。",
    ),
    (
        "T3-BAL",
        _row("carry_out", [0, 0, 0, 0, 0, 0, 1]),
        "表三 列[自然人]",
        Severity.ERROR,
        "表三 列[自然人] 勾稽关系不平：新收 12 + 上年结转 2 = 14，但办理结果合计 13 + 结转下年度 0 = 13"
        "（办理结果或结转数偏少）。",
    ),
    (
        "T4-SUM",
        _appeals([1, 0, 0, 0, 2, 0, 0, 0, 1, None, 0, 0, 0, 0, None]),
        "表四 行政复议",
        Severity.ERROR,
        "表四 行政复议：维持、纠正、其他、尚未审结合计 1，但总计填报为 2。",
    ),
    (
        "S2",
        lambda r: setattr(r.improvements, "text", "无"),
        "五、存在的主要问题及改进情况",
        Severity.ERROR,
        "第五部分只有 1 个字，内容过于简单。",
    ),
    (
        "S3",
        _both(
            lambda r: setattr(r.overview, "subsections", [Subsection(title="主动公开", text="公开了。")]),
            lambda r: setattr(r.overview, "opening", "本年度工作有序开展。"),
        ),
        "一、总体情况",
        Severity.WARNING,
        "总体情况没有写到：依申请公开、政府信息管理、政府信息公开平台建设、监督保障。",
    ),
    (
        "S3",
        _both(_level("县级政府"), _subsection(4, "加强组织领导。")),
        "一、总体情况",
        Severity.WARNING,
        "总体情况没有写到：工作考核、社会评议和责任追究结果。",
    ),
]


@pytest.mark.parametrize(
    ("rule", "edit", "where", "severity", "message"), FAILING, ids=[f"{c[0]}-{i}" for i, c in enumerate(FAILING)]
)
def test_rule_reports_the_exact_finding(
    county: Report, rule: str, edit: Edit, where: str, severity: Severity, message: str
) -> None:
    """An inconsistent figure gets exactly one finding of its rule, at its place, with its figures."""
    edit(county)
    found = [f for f in check(county, TODAY) if f.rule == rule]
    assert [(f.where, f.severity, f.message) for f in found] == [(where, severity, message)]


PASSING: list[tuple[str, Edit]] = [
    ("C1", lambda r: None),
    ("C2", _rules([0, 0, 0])),
    ("C3", _both(lambda r: setattr(r.meta, "fee_decimals", 4), _set_fee(Decimal("12.6000")))),
    ("C3", _both(lambda r: setattr(r.meta, "fee_decimals", 4), _set_fee(Decimal("0")))),
    ("C4", _both(_level("县级政府"), _set_fee(Decimal("7545")))),
    ("T2-RULES", _both(_level("设区的市政府"), _rules([2, 1, 30]))),
    ("T3-ROW", _row("new", [12, 3, 0, 0, 1, 0, 16])),
    ("T3-COL", _row("total", _county_t3_total())),
    ("T3-BAL", lambda r: None),
    ("T4-SUM", _appeals([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0])),
    ("S2", lambda r: None),
    ("S3", lambda r: None),
]


@pytest.mark.parametrize(("rule", "edit"), PASSING, ids=[f"{c[0]}-{i}" for i, c in enumerate(PASSING)])
def test_consistent_figures_raise_no_finding(county: Report, rule: str, edit: Edit) -> None:
    """A consistent report (including stated totals that match) gets no finding of the rule."""
    edit(county)
    assert [f for f in check(county, TODAY) if f.rule == rule] == []


def test_unanswered_figures_are_not_wrong() -> None:
    """A new, empty draft has no error and no warning: unanswered is not inconsistent."""
    assert [f for f in check(Report(), TODAY) if f.severity is not Severity.INFO] == []


def test_balance_waits_for_the_last_figure(county: Report) -> None:
    """T3-BAL stays silent while 结转下年度 is still unanswered."""
    county.requests.rows["carry_out"] = [None] * 7
    assert [f for f in check(county, TODAY) if f.rule == "T3-BAL"] == []


@pytest.mark.parametrize(
    ("level", "year", "expected"),
    [
        ("县级以上政府部门", 2025, "本报告应于 2026年1月31日前公开发布（已过 302 天）。"),
        ("县级政府", 2025, "本报告应于 2026年3月31日前公开发布（已过 243 天）。"),
        ("乡镇街道", 2026, "本报告应于 2027年1月31日前公开发布（还有 63 天）。"),
    ],
)
def test_deadline_depends_on_level(county: Report, level: str, year: int, expected: str) -> None:
    """D1 tells the publication deadline: 31 January, or 31 March for a government's own report."""
    county.meta.level, county.meta.year = level, year  # type: ignore[assignment]
    assert [f.message for f in check(county, TODAY) if f.rule == "D1"] == [expected]


def test_baibi_sample_fails_c2_at_rules_abolished(baibi: Report) -> None:
    """The 白璧镇 sample reports C2 at 表二 规章 本年废止件数 and T2-RULES, as the corpus expects."""
    found = {(f.rule, f.where) for f in check(baibi, TODAY) if f.severity is not Severity.INFO}
    assert ("C2", "表二 规章 本年废止件数") in found
    assert ("T2-RULES", "表二 规章") in found
    assert [f for f in check(baibi, TODAY) if f.severity is Severity.ERROR and f.rule != "C2"] == []


def test_county_sample_is_consistent(county: Report) -> None:
    """The county-bureau sample has no error and no warning."""
    assert [f for f in check(county, TODAY) if f.severity is not Severity.INFO] == []


def test_rules_power_is_a_warning_when_the_level_is_guessed_and_an_error_when_stated() -> None:
    """A 县级政府 with 规章 1/0/1: a 提醒 for a published report, an error once the clerk has stated the level."""
    report = Report()
    report.meta.level = "县级政府"
    report.disclosure.rules = [1, 0, 1]
    (guessed,) = [f for f in check(report) if f.rule == "T2-RULES"]
    (stated,) = [f for f in check(report, level_stated=True) if f.rule == "T2-RULES"]
    assert guessed.severity is Severity.WARNING and stated.severity is Severity.ERROR
    report.meta.level = "设区的市政府"
    assert not [f for f in check(report, level_stated=True) if f.rule == "T2-RULES"]


@pytest.mark.parametrize("blank", [None, "", " "])
def test_rules_power_names_a_blank_cell(blank: str | None) -> None:
    """A blank cell in 规章 1/?/11 is said as 「空白」, never as nothing between two slashes (「1//11」)."""
    report = Report()
    report.meta.level = "县级政府"
    report.disclosure.rules = [1, blank, 11]
    (finding,) = [f for f in check(report) if f.rule == "T2-RULES"]
    assert "实际填报 1/空白/11。" in finding.message


def test_rules_power_quotes_a_printed_non_number() -> None:
    """A 「/」 printed in 规章 is quoted (「1/“/”/11」), so it cannot be taken for the separators around it."""
    report = Report()
    report.meta.level = "县级政府"
    report.disclosure.rules = [1, "/", 11]
    (finding,) = [f for f in check(report) if f.rule == "T2-RULES"]
    assert "实际填报 1/“/”/11。" in finding.message
