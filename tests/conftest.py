"""Provides shared fixtures: sample drafts, and a drafts folder that is never the real home directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from sections.model.report import Report
from sections.store.drafts import Draft, load_draft

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_sessions"
CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(autouse=True)
def drafts_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own drafts folder; nothing touches the real home directory."""
    home = tmp_path / "nianbao-home"
    monkeypatch.setenv("NIANBAO_HOME", str(home))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return home


@pytest.fixture
def baibi() -> Report:
    """The 白璧镇 2021 report as published, as a draft."""
    return load_draft(SAMPLES / "baibi-2021.json").report


@pytest.fixture
def county() -> Report:
    """A consistent 2025 report of a county bureau."""
    return load_draft(SAMPLES / "county-bureau-2025.json").report


@pytest.fixture
def empty_draft() -> Draft:
    """A new, empty draft."""
    return Draft()
