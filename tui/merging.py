"""Provides the `nianbao merge` command and the units of `nianbao check --units`: a region against its units.

No Textual or prompt_toolkit here: these commands must start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import overload

from sections.model.errors import DraftError
from sections.model.findings import Finding
from sections.model.report import Report
from sections.model.units import Merged
from sections.rules.units import check_units
from sections.store.drafts import load_draft, save_draft
from sections.store.merge import merge, unit_files
from sections.store.workspace import is_draft, read
from tui.args import Parser


def add_merge(commands: argparse._SubParsersAction[Parser], levels: Sequence[str]) -> None:
    """The `merge` command's arguments."""
    merger = commands.add_parser("merge", help="把各单位的报告汇总为本级（地区）报告的草稿：表二、三、四逐格相加")
    merger.add_argument("units", type=Path, nargs="+", metavar="UNIT", help="各单位的草稿或报告，或它们所在的文件夹")
    merger.add_argument("-o", "--output", type=Path, required=True, metavar="REGION", help="汇总草稿的路径")
    merger.add_argument("--body", required=True, metavar="名称", help="本级机关名称，如 云溪县人民政府")
    merger.add_argument("--level", choices=levels, help="本级机关层级")
    merger.add_argument("--strict", action="store_true", help="有单位的报告存在错误时不汇总（默认汇总并提醒）")
    merger.add_argument("--force", action="store_true", help="覆盖已存在的汇总草稿")


def run_merge(args: argparse.Namespace) -> int:
    """Sum the units into a new region draft; one line and exit 2 when a unit cannot be summed."""
    if args.output.exists() and not args.force:
        raise DraftError(f"{args.output}：文件已存在。如要覆盖，请加 --force。")
    files = (f for f in unit_files(args.units) if f.resolve() != args.output.resolve())
    summing = merge(files, strict=args.strict)
    save_draft(args.output, summing.draft(args.body, args.level))
    for note in summing.notes():
        print(note, file=sys.stderr)
    print(f"已写入汇总草稿：{args.output}；继续填写：nianbao --draft {args.output}", file=sys.stderr)
    return 0


class Units(Sequence[Report]):
    """The units' reports, read from their files each time one is needed, so that thousands take no memory."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(unit_files(paths))

    def __len__(self) -> int:
        return len(self.paths)

    @overload
    def __getitem__(self, index: int) -> Report: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Report]: ...
    def __getitem__(self, index: int | slice) -> Report | Sequence[Report]:
        if isinstance(index, slice):
            return [read(path) for path in self.paths[index]]
        return read(self.paths[index])


def against_units(path: Path, region: Report, units: Units) -> list[Finding]:
    """U1 for the region at `path`: with the figures its draft recorded at the merge, when it has them."""
    merged: Merged | None = load_draft(path).interview.units if is_draft(path) else None
    return check_units(region, units, merged)


def units_line(units: Units, findings: list[Finding]) -> str:
    """What `check --units` says after the region's findings: whether its figures are its units' sums."""
    differ = sum(1 for f in findings if f.rule == "U1")
    said = f"{differ} 个数字不等于各单位之和（见 U1）" if differ else "表二、表三、表四的每个数字都等于各单位之和"
    return f"  与 {len(units)} 个单位核对：{said}。"
