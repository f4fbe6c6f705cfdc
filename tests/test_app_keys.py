"""Provides Pilot tests of typing and keys: typed text is never lost, the chat follows, 80×24 works."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytest import MonkeyPatch
from rich.cells import cell_len
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Button, Input

from sections.store.drafts import load_draft
from tui.app.answer import AnswerBox
from tui.app.app import NianbaoApp
from tui.app.chat import Bubble, ChoiceBubble, NewMessages, Transcript
from tui.app.dialogs import FindingsScreen, UnsentDialog
from tui.app.editor import NarrativeEditor
from tui.app.screens import InterviewScreen
from tui.app.widgets import KeyBar, Preview

from .app_helpers import ANSWERS, SAMPLES, SIZE, answer, answer_all, chat, make_app

SMALL = (80, 24)
TYPED = "本年度我局重点做好市场监管领域信息公开"
"""Typed key by key in the tests (Pilot.press takes CJK characters, not CJK punctuation)."""


def county(tmp_path: Path) -> Path:
    """The county bureau's finished draft, copied where the test may write."""
    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county-bureau-2025.json", path)
    return path


def editor(app: NianbaoApp) -> NarrativeEditor:
    """The multi-line editor of the answer box."""
    found = chat(app).query_one(AnswerBox).editor
    assert found is not None
    return found


async def open_opening_paragraph(pilot: Pilot[None]) -> str:
    """Go to 一's opening paragraph and type a sentence in place of what the editor holds; the sentence."""
    await answer(pilot, "/goto 一")
    question = chat(pilot.app).interview.current  # type: ignore[arg-type]
    assert question is not None and question.kind == "narrative"
    await pilot.press("ctrl+a", *TYPED)
    assert editor(pilot.app).text == TYPED  # type: ignore[arg-type]
    return TYPED


async def quit_with_typed_paragraph(pilot: Pilot[None]) -> tuple[str, UnsentDialog]:
    """Type into 一's opening paragraph, press Ctrl+Q: the sentence typed and the dialog that asks."""
    typed = await open_opening_paragraph(pilot)
    await pilot.press("ctrl+q")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, UnsentDialog)
    return typed, dialog


async def test_typed_paragraph_survives_help_preview_findings_and_palette(tmp_path: Path) -> None:
    """A paragraph typed in the editor is still there after F1, Ctrl+R, Ctrl+F + Esc and Ctrl+P + Esc."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        typed = await open_opening_paragraph(pilot)

        await pilot.press("f1")
        assert chat(app).query(".-help")
        assert editor(app).text == typed

        await pilot.press("ctrl+r")
        assert chat(app).query_one(Preview).display
        assert editor(app).text == typed
        await pilot.press("ctrl+r")

        await pilot.press("ctrl+f")
        assert isinstance(app.screen, FindingsScreen)
        await pilot.press("escape")
        assert editor(app).text == typed

        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert editor(app).text == typed
        assert app.focused is editor(app), "the cursor is back in the editor"


async def test_a_typed_line_survives_help_preview_and_findings(tmp_path: Path) -> None:
    """A figure typed in the one-line answer is still there after F1, Ctrl+R and Ctrl+F + Esc."""
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        await answer_all(pilot, ANSWERS[:2])
        await pilot.press(*"2021")
        line = chat(app).query_one(AnswerBox).query_one(Input)
        for keys in (["f1"], ["ctrl+r"], ["ctrl+r"], ["ctrl+f", "escape"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert line.value == "2021", keys
        await pilot.press("enter")
        assert chat(app).report.meta.year == 2021


async def test_undo_in_the_editor_goes_back_to_the_draft(tmp_path: Path) -> None:
    """Ctrl+Z undoes the typing back to the paragraph shown (even after F1); Ctrl+Y redoes it."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "/goto 一")
        shown = editor(app).text
        assert shown, "the answer as it stands is in the editor"
        typed = await open_opening_paragraph(pilot)
        await pilot.press("f1")
        for _ in typed:
            await pilot.press("ctrl+z")
            if editor(app).text == shown:
                break
        assert editor(app).text == shown
        await pilot.press("ctrl+y")
        assert editor(app).text != shown


