"""Provides tests that a finding lands where the clerk can fix it: T3-BAL on its column's rows, N1 on its paragraph."""

from __future__ import annotations

from datetime import date

from sections.interview.engine import Interview
from sections.model.findings import Finding
from sections.model.ids import QuestionId
from sections.store.drafts import Draft, load_draft
from tui.talk import fix_hint

from .conftest import SAMPLES

TODAY = date(2026, 11, 29)


def unbalanced() -> Draft:
    """The county sample with 结转下年度 自然人 3 instead of 1: 12 + 2 ≠ 13 + 3 in 自然人 and 总计."""
    draft = load_draft(SAMPLES / "county-bureau-2025.json")
    draft.report.requests.rows["carry_out"] = [3, 0, 0, 0, 0, 0, None]
    return draft


def balance_finding(interview: Interview) -> Finding:
    """The first T3-BAL finding open."""
    return next(f for f in interview.findings if f.rule == "T3-BAL")


def test_t3_bal_lands_on_the_column_with_its_figures_and_a_choice_of_rows() -> None:
    """The jump shows the column's balance with each row's figure; nothing is chosen for the clerk."""
    interview = Interview(unbalanced(), None, TODAY)
    interview.start()
    finding = balance_finding(interview)
    assert finding.target == "t3.balance"
    asked = interview.focus(finding.target).messages[-1].text
    assert asked.startswith(
        "表三 列[自然人] 勾稽关系不平\n新收 12 + 上年结转 2 = 14，但办理结果合计 13 + 结转下年度 3 = 16。"
    )
    menu = asked.split("\n")
    assert " 1  一、本年新收政府信息公开申请数量  12" in menu
    assert " 2  二、上年结转政府信息公开申请数量  2" in menu
    assert " 3  （一）予以公开  6" in menu
    assert "10  四、结转下年度继续办理  3" in menu
    assert menu[-1] == "另有 列[总计] 也不平。"


def test_the_row_chosen_is_asked_next_and_its_fix_clears_the_finding() -> None:
    """Picking 结转下年度 (by number or name) opens that row; 自然人1 there clears T3-BAL in both columns."""
    for choice in ("10", "结转下年度"):
        interview = Interview(unbalanced(), None, TODAY)
        interview.start()
        interview.focus(QuestionId.T3_BALANCE)
        turn = interview.submit(choice)
        assert interview.current is not None and interview.current.id == "t3.carry_out"
        assert turn.messages[0].text == "好的，改“四、结转下年度继续办理”。"
        assert "四、结转下年度继续办理的申请数量" in turn.messages[-1].text
        fixed = interview.submit("自然人1")
        cleared = [m.finding.key for m in fixed.messages if m.kind == "cleared" and m.finding]
        assert [k for k in cleared if k[0] == "T3-BAL"] == [("T3-BAL", "表三 列[自然人]"), ("T3-BAL", "表三 列[总计]")]


def test_enter_at_the_balance_changes_nothing_and_a_wrong_choice_is_refused() -> None:
    """Enter keeps every figure and goes on; a choice not in the list is refused saying the range."""
    draft = unbalanced()
    interview = Interview(draft, None, TODAY)
    interview.start()
    interview.focus(QuestionId.T3_BALANCE)
    for wrong in ("甲乙", "99"):  # a number out of range is the question's to refuse, not read as a sentence
        refused = interview.submit(wrong).messages
        assert [m.kind for m in refused] == ["refusal"]
        assert refused[0].text == "请填要改的那一行前面的序号 1–10；不改请答“不改”或直接回车。"
    kept = interview.submit("").messages
    assert kept[0].text == "好的，先不改；随时可以在问题清单里回到这里。"
    assert interview.current is not None and interview.current.id != "t3.balance"
    assert draft.report.requests.rows["carry_out"] == [3, 0, 0, 0, 0, 0, None]
    assert balance_finding(interview).rule == "T3-BAL"


def test_n1_in_a_subsection_lands_on_that_subsection() -> None:
    """N1 in 「（三）政府信息管理」 targets that part's question, and the jump opens it, not 一's opening."""
    draft = load_draft(SAMPLES / "county-bureau-2025.json")
    subsections = draft.report.overview.subsections or []
    subsections[2] = subsections[2].model_copy(update={"text": "本年度共收到政府信息公开申请99件。"})
    interview = Interview(draft, None, TODAY)
    interview.start()
    (finding,) = [f for f in interview.findings if f.rule == "N1"]
    assert finding.target == "s1.sub.2"
    turn = interview.focus(finding.target)
    assert interview.current is not None and interview.current.id == "s1.sub.2"
    assert "（三）" in turn.messages[0].text


def test_the_flag_in_words_says_how_to_reach_the_balance() -> None:
    """Line and plain mode say 「/goto 勾稽」 after a T3-BAL flag, and that command opens the column's balance."""
    interview = Interview(load_draft(SAMPLES / "county-bureau-2025.json"), None, TODAY)
    interview.start()
    turn = interview.submit("/goto t3.carry_out")
    turn = interview.submit("自然人3")
    assert "输入 /goto 勾稽 修改" in fix_hint(turn)
    interview.submit("/goto 勾稽")
    assert interview.current is not None and interview.current.id == "t3.balance"
