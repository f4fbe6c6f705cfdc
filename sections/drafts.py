"""Provides drafts on disk: `Draft` (report plus interview state), `load_draft` and `save_draft`."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import DraftError
from .report import Report

SCHEMA_VERSION = 1
"""Bump with a migration when the draft's shape changes."""


class Exchange(BaseModel):
    """One line of the conversation, kept so a resumed interview can show what was said."""

    role: Literal["assistant", "user", "flag"]
    text: str
    question: str | None = None


class InterviewState(BaseModel):
    """What the interview knows beyond the report: shortcut answers and the conversation."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    choices: dict[str, bool | list[str]] = Field(default_factory=dict)
    """Answers that set no figure themselves: 「是否收到申请」 → True, the outcomes that occurred …"""
    done: set[str] = Field(default_factory=set)
    """Questions answered whose answer may leave the report as it was (「无」 to an optional rule)."""
    transcript: list[Exchange] = Field(default_factory=list)
    """The conversation so far."""
    previous: Report | None = None
    """Last year's report of the same body, for the cross-year checks and to show last year's text."""
    carried: set[str] = Field(default_factory=set)
    """Questions whose answers were carried over from last year and still await the clerk's confirmation."""


class Draft(BaseModel):
    """A draft file: the report being written and where the interview stands."""

    schema_version: int = SCHEMA_VERSION
    saved_at: datetime | None = None
    report: Report = Field(default_factory=Report)
    interview: InterviewState = Field(default_factory=InterviewState)


def load_draft(path: Path) -> Draft:
    """Read a draft; raise `DraftError` naming the file and the cause, never touching the file."""
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
            f"{path}：不是有效的 JSON（第 {err.lineno} 行第 {err.colno} 列：{err.msg}），"
            "文件可能被截断或手工改坏。"
        ) from err
    if not isinstance(data, dict) or "report" not in data:
        raise DraftError(f"{path}：不是 nianbao 草稿（缺少 report 部分）。")
    version = data.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise DraftError(
            f"{path}：草稿格式版本 {version} 高于本程序支持的 {SCHEMA_VERSION}，请升级 nianbao。"
        )
    try:
        return Draft.model_validate(data)
    except ValidationError as err:
        raise DraftError(f"{path}：草稿内容有误：{_first_problem(err)}。") from err


def _first_problem(err: ValidationError) -> str:
    problem: Any = err.errors()[0]
    place = ".".join(str(p) for p in problem["loc"])
    return f"{place}：{problem['msg']}（共 {err.error_count()} 处）"


def save_draft(path: Path, draft: Draft) -> None:
    """Write a draft atomically; the previous version stays beside it as `<name>.bak`."""
    draft.saved_at = datetime.now().astimezone().replace(microsecond=0)
    data = draft.model_dump_json(indent=1).encode("utf-8") + b"\n"
    try:
        write_atomic(path, data, backup=True)
    except OSError as err:
        raise DraftError(f"{path}：草稿保存失败（{err.strerror}），已填写的内容仍在程序中，"
                         "下次回答时会再次尝试保存。") from err


def write_atomic(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Write a file so that a crash leaves either the old or the new content, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and path.exists():
            _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _keep_backup(path: Path) -> None:
    """Keep the current file as `<name>.bak` without ever leaving `path` missing."""
    backup = path.with_name(path.name + ".bak")
    backup.unlink(missing_ok=True)
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
