"""Provides tests of issue 16 as a hostile user meets it: closed pipes, broken files, restore, encodings."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.events import Paste
from textual.widgets import Input, TextArea

from sections.interview.engine import Interview
from sections.store.drafts import load_draft, save_draft
from sections.store.workspace import open_draft
from tui import plain
from tui.app.answer import AnswerBox
from tui.app.paste import PasteParser
from tui.cli import main

from .app_helpers import SIZE, chat, make_app
from .conftest import SAMPLES

BAIBI = SAMPLES / "baibi-2021.json"
COUNTY = SAMPLES / "county-bureau-2025.json"


def _closed_pipe(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the real command with a standard output whose reader has already gone away."""
    read, write = os.pipe()
    os.close(read)
    try:
        command = [sys.executable, "-m", "tui", *map(str, args)]
        return subprocess.run(command, stdout=write, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ("check", BAIBI, COUNTY),
        ("check", "--json", BAIBI, COUNTY),
        ("export", COUNTY),
        ("export", COUNTY, "--format", "md"),
        ("--help",),
    ],
)
def test_a_closed_pipe_ends_quietly(args: tuple[str | Path, ...]) -> None:
    """`nianbao check … | head -1` ends with no traceback and the status a shell gives a closed pipe."""
    result = _closed_pipe(*args)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert result.stderr == ""
    assert result.returncode in (0, 141) if args == ("--help",) else result.returncode == 141


