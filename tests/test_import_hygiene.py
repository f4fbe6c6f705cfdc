"""Provides the proof that the core and the non-interactive commands load no UI library."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

UI_MODULES = ("textual", "prompt_toolkit", "rich")
SAMPLES = Path(__file__).resolve().parent.parent / "sample_sessions"


def _loaded_after(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in sys.modules if m.split('.')[0] in {UI_MODULES!r}))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_core_loads_no_ui_library() -> None:
    """Importing `sections` (the whole core) loads no Textual, prompt_toolkit or Rich module."""
    assert _loaded_after("import sections.interview.engine, sections.output.export, sections.store.workspace") == []


def test_check_and_export_commands_load_no_ui_library() -> None:
    """The `nianbao check` / `export` code path imports no UI library."""
    assert _loaded_after("import tui.cli") == []


def test_review_exports_load_no_ui_library(tmp_path: Path) -> None:
    """`nianbao review FOLDER --json / --xlsx / --html` writes its exports without loading any UI library."""
    folder = tmp_path / "units"
    folder.mkdir()
    shutil.copy(SAMPLES / "county-bureau-2025.json", folder)
    outputs = f"'--xlsx', {str(tmp_path / 'r.xlsx')!r}, '--html', {str(tmp_path / 'r.html')!r}, '--json'"
    code = "import contextlib, io, tui.cli\nwith contextlib.redirect_stdout(io.StringIO()):\n"
    code += f"    tui.cli.main(['review', {str(folder)!r}, {outputs}])"
    assert _loaded_after(code) == []
    assert (tmp_path / "r.xlsx").is_file() and (tmp_path / "r.html").is_file()
