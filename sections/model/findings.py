"""Provides `Finding`, the value every consistency rule returns, and the types rules share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, TypeAlias

from pydantic import Field

from sections.model.ids import QuestionId, SectionId
from sections.model.text import Line


class Severity(StrEnum):
    """How bad a finding is: the report is wrong, needs a look, or is told something."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The word a clerk sees: 错误 / 提醒 / 提示."""
        return {"error": "错误", "warning": "提醒", "info": "提示"}[self.value]


@dataclass(frozen=True)
class Finding:
    """One problem (or fact) about one place in the report."""

    rule: str
    """Rule id as in FORMAT.md §7: C1, T3-BAL …"""
    severity: Severity
    section: SectionId
    """The section it belongs to: 「基本信息」 or 「一」 … 「六」."""
    where: str
    """The place, as a reviewer says it: 「表三 列[总计]」."""
    message: str
    """What is wrong, with the figures involved."""
    hint: str = ""
    """What would fix it."""
    target: QuestionId | None = None
    """The id of the interview question that sets the figure, so the UI can jump there."""

    @property
    def key(self) -> tuple[str, str]:
        """Identity of the problem across edits: the same rule at the same place."""
        return (self.rule, self.where)

    def to_json(self) -> dict[str, str]:
        """The finding as `nianbao check --json` prints it."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "section": self.section,
            "where": self.where,
            "message": self.message,
            "hint": self.hint,
        }


Figure: TypeAlias = Annotated[int | Line | None, Field(union_mode="left_to_right")]
"""A count as entered or printed: a whole number, a non-number as printed (「/」), or None when unanswered."""

Amount: TypeAlias = Annotated[Decimal | Line | None, Field(union_mode="left_to_right")]
"""A sum of money in 万元, kept with the decimals it was given in (「12.3400」 stays so)."""


_NUMBERS = (int, Decimal)
"""The numeric types of a cell, as a tuple: `isinstance` with `int | Decimal` would build the union at each call."""


def number(value: Figure | Amount) -> int | Decimal:
    """The value for a sum: non-numeric and blank cells count as 0 (the corpus convention)."""
    return value if isinstance(value, _NUMBERS) else 0


def count(value: Figure) -> int:
    """A count for a sum: non-numeric and blank cells count as 0 (the corpus convention)."""
    return value if isinstance(value, int) else 0


def answered(values: Iterable[Figure | Amount]) -> bool:
    """Whether every figure is answered (a number or a printed non-number)."""
    return all(v is not None for v in values)


def errors(findings: Iterable[Finding]) -> Iterator[Finding]:
    """The error-severity findings."""
    return (f for f in findings if f.severity is Severity.ERROR)
