"""Provides tests of how `nianbao` picks its front end and its draft."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import tui.line
from tui import launch


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({"TERM": "xterm-256color"}, True, "app"),
        ({"TERM": "dumb"}, True, "line"),
        ({"TERM": "xterm", "NIANBAO_UI": "line"}, True, "line"),
        ({"TERM": "xterm"}, False, "plain"),
    ],
)
def test_front_end_is_chosen_from_the_terminal(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool, expected: str
) -> None:
    """The app on a real terminal, the line mode on TERM=dumb or NIANBAO_UI=line, plain without a terminal."""
    monkeypatch.delenv("NIANBAO_UI", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: tty)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    assert launch.choose_ui(None) == expected


def test_line_mode_when_the_app_cannot_start(
    monkeypatch: pytest.MonkeyPatch, drafts_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the full-screen app cannot be loaded, the interview continues in the line mode."""
    calls: list[Path] = []
    monkeypatch.setitem(sys.modules, "tui.app.app", None)

    def run_line(path: Path) -> int:
        calls.append(path)
        return 0

    monkeypatch.setattr(tui.line, "run", run_line)
    assert launch.interview(None, "app") == 0
    assert len(calls) == 1 and calls[0].parent == drafts_home
    assert "改用行模式" in capsys.readouterr().err
