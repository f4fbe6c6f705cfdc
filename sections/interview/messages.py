"""Provides what the interview says: `Message`, `Turn` and `describe(finding)`, shared by every front end."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sections.model.findings import Finding
from sections.model.grids import TableId

MessageKind = Literal[
    "question", "ack", "refusal", "flag", "cleared", "info", "help", "findings", "preview", "edit", "error"
]
"""`findings` is the numbered list of open findings, `preview` the rendered report, `edit` a grid change
said as the clerk's own line (「表格修改：…」)."""
Action = Literal["findings", "preview", "export", "table", "quit"]
"""What a front end with panes and dialogs (the app) does after a turn; other front ends get it done in
the session instead (see `sections.interview.session`)."""


@dataclass(frozen=True)
class Message:
    """One thing the assistant says; `finding` is set for flags and cleared flags."""

    kind: MessageKind
    text: str
    finding: Finding | None = None


@dataclass
class Turn:
    """What the assistant says after one input, and an action the front end should take."""

    messages: list[Message] = field(default_factory=list)
    action: Action | None = None
    table: TableId | None = None
    """With the `table` action: which table to open in the grid."""


def joined_help(messages: list[Message]) -> list[Message]:
    """The messages, the help said in several parts (the question's, the commands, the keys) as one."""
    joined: list[Message] = []
    for message in messages:
        if message.kind == "help" and joined and joined[-1].kind == "help":
            joined[-1] = Message("help", f"{joined[-1].text}\n\n{message.text}")
        else:
            joined.append(message)
    return joined


def describe(finding: Finding) -> str:
    """A finding in words a clerk reads: severity, rule, place, figures, and the fix."""
    text = f"{finding.severity.label} {finding.rule}（{finding.where}）：{finding.message}"
    return f"{text}\n{finding.hint}" if finding.hint else text
