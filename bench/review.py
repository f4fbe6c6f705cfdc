"""Provides the review benchmark: `nianbao review` over a county's season, 60 units' drafts and their region.

Wall-clock time of whole processes, as a reviewer waits for them: the desk (Textual, headless) until its
table shows every report, and the exports (`--xlsx` and `--html` in one run). The issue's budget is
absolute, under 2 s each on this machine; beside it the desk is compared with the app's floor (a minimal
Textual app to its first paint, the two taking turns) and the exports with their processor time, which a
busy machine does not inflate as it does the wall time.
"""

from __future__ import annotations

import contextlib
import io
import resource
import tempfile
from pathlib import Path

from bench.run import APP_FLOOR, PYTHON, Line, _drafts, walls
from tui.cli import main as nianbao

BUDGET = 2.0
"""Seconds, wall: the issue's figure for 60 units."""

DESK = """
import asyncio, sys
from pathlib import Path
from sections.output.review import review_folder
from tui.review import load_desk, read_beside

async def main() -> None:
    folder, rows = Path(sys.argv[1]), int(sys.argv[2])
    items = read_beside(lambda: review_folder(folder), load_desk)  # as nianbao review FOLDER does
    from tui.app.review import ReviewApp

    app = ReviewApp(folder, items)
    async with app.run_test(size=(120, 40)) as pilot:
        while not (app.screen.query("#desk") and app.screen.query_one("#desk").row_count == rows):
            await pilot.pause()

asyncio.run(main())
"""
"""What `nianbao review FOLDER` does before the reviewer can read: read and check the folder, paint the table."""


def review_desk(units: int, runs: int) -> list[Line]:
    """The desk to its full table, and the two exports, over `units` drafts and the region summed from them."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "units"
        folder.mkdir()
        _drafts(folder, units)
        region = ["merge", str(folder), "-o", str(folder / "region.json"), "--body", "云溪县人民政府"]
        with contextlib.redirect_stderr(io.StringIO()):
            if nianbao(region) != 0:
                raise SystemExit("bench: nianbao merge failed")
        exports = ["--xlsx", str(Path(temporary) / "r.xlsx"), "--html", str(Path(temporary) / "r.html"), "--force"]
        floor, wall = walls([[PYTHON, "-c", APP_FLOOR], [PYTHON, "-c", DESK, str(folder), str(units + 1)]], runs)
        desk = (wall, f"{wall:.2f} s ({wall / floor:.2f} × a minimal Textual app's first paint, {floor:.2f} s)")
        files = _timed([PYTHON, "-m", "tui", "review", str(folder), *exports], runs)
    return [
        (
            f"nianbao review: {units} units and their region, the desk to its full table",
            desk[1],
            "< 2 s",
            desk[0] < BUDGET,
        ),
        (f"nianbao review: {units} units and their region, --xlsx and --html", files[1], "< 2 s", files[0] < BUDGET),
    ]


def _timed(command: list[str], runs: int) -> tuple[float, str]:
    """Median wall seconds, and the figure printed with the processor time of a run beside it.

    A machine's load inflates the wall time, not the processor time: a budget missed on a busy machine can
    be told from a slow program.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = walls([command], runs)[0]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / (runs + 1)
    return wall, f"{wall:.2f} s (processor {cpu:.2f} s)"