async def test_text_typed_for_a_question_left_is_put_back_on_return(tmp_path: Path) -> None:
    """Jumping away from a half-written paragraph keeps it; coming back puts it in the editor again."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        typed = await open_opening_paragraph(pilot)
        question = chat(app).interview.current
        assert question is not None
        app.action_goto("三")
        await pilot.pause()
        assert question.id in chat(app).unsent
        app.action_goto(question.id)
        await pilot.pause()
        assert editor(app).text == typed
        assert not chat(app).unsent


async def test_draft_command_puts_the_drafted_paragraph_in_the_editor(tmp_path: Path) -> None:
    """/draft on an answered paragraph puts the drafted one in the editor, ready to send or edit."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "/goto 一")
        question = chat(app).interview.current
        assert question is not None and question.drafted is not None
        drafted = question.drafted(chat(app).report)
        assert editor(app).text != drafted, "the answer as it stands is shown first"
        await answer(pilot, "/draft")
        assert editor(app).text == drafted


async def test_quit_with_unsent_text_asks_and_stays_on_cancel(tmp_path: Path) -> None:
    """Ctrl+Q with a typed paragraph asks first; 返回编辑 (Esc) keeps the text and the app running."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        typed, dialog = await quit_with_typed_paragraph(pilot)
        assert typed in str(dialog.query_one("#unsent-texts").render())
        assert [str(b.label) for b in dialog.query(Button)] == ["发送后退出", "不发送，退出", "返回编辑"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert editor(app).text == typed
        assert app.is_running


async def test_quit_asks_once_however_often_it_is_pressed(tmp_path: Path) -> None:
    """Ctrl+Q pressed again while the question is open does not stack a second one."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_opening_paragraph(pilot)
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
        assert [type(s) for s in app.screen_stack].count(UnsentDialog) == 1


