"""Provides end-to-end tests of `nianbao check` and `nianbao export` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

BAIBI = SAMPLES / "baibi-2021.json"
COUNTY = SAMPLES / "county-bureau-2025.json"


def nianbao(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the real command in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "tui", *map(str, args)], capture_output=True, text=True, timeout=60)


def test_check_baibi_reports_c2_and_exits_1() -> None:
    """`nianbao check` on the 白璧镇 sample names C2 at 表二 规章 本年废止件数 and exits 1."""
    result = nianbao("check", BAIBI)
    assert result.returncode == 1
    assert "[错误] C2 表二 规章 本年废止件数" in result.stdout
    assert "二、主动公开政府信息情况" in result.stdout


def test_check_county_sample_exits_0() -> None:
    """The county-bureau sample has no error finding and exits 0."""
    result = nianbao("check", COUNTY)
    assert result.returncode == 0, result.stdout
    assert "0 个错误，0 个提醒" in result.stdout


def test_check_json_lines_in_corpus_shape() -> None:
    """`--json` prints one object per file with file, report (corpus shape) and findings."""
    result = nianbao("check", "--json", BAIBI, COUNTY)
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["file"] for o in objects] == [str(BAIBI), str(COUNTY)]
    expected = json.loads((Path(__file__).parent / "corpus" / "baibi-2021.expected.json").read_text())
    report = objects[0]["report"]
    for key in ("table2", "table3", "table4"):
        assert report[key] == expected[key], key
    assert {"rule": "C2", "where": "表二 规章 本年废止件数"}.items() <= objects[0]["findings"][0].items()
    assert set(objects[0]["findings"][0]) == {"rule", "severity", "section", "where", "message", "hint"}
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (None, "文件不存在"),
        (b'{"schema_version": 1, "report": {', "不是有效的 JSON"),
        (b"\xff\xfe\x00garbage", "不是 UTF-8"),
        (b"[1, 2, 3]", "不是 nianbao 草稿"),
        (b'{"schema_version": 1, "report": {"requests": {"rows": {"new": [1, 2]}}}}', "个数不够"),
        (b'{"schema_version": 99, "report": {}}', "高于本程序支持"),
    ],
)
def test_unreadable_input_gets_one_line_and_exit_2(tmp_path: Path, content: bytes | None, cause: str) -> None:
    """A missing, truncated, non-JSON, wrongly shaped or newer draft: one line naming file and cause, exit 2."""
    path = tmp_path / "draft.json"
    if content is not None:
        path.write_bytes(content)
    for command in (("check", path), ("export", path)):
        result = nianbao(*command)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and str(path) in result.stderr and cause in result.stderr
        assert "Traceback" not in result.stderr
    if content is not None:
        assert path.read_bytes() == content


def test_export_writes_file_and_refuses_overwrite(tmp_path: Path) -> None:
    """`export -o` writes the report; a second export refuses to overwrite unless --force."""
    out = tmp_path / "out.txt"
    assert nianbao("export", BAIBI, "-o", out).returncode == 0
    first = out.read_text(encoding="utf-8")
    assert first.startswith("白璧镇人民政府2021年政府信息公开工作年度报告")
    refused = nianbao("export", COUNTY, "-o", out)
    assert refused.returncode == 2 and "已存在" in refused.stderr
    assert out.read_text(encoding="utf-8") == first
    assert nianbao("export", COUNTY, "-o", out, "--force").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("云溪县市场监督管理局")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_export_grid_and_markdown_to_stdout() -> None:
    """Without -o the report is printed; --layout grid and --format md change the tables."""
    grid = nianbao("export", COUNTY, "--layout", "grid").stdout
    assert "\t" not in grid and "一、本年新收政府信息公开申请数量" in grid
    markdown = nianbao("export", COUNTY, "--format", "md").stdout
    assert markdown.startswith("# 云溪县市场监督管理局2025年政府信息公开工作年度报告")


def _incomplete(tmp_path: Path) -> Path:
    """The county sample with 行政许可, 结转下年度 and 五 left unanswered."""
    from sections.store.drafts import load_draft, save_draft

    draft = load_draft(COUNTY)
    draft.report.disclosure.permits = None
    draft.report.requests.rows["carry_out"] = [None] * 7
    draft.report.improvements.text = None
    path = tmp_path / "incomplete.json"
    save_draft(path, draft)
    return path


UNANSWERED = (
    "还有 3 题没有回答",
    "  二、主动公开政府信息情况：第二十条第（五）项 行政许可\n",
    "  三、收到和处理政府信息公开申请情况：四、结转下年度继续办理的申请数量\n",
    "  五、存在的主要问题及改进情况：五、存在的主要问题及改进情况\n",
)


def test_export_of_an_incomplete_draft_lists_what_is_unanswered_and_writes_nothing(tmp_path: Path) -> None:
    """Unanswered questions are listed on stderr by section as the interview asks them; exit 1, no file."""
    draft = _incomplete(tmp_path)
    out = tmp_path / "out.txt"
    refused = nianbao("export", draft, "-o", out)
    assert refused.returncode == 1
    assert all(line in refused.stderr for line in UNANSWERED), refused.stderr
    assert "加 --force 照样导出" in refused.stderr
    assert not out.exists()
    printed = nianbao("export", draft)
    assert printed.returncode == 1 and printed.stdout == ""


def test_export_force_writes_an_incomplete_draft_still_listing_the_gaps(tmp_path: Path) -> None:
    """--force writes the report and exits 0, after the same list on stderr."""
    draft = _incomplete(tmp_path)
    out = tmp_path / "out.txt"
    forced = nianbao("export", draft, "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert all(line in forced.stderr for line in UNANSWERED)
    assert out.read_text(encoding="utf-8").startswith("云溪县市场监督管理局2025年")
