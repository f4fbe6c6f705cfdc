"""Provides the workspace: where drafts live, opening, resuming, restoring, importing and carrying over.

Everything here is UI-free; the front ends and the `nianbao` command call it with the paths they were given.
"""

from __future__ import annotations

import atexit
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sections.model.errors import DraftError
from sections.model.findings import Finding
from sections.model.ids import QuestionId
from sections.model.meta import Contact, Meta
from sections.model.report import Report
from sections.model.tables import FOUR, THREE
from sections.rules.registry import check
from sections.store.drafts import (
    Draft,
    Exchange,
    InterviewState,
    load_draft,
    recover_draft,
    save_draft,
    write_atomic,
)
from sections.store.lock import DraftLock

if TYPE_CHECKING:
    from sections.reading.reader import Reading  # the type only: the reader loads when a published report is read


def default_draft_dir() -> Path:
    """Where drafts live unless told otherwise: $NIANBAO_HOME, else the user data directory."""
    home = os.environ.get("NIANBAO_HOME")
    if home:
        return Path(home)
    from platformdirs import user_data_path  # late on purpose: only needed without NIANBAO_HOME

    return user_data_path("nianbao", appauthor=False) / "drafts"


def list_drafts(folder: Path) -> list[Path]:
    """Drafts in a folder, and those opened elsewhere (`remember`) that still exist, most recently changed first."""
    here = list(folder.glob("*.json")) if folder.is_dir() else []
    known = {path.resolve() for path in here}
    elsewhere = [path for path in _remembered(folder) if path not in known and path.is_file()]
    return sorted([*here, *elsewhere], key=lambda p: p.stat().st_mtime, reverse=True)


def remember(path: Path, folder: Path) -> None:
    """Note a draft opened outside the folder, so that the start screen lists it next time."""
    path = path.resolve()
    if path.parent == folder.resolve():
        return
    paths = [path, *(other for other in _remembered(folder) if other != path)][:RECENT_KEPT]
    try:
        write_atomic(folder / RECENT, "".join(f"{other}\n" for other in paths).encode("utf-8"))
    except OSError:
        pass  # a convenience only: the draft itself is saved either way


RECENT = ".recent"
"""The file in the drafts folder listing drafts opened elsewhere, newest first, one path a line."""
RECENT_KEPT = 20


def _remembered(folder: Path) -> list[Path]:
    try:
        text = (folder / RECENT).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [Path(line) for line in text.splitlines() if line.strip() and Path(line).is_absolute()]


def new_draft_path(folder: Path) -> Path:
    """A fresh file name for a new draft in the folder."""
    return folder / f"草稿-{datetime.now():%Y%m%d-%H%M%S}.json"


