"""Provides tests of sentence answers in the interview: a table in one sentence, said back, undone in one step."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sections.interview.engine import Interview
from sections.store.drafts import Draft, load_draft, save_draft
from tui import plain

from .test_line import converse
from .test_plain import answers

ROOT = Path(__file__).resolve().parent.parent
TAOHUA = ROOT / "sample_sessions" / "taohua-2021-sentences.answers.txt"
FIXED = ROOT / "sample_sessions" / "taohua-2021.answers.txt"
"""The same report answered question by question, in the fixed syntax."""
TWO = "没有规章，规范性文件制发2件，没有废止，现行有效5件；许可5件，处罚7件，强制1件，没有收费"
THREE = "收到3件申请，都是个人申请的，2件予以公开，1件本机关不掌握，没有上年结转，也没有结转到明年"
FOUR = "复议1件，维持了；没有诉讼"


def replay(draft: Path, text: str) -> str:
    """Replay a transcript in plain mode; return what it printed, failing on a refused answer."""
    out = io.StringIO()
    status = plain.run(draft, stdin=io.StringIO(text), stdout=out, stderr=io.StringIO())
    assert status == 0, out.getvalue()[-600:]
    return out.getvalue()


def test_sentence_transcript_gives_the_draft_of_the_fixed_syntax(tmp_path: Path) -> None:
    """A township report answered in sentences (under 20 answers) is the report answered question by question."""
    text = TAOHUA.read_text(encoding="utf-8")
    assert all(sentence in text.splitlines() for sentence in (TWO, THREE, FOUR))
    said = replay(tmp_path / "sentences.json", text)
    replay(tmp_path / "fixed.json", FIXED.read_text(encoding="utf-8"))
    assert load_draft(tmp_path / "sentences.json").report == load_draft(tmp_path / "fixed.json").report
    assert "表三 （一）予以公开：自然人 2" in said and "表四 行政复议：结果维持 1" in said
    assert "已记录：承办科室 党政办；联系电话 0371-66668888；电子邮箱 taohua@example.com" in said
    assert len(answers(TAOHUA)) < 20 < len(answers(FIXED))


def _at_gate_of_three() -> Interview:
    interview = Interview(Draft())
    interview.start()
    lines = [line for line in TAOHUA.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    for line in lines[: lines.index(THREE)]:
        interview.submit(line)
    assert interview.current is not None and interview.current.id == "t3.any"
    return interview


def test_one_undo_takes_back_the_whole_sentence() -> None:
    """After a sentence fills table 三, /undo puts back the report and the question as they were."""
    interview = _at_gate_of_three()
    before = interview.report.model_copy(deep=True)
    turn = interview.submit(THREE)
    assert [m.kind for m in turn.messages][:1] == ["ack"]
    assert interview.report.requests.row("total") == [3, 0, 0, 0, 0, 0, 3]
    interview.submit("/undo")
    assert interview.report == before
    assert interview.current is not None and interview.current.id == "t3.any"


def test_a_partial_sentence_asks_only_for_the_rest() -> None:
    """Counts without their applicants are kept; the next question is the first figure still unknown."""
    interview = _at_gate_of_three()
    turn = interview.submit("收到3件，2件公开了，1件不掌握，没有上年结转")
    text = "\n".join(m.text for m in turn.messages)
    assert "本年新收政府信息公开申请数量 3 件分别是哪类申请人" in text
    assert interview.current is not None and interview.current.id == "t3.new"
    interview.submit("自然人3")
    assert interview.current is not None and interview.current.id == "t3.row.r_open"


def test_a_vague_sentence_is_refused_and_nothing_changes() -> None:
    """「收到十几件，大部分公开了」 is said back as not recorded; the question stays open."""
    interview = _at_gate_of_three()
    before = interview.report.model_copy(deep=True)
    turn = interview.submit("收到十几件，大部分公开了")
    assert [m.kind for m in turn.messages] == ["refusal"]
    assert "“十几”不是确切的数" in turn.messages[0].text and "“大部分”不是确切的数" in turn.messages[0].text
    assert interview.report == before
    assert interview.current is not None and interview.current.id == "t3.any"


def test_figures_that_do_not_add_up_are_not_taken() -> None:
    """Outcomes that overrun what was received are refused, saying the sums."""
    interview = _at_gate_of_three()
    turn = interview.submit("收到3件，都是个人申请的，2件公开，2件不掌握")
    assert [m.kind for m in turn.messages] == ["refusal"]
    assert "办理结果合计 4 件，多于收到的 3 件" in turn.messages[0].text
    assert interview.report.requests.applicants("new") == [None] * 6


def test_line_mode_takes_a_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typed in the line mode, the sentence fills table 三 and the rows recorded are echoed."""
    monkeypatch.setenv("TERM", "xterm-256color")
    draft = tmp_path / "d.json"
    interview = _at_gate_of_three()
    save_draft(draft, interview.draft)
    mode, out = converse(draft, THREE + "\r")
    assert "表三 （一）予以公开：自然人 2" in out
    assert load_draft(draft).report.requests.row("total") == [3, 0, 0, 0, 0, 0, 3]
    assert mode.interview.current is not None and mode.interview.current.id == "t4.any"


APPLICATIONS = "全年收到政府信息公开申请17件，其中予以公开15件，2件本机关不掌握，均已按时答复。"


def _at_applications_paragraph() -> Interview:
    """Tables 三 and 四 still open, the clerk writes 一 first and reaches （二）依申请公开."""
    interview = _at_gate_of_three()
    for line in ("/goto 一", "2021年，我镇政府信息公开工作平稳有序。", "", "主动公开政府信息120条。"):
        interview.submit(line)
    assert interview.current is not None and interview.current.id == "s1.sub.1"
    return interview


def test_the_narrative_offers_its_figures_for_the_open_table() -> None:
    """「收到申请17件」 in 一 is offered for table 三 (the 120 条 of 主动公开 is not); 是 records what it can place."""
    interview = _at_applications_paragraph()
    turn = interview.submit(APPLICATIONS)
    offers = [m.text for m in turn.messages if m.text.startswith("正文说")]
    assert offers and "本年新收政府信息公开申请数量 17 件" in offers[0] and "是否记入表三" in offers[0]
    assert "120" not in offers[0]
    assert turn.messages[-1].kind == "question"
    asked = interview.current and interview.current.id
    turn = interview.submit("是")
    assert "本年新收政府信息公开申请数量 17 件分别是哪类申请人" in turn.messages[0].text
    assert interview.current is not None and interview.current.id == asked
    table = interview.report.requests
    assert table.applicants("d_secret") == [0] * 6 and table.applicants("r_open") == [None] * 6
    interview.submit("/undo")
    assert table is not interview.report.requests and interview.report.requests.applicants("d_secret") == [None] * 6


def test_an_answer_instead_of_yes_declines_the_offer() -> None:
    """Answering the next question instead of 是/否 records nothing from the paragraph."""
    interview = _at_applications_paragraph()
    interview.submit(APPLICATIONS)
    interview.submit("落实保密审查。")
    assert interview.report.requests.applicants("d_secret") == [None] * 6
    assert interview.report.overview.subsections is not None
    assert interview.report.overview.subsections[2].text == "落实保密审查。"


def test_the_rules_default_never_replaces_typed_figures() -> None:
    """A sentence about table 二 fills 规章 0 0 0 for a township only while 规章 is unanswered."""
    interview = _at_gate_of_three()
    interview.submit("/goto 二")
    interview.submit("0 -1 0")
    interview.submit("许可6件")
    assert interview.report.disclosure.rules == [0, -1, 0]
    assert interview.report.disclosure.permits == 6
