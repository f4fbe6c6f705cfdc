"""Provides the proof that the core and the non-interactive commands load no UI library."""

from __future__ import annotations

import subprocess
import sys

UI_MODULES = ("textual", "prompt_toolkit", "rich")


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
