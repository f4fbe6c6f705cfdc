"""Provides the benchmark of what users feel: one line per figure, with its budget and whether it is met.

    python3 -m bench            # full counts (a few minutes)
    python3 -m bench --quick    # small counts, as .ci/run uses it: figures are printed, never fatal

Wall-clock figures are ratios to a floor measured in the same run (the time Python needs just to import
the libraries the command cannot do without, and for `check` and `export` to build one pydantic model),
or of a Word export to a text export, so the machine's speed does not decide the result. Each timing is
the median of several runs, the commands compared taking turns so that the machine's load falls on both.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "sample_sessions"
PYTHON = sys.executable
Line = tuple[str, str, str, bool]


def walls(commands: Sequence[Sequence[str]], runs: int) -> list[float]:
    """Median wall time of each command, in seconds; the commands take turns, after one warm-up round.

    The warm-up fills the file cache; taking turns lets a change in the machine's load fall on every
    command alike, which keeps their ratios steady on a shared machine.
    """
    times: list[list[float]] = [[] for _ in commands]
    for index in range(runs + 1):
        for command, taken in zip(commands, times, strict=True):
            start = time.perf_counter()
            _run(command)
            if index:
                taken.append(time.perf_counter() - start)
    return [statistics.median(taken) for taken in times]


def _run(command: Sequence[str]) -> None:
    """Run a measured command; one that fails would make its figure meaningless, so the benchmark stops."""
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, check=False)
    if done.returncode:
        error = done.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise SystemExit(f"bench: {' '.join(command[1:5])} … exited {done.returncode}: {' '.join(error)}")


def peak_rss(command: Sequence[str]) -> float:
    """Peak resident memory of a command, in MiB (the largest of its processes)."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PYTHON, "-c", probe, *command], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    return int(out) / 1024


APP_START = """
import asyncio, sys, tempfile
from pathlib import Path
from tui.collector import held_collection

with held_collection():
    from tui.app.app import NianbaoApp
    from tui.app.screens import InterviewScreen

async def main() -> None:
    folder = Path(tempfile.mkdtemp())
    app = NianbaoApp(folder / "d.json", folder)
    async with app.run_test(size=(120, 40)) as pilot:
        while not (isinstance(app.screen, InterviewScreen) and app.screen.query(".-question")):
            await pilot.pause()
        await pilot.pause()

asyncio.run(main())
"""
"""The app as `nianbao --draft NEW.json` starts it (its modules imported with the collector held, as
`tui.startup` and `tui.launch` do) to its first question."""

APP_FLOOR = """
import asyncio
from textual.app import App
from textual.widgets import Footer, Header, Input, Static

class Minimal(App[None]):
    def compose(self):
        yield Header()
        yield Static("您好")
        yield Input()
        yield Footer()

async def main() -> None:
    async with Minimal().run_test(size=(120, 40)) as pilot:
        await pilot.pause()

asyncio.run(main())
"""
"""The floor of the app's start: a minimal Textual app (Header, Static, Input, Footer) to its first paint."""

APP_INTERVIEW = """
import asyncio, resource, sys, tempfile
from pathlib import Path
sys.path.insert(0, {root!r})
from tests.app_helpers import answer_all, ANSWERS
from tui.app.app import NianbaoApp

async def main() -> None:
    folder = Path(tempfile.mkdtemp())
    app = NianbaoApp(folder / "d.json", folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await answer_all(pilot, ANSWERS)

asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def app_start(runs: int) -> list[Line]:
    """App start to the first question shown (headless), against a minimal Textual app to first paint."""
    floor, start = walls([[PYTHON, "-c", APP_FLOOR], [PYTHON, "-c", APP_START]], runs)
    ratio = start / floor
    return [
        (
            "app start → first question ÷ minimal Textual app → first paint",
            f"{ratio:.2f} ({start:.2f} s / {floor:.2f} s)",
            "≤ 1.5",
            ratio <= 1.5,
        )
    ]


COMMAND_FLOOR = """
import pydantic, jinja2

class Floor(pydantic.BaseModel):
    value: int | None = None
