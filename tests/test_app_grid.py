"""Provides tests of the grid editor for tables 二三四 and of `Interview.edit` beneath it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.coordinate import Coordinate
from textual.events import Paste
from textual.widgets import OptionList

from sections.interview.edits import CellEdit
from sections.interview.engine import Interview
from sections.store.drafts import Draft, load_draft
from tui.app.chat import Bubble, FlagBubble, Transcript
from tui.app.grid import FigureTable, GridScreen, paste_rows

from .app_helpers import SAMPLES, SIZE, answer, chat, make_app

C2_NEW = ("C2", "表三 行[一、本年新收政府信息公开申请数量] 列[自然人]")


def cell(screen: GridScreen, row: int, column: int) -> str:
    """The text a grid cell shows."""
    return str(screen.query_one(FigureTable).get_cell_at(Coordinate(row, column))).strip()


def test_a_grid_edit_is_checked_said_and_saved() -> None:
    """A figure typed in the grid is checked at once: said as the clerk's change, flagged, saved."""
    saved: list[Draft] = []
    interview = Interview(Draft(), save=saved.append)
    turn = interview.edit([CellEdit("三", 0, 0, "-1")])
    said = [(m.kind, m.finding.key if m.finding else None) for m in turn.messages]
    assert said == [("edit", None), ("flag", C2_NEW)]
    assert saved and interview.state.transcript[-1].role == "flag"
    assert [m.kind for m in interview.edit([CellEdit("三", 0, 0, "2")]).messages] == ["edit", "cleared"]


def test_an_edit_elsewhere_leaves_the_open_question_open() -> None:
    """Filling a cell that the open question does not ask keeps the chat on that question."""
    interview = Interview(Draft())
    interview.start()
    assert interview.current is not None and interview.current.id == "meta.body"
    turn = interview.edit([CellEdit("三", 0, 0, "1")])
    assert [m.kind for m in turn.messages] == ["edit"]
    assert interview.current is not None and interview.current.id == "meta.body"


def test_pasted_rows_drop_labels_and_keep_cells() -> None:
    """Rows copied from WPS keep their figures; the label cells in front are dropped."""
    block = "一、本年新收\t5\t0\t0\t0\t0\t1\t6\r\n\t（一）予以公开\t3\t\t0\n\n"
    assert paste_rows(block) == [["5", "0", "0", "0", "0", "1", "6"], ["3", "", "0"]]


async def test_typing_a_figure_updates_totals_flags_and_draft(tmp_path: Path) -> None:
    """Typing −1 in table 三 flags it in grid and chat; typing 2 clears both; totals follow."""
    draft = tmp_path / "d.json"
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "/table 三")
        grid = app.screen
        assert isinstance(grid, GridScreen) and grid.table == "三"
        await pilot.press("minus", "1", "enter")
        assert cell(grid, 0, 1) == "-1 ⚠"
        assert "C2" in str(grid.query_one("#grid-findings").render())
        flags = chat_flags(app)
        assert C2_NEW in [f.key for f in flags if not f.resolved]

        await pilot.press("2", "enter")
        assert cell(grid, 0, 1) == "2"
        assert "本表没有发现问题" in str(grid.query_one("#grid-findings").render())
        assert all(f.resolved for f in chat_flags(app) if f.key == C2_NEW)

        await pilot.press("right", "0", "right", "0", "right", "0", "right", "0", "enter")
        assert cell(grid, 0, 7) == "", "总计 waits for the sixth cell"
        await pilot.press("right", "1", "enter")
        assert cell(grid, 0, 7) == "3"
        await pilot.press("escape")
        assert chat(app).interview.current is not None
    assert load_draft(draft).report.requests.row("new") == [2, 0, 0, 0, 0, 1, 3]


def chat_flags(app: object) -> list[FlagBubble]:
    """The flags in the chat underneath the grid."""
    from tui.app.app import NianbaoApp

    assert isinstance(app, NianbaoApp) and app.interview_screen is not None
    return list(app.interview_screen.query_one(Transcript).query(FlagBubble))


