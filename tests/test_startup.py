"""Provides tests of the command's start: its imports run with the garbage collector held, and it is given back."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.collector import held_collection
from tui.startup import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector as the test found it, whatever the test did to it."""
    enabled = gc.isenabled()
    yield
    gc.enable() if enabled else gc.disable()


@pytest.mark.usefixtures("collector")
def test_no_collection_while_held_and_what_was_made_is_frozen() -> None:
    """Inside, the collector does not run; after, it runs again and what was made inside is never scanned."""
    gc.enable()
    frozen = gc.get_freeze_count()
    with held_collection():
        assert not gc.isenabled()
        made = [[index] for index in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(made)


@pytest.mark.usefixtures("collector")
def test_a_collector_held_before_stays_held() -> None:
    """The app holds the collector until its first screen is drawn: an import inside does not give it back."""
    gc.disable()
    with held_collection():
        pass
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_command_runs_with_the_collector_back(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`nianbao check` through the entry point: the draft is checked as before, and a long run collects garbage."""
    gc.enable()
    monkeypatch.setattr(sys, "argv", ["nianbao", "check", str(ROOT / "sample_sessions" / "county-bureau-2025.json")])
    assert main() == 0
    assert "云溪县市场监督管理局" in capsys.readouterr().out
    assert gc.isenabled()
