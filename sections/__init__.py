"""Provides the nianbao core: the report model, its checks, drafts, rendering and the interview, without any UI.

Names are loaded on first use (PEP 562), so `nianbao check` does not pay for Jinja2 or the reader.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import AnswerError, DraftError, ExportError, NianbaoError, ReportImportError
from .findings import Finding, Severity, errors  # eager: `errors` would otherwise be the submodule

if TYPE_CHECKING:
    from .answers import clean_text
    from .checks import RULES, check
    from .drafts import Draft, Exchange, InterviewState, load_draft, save_draft, write_atomic
    from .layout import LAYOUTS, Layout
    from .rendering import FORMATS, Format, render
    from .report import Report

_HOMES = {
    "clean_text": "answers",
    "RULES": "checks", "check": "checks",
    "Draft": "drafts", "Exchange": "drafts", "InterviewState": "drafts", "load_draft": "drafts",
    "save_draft": "drafts", "write_atomic": "drafts",
    "FORMATS": "rendering", "LAYOUTS": "layout", "Format": "rendering", "Layout": "layout",
    "render": "rendering",
    "Report": "report",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'sections' has no attribute {name!r}")
    value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value


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
