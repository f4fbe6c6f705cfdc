"""Provides the core's one error hierarchy; the front ends turn these into one line for the user."""

from __future__ import annotations


class NianbaoError(Exception):
    """A failure the user must be told about, with its message in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DraftError(NianbaoError):
    """A draft cannot be read or written."""


class ExportError(NianbaoError):
    """An export cannot be written."""


class AnswerError(NianbaoError):
    """An answer cannot be understood; the message says what is expected."""


class ReportImportError(NianbaoError):
    """A published report cannot be read: not a report, unreadable format, empty or too large."""


class MergeError(NianbaoError):
    """Units cannot be summed into a region: unreadable, of different years, or the same body twice."""
