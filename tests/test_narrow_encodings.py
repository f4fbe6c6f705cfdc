"""Provides tests that every command survives a GBK or ASCII console or redirect, as Windows often gives."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sections.store.drafts import load_draft
from tui import streams

from .conftest import CORPUS, SAMPLES

ROOT = Path(__file__).resolve().parent.parent
BAIBI = SAMPLES / "baibi-2021.json"
COUNTY = SAMPLES / "county-bureau-2025.json"
ENCODINGS = ["gbk", "ascii"]


def nianbao(encoding: str, *args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the real command with its standard streams in `encoding`."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)], input=stdin, capture_output=True, env=env, timeout=120, cwd=ROOT
    )


def said(result: subprocess.CompletedProcess[bytes], encoding: str) -> tuple[str, str]:
    """Stdout and stderr, which must be valid in the stream's encoding and hold no traceback."""
    out, err = result.stdout.decode(encoding), result.stderr.decode(encoding)
    assert "Traceback" not in err and "UnicodeEncodeError" not in err, err
    return out, err


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_check_prints_findings_and_summary(encoding: str) -> None:
    """`nianbao check` on both samples: the findings and the summary table, exit 1 for 白璧镇's error."""
    result = nianbao(encoding, "check", BAIBI, COUNTY)
    out, _ = said(result, encoding)
    assert result.returncode == 1 and "C2" in out
    if encoding == "gbk":
        assert "[错误] C2 表二 规章 本年废止件数" in out and "→ " in out and "共 2 个文件：1 个有错误" in out


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_check_json_keeps_every_character(encoding: str) -> None:
    """`check --json` stays exact JSON: characters the stream lacks are escaped, not replaced."""
    result = nianbao(encoding, "check", "--json", BAIBI)
    out, _ = said(result, encoding)
    utf8 = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--json", str(BAIBI)], capture_output=True, cwd=ROOT, timeout=120
    )
    assert json.loads(out) == json.loads(utf8.stdout.decode("utf-8"))
    assert result.returncode == 1


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_export_to_standard_output_and_to_a_file(encoding: str, tmp_path: Path) -> None:
    """`export -o -` writes the report's bytes (UTF-8 unless --encoding); `-o 报告.docx` says where it wrote."""
    printed = nianbao(encoding, "export", COUNTY, "-o", "-")
    assert printed.returncode == 0 and printed.stdout.decode("utf-8").startswith("云溪县市场监督管理局")
    gb = nianbao(encoding, "export", COUNTY, "--encoding", "gb18030")
    assert gb.returncode == 0 and gb.stdout.decode("gb18030").startswith("云溪县市场监督管理局")
    out = tmp_path / "年度报告.docx"
    written = nianbao(encoding, "export", COUNTY, "-o", out)
    _, err = said(written, encoding)
    assert written.returncode == 0 and out.exists() and err.count("\n") == 1
    refused = nianbao(encoding, "export", COUNTY, "-o", tmp_path / "年度报告.pdf")
    _, err = said(refused, encoding)
    assert refused.returncode == 2 and err.count("\n") == 1 and ".docx" in err


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_import_of_a_published_report(encoding: str, tmp_path: Path) -> None:
    """`nianbao import` of a published report writes the draft and says what it read."""
    draft = tmp_path / "导入.json"
    result = nianbao(encoding, "import", CORPUS / "baibi-2021.txt", "-o", draft)
    _, err = said(result, encoding)
    assert result.returncode == 0 and load_draft(draft).report.meta.body == "白璧镇人民政府"
    assert "baibi-2021.txt" in err


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_plain_replay_of_the_baibi_transcript(encoding: str, tmp_path: Path) -> None:
    """The plain mode replays the 白璧镇 answers to the end; its ⚠ ✓ ※ lines come out as look-alikes."""
    draft = tmp_path / "白璧镇.json"
    transcript = (SAMPLES / "baibi-2021.answers.txt").read_bytes()
    result = nianbao(encoding, "new", "--draft", draft, "--ui", "plain", stdin=transcript)
    out, err = said(result, encoding)
    assert result.returncode == 0, err
    assert load_draft(draft).report.model_dump() == load_draft(BAIBI).report.model_dump()
    if encoding == "gbk":
        assert "\n! 错误 C2（表二 规章 本年废止件数）" in out and "\n※ 提示 D1" in out


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_help_and_usage_errors(encoding: str) -> None:
    """`--help` (exit 0) and a wrong command line (exit 2) print in any encoding."""
    helped = nianbao(encoding, "export", "--help")
    out, _ = said(helped, encoding)
    assert helped.returncode == 0 and "-o FILE" in out
    wrong = nianbao(encoding, "frob")
    _, err = said(wrong, encoding)
    assert wrong.returncode == 2 and "frob" in err


@pytest.mark.parametrize(
    ("encoding", "text", "written"),
    [
        ("gbk", "⚠ 错误", "! 错误"),
        ("gbk", "✓ 已解决；✗ 未采用；※ 提示 → 下一步…", "√ 已解决；× 未采用；※ 提示 → 下一步…"),
        ("ascii", "✓ ✗ ⚠ → … “a” —", 'v x ! -> ... "a" --'),
        ("ascii", "（一）12，3。", "(?)12,3."),
        ("gbk", "生僻字𠀀与€", "生僻字?与?"),
        ("utf-8", "⚠ ✓ 𠀀", "⚠ ✓ 𠀀"),
    ],
)
def test_a_narrow_stream_gets_lookalikes(encoding: str, text: str, written: str) -> None:
    """Each symbol the stream lacks becomes its nicest look-alike the stream has, else its plain form, else 「?」."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding)
    streams.survive(stream)
    stream.write(text)
    stream.flush()
    assert raw.getvalue().decode(encoding) == written
    assert streams.encodes(stream, text) == (text == written)
