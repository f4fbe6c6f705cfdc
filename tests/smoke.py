"""Provides the smoke test of the distribution: build the sdist and wheel, install the wheel, use it elsewhere.

    python3 -m tests.smoke          # from the repository root, after pip install -e '.[test]'; .ci/run calls it

`python3 -m build` makes the sdist and builds the wheel from it (so the sdist is proved to hold what a
build needs); both file lists are checked. The wheel is installed without -e into a new virtual
environment, and the installed `nianbao` is run in an empty temporary folder, far from the source tree:
--help, check, export to every format, import, the plain-mode replay of the 白璧镇 transcript, and review's exports.
Every step runs even if one fails; any failure fails the script (exit 1). Standard library only: this
script never imports the package it tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_sessions"
CORPUS = ROOT / "tests" / "corpus"
WHEEL_TOP_LEVEL = {"sections", "tui"}
"""The design's packages: nothing else may land at the top of site-packages (besides the .dist-info)."""
PACKAGE_DATA = (
    "sections/model/official_structure.json",
    "sections/output/templates/txt/report.txt.j2",
    "sections/output/templates/drafts/preface.j2",
    "tui/app/app.tcss",
)
SDIST_NEEDS = ("pyproject.toml", "README.md", "templates/txt/report.txt.j2", "sections/__init__.py", "tui/cli.py")


