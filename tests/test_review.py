"""Provides the tests of `nianbao review` without the app: the desk's rows and filters, 审核意见, .xlsx, HTML, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sections.model.findings import Finding, Severity
from sections.model.units import FIGURES
from sections.output.opinion import opinion, opinion_path, save_opinion
from sections.output.review import Filter, Reviewed, cells, pointed_line, review_folder, shown
from tui.cli import main
from tui.review import read_beside

from .review_folder import SAMPLES, TODAY, reviewed

C2 = Finding(
    "C2",
    Severity.ERROR,
    "二",
    "表二 规章 本年废止件数",
    "表二 规章 本年废止件数 填报为 -1，不能为负数。",
    "件数只能是 0 或正数",
)
X3 = Finding(
    "X3",
    Severity.WARNING,
    "二",
    "表二 行政许可",
    "表二 行政许可 本年 300，上年 12，变化超过 5 倍",
    "请核对是否录入错误",
)


def by_file(items: list[Reviewed], name: str) -> Reviewed:
    """The reviewed file of this name."""
    return next(item for item in items if item.path.name == name)


def test_desk_rows_pair_last_year_and_keep_unreadable_files(tmp_path: Path) -> None:
    """Each report is a row with its counts and deadline; last year's report of the body gives the X5 share."""
    _, items = reviewed(tmp_path)
    assert [item.path.name for item in items] == [
        "baibi-2021.json",
        "county-bureau-2024.json",
        "county-bureau-2025.json",
        "notes.txt",
    ]
    bureau = by_file(items, "county-bureau-2025.json")
    row = cells(bureau)
    assert row[:3] == ("云溪县市场监督管理局", "县级以上政府部门", "2025")
    assert row[5] == "还有 21 天"  # 2026-01-31 from 2026-01-10
    assert bureau.last is not None and bureau.last.meta.year == 2024
    assert bureau.share is not None and row[6] == f"{bureau.share:.0%}"
    assert {"X1", "X5"} <= bureau.rules  # the cross-year rules ran against 2024
    assert cells(by_file(items, "baibi-2021.json"))[5] == "已过 1440 天"
    unreadable = by_file(items, "notes.txt")
    assert unreadable.report is None and "不像是年度报告" in unreadable.error


def test_filters_and_sorting(tmp_path: Path) -> None:
    """A unit's name, one rule and errors only narrow the rows; sorting by errors puts the most first."""
    _, items = reviewed(tmp_path)
    names = [item.path.name for item in shown(items, Filter(unit="白璧"))]
    assert names == ["baibi-2021.json"]
    assert [item.path.name for item in shown(items, Filter(rule="X5"))] == ["county-bureau-2025.json"]
    errors_only = [item.path.name for item in shown(items, Filter(errors_only=True))]
    assert "county-bureau-2024.json" not in errors_only and "notes.txt" in errors_only
    ordered = shown(items, Filter(), "错误", descending=True)
    counts = [item.count(Severity.ERROR) for item in ordered if item.report is not None]
    assert counts == sorted(counts, reverse=True) and ordered[-1].path.name == "notes.txt"  # unreadable last


def test_opinion_states_the_findings_in_plain_words(tmp_path: Path) -> None:
    """The 审核意见 names the report, lists errors then points to check (place once), the deadline and the date."""
    _, items = reviewed(tmp_path)
    bureau = by_file(items, "county-bureau-2025.json")
    item = Reviewed(bureau.path, bureau.report, (C2, X3), today=TODAY)
    text = opinion(item)
    assert text.splitlines()[:3] == [
        "关于《云溪县市场监督管理局2025年政府信息公开工作年度报告》的审核意见",
        "",
        "云溪县市场监督管理局：",
    ]
    assert (
        "一、须改正的错误（共 1 处）\n"
        "    1. 表二 规章 本年废止件数：填报为 -1，不能为负数。修改建议：件数只能是 0 或正数。" in text
    )
    assert "二、请核对或说明的事项（共 1 处）\n    1. 表二 行政许可：本年 300，上年 12，变化超过 5 倍。" in text
    assert "三、发布期限\n    本报告应于 2026年1月31日前公开发布（还有 21 天）。" in text
    assert text.rstrip().endswith("2026年1月10日")


