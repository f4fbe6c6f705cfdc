"""Provides Pilot tests of the screens: start, preview, help, palette, export, opening drafts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import Button, Input, OptionList, Static

from sections.model.errors import DraftError
from sections.store.drafts import load_draft, save_draft
from sections.store.workspace import remember
from tui.app.answer import AnswerBox
from tui.app.app import run
from tui.app.chat import Bubble
from tui.app.dialogs import ExportDialog
from tui.app.screens import InterviewScreen
from tui.app.start import StartScreen
from tui.app.widgets import Preview

from .app_helpers import SAMPLES, SIZE, answer, chat, make_app


def drafts_folder(tmp_path: Path) -> Path:
    """A folder with both sample drafts, 白璧镇 the most recently saved."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name, mtime in (("county-bureau-2025.json", 1_700_000_000), ("baibi-2021.json", 1_700_000_100)):
        shutil.copy(SAMPLES / name, folder / name)
        os.utime(folder / name, (mtime, mtime))
    return folder


async def test_start_screen_resumes_the_most_recent_draft(tmp_path: Path) -> None:
    """With no --draft, the start screen offers the latest draft first; Enter opens it."""
    folder = drafts_folder(tmp_path)
    app = make_app(None, folder)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        options = app.screen.query_one(OptionList)
        first = str(options.get_option_at_index(0).prompt)
        assert first.startswith("▶ 继续最近的草稿：白璧镇人民政府2021年")
        assert "baibi-2021.json" in first
        assert "开始一份新的报告" in str(options.get_option_at_index(1).prompt)
        assert "county-bureau-2025.json" in str(options.get_option_at_index(2).prompt)
        await pilot.press("enter")
        assert chat(app).path == folder / "baibi-2021.json"
        assert [type(s) for s in app.screen_stack[1:]] == [InterviewScreen]


async def test_start_screen_starts_a_new_report(tmp_path: Path) -> None:
    """Choosing 开始一份新的报告 opens a new draft in the folder that asks for the body's name."""
    folder = drafts_folder(tmp_path)
    app = make_app(None, folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        screen = chat(app)
        assert screen.path.parent == folder and screen.path.name.startswith("草稿-")
        assert screen.interview.current is not None and screen.interview.current.id == "meta.body"
        await answer(pilot, "白璧镇人民政府")
    assert load_draft(screen.path).report.meta.body == "白璧镇人民政府"


async def test_draft_option_creates_a_missing_draft(tmp_path: Path) -> None:
    """--draft with a new path starts there at once; quitting leaves the file on disk."""
    path = tmp_path / "sub" / "new.json"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        assert chat(app).path == path
        await pilot.press("ctrl+q")
    assert load_draft(path).report.meta.body is None


def test_run_refuses_a_broken_draft_before_starting(tmp_path: Path) -> None:
    """A draft that is not JSON is reported as a one-line error, the terminal untouched."""
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(DraftError, match="不是有效的 JSON"):
        run(path, tmp_path, new=False)


async def test_preview_shows_the_rendered_report_and_follows_answers(tmp_path: Path) -> None:
    """Ctrl+R shows the report beside the chat; the next answer appears in it; /preview hides it."""
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        preview = chat(app).query_one(Preview)
        assert not preview.display
        await pilot.press("ctrl+r")
        assert preview.display
        await answer(pilot, "白璧镇人民政府")
        assert "白璧镇人民政府政府信息公开工作年度报告" in preview.text
        await answer(pilot, "/preview")
        assert not preview.display


async def test_f1_says_the_current_questions_help(tmp_path: Path) -> None:
    """F1 puts the open question's help and the list of commands into the chat."""
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        question = chat(app).interview.current
        assert question is not None
        helps = [str(b.render()) for b in chat(app).query(Bubble) if b.has_class("-help")]
        assert helps and question.help in helps[-1] and "/goto" in helps[-1]


async def test_palette_lists_actions_and_jumps(tmp_path: Path) -> None:
    """The palette offers every action and each section; choosing 跳到 三 goes there."""
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in app.palette_commands(app.screen)]
        for wanted in (
            "预览报告（Ctrl+R）",
            "问题清单（Ctrl+F）",
            "导出报告（Ctrl+E）",
            "退出（Ctrl+Q）",
            "跳到 基本信息",
            "跳到 三、依申请公开",
            "表格 三：按表格填写",
        ):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        palette.query_one(Input).value = "跳到 三"
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        question = chat(app).interview.current
        assert question is not None and question.section == "三"