"""
"""What `check` and `export` cannot do without: pydantic and Jinja2 imported, and one model built (pydantic
builds its validation machinery when the first model class is made, not on import)."""


def command_starts(runs: int) -> list[Line]:
    """`nianbao check` and `export` (to .txt) against the floor above; `export` to .docx against `export` to .txt.

    Whole processes, as a user runs them; the format is passed explicitly so that it does not hang on
    how the command reads the file's suffix.
    """
    draft = str(SAMPLES / "county-bureau-2025.json")
    with tempfile.TemporaryDirectory() as folder:
        exports = [
            [PYTHON, "-m", "tui", "export", draft, "--format", fmt, "-o", str(Path(folder) / f"r.{fmt}"), "--force"]
            for fmt in ("txt", "docx")
        ]
        floor, check, text, word = walls(
            [[PYTHON, "-c", COMMAND_FLOOR], [PYTHON, "-m", "tui", "check", draft], *exports], runs
        )
    figures = (
        ("nianbao check DRAFT ÷ import pydantic, jinja2 + one model", check, floor),
        ("nianbao export DRAFT -o r.txt ÷ the same floor", text, floor),
        ("nianbao export DRAFT -o r.docx ÷ nianbao export DRAFT -o r.txt", word, text),
    )
    return [
        (name, f"{took / base:.2f} ({took:.2f} s / {base:.2f} s)", "≤ 1.5", took / base <= 1.5)
        for name, took, base in figures
    ]


def answer_work(rounds: int) -> list[Line]:
    """Work after one answer: parse, validate, every check, autosave, preview refresh; p50 and p99."""
    from sections.interview.engine import Interview
    from sections.interview.session import settle
    from sections.output.rendering import render
    from sections.store.drafts import Draft, save_draft
    from tests.fixtures.baibi_answers import ANSWERS

    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.json"
        for round_ in range(rounds + 1):  # round 0 warms up: Jinja2 compiles its templates once per process
            interview = Interview(Draft(), lambda d: save_draft(path, d))
            interview.start()
            settle()  # as Session.start does in every front end
            for answer in ANSWERS:
                start = time.perf_counter()
                interview.submit(answer)
                render(interview.report, "txt", "grid")
                if round_:
                    times.append(time.perf_counter() - start)
    times.sort()
    p50 = times[len(times) // 2] * 1000
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
    return [
        (
            "work after one answer, p50 / p99 (白璧镇 transcript)",
            f"{p50:.1f} ms / {p99:.1f} ms",
            "p99 ≤ 16 ms",
            p99 <= 16,
        )
    ]


def reading(seconds: float) -> list[Line]:
    """Reading and checking published reports, per core, after start-up (in a process of its own)."""
    out = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "read_corpus.py"), "--seconds", str(seconds)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    best, median = (float(n) for n in re.findall(r"(\d+) reports/second/core.*?median (\d+)", out)[0])
    return [
        (
            "reading + checking published reports, per core",
            f"{best:.0f} reports/s (median {median:.0f})",
            "≥ 1,000 reports/s",
            best >= 1000,
        )
    ]


def _drafts(folder: Path, count: int) -> list[str]:
    """`count` different drafts, made by varying the county-bureau sample's figures."""
    base = json.loads((SAMPLES / "county-bureau-2025.json").read_text(encoding="utf-8"))
    paths = []
    for index in range(count):
        base["report"]["disclosure"]["permits"] = 1000 + index
        base["report"]["meta"]["body"] = f"第{index}号县市场监督管理局"
        path = folder / f"{index:05d}.json"
        path.write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    return paths


ARGUMENTS_ONLY = (
    "import argparse, sys; from pathlib import Path; import tui.cli; "
    "p = argparse.ArgumentParser(); p.add_argument('f', type=Path, nargs='+'); p.parse_args()"
)
"""A process that holds the same argument list as `nianbao check` and checks nothing: the memory floor."""


def batch(small: int, large: int) -> list[Line]:
    """`nianbao check` over many drafts in one call: time grows linearly, memory beyond the arguments stays flat.

    Ten thousand paths on the command line cost Python about 10 MiB by themselves (strings and Path
    objects), so the memory figure is the peak of the check minus the peak of a process holding the
    same arguments and checking nothing.
    """
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in (small, large):
            paths = _drafts(Path(folder), count)
            command = [PYTHON, "-m", "tui", "check", "--json", *paths]
            extra = peak_rss(command) - peak_rss([PYTHON, "-c", ARGUMENTS_ONLY, *paths])
            results[count] = (walls([command], 1)[0], extra)
    (t_small, m_small), (t_large, m_large) = results[small], results[large]
    growth = (t_large / t_small) / (large / small)
    return [
        (
            f"nianbao check over {small:,} and {large:,} drafts: time per draft, ratio",
            f"{t_small / small * 1000:.2f} ms, {t_large / large * 1000:.2f} ms ({growth:.2f})",
            "linear (ratio ≤ 1.3)",
            growth <= 1.3,
        ),
        (
            f"nianbao check over {small:,} and {large:,} drafts: memory beyond the argument list",
            f"{m_small:.1f} MiB, {m_large:.1f} MiB",
            "flat (+≤ 3 MiB)",
            m_large - m_small <= 3,
        ),
    ]


def app_memory() -> list[Line]:
    """Peak memory of the app through the whole 白璧镇 interview (headless)."""
    out = subprocess.run(
        [PYTHON, "-c", APP_INTERVIEW.format(root=str(ROOT))], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    mib = int(out.split()[-1]) / 1024
    return [("app peak memory through a whole interview", f"{mib:.0f} MiB", "≤ 80 MiB", mib <= 80)]


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print every figure; exit 0 even when a budget is missed (figures, not a test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts, for CI")
    args = parser.parse_args(argv)
    runs, rounds, seconds, small, large = (3, 2, 1.0, 100, 1000) if args.quick else (9, 20, 5.0, 1000, 10000)
    units = (10, 100) if args.quick else (1000, 10000)
    reviewed = (10, 1) if args.quick else (60, 5)
    from bench.merging import merge_scaling  # late: it builds on this module's helpers
    from bench.review import review_desk  # late, as above

    # Python normally caches bytecode on first import; PYTHONDONTWRITEBYTECODE (set on some machines)
    # would make every measured start compile the project from source, which no installed copy does.
    compileall.compile_dir(ROOT / "sections", quiet=1)
    compileall.compile_dir(ROOT / "tui", quiet=1)
    print(
        f"nianbao benchmark{' (quick)' if args.quick else ''}: {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}"
    )
    measures: list[Callable[[], list[Line]]] = [
        lambda: app_start(runs),
        lambda: command_starts(runs),
        lambda: answer_work(rounds),
        lambda: reading(seconds),
        lambda: batch(small, large),
        lambda: merge_scaling(*units),
        lambda: review_desk(*reviewed),
        app_memory,
    ]
    missed = 0
    for measure in measures:
        for name, figure, budget, met in measure():
            missed += not met
            print(f"{'met   ' if met else 'MISSED'}  {name}: {figure}  (budget {budget})", flush=True)
    print(f"{missed} budget(s) missed" if missed else "every budget met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
