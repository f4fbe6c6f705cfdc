"""Provides tests of the plain mode: transcripts replayed through `nianbao`, bad ones stopped."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from sections.store.drafts import Draft, load_draft
from tui import plain

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_sessions"
BAIBI = SAMPLES / "baibi-2021.answers.txt"


def nianbao(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    """Run the real command with `stdin` as its standard input (not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input=stdin,
        text=True,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def play(draft: Path, text: str) -> tuple[int, str, str]:
    """Run the plain mode in-process over `draft` with `text` as the transcript."""
    out, err = io.StringIO(), io.StringIO()
    status = plain.run(draft, stdin=io.StringIO(text), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def answers(path: Path) -> list[str]:
    """Return the answers a transcript gives, as the plain mode reads them."""
    reader = plain.Answers(io.StringIO(path.read_text(encoding="utf-8")), interactive=False, out=io.StringIO())
    found = []
    while (entry := reader.next()) is not None:
        found.append(entry.text)
    return found


def baibi_lines(until: int) -> str:
    """Return the first `until` lines of the 白璧镇 transcript."""
    return "".join(BAIBI.read_text(encoding="utf-8").splitlines(keepends=True)[:until])


@pytest.mark.parametrize("name", ["baibi-2021", "county-bureau-2025"])
def test_transcript_replayed_through_the_command_reproduces_the_sample(name: str, tmp_path: Path) -> None:
    """`nianbao new --draft OUT --ui plain < FILE` writes the sample's report and exits 0."""
    out = tmp_path / f"{name}.json"
    transcript = (SAMPLES / f"{name}.answers.txt").read_text(encoding="utf-8")
    done = nianbao("new", "--draft", str(out), "--ui", "plain", stdin=transcript)
    assert done.returncode == 0, done.stderr
    assert load_draft(out).report == load_draft(SAMPLES / f"{name}.json").report
    assert "\x1b" not in done.stdout
    assert "全部问题都已回答" in done.stdout


def test_baibi_transcript_is_short() -> None:
    """The 白璧镇 transcript (no applications, no cases) needs no more than 30 answers."""
    assert len(answers(BAIBI)) <= 30
    assert len(answers(SAMPLES / "county-bureau-2025.answers.txt")) <= 45


def test_output_says_who_speaks(tmp_path: Path) -> None:
    """Every line says who speaks: 助手, 你 (the answer read), ⚠ 错误 for a flag."""
    status, out, _ = play(tmp_path / "d.json", BAIBI.read_text(encoding="utf-8"))
    assert status == 0
    assert "你：白璧镇人民政府" in out
    assert "助手：已记录：白璧镇人民政府。" in out
    assert "⚠ 错误 C2" in out
    assert "—— 二、主动公开政府信息情况 ——" in out


def test_letter_where_a_number_is_due_stops_with_line_and_question(tmp_path: Path) -> None:
    """A letter for 行政许可 stops the run: stderr names line 17 and the question; answers kept."""
    lines = BAIBI.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[16] == "5\n"
    lines[16] = "abc\n"
    draft = tmp_path / "d.json"
    status, out, err = play(draft, "".join(lines))
    assert status == 1
    assert "第 17 行" in err and "abc" in err
    assert "t2.permits" in err and "行政许可" in err
    assert "没能看懂“abc”" in err
    report = load_draft(draft).report
    assert report.meta.body == "白璧镇人民政府"
    assert report.disclosure.rules == [0, -1, 0]
    assert report.disclosure.normative == [0, 0, 0]
    assert report.disclosure.permits is None


def test_letter_through_the_command_exits_1(tmp_path: Path) -> None:
    """Through the real command, a refused answer exits 1 and the message goes to stderr."""
    draft = tmp_path / "d.json"
    done = nianbao("new", "--draft", str(draft), "--ui", "plain", stdin="白璧镇人民政府\n1\n二〇二一年\n")
    assert done.returncode == 1
    assert "第 3 行" in done.stderr and "meta.year" in done.stderr
    assert load_draft(draft).report.meta.level == "乡镇街道"


def test_truncated_transcript_names_the_open_question(tmp_path: Path) -> None:
    """A transcript that ends early exits 1 naming the open question; every answer is on disk."""
    draft = tmp_path / "d.json"
    status, _, err = play(draft, baibi_lines(12))
    assert status == 1
    assert "meta.preface" in err and "第 12 行" in err
    report = load_draft(draft).report
    assert report.meta.fee_decimals == 4
    assert report.meta.preface is None


def test_resuming_a_truncated_draft_finishes_it(tmp_path: Path) -> None:
    """Running the rest of the transcript over the same draft completes it like the sample."""
    draft = tmp_path / "d.json"
    lines = BAIBI.read_text(encoding="utf-8").splitlines(keepends=True)
    assert play(draft, "".join(lines[:12]))[0] == 1
    status, out, _ = play(draft, "".join(lines[12:]))
    assert status == 0
    assert "欢迎回来" in out
    assert load_draft(draft).report == load_draft(SAMPLES / "baibi-2021.json").report


def test_unclosed_block_is_reported(tmp_path: Path) -> None:
    """A block opened with \"\"\" and never closed is named by its first line."""
    status, _, err = play(tmp_path / "d.json", '白璧镇人民政府\n"""\n第一行\n')
    assert status == 1
    assert "从第 2 行开始的多行回答" in err and "meta.level" in err


def test_block_keeps_lines_and_blank_lines(tmp_path: Path) -> None:
    """A \"\"\" block gives one answer of several lines, blank lines kept."""
    head = baibi_lines(12)
    draft = tmp_path / "d.json"
    status, _, _ = play(draft, head + '"""\n第一段。\n\n第二段。\n"""\n/quit\n')
    assert status == 0
    assert load_draft(draft).report.meta.preface == "第一段。\n\n第二段。"


def test_quit_exits_0_and_keeps_the_draft(tmp_path: Path) -> None:
    """/quit stops with status 0 and says where the draft is."""
    draft = tmp_path / "d.json"
    status, out, _ = play(draft, "白璧镇人民政府\n/quit\n")
    assert status == 0
    assert f"草稿已保存在 {draft}" in out
    assert load_draft(draft).report.meta.body == "白璧镇人民政府"


def test_nothing_answered_creates_no_draft(tmp_path: Path) -> None:
    """Empty input exits 1 and leaves no draft behind."""
    draft = tmp_path / "d.json"
    status, _, err = play(draft, "")
    assert status == 1
    assert "meta.body" in err and not draft.exists()


def test_comments_and_escapes(tmp_path: Path) -> None:
    """`#` lines are skipped; escape sequences typed in an answer never reach the screen."""
    draft = tmp_path / "d.json"
    status, out, _ = play(draft, "# 机关全称\n\x1b[31m白璧镇人民政府\x1b[0m\n/quit\n")
    assert status == 0
    assert "\x1b" not in out
    assert load_draft(draft).report.meta.body == "白璧镇人民政府"


def test_commands_in_a_transcript(tmp_path: Path) -> None:
    """/back, /preview and /export (confirmed with 是 while errors remain) work from a file."""
    draft = tmp_path / "d.json"
    text = BAIBI.read_text(encoding="utf-8") + "/back\n\n/preview\n/export\n是\n"
    status, out, _ = play(draft, text)
    assert status == 0
    assert "保留原来的回答" in out
    assert "白璧镇人民政府2021年政府信息公开工作年度报告" in out.replace(" ", "")
    assert "还有 2 个错误没有处理" in out
    exported = draft.with_suffix(".txt")
    assert f"已导出：{exported}" in out
    assert "白璧镇人民政府" in exported.read_text(encoding="utf-8")


def test_export_declined(tmp_path: Path) -> None:
    """Answering 否 to the export question writes nothing."""
    draft = tmp_path / "d.json"
    status, out, _ = play(draft, BAIBI.read_text(encoding="utf-8") + "/export\n否\n")
    assert status == 0
    assert "未导出" in out and not draft.with_suffix(".txt").exists()


def test_empty_draft_is_a_new_one(tmp_path: Path) -> None:
    """The transcript fills a new draft file when the path does not exist yet."""
    draft = tmp_path / "sub" / "new.json"
    status, _, _ = play(draft, "白璧镇人民政府\n/quit\n")
    assert status == 0
    assert isinstance(load_draft(draft), Draft)


class Typed(io.StringIO):
    """Answers typed at a terminal."""

    def isatty(self) -> bool:
        """Say this is a terminal."""
        return True


def test_typing_at_a_terminal_asks_again_after_a_refusal(tmp_path: Path) -> None:
    """By hand, a refused answer is explained and asked again; the run goes on."""
    draft = tmp_path / "d.json"
    out, err = io.StringIO(), io.StringIO()
    status = plain.run(draft, stdin=Typed("白璧镇人民政府\n1\nabc\n2021\n/quit\n"), stdout=out, stderr=err)
    assert status == 0 and err.getvalue() == ""
    assert "✗ 未采用：没能看懂“abc”" in out.getvalue()
    assert "› " in out.getvalue()
    assert load_draft(draft).report.meta.year == 2021


def test_ctrl_d_at_a_terminal_is_quit(tmp_path: Path) -> None:
    """By hand, ending the input (Ctrl+D) leaves like /quit: status 0, the draft saved."""
    draft = tmp_path / "d.json"
    out = io.StringIO()
    status = plain.run(draft, stdin=Typed("白璧镇人民政府\n"), stdout=out, stderr=io.StringIO())
    assert status == 0
    assert f"草稿已保存在 {draft}" in out.getvalue()


def test_plain_mode_loads_no_ui_library() -> None:
    """The plain mode starts without prompt_toolkit, Textual or Rich being imported."""
    code = (
        "import sys, tui.plain; print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'prompt_toolkit', 'textual', 'rich'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "[]"
