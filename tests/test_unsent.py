"""Provides tests that text typed and not sent when quitting stays in the draft and is offered back on resume."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Button

from sections.interview.session import Session
from sections.store.drafts import load_draft, save_draft

from .app_helpers import SIZE, answer, chat, make_app
from .test_app_keys import county, editor, quit_with_typed_paragraph
from .test_line import ESC_ENTER, PREFACE, converse, draft_at

HALF = "今年我们重点做了三件事，第一件是"


def test_unsent_text_is_kept_by_quit_and_said_and_handed_back_on_resume(tmp_path: Path) -> None:
    """keep_unsent + quit writes the text into the draft; the next session says so and hands it back once."""
    path = county(tmp_path)
    session = Session(path, load_draft(path))
    session.start()
    session.keep_unsent({"s1.opening": HALF, "s5.text": "  "})
    session.quit()
    assert load_draft(path).interview.unsent == {"s1.opening": HALF}
    resumed = Session(path, load_draft(path))
    said = [m.text for m in resumed.start().messages]
    assert "上次退出时有 1 处文字没有发送，已留在草稿里：回到那一题时会放回输入框。" in said
    assert resumed.take_unsent() == {"s1.opening": HALF}
    assert resumed.take_unsent() == {}


def test_a_draft_written_before_unsent_text_was_kept_still_opens(tmp_path: Path) -> None:
    """A draft file without the field (every draft saved before) loads with nothing unsent."""
    path = county(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "unsent" not in data["interview"]
    assert load_draft(path).interview.unsent == {}


async def test_quitting_without_sending_keeps_the_paragraph_and_the_app_puts_it_back(tmp_path: Path) -> None:
    """不发送，退出 keeps the paragraph in the draft (not as the answer); reopened, /goto 一 puts it in the editor."""
    path = county(tmp_path)
    before = load_draft(path).report.overview.opening
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        typed, dialog = await quit_with_typed_paragraph(pilot)
        assert "不发送的文字会留在草稿里" in str(dialog.query_one("#unsent-kept").render())
        assert "不发送，退出" in [str(b.label) for b in dialog.query(Button)]
        await pilot.click("#discard")
        await pilot.pause()
    kept = load_draft(path)
    assert kept.report.overview.opening == before and kept.interview.unsent == {"s1.opening": typed}
    again = make_app(path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, "/goto 一")
        question = chat(again).interview.current
        assert question is not None and question.id == "s1.opening"
        assert editor(again).text == typed


def test_line_mode_puts_the_unsent_text_back_in_the_input_box(tmp_path: Path) -> None:
    """A preface left unsent in the app is in line mode's box when the preface is asked; sent as it is."""
    path = draft_at(tmp_path / "d.json", PREFACE)
    draft = load_draft(path)
    draft.interview.unsent = {"meta.preface": HALF}
    save_draft(path, draft)
    _, out = converse(path, ESC_ENTER)
    assert "（已放回这一题上次没有发送的文字）" in out
    saved = load_draft(path)
    assert saved.report.meta.preface == HALF and saved.interview.unsent == {}
