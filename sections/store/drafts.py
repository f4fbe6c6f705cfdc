"""Provides drafts on disk: `Draft` (report plus interview state), `load_draft` and `save_draft`."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, PrivateAttr, ValidationError

from sections.model.errors import DraftError
from sections.model.findings import Severity
from sections.model.report import Report
from sections.model.tables import FOUR, THREE, TWO
from sections.model.text import Line, Text, removed
from sections.model.units import Merged

SCHEMA_VERSION = 1
"""Bump with a migration when the draft's shape changes."""


class Exchange(BaseModel):
    """One line of the conversation, kept so a resumed interview can show what was said."""

    role: Literal["assistant", "user", "flag"]
    text: Text
    question: Line | None = None
    severity: Severity | None = None
    """For a flag: how bad the finding was, so a resumed chat shows it as it was said."""
    rule: Line | None = None
    """For a flag: the finding's rule id, which with `where` tells whether it is still open."""
    where: Line | None = None
    """For a flag: the finding's place."""


class InterviewState(BaseModel):
    """What the interview knows beyond the report: shortcut answers and the conversation."""

    choices: dict[Line, bool | list[Line]] = Field(default_factory=dict)
    """Answers that set no figure themselves: 「是否收到申请」 → True, the outcomes that occurred …"""
    done: set[Line] = Field(default_factory=set)
    """Questions answered whose answer may leave the report as it was (「无」 to an optional rule)."""
    transcript: list[Exchange] = Field(default_factory=list)
    """The conversation so far."""
    previous: Report | None = None
    """Last year's report of the same body, for the cross-year checks and to show last year's text."""
    carried: set[Line] = Field(default_factory=set)
    """Questions whose answers were carried over from last year and still await the clerk's confirmation."""
    units: Merged | None = None
    """For a region's draft made by `nianbao merge`: the units its tables were summed from and their figures."""
    unsent: dict[Line, Text] = Field(default_factory=dict)
    """Text typed and not sent when the clerk last quit, by question id: offered back in the input box on resume."""


