"""Provides `render(report, format, layout)`: the whole report as text or Markdown, from the Jinja2 templates."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import jinja2

from . import layout
from .labels import SECTION_HEADINGS
from .overview import numbered
from .report import Report
from .tables import table2, table3, table4

Format = Literal["txt", "md"]
Layout = Literal["tabs", "grid"]
FORMATS: tuple[Format, ...] = ("txt", "md")
LAYOUTS: tuple[Layout, ...] = ("tabs", "grid")
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment: strict about undefined names, no autoescape for text formats."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["numbered"] = lambda title, index: numbered(index, title)
    env.filters["md_table"] = layout.markdown
    env.filters["md_text"] = _markdown_text
    return env


def _markdown_text(text: str) -> str:
    """User text in Markdown: paragraphs kept, characters that would start markup escaped."""
    escaped = "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)
    return "\n\n".join(line.strip() for line in escaped.splitlines() if line.strip())


def render(report: Report, fmt: Format = "txt", table_layout: Layout = "tabs") -> str:
    """The whole report in the official layout; a pure function of the report."""
    lay_out = layout.tabs if table_layout == "tabs" else layout.grid
    context = {
        "report": report,
        "headings": SECTION_HEADINGS,
        "table2": table2(report),
        "table3": table3(report),
        "table4": table4(report),
        "text_table": lambda tables: lay_out(tables if isinstance(tables, list) else [tables]),
    }
    return environment().get_template(f"{fmt}/report.{fmt}.j2").render(context)
