"""Provides `render(report, format, layout)`: the whole report as text, Markdown or HTML, from templates."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, reduce
from importlib import resources
from typing import TYPE_CHECKING, Literal

from sections.model.labels import SECTION_HEADINGS
from sections.model.overview import numbered
from sections.model.report import Report
from sections.model.text import printable
from sections.output.layout import Layout
from sections.output.tables import table2, table3, table4

from . import layout

if TYPE_CHECKING:
    import jinja2  # the type only: Jinja2 itself loads with the first render (environment())

Format = Literal["txt", "md", "html"]
FORMATS: tuple[Format, ...] = ("txt", "md", "html")
TEMPLATES = "sections.output.templates"
"""The package of the templates: the repository's templates/ folder, installed as sections/output/templates."""


@cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment: strict about undefined names, autoescape for HTML templates only."""
    import jinja2  # late on purpose: `check`, the interview's start and the line mode never pay for it

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False, default=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["numbered"] = lambda title, index: numbered(index, title)
    env.filters["md_table"] = layout.markdown
    env.filters["md_text"] = _markdown_text
    env.filters["paragraphs"] = paragraphs
    return env


def _template(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    """A template's source from the installed package's resources, or None (Jinja2's TemplateNotFound)."""
    resource = reduce(lambda folder, part: folder / part, name.split("/"), resources.files(TEMPLATES))
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), str(resource), lambda: True


def paragraphs(text: str | None) -> list[str]:
    """User text as its non-empty paragraphs (one per line), printable and trimmed."""
    return [line.strip() for line in printable(text or "").split("\n") if line.strip()]


def _markdown_text(text: str) -> str:
    """User text in Markdown: paragraphs kept, characters that would start markup escaped."""
    escaped = "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)
    return "\n\n".join(line.strip() for line in escaped.splitlines() if line.strip())


def render(report: Report, fmt: Format = "txt", table_layout: Layout = "tabs") -> str:
    """The whole report in the official layout; a pure function of the report, never a control character."""
    lay_out = layout.tabs if table_layout == "tabs" else layout.grid
    context = {
        "report": report,
        "headings": SECTION_HEADINGS,
        "table2": table2(report),
        "table3": table3(report),
        "table4": table4(report),
        "text_table": lambda tables: lay_out(tables if isinstance(tables, list) else [tables]),
    }
    return printable(environment().get_template(f"{fmt}/report.{fmt}.j2").render(context))
