"""Provides the merge benchmark: `nianbao merge` and `nianbao check --units` over many units' drafts.

Both read the units one at a time, so time grows with their number and memory does not, beyond what the
region's draft keeps of each unit (its name, file and the figures that are not 0, which `nianbao merge`
must record). The commands run in this process (`tui.cli.main`), so the interpreter's start-up is left
out, and time is the processor's (`time.process_time`): on a shared machine the wall clock measures the
other users' load as much as the command (a run of 6,000 units took 13 to 17 s of wall time per
thousand for a flat 5 s of processor time); memory is what Python allocates (`tracemalloc`),
measured in a second run, less what the region's draft takes by itself: loaded (what `check` needs of it)
and, for `merge`, also written.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from bench.run import Line, _drafts
from sections.store.drafts import load_draft, save_draft
from tui.cli import main as nianbao

STEPS = ("merge", "check --units")
MIB = 1024 * 1024


def _quiet(arguments: list[str]) -> Callable[[], None]:
    def run() -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            status = nianbao(arguments)
        if status != 0:
            raise SystemExit(f"bench: nianbao {' '.join(arguments[:2])} … exited {status}")

    return run


def _peak(action: Callable[[], object]) -> float:
    """The most memory Python held while `action` ran, in MiB beyond what it held before."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / MIB
    finally:
        tracemalloc.stop()


def _measure(count: int) -> tuple[list[float], list[float], float]:
    """Seconds and MiB (beyond the region's draft) of each step over `count` units, and that draft's MiB."""
    with tempfile.TemporaryDirectory() as folder:
        units, region = Path(folder) / "units", Path(folder) / "region.json"
        units.mkdir()
        _drafts(units, count)
        merge = _quiet(["merge", str(units), "-o", str(region), "--body", "云溪县人民政府", "--force"])
        check = _quiet(["check", str(region), "--units", str(units)])
        seconds = []
        for step in (merge, check):
            start = time.process_time()
            step()
            seconds.append(time.process_time() - start)
        loaded = _peak(lambda: load_draft(region))
        written = _peak(lambda: save_draft(Path(folder) / "copy.json", load_draft(region)))
        memory = [_peak(merge) - written, _peak(check) - loaded]
    return seconds, memory, written


def merge_scaling(small: int, large: int) -> list[Line]:
    """Time per unit and memory of `merge` and `check --units` over `small` and `large` units."""
    at_small, at_large = _measure(small), _measure(large)
    lines: list[Line] = []
    for step, name in enumerate(STEPS):
        per_small, per_large = at_small[0][step] / small, at_large[0][step] / large
        growth = per_large / per_small
        memory = (at_small[1][step], at_large[1][step])
        lines += [
            (
                f"nianbao {name} over {small:,} and {large:,} units: time per unit, ratio",
                f"{per_small * 1000:.2f} ms, {per_large * 1000:.2f} ms ({growth:.2f})",
                "linear (ratio ≤ 1.3)",
                growth <= 1.3,
            ),
            (
                f"nianbao {name} over {small:,} and {large:,} units: memory beyond the region's draft",
                f"{memory[0]:.1f} MiB, {memory[1]:.1f} MiB",
                "flat (+≤ 3 MiB)",
                memory[1] - memory[0] <= 3,
            ),
        ]
    drafts = f"{at_small[2]:.1f} MiB, {at_large[2]:.1f} MiB"
    lines.append((f"the region's draft of {small:,} and {large:,} units, loaded and written", drafts, "reported", True))
    return lines
