"""Provides tests of the grid editor over a region's draft: Ctrl+U shows the figures the units gave."""

from __future__ import annotations

from pathlib import Path

from sections.store.drafts import save_draft
from sections.store.merge import merge
from tui.app.grid import FigureTable, GridScreen

from .app_helpers import SIZE, answer, make_app
from .test_merge import unit_reports, write_units


def units_text(grid: GridScreen) -> str:
    """What the units panel shows."""
    return str(grid.query_one("#grid-units").render())


async def test_ctrl_u_names_each_units_figure_for_the_cell_under_the_cursor(tmp_path: Path) -> None:
    """In a merged region's table 二, Ctrl+U on 行政许可 lists the units' figures; moving the cursor follows."""
    reports = unit_reports(3)
    for index, permits in enumerate((4, 0, 9)):
        reports[index].disclosure.permits = permits
    region = tmp_path / "region.json"
    save_draft(region, merge(write_units(tmp_path, reports)).draft("云溪县人民政府", "县级政府"))
    app = make_app(region)
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "/table 二")
        grid = app.screen
        assert isinstance(grid, GridScreen)
        assert not grid.query_one("#grid-units").display
        grid.query_one(FigureTable).move_cursor(row=2, column=1)
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert grid.query_one("#grid-units").display
        shown = units_text(grid)
        assert "表二 行政许可，3个单位汇总——云溪县第1单位：4，云溪县第3单位：9；其余1个单位为0。" in shown
        await pilot.press("down")
        await pilot.pause()
        assert "表二 行政处罚" in units_text(grid)
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert not grid.query_one("#grid-units").display


async def test_ctrl_u_is_not_offered_in_a_units_own_draft(tmp_path: Path) -> None:
    """A draft that was not merged from units has no Ctrl+U in the grid."""
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "/table 二")
        grid = app.screen
        assert isinstance(grid, GridScreen)
        assert grid.check_action("units", ()) is False
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert not grid.query_one("#grid-units").display
