"""Provides tests of the session every front end drives: grid edits as answers, undo, export, quit."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sections.interview.edits import CellEdit
from sections.interview.messages import Message
from sections.interview.session import NEEDS_APP, Session
from sections.store.drafts import Draft, load_draft

from .conftest import SAMPLES

C2_NEW = ("C2", "表三 行[一、本年新收政府信息公开申请数量] 列[自然人]")


def sample(tmp_path: Path, name: str = "county-bureau-2025.json") -> Path:
    """A copy of a sample draft to work on."""
    path = tmp_path / name
    path.write_bytes((SAMPLES / name).read_bytes())
    return path


def said(messages: Sequence[Message]) -> list[str]:
    """The kinds of what the session said."""
    return [m.kind for m in messages]


def test_a_grid_edit_is_said_checked_saved_and_kept_in_the_conversation(tmp_path: Path) -> None:
    """Typing −1 into table 三 is the clerk's line 「表格修改：…」, raises C2, and is on disk at once."""
    path = tmp_path / "d.json"
    session = Session(path, Draft())
    turn = session.edit([CellEdit("三", 0, 0, "-1")])
    assert turn.messages[0].kind == "edit"
    assert turn.messages[0].text == "表格修改：表三 一、本年新收政府信息公开申请数量 自然人 空 → -1"
    flags = [m.finding.key for m in turn.messages if m.kind == "flag" and m.finding]
    assert C2_NEW in flags
    draft = load_draft(path)
    assert draft.report.requests.rows["new"][0] == -1
    lines = [(e.role, e.text) for e in draft.interview.transcript]
    assert ("user", turn.messages[0].text) in lines
    flag = next(e for e in draft.interview.transcript if e.role == "flag" and e.rule == "C2")
    assert flag.severity == "error" and flag.where == C2_NEW[1]


def test_undo_takes_back_exactly_the_grid_edit_and_then_the_answer_before_it(tmp_path: Path) -> None:
    """After a chat answer and a grid edit, /undo restores the cell only; a second /undo the answer."""
    session = Session(tmp_path / "d.json", Draft())
    session.start()
    session.submit("白璧镇人民政府")
    assert session.report.meta.body == "白璧镇人民政府"
    session.edit([CellEdit("三", 0, 0, "6")])
    assert session.report.requests.rows["new"][0] == 6

    turn = session.submit("/undo")
    assert turn.messages[0].text == "已撤销表格修改：表三 一、本年新收政府信息公开申请数量 自然人 空 → 6。"
    assert session.report.requests.rows["new"][0] is None
    assert session.report.meta.body == "白璧镇人民政府"
    assert session.interview.current is not None and session.interview.current.id == "meta.level"

    turn = session.submit("/undo")
    assert turn.messages[0].text == "已撤销上一个回答。"
    assert session.report.meta.body is None


def test_an_edit_that_answers_the_open_question_moves_the_chat_on(tmp_path: Path) -> None:
    """Pasting the six cells of the row being asked answers it; the chat moves past that question."""
    path = sample(tmp_path)
    draft = load_draft(path)
    draft.report.requests.rows["carry_in"] = [None] * 7
    session = Session(path, draft)
    session.start()
    session.submit("无")  # the sample leaves 收费小数位数 open
    session.submit("是")  # and 「是否收到申请」, which blanking a row of 表三 reopens
    assert session.interview.current is not None and session.interview.current.id == "t3.carry_in"
    turn = session.edit([CellEdit("三", 1, c, "0") for c in range(6)])
    assert session.interview.current is None or session.interview.current.id != "t3.carry_in"
    assert turn.messages[-1].kind == "question" or turn.messages[-1].text.startswith("全部问题都已回答")
    assert session.report.requests.rows["carry_in"] == [0, 0, 0, 0, 0, 0, None]


def test_a_bad_cell_refuses_the_whole_paste_and_changes_nothing(tmp_path: Path) -> None:
    """A letter among pasted figures, or a typed 总计, is refused with its place; no figure is set."""
    path = tmp_path / "d.json"
    session = Session(path, Draft())
    turn = session.edit([CellEdit("三", 0, 0, "3"), CellEdit("三", 0, 1, "x")])
    assert said(turn.messages) == ["refusal"]
    assert turn.messages[0].text.startswith("表三 一、本年新收政府信息公开申请数量 商业企业：")
    assert session.report.requests.rows["new"][:2] == [None, None]
    assert not path.exists()
    turn = session.edit([CellEdit("三", 0, 6, "9")])
    assert turn.messages[0].text == "表三 一、本年新收政府信息公开申请数量 总计 是合计，由程序计算，不能填写。"
    assert session.submit("/undo").messages[0].text == "没有可以撤销的回答。"


