"""Provides `interview()`: picks the draft and the front end (app, line or plain) and runs it."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path

from sections import Draft, DraftError, load_draft, save_draft
from sections.drafts import recover_draft
from sections.lock import DraftLock
from tui.cli import default_draft_dir


def choose_ui(requested: str | None) -> str:
    """The front end to use: as asked; else plain without a terminal, line on a dumb one, else the app."""
    if requested:
        return requested
    if os.environ.get("NIANBAO_UI") in ("app", "line", "plain"):
        return os.environ["NIANBAO_UI"]
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        return "plain"
    if os.environ.get("TERM", "") in ("dumb", ""):
        return "line"
    return "app"


def list_drafts(folder: Path) -> list[Path]:
    """Drafts in a folder, most recently changed first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)


def new_draft_path(folder: Path) -> Path:
    """A fresh file name for a new draft in the folder."""
    return folder / f"草稿-{datetime.now():%Y%m%d-%H%M%S}.json"


def open_draft(path: Path) -> Draft:
    """The draft at `path` (a new empty one when the file does not exist yet), locked for this session.

    Fields that fail validation are emptied and re-asked; the damaged file is first kept beside the draft
    so that the next autosave does not destroy it. Unreadable drafts raise `DraftError` offering the backup.
    """
    lock = DraftLock(path)
    lock.acquire()
    atexit.register(lock.release)
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        leftover.unlink(missing_ok=True)  # half-written by a session that crashed mid-save
    if not path.exists():
        return Draft()
    try:
        draft, problems = recover_draft(path)
    except DraftError as err:
        lock.release()
        raise DraftError(err.message + _backup_hint(path)) from err
    if problems:
        keep = path.with_name(f"{path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
        shutil.copy2(path, keep)
        draft.recovered.append(f"（原文件已另存为 {keep.name}）")
    return draft


def _backup_hint(path: Path) -> str:
    backup = path.with_name(path.name + ".bak")
    try:
        saved = load_draft(backup).saved_at
    except DraftError:
        return ""
    return (f" 上一次保存的备份完好（{saved:%Y-%m-%d %H:%M}）：运行 nianbao restore {path} 即可用它恢复，"
            "损坏的文件会另存一份。") if saved else ""


def start_from_previous(previous: Path, draft_path: Path) -> None:
    """Write a new draft at `draft_path` carried over from last year's draft or published report."""
    from sections.carry import draft_from_previous
    from tui.review import load

    if draft_path.exists():
        raise DraftError(f"{draft_path}：文件已存在。请换一个新草稿的路径。")
    save_draft(draft_path, draft_from_previous(load(previous)[0]))


def interview(draft_path: Path | None, ui: str | None, *, new: bool = False,
              previous: Path | None = None) -> int:
    """Run the interview; with no draft path the app shows its start screen, other modes resume the latest."""
    mode = choose_ui(ui)
    folder = default_draft_dir()
    if previous is not None:
        draft_path = draft_path or new_draft_path(folder)
        start_from_previous(previous, draft_path)
    if draft_path is None and mode != "app":
        recent = list_drafts(folder)
        draft_path = new_draft_path(folder) if new or not recent else recent[0]
    if mode == "plain":
        from tui.plain import run as run_plain

        return run_plain(draft_path or new_draft_path(folder))
    if mode == "line":
        return _run_line(draft_path or new_draft_path(folder))
    try:
        from tui.app import run as run_app

        return run_app(draft_path, folder, new=new)
    except (ImportError, OSError) as err:
        print(f"nianbao: 全屏界面无法启动（{err}），改用行模式。", file=sys.stderr)
        recent = list_drafts(folder)
        return _run_line(draft_path or (recent[0] if recent and not new else new_draft_path(folder)))


def _run_line(draft_path: Path) -> int:
    from tui.line import run as run_line

    return run_line(draft_path)


def restore_backup(path: Path) -> Path:
    """Put `<draft>.bak` back in place of a damaged draft, keeping the damaged file beside it."""
    backup = path.with_name(path.name + ".bak")
    load_draft(backup)
    keep = path.with_name(f"{path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
    if path.exists():
        shutil.copy2(path, keep)
    shutil.copy2(backup, path)
    return keep
