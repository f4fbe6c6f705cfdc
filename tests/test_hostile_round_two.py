"""Provides tests of issue 16 as a hostile user meets it: closed pipes, broken files, restore, encodings."""

from __future__ import annotations

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
