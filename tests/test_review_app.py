"""Provides Pilot tests and snapshots of the reviewer's desk (`nianbao review FOLDER`), by keyboard alone."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, Select, Static

from sections.model.findings import Severity
from sections.output.opinion import opinion
from sections.output.review import Filter, Reviewed, shown
from tui.app.review import DeskScreen, ReviewApp
from tui.app.review_screens import Chart, ChartScreen, OpinionScreen, ReportScreen
from tui.app.widgets import KeyBar

from .review_folder import reviewed

SnapCompare = Callable[..., bool]


def desk(app: ReviewApp) -> DeskScreen:
    """The desk, which must be on top."""
    screen = app.screen
    assert isinstance(screen, DeskScreen), screen
    return screen


def names(app: ReviewApp) -> list[str]:
    """The files in the table, top to bottom."""
    return [item.path.name for item in desk(app).rows]


def by_file(items: list[Reviewed], name: str) -> Reviewed:
    """The reviewed file of this name."""
    return next(item for item in items if item.path.name == name)


async def to_row(pilot: Pilot[None], name: str) -> None:
    """Move the table's cursor to a file's row."""
    screen = pilot.app.screen
    assert isinstance(screen, DeskScreen)
    while screen.current is not None and screen.current.path.name != name:
        await pilot.press("down")


async def test_desk_filters_by_errors_unit_and_rule(tmp_path: Path) -> None:
    """E shows only reports with errors, / filters by a unit's name, g by one rule; all four come back."""
    folder, items = reviewed(tmp_path)
    app = ReviewApp(folder, items)
    async with app.run_test(size=(80, 24)) as pilot:
        assert sorted(names(app)) == sorted(item.path.name for item in items)
        await pilot.press("e")
        with_errors = [i.path.name for i in items if i.report is None or i.count(Severity.ERROR)]
        assert sorted(names(app)) == sorted(with_errors) and "county-bureau-2024.json" not in names(app)
        await pilot.press("e", "slash")
        box = app.screen.query_one("#unit", Input)
        assert box.has_focus
        box.value = "白璧"  # Pilot cannot type Chinese
        await pilot.pause()
        assert names(app) == ["baibi-2021.json"]
        await pilot.press("escape")
        assert app.screen.query_one("#desk", DataTable).has_focus
        box.value = ""
        app.screen.query_one("#rule", Select).value = "X5"
        await pilot.pause()
        assert names(app) == ["county-bureau-2025.json"]
        assert app.screen.query_one("#desk", DataTable).has_focus  # the keys work on the table again
        assert "显示 1 / 4 份" in str(app.screen.query_one("#desk-status", Label).render())


async def test_sort_key_orders_by_errors_keeping_the_cursor(tmp_path: Path) -> None:
    """S sorts by the next column (errors, most first); the cursor stays on the report it was on."""
    folder, items = reviewed(tmp_path)
    app = ReviewApp(folder, items)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_row(pilot, "county-bureau-2024.json")
        await pilot.press("s")
        screen = desk(app)
        assert screen.column == "错误" and screen.descending
        errors = [item.count(Severity.ERROR) for item in screen.rows if item.report is not None]
        assert errors == sorted(errors, reverse=True) and names(app)[-1] == "notes.txt"
        assert screen.current is not None and screen.current.path.name == "county-bureau-2024.json"
        await pilot.press("r")
        assert not screen.descending and names(app)[-1] == "notes.txt"  # unknown values stay last


async def test_enter_shows_findings_beside_the_text(tmp_path: Path) -> None:
    """Enter opens a report: its findings on the left, the section the chosen one refers to on the right."""
    folder, items = reviewed(tmp_path)
    app = ReviewApp(folder, items)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_row(pilot, "baibi-2021.json")
        await pilot.press("enter")
        assert isinstance(app.screen, ReportScreen)
        first = app.screen.findings[0]
        assert first.severity is Severity.ERROR  # errors come first
        passage = app.screen.query_one("#report-passage", Static).content
        assert isinstance(passage, Text)
        assert passage.plain.startswith(f"【{first.where}】") and "二、主动公开政府信息情况" in passage.plain
        (marked,) = [passage.plain[span.start : span.end] for span in passage.spans if span.style]
        assert marked.startswith("规章")  # 「表二 规章 本年废止件数」: the row of 规章 is marked
        await pilot.press("down")
        second = app.screen.findings[1]
        assert str(app.screen.query_one("#report-passage", Static).render()).startswith(f"【{second.where}】")
        await pilot.press("escape")
        assert isinstance(app.screen, DeskScreen)


async def test_opinion_key_saves_and_shows_the_text(tmp_path: Path) -> None:
    """O writes the unit's 审核意见 to 审核意见/ and shows it; Esc goes back to the table."""
    folder, items = reviewed(tmp_path)
    app = ReviewApp(folder, items)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_row(pilot, "baibi-2021.json")
        await pilot.press("o")
        assert isinstance(app.screen, OpinionScreen)
        saved = folder / "审核意见" / "白璧镇人民政府2021年报告审核意见.txt"
        text = saved.read_text(encoding="utf-8")
        assert text == opinion(by_file(items, "baibi-2021.json")) == app.screen.text
        assert str(saved) in str(app.screen.query_one("#opinion-path", Label).render())
        await pilot.press("escape")
        assert isinstance(app.screen, DeskScreen)


async def test_chart_key_draws_the_units_and_the_changes(tmp_path: Path) -> None:
    """C shows a bar per readable report and the changes on last year; at 80 columns the keys still fit."""
    folder, items = reviewed(tmp_path)
    app = ReviewApp(folder, items)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "退出" in str(app.screen.query_one(KeyBar).render())
        await pilot.press("c")
        assert isinstance(app.screen, ChartScreen)
        chart = app.screen.query_one(Chart)
        assert [unit.body for unit in chart.units] == [i.body for i in shown(items, Filter()) if i.report is not None]
        assert "行政许可：1000 → 1236（+236，+24%）" in str(app.screen.query_one("#changes", Static).render())
        assert "结果" in str(chart.render())
        await pilot.press("escape")
        assert isinstance(app.screen, DeskScreen)


Before = Callable[[Pilot[None]], Awaitable[None]]


async def no_blink(pilot: Pilot[None]) -> None:
    """Stop the filter's cursor blinking, so the screenshot never catches a blink phase."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False


def test_desk_snapshot_120_by_40(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """At 120×40 the desk shows filters, every file with its counts, deadline, X5 share and U1 column, keys."""
    folder, items = reviewed(tmp_path)
    assert snap_compare(ReviewApp(folder, items), terminal_size=(120, 40), run_before=no_blink)


def test_desk_snapshot_80_by_24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """At 80×24 the table scrolls sideways; the filters, the status line and the keys stay on screen."""
    folder, items = reviewed(tmp_path)
    assert snap_compare(ReviewApp(folder, items), terminal_size=(80, 24), run_before=no_blink)


def test_chart_snapshot_120_by_40(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """At 120×40 C shows each unit's applications and outcomes as bars, then the changes on last year."""
    folder, items = reviewed(tmp_path)
    assert snap_compare(ReviewApp(folder, items), terminal_size=(120, 40), press=["c"])


def test_chart_snapshot_80_by_24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """At 80×24 the bars are narrower and the chart scrolls; the keys stay below."""
    folder, items = reviewed(tmp_path)
    assert snap_compare(ReviewApp(folder, items), terminal_size=(80, 24), press=["c"])
