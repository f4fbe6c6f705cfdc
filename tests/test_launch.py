"""Provides tests of how `nianbao` picks its front end and its draft."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import tui.line
from sections.store.workspace import list_drafts
from tui import launch

SAMPLES = Path(__file__).resolve().parents[1] / "sample_sessions"


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


@pytest.mark.parametrize(("version", "term", "expected"), [(10, None, "app"), (6, None, "line"), (10, "dumb", "line")])
def test_windows_without_term_gets_the_app(
    monkeypatch: pytest.MonkeyPatch, version: int, term: str | None, expected: str
) -> None:
    """On Windows 10 and 11, which set no TERM, conhost or Windows Terminal gets the app; Windows 7/8 the line mode."""
    monkeypatch.delenv("NIANBAO_UI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    if term is not None:
        monkeypatch.setenv("TERM", term)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "getwindowsversion", lambda: type("V", (), {"major": version})(), raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
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


def test_a_draft_opened_elsewhere_is_listed_next_time(monkeypatch: pytest.MonkeyPatch, drafts_home: Path) -> None:
    """`nianbao --draft 别处/报告.json` puts that draft on the list the start screen and resume use, while it exists."""
    elsewhere = drafts_home.parent / "单位共享盘" / "报告.json"
    elsewhere.parent.mkdir()
    shutil.copy(SAMPLES / "baibi-2021.json", elsewhere)
    monkeypatch.setattr(tui.line, "run", lambda path: 0)
    assert launch.interview(elsewhere.with_name("没有保存.json"), "line") == 0
    assert not drafts_home.exists()  # a draft never written is not remembered, and no folder is made for it
    assert launch.interview(elsewhere, "line") == 0
    assert list_drafts(drafts_home) == [elsewhere.resolve()]
    elsewhere.unlink()
    assert list_drafts(drafts_home) == []
