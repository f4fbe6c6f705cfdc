"""Provides Pilot tests that Enter on a finding lands where the clerk can fix it: T3-BAL, N1 in a subsection."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from sections.model.findings import Figure
from sections.store.drafts import load_draft, save_draft
from tui.app.answer import AnswerBox
from tui.app.chat import Bubble, ChoiceBubble
from tui.app.dialogs import FindingsScreen

from .app_helpers import SAMPLES, SIZE, answer, chat, make_app


def county_draft(tmp_path: Path, carry_out: list[Figure] | None = None, sub: str | None = None) -> Path:
    """The county sample on disk, with 结转下年度 or the text of 「（三）政府信息管理」 changed."""
    draft = load_draft(SAMPLES / "county-bureau-2025.json")
    if carry_out is not None:
        draft.report.requests.rows["carry_out"] = carry_out
    if sub is not None:
        subsections = draft.report.overview.subsections or []
        subsections[2] = subsections[2].model_copy(update={"text": sub})
    path = tmp_path / "county.json"
    save_draft(path, draft)
    return path


async def test_enter_on_t3_bal_shows_the_column_and_the_row_chosen_is_asked(tmp_path: Path) -> None:
    """Ctrl+F, Enter on T3-BAL: the column's balance and rows; 「结转下年度」 opens that row; 自然人1 clears it."""
    app = make_app(county_draft(tmp_path, carry_out=[3, 0, 0, 0, 0, 0, None]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        findings = app.screen
        assert isinstance(findings, FindingsScreen)
        index = next(i for i, f in enumerate(findings.findings) if f.rule == "T3-BAL")
        options = findings.query_one(OptionList)
        options.highlighted = options.get_option_index(str(index))
        await pilot.press("enter")
        await pilot.pause()
        screen = chat(app)
        assert screen.interview.current is not None and screen.interview.current.id == "t3.balance"
        asked = screen.query(ChoiceBubble).last()
        assert "新收 12 + 上年结转 2 = 14，但办理结果合计 13 + 结转下年度 3 = 16" in asked.text
        assert "四、结转下年度继续办理  3" in asked.text
        await answer(pilot, "结转下年度")
        assert screen.interview.current is not None and screen.interview.current.id == "t3.carry_out"
        await answer(pilot, "自然人1")
        assert not [f for f in screen.interview.findings if f.rule == "T3-BAL"]
        assert any("已解决：T3-BAL（表三 列[自然人]）" in str(b.render()) for b in screen.query(Bubble))
    assert load_draft(tmp_path / "county.json").report.requests.rows["carry_out"][0] == 1


async def test_enter_on_n1_in_a_subsection_opens_that_subsections_editor(tmp_path: Path) -> None:
    """An N1 in 「（三）」 lands on （三）'s paragraph in the editor, not on 一's opening paragraph."""
    app = make_app(county_draft(tmp_path, sub="本年度共收到政府信息公开申请99件。"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        findings = app.screen
        assert isinstance(findings, FindingsScreen)
        assert [f.rule for f in findings.findings] == ["N1"]
        await pilot.press("enter")
        await pilot.pause()
        screen = chat(app)
        assert screen.interview.current is not None and screen.interview.current.id == "s1.sub.2"
        box = screen.query_one(AnswerBox)
        assert box.mode == "text" and "99件" in box.value