class Smoke:
    """The steps run so far and the failures among them."""

    def __init__(self, venv: Path, work: Path, env: dict[str, str]) -> None:
        self.nianbao = venv / ("Scripts/nianbao.exe" if os.name == "nt" else "bin/nianbao")
        self.work = work
        self.env = env
        self.failures: list[str] = []

    def run(
        self, name: str, args: Sequence[str | Path], status: int = 0, stdin: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run the installed nianbao in the empty folder; a different exit status is a failure."""
        start = time.perf_counter()
        with open(stdin or os.devnull, encoding="utf-8") as feed:
            result = subprocess.run(
                [str(self.nianbao), *map(str, args)],
                stdin=feed,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                cwd=self.work,
                env=self.env,
                check=False,
            )
        ok = result.returncode == status and "Traceback" not in result.stderr
        self.report(name, ok, f"exit {result.returncode}, expected {status}\n{result.stderr[-2000:]}", start)
        return result

    def expect(self, name: str, check: Callable[[], bool]) -> None:
        """A check of what the commands wrote; a missing, empty or unreadable file fails it too."""
        start = time.perf_counter()
        try:
            ok, detail = check(), ""
        except (OSError, ValueError, IndexError, zipfile.BadZipFile) as err:
            ok, detail = False, repr(err)
        self.report(name, ok, detail, start)

    def report(self, name: str, ok: bool, detail: str, start: float) -> None:
        """One line per step; the details of a failure below it."""
        print(f"smoke: {'ok  ' if ok else 'FAIL'} {name} ({time.perf_counter() - start:.1f} s)", flush=True)
        if not ok:
            self.failures.append(name)
        if not ok and detail:
            print(f"       {detail}", flush=True)


def prepare(what: str, command: Sequence[str | Path]) -> None:
    """A step the others need (build, install): on failure its output is shown and the smoke test stops."""
    start = time.perf_counter()
    result = subprocess.run(list(map(str, command)), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(result.stdout[-4000:], result.stderr[-4000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"smoke: FAIL {what} (exit {result.returncode})")
    print(f"smoke: ok   {what} ({time.perf_counter() - start:.1f} s)", flush=True)


def build(dist: Path) -> tuple[Path, Path]:
    """The sdist and the wheel built from it, by `python3 -m build`."""
    prepare("python3 -m build: the sdist, and the wheel from it", [sys.executable, "-m", "build", "-o", dist, ROOT])
    return next(dist.glob("nianbao-*.tar.gz")), next(dist.glob("nianbao-*.whl"))


def wheel_problems(wheel: Path) -> list[str]:
    """What is wrong with the wheel's file list: stray top-level names, missing package data."""
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    problems = [f"top-level {name!r} in the wheel" for name in sorted(top - WHEEL_TOP_LEVEL)]
    return problems + [f"{name} missing from the wheel" for name in PACKAGE_DATA if name not in names]


def sdist_problems(sdist: Path) -> list[str]:
    """What the sdist lacks that a build needs, and a test suite it should not carry half of."""
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    problems = [f"{name} missing from the sdist" for name in SDIST_NEEDS if name not in names]
    return problems + [f"{name} in the sdist" for name in sorted(names) if name.startswith("tests/")]


def install(wheel: Path, venv: Path) -> None:
    """A new virtual environment with the wheel installed as a user would: no -e, dependencies from the index."""
    # This Python's pip installs into the venv (--python): seeding the venv with its own pip takes ~12 s, and
    # so does compiling the bytecode, which the commands below write anyway as they import.
    prepare("a new virtual environment", [sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", python, "install", "--no-compile"]
    prepare(f"pip install {wheel.name} (not editable)", [*pip, wheel])


def title_first(path: Path, title: str, prefix: str = "") -> Callable[[], bool]:
    """The file's first line is the report's title."""
    return lambda: path.read_text(encoding="utf-8").splitlines()[0] == prefix + title


def use(smoke: Smoke) -> None:
    """Every command of the installed nianbao, from the empty folder."""
    baibi, county = SAMPLES / "baibi-2021.json", SAMPLES / "county-bureau-2025.json"
    assert not any(smoke.work.iterdir()), "the working folder must start empty"
    help_text = smoke.run("nianbao --help", ["--help"]).stdout
    commands = ("check", "export", "import", "new")
    smoke.expect("--help names the commands", lambda: all(c in help_text for c in commands))
    smoke.run("check baibi-2021.json (error findings: exit 1)", ["check", baibi], status=1)
    smoke.run("check county-bureau-2025.json (clean: exit 0)", ["check", county], status=0)
    figures = json.loads(smoke.run("check --json", ["check", "--json", county]).stdout or "{}").get("report", {})
    title = f"{figures.get('agency')}{figures.get('year')}年政府信息公开工作年度报告"
    kinds: dict[str, Callable[[Path], Callable[[], bool]]] = {
        "txt": lambda path: title_first(path, title),
        "md": lambda path: title_first(path, title, "# "),
        "html": lambda path: lambda: path.read_text(encoding="utf-8").lower().startswith("<!doctype html>"),
        "docx": lambda path: lambda: "word/document.xml" in zipfile.ZipFile(path).namelist(),
    }
    for fmt, kind in kinds.items():
        output = smoke.work / f"报告.{fmt}"
        smoke.run(f"export to {output.name}", ["export", county, "-o", output, "--format", fmt])
        smoke.expect(f"{output.name} is {fmt}", kind(output))
    imported = smoke.work / "imported.json"
    smoke.run("import hongze-2024.pdf", ["import", CORPUS / "hongze-2024.pdf", "-o", imported])
    smoke.run("check the imported draft (warnings only: exit 0)", ["check", imported], status=0)
    replay = smoke.work / "replay.json"
    answers = SAMPLES / "baibi-2021.answers.txt"
    smoke.run("plain replay of baibi-2021.answers.txt", ["new", "--draft", replay, "--ui", "plain"], stdin=answers)
    smoke.run("check the replayed draft (its published errors: exit 1)", ["check", replay], status=1)
    sheet, page = smoke.work / "审核表.xlsx", smoke.work / "审核表.html"
    smoke.run("review sample_sessions --xlsx --html", ["review", SAMPLES, "--xlsx", sheet, "--html", page])
    smoke.expect("审核表.xlsx is a workbook", lambda: "xl/workbook.xml" in zipfile.ZipFile(sheet).namelist())
    smoke.expect("审核表.html is a web page", lambda: page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>"))


def smoke_test(top: Path) -> list[str]:
    """Build, check the file lists, install and use the wheel, all inside `top`; return the failed steps."""
    sdist, wheel = build(top / "dist")
    install(wheel, top / "venv")
    work, home = top / "empty", top / "home"
    work.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"NIANBAO_HOME": str(home / "drafts"), "HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    smoke = Smoke(top / "venv", work, env)
    problems = wheel_problems(wheel) + sdist_problems(sdist)
    smoke.report("file lists of the wheel and the sdist", not problems, "; ".join(problems), time.perf_counter())
    use(smoke)
    return smoke.failures


def main(argv: Sequence[str] | None = None) -> int:
    """Run the smoke test in a temporary folder; return 0 when every step passed."""
    parser = argparse.ArgumentParser(prog="python3 -m tests.smoke", description="Build, install and use the wheel.")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    args = parser.parse_args(argv)
    top = Path(tempfile.mkdtemp(prefix="nianbao-smoke-"))
    try:
        failures = smoke_test(top)
    finally:
        if args.keep:
            print(f"smoke: kept {top}")
        else:
            shutil.rmtree(top)
    if failures:
        print(f"smoke: {len(failures)} step(s) failed: {', '.join(failures)}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
