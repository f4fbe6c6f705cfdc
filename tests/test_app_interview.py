"""Provides Pilot tests of the chat: the 白璧镇 report, resume, fixing a flag, literal text."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from sections.model.errors import DraftError
from sections.store.drafts import load_draft
from tui.app.chat import Bubble, FlagBubble, Transcript
from tui.app.dialogs import FindingsScreen
from tui.app.widgets import Sidebar, TitleBar

from .app_helpers import ANSWERS, SAMPLES, SIZE, answer, answer_all, chat, make_app

NEGATIVE = ANSWERS.index("0 -1 0")
C2 = ("C2", "表二 规章 本年废止件数")


def shown(widget: Bubble) -> str:
    """The text a bubble shows on screen."""
    return str(widget.render())


async def test_whole_baibi_interview_reproduces_the_sample(tmp_path: Path) -> None:
    """27 answers give exactly the published 白璧镇 report; the −1 is flagged when it is sent."""
    draft = tmp_path / "baibi.json"
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await answer_all(pilot, ANSWERS[:NEGATIVE])
        transcript = chat(app).query_one(Transcript)
        assert C2 not in [f.key for f in transcript.open_flags()]

        await answer(pilot, ANSWERS[NEGATIVE])
        flags = {f.key: f for f in transcript.open_flags()}
        assert C2 in flags
        flag = flags[C2]
        assert flag.has_class("-error")
        assert "填报为 -1" in shown(flag) and "/goto 二" in shown(flag)
        toc = app.screen.query_one(Sidebar).query_one(OptionList)
        assert "⚠2" in str(toc.get_option("二").prompt)

        await answer_all(pilot, ANSWERS[NEGATIVE + 1 :])
        assert chat(app).interview.current is None
    sample = load_draft(SAMPLES / "baibi-2021.json")
    assert load_draft(draft).report == sample.report


async def test_quit_midway_and_resume_where_it_stopped(tmp_path: Path) -> None:
    """Quit after 规范性文件, reopen: 行政许可 is asked next, the talk is shown, nothing is lost."""
    draft = tmp_path / "baibi.json"
    stop = ANSWERS.index("5")
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await answer_all(pilot, ANSWERS[:stop])
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    saved = load_draft(draft)
    assert saved.report.disclosure.normative == [0, 0, 0]
    assert saved.report.disclosure.permits is None

    again = make_app(draft)
    async with again.run_test(size=SIZE) as pilot:
        screen = chat(again)
        assert screen.interview.current is not None
        assert screen.interview.current.id == "t2.permits"
        texts = [shown(b) for b in screen.query(Bubble)]
        assert any("欢迎回来" in t for t in texts)
        assert texts[0].startswith("（此前还有") and "以上是之前的对话" in "".join(texts)
        assert "0 -1 0" in texts, "the earlier answers are shown again"
        assert C2 in [f.key for f in screen.query_one(Transcript).open_flags()]
        await answer_all(pilot, ANSWERS[stop:])
    assert load_draft(draft).report == load_draft(SAMPLES / "baibi-2021.json").report


async def test_goto_corrects_a_figure_and_the_flag_clears(tmp_path: Path) -> None:
    """The findings view lists the −1 and reopens 规章; 0 0 0 clears the flag everywhere."""
    draft = tmp_path / "baibi.json"
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await answer_all(pilot, ANSWERS[: NEGATIVE + 3])
        await pilot.press("ctrl+f")
        findings = app.screen
        assert isinstance(findings, FindingsScreen)
        assert [f.key for f in findings.findings][:1] == [C2]
        await pilot.press("enter")
        screen = chat(app)
        assert screen.interview.current is not None and screen.interview.current.id == "t2.rules"

        await answer(pilot, "/goto 二")
        await answer(pilot, "0 0 0")
        transcript = screen.query_one(Transcript)
        assert C2 not in [f.key for f in transcript.open_flags()]
        resolved = [f for f in transcript.query(FlagBubble) if f.key == C2]
        assert resolved and all(f.resolved and f.has_class("-resolved") for f in resolved)
        assert any("已解决：C2" in shown(b) for b in transcript.query(Bubble))

        await pilot.press("ctrl+f")
        assert isinstance(app.screen, FindingsScreen)
        assert C2 not in [f.key for f in app.screen.findings]
        await pilot.press("escape")
        assert chat(app).interview.current is not None
    assert load_draft(draft).report.disclosure.rules == [0, 0, 0]


async def test_markup_and_escapes_in_answers_show_literally(tmp_path: Path) -> None:
    """A name with [bold] and an ANSI escape shows as typed (escape dropped); so does prose."""
    draft = tmp_path / "odd.json"
    app = make_app(draft)
    name = "[bold]白璧镇[/bold]人民政府[link=https://example.com]\x1b[31m"
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, name)
        screen = chat(app)
        literal = "[bold]白璧镇[/bold]人民政府[link=https://example.com]"
        users = [b for b in screen.query(Bubble) if b.has_class("-user")]
        assert shown(users[-1]) == literal
        assert literal in str(screen.query_one(TitleBar).query_one("#title").render())
        await answer_all(pilot, ["1", "2021", "党政办", "0372-2628532", "无", "无", "无", "无"])
        await answer(pilot, "第一行[red]不是红色[/red]\n第二行 [i]")
        users = [b for b in screen.query(Bubble) if b.has_class("-user")]
        assert shown(users[-1]) == "第一行[red]不是红色[/red]\n第二行 [i]"
    report = load_draft(draft).report
    assert report.meta.body == literal
    assert report.meta.preface == "第一行[red]不是红色[/red]\n第二行 [i]"


async def test_a_failed_save_is_shown_and_nothing_is_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the disk refuses the draft, the title bar and the chat say so; the answer stays."""

    def refuse(path: Path, draft: object) -> None:
        raise DraftError(f"{path}：草稿保存失败（磁盘已满）")

    monkeypatch.setattr("sections.interview.session.save_draft", refuse)
    app = make_app(tmp_path / "full.json")
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "白璧镇人民政府")
        screen = chat(app)
        status = screen.query_one(TitleBar).query_one("#saved")
        assert "保存失败" in str(status.render()) and status.has_class("-failed")
        assert any("磁盘已满" in shown(b) for b in screen.query(Bubble) if b.has_class("-error"))
        assert screen.report.meta.body == "白璧镇人民政府"
        assert screen.interview.current is not None
        assert screen.interview.current.id == "meta.level"


