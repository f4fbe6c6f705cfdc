"""Provides the conversation as plain lines for the line and plain modes: who speaks, indentation, hints.

Nothing here imports a UI library, and nothing here acts: the session carries out every command, and
both the prompt_toolkit line mode and the stdin/stdout plain mode only format what it says with these
helpers, so a transcript reads the same in either.
"""

from __future__ import annotations

import unicodedata

from sections.interview.flow import SECTION_TITLES
from sections.interview.messages import Message, Turn
from sections.interview.questions import Question
from sections.model.findings import Finding, Severity
from sections.model.ids import QuestionId
from sections.model.text import printable

USER = "你："
"""The prefix of the clerk's own lines when they are echoed (plain mode reading a transcript)."""

PREFIXES: dict[str, str] = {
    "question": "助手：",
    "ack": "助手：",
    "info": "助手：",
    "help": "帮助：",
    "findings": "问题清单：",
    "edit": USER,
    "refusal": "✗ 未采用：",
    "cleared": "✓ ",
    "error": "✗ 错误：",
}
"""How a line starts, per message kind, so a reader (or a screen reader) can tell them apart."""


def width(text: str) -> int:
    """Count the columns a string takes in a terminal: two per wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def prefix(message: Message) -> str:
    """Return how a message's first line starts: 「助手：」, or 「⚠ 」 before a severity word."""
    if message.kind == "flag":
        info = message.finding is not None and message.finding.severity is Severity.INFO
        return "※ " if info else "⚠ "
    return PREFIXES.get(message.kind, "助手：")


def block(lead: str, text: str) -> list[str]:
    """`text` as lines after `lead`, continuation lines indented under the first line's text."""
    lines = [line.rstrip() for line in printable(text).split("\n")]
    indent = " " * width(lead)
    return [lead + lines[0]] + [indent + line if line else "" for line in lines[1:]]


def message_lines(message: Message) -> list[str]:
    """Format one message as lines; a flag keeps its severity word (错误/提醒/提示), a preview its layout."""
    if message.kind == "preview":
        return [line.rstrip() for line in printable(message.text).rstrip("\n").split("\n")]
    return block(prefix(message), message.text)


def _serious(message: Message) -> Finding | None:
    """Return the finding of a new error or warning flag (not a 提示)."""
    finding = message.finding if message.kind == "flag" else None
    return finding if finding is not None and finding.severity is not Severity.INFO else None


def last_flag(turn: Turn) -> int | None:
    """Return the index of the turn's last new error or warning, after which `fix_hint` goes."""
    found = [i for i, m in enumerate(turn.messages) if _serious(m)]
    return found[-1] if found else None


def fix_hint(turn: Turn) -> str:
    """Say how to go and fix what the turn's flags found: 「输入 /goto 三 修改 …」."""
    found = [f for f in map(_serious, turn.messages) if f is not None]
    where: str = found[0].section if found else "三"
    if found and found[0].target == QuestionId.T3_BALANCE:
        where = "勾稽"  # the column's balance and its rows, named 「…勾稽关系不平」: not the whole of 三
    return f"  输入 /goto {where} 修改，或继续回答（/findings 列出全部待处理的问题）。"


def user_lines(text: str) -> list[str]:
    """Echo the clerk's answer: 「你：」 then the text, literally."""
    return block(USER, text)


def heading(question: Question) -> str:
    """Return the line announcing the section a question belongs to."""
    return f"—— {SECTION_TITLES[question.section]} ——"


def question_name(question: Question | None) -> str:
    """Name a question for an error message: its id and the first line of its wording."""
    if question is None:
        return "（所有问题都已回答）"
    return f"{question.id}「{question.first_line}」"