async def test_pasting_rows_from_a_spreadsheet_fills_table_three(tmp_path: Path) -> None:
    """Rows copied from Excel fill 新收 and 上年结转 at once; the computed 总计 is left alone."""
    draft = tmp_path / "d.json"
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "/table 三")
        grid = app.screen
        assert isinstance(grid, GridScreen)
        block = (
            "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t1\t6\n"
            "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
        )
        grid.query_one(FigureTable).post_message(Paste(block))
        await pilot.pause()
        assert cell(grid, 0, 7) == "6" and cell(grid, 1, 7) == "0"
    report = load_draft(draft).report
    assert report.requests.rows["new"] == [5, 0, 0, 0, 0, 1, None]
    assert report.requests.rows["carry_in"] == [0, 0, 0, 0, 0, 0, None]


async def test_tables_two_and_four_in_the_grid(tmp_path: Path) -> None:
    """Ctrl+T steps from table 三 to 四 and 二; a fee typed in table 二 is kept in 万元 as typed."""
    draft = tmp_path / "d.json"
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "/table 三")
        grid = app.screen
        assert isinstance(grid, GridScreen)
        await pilot.press("ctrl+t")
        assert grid.table == "四"
        await pilot.press("1", "down", "2", "enter")
        await pilot.press("ctrl+t")
        assert str(grid.table) == "二"  # str(): mypy keeps the narrowing to 「四」 across the key press
        await pilot.press(*("down",) * 5, *"12.5", "enter")
        assert cell(grid, 5, 1) == "12.5"
    report = load_draft(draft).report
    assert report.appeals.cells[0] == 1 and report.appeals.cells[5] == 2
    assert report.disclosure.fee == Decimal("12.5")


async def test_a_grid_edit_shows_in_the_chat_and_undo_takes_back_only_it(tmp_path: Path) -> None:
    """A −1 typed in the grid is the clerk's line in the chat with its flag; /undo removes just that."""
    draft = tmp_path / "d.json"
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "白璧镇人民政府")
        await answer(pilot, "/table 三")
        await pilot.press("minus", "1", "enter", "escape")
        await pilot.pause()
        users = [b.text for b in chat(app).query(Bubble) if b.has_class("-user")]
        assert users[-1] == "表格修改：表三 一、本年新收政府信息公开申请数量 自然人 空 → -1"
        assert C2_NEW in [f.key for f in chat_flags(app) if not f.resolved]

        await answer(pilot, "/undo")
        assert all(f.resolved for f in chat_flags(app) if f.key == C2_NEW)
        assert chat(app).report.requests.rows["new"][0] is None
        assert chat(app).report.meta.body == "白璧镇人民政府"
    saved = load_draft(draft)
    assert saved.report.requests.rows["new"][0] is None and saved.report.meta.body == "白璧镇人民政府"


async def test_the_sidebar_jumps_to_a_section_on_click_and_on_enter(tmp_path: Path) -> None:
    """Clicking 三 in the sidebar asks 表三's questions; Enter on 五 (keyboard only) jumps to 五."""
    draft = tmp_path / "d.json"
    draft.write_bytes((SAMPLES / "county-bureau-2025.json").read_bytes())
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        toc = chat(app).query_one("#toc", OptionList)
        row = next(i for i in range(toc.option_count) if toc.get_option_at_index(i).id == "三")
        await pilot.click(toc, offset=(4, row))
        await pilot.pause()
        current = chat(app).interview.current
        assert current is not None and current.section == "三"

        toc.focus()
        toc.highlighted = next(i for i in range(toc.option_count) if toc.get_option_at_index(i).id == "五")
        await pilot.press("enter")
        await pilot.pause()
        current = chat(app).interview.current
        assert current is not None and current.section == "五"
        assert any(b.text.startswith("跳到：五、") for b in chat(app).query(Bubble))
