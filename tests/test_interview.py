"""Provides tests of the interview engine that every front end drives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sections.interview.engine import Interview
from sections.model.labels import DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION
from sections.model.report import Report
from sections.store.drafts import Draft, load_draft, save_draft

from .conftest import SAMPLES
from .fixtures.baibi_answers import ANSWERS as BAIBI
from .fixtures.county_answers import ANSWERS as COUNTY

TODAY = date(2026, 11, 29)


def _run(answers: list[str], path: Path | None = None) -> Interview:
    interview = Interview(Draft(), (lambda d: save_draft(path, d)) if path else None, TODAY)
    interview.start()
    for answer in answers:
        for message in interview.submit(answer).messages:
            assert message.kind not in ("refusal", "error"), (answer, message.text)
    return interview


@pytest.mark.parametrize(("answers", "sample"), [(BAIBI, "baibi-2021.json"), (COUNTY, "county-bureau-2025.json")])
def test_answers_reproduce_the_sample_draft(answers: list[str], sample: str) -> None:
    """Answering the questions in order produces exactly the sample report, and nothing stays open."""
    interview = _run(answers)
    assert interview.current is None
    assert interview.report == load_draft(SAMPLES / sample).report


def test_negative_figure_is_taken_and_flagged_at_once() -> None:
    """A −1 is stored as typed and flagged (C2) in the reply to that very answer."""
    interview = _run(BAIBI[:10])
    turn = interview.submit("0 -1 0")
    flags = [m.finding.rule for m in turn.messages if m.kind == "flag" and m.finding]
    assert flags == ["C2", "T2-RULES"]
    assert interview.report.disclosure.rules == [0, -1, 0]


def test_refused_answer_keeps_question_and_everything_else() -> None:
    """A letter where a number is due is refused, saying what is expected; nothing entered is lost."""
    interview = _run(BAIBI[:11])
    before = interview.report.model_copy(deep=True)
    turn = interview.submit("abc")
    assert [m.kind for m in turn.messages] == ["refusal"]
    assert "请按顺序填 3 个数" in turn.messages[0].text
    assert interview.current is not None and interview.current.id == "t2.normative"
    assert interview.report == before


def test_no_applications_fills_table_three_with_zeros() -> None:
    """Answering 否 to 「是否收到申请」 fills all of table 三 with zeros in one answer."""
    interview = _run(BAIBI[:17])
    assert all(interview.report.requests.row(r) == [0] * 7 for r in interview.report.requests.rows)


def test_balance_flag_names_the_short_side_and_clears_after_goto() -> None:
    """T3-BAL is flagged the moment the last figure arrives, and cleared when corrected via /goto."""
    carry_out = COUNTY.index("自然人1", COUNTY.index("1 2 6 11 14 21") + 7)
    interview = _run(COUNTY[:carry_out])
    turn = interview.submit("无")
    flag = next(m for m in turn.messages if m.kind == "flag")
    assert flag.finding is not None and flag.finding.rule == "T3-BAL"
    assert "办理结果或结转数偏少" in flag.text
    interview.submit("/goto 三")
    while interview.current is not None and interview.current.id != "t3.carry_out":
        interview.submit("")
    cleared = interview.submit("自然人1")
    assert any(m.kind == "cleared" and m.finding and m.finding.rule == "T3-BAL" for m in cleared.messages)
    assert not [f for f in interview.findings if f.rule == "T3-BAL"]


def test_undo_back_and_skip() -> None:
    """/undo takes back the last answer, /back revisits the previous question, /skip defers one."""
    interview = _run(BAIBI[:3])
    interview.submit("/undo")
    assert interview.report.meta.year is None and interview.current is not None
    assert interview.current.id == "meta.year"
    interview.submit("2021")
    interview.submit("/back")
    assert interview.current is not None and interview.current.id == "meta.year"
    interview.submit("")
    assert interview.report.meta.year == 2021
    interview.submit("/skip")
    assert interview.current is not None and interview.current.id == "meta.phone"


def test_unknown_command_and_help() -> None:
    """An unknown command is refused with the list of commands; /help shows the question's help."""
    interview = _run([])
    assert "/goto 三" in interview.submit("/fly").messages[0].text
    assert "报告标题" in interview.submit("/help").messages[0].text


