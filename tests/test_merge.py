"""Provides tests of `nianbao merge` and `nianbao check --units` (U1): a region summed from its units."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

import pytest

from sections.interview.engine import Interview
from sections.model.report import Report
from sections.model.tables import THREE
from sections.model.units import ENTERED, FIGURES
from sections.output.drafting import draft_theme
from sections.rules.units import check_units
from sections.store.drafts import Draft, load_draft, save_draft
from sections.store.merge import merge
from tui.cli import main

from .generated_reports import draw

UNITS = 40
YEAR = 2025


def unit_reports(count: int, seed: int = 18) -> list[Report]:
    """Consistent 2021-format reports of `count` differently named units of one year, from generated figures."""
    rng = random.Random(seed)
    reports: list[Report] = []
    while len(reports) < count:
        truth = draw(rng, blanks=False, large=True, errors=False)
        if truth.format != "2021":
            continue
        report = truth.report()
        report.meta.body = f"云溪县第{len(reports) + 1}单位"
        report.meta.year, report.meta.level = YEAR, "县级以上政府部门"
        report.disclosure.rules = [0, 0, 0]
        reports.append(report)
    return reports


def write_units(folder: Path, reports: list[Report]) -> list[Path]:
    """Each report saved as a unit's draft in `folder`."""
    paths = []
    for index, report in enumerate(reports):
        path = folder / f"unit{index:02}.json"
        save_draft(path, Draft(report=report))
        paths.append(path)
    return paths


def merged(tmp_path: Path, *args: str | Path) -> tuple[int, Path]:
    """Run `nianbao merge … -o region.json --body 云溪县人民政府`; the status and the region's path."""
    region = tmp_path / "region.json"
    status = main(["merge", *map(str, args), "-o", str(region), "--body", "云溪县人民政府", "--level", "县级政府"])
    return status, region