def test_a_pasted_block_is_one_change_for_undo(tmp_path: Path) -> None:
    """Two rows pasted at once are said in one line and taken back by one /undo."""
    session = Session(tmp_path / "d.json", Draft())
    edits = [CellEdit("三", r, c, str(r + c)) for r in (0, 1) for c in range(6)]
    turn = session.edit(edits)
    assert said(turn.messages).count("edit") == 1 and turn.messages[0].text.count("；") == 11
    session.submit("/undo")
    assert session.report.requests.rows["new"] == [None] * 7
    assert session.report.requests.rows["carry_in"] == [None] * 7


def test_table_two_fee_and_single_figures_are_named_without_a_column(tmp_path: Path) -> None:
    """A fee typed in the grid is kept in 万元 as typed and named by its row alone."""
    session = Session(tmp_path / "d.json", Draft())
    turn = session.edit([CellEdit("二", 5, 0, "12.50")])
    assert turn.messages[0].text == "表格修改：表二 行政事业性收费（本年收费金额（单位：万元）） 空 → 12.50"
    assert str(session.report.disclosure.fee) == "12.50"


def test_the_table_command_opens_the_grid_only_where_there_is_one(tmp_path: Path) -> None:
    """/table 四 is the grid's action in the app; the line and plain modes say it needs the app."""
    app = Session(tmp_path / "a.json", Draft(), panes=True)
    turn = app.submit("/table 四")
    assert (turn.action, turn.table) == ("table", "四")
    assert said(app.submit("/table 五").messages) == ["refusal"]
    text = Session(tmp_path / "t.json", Draft())
    turn = text.submit("/table")
    assert turn.action is None and turn.messages[0].text == NEEDS_APP


def test_export_without_a_dialog_asks_first_when_errors_remain(tmp_path: Path) -> None:
    """/export with an open error asks 是/否: 否 writes nothing, 是 writes the text beside the draft."""
    path = sample(tmp_path, "baibi-2021.json")
    session = Session(path, load_draft(path))
    session.start()
    turn = session.submit("/export")
    assert session.confirming and "还有 1 个错误没有处理" in turn.messages[-1].text
    turn = session.submit("否")
    assert [m.text for m in turn.messages][0] == "未导出。" and not path.with_suffix(".txt").exists()
    assert turn.messages[-1].text.startswith(("继续回答：", "所有问题都已回答"))
    session.submit("/export")
    turn = session.submit("是")
    assert turn.messages[0].text == f"已导出：{path.with_suffix('.txt')}"
    assert "白璧镇人民政府2021年政府信息公开工作年度报告" in path.with_suffix(".txt").read_text(encoding="utf-8")
    assert not session.confirming


def test_preview_and_findings_are_said_in_words_without_panes(tmp_path: Path) -> None:
    """Without panes, /preview says the report and /findings the numbered list, then the open question."""
    path = sample(tmp_path, "baibi-2021.json")
    session = Session(path, load_draft(path))
    turn = session.submit("/preview")
    assert turn.action is None and turn.messages[0].kind == "preview"
    assert "三、收到和处理政府信息公开申请情况" in turn.messages[0].text
    turn = session.submit("/findings")
    assert turn.messages[0].kind == "findings" and turn.messages[0].text.startswith("1. 错误 C2")
    app = Session(tmp_path / "a.json", Draft(), panes=True)
    assert app.submit("/preview").action == "preview"


def test_quit_saves_the_conversation_and_says_where(tmp_path: Path) -> None:
    """/quit keeps the draft (conversation included) and tells the path; with no answer, no file."""
    path = tmp_path / "d.json"
    session = Session(path, Draft())
    assert session.submit("/quit").messages[-1].text == "还没有回答任何问题，没有保存草稿。再见。"
    assert not path.exists()
    session.submit("白璧镇人民政府")
    turn = session.submit("/quit")
    assert turn.action == "quit" and turn.messages[-1].text.startswith(f"草稿已保存在 {path}。")
    assert load_draft(path).interview.transcript[-1].role == "assistant"


def test_export_without_a_dialog_lists_the_unanswered_questions_first(tmp_path: Path) -> None:
    """/export of a half-answered draft names what is unanswered by section and asks 是/否 before writing."""
    path = sample(tmp_path)
    draft = load_draft(path)
    draft.report.disclosure.penalties = None
    session = Session(path, draft)
    session.start()
    turn = session.submit("/export")
    asked = turn.messages[-1].text
    assert session.confirming
    assert "还有 1 题没有回答" in asked and "二、主动公开政府信息情况：第二十条第（六）项 行政处罚" in asked
    assert asked.endswith("仍要导出吗？（是/否）")
    session.submit("否")
    assert not path.with_suffix(".txt").exists()
