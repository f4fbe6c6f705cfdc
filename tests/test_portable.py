"""Provides tests that drafts behave the same on Windows: the lock signals no process, no hard links, Chinese paths."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sections.model.errors import DraftError, ExportError
from sections.model.report import Report
from sections.output.export import export
from sections.store.drafts import Draft, load_draft, save_draft
from sections.store.lock import DraftLock  # imported before the platform is faked: it locks as this system does
from sections.store.workspace import open_draft, restore_backup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[object, ...]]]:
    """`sys.platform` says win32, and every way to signal a process is recorded instead of done."""
    signalled: list[tuple[object, ...]] = []
    monkeypatch.setattr(sys, "platform", "win32")
    for name in ("kill", "killpg"):
        monkeypatch.setattr(os, name, lambda *args: signalled.append(args))
    yield signalled


@pytest.fixture
def bystander() -> Iterator[subprocess.Popen[bytes]]:
    """A live process that has nothing to do with the draft."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    process.kill()
    process.wait()


def left_behind(draft: Path, pid: int) -> None:
    """What a session that died without quitting leaves beside the draft: its lock file and owner record."""
    owner = {"host": socket.gethostname(), "pid": pid, "started": "2025-11-28T09:00:00"}
    draft.with_name(f".{draft.name}.lock").write_text("", encoding="utf-8")
    draft.with_name(f".{draft.name}.owner").write_text(json.dumps(owner), encoding="utf-8")
    draft.with_name(f"{draft.name}.lock").write_text(json.dumps(owner), encoding="utf-8")  # an older version's lock


def test_stale_lock_on_windows_is_taken_over_and_no_process_is_signalled(
    tmp_path: Path, windows: list[tuple[object, ...]], bystander: subprocess.Popen[bytes]
) -> None:
    """A lock left by a dead session whose pid now belongs to another program: the draft opens, nothing is killed."""
    draft = tmp_path / "草稿.json"
    left_behind(draft, bystander.pid)
    lock = DraftLock(draft)
    lock.acquire()
    assert windows == [] and bystander.poll() is None
    assert json.loads(lock.owner.read_text(encoding="utf-8"))["pid"] == os.getpid()
    lock.release()
    assert not lock.owner.exists()


def test_live_lock_on_windows_is_refused_naming_the_holder_who_stays_alive(
    tmp_path: Path, windows: list[tuple[object, ...]]
) -> None:
    """A draft open in another window is refused with that window's process named; that window lives on."""
    draft = tmp_path / "草稿.json"
    code = (
        "import time; from pathlib import Path; from sections.store.lock import DraftLock; "
        f"DraftLock(Path({str(draft)!r})).acquire(); print('open', flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(DraftError) as err:
            DraftLock(draft).acquire()
        assert f"草稿正在另一个窗口中编辑（本机上的进程 {holder.pid}，" in err.value.message
        assert windows == [] and holder.poll() is None
    finally:
        holder.kill()
        holder.wait()
    again = DraftLock(draft)
    again.acquire()  # the system let go of the killed holder's lock
    again.release()


def test_a_draft_opened_twice_in_one_process_is_its_own(tmp_path: Path) -> None:
    """Opening the same draft again in the same program is not a second session."""
    draft = tmp_path / "d.json"
    first, second = DraftLock(draft), DraftLock(tmp_path / "." / "d.json")
    first.acquire()
    second.acquire()
    first.release()
    second.release()


@pytest.mark.parametrize("missing", ["unsupported", "absent"])
def test_backup_is_kept_where_hard_links_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, county: Report, missing: str
) -> None:
    """On a FAT USB stick or a share without hard links (or no os.link at all) the previous version is still kept."""
    if missing == "absent":
        monkeypatch.delattr(os, "link")
    else:

        def refuse(*args: object, **kwargs: object) -> None:
            raise OSError(errno.EPERM, os.strerror(errno.EPERM))

        monkeypatch.setattr(os, "link", refuse)
    draft = tmp_path / "d.json"
    county.meta.body = "甲镇人民政府"
    save_draft(draft, Draft(report=county))
    county.meta.body = "乙镇人民政府"
    save_draft(draft, Draft(report=county))
    assert load_draft(draft).report.meta.body == "乙镇人民政府"
    assert load_draft(tmp_path / "d.json.bak").report.meta.body == "甲镇人民政府"


def test_chinese_folders_and_file_names_work_throughout(tmp_path: Path, county: Report) -> None:
    """A draft in 「草稿箱/白璧镇 2021（定稿）.json」 opens locked, saves with its backup, restores and exports."""
    folder = tmp_path / "政务公开" / "草稿箱"
    draft = folder / "白璧镇 2021（定稿）.json"
    assert open_draft(draft).report.meta.body is None
    save_draft(draft, Draft(report=county))
    save_draft(draft, Draft(report=county))
    assert (folder / "白璧镇 2021（定稿）.json.bak").exists()
    draft.write_text("{", encoding="utf-8")
    restore_backup(draft)
    assert load_draft(draft).report.meta.body == county.meta.body
    export(county, folder / "年度报告（公开版）.docx")
    export(county, folder / "年度报告.txt", encoding="gb18030")
    assert (folder / "年度报告.txt").read_bytes().decode("gb18030").startswith(county.meta.title)


def test_export_over_a_file_open_in_word_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, county: Report
) -> None:
    """On Windows a .docx open in Word cannot be replaced: the message says to close it; nothing is left behind."""
    out = tmp_path / "年度报告.docx"
    out.write_bytes(b"open in Word")

    def refuse(*args: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as err:
        export(county, out, force=True)
    assert "正在 Word 或 WPS 中打开，请先关闭再导出" in err.value.message
    assert out.read_bytes() == b"open in Word" and [p.name for p in tmp_path.iterdir()] == ["年度报告.docx"]