class Draft(BaseModel):
    """A draft file: the report being written and where the interview stands."""

    schema_version: int = SCHEMA_VERSION
    saved_at: datetime | None = None
    report: Report = Field(default_factory=Report)
    interview: InterviewState = Field(default_factory=InterviewState)
    _recovered: list[str] = PrivateAttr(default_factory=list)
    _cleaned: list[str] = PrivateAttr(default_factory=list)

    @property
    def recovered(self) -> list[str]:
        """Fields that failed validation when the draft was read and were emptied, to be asked again."""
        return self._recovered

    @property
    def cleaned(self) -> list[str]:
        """Fields whose text held control or direction characters when the draft was read, and what went."""
        return self._cleaned


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""Version N → a function turning a version-N draft's JSON into version N+1's. Add one per bump."""


def load_draft(path: Path) -> Draft:
    """Read a draft; raise `DraftError` naming the file and the cause, never touching the file."""
    data = _read_json(path)
    try:
        return Draft.model_validate(data)
    except ValidationError as err:
        raise DraftError(f"{path}：草稿内容有误：{_problems(err)[0]}（共 {err.error_count()} 处）。") from err


def recover_draft(path: Path) -> tuple[Draft, list[str]]:
    """Read a draft for the interview, emptying (to be asked again) the fields that fail validation.

    The emptied fields are reported instead of refusing the whole draft; unreadable JSON still raises
    `DraftError`.
    """
    data = _read_json(path)
    problems: list[str] = []
    for _ in range(100):
        cleaned: list[str] = []
        try:
            draft = Draft.model_validate(data, context={"cleaned": cleaned})
            draft._recovered = problems
            draft._cleaned = _cleaned_places(data, set(cleaned))
            return draft, problems
        except ValidationError as err:
            for error in err.errors():
                problem = _describe(error)
                if not any(p.split("：")[0] == problem.split("：")[0] for p in problems):
                    problems.append(problem)
                _blank(data, error["loc"])
    raise DraftError(f"{path}：草稿内容错误太多，无法恢复。")


def _read_json(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as err:
        raise DraftError(f"{path}：文件不存在。") from err
    except OSError as err:
        raise DraftError(f"{path}：无法读取（{err.strerror}）。") from err
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise DraftError(f"{path}：不是 UTF-8 文本，不是 nianbao 草稿。") from err
    except json.JSONDecodeError as err:
        raise DraftError(
            f"{path}：不是有效的 JSON（第 {err.lineno} 行第 {err.colno} 列：{err.msg}），文件可能被截断或手工改坏。"
        ) from err
    if not isinstance(data, dict) or not isinstance(data.get("report"), dict):
        raise DraftError(f"{path}：不是 nianbao 草稿（缺少 report 部分）。")
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise DraftError(f"{path}：草稿没有有效的格式版本号（schema_version），可能被手工改坏。")
    if version > SCHEMA_VERSION:
        raise DraftError(f"{path}：草稿格式版本 {version} 高于本程序支持的 {SCHEMA_VERSION}，请升级 nianbao。")
    draft: dict[str, Any] = data
    while version < SCHEMA_VERSION:
        draft = MIGRATIONS[version](draft)
        version += 1
        draft["schema_version"] = version
    return draft


PLACES = {
    "meta": "基本信息",
    "overview": "一、总体情况",
    "disclosure": "表二",
    "requests": "表三",
    "appeals": "表四",
    "improvements": "五",
    "other": "六",
    "interview": "对话记录",
}


UNION_TAGS = frozenset({"int", "str", "decimal", "none", "float", "bool"})
FIELD_NAMES = {
    "body": "机关名称",
    "level": "机关层级",
    "year": "报告年度",
    "preface": "导语",
    "department": "承办科室",
    "phone": "联系电话",
    "email": "电子邮箱",
    "address": "地址",
    "postcode": "邮编",
    "fee_decimals": "收费金额小数位数",
    **{row.key: row.label for row in TWO.rows},
    "text": "正文",
    "opening": "开头段落",
    "fee_amount": "信息处理费",
}


def _name(section: str, part: str) -> str:
    if part in THREE.keys:
        return THREE.row(part).label
    if section == "appeals" and part.isdigit() and int(part) < FOUR.width:
        return FOUR.name(int(part))
    if section == "requests" and part.isdigit() and int(part) < THREE.width:
        return f"列[{THREE.columns[int(part)]}]"
    return FIELD_NAMES.get(part, f"第{int(part) + 1}项" if part.isdigit() else part)


REASONS = {
    "too_short": "个数不够",
    "too_long": "个数太多",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "literal_error": "不是可选的值",
    "string_type": "应为文字",
    "missing": "缺少这一项",
    "dict_type": "格式不对",
    "list_type": "格式不对",
    "bool_type": "应为是或否",
}


def _place(loc: tuple[int | str, ...]) -> str:
    """Where a path into the draft's JSON leads in the report: 「基本信息 机关名称」, 「表三 （二）部分公开」."""
    parts = [str(p) for p in loc if str(p) not in UNION_TAGS and "[" not in str(p)]
    inner = parts[1:] if parts[0] == "report" else parts
    section = PLACES.get(inner[0], inner[0]) if inner else "草稿"
    detail = [_name(inner[0], p) for p in inner[1:] if p not in ("rows", "cells", "contact")]
    return f"{section} {' '.join(detail)}"


def _describe(error: Any) -> str:
    """A validation error as a clerk can read it: the place in the report, the value, the reason."""
    value = error.get("input")
    shown = f"“{value if isinstance(value, str | int | float) else _compact(value)}”"
    reason = REASONS.get(error["type"], str(error["msg"]).removeprefix("Value error, "))
    return f"{_place(error['loc'])}：{shown}{reason}".replace("  ", " ")