def test_opinion_of_a_clean_report_and_of_an_unreadable_file(tmp_path: Path) -> None:
    """A report without errors or warnings is said to be fine; a file that cannot be read is asked for again."""
    _, items = reviewed(tmp_path)
    bureau = by_file(items, "county-bureau-2025.json")
    clean = opinion(Reviewed(bureau.path, bureau.report, (), today=TODAY))
    assert "经审核，报告未发现须改正的错误或须核对的事项。" in clean and "须改正的错误（" not in clean
    unreadable = opinion(by_file(items, "notes.txt"))
    assert "报送的文件 notes.txt 无法读取" in unreadable and "请重新报送可以打开的报告文件。" in unreadable


def test_opinion_is_saved_beside_the_reports_and_not_reviewed_again(tmp_path: Path) -> None:
    """The opinion goes to 审核意见/<body><year>年报告审核意见.txt; the next review does not read it as a report."""
    folder, items = reviewed(tmp_path)
    item = by_file(items, "baibi-2021.json")
    path, text = save_opinion(folder, item)
    assert path == folder / "审核意见" / "白璧镇人民政府2021年报告审核意见.txt"
    assert path.read_text(encoding="utf-8") == text and path == opinion_path(folder, item)
    assert [again.path for again in review_folder(folder, today=TODAY)] == [item.path for item in items]


