"""Provides `merge`: a region's draft whose tables 二、三、四 are the sums of its units' figures.

Units are drafts or published reports, read one at a time as `nianbao check` reads them, so ten thousand
of them take time in proportion and no more memory than the figures the region keeps of each. A figure
blank or not a number in any unit is left blank in the region (and said), never summed as 0.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sections.model.errors import MergeError, NianbaoError
from sections.model.findings import Amount, Figure, errors
from sections.model.ids import t3_row
from sections.model.meta import Level
from sections.model.report import Report
from sections.model.tables import THREE
from sections.model.units import ENTERED, Merged
from sections.store.drafts import Draft, Exchange, InterviewState
from sections.store.workspace import load

SHOWN = 5
"""Names listed in one note before 「等 N 个」."""


SPLIT_OTHER = frozenset(i for i, f in enumerate(ENTERED) if f.target in {t3_row(k) for k in THREE.split_other})
"""The figures of the three （六）其他处理 rows, which a report printing （六） as one row (outdated) lacks."""

REPORT_SUFFIXES = frozenset({".json", ".txt", ".md", ".html", ".htm", ".xhtml", ".mht", ".mhtml", ".docx", ".pdf"})
"""The files of a folder taken as units: drafts and the published reports `nianbao check` reads."""


def unit_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files given, a folder standing for its drafts and reports (by name, not hidden files or backups)."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for name in sorted(os.listdir(path)):  # names, not paths: ten thousand of them stay small
            inside = path / name
            if not name.startswith(".") and inside.suffix.lower() in REPORT_SUFFIXES and inside.is_file():
                yield inside


def listed(names: list[str]) -> str:
    """「甲、乙、丙」, or the first few and 「等N个」 (no blanks: the chat wraps Chinese text anywhere)."""
    shown = "、".join(names[:SHOWN])
    return f"{shown}等{len(names)}个" if len(names) > SHOWN else shown


@dataclass
class Summing:
    """The region's figures so far: the sums, the blanks and who caused them, the units seen."""

    sums: list[int | Decimal | None] = field(default_factory=lambda: [0] * len(ENTERED))
    blanks: dict[int, list[str]] = field(default_factory=dict)
    """Figure index → the units whose figure was blank or not a number."""
    flawed: list[str] = field(default_factory=list)
    """Units with error findings."""
    outdated: list[str] = field(default_factory=list)
    """Units printing table 三's （六）其他处理 as one row, which cannot be split into the three rows."""
    year: int | None = None
    bodies: set[str] = field(default_factory=set)
    """The units' names, each summed once."""
    merged: Merged = field(default_factory=Merged)

    def add(self, path: Path, report: Report, has_errors: bool) -> None:
        """Sum one unit in, or refuse it (a second year, a body already summed, a report of the 2019 format)."""
        body, year = report.meta.body, report.meta.year
        if not body:
            raise MergeError(f"{path}：报告没有机关名称，无法确定是哪个单位，请先补上机关名称。")
        if year is None:
            raise MergeError(f"{path}：{body}的报告没有报告年度，无法确认与其他单位是同一年度。")
        if self.year is not None and year != self.year:
            first = self.merged.units[0].file
            raise MergeError(
                f"各单位的报告年度不同：{path} 为 {year} 年，{first} 为 {self.year} 年；只能汇总同一年度。"
            )
        if body in self.bodies:
            other = next(unit.file for unit in self.merged.units if unit.body == body)
            raise MergeError(f"同一单位出现两次：{body}（{other} 和 {path}），请去掉其中一份。")
        if report.disclosure.trial is not None:
            raise MergeError(f"{path}：{body}的表二是 2019/2020 年试行格式，无法与 2021 年格式的表格相加。")
        self.year = year
        self.bodies.add(body)
        if has_errors:
            self.flawed.append(body)
        outdated = THREE.outdated_other in report.requests.rows
        if outdated:
            self.outdated.append(body)
        values = [figure.get(report) for figure in ENTERED]
        for index, value in enumerate(values):
            self._sum(index, value, None if outdated and index in SPLIT_OTHER else body)
        self.merged.record(body, str(path), values)

    def _sum(self, index: int, value: Figure | Amount, body: str | None) -> None:
        """Add a unit's figure; a blank or non-number blanks the sum, naming the unit (`body`) unless said apart."""
        total = self.sums[index]
        if isinstance(value, int | Decimal) and total is not None:
            self.sums[index] = total + value
            return
        self.sums[index] = None
        if body is not None:
            self.blanks.setdefault(index, []).append(body)

    def notes(self) -> list[str]:
        """What the clerk must know about the sums: blank figures and units with errors."""
        names = [unit.body for unit in self.merged.units]
        said = [f"已汇总{len(names)}个单位（{listed(names)}）{self.year}年的表二、表三、表四。"]
        if self.blanks:
            names = sorted({b for bodies in self.blanks.values() for b in bodies})
            said.append(
                f"有{len(self.blanks)}个数字因{listed(names)}未填或不是数字而留空（如"
                f"“{ENTERED[next(iter(self.blanks))].where}”），请补齐单位的报告后重新汇总，或在对话中填写。"
            )
        if self.outdated:
            said.append(
                f"{listed(self.outdated)}的表三把“（六）其他处理”印成一行（旧格式），无法分到三行："
                "本级表三（六）其他处理的三行已留空，请在对话中填写。"
            )
        if self.flawed:
            said.append(f"注意：{listed(self.flawed)}的报告有错误，汇总数字可能随之有误；请核对（nianbao check）。")
        return said

    def draft(self, body: str, level: Level | None) -> Draft:
        """The region's draft: its name and level, the units' year, the sums, and the units it came from."""
        report = Report()
        report.meta.body, report.meta.level, report.meta.year = body, level, self.year
        for figure, total in zip(ENTERED, self.sums, strict=True):
            if total is not None and figure.put is not None:
                figure.put(report, total)
        transcript = [Exchange(role="assistant", text=note) for note in self.notes()]
        return Draft(report=report, interview=InterviewState(transcript=transcript, units=self.merged))


def merge(paths: Iterable[Path], *, strict: bool = False) -> Summing:
    """Read and sum the units one at a time; `MergeError` (one line) for a unit that cannot be summed.

    With `strict`, units with error findings are refused (named) instead of summed with a note.
    """
    summing = Summing()
    for path in paths:
        try:
            report, findings = load(path)
        except NianbaoError as err:
            raise MergeError(f"无法汇总，有单位的报告读不出：{err.message}") from err
        summing.add(path, report, any(errors(findings)))
    if not summing.bodies:
        raise MergeError("没有可汇总的单位：请给出各单位的草稿或报告文件，或它们所在的文件夹。")
    if strict and summing.flawed:
        raise MergeError(f"{listed(summing.flawed)}的报告有错误，按 --strict 不汇总；请先改正（nianbao check）。")
    return summing
