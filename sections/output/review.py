"""Provides the reviewer's desk without a screen: every report of a folder checked, paired with last year's.

`review_folder` reads a folder as `nianbao check` reads its files (drafts and published reports), runs
the cross-year rules where last year's report of the same body is there (or in a second folder), and
gives one `Reviewed` per file; `COLUMNS`, `cells` and `sort_value` make the desk's table, `shown` its
filters. The app, `--json`, the workbook and the web page all read these.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeAlias

from sections.model.errors import NianbaoError
from sections.model.findings import Finding, Severity
from sections.model.labels import SECTION_HEADINGS, SECTION_NUMERALS
from sections.model.report import Report
from sections.model.units import Merged
from sections.output.rendering import render
from sections.rules.meta import check_deadline
from sections.rules.registry import cross_year
from sections.rules.repetition import repeated_share
from sections.rules.units import check_units
from sections.store.workspace import is_draft, load

REPORT_SUFFIXES = frozenset({".json", ".txt", ".md", ".html", ".htm", ".mht", ".mhtml", ".docx", ".pdf"})
"""Files a folder review reads: drafts and the published formats `nianbao check` reads."""

COLUMNS = ("机关", "层级", "年度", "错误", "提醒", "发布期限", "与上年重复", "汇总核对", "文件")
"""The desk's columns; 汇总核对 is rule U1 for a region draft made by `nianbao merge`."""


@dataclass(frozen=True)
class Reviewed:
    """One file of the folder: its report and findings, or why it could not be read."""

    path: Path
    report: Report | None = None
    findings: tuple[Finding, ...] = ()
    error: str = ""
    """The reason the file could not be read (then there is no report)."""
    last: Report | None = None
    """Last year's report of the same body, when the folder (or the previous folder) has it."""
    share: float | None = None
    """X5: the share of the narrative repeating last year's, when last year's report is known."""
    units: tuple[str, ...] = ()
    """For a region draft made by merge: the units it was summed from."""
    missing: tuple[str, ...] = ()
    """Units of a region draft not in the folder: U1 is not checked without them."""
    today: date = field(default_factory=date.today)

    @property
    def body(self) -> str:
        """The body's name, or the file's name when the report gives none."""
        name = self.report.meta.body if self.report is not None else None
        return name or self.path.stem

    @property
    def year(self) -> int | None:
        """The report year."""
        return self.report.meta.year if self.report is not None else None

    def count(self, severity: Severity) -> int:
        """How many findings of a severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def days(self) -> int | None:
        """Days left to the publication deadline (D1); negative when it has passed; None when unknown."""
        deadline = self.report.meta.deadline if self.report is not None else None
        return (deadline - self.today).days if deadline is not None else None

    @property
    def rules(self) -> frozenset[str]:
        """The rule ids of its findings other than information."""
        return frozenset(f.rule for f in self.findings if f.severity is not Severity.INFO)

    @property
    def unit_findings(self) -> list[Finding]:
        """Its U1 findings: region figures that differ from the sum of its units."""
        return [f for f in self.findings if f.rule == "U1"]

    @property
    def differences(self) -> int | None:
        """How many figures differ from the sum of the units (U1); None unless a region was checked against them."""
        return len(self.unit_findings) if self.units and not self.missing else None


def report_files(folder: Path) -> list[Path]:
    """The files of a folder a review reads, by name; hidden files, backups and sub-folders are left out."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in REPORT_SUFFIXES and not path.name.startswith(".") and path.is_file()
    )


Progress: TypeAlias = Callable[[int, Path], None]
"""Told (files read so far, the next file) before each file is read, so that a long folder shows it moves."""


def review_folder(
    folder: Path, previous_folder: Path | None = None, today: date | None = None, progress: Progress | None = None
) -> list[Reviewed]:
    """Every report of `folder` checked; last year's reports come from the folder itself or `previous_folder`.

    A region draft made by `nianbao merge` is checked against its units (U1) when every unit is in the folder.
    """
    day = today or date.today()
    files = report_files(folder)
    previous = report_files(previous_folder) if previous_folder is not None else []
    paths, everything = [*previous, *files], []
    for done, path in enumerate(paths):
        if progress is not None:
            progress(done, path)
        everything.append(_read(path))
    older, loaded = everything[: len(previous)], everything[len(previous) :]
    reports = {(_name(r.report), r.report.meta.year): r.report for r in [*older, *loaded] if r.report is not None}
    return [_reviewed(read, reports, day) for read in loaded]


