"""Provides the app tests' helpers: the 白璧镇 answers, a fixed day and clock, typing answers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.events import Paste
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui.app.answer import AnswerBox
from tui.app.app import NianbaoApp
from tui.app.screens import InterviewScreen

from .fixtures.baibi_answers import ANSWERS as BAIBI

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_sessions"
TODAY = date(2025, 11, 28)
"""A fixed day, so the D1 deadline finding reads the same in every run."""
SIZE = (120, 40)


def clock() -> datetime:
    """A fixed time for the title bar's 草稿已保存 HH:MM."""
    return datetime(2025, 11, 28, 23, 41)


ANSWERS = BAIBI
"""The 白璧镇 2021 interview in 27 answers; replayed, it gives sample_sessions/baibi-2021.json."""


def make_app(draft: Path | None, folder: Path | None = None, *, new: bool = False) -> NianbaoApp:
    """The app over a draft (or a folder of drafts), with a fixed day and clock."""
    folder = folder or (draft.parent if draft else Path("."))
    return NianbaoApp(draft, folder, new=new, today=TODAY, clock=clock)


def chat(app: NianbaoApp) -> InterviewScreen:
    """The interview screen, which must be on top."""
    screen = app.screen
    assert isinstance(screen, InterviewScreen), screen
    return screen


async def answer(pilot: Pilot[None], text: str) -> None:
    """Type an answer and send it (Pilot.press drops CJK punctuation, so the value is set).

    A multi-line answer to a one-line question is pasted, which opens the multi-line editor.
    """
    box = chat(pilot.app).query_one(AnswerBox)  # type: ignore[arg-type]
    if box.mode == "line" and "\n" in text:
        box.query_one(Input).post_message(Paste(text))
        await pilot.pause()
    if box.mode == "text":
        box.query_one(TextArea).text = text
        await pilot.press("ctrl+s")
    else:
        box.query_one(Input).value = text
        await pilot.press("enter")
    await pilot.pause()


async def answer_all(pilot: Pilot[None], answers: list[str]) -> None:
    """Send several answers in turn."""
    for text in answers:
        await answer(pilot, text)