def test_check_json_gives_a_line_for_an_unreadable_file(tmp_path: Path) -> None:
    """`check --json` prints one line per file, in order; an unreadable one says why, and the status is 2."""
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"schema_version": 1, "report": {')
    missing = tmp_path / "missing.json"
    command = [sys.executable, "-m", "tui", "check", "--json", str(BAIBI), str(broken), str(missing), str(COUNTY)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(BAIBI), str(broken), str(missing), str(COUNTY)]
    assert "不是有效的 JSON" in lines[1]["error"]["message"] and "report" not in lines[1]
    assert "文件不存在" in lines[2]["error"]["message"]
    assert "findings" in lines[0] and "error" not in lines[3]


def test_new_onto_an_existing_draft_is_refused(tmp_path: Path) -> None:
    """`nianbao new --draft EXISTING.json` says how to continue it, exits 2 and leaves the draft as it was."""
    draft = tmp_path / "my draft.json"
    draft.write_bytes(BAIBI.read_bytes())
    command = [sys.executable, "-m", "tui", "new", "--draft", str(draft), "--ui", "plain"]
    result = subprocess.run(command, input="白璧镇人民政府\n", capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == f"nianbao: 文件已存在：继续这个草稿请用 nianbao --draft '{draft}'\n"
    assert draft.read_bytes() == BAIBI.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my draft.json"]
    forced = subprocess.run([*command, "--force"], input="", capture_output=True, text=True, timeout=60)
    assert "文件已存在" not in forced.stderr and "Traceback" not in forced.stderr


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` with its content, but the empty lock file any session leaves behind."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith(".lock")}


def _damaged_with_backup(folder: Path) -> Path:
    """A draft cut short, with a good `.bak` beside it."""
    draft = folder / "d.json"
    save_draft(draft, load_draft(COUNTY))
    save_draft(draft, load_draft(COUNTY))
    draft.write_bytes(draft.read_bytes()[:100])
    return draft


def test_restore_refuses_while_a_session_holds_the_draft(tmp_path: Path) -> None:
    """`nianbao restore D` while D is open elsewhere says so, exits 2 and leaves every file as it was."""
    draft = _damaged_with_backup(tmp_path)
    holder = "import sys, time; from pathlib import Path; from sections.store.lock import DraftLock\n"
    holder += "DraftLock(Path(sys.argv[1])).acquire(); print('ready', flush=True); time.sleep(60)"
    session = subprocess.Popen([sys.executable, "-c", holder, str(draft)], stdout=subprocess.PIPE, text=True)
    try:
        assert session.stdout is not None and session.stdout.readline() == "ready\n"
        before = _files(tmp_path)
        result = subprocess.run(
            [sys.executable, "-m", "tui", "restore", str(draft)], capture_output=True, text=True, timeout=60
        )
    finally:
        session.kill()
        session.wait()
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "正在另一个窗口中编辑" in result.stderr
    assert _files(tmp_path) == before


@pytest.mark.parametrize("case", ["healthy", "directory", "no backup", "bad backup", "immutable"])
def test_restore_failures_leave_every_file_as_it_was(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every refused or failed restore is one Chinese line and exit 2; no file is renamed, copied or changed."""
    draft = _damaged_with_backup(tmp_path)
    backup = tmp_path / "d.json.bak"
    expected = {
        "healthy": "草稿完好",
        "directory": "文件夹",
        "no backup": "文件不存在",
        "bad backup": "不是有效的 JSON",
        "immutable": "无法恢复",
    }[case]
    if case == "healthy":
        draft.write_bytes(COUNTY.read_bytes())
    elif case == "directory":
        draft.unlink()
        draft.mkdir()
    elif case == "no backup":
        backup.unlink()
    elif case == "bad backup":
        backup.write_bytes(b"{")
    else:

        def refuse(src: object, dst: object) -> None:
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr(os, "replace", refuse)
    before = _files(tmp_path)
    assert main(["restore", str(draft)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("nianbao: ") and expected in err
    assert _files(tmp_path) == before


def test_restore_puts_the_backup_back_and_keeps_the_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged draft is replaced by its backup; the damaged file is kept beside it and named."""
    draft = _damaged_with_backup(tmp_path)
    damaged = draft.read_bytes()
    assert main(["restore", str(draft)]) == 0
    assert draft.read_bytes() == (tmp_path / "d.json.bak").read_bytes()
    kept = list(tmp_path.glob("d.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged and kept[0].name in capsys.readouterr().err


@pytest.mark.parametrize(
    ("disclosure", "requests", "said"),
    [
        ({"permits": {"a": 1}}, None, '表二 行政许可：“{"a": 1}”应为整数'),
        ({"permits": {}}, None, "表二 行政许可：“{}”应为整数"),
        ({"permits": [1], "penalties": {"int": 5}}, None, '表二 行政处罚：“{"int": 5}”应为整数'),
        (None, [[3], 0, 0, 0, 0, 1, 4], "表三 一、本年新收政府信息公开申请数量 列[自然人]：“[3]”应为整数"),
    ],
)
def test_a_wrong_typed_value_in_a_union_or_list_is_emptied_and_asked_again(
    tmp_path: Path, disclosure: dict[str, object] | None, requests: list[object] | None, said: str
) -> None:
    """A dict or list where a figure belongs is emptied, named with what was there, and asked again."""
    report = json.loads(COUNTY.read_text(encoding="utf-8"))
    if disclosure is not None:
        report["report"]["disclosure"].update(disclosure)
    if requests is not None:
        report["report"]["requests"]["rows"]["new"] = requests
    path = tmp_path / "d.json"
    path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    damaged = path.read_bytes()
    interview = Interview(open_draft(path), lambda d: save_draft(path, d))
    notice = next(m.text for m in interview.start().messages if m.kind == "error")
    assert said in notice and "错误太多" not in notice
    kept = list(tmp_path.glob("d.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    unanswered = [q.id for q in interview.plan() if not interview.is_answered(q)]
    if disclosure is not None:
        assert interview.report.disclosure.permits is None and "t2.permits" in unanswered
    else:
        assert interview.report.requests.rows["new"] == [None, 0, 0, 0, 0, 1, 4]
        assert "t3.new" in unanswered


def _replay(draft: Path, transcript: bytes) -> subprocess.CompletedProcess[bytes]:
    """Replay a transcript file through the real command in plain mode."""
    command = [sys.executable, "-m", "tui", "new", "--draft", str(draft), "--ui", "plain"]
    return subprocess.run(command, input=transcript, capture_output=True, timeout=120, env=_utf8_env())


def _utf8_env() -> dict[str, str]:
    """The environment with Python's output in UTF-8, so the test reads what the user would see."""
    return {**os.environ, "PYTHONIOENCODING": "utf-8"}


@pytest.mark.parametrize(("encoding", "note"), [("utf-8", False), ("utf-8-sig", False), ("gb18030", True)])
def test_a_transcript_saved_as_utf8_bom_or_ansi_replays(tmp_path: Path, encoding: str, note: bool) -> None:
    """A transcript saved by Notepad as UTF-8, UTF-8 with BOM or ANSI (GB18030) replays; ANSI is said on stderr."""
    text = (SAMPLES / "baibi-2021.answers.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    draft = tmp_path / "d.json"
    result = _replay(draft, text.encode(encoding))
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert ("按 GB18030" in err) is note
    assert load_draft(draft).report.model_dump() == load_draft(BAIBI).report.model_dump()


@pytest.mark.parametrize(
    ("transcript", "said"),
    [
        (b"ok\n\xff\xfe\xfd\n", "第 2 行既不是 UTF-8 也不是 GB18030"),
        ("白璧镇人民政府\n1\n".encode() + "二〇二一年\n".encode("gb18030"), "第 3 行不是 UTF-8 文本"),
    ],
)
def test_a_transcript_in_no_known_encoding_is_refused_at_its_line(tmp_path: Path, transcript: bytes, said: str) -> None:
    """A transcript that is neither UTF-8 nor GB18030 is refused, naming the line, with exit 2."""
    result = _replay(tmp_path / "d.json", transcript)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and said in err and "Traceback" not in err


def test_replaying_answers_onto_a_complete_draft_is_refused(tmp_path: Path) -> None:
    """`nianbao --draft DONE.json --ui plain < answers.txt` says how to continue it, exits 2, changes nothing."""
    draft = tmp_path / "done.json"
    draft.write_bytes(BAIBI.read_bytes())
    answers = (SAMPLES / "baibi-2021.answers.txt").read_bytes()
    command = [sys.executable, "-m", "tui", "--draft", str(draft), "--ui", "plain"]
    result = subprocess.run(command, input=answers, capture_output=True, timeout=120, env=_utf8_env())
    assert result.returncode == 2
    assert f"nianbao: 文件已存在：继续这个草稿请用 nianbao --draft {draft}" in result.stderr.decode("utf-8")
    assert draft.read_bytes() == BAIBI.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file() and not p.name.endswith(".lock")) == ["done.json"]
    goto = subprocess.run(command, input="/goto 三\n/quit\n".encode(), capture_output=True, timeout=120)
    assert goto.returncode == 0, goto.stderr.decode("utf-8")


def test_missing_folders_are_made_only_when_a_file_is_written(tmp_path: Path) -> None:
    """`--draft a/b/x.json` with nothing answered, a refused export or import to a/b/…: no folder is left behind."""
    draft = tmp_path / "a" / "b" / "x.json"
    command = [sys.executable, "-m", "tui", "--draft", str(draft), "--ui", "plain"]
    result = subprocess.run(command, input=b"", capture_output=True, timeout=120, env=_utf8_env())
    assert result.returncode == 1 and "草稿未创建" in result.stderr.decode("utf-8")
    unanswered = tmp_path / "unanswered.json"
    unanswered.write_bytes(_draft_with_gaps())
    assert main(["export", str(unanswered), "-o", str(tmp_path / "c" / "d" / "out.txt")]) == 1
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf")
    assert main(["import", str(tmp_path / "bad.pdf"), "-o", str(tmp_path / "e" / "f" / "d.json")]) == 2
    assert not any((tmp_path / folder).exists() for folder in ("a", "c", "e"))
    result = subprocess.run(
        command, input="白璧镇人民政府\n".encode(), capture_output=True, timeout=120, env=_utf8_env()
    )
    assert load_draft(draft).report.meta.body == "白璧镇人民政府"


def _draft_with_gaps() -> bytes:
    """The 白璧镇 draft with section 五 unanswered."""
    data = json.loads(BAIBI.read_text(encoding="utf-8"))
    data["report"]["improvements"] = {}
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


PASTED = "白璧\x1b[31m镇\x1b[0m人民\x1b政府\x07\x00"
"""A name copied from a terminal: colours, a stray ESC, a bell and a NUL around the characters."""


async def test_a_paste_holding_escapes_keeps_its_order_and_drops_control_bytes(tmp_path: Path) -> None:
    """A bracketed paste with ESC inside arrives as one paste, in order; the answer box keeps only the text."""
    events = list(PasteParser().feed(f"\x1b[200~{PASTED}\x1b[201~"))
    assert [(type(e), getattr(e, "text", None)) for e in events] == [(Paste, "白璧镇人民政府")]
    app = make_app(tmp_path / "d.json")
    async with app.run_test(size=SIZE) as pilot:
        box = chat(app).query_one(AnswerBox)
        line = box.query_one(Input)
        app.post_message(Paste(PASTED))  # as a driver delivers it: to the app, which hands it to the focus
        await pilot.pause()
        assert line.value == "白璧镇人民政府"
        line.value = ""
        app.post_message(Paste(f"第一段{PASTED}\r\n\u202e第二段\x1b]52;c;aGk=\x07"))
        await pilot.pause()
        assert box.mode == "text" and box.value == "第一段白璧镇人民政府\n第二段"
        assert box.query_one(TextArea).has_focus
        app.post_message(Paste("\x1b[1m补充\x00"))
        await pilot.pause()
        assert box.value == "第一段白璧镇人民政府\n第二段补充"


def _plain(draft: Path, transcript: str) -> str:
    """Run the plain mode in-process over `draft`; what it printed."""
    out, err = io.StringIO(), io.StringIO()
    plain.run(draft, stdin=io.StringIO(transcript), stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_a_draft_that_needed_cleaning_says_so_once_and_is_rewritten_with_the_next_answer(tmp_path: Path) -> None:
    """Opening and quitting leaves the file as it was; the next answer writes it clean, and no notice follows."""
    data = json.loads(BAIBI.read_text(encoding="utf-8"))
    data["report"]["meta"]["body"] = "白璧镇\x1b[2J人民政府\u202e"
    data["report"]["meta"]["contact"]["phone"] = "0372-2628532\x00\x08"
    draft = tmp_path / "d.json"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = draft.read_bytes()
    said = _plain(draft, "/quit\n")
    assert (
        "基本信息 机关名称：删去了 终端控制序列、U+202E" in said and "基本信息 联系电话：删去了 U+0000、U+0008" in said
    )
    assert "\x1b" not in said and draft.read_bytes() == before
    said = _plain(draft, "/goto 基本信息\n白璧镇人民政府\n/quit\n")
    assert said.count("已删去") == 1
    meta = json.loads(draft.read_text(encoding="utf-8"))["report"]["meta"]
    assert (meta["body"], meta["contact"]["phone"]) == ("白璧镇人民政府", "0372-2628532")
    assert "已删去" not in _plain(draft, "/quit\n")
