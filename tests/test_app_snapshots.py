"""Provides SVG snapshots at 120×40 (start screen, inline flag, findings, preview, grid) and 80×24 (outcomes)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from .app_helpers import ANSWERS, SAMPLES, SIZE, answer, answer_all, chat, make_app

SnapCompare = Callable[..., bool]
Before = Callable[[Pilot[None]], Awaitable[None]]


def still(before: Before | None = None) -> Before:
    """Drive the app, then stop the cursors blinking: the screenshot must not catch a blink phase."""

    async def run_before(pilot: Pilot[None]) -> None:
        if before is not None:
            await before(pilot)
        for screen in pilot.app.screen_stack:
            for widget in screen.query("Input, TextArea"):
                if isinstance(widget, Input | TextArea):
                    widget.cursor_blink = False

    return run_before


def sample_copy(tmp_path: Path, name: str = "baibi-2021.json") -> Path:
    """A sample draft copied where the test may write."""
    path = tmp_path / name
    shutil.copy(SAMPLES / name, path)
    return path


def test_start_screen(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """The start screen offers the latest draft, a new report, then the older draft."""
    for name, mtime in (("county-bureau-2025.json", 1_700_000_000), ("baibi-2021.json", 1_700_000_100)):
        os.utime(sample_copy(tmp_path, name), (mtime, mtime))
    assert snap_compare(make_app(None, tmp_path), terminal_size=SIZE, run_before=still())


def test_inline_flag(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Answering 规章 with 0 -1 0 shows two error flags (C2; T2-RULES, the 镇 level being stated), ⚠2 in the sidebar."""

    async def run_before(pilot: Pilot[None]) -> None:
        await answer_all(pilot, ANSWERS[: ANSWERS.index("0 -1 0") + 1])

    assert snap_compare(make_app(tmp_path / "new.json"), terminal_size=SIZE, run_before=still(run_before))


def test_findings_view(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Ctrl+F on the 白璧镇 draft lists its open findings with place, message and fix."""
    assert snap_compare(make_app(sample_copy(tmp_path)), terminal_size=SIZE, run_before=still(), press=["ctrl+f"])


def test_preview(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Ctrl+R shows the rendered 白璧镇 report beside the chat."""
    assert snap_compare(make_app(sample_copy(tmp_path)), terminal_size=SIZE, run_before=still(), press=["ctrl+r"])


def test_grid_editor(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Ctrl+T opens table 三 of the county bureau as a grid with computed totals dimmed."""
    draft = sample_copy(tmp_path, "county-bureau-2025.json")
    assert snap_compare(make_app(draft), terminal_size=SIZE, run_before=still(), press=["ctrl+t", "down", "right"])


def test_outcome_checklist_at_80_by_24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """At 80×24 the 21 outcomes of table 三 scroll in a box under their question; the keys stay below."""

    async def run_before(pilot: Pilot[None]) -> None:
        await answer(pilot, "/goto 三")
        while (question := chat(pilot.app).interview.current) is not None and question.id != "t3.outcomes":  # type: ignore[arg-type]
            await answer(pilot, "")

    draft = sample_copy(tmp_path, "county-bureau-2025.json")
    assert snap_compare(make_app(draft), terminal_size=(80, 24), run_before=still(run_before))