def test_autosave_after_every_answer_and_resume(tmp_path: Path) -> None:
    """Each answer is saved at once; a new session resumes at the first unanswered question."""
    path = tmp_path / "d.json"
    _run(BAIBI[:12], path)
    resumed = Interview(load_draft(path), None, TODAY)
    assert resumed.report.disclosure.normative == [0, 0, 0]
    assert "欢迎回来" in resumed.start().messages[0].text
    assert resumed.current is not None and resumed.current.id == "t2.permits"


def test_failed_save_is_reported_and_answers_stay(tmp_path: Path) -> None:
    """When the draft cannot be saved, the chat says so and the answer stays in memory."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    interview = Interview(Draft(), lambda d: save_draft(blocker / "d.json", d), TODAY)
    interview.start()
    turn = interview.submit("白璧镇人民政府")
    assert any(m.kind == "error" and "草稿保存失败" in m.text for m in turn.messages)
    assert interview.report.meta.body == "白璧镇人民政府"


def test_drafted_paragraph_states_table_figures() -> None:
    """The drafted 依申请公开 paragraph states the counts of table 三 exactly."""
    interview = _run(COUNTY[: COUNTY.index("无", 27) + 3])  # through 一 opening and titles
    question = interview.question("s1.sub.1")
    assert question is not None and question.drafted is not None
    text = question.drafted(interview.report)
    assert "本局新收政府信息公开申请16件，上年结转2件；办理完毕17件" in text
    assert "结转下年度继续办理1件" in text


def test_report_model_validates_partial_drafts() -> None:
    """A half-finished draft validates and round-trips through JSON."""
    interview = _run(BAIBI[:5])
    again = Report.model_validate_json(interview.report.model_dump_json())
    assert again == interview.report


def test_zero_is_taken_for_carry_in_like_none() -> None:
    """Typing 0 at 「上年结转」 records a row of zeros, as 「无」 does, and moves on."""
    carry_in = COUNTY.index("自然人2")
    interview = _run(COUNTY[:carry_in])
    assert interview.current is not None and interview.current.id == "t3.carry_in"
    turn = interview.submit("0")
    assert "refusal" not in [m.kind for m in turn.messages]
    assert interview.report.requests.applicants("carry_in") == [0] * 6


def test_a_row_copied_with_its_total_is_taken() -> None:
    """新收 typed as seven numbers with the 总计 at the end is taken when the total is right."""
    new = COUNTY.index("12 3 0 0 1 0")
    interview = _run(COUNTY[:new])
    wrong = interview.submit("12 3 0 0 1 0 17")
    assert [m.kind for m in wrong.messages] == ["refusal"] and "之和是 16" in wrong.messages[0].text
    interview.submit("12 3 0 0 1 0 16")
    assert interview.report.requests.applicants("new") == [12, 3, 0, 0, 1, 0]


def _at_titles() -> Interview:
    titles = next(i for i, a in enumerate(BAIBI) if a.startswith("加强组织领导"))
    interview = _run(BAIBI[:titles])
    assert interview.current is not None and interview.current.id == "s1.titles"
    return interview


def test_enter_at_the_headings_records_the_official_six() -> None:
    """Enter at 「总体情况下分几个小标题」 for a 镇政府 gives the six official headings, 考核 heading whole."""
    interview = _at_titles()
    interview.submit("")
    titles = [s.title for s in interview.report.overview.subsections or []]
    assert titles == [*DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION]
    assert titles[-1] == "工作考核、社会评议和责任追究结果"


def test_typed_headings_are_kept_whole() -> None:
    """Headings typed one per line (or with 「；」 or （一）（二）) keep the 「、」 inside them."""
    typed = (
        "主动公开、依申请公开\n平台建设",
        "主动公开、依申请公开；平台建设",
        "（一）主动公开、依申请公开（二）平台建设",
    )
    for text in typed:
        interview = _at_titles()
        interview.submit(text)
        assert [s.title for s in interview.report.overview.subsections or []] == ["主动公开、依申请公开", "平台建设"]


@pytest.mark.parametrize(
    ("target", "question"),
    [
        ("不掌握", "t3.row.u_nothold"),
        ("行政处罚", "t2.penalties"),
        ("复议", "t4.review"),
        ("国家秘密", "t3.row.d_secret"),
    ],
)
def test_goto_a_row_by_any_part_of_its_label(target: str, question: str) -> None:
    """「/goto 不掌握」 jumps to that row's question, saying which row, and the answer is kept on Enter."""
    interview = _run(COUNTY)
    turn = interview.submit(f"/goto {target}")
    assert "refusal" not in [m.kind for m in turn.messages]
    assert interview.current is not None and interview.current.id == question
    assert "跳到" in turn.messages[0].text