CLEANED_SHOWN = 8
"""How many cleaned places the notice names; the rest are counted."""


def _cleaned_places(data: Any, originals: set[str]) -> list[str]:
    """Where the strings the model cleaned stood in the file, each with what was taken out of it."""
    found: dict[str, str] = {}

    def walk(node: Any, loc: tuple[int | str, ...]) -> None:
        if isinstance(node, str) and node in originals:
            found.setdefault(_place(loc).replace("  ", " ").strip(), removed(node) or "换行")
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(key, (*loc, key))
                walk(value, (*loc, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, (*loc, index))

    if originals:
        walk(data, ())
    lines = [f"{place}：删去了 {what}" for place, what in list(found.items())[:CLEANED_SHOWN]]
    rest = len(found) - CLEANED_SHOWN
    return lines + ([f"另有 {rest} 处同样处理。"] if rest > 0 else [])


def _compact(value: Any) -> str:
    """A wrong-typed value (`{"a": 1}`, `[3]`) as it stood in the file, cut short when long."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _problems(err: ValidationError) -> list[str]:
    return [_describe(e) for e in err.errors()]


def _blank(data: Any, loc: tuple[int | str, ...]) -> None:
    """Empty the value at `loc` (past union tags such as 「int」), so that it is asked again.

    A path that no longer exists (emptied by an earlier error) is left alone.
    """
    node: Any = data
    holder: Any = None
    key: int | str | None = None
    # a union's member names (「int」「str」) are where pydantic tried each type, not keys in the file
    for step in [p for p in loc if not (isinstance(p, str) and (p in UNION_TAGS or "[" in p))]:
        if isinstance(node, dict) and step in node:
            holder, key, node = node, step, node[step]
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            holder, key, node = node, step, node[step]
        elif isinstance(node, dict | list):
            return
        else:
            break
    if isinstance(holder, list) and isinstance(key, int):
        holder[key] = None
    elif isinstance(holder, dict) and key is not None:
        del holder[key]


def save_draft(path: Path, draft: Draft) -> None:
    """Write a draft atomically; the previous version stays beside it as `<name>.bak`.

    A new draft is readable by its owner only, as drafts have always been: it holds figures and contact details
    not yet approved for publication, and the whole conversation (what is exported is meant to be shared).
    A draft whose permissions the clerk changed keeps them.
    """
    draft.saved_at = datetime.now().astimezone().replace(microsecond=0)
    data = draft.model_dump_json(indent=1).encode("utf-8") + b"\n"
    try:
        write_atomic(path, data, backup=True, private=True)
    except OSError as err:
        raise DraftError(
            f"{path}：草稿保存失败（{err.strerror}），已填写的内容仍在程序中，下次回答时会再次尝试保存。"
        ) from err


def write_atomic(path: Path, data: bytes, *, backup: bool = False, private: bool = False) -> None:
    """Write a file so that a crash leaves either the old or the new content, never a mix.

    A new file gets the permissions any new file gets (the umask decides), or its owner's only if `private`;
    a file replaced keeps the permissions it had, as an editor keeps them.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temporary(path, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
            if backup:
                _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _temporary(path: Path, mode: int) -> tuple[int, Path]:
    """A new hidden file beside `path`, open for writing, created with `mode` less the umask.

    Not `tempfile.mkstemp`, which always creates it readable by its owner only.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{os.urandom(5).hex()}.tmp")
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue


def _keep_backup(path: Path) -> None:
    """Keep the current file as `<name>.bak` without ever leaving `path` missing.

    A hard link costs nothing; where there is none (FAT or exFAT USB sticks, some network shares, a platform
    without `os.link`) the file is copied.
    """
    backup = path.with_name(path.name + ".bak")
    backup.unlink(missing_ok=True)
    try:
        os.link(path, backup)
    except (OSError, AttributeError):
        shutil.copy2(path, backup)