async def test_pasting_several_lines_opens_the_editor(tmp_path: Path) -> None:
    """Several lines pasted into the one-line answer move to the multi-line editor, unsent."""
    from textual.events import Paste

    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        box = chat(app).query_one(AnswerBox)
        box.query_one(Input).post_message(Paste("第一行\r第二行\r"))
        await pilot.pause()
        assert box.mode == "text" and box.value == "第一行\n第二行"
        question = chat(app).interview.current
        assert question is not None and question.id == "meta.body"


async def test_export_lists_errors_and_writes_next_to_the_draft(tmp_path: Path) -> None:
    """Ctrl+E lists the open error and asks; 仍然导出 writes <draft>.txt and says so."""
    draft = tmp_path / "baibi.json"
    shutil.copy(SAMPLES / "baibi-2021.json", draft)
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert "C2" in str(dialog.query_one("#export-errors").render())
        assert str(dialog.query_one("#export", Button).label) == "仍然导出"
        assert dialog.query_one("#path", Input).value == str(tmp_path / "baibi.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
    text = (tmp_path / "baibi.txt").read_text(encoding="utf-8")
    assert text.startswith("白璧镇人民政府2021年政府信息公开工作年度报告")


async def test_export_lists_the_unanswered_questions_and_asks(tmp_path: Path) -> None:
    """Ctrl+E on a half-answered draft names each unanswered question by section; Esc writes nothing."""
    draft = tmp_path / "county.json"
    half = load_draft(SAMPLES / "county-bureau-2025.json")
    half.report.disclosure.penalties = None
    half.report.improvements.text = None
    save_draft(draft, half)
    app = make_app(draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        listed = str(dialog.query_one("#export-gaps Static", Static).render())
        assert "还有 2 题没有回答" in listed
        assert "二、主动公开政府信息情况：第二十条第（六）项 行政处罚" in listed
        assert "五、存在的主要问题及改进情况：五、存在的主要问题及改进情况" in listed
        assert str(dialog.query_one("#export", Button).label) == "仍然导出"
        assert dialog.query_one("#export", Button).region.bottom <= 24
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
    assert not (tmp_path / "county.txt").exists()


async def test_export_markdown_and_confirm_overwrite(tmp_path: Path) -> None:
    """Choosing md renames the file; an existing file is only replaced after a second press."""
    draft = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county-bureau-2025.json", draft)
    (tmp_path / "county.md").write_text("old", encoding="utf-8")
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert not dialog.query("#export-errors")
        await pilot.click("#fmt-md")
        assert dialog.query_one("#path", Input).value == str(tmp_path / "county.md")
        await pilot.click("#export")
        assert app.screen is dialog
        assert "已存在" in str(dialog.query_one("#export-warning").render())
        await pilot.pause(0.3)
        await pilot.click("#export")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert (tmp_path / "county.md").read_text(encoding="utf-8").startswith("# ")


async def test_export_offers_word_and_web_page(tmp_path: Path) -> None:
    """The export dialog also writes a Word .docx and an HTML page, named after the choice."""
    from docx import Document

    draft = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county-bureau-2025.json", draft)
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        for choice, suffix in (("#fmt-docx", ".docx"), ("#fmt-html", ".html")):
            await pilot.press("ctrl+e")
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            await pilot.click(choice)
            assert dialog.query_one("#path", Input).value == str(tmp_path / f"county{suffix}")
            await pilot.click("#export")
            await pilot.pause()
            assert not isinstance(app.screen, ExportDialog)
    tables = Document(str(tmp_path / "county.docx")).tables
    assert len(tables) == 3
    assert "云溪县市场监督管理局" in (tmp_path / "county.html").read_text(encoding="utf-8")


async def test_start_screen_lists_a_draft_opened_elsewhere(tmp_path: Path) -> None:
    """A draft once opened with --draft outside the folder is on the start screen, shown with where it is."""
    folder = drafts_folder(tmp_path)
    elsewhere = tmp_path / "共享盘" / "云溪区.json"
    elsewhere.parent.mkdir()
    shutil.copy(SAMPLES / "county-bureau-2025.json", elsewhere)
    remember(elsewhere, folder)
    os.utime(elsewhere, (1_700_000_200, 1_700_000_200))
    app = make_app(None, folder)
    async with app.run_test(size=SIZE) as pilot:
        first = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert first.startswith("▶ 继续最近的草稿：") and str(elsewhere.resolve()) in first
        await pilot.press("enter")
        assert chat(app).path == elsewhere.resolve()
