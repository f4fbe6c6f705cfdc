"""Provides what the interview says: `Message`, `Turn` and `describe(finding)`, shared by every front end."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sections.model.findings import Finding

MessageKind = Literal["question", "ack", "refusal", "flag", "cleared", "info", "help", "error"]
Action = Literal["findings", "preview", "export", "quit"]


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


def describe(finding: Finding) -> str:
    """A finding in words a clerk reads: severity, rule, place, figures, and the fix."""
    text = f"{finding.severity.label} {finding.rule}（{finding.where}）：{finding.message}"
    return f"{text}\n{finding.hint}" if finding.hint else text
