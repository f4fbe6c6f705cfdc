"""Provides tests of the line mode, driven through prompt_toolkit's pipe input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from sections.interview.engine import Interview
from sections.store.drafts import Draft, load_draft, save_draft
from tui import plain
from tui.line import LineMode, SlashCompleter

SAMPLES = Path(__file__).resolve().parent.parent / "sample_sessions"
ESC_ENTER = "\x1b\r"
CLEAR_LINE = "\x15"
PREFACE, RULES, NORMATIVE = 9, 10, 11
"""How many 白璧镇 answers come before these questions."""


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend to run in a capable terminal unless a test says otherwise."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)


def draft_at(path: Path, count: int) -> Path:
    """Write a draft holding the first `count` answers of the 白璧镇 transcript."""
    reader = plain.Answers(
        io.StringIO((SAMPLES / "baibi-2021.answers.txt").read_text("utf-8")), interactive=False, out=io.StringIO()
    )
    interview = Interview(Draft(), save=lambda d: save_draft(path, d))
    interview.start()
    for _ in range(count):
        entry = reader.next()
        assert entry is not None
        interview.submit(entry.text)
    return path


def converse(draft: Path, keys: str) -> tuple[LineMode, str]:
    """Run the line mode over `draft` with `keys` typed, until the input ends (Ctrl+D)."""
    out = io.StringIO()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()
        mode = LineMode(draft, echo=PlainTextOutput(out))
        assert mode.run() == 0
    return mode, out.getvalue()


def toolbar_text(mode: LineMode) -> str:
    """Return the bottom toolbar as plain text."""
    return "".join(text for _, text, *_ in mode.toolbar())


def test_refused_answer_is_said_and_shown_in_the_toolbar(tmp_path: Path) -> None:
    """A letter for 规章 is refused inline and the toolbar keeps saying why; nothing is written."""
    draft = draft_at(tmp_path / "d.json", RULES)
    mode, out = converse(draft, "x\r")
    assert "✗ 未采用：没能看懂“x”" in out
    assert "未采用：没能看懂“x”" in toolbar_text(mode)
    assert load_draft(draft).report.disclosure.rules == [None, None, None]


def test_accepted_answer_clears_the_toolbar(tmp_path: Path) -> None:
    """After a refusal, the next accepted answer clears the reason and shows the save time."""
    mode, _ = converse(draft_at(tmp_path / "d.json", RULES), "x\r0 0 0\r")
    text = toolbar_text(mode)
    assert "未采用" not in text and "草稿已保存" in text


def test_finding_is_printed_inline_after_the_answer(tmp_path: Path) -> None:
    """A negative count is taken and flagged at once, 「⚠ 错误」 first, before the next question."""
    draft = draft_at(tmp_path / "d.json", RULES)
    mode, out = converse(draft, "0 -1 0\r")
    ack = out.index("已记录：规章")
    flag = out.index("⚠ 错误 C2")
    assert ack < flag < out.index("行政规范性文件：本年制发件数")
    assert "⚠ 错误 T2-RULES" in out
    assert out.index("输入 /goto 二 修改") > out.index("⚠ 错误 T2-RULES")
    assert "待处理 2 项" in toolbar_text(mode)
    assert load_draft(draft).report.disclosure.rules == [0, -1, 0]


def test_back_revisits_the_previous_question(tmp_path: Path) -> None:
    """/back asks 规章 again showing the current answer; Enter keeps it and moves on."""
    draft = draft_at(tmp_path / "d.json", NORMATIVE)
    _, out = converse(draft, "/back\r\r")
    assert "（当前：0 -1 0。直接回车保留）" in out
    assert "保留原来的回答" in out
    assert out.rindex("行政规范性文件") > out.index("保留原来的回答")
    assert load_draft(draft).report.disclosure.rules == [0, -1, 0]


def test_multi_line_answer_replaces_the_draft(tmp_path: Path) -> None:
    """The preface box holds the draft; clearing it, typing two lines and Esc Enter sends both."""
    draft = draft_at(tmp_path / "d.json", PREFACE)
    _, out = converse(draft, f"{CLEAR_LINE}第一段。\r第二段。{ESC_ENTER}")
    assert "输入框里是草稿" in out and "Esc 再 Enter 发送" in out
    assert load_draft(draft).report.meta.preface == "第一段。\n第二段。"


def test_draft_in_the_box_can_be_sent_as_it_is(tmp_path: Path) -> None:
    """Esc Enter on the prefilled box takes the drafted paragraph."""
    draft = draft_at(tmp_path / "d.json", PREFACE)
    question = Interview(load_draft(draft)).current
    assert question is not None and question.drafted is not None
    drafted = question.drafted(load_draft(draft).report)
    converse(draft, ESC_ENTER)
    assert load_draft(draft).report.meta.preface == drafted


def test_enter_in_an_empty_box_takes_the_draft(tmp_path: Path) -> None:
    """Clearing the box and pressing Enter sends it empty, which takes the draft (直接回车采用)."""
    draft = draft_at(tmp_path / "d.json", PREFACE)
    converse(draft, f"{CLEAR_LINE}\r")
    preface = load_draft(draft).report.meta.preface
    assert preface is not None and preface.startswith("本报告依据")


def test_dumb_terminal_prints_the_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On TERM=dumb the draft is printed in the conversation and a bare Enter accepts it."""
    monkeypatch.setenv("TERM", "dumb")
    draft = draft_at(tmp_path / "d.json", PREFACE)
    _, out = converse(draft, "\r")
    assert "草稿如下" in out and "直接回车采用草稿" in out
    preface = load_draft(draft).report.meta.preface
    assert preface is not None and preface.startswith("本报告依据")