async def test_quit_and_send_keeps_the_paragraph_in_the_draft(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    """Choosing 发送后退出 takes the paragraph as the answer, saves it, and leaves saying where the draft is."""
    path = county(tmp_path)
    app = make_app(path)
    said: list[object] = []
    leave = app.exit

    def exit_saying(result: None = None, return_code: int = 0, message: object = None) -> None:
        said.append(message)
        leave(result, return_code)

    monkeypatch.setattr(app, "exit", exit_saying)
    async with app.run_test(size=SIZE) as pilot:
        typed, _ = await quit_with_typed_paragraph(pilot)
        await pilot.press("enter")
        await pilot.pause()
    assert not app.is_running
    assert load_draft(path).report.overview.opening == typed
    assert len(said) == 1 and f"草稿已保存在 {path}" in str(said[0])


async def test_quit_without_sending_leaves_the_draft_as_it_was(tmp_path: Path) -> None:
    """Choosing 不发送，退出 (also from /quit) leaves; the draft keeps its earlier answer."""
    path = county(tmp_path)
    before = load_draft(path).report.overview.opening
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_opening_paragraph(pilot)
        app.action_goto("三")  # the paragraph is kept aside, unsent
        await pilot.pause()
        await answer(pilot, "/quit")
        dialog = app.screen
        assert isinstance(dialog, UnsentDialog)
        assert [str(b.label) for b in dialog.query(Button)] == ["不发送，退出", "返回编辑"]
        await pilot.click("#discard")
        await pilot.pause()
    assert not app.is_running
    assert load_draft(path).report.overview.opening == before


async def test_quit_with_nothing_typed_does_not_ask(tmp_path: Path) -> None:
    """Ctrl+Q with the editor as it was shown leaves at once."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "/goto 一")
        await pilot.press("f1", "ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_a_refused_answer_stays_in_the_line_to_correct(tmp_path: Path) -> None:
    """A refused figure stays in the answer line, selected, so it can be retyped or corrected."""
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        await answer_all(pilot, ANSWERS[:2])
        await answer(pilot, "1999")
        line = chat(app).query_one(AnswerBox).query_one(Input)
        question = chat(app).interview.current
        assert question is not None and question.id == "meta.year"
        assert any(b.has_class("-refusal") for b in chat(app).query(Bubble))
        assert line.value == "1999" and line.selected_text == "1999"


async def test_the_chat_follows_unless_reading_back(tmp_path: Path) -> None:
    """PageUp scrolls back; an answer then shows 「有新消息」 without moving; End follows again."""
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SMALL) as pilot:
        await answer_all(pilot, ANSWERS[:8])
        transcript = chat(app).query_one(Transcript)
        marker = chat(app).query_one(NewMessages)
        assert not transcript.reading_back and not marker.display

        await pilot.press("pageup")
        await pilot.pause()
        assert transcript.reading_back
        held = transcript.scroll_y
        await answer(pilot, ANSWERS[8])
        assert transcript.scroll_y == held, "reading back, the view stays where it is"
        assert marker.display and "有" in str(marker.render()) and "新消息" in str(marker.render())

        await pilot.press("end")  # the answer line is empty: End goes on to the conversation
        await pilot.pause()
        assert not transcript.reading_back and not marker.display
        await answer(pilot, ANSWERS[9])
        await pilot.pause()
        assert not transcript.reading_back, "following again"


async def test_pagedown_and_clicking_the_marker_come_back(tmp_path: Path) -> None:
    """PageDown back to the bottom, or a click on 「有新消息」, brings the newest message back."""
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SMALL) as pilot:
        await answer_all(pilot, ANSWERS[:8])
        transcript = chat(app).query_one(Transcript)
        await pilot.press("pageup", "pageup")
        await answer(pilot, ANSWERS[8])
        await pilot.click("#new-messages")
        await pilot.pause()
        assert not transcript.reading_back and not chat(app).query_one(NewMessages).display
        await pilot.press("pageup")
        for _ in range(5):
            await pilot.press("pagedown")
        await pilot.pause()
        assert not transcript.reading_back


async def test_the_preview_scrolls_by_keyboard(tmp_path: Path) -> None:
    """With the preview open, Shift+Tab moves to it and PageDown, End scroll it; Esc is back to typing."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        preview = chat(app).query_one(Preview)
        await pilot.press("shift+tab")
        assert preview.has_focus
        await pilot.press("pagedown")
        await pilot.pause()
        assert preview.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert preview.scroll_y == preview.max_scroll_y > 0
        await pilot.press("escape")
        assert isinstance(app.focused, Input)


async def test_clicking_a_key_in_the_footer_presses_it(tmp_path: Path) -> None:
    """Clicking 「预览」 in the keys at the bottom opens the preview, as Ctrl+R does."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        keys = chat(app).query_one(KeyBar)
        text = str(keys.render())
        await pilot.click(KeyBar, offset=(cell_len(text[: text.index("预览")]), 0))
        await pilot.pause()
        assert chat(app).query_one(Preview).display


async def test_f1_lists_the_editors_keys(tmp_path: Path) -> None:
    """F1 says in Chinese how to send, start a new line, select all, undo, scroll and quit."""
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        helps = [str(b.render()) for b in chat(app).query(Bubble) if b.has_class("-help")]
        said = helps[-1]
        for wanted in ("Ctrl+S", "F2", "换行", "Ctrl+A 全选", "Ctrl+Z 撤销", "PgUp/PgDn", "End", "Ctrl+Q 退出"):
            assert wanted in said


async def test_outcome_list_is_usable_at_80_by_24(tmp_path: Path) -> None:
    """At 80×24 the 21 outcomes scroll in a box under the question; question and keys stay in view."""
    app = make_app(county(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await answer(pilot, "/goto 三")
        while (question := chat(app).interview.current) is not None and question.id != "t3.outcomes":
            await answer(pilot, "")
        await pilot.pause()
        screen = chat(app)
        bubble = screen.query(ChoiceBubble).last()
        transcript = screen.query_one(Transcript)
        head = bubble.query_one(".choices-head")
        assert "办理结果有哪些情形" in str(head.render())
        assert transcript.region.contains_region(head.region), "the question is in view"
        assert transcript.region.contains_region(bubble.list.region), "so is the box of choices"
        keys = screen.query_one(KeyBar)
        assert keys.region.y == SMALL[1] - 1 and str(keys.render()).rstrip().endswith("退出")

        choices = bubble.list
        assert choices.max_scroll_y > 0, "21 outcomes do not fit: the box scrolls"
        for _ in range(choices.max_scroll_y):
            await pilot.press("down")
        await pilot.pause()
        assert choices.scroll_y == choices.max_scroll_y
        assert transcript.region.contains_region(head.region), "scrolling the list leaves the question in view"

        await answer(pilot, "1 2")
        question = chat(app).interview.current
        assert question is not None and question.id != "t3.outcomes"