async def test_a_narrative_contradicting_table_three_is_flagged_naming_the_sentence(tmp_path: Path) -> None:
    """Writing 「收到申请15件」 over a table of 16 raises an N1 error flag that quotes the sentence."""
    import shutil

    draft = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county-bureau-2025.json", draft)
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "/goto 一")
        while (question := chat(app).interview.current) is not None and question.id != "s1.sub.1":
            await answer(pilot, "")
        await answer(pilot, "本年度共收到政府信息公开申请15件，均在法定期限内答复。")
        flags = [f for f in chat(app).query_one(Transcript).open_flags() if f.key and f.key[0] == "N1"]
        assert [f.key for f in flags] == [("N1", "一、总体情况（二）依申请公开")]
        assert flags[0].has_class("-error")
        assert "本年度共收到政府信息公开申请15件" in shown(flags[0]) and "16 件" in shown(flags[0])


async def test_a_finding_turned_warning_is_flagged_again_as_a_warning(tmp_path: Path) -> None:
    """Rewriting the paragraph with a scope word (全区) turns the N1 error into a warning: a new 提醒 flag says so."""
    import shutil

    draft = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county-bureau-2025.json", draft)
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        for text in ("本年度共收到政府信息公开申请99件。", "本年度全区共收到政府信息公开申请99件。"):
            await answer(pilot, "/goto s1.sub.1")
            await answer(pilot, text)
        flags = [f for f in chat(app).query_one(Transcript).query(FlagBubble) if f.key and f.key[0] == "N1"]
        assert [f.has_class("-error") for f in flags] == [True, False]
        assert flags[1].has_class("-warning") and "全区" in shown(flags[1])
