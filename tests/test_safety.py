"""Provides the proof that drafts survive crashes, full disks, second sessions and damaged files."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sections.interview.engine import Interview
from sections.model.errors import DraftError
from sections.store.drafts import Draft, load_draft, save_draft
from sections.store.workspace import open_draft, restore_backup

from .conftest import SAMPLES
from .fixtures.baibi_answers import ANSWERS

DAMAGED = Path(__file__).resolve().parent / "fixtures" / "damaged"
KILLS = 200


def _round(path: Path) -> int:
    return int(load_draft(path).interview.choices["round"][0]) if path.exists() else 0  # type: ignore[index]


def _drain(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def _saver(path: Path, pipe: int) -> None:
    """Child process: answer the 白璧镇 interview over and over, saving after every answer."""
    round_ = _round(path)
    while True:
        interview = Interview(Draft(), None)
        interview.start()
        for answer in ANSWERS:
            interview.submit(answer)
            round_ += 1
            interview.draft.interview.choices["round"] = [str(round_)]
            os.write(pipe, f"{round_}\n".encode())
            save_draft(path, interview.draft)


def kill_while_saving(path: Path, kills: int, seed: int) -> int:
    """Fork a saver and SIGKILL it mid-save `kills` times; check the draft after each; return the count."""
    rng = random.Random(seed)
    checked = 0
    for _ in range(kills):
        before = _round(path)
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            os.close(read)
            try:
                _saver(path, write)
            finally:
                os._exit(0)
        os.close(write)
        first = os.read(read, 64)
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        announced = (first + _drain(read)).decode().split()
        os.close(read)
        saved = _round(path)
        if announced:
            assert saved in (int(announced[-1]), int(announced[-1]) - 1), (saved, announced[-1])
            checked += 1
        else:
            assert saved == before
    return checked


def test_killed_while_saving_the_draft_is_never_damaged(tmp_path: Path) -> None:
    """SIGKILL at random moments during autosaves: the draft on disk is always whole, last or previous."""
    # Forking is done in a fresh interpreter: the test process may hold threads (from the app tests).
    code = (
        "import sys; from pathlib import Path; from tests.test_safety import kill_while_saving; "
        f"print(kill_while_saving(Path({str(tmp_path / 'd.json')!r}), {KILLS}, 20261129))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout) == KILLS


def test_disk_full_is_reported_and_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save that fails (disk full) is said in the chat; the answer stays; the next answer saves both."""
    path = tmp_path / "d.json"
    interview = Interview(Draft(), lambda d: save_draft(path, d))
    interview.start()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    turn = interview.submit("白璧镇人民政府")
    assert any(m.kind == "error" and "草稿保存失败" in m.text for m in turn.messages)
    assert not path.exists() and interview.report.meta.body == "白璧镇人民政府"
    assert not list(tmp_path.glob(".*.tmp"))
    monkeypatch.setattr(os, "fsync", real_fsync)
    interview.submit("1")
    assert load_draft(path).report.meta.body == "白璧镇人民政府"
    assert interview.save_error is None


def test_previous_version_is_kept_as_backup(tmp_path: Path) -> None:
    """Every save keeps the version before it as <name>.bak."""
    path = tmp_path / "d.json"
    interview = Interview(Draft(), lambda d: save_draft(path, d))
    interview.start()
    interview.submit("甲镇人民政府")
    interview.submit("/goto 基本信息")
    interview.submit("乙镇人民政府")
    assert load_draft(path).report.meta.body == "乙镇人民政府"
    assert load_draft(path.with_name("d.json.bak")).report.meta.body == "甲镇人民政府"


def test_second_session_is_told_the_draft_is_open(tmp_path: Path) -> None:
    """A second session on an open draft is refused with a message; after the first quits it opens."""
    path = tmp_path / "d.json"
    save_draft(path, Draft())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time; from pathlib import Path; from sections.store.workspace import open_draft; "
                f"open_draft(Path({str(path)!r})); print('open', flush=True); time.sleep(30)"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(DraftError) as err:
            open_draft(path)
        assert "草稿正在另一个窗口中编辑" in err.value.message
    finally:
        holder.kill()
        holder.wait()
    assert open_draft(path).report.meta.body is None


@pytest.mark.parametrize(
    ("name", "cause"),
    [
        ("truncated.json", "不是有效的 JSON"),
        ("invalid-json.json", "不是有效的 JSON（第"),
        ("newer-version.json", "高于本程序支持的 1"),
        ("empty.json", "不是有效的 JSON"),
        ("not-a-draft.json", "不是 nianbao 草稿"),
    ],
)
def test_damaged_draft_is_explained_and_left_untouched(tmp_path: Path, name: str, cause: str) -> None:
    """A damaged draft gets a message saying what and where; its bytes stay exactly as they were."""
    path = tmp_path / name
    path.write_bytes((DAMAGED / name).read_bytes())
    with pytest.raises(DraftError) as err:
        open_draft(path)
    assert cause in err.value.message and str(path) in err.value.message
    assert path.read_bytes() == (DAMAGED / name).read_bytes()


def test_wrong_types_are_emptied_reported_and_asked_again(tmp_path: Path) -> None:
    """A figure of the wrong type is reported and re-asked, the rest kept, the damaged file kept aside."""
    path = tmp_path / "wrong-types.json"
    path.write_bytes((DAMAGED / "wrong-types.json").read_bytes())
    interview = Interview(open_draft(path), lambda d: save_draft(path, d))
    opening = interview.start()
    notice = next(m.text for m in opening.messages if m.kind == "error")
    assert "报告年度：“二〇二五”应为整数" in notice and "行政许可：“12.5”应为整数" in notice
    assert interview.current is not None and interview.current.id == "meta.year"
    assert interview.report.disclosure.penalties == 85
    kept = list(tmp_path.glob("wrong-types.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == (DAMAGED / "wrong-types.json").read_bytes()


def test_backup_is_offered_and_restores(tmp_path: Path) -> None:
    """When a draft is truncated but its backup is good, the message offers `nianbao restore`."""
    path = tmp_path / "d.json"
    save_draft(path, load_draft(SAMPLES / "county-bureau-2025.json"))
    save_draft(path, load_draft(SAMPLES / "county-bureau-2025.json"))
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(DraftError) as err:
        open_draft(path)
    assert f"nianbao restore {path}" in err.value.message
    kept = restore_backup(path)
    assert load_draft(path).report.meta.body == "云溪县市场监督管理局"
    assert kept is not None and len(kept.read_bytes()) == 100


def test_migrations_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An older draft is brought up to date by each migration in turn before it is read."""
    from sections.store import drafts

    monkeypatch.setattr(drafts, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(
        drafts,
        "MIGRATIONS",
        {
            1: lambda d: {**d, "report": {**d["report"], "meta": {"body": d["report"]["name"]}}},
            2: lambda d: {**d, "report": {k: v for k, v in d["report"].items() if k != "name"}},
        },
    )
    path = tmp_path / "v1.json"
    path.write_text(json.dumps({"schema_version": 1, "report": {"name": "白璧镇人民政府"}}), encoding="utf-8")
    assert drafts.load_draft(path).report.meta.body == "白璧镇人民政府"