def test_forty_units_sum_cell_by_cell_and_a_broken_unit_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """40 units merged: each figure of tables 二三四 (totals too) is their sum; a unit changed later is named by U1."""
    reports = unit_reports(UNITS)
    folder = tmp_path / "units"
    paths = write_units(folder, reports)

    status, region_path = merged(tmp_path, folder)

    assert status == 0
    assert f"已汇总{UNITS}个单位" in capsys.readouterr().err
    draft = load_draft(region_path)
    region = draft.report
    assert (region.meta.body, region.meta.level, region.meta.year) == ("云溪县人民政府", "县级政府", YEAR)
    for figure in FIGURES:
        expected = sum(Decimal(figure.get(r) or 0) for r in reports)
        assert figure.get(region) == expected, figure.where
    assert any(figure.get(region) for figure in FIGURES)
    assert draft.interview.units is not None
    assert [u.body for u in draft.interview.units.units] == [r.meta.body for r in reports]
    assert main(["check", str(region_path), "--units", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "U1" not in out
    assert f"与 {UNITS} 个单位核对：表二、表三、表四的每个数字都等于各单位之和。" in out

    broken = reports[6]
    permits = broken.disclosure.permits
    assert isinstance(permits, int)
    broken.disclosure.permits = permits * 2 + 1
    save_draft(paths[6], Draft(report=broken))

    assert main(["check", str(region_path), "--units", str(folder)]) == 1
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if "[错误] U1" in line]
    assert f"与 {UNITS} 个单位核对：1 个数字不等于各单位之和（见 U1）。" in out
    assert "[错误] U1 表二 行政许可" in line
    assert f"相差 {-(permits + 1):+}" in line
    assert f"云溪县第7单位（汇总时为 {permits}，现为 {permits * 2 + 1}）" in line


def test_a_difference_equal_to_one_units_figure_names_that_unit() -> None:
    """Without what the merge recorded, a region that left a unit out is told which unit's figure the gap equals."""
    reports = unit_reports(3)
    reports[1].appeals.cells[0] = 7
    region = Report()
    for figure in ENTERED:
        values = [figure.get(r) for r in (reports[0], reports[2])]
        assert figure.put is not None
        figure.put(region, sum(Decimal(v or 0) if figure.where.endswith("收费") else int(v or 0) for v in values))

    findings = check_units(region, reports)

    review = [f for f in findings if f.where == "表四 行政复议 结果维持"]
    assert len(review) == 1
    assert "相差 -7" in review[0].message
    assert "云溪县第2单位（7，可能漏计）" in review[0].message
    assert all(f.rule == "U1" for f in findings)


def test_a_blank_figure_in_a_unit_stays_blank_in_the_region(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A unit's blank 行政处罚 is not summed as 0: the region's is left blank and the unit is named."""
    reports = unit_reports(3)
    reports[2].disclosure.penalties = None
    status, region = merged(tmp_path, *write_units(tmp_path, reports))

    assert status == 0
    assert load_draft(region).report.disclosure.penalties is None
    assert load_draft(region).report.disclosure.permits == sum(int(r.disclosure.permits or 0) for r in reports)
    assert "因云溪县第3单位未填或不是数字而留空" in capsys.readouterr().err


def _refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], *units: Path) -> str:
    status, region = merged(tmp_path, *units)
    assert status == 2
    assert not region.exists()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    return err


def test_units_of_different_years_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two units of different years: one Chinese line naming both years, exit 2, nothing written."""
    reports = unit_reports(2)
    reports[1].meta.year = YEAR - 1
    err = _refused(tmp_path, capsys, *write_units(tmp_path, reports))
    assert "各单位的报告年度不同" in err
    assert f"{YEAR - 1} 年" in err and f"{YEAR} 年" in err


def test_the_same_body_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same unit given twice (a copied file) is refused, naming the unit and both files."""
    reports = unit_reports(2)
    reports[1].meta.body = reports[0].meta.body
    err = _refused(tmp_path, capsys, *write_units(tmp_path, reports))
    assert "同一单位出现两次：云溪县第1单位" in err
    assert "unit00.json" in err and "unit01.json" in err


def test_an_unreadable_unit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A unit whose file is not a report is refused, naming the file and why."""
    paths = write_units(tmp_path, unit_reports(2))
    paths[1].write_text('{"schema_version": 1, "report": {', encoding="utf-8")
    err = _refused(tmp_path, capsys, *paths)
    assert "读不出" in err and "unit01.json" in err and "不是有效的 JSON" in err


def test_units_with_errors_are_merged_with_a_warning_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A unit failing T3-BAL is summed and named in a warning; with --strict the merge is refused, naming it."""
    reports = unit_reports(3)
    reports[1].requests.rows["carry_out"][0] = int(reports[1].requests.rows["carry_out"][0] or 0) + 5
    paths = write_units(tmp_path, reports)

    status, region = merged(tmp_path, *paths)
    assert status == 0
    assert "云溪县第2单位的报告有错误" in capsys.readouterr().err
    region.unlink()

    status = main(["merge", *map(str, paths), "-o", str(region), "--body", "云溪县人民政府", "--strict"])
    assert status == 2
    assert not region.exists()
    err = capsys.readouterr().err
    assert "云溪县第2单位的报告有错误，按 --strict 不汇总" in err


def test_an_existing_region_draft_is_kept_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Merging onto an existing draft is refused (exit 2, the file as it was); --force replaces it."""
    paths = write_units(tmp_path, unit_reports(2))
    region = tmp_path / "region.json"
    region.write_text("{}", encoding="utf-8")
    assert main(["merge", *map(str, paths), "-o", str(region), "--body", "云溪县人民政府"]) == 2
    assert region.read_text(encoding="utf-8") == "{}"
    assert main(["merge", *map(str, paths), "-o", str(region), "--body", "云溪县人民政府", "--force"]) == 0
    assert json.loads(region.read_text(encoding="utf-8"))["report"]["meta"]["body"] == "云溪县人民政府"


def test_the_regions_drafted_overview_states_the_units_and_the_summed_figures(tmp_path: Path) -> None:
    """The region's interview offers an opening naming how many units were summed; 依申请公开 states the sums."""
    reports = unit_reports(3)
    draft = merge(write_units(tmp_path, reports)).draft("云溪县人民政府", "县级政府")
    interview = Interview(draft)
    opening = interview.question("s1.opening")
    assert opening is not None and opening.drafted is not None
    assert "我县汇总了所属3个单位的政府信息公开工作年度报告" in opening.drafted(draft.report)
    new = sum(int(r.requests.value("new", THREE.total_column) or 0) for r in reports)
    assert f"政府信息公开申请{new}件" in draft_theme("依申请公开")(draft.report)
    alone = Interview(Draft(report=reports[0])).question("s1.opening")
    assert alone is not None and alone.drafted is not None and "汇总" not in alone.drafted(reports[0])


def test_a_unit_printing_other_handling_as_one_row_blanks_the_three_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A unit printing （六） as one row: the region's three （六） rows are blank, said once; the rest is summed."""
    reports = unit_reports(2)
    rows = reports[1].requests.rows
    split = [rows.pop(key) for key in THREE.split_other]
    rows[THREE.outdated_other] = [sum(int(row[c] or 0) for row in split) for c in range(THREE.width)]
    status, region = merged(tmp_path, *write_units(tmp_path, reports))

    assert status == 0
    table = load_draft(region).report.requests
    assert all(table.rows[key] == [None] * THREE.width for key in THREE.split_other)
    assert table.rows["new"][0] == sum(int(r.requests.rows["new"][0] or 0) for r in reports)
    err = capsys.readouterr().err
    assert "云溪县第2单位的表三把“（六）其他处理”印成一行（旧格式），无法分到三行" in err
    assert "未填或不是数字" not in err


def test_a_unit_left_out_of_the_check_is_named_from_what_the_merge_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checking the region against all units but one names that unit, with the figure it was summed with."""
    reports = unit_reports(4)
    reports[2].appeals.cells[1] = 6
    paths = write_units(tmp_path, reports)
    status, region = merged(tmp_path, *paths)
    assert status == 0

    assert main(["check", str(region), "--units", *(str(p) for p in paths if p != paths[2])]) == 1
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if "U1 表四 行政复议 结果纠正" in line]
    assert "云溪县第3单位（汇总时计入 6，这次未给出）" in line
