"""Provides end-to-end tests of `nianbao check` on published reports and of `nianbao import`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from sections.model.report import Report
from tui.summary import Checked, Progress, summary

from .conftest import CORPUS, SAMPLES

TEXTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
HUAIAN = CORPUS / "huaian-2024.txt"


def nianbao(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def expected(path: Path) -> dict[str, object]:
    """The ground truth of a corpus report."""
    data: dict[str, object] = json.loads((CORPUS / f"{path.stem}.expected.json").read_text(encoding="utf-8"))
    return data


def test_check_many_reports_prints_findings_and_a_summary_table() -> None:
    """`nianbao check` on the corpus texts describes each report, then a table of body, year and counts."""
    result = nianbao("check", *TEXTS)
    assert result.returncode == 1, result.stderr
    table = result.stdout[result.stdout.rindex("\n文件") + 1 :]
    assert table.splitlines()[0].split() == ["文件", "机关", "年度", "错误", "提醒"]
    for path in TEXTS:
        assert str(path) in table
    assert "淮安市洪泽区人民政府  2024" in table
    assert "[错误] S1 一、总体情况" in result.stdout
    assert result.stderr == "", "no progress bar when stderr is not a terminal"


def test_check_json_lines_one_object_per_report_in_corpus_shape() -> None:
    """`--json` prints one line per report: file, report in the corpus shape, findings with six keys."""
    result = nianbao("check", "--json", *TEXTS, SAMPLES / "baibi-2021.json")
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["file"] for o in objects] == [*map(str, TEXTS), str(SAMPLES / "baibi-2021.json")]
    for path, obj in zip(TEXTS, objects, strict=False):
        truth = expected(path)
        assert set(obj) == {"file", "report", "findings"}
        for key in ("agency", "level", "year", "format"):
            assert obj["report"][key] == truth[key]
        for key, want in truth.get("table3", {}).items():  # type: ignore[attr-defined]
            got = obj["report"]["table3"][key]
            assert [g for g, w in zip(got, want, strict=True) if g is not None and g != w] == []
        for finding in obj["findings"]:
            assert set(finding) == {"rule", "severity", "section", "where", "message", "hint"}
            assert finding["severity"] in ("error", "warning", "info")
    assert result.returncode == 1


def test_import_then_export_gives_the_same_figures(tmp_path: Path) -> None:
    """`import` writes a draft; `export` of it, read back, has the published report's figures."""
    draft = tmp_path / "d.json"
    imported = nianbao("import", HUAIAN, "-o", draft)
    assert imported.returncode == 0, imported.stderr
    assert "已导入" in imported.stderr and draft.exists()
    exported = nianbao("export", draft, "-o", tmp_path / "d.txt")
    assert exported.returncode == 0, exported.stderr
    checked = nianbao("check", "--json", draft, tmp_path / "d.txt")
    truth = expected(HUAIAN)
    for line in checked.stdout.splitlines():
        report = json.loads(line)["report"]
        for key in ("agency", "level", "year", "table2", "table3", "table4"):
            assert report[key] == truth[key], key
    assert checked.returncode == 0


def test_imported_draft_opens_in_the_interview(tmp_path: Path) -> None:
    """The draft an import writes loads as a draft, with the body's name and year the interview shows."""
    from sections.interview.engine import Interview
    from sections.store.drafts import load_draft

    draft = tmp_path / "d.json"
    assert nianbao("import", CORPUS / "pingtan-2021.txt", "-o", draft).returncode == 0
    loaded = load_draft(draft)
    assert loaded.report.meta.title == "平潭综合实验区2021年政府信息公开工作年度报告"
    interview = Interview(loaded)
    interview.start()
    assert interview.current is not None, "the unread 行政规范性文件 figures are asked for"


def test_import_names_unread_figures_and_refuses_to_overwrite(tmp_path: Path) -> None:
    """An import lists the figures it could not read; a second import into the same draft needs --force."""
    draft = tmp_path / "d.json"
    first = nianbao("import", CORPUS / "pingtan-2021.txt", "-o", draft)
    assert "R1 表二 行政规范性文件" in first.stderr
    again = nianbao("import", HUAIAN, "-o", draft)
    assert again.returncode == 2 and "已存在" in again.stderr and again.stderr.count("\n") == 1
    assert json.loads(draft.read_text(encoding="utf-8"))["report"]["meta"]["year"] == 2021
    assert nianbao("import", HUAIAN, "-o", draft, "--force").returncode == 0


def test_unreadable_files_in_a_batch_get_one_line_each_and_exit_2(tmp_path: Path) -> None:
    """Empty, binary, random and foreign files: one line each on stderr, the rest still checked, exit 2."""
    files = {
        "empty.txt": b"",
        "binary.pdf": b"%PDF-1.4\n\x00\x01garbage",
        "random.docx": bytes(range(1, 200)),
        "novel.txt": "从前有座山。\n".encode() * 50,
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    result = nianbao("check", *(tmp_path / name for name in files), HUAIAN)
    assert result.returncode == 2
    assert result.stderr.count("\n") == len(files) and "Traceback" not in result.stderr
    assert "（无法读取）" in result.stdout and "淮安市人民政府" in result.stdout
    for name in files:
        assert str(tmp_path / name) in result.stderr


def test_progress_bar_only_on_a_terminal() -> None:
    """The bar is drawn in plain characters on a terminal and wiped before results print; elsewhere silent."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    bar = Progress(4, screen)
    bar.step(2, Path("huaian-2024.txt"))
    assert "[############............] 2/4 huaian-2024.txt" in screen.getvalue()
    bar.clear()
    assert screen.getvalue().endswith("\r")
    quiet = io.StringIO()
    Progress(4, quiet).step(2, Path("x.txt"))
    assert quiet.getvalue() == ""


def test_summary_table_aligns_chinese_names() -> None:
    """The summary table's columns line up with double-width characters, unreadable files marked."""
    report = Report()
    report.meta.body, report.meta.year = "白璧镇人民政府", 2021
    text = summary([Checked(Path("a.txt"), report), Checked(Path("bb.txt"), None)])
    lines = text.splitlines()
    assert lines[1].startswith("a.txt   白璧镇人民政府  2021")
    assert "（无法读取）" in lines[2] and lines[-1] == "共 2 个文件：0 个有错误，1 个无法读取。"


def test_huge_files_are_refused_in_one_line(tmp_path: Path) -> None:
    """A file far larger than any report or draft gets one line and exit 2, without being read."""
    for name in ("huge.txt", "huge.json", "huge.pdf"):
        path = tmp_path / name
        with path.open("wb") as handle:
            handle.truncate(70 * 1024 * 1024)
        result = nianbao("check", path)
        assert result.returncode == 2 and result.stderr.count("\n") == 1 and "太大" in result.stderr