def open_draft(path: Path) -> Draft:
    """The draft at `path` (a new empty one when the file does not exist yet), locked for this session.

    Fields that fail validation are emptied and re-asked; the damaged file is first kept beside the draft
    so that the next autosave does not destroy it. Unreadable drafts raise `DraftError` offering the backup.
    """
    lock = DraftLock(path)
    lock.acquire()
    atexit.register(lock.release)
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        leftover.unlink(missing_ok=True)  # half-written by a session that crashed mid-save
    if not path.exists():
        return Draft()
    try:
        draft, problems = recover_draft(path)
    except DraftError as err:
        lock.release()
        raise DraftError(err.message + _backup_hint(path)) from err
    if problems:
        keep = path.with_name(f"{path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
        shutil.copy2(path, keep)
        draft.recovered.append(f"（原文件已另存为 {keep.name}）")
    return draft


def _backup_hint(path: Path) -> str:
    backup = path.with_name(path.name + ".bak")
    try:
        saved = load_draft(backup).saved_at
    except DraftError:
        return ""
    return (
        (
            f" 上一次保存的备份完好（{saved:%Y-%m-%d %H:%M}）：运行 nianbao restore {path} 即可用它恢复，"
            "损坏的文件会另存一份。"
        )
        if saved
        else ""
    )


def start_from_previous(previous: Path, draft_path: Path) -> None:
    """Write a new draft at `draft_path` carried over from last year's draft or published report."""
    if draft_path.exists():
        raise DraftError(f"{draft_path}：文件已存在。请换一个新草稿的路径。")
    save_draft(draft_path, draft_from_previous(load(previous)[0]))


def restore_backup(path: Path) -> Path | None:
    """Put `<draft>.bak` back in place of a damaged (or missing) draft; return where the damaged file is kept.

    Done under the draft's lock, so an open session cannot write its version back over the restored one.
    A healthy draft is refused, and so is every failure, with `DraftError`, leaving every file as it was.
    """
    if path.is_dir():
        raise DraftError(f"{path}：这是一个文件夹，不是草稿文件。")
    load_draft(path.with_name(path.name + ".bak"))  # no good backup: refused before even a lock file is made
    lock = DraftLock(path)
    mine = not lock.held()
    lock.acquire()
    try:
        return _put_backup_back(path)
    finally:
        if mine:
            lock.release()


def _put_backup_back(path: Path) -> Path | None:
    backup = path.with_name(path.name + ".bak")
    load_draft(backup)
    if path.exists() and _healthy(path):
        raise DraftError(f"{path}：草稿完好，无须恢复；原样未动。")
    keep = path.with_name(f"{path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
    try:
        data = backup.read_bytes()
        if path.exists():
            shutil.copy2(path, keep)
        write_atomic(path, data, private=True)
    except OSError as err:
        keep.unlink(missing_ok=True)
        raise DraftError(f"{path}：无法恢复（{err.strerror}），所有文件原样未动。") from err
    return keep if keep.exists() else None


def _healthy(path: Path) -> bool:
    try:
        load_draft(path)
    except DraftError:
        return False
    return True


def is_draft(path: Path) -> bool:
    """Whether a file is a nianbao draft (JSON) rather than a published report."""
    if path.suffix.lower() == ".json":
        return True
    if not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    except OSError:
        return False


def load(path: Path) -> tuple[Report, list[Finding]]:
    """A draft or a published report and its findings; `NianbaoError` when the file cannot be used."""
    report, reading = _read(path)
    if reading is None:
        return report, check(report)
    from sections.reading.structure import check_imported  # late on purpose, as in _read()

    return report, check_imported(reading)


def read(path: Path) -> Report:
    """A draft or a published report, unchecked (a region's units); `NianbaoError` when the file cannot be used."""
    return _read(path)[0]


def _read(path: Path) -> tuple[Report, Reading | None]:
    """The report in a draft (and None), or a published report as read."""
    if is_draft(path):
        from sections.reading.files import MAX_BYTES  # late on purpose, as below

        if path.is_file() and path.stat().st_size > MAX_BYTES:
            raise DraftError(f"{path}：文件太大，不是 nianbao 草稿。")
        return load_draft(path).report, None
    # Late on purpose: the reader compiles many patterns (~80 ms); checking a draft never needs it.
    from sections.reading.reader import read_report

    reading = read_report(path)
    return reading.report, reading


def import_report(source: Path, target: Path, *, force: bool) -> tuple[Report, list[Finding]]:
    """Read a published report and save it as a draft the interview can open; refuse to overwrite."""
    if target.exists() and not force:
        raise DraftError(f"{target}：文件已存在。如要覆盖，请加 --force。")
    from sections.reading.reader import read_report  # late on purpose, as in load()
    from sections.reading.structure import check_imported

    reading = read_report(source)
    save_draft(target, draft_from(reading))
    return reading.report, check_imported(reading)


def draft_from(reading: Reading) -> Draft:
    """A draft of the report as read, for the interview: totals that agree are left to be computed."""
    report = reading.report.model_copy(deep=True)
    table = report.requests
    total = THREE.total_column
    for cells in table.rows.values():
        six = cells[:total]
        if all(isinstance(v, int) for v in six) and cells[total] == sum(six):  # type: ignore[arg-type]
            cells[total] = None
    stated = table.rows.pop(THREE.total_row, None)
    if stated is not None and [table.value(THREE.total_row, c) for c in range(THREE.width)] != stated:
        table.rows[THREE.total_row] = stated
    cells, total = report.appeals.cells, FOUR.total_column
    for start in range(0, len(cells), FOUR.group_width):
        group = cells[start : start + FOUR.group_width]
        if all(isinstance(v, int) for v in group) and sum(group[:total]) == group[total]:  # type: ignore[arg-type]
            cells[start + total] = None
    notes = [Exchange(role="assistant", text=f"已从 {reading.source} 导入《{report.meta.title}》。")]
    notes += [
        Exchange(role="flag", text=f"{f.where}：{f.message}", severity=f.severity, rule=f.rule, where=f.where)
        for f in reading.findings
        if f.rule in ("R1", "R2")
    ]
    return Draft(report=report, interview=InterviewState(transcript=notes))


CARRIED: tuple[QuestionId, ...] = (
    QuestionId.META_BODY,
    QuestionId.META_LEVEL,
    QuestionId.META_YEAR,
    QuestionId.META_DEPARTMENT,
    QuestionId.META_PHONE,
    QuestionId.META_EMAIL,
    QuestionId.META_ADDRESS,
    QuestionId.META_POSTCODE,
    QuestionId.META_FEE_DECIMALS,
    QuestionId.META_PREFACE,
    QuestionId.T3_CARRY_IN,
)
"""Questions answered from last year's report, each to be confirmed by the clerk."""


def draft_from_previous(previous: Report) -> Draft:
    """A new draft for the year after `previous`.

    Body, level, contact and preface are carried over, 上年结转 is set from last year's 结转下年度, and
    last year's report stays attached for the cross-year checks.
    """
    old = previous.meta
    year = old.year + 1 if old.year is not None else None
    preface = old.preface
    if preface and old.year is not None and year is not None:
        preface = preface.replace(f"{old.year}年", f"{year}年")
    report = Report(
        meta=Meta(
            body=old.body,
            level=old.level,
            year=year,
            preface=preface,
            contact=Contact.model_validate(old.contact.model_dump()),
            fee_decimals=old.fee_decimals,
        )
    )
    carry_out = previous.requests.applicants("carry_out")
    carried = set(CARRIED)
    if None not in carry_out and all(isinstance(v, int) for v in carry_out):
        report.requests.set_row("carry_in", [int(v or 0) for v in carry_out])
    else:
        carried.discard(QuestionId.T3_CARRY_IN)
    if old.fee_decimals is None:
        carried.discard(QuestionId.META_FEE_DECIMALS)
    return Draft(report=report, interview=InterviewState(previous=previous, carried=carried))
