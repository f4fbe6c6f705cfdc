"""Provides tests of issue 16 as a hostile user meets it: closed pipes, broken files, restore, encodings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

BAIBI = SAMPLES / "baibi-2021.json"
COUNTY = SAMPLES / "county-bureau-2025.json"


def _closed_pipe(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the real command with a standard output whose reader has already gone away."""
    read, write = os.pipe()
    os.close(read)
    try:
        command = [sys.executable, "-m", "tui", *map(str, args)]
        return subprocess.run(command, stdout=write, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ("check", BAIBI, COUNTY),
        ("check", "--json", BAIBI, COUNTY),
        ("export", COUNTY),
        ("export", COUNTY, "--format", "md"),
        ("--help",),
    ],
)
def test_a_closed_pipe_ends_quietly(args: tuple[str | Path, ...]) -> None:
    """`nianbao check … | head -1` ends with no traceback and the status a shell gives a closed pipe."""
    result = _closed_pipe(*args)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert result.stderr == ""
    assert result.returncode in (0, 141) if args == ("--help",) else result.returncode == 141


def test_check_json_gives_a_line_for_an_unreadable_file(tmp_path: Path) -> None:
    """`check --json` prints one line per file, in order; an unreadable one says why, and the status is 2."""
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"schema_version": 1, "report": {')
    missing = tmp_path / "missing.json"
    command = [sys.executable, "-m", "tui", "check", "--json", str(BAIBI), str(broken), str(missing), str(COUNTY)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(BAIBI), str(broken), str(missing), str(COUNTY)]
    assert "不是有效的 JSON" in lines[1]["error"]["message"] and "report" not in lines[1]
    assert "文件不存在" in lines[2]["error"]["message"]
    assert "findings" in lines[0] and "error" not in lines[3]


def test_new_onto_an_existing_draft_is_refused(tmp_path: Path) -> None:
    """`nianbao new --draft EXISTING.json` says how to continue it, exits 2 and leaves the draft as it was."""
    draft = tmp_path / "my draft.json"
    draft.write_bytes(BAIBI.read_bytes())
    command = [sys.executable, "-m", "tui", "new", "--draft", str(draft), "--ui", "plain"]
    result = subprocess.run(command, input="白璧镇人民政府\n", capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == f"nianbao: 文件已存在：继续这个草稿请用 nianbao --draft '{draft}'\n"
    assert draft.read_bytes() == BAIBI.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my draft.json"]
    forced = subprocess.run([*command, "--force"], input="", capture_output=True, text=True, timeout=60)
    assert "文件已存在" not in forced.stderr and "Traceback" not in forced.stderr
