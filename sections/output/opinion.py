"""Provides the 审核意见 for one unit: its findings in plain words, ready to send back, and where it is saved."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sections.model.errors import ExportError
from sections.model.findings import Finding, Severity
from sections.output.review import Reviewed, deadline_text
from sections.store.drafts import write_atomic

FOLDER = "审核意见"
"""The sub-folder of the reviewed folder the opinions are saved in (a review never reads it as a report)."""

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
"""Characters Windows (or any system) refuses in a file name."""


def opinion(item: Reviewed, today: date | None = None) -> str:
    """The 审核意见: who it is for, the errors to correct, the points to check or explain, the deadline."""
    day = today or item.today
    title = item.report.meta.title if item.report is not None and item.report.meta.body else item.path.name
    lines = [f"关于《{title}》的审核意见", "", f"{item.body}：", ""]
    if item.report is None:
        lines.append(f"    报送的文件 {item.path.name} 无法读取：{item.error}请重新报送可以打开的报告文件。")
        return _signed(lines, day)
    wrong = [f for f in item.findings if f.severity is Severity.ERROR]
    doubtful = [f for f in item.findings if f.severity is Severity.WARNING]
    if not wrong and not doubtful:
        lines.append("    经审核，报告未发现须改正的错误或须核对的事项。")
    else:
        lines.append("    经审核，报告存在以下问题，请逐项修改或说明后重新报送。")
    sections = (("须改正的错误", wrong), ("请核对或说明的事项", doubtful))
    numerals = iter("一二三")
    for heading, findings in sections:
        if findings:
            lines += ["", f"{next(numerals)}、{heading}（共 {len(findings)} 处）"]
            lines += [f"    {n}. {_plain(f)}" for n, f in enumerate(findings, 1)]
    if item.report.meta.deadline is not None:
        deadline = item.report.meta.deadline
        lines += [
            "",
            f"{next(numerals)}、发布期限",
            f"    本报告应于 {deadline.year}年{deadline.month}月{deadline.day}日前公开发布"
            f"（{deadline_text(item.days)}）。",
        ]
    return _signed(lines, day)


def _plain(finding: Finding) -> str:
    """One finding as a sentence: the place, what is wrong, and what would fix it."""
    message = finding.message.strip()
    if message.startswith(finding.where):  # 「表三 列[总计]：表三 列[总计] 勾稽关系不平」 says the place once
        message = message[len(finding.where) :].lstrip(" ：:，")
    text = f"{finding.where}：{_sentence(message)}"
    return f"{text}修改建议：{_sentence(finding.hint)}" if finding.hint else text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(("。", "！", "？")) else text + "。"


def _signed(lines: list[str], day: date) -> str:
    return "\n".join([*lines, "", f"审核单位：{'＿' * 10}", f"{day.year}年{day.month}月{day.day}日", ""])


def opinion_path(folder: Path, item: Reviewed) -> Path:
    """Where a unit's opinion is saved: 审核意见/<body><year>年报告审核意见.txt in the reviewed folder."""
    year = f"{item.year}年" if item.year is not None else ""
    name = _UNSAFE.sub("_", f"{item.body}{year}报告审核意见").strip(" .")
    return folder / FOLDER / f"{name}.txt"


def save_opinion(folder: Path, item: Reviewed, today: date | None = None) -> tuple[Path, str]:
    """Write a unit's opinion (UTF-8, replacing an older one) and return its path and text."""
    text = opinion(item, today)
    path = opinion_path(folder, item)
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as err:
        raise ExportError(f"{path}：审核意见无法保存（{err.strerror}）。") from err
    return path, text