def test_xlsx_has_a_row_per_unit_every_figure_and_rule_and_the_findings(tmp_path: Path) -> None:
    """--xlsx writes 审核表 (a row per file, a column per figure and per rule), 问题清单 and 与上年比较."""
    folder, items = reviewed(tmp_path)
    out = tmp_path / "审核表.xlsx"
    assert main(["review", str(folder), "--xlsx", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["审核表", "问题清单", "与上年比较"]
    rows = list(book["审核表"].values)
    header = list(rows[0])
    assert header[:6] == ["文件", "机关", "层级", "年度", "错误", "提醒"]
    assert [f.where for f in FIGURES] == header[9 : 9 + len(FIGURES)]
    assert "规则 X5" in header and "规则 C2" in header
    assert [row[0] for row in rows[1:]] == [item.path.name for item in items]
    bureau = next(row for row in rows[1:] if row[0] == "county-bureau-2025.json")
    assert bureau[header.index("表二 行政许可")] == 1236 and bureau[header.index("错误")] == 2
    assert bureau[header.index("规则 X5")] == 1
    findings = list(book["问题清单"].values)
    assert findings[0][:4] == ("文件", "机关", "年度", "规则")
    assert len(findings) - 1 == sum(len(item.findings) for item in items)
    changes = list(book["与上年比较"].values)
    assert ("云溪县市场监督管理局", 2025, "行政许可", 1000, 1236, "1000 → 1236（+236，+24%）") in changes


def test_html_is_one_file_with_the_table_and_the_charts(tmp_path: Path) -> None:
    """--html writes the table, the bars as CSS widths and the changes on last year; nothing from the network."""
    folder, items = reviewed(tmp_path)
    (folder / "baibi-2021.json").write_text(
        (folder / "baibi-2021.json").read_text(encoding="utf-8").replace("白璧镇人民政府", "白璧镇<b>人民政府"),
        encoding="utf-8",
    )
    out = tmp_path / "审核表.html"
    assert main(["review", str(folder), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<th>机关</th><th>层级</th><th>年度</th><th>错误</th>" in page
    assert "白璧镇&lt;b&gt;人民政府" in page and "白璧镇<b>人民政府" not in page  # names are text, not markup
    assert "各单位收到申请与办理结果" in page and 'style="width: ' in page
    assert "1000 → 1236（+236，+24%）" in page
    assert "http" not in page.replace('lang="zh-CN"', "") and "<script" not in page and "src=" not in page


def test_json_lines_as_check_prints_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one line per file (figures, findings, what the desk adds); exit 2 for the unreadable file."""
    folder, _ = reviewed(tmp_path)
    assert main(["review", str(folder), "--json"]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(line["file"]).name for line in lines][-1] == "notes.txt" and "error" in lines[-1]
    bureau = next(line for line in lines if line["file"].endswith("county-bureau-2025.json"))
    assert bureau["report"]["agency"] == "云溪县市场监督管理局"
    assert {"X1", "X5"} <= {f["rule"] for f in bureau["findings"]}
    assert bureau["review"]["repeated_share"] is not None


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--xlsx", "out.csv"], "--xlsx 的文件名应以 .xlsx 结尾"),
        (["--html", "out.txt"], "--html 的文件名应以 .html 或 .htm 结尾"),
        (["--xlsx", "exists.xlsx"], "文件已存在。如要覆盖，请加 --force。"),
    ],
)
def test_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], said: str) -> None:
    """A wrong output name or an existing file is refused with one Chinese line and exit 2; nothing is written."""
    folder, _ = reviewed(tmp_path)
    (tmp_path / "exists.xlsx").write_bytes(b"kept")
    arguments = [str(tmp_path / a) if "." in a else a for a in arguments]
    assert main(["review", str(folder), *arguments]) == 2
    assert said in capsys.readouterr().err
    assert (tmp_path / "exists.xlsx").read_bytes() == b"kept" and not (tmp_path / "out.csv").exists()


def test_folder_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing folder, or one without reports, is refused in one line (exit 2)."""
    assert main(["review", str(tmp_path / "nothing")]) == 2
    assert "不是文件夹" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["review", str(tmp_path / "empty"), "--json"]) == 2
    assert "文件夹里没有可以审核的报告" in capsys.readouterr().err


def test_region_made_by_merge_is_checked_against_its_units(tmp_path: Path) -> None:
    """A region draft's row says 相符 while it equals its units' sum, 1 处不符 naming the unit after one changes."""
    folder = tmp_path / "云溪县"
    folder.mkdir()
    unit = json.loads((SAMPLES / "county-bureau-2025.json").read_text(encoding="utf-8"))
    names = [f"云溪县第{n}局" for n in range(3)]
    for n, name in enumerate(names):
        unit["report"]["meta"]["body"] = name
        (folder / f"unit{n}.json").write_text(json.dumps(unit, ensure_ascii=False), encoding="utf-8")
    units = [str(folder / f"unit{n}.json") for n in range(3)]
    region = ["-o", str(folder / "region.json"), "--body", "云溪县人民政府", "--level", "县级政府"]
    assert main(["merge", *units, *region]) == 0
    item = by_file(review_folder(folder, today=TODAY), "region.json")
    assert item.units == tuple(names) and cells(item)[7] == "相符" and not item.unit_findings
    unit["report"]["disclosure"]["permits"] += 5
    (folder / "unit2.json").write_text(json.dumps(unit, ensure_ascii=False), encoding="utf-8")
    item = by_file(review_folder(folder, today=TODAY), "region.json")
    assert cells(item)[7] == "1 处不符"
    assert item.unit_findings[0].where == "表二 行政许可" and "云溪县第2局" in item.unit_findings[0].message
    (folder / "unit0.json").unlink()
    item = by_file(review_folder(folder, today=TODAY), "region.json")
    assert cells(item)[7] == "缺 1 个单位" and item.missing == ("云溪县第0局",) and not item.unit_findings


def test_previous_folder_gives_last_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With last year's reports in --previous-folder, the unit gets its X5 share and its cross-year findings."""
    folder, _ = reviewed(tmp_path)
    older = tmp_path / "去年"
    older.mkdir()
    (folder / "county-bureau-2024.json").rename(older / "county-bureau-2024.json")
    assert by_file(review_folder(folder, today=TODAY), "county-bureau-2025.json").last is None
    main(["review", str(folder), "--json", "--previous-folder", str(older)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(line["file"]).name for line in lines] == ["baibi-2021.json", "county-bureau-2025.json", "notes.txt"]
    bureau = lines[1]
    assert bureau["review"]["repeated_share"] is not None and "X5" in {f["rule"] for f in bureau["findings"]}


def test_read_beside_returns_the_folder_read_in_a_child_and_says_its_errors_here(tmp_path: Path) -> None:
    """The desk reads the folder while Textual loads; the result is the same, and a failure is raised as usual."""
    folder, items = reviewed(tmp_path)
    loaded: list[bool] = []
    beside = read_beside(lambda: review_folder(folder, today=TODAY), lambda: loaded.append(True))
    assert loaded == [True] and [cells(item) for item in beside] == [cells(item) for item in items]
    assert [item.findings for item in beside] == [item.findings for item in items]

    def broken() -> list[Reviewed]:
        raise ValueError("坏了")

    with pytest.raises(ValueError, match="坏了"):
        read_beside(broken, lambda: None)


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ("表二 规章 本年废止件数", "规章\t0\t-1\t0"),
        ("一、总体情况（二）依申请公开情况", "(二) 依申请公开情况"),
        ("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况"),
        ("发布期限", None),
    ],
)
def test_a_finding_points_at_its_line(where: str, line: str | None) -> None:
    """The desk marks the row, sub-heading or heading a finding's place names; a place no line names marks none."""
    text = "五、存在的主要问题及改进情况\n第二十条第（一）项\n规章\t0\t-1\t0\n(二) 依申请公开情况\n规章制度健全。"
    found = pointed_line(where, text)
    assert (text.splitlines()[found] if found is not None else None) == line