def test_preview_prints_the_report_and_reminds_the_question(tmp_path: Path) -> None:
    """/preview prints the report with aligned tables, then the open question again."""
    _, out = converse(draft_at(tmp_path / "d.json", RULES), "/preview\r/quit\r")
    assert "二、主动公开政府信息情况" in out
    assert "继续回答：本机关没有规章制定权" in out
    assert "草稿已保存在" in out


def test_export_asks_first_when_errors_remain(tmp_path: Path) -> None:
    """/export with an error open asks first; 是 writes <draft>.txt beside the draft."""
    draft = draft_at(tmp_path / "d.json", NORMATIVE)
    _, out = converse(draft, "/export\r是\r")
    assert "还有 2 个错误没有处理" in out
    assert f"已导出：{draft.with_suffix('.txt')}" in out
    assert "白璧镇人民政府" in draft.with_suffix(".txt").read_text("utf-8")


def test_user_text_is_printed_without_escape_sequences(tmp_path: Path) -> None:
    """Pasted text with colour codes in it is recorded and echoed without them."""
    paste = "\x1b[200~\x1b[31m白璧镇\x1b[0m人民政府\x1b[201~"
    _, out = converse(tmp_path / "d.json", paste + "\r")
    assert "已记录：白璧镇人民政府。" in out and "\x1b" not in out


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("/go", ["goto "]),
        ("/", ["back", "goto ", "skip", "undo", "draft", "findings", "preview", "export", "help", "quit"]),
        ("/goto ", ["基本信息", "一", "二", "三", "四", "五", "六"]),
        ("/goto 三", ["三"]),
        ("白璧", []),
    ],
)
def test_completion_of_commands_and_sections(typed: str, offered: list[str]) -> None:
    """Tab offers slash commands, and section names after /goto; plain answers get nothing."""
    event = CompleteEvent(completion_requested=True)
    found = SlashCompleter().get_completions(Document(typed), event)
    assert [c.text for c in found] == offered


def test_findings_are_listed_with_their_severity(tmp_path: Path) -> None:
    """/findings lists open findings, each with its severity word, then recalls the question."""
    _, out = converse(draft_at(tmp_path / "d.json", NORMATIVE), "/findings\r")
    assert "问题清单：1. 错误 C2" in out
    assert "继续回答：行政规范性文件" in out


def test_command_from_a_narrative_box(tmp_path: Path) -> None:
    """Ctrl+C empties the prefilled box; /back then goes back with a plain Enter."""
    draft = draft_at(tmp_path / "d.json", PREFACE)
    _, out = converse(draft, "\x03/back\r")
    assert "已清空输入框" in out
    assert "（当前：4。直接回车保留）" in out
    assert load_draft(draft).report.meta.preface is None


def test_ctrl_c_on_a_one_line_question_leaves_the_next_question_whole(tmp_path: Path) -> None:
    """Ctrl+C on the fee-decimals question, then an answer: the preface is asked in words, its box holds the draft."""
    draft = draft_at(tmp_path / "d.json", PREFACE - 1)
    _, out = converse(draft, f"x\x034\r{ESC_ENTER}")
    assert "已清空输入框" in out
    after = out[out.index("已记录：收费金额保留 4 位小数") :]
    assert "报告开头的导语" in after and "输入框里是草稿" in after and "草稿已重新放进输入框" not in after
    preface = load_draft(draft).report.meta.preface
    assert preface is not None and preface.startswith("本报告依据")


def test_ctrl_c_in_a_narrative_box_asks_the_same_question_with_an_empty_box(tmp_path: Path) -> None:
    """Ctrl+C empties the preface's box; what is typed next is the whole answer."""
    draft = draft_at(tmp_path / "d.json", PREFACE)
    _, out = converse(draft, f"abc\x03新导语。{ESC_ENTER}")
    assert "已清空输入框（按 ↑ 可找回刚才的文字；/draft 可重新放入草稿" in out
    assert load_draft(draft).report.meta.preface == "新导语。"


@pytest.mark.parametrize("count", [3, PREFACE], ids=["one line", "narrative"])
def test_nul_or_ctrl_space_drops_no_typed_text(tmp_path: Path, count: int) -> None:
    """NUL (what Ctrl+Space sends) starts no selection: the characters typed after it are kept, in order."""
    draft = draft_at(tmp_path / "d.json", count)
    converse(draft, f"{CLEAR_LINE}党政\x00办\r" if count == 3 else f"{CLEAR_LINE}甲\x00乙\x00丙{ESC_ENTER}")
    meta = load_draft(draft).report.meta
    assert (meta.contact.department if count == 3 else meta.preface) == ("党政办" if count == 3 else "甲乙丙")