def test_goto_an_ambiguous_word_asks_for_more() -> None:
    """「/goto 公开」 matches rows in several sections: refused, naming some of them."""
    interview = _run(COUNTY)
    turn = interview.submit("/goto 公开")
    assert [m.kind for m in turn.messages] == ["refusal"] and "好几处" in turn.messages[0].text


def test_rules_for_a_stated_township_are_an_error() -> None:
    """规章 1/0/1 for a 镇 whose level the clerk chose is 「错误 T2-RULES」, not a 提醒."""
    interview = _run(BAIBI[:10])
    turn = interview.submit("1 0 1")
    (flag,) = [m.finding for m in turn.messages if m.kind == "flag" and m.finding]
    assert flag.rule == "T2-RULES" and flag.severity.value == "error"


def test_a_finding_in_subsection_two_jumps_to_that_subsection() -> None:
    """An N1 in 「（二）依申请公开」 opens that subsection's editor, and the jump names it."""
    interview = _run(COUNTY)
    interview.submit("/goto s1.sub.1")
    interview.submit("本年度共收到政府信息公开申请99件。")
    (finding,) = [f for f in interview.findings if f.rule == "N1"]
    assert finding.target == "s1.sub.1"
    interview.submit("/goto 三")
    turn = interview.focus(finding.target)
    assert interview.current is not None and interview.current.id == "s1.sub.1"
    assert "（二）依申请公开" in turn.messages[0].text


def test_zero_stands_for_none_in_an_optional_line() -> None:
    """「电子邮箱？（没有请答“无”）」 takes 0 as 「无」 and records no e-mail."""
    email = COUNTY.index("yxxscjgj@163.com")
    interview = _run(COUNTY[:email])
    turn = interview.submit("0")
    assert "refusal" not in [m.kind for m in turn.messages]
    assert interview.report.meta.contact.email == ""


def test_a_finding_that_becomes_a_warning_is_said_again() -> None:
    """An N1 error that a scope word (全区) turns into a warning is said in the chat, with its new severity."""
    interview = _run(COUNTY)
    interview.submit("/goto s1.sub.1")
    error = interview.submit("本年度共收到政府信息公开申请99件。")
    assert [m.finding.severity.value for m in error.messages if m.kind == "flag" and m.finding] == ["error"]
    interview.submit("/goto s1.sub.1")
    warning = interview.submit("本年度全区共收到政府信息公开申请99件。")
    flags = [m for m in warning.messages if m.kind == "flag" and m.finding and m.finding.rule == "N1"]
    assert [m.finding.severity.value for m in flags if m.finding] == ["warning"]
    assert "99" in flags[0].text


def test_goto_names_the_place_in_one_sentence() -> None:
    """「跳到：…」 names the question without a doubled full stop, whatever the question's wording ends with."""
    interview = _run(COUNTY)
    for question in interview.catalogue():
        said = interview.submit(f"/goto {question.id}").messages[0].text
        assert said.startswith("跳到：") and "。。" not in said, said
