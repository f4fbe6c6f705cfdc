"""Provides tests of the cross-year checks X1–X4 and of starting a draft from last year's report."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sections.interview.engine import Interview
from sections.model.overview import Subsection
from sections.model.report import Report
from sections.output.export import export_bytes
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
    """The question about last year's problems shows them when last year's report is attached.

    Last year's problems as answered to 五's first question; last year's whole 五 for a report that has it
    in one piece (a published report, a draft older than the three questions).
    """
    interview = Interview(draft_from_previous(county), None, TODAY)
    question = interview.question("s5.progress")
    assert question is not None and f"上年报告提出的问题：\n{county.improvements.problems}" in question.prompt
    county.improvements.problems = None
    interview = Interview(draft_from_previous(county), None, TODAY)
    question = interview.question("s5.progress")
    assert question is not None and f"上年报告的第五部分（供对照）：\n{county.improvements.text}" in question.prompt


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


def _published_with_unreadable_row(county: Report, folder: Path) -> Path:
    """Last year's report as published text whose 行政规范性文件 row has a cell the reader cannot read."""
    text = export_bytes(county, "txt", "tabs").decode("utf-8")
    damaged = re.sub(r"(?m)^(行政规范性文件\t\d+\t\d+\t)\d+$", r"\g<1>■", text)
    assert damaged != text
    path = folder / "2025年报告.txt"
    path.write_text(damaged, encoding="utf-8")
    return path


def test_new_from_a_report_with_an_unreadable_row_asks_for_it_first_and_x2_then_fires(
    tmp_path: Path, county: Report
) -> None:
    """The figure X2 needs, unreadable in last year's report, is the first question; given, X2 checks this year's."""
    last = _published_with_unreadable_row(county, tmp_path)
    out = tmp_path / "2026.json"
    answers = "9\n" + "\n" * 8 + "无\n" + "\n" + "\n" + "3 0 15\n"
    result = subprocess.run(
        [sys.executable, "-m", "tui", "new", "--from", str(last), "--draft", str(out), "--ui", "plain"],
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
    )
    asked = [line for line in result.stdout.splitlines() if "请填写上年的数字" in line or "取自上年报告" in line]
    assert "上年报告中 表二 行政规范性文件 现行有效件数 未能读出，请填写上年的数字" in asked[0], result.stdout
    assert "（上年：现行有效 9）" in result.stdout
    assert "X2（表二 行政规范性文件 现行有效件数）" in result.stdout
    assert "上年现行有效 9 + 本年制发 3 − 本年废止 0 = 12 件" in result.stdout
    draft = load_draft(out)
    assert draft.interview.choices["last.t2.normative"] == ["9"]
    assert draft.interview.previous is not None and draft.interview.previous.disclosure.normative[-1] is None


def test_undo_takes_back_last_years_figure_and_asks_it_again(county: Report) -> None:
    """/undo after last year's figure: asked again, and X2 has nothing to compare with until it is given anew."""
    county.disclosure.normative[-1] = None
    interview = Interview(draft_from_previous(county), None, TODAY)
    interview.start()
    interview.submit("9")
    asked = interview.submit("/undo").messages[-1].text
    assert asked.startswith("上年报告中 表二 行政规范性文件 现行有效件数 未能读出")
    interview.submit("/goto t2.normative")
    turn = interview.submit("3 0 15")
    assert not [m for m in turn.messages if m.kind == "flag" and m.finding and m.finding.rule == "X2"]


def test_a_last_year_figure_nobody_knows_is_said_and_not_asked_again(county: Report) -> None:
    """「不详」 to last year's figure is taken, said, and the interview goes on to this year's questions."""
    county.disclosure.normative[-1] = None
    interview = Interview(draft_from_previous(county), None, TODAY)
    assert interview.start().messages[-1].text.startswith("上年报告中 表二 行政规范性文件 现行有效件数 未能读出")
    said = interview.submit("不详").messages
    assert said[0].text == "好的，上年的数字不详：本年行政规范性文件的现行有效件数不能与上年核对。"
    assert interview.current is not None and interview.current.id == "meta.body"
    assert "（上年：现行有效 未能读出）" in interview.submit("/goto t2.normative").messages[-1].text


def test_a_row_of_last_year_not_read_at_all_is_said_once(county: Report) -> None:
    """上年结转 against a 结转下年度 row that could not be read: 「未能读出」 once, not once per column."""
    county.requests.rows["carry_out"] = [None] * 7
    interview = Interview(draft_from_previous(county), None, TODAY)
    assert "（上年：结转下年度继续办理：未能读出）" in interview.goto("t3.carry_in").messages[-1].text


def test_every_figure_question_shows_last_years_counterpart(county: Report) -> None:
    """Table questions show last year's figures by name: 现行有效 for documents, 结转下年度 for 上年结转."""
    interview = Interview(draft_from_previous(county), None, TODAY)
    shown = {
        id: interview.goto(id).messages[-1].text
        for id in ("t2.normative", "t2.permits", "t2.fee", "t3.new", "t3.carry_in", "t4.review")
    }
    assert "（上年：现行有效 9）" in shown["t2.normative"]
    assert "（上年：行政许可 1236）" in shown["t2.permits"]
    assert "（上年：12.6 万元）" in shown["t2.fee"]
    assert "（上年：自然人 12、商业企业 3、法律服务机构 1，合计 16）" in shown["t3.new"]
    assert "（上年：结转下年度继续办理：自然人 1）" in shown["t3.carry_in"]
    assert "（上年：" in shown["t4.review"]
    assert "上年：" not in Interview(Draft(report=county)).goto("t2.normative").messages[-1].text


def test_the_start_lists_every_figure_of_last_year_that_could_not_be_read(county: Report) -> None:
    """`new --from`: the greeting names each unread figure of last year's tables (a row once), then asks."""
    county.disclosure.normative[-1] = None
    county.requests.rows["carry_out"] = [None] * 7
    said = [m.text for m in Interview(draft_from_previous(county), None, TODAY).start().messages]
    (listed,) = [text for text in said if text.startswith("上年报告中有")]
    assert listed.startswith(
        "上年报告中有 7 个数字未能读出：表二 行政规范性文件 现行有效件数；表三 四、结转下年度继续办理（整行）。"
    )
    assert "现行有效件数先问您；其余在本年相应问题旁注明" in listed
    assert said[-1].startswith("上年报告中 表二 行政规范性文件 现行有效件数 未能读出，请填写上年的数字")
    whole = draft_from_previous(load_draft(SAMPLES / "county-bureau-2025.json").report)
    assert not [m for m in Interview(whole, None, TODAY).start().messages if m.text.startswith("上年报告中有")]