@dataclass(frozen=True)
class _Read:
    """A file as read: its report and findings (or the reason it could not be read), and a region's units."""

    path: Path
    report: Report | None
    findings: list[Finding]
    error: str = ""
    merged: Merged | None = None


def _read(path: Path) -> _Read:
    try:
        report, findings = load(path)
        merged = _merged(path) if is_draft(path) else None
    except NianbaoError as err:
        return _Read(path, None, [], err.message)
    return _Read(path, report, findings, merged=merged)


def _merged(path: Path) -> Merged | None:
    """What a region draft made by merge recorded of its units (the draft's `interview.units`), else None.

    Read from the JSON `load` has just validated, not by validating the whole draft a second time (8 ms a draft).
    """
    data = json.loads(path.read_bytes().decode("utf-8-sig"))  # as the draft store reads it
    interview = data.get("interview") if isinstance(data, dict) else None
    units = interview.get("units") if isinstance(interview, dict) else None
    return Merged.model_validate(units) if units else None


def _name(report: Report) -> str:
    return "".join((report.meta.body or "").split())


def _reviewed(read: _Read, reports: dict[tuple[str, int | None], Report], today: date) -> Reviewed:
    report = read.report
    if report is None:
        return Reviewed(read.path, error=read.error, today=today)
    year = report.meta.year
    last = reports.get((_name(report), year - 1)) if year is not None and report.meta.body else None
    findings = [f for f in read.findings if f.rule != "D1"]
    share = None
    if last is not None:
        findings += cross_year(report, last)
        share = repeated_share(report, last).share
    names = tuple(unit.body for unit in read.merged.units) if read.merged is not None else ()
    units = [reports.get(("".join(name.split()), year)) for name in names]
    missing = tuple(name for name, unit in zip(names, units, strict=True) if unit is None)
    if names and not missing:
        findings += check_units(report, [unit for unit in units if unit is not None], read.merged)
    # D1 again for the review's day, so that the days the desk shows and the finding agree
    findings += check_deadline(report, today)
    return Reviewed(read.path, report, tuple(findings), "", last, share, names, missing, today)


def cells(item: Reviewed) -> tuple[str, ...]:
    """A row of the desk's table, in the order of `COLUMNS`."""
    if item.report is None:
        return ("（无法读取）", "", "", "", "", "", "", "", item.path.name)
    level = item.report.meta.level or "（未填）"
    return (
        item.body,
        level,
        str(item.year or ""),
        str(item.count(Severity.ERROR)),
        str(item.count(Severity.WARNING)),
        deadline_text(item.days),
        f"{item.share:.0%}" if item.share is not None else "—",
        _units_text(item),
        item.path.name,
    )


def _units_text(item: Reviewed) -> str:
    """The U1 cell: 「—」 for a report that is no merged region, else the differences or the units missing."""
    if not item.units:
        return "—"
    if item.missing:
        return f"缺 {len(item.missing)} 个单位"
    return f"{len(item.unit_findings)} 处不符" if item.unit_findings else "相符"


def deadline_text(days: int | None) -> str:
    """「还有 12 天」 or 「已过 300 天」 as D1 says it; 「—」 when the level or year is unknown."""
    if days is None:
        return "—"
    return f"还有 {days} 天" if days >= 0 else f"已过 {-days} 天"


def sort_value(item: Reviewed, column: str) -> tuple[int, int | float | str]:
    """The key the table sorts a column by: numbers as numbers, unknown values last."""
    numbers: dict[str, int | float | None] = {
        "年度": item.year,
        "错误": item.count(Severity.ERROR) if item.report is not None else None,
        "提醒": item.count(Severity.WARNING) if item.report is not None else None,
        "发布期限": item.days,
        "与上年重复": item.share,
        "汇总核对": item.differences,
    }
    if column in numbers:
        value = numbers[column]
        return (1, 0) if value is None else (0, value)
    text = cells(item)[COLUMNS.index(column)]
    return (0, text) if item.report is not None else (1, text)


