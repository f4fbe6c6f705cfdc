"""Provides tests of the HTML export: a self-contained page, official spans, escaped user text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from sections.model.labels import (
    SECTION_HEADINGS,
    T3_APPLICANTS_HEADING,
    T3_COLUMNS,
    T3_GROUP_HEADINGS,
    T3_NOTE,
    T3_ORGANISATIONS_HEADING,
    T3_RESULT_HEADING,
    T3_ROWS,
    T4_LITIGATION,
    T4_LITIGATION_KINDS,
    T4_OUTCOMES,
    T4_REVIEW,
    TABLE2,
)
from sections.model.report import Report
from sections.output.rendering import render
from sections.store.drafts import load_draft

from .conftest import SAMPLES
from .fixtures.layout import Grid, Placed, check_against_template, county_figures

HOSTILE = '<script>alert(1)</script> {{ 7*7 }} [bold]粗[/bold] \x1b[31m红\x1b[0m & "引号"'


class Page(HTMLParser):
    """The parts of a page the tests look at: tables as placed cells, headings, paragraphs, tags."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Grid] = []
        self.texts: list[tuple[str, str]] = []
        """(tag, text) of every heading, paragraph and title."""
        self.tags: set[str] = set()
        self._rows: list[list[tuple[str, int, int]]] | None = None
        self._open: tuple[str, int, int] | None = None
        self._text: tuple[str, str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a table, row, cell or text element."""
        self.tags.add(tag)
        values = dict(attrs)
        if tag == "table":
            self._rows = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("th", "td"):
            self._open = ("", int(values.get("colspan") or 1), int(values.get("rowspan") or 1))
        elif tag in ("title", "h1", "h2", "h3", "p"):
            self._text = (tag, "")

    def handle_data(self, data: str) -> None:
        """Collect the text of the open cell or text element."""
        if self._open is not None:
            self._open = (self._open[0] + data, *self._open[1:])
        elif self._text is not None:
            self._text = (self._text[0], self._text[1] + data)

    def handle_endtag(self, tag: str) -> None:
        """Close a cell, table or text element."""
        if tag in ("th", "td") and self._open is not None and self._rows is not None:
            self._rows[-1].append(self._open)
            self._open = None
        elif tag == "table" and self._rows is not None:
            self.tables.append(_place(self._rows))
            self._rows = None
        elif self._text is not None and tag == self._text[0]:
            self.texts.append(self._text)
            self._text = None


def _place(rows: list[list[tuple[str, int, int]]]) -> Grid:
    """HTML rows (cells that start in each row) to placed cells, skipping slots a rowspan covers."""
    taken: set[tuple[int, int]] = set()
    placed: Grid = []
    for r, row in enumerate(rows):
        column = 0
        for text, colspan, rowspan in row:
            while (r, column) in taken:
                column += 1
            placed.append(Placed(r, column, text, colspan, rowspan))
            taken |= {(r + dr, column + dc) for dr in range(rowspan) for dc in range(colspan)}
            column += colspan
    return placed


def test_html_tables_have_the_official_rowspans_colspans_labels_and_figures(county: Report) -> None:
    """The page's three tables span rows and columns as the official template, with every figure."""
    page = Page(render(county, "html"))
    assert len(page.tables) == 3
    assert check_against_template(page.tables) == county_figures()
    t3, t4 = page.tables[1], page.tables[2]

    def find(grid: Grid, text: str) -> Placed:
        return next(p for p in grid if p.text == text)

    assert (find(t3, T3_NOTE).colspan, find(t3, T3_NOTE).rowspan) == (3, 3)
    assert find(t3, T3_APPLICANTS_HEADING).colspan == 7
    assert find(t3, T3_ORGANISATIONS_HEADING).colspan == 5
    assert find(t3, T3_RESULT_HEADING).rowspan == 22
    assert (find(t4, T4_REVIEW).colspan, find(t4, T4_LITIGATION).colspan) == (5, 10)


def test_html_shows_every_official_label_and_the_narrative(county: Report) -> None:
    """Every official label is on the page; headings and paragraphs are real h1/h2/h3/p elements."""
    page = Page(render(county, "html"))
    cells = {p.text for grid in page.tables for p in grid}
    labels = {
        T3_NOTE,
        T3_APPLICANTS_HEADING,
        T3_ORGANISATIONS_HEADING,
        T3_RESULT_HEADING,
        *T3_GROUP_HEADINGS.values(),
        *T3_COLUMNS,
        *(r.label for r in T3_ROWS),
        T4_REVIEW,
        T4_LITIGATION,
        *T4_LITIGATION_KINDS,
        *T4_OUTCOMES,
    }
    labels |= {text for block in TABLE2 for text in (block.title, *block.columns, *block.rows)}
    assert labels - cells == set()
    assert [text for tag, text in page.texts if tag == "h2"] == list(SECTION_HEADINGS)
    assert ("h1", county.meta.title) in page.texts and ("title", county.meta.title) in page.texts
    assert ("h3", "（一）主动公开") in page.texts
    paragraphs = [text for tag, text in page.texts if tag == "p"]
    assert len([p for p in paragraphs if p.startswith(("一是", "二是"))]) == 2


def test_html_is_one_self_contained_page(county: Report) -> None:
    """The page needs nothing else: no scripts, no linked styles or images, UTF-8 declared."""
    html = render(county, "html")
    page = Page(html)
    assert page.tags.isdisjoint({"script", "link", "img", "iframe", "style"})
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "src=" not in html and "href=" not in html and "border:1px solid" in html


def test_html_escapes_hostile_user_text(county: Report) -> None:
    """Markup, template syntax and terminal escapes typed by a user show as text, never run."""
    county.meta.body = "<i>某局</i>"
    county.improvements.text = HOSTILE
    county.requests.rows["new"][0] = "<b>"
    html = render(county, "html")
    page = Page(html)
    assert "<script" not in html and "<i>" not in html and "<b>" not in html and "\x1b" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "{{ 7*7 }}" in html
    paragraphs = [text for tag, text in page.texts if tag == "p"]
    assert '<script>alert(1)</script> {{ 7*7 }} [bold]粗[/bold] 红 & "引号"' in paragraphs  # escapes removed
    assert ("h1", "<i>某局</i>2025年政府信息公开工作年度报告") in page.texts
    assert "<b>" in {p.text for p in page.tables[1]}


@pytest.mark.parametrize(
    "report",
    [
        pytest.param(Report(), id="empty"),
        *(pytest.param(load_draft(p).report, id=p.stem) for p in sorted(SAMPLES.glob("*.json"))),
    ],
)
def test_every_draft_exports_to_html(report: Report) -> None:
    """A new empty draft and every sample render as a page with three tables and six headings."""
    page = Page(render(report, "html"))
    assert [max(p.column + p.colspan for p in grid) for grid in page.tables] == [4, 10, 15]
    assert [text for tag, text in page.texts if tag == "h2"] == list(SECTION_HEADINGS)
