"""Provides the nianbao core: the report model, its checks, drafts, rendering and the interview, without any UI."""

from __future__ import annotations

from .answers import clean_text
from .checks import RULES, check
from .drafts import Draft, Exchange, InterviewState, load_draft, save_draft, write_atomic
from .errors import AnswerError, DraftError, ExportError, NianbaoError, ReportImportError
from .findings import Finding, Severity, errors
from .render import FORMATS, LAYOUTS, Format, Layout, render
from .report import Report

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "RULES",
    "AnswerError",
    "Draft",
    "DraftError",
    "Exchange",
    "ExportError",
    "Finding",
    "Format",
    "InterviewState",
    "Layout",
    "NianbaoError",
    "Report",
    "ReportImportError",
    "Severity",
    "check",
    "clean_text",
    "errors",
    "load_draft",
    "render",
    "save_draft",
    "write_atomic",
]