@dataclass(frozen=True)
class Filter:
    """What the desk shows: a unit's name (part of it), one rule, and whether only reports with errors."""

    unit: str = ""
    rule: str = ""
    errors_only: bool = False

    def keeps(self, item: Reviewed) -> bool:
        """Whether a report passes the filter; an unreadable file counts as one with errors."""
        if self.unit and self.unit.casefold() not in f"{item.body} {item.path.name}".casefold():
            return False
        if self.rule and self.rule not in item.rules:
            return False
        return not self.errors_only or item.report is None or item.count(Severity.ERROR) > 0


def shown(items: Sequence[Reviewed], keep: Filter, column: str = "机关", *, descending: bool = False) -> list[Reviewed]:
    """The reports a filter keeps, sorted by a column (unknown values last either way)."""
    kept = [item for item in items if keep.keeps(item)]
    known = [item for item in kept if sort_value(item, column)[0] == 0]
    unknown = [item for item in kept if sort_value(item, column)[0] == 1]
    known.sort(key=lambda item: sort_value(item, column), reverse=descending)
    return known + unknown


def rules_found(items: Iterable[Reviewed]) -> list[str]:
    """Every rule id any report fails, in the order of FORMAT.md's table as far as ids sort."""
    return sorted({rule for item in items for rule in item.rules})


def passages(item: Reviewed) -> dict[str, str]:
    """The report's text by section: 「基本信息」 (title, preface), then 「一」 to 「六」; empty for an unreadable file.

    A published report shows its own text, as printed; a draft shows the report it makes (tables in a grid).
    """
    if item.report is None:
        return {}
    if is_draft(item.path):
        return _cut(render(item.report, "txt", "grid"), [])
    # Late on purpose: the reader's patterns load only when a published report is opened on the desk
    from sections.reading.files import read_file
    from sections.reading.text import clean, outline

    try:
        shape = outline(clean(read_file(item.path)))
    except NianbaoError:  # changed or gone since the review read it: show the report as read instead
        return _cut(render(item.report, "txt", "grid"), [])
    return _cut(shape.text, [(h.start, SECTION_NUMERALS[h.index]) for h in shape.headings])


def _cut(text: str, starts: list[tuple[int, str]]) -> dict[str, str]:
    """Text cut where each section starts; without positions, at lines that are exactly an official heading."""
    if not starts:
        names = dict(zip(SECTION_HEADINGS, SECTION_NUMERALS, strict=True))
        offset = 0
        for line in text.splitlines(keepends=True):
            if line.strip() in names:
                starts.append((offset, names[line.strip()]))
            offset += len(line)
    cut: dict[str, str] = {"基本信息": text[: starts[0][0]] if starts else text}
    for (start, section), (end, _) in zip(starts, [*starts[1:], (len(text), "")], strict=True):
        cut[section] = cut.get(section, "") + text[start:end]
    return {section: part.strip("\n") for section, part in cut.items()}


def pointed_line(where: str, text: str) -> int | None:
    """The line of a section's text a finding's place points at (its row, sub-heading or heading), or None.

    「表二 规章 本年废止件数」 points at the line of 规章, 「一、总体情况（二）依申请公开情况」 at that sub-heading;
    a place no line names (「发布期限」) points nowhere.
    """
    for heading in SECTION_HEADINGS:
        if where.startswith(heading) and where != heading:
            where = where[len(heading) :]
    words = [w for w in re.split(r"[\s\[\]]+", where) if len(w) >= 2 and not w.startswith(("表", "第"))] or [where]
    lines = [_loose(line) for line in text.splitlines()]
    for word in map(_loose, words):
        for index, line in enumerate(lines):
            if word in line:
                return index
    return None


def _loose(text: str) -> str:
    """Text compared as printed reports vary it: half- or full-width brackets and digits, blanks or none."""
    return "".join(unicodedata.normalize("NFKC", text).split())
