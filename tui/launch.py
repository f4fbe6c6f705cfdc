"""Provides `interview()`: picks the draft and the front end (app, line or plain) and runs it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sections.store.workspace import default_draft_dir, list_drafts, new_draft_path, remember, start_from_previous
from tui.collector import held_collection


def choose_ui(requested: str | None) -> str:
    """The front end to use: as asked; else plain without a terminal, line on a dumb one, else the app."""
    if requested:
        return requested
    if os.environ.get("NIANBAO_UI") in ("app", "line", "plain"):
        return os.environ["NIANBAO_UI"]
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        return "plain"
    return "app" if _full_screen_terminal() else "line"


def _full_screen_terminal() -> bool:
    """Whether the terminal can show the app: a named TERM other than dumb, or Windows 10 and later.

    Windows sets no TERM; from Windows 10 its console (conhost) and Windows Terminal take the escape sequences
    Textual writes, while older consoles get the line mode, which prompt_toolkit draws with console calls.
    """
    if sys.platform == "win32":
        return os.environ.get("TERM") != "dumb" and sys.getwindowsversion().major >= 10
    return os.environ.get("TERM", "") not in ("dumb", "")


def interview(draft_path: Path | None, ui: str | None, *, new: bool = False, previous: Path | None = None) -> int:
    """Run the interview; with no draft path the app shows its start screen, other modes resume the latest."""
    mode = choose_ui(ui)
    folder = default_draft_dir()
    if previous is not None:
        draft_path = draft_path or new_draft_path(folder)
        start_from_previous(previous, draft_path)
    if draft_path is None and mode != "app":
        recent = list_drafts(folder)
        draft_path = new_draft_path(folder) if new or not recent else recent[0]
    try:
        return _run(mode, draft_path, folder, new)
    finally:
        if draft_path is not None and draft_path.exists():
            remember(draft_path, folder)  # after the run: a refused or unsaved draft leaves no trace


def _run(mode: str, draft_path: Path | None, folder: Path, new: bool) -> int:
    if mode == "plain":
        from tui.plain import run as run_plain  # each front end loads only when chosen

        return run_plain(draft_path or new_draft_path(folder), new=new)
    if mode == "line":
        return _run_line(draft_path or new_draft_path(folder))
    try:
        with held_collection():
            from tui.app.app import run as run_app  # late on purpose: Textual is the heaviest import

        return run_app(draft_path, folder, new=new)
    except (ImportError, OSError) as err:
        print(f"nianbao: 全屏界面无法启动（{err}），改用行模式。", file=sys.stderr)
        recent = list_drafts(folder)
        return _run_line(draft_path or (recent[0] if recent and not new else new_draft_path(folder)))


def _run_line(draft_path: Path) -> int:
    from tui.line import run as run_line  # late on purpose: prompt_toolkit only for the line mode

    return run_line(draft_path)
