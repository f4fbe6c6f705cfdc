"""Provides tests of the cross-year checks X1–X4 and of starting a draft from last year's report."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sections.interview.engine import Interview
from sections.model.overview import Subsection
from sections.model.report import Report
from sections.rules.registry import check
from sections.store.drafts import Draft, load_draft, save_draft
from sections.store.workspace import draft_from_previous

from .conftest import SAMPLES

TODAY = date(2026, 11, 29)


def _next_year(county: Report) -> Report:
    """A consistent following year: 上年结转 = last year's 结转, 现行有效 9 + 3 − 0 = 12."""
    report = county.model_copy(deep=True)
    report.meta.year = 2026
    report.requests.rows["carry_in"] = [1, 0, 0, 0, 0, 0, None]
    report.requests.rows["new"] = [11, 3, 0, 0, 1, 0, None]
    report.disclosure.normative = [3, 0, 12]
    report.overview.subsections = [
        Subsection(title=s.title, text=f"2026年新写的第{i}段内容，与上年不同，讲本年的做法和成效。")
        for i, s in enumerate(county.overview.subsections or [])
    ]
    report.overview.opening = "2026年，本局继续推进政务公开，全年发布信息502条，较上年有所增加。"
    report.improvements.text = (
        "一是本年度新发现的问题是政策解读的时效性不足。二是上年问题已经整改完毕。三是明年将加强培训。"
    )
    return report


def _cross(report: Report, previous: Report) -> list[tuple[str, str]]:
    return [(f.rule, f.where) for f in check(report, TODAY, previous) if f.rule.startswith("X")]


def test_consistent_following_year_has_no_cross_year_finding(county: Report) -> None:
    """A following year whose carry-over and 现行有效 continue last year's raises no X finding."""
    assert _cross(_next_year(county), county) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda r: r.requests.rows.__setitem__("carry_in", [0, 0, 0, 0, 0, 0, None]),
            [("X1", "表三 列[自然人]"), ("X1", "表三 列[总计]")],
        ),
        (lambda r: setattr(r.disclosure, "normative", [3, 0, 15]), [("X2", "表二 行政规范性文件 现行有效件数")]),
        (lambda r: setattr(r.disclosure, "permits", 12360), [("X3", "表二 行政许可")]),
        (lambda r: setattr(r.disclosure, "penalties", 5), [("X3", "表二 行政处罚")]),
    ],
)
def test_cross_year_inconsistency_is_flagged(county: Report, edit: object, expected: list[tuple[str, str]]) -> None:
    """X1 per column, X2 per document type, X3 per figure that jumps more than five times."""
    report = _next_year(county)
    edit(report)  # type: ignore[operator]
    assert _cross(report, county) == expected


def test_copied_text_is_flagged_with_the_repeated_passages(county: Report) -> None:
    """X4: a 一 copied from last year is flagged and the repeated sentences are quoted."""
    report = _next_year(county)
    report.overview = county.overview.model_copy(deep=True)
    found = [f for f in check(report, TODAY, county) if f.rule == "X4"]
    assert [f.where for f in found] == ["一、总体情况"]
    assert "100% 的句子与上年报告相同" in found[0].message and "云溪县市场监督管理局" in found[0].message


def test_small_changes_are_not_jumps(county: Report) -> None:
    """X3 ignores moderate changes and small figures: 12 → 3, and 0 → 8, are not flagged."""
    report = _next_year(county)
    report.disclosure.enforcement = 3
    county.requests.rows["new"] = [0, 0, 0, 0, 0, 0, None]
    report.requests.rows["new"] = [5, 2, 0, 0, 1, 0, None]
    report.requests.rows["carry_in"] = [0, 0, 0, 0, 0, 0, None]
    county.requests.rows["carry_out"] = [0, 0, 0, 0, 0, 0, None]
    assert _cross(report, county) == []


def test_new_draft_from_last_year_carries_and_asks_to_confirm(county: Report) -> None:
    """`new --from`: body, level, contact, preface carried; 上年结转 = last 结转; each confirmed with Enter."""
    draft = draft_from_previous(county)
    report = draft.report
    assert (report.meta.body, report.meta.level, report.meta.year) == ("云溪县市场监督管理局", "县级以上政府部门", 2026)
    assert report.meta.preface is not None and "2026年1月1日" in report.meta.preface
    assert report.requests.applicants("carry_in") == [1, 0, 0, 0, 0, 0]
    interview = Interview(draft, None, TODAY)
    first = interview.start().messages[-1].text
    assert "取自上年报告：云溪县市场监督管理局" in first
    for _ in range(10):
        interview.submit("无" if interview.current and interview.current.id == "meta.fee_decimals" else "")
    assert not draft.interview.carried - {"t3.carry_in"}
    assert interview.current is not None and interview.current.id == "t2.rules"


def test_interview_flags_a_carry_over_that_breaks_with_last_year(county: Report) -> None:
    """In the interview, changing 上年结转 away from last year's 结转 raises an inline X1 flag."""
    interview = Interview(draft_from_previous(county), None, TODAY)
    interview.start()
    interview.submit("/goto 三")
    for answer in ("是", "11 3 0 0 1 0"):
        interview.submit(answer)
    turn = interview.submit("0 0 0 0 0 0")
    flags = {(m.finding.rule, m.finding.where) for m in turn.messages if m.kind == "flag" and m.finding}
    assert ("X1", "表三 列[自然人]") in flags


def test_last_years_improvements_are_shown_while_writing_this_years(county: Report) -> None:
    """The 五 question shows last year's 五 when last year's report is attached."""
    interview = Interview(draft_from_previous(county), None, TODAY)
    question = interview.question("s5.text")
    assert question is not None and "上年报告的第五部分" in question.prompt
    assert (county.improvements.text or "")[:20] in question.prompt


def test_check_with_previous_reports_cross_year_findings(tmp_path: Path, county: Report) -> None:
    """`nianbao check THIS --previous LAST` adds the X findings; X1 is an error, so it exits 1."""
    this_year = _next_year(county)
    this_year.requests.rows["carry_in"] = [0, 0, 0, 0, 0, 0, None]
    path = tmp_path / "2026.json"
    save_draft(path, Draft(report=this_year))
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(path), "--previous", str(SAMPLES / "county-bureau-2025.json")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "[错误] X1 表三 列[自然人]" in result.stdout


def test_new_from_last_year_in_plain_mode(tmp_path: Path) -> None:
    """`nianbao new --from LAST --ui plain`: Enter confirms each carried answer; the draft keeps last year."""
    out = tmp_path / "2026.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "new",
            "--from",
            str(SAMPLES / "county-bureau-2025.json"),
            "--draft",
            str(out),
            "--ui",
            "plain",
        ],
        input="\n" * 8 + "无\n",
        capture_output=True,
        text=True,
    )
    assert "取自上年报告：云溪县市场监督管理局" in result.stdout
    draft = load_draft(out)
    assert draft.report.meta.year == 2026 and draft.report.meta.contact.postcode == "414009"
    assert draft.interview.previous is not None and draft.interview.previous.meta.year == 2025
    assert draft.interview.carried == {"meta.preface", "t3.carry_in"}
