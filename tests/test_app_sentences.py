"""Provides the Pilot test of a sentence answer in the app: table 三 in one sentence, shown, undone."""

from __future__ import annotations

from pathlib import Path

from tui.app.chat import Bubble, Transcript

from .app_helpers import SAMPLES, SIZE, answer, answer_all, chat, make_app

TAOHUA = SAMPLES / "taohua-2021-sentences.answers.txt"
THREE = "收到3件申请，都是个人申请的，2件予以公开，1件本机关不掌握，没有上年结转，也没有结转到明年"


async def test_a_sentence_at_the_gate_of_three_completes_it_and_one_undo_takes_it_back(tmp_path: Path) -> None:
    """The sentence fills table 三, the chat shows each recorded row, and /undo restores the state before it."""
    lines = [line for line in TAOHUA.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    app = make_app(tmp_path / "taohua.json")
    async with app.run_test(size=SIZE) as pilot:
        await answer_all(pilot, lines[: lines.index(THREE)])
        interview = chat(app).interview
        assert interview.current is not None and interview.current.id == "t3.any"
        before = interview.report.model_copy(deep=True)

        await answer(pilot, THREE)
        assert interview.progress()["三"][0] == interview.progress()["三"][1]
        assert interview.current is not None and interview.current.id == "t4.any"
        shown = "\n".join(str(b.render()) for b in chat(app).query_one(Transcript).query(Bubble))
        for row in (
            "一、本年新收政府信息公开申请数量：自然人 3",
            "（一）予以公开：自然人 2",
            "本机关不掌握相关政府信息：自然人 1",
        ):
            assert row in shown

        await answer(pilot, "/undo")
        assert interview.report == before
        assert interview.current is not None and interview.current.id == "t3.any"
