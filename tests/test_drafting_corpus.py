"""Every drafted paragraph, over the sample drafts and the corpus reports imported as drafts, invents nothing.

A drafted paragraph may state a figure only when the draft holds it (meta, tables, the answers to 五), and
may say that something was improved, strengthened or achieved only in words the clerk typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sections.model.report import Report
from sections.model.tables import FOUR, THREE
from sections.output.drafting import (
    THEMES,
    draft_improvements,
    draft_opening,
    draft_other,
    draft_preface,
    draft_theme,
)
from sections.reading.reader import read_report
from sections.rules.blanks import BLANK
from sections.store.drafts import load_draft
from sections.store.workspace import draft_from

from .conftest import CORPUS, SAMPLES

SOURCES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
DRAFTS = sorted(SAMPLES.glob("*.json"))

CLAIMS = (
    *("完善", "提升", "提高", "成效", "取得", "不断", "有所", "加强", "优化", "进一步", "严格", "确保", "扩大"),
    *("方便", "落实", "推进", "深化", "做好", "增强", "积极", "认真", "坚持", "及时", "依托", "纳入", "动态更新"),
    *("责任追究", "覆盖面", "清理"),
)
"""Words of a sentence about measures taken, improvements or effects: the clerk's to say, never the drafter's."""


def _imported(source: Path) -> Report:
    return draft_from(read_report(source)).report


def _report(path: Path) -> Report:
    return load_draft(path).report if path.suffix == ".json" else _imported(path)


def _drafts(report: Report) -> Iterator[tuple[str, str]]:
    """Every paragraph nianbao drafts for this report: preface, opening, each theme and heading, 五, 六."""
    titles = dict.fromkeys([*THEMES, *(s.title for s in report.overview.subsections or [])])
    drafters: list[tuple[str, Callable[[Report], str]]] = [
        ("导语", draft_preface),
        ("开头段落", draft_opening),
        *((f"一 {title}", draft_theme(title)) for title in titles),
        ("五", draft_improvements),
        ("六", draft_other),
    ]
    for name, drafter in drafters:
        yield name, drafter(report)


def _figures(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


def _known_figures(report: Report) -> set[str]:
    """The figures the draft holds outside its paragraphs: meta, tables with their totals, 六's fee, 五's answers."""
    five = report.improvements
    held = [
        report.meta.model_dump_json(),
        report.disclosure.model_dump_json(),
        report.requests.model_dump_json(),
        report.appeals.model_dump_json(),
        str(report.other.fee_amount),
        str(report.other.fee_count),
        five.problems or "",
        five.progress or "",
        five.measures or "",
    ]
    held += [str(report.requests.value(key, c)) for key in THREE.keys for c in range(THREE.width)]
    held += [str(report.appeals.total(g)) for g in range(len(FOUR.groups))]
    if report.meta.year is not None:
        held.append(str(report.meta.year + 1))  # 五's 「2026年，本局将……」: the year after the report's
    held.append("1月1日 12月31日")  # the preface's statistics period: the calendar year
    return {figure for text in held for figure in _figures(text)}


def _drafter_words(report: Report, text: str) -> str:
    """The drafted text without what the clerk typed (五's answers, headings), the official headings and blanks."""
    five = report.improvements
    titles = [s.title for s in report.overview.subsections or []]
    typed = [five.problems, five.progress, five.measures, *titles, *THEMES]  # THEMES: the official headings
    for words in sorted((t for t in typed if t), key=len, reverse=True):
        text = text.replace(words, "")
    return re.sub(re.escape(BLANK) + r"[^）]*）", "", text)


@pytest.mark.parametrize("path", DRAFTS + SOURCES, ids=[p.name for p in DRAFTS + SOURCES])
def test_drafted_paragraphs_state_only_what_the_draft_holds(path: Path) -> None:
    """No drafted paragraph has a figure the draft lacks or a claim of improvement nobody typed."""
    report = _report(path)
    known = _known_figures(report)
    for name, text in _drafts(report):
        assert _figures(text) <= known, f"{path.name} {name}: {sorted(_figures(text) - known)} in {text}"
        claims = [w for w in CLAIMS if w in _drafter_words(report, text)]
        assert not claims, f"{path.name} {name}: {claims} in {text}"


@pytest.mark.parametrize("path", DRAFTS + SOURCES, ids=[p.name for p in DRAFTS + SOURCES])
def test_drafted_paragraphs_name_the_body_once_at_most(path: Path) -> None:
    """The body names itself 我镇 / 本局 …: its full name only in the preface's contact, never twice."""
    report = _report(path)
    body = report.meta.body
    assert body, f"{path.name}: the body was not read"
    address = report.meta.contact.address or "\0"
    for name, text in _drafts(report):
        assert text.replace(address, "").count(body) <= (1 if name == "导语" else 0), f"{path.name} {name}: {text}"


def test_the_corpus_drafts_read_real_tables() -> None:
    """The corpus feeds the test above with drafted figures, not only skeletons: table paragraphs are stated."""
    stated = [
        text
        for path in SOURCES
        for name, text in _drafts(_imported(path))
        if name in (f"一 {THEMES[0]}", f"一 {THEMES[1]}") and BLANK not in text
    ]
    assert len(stated) >= len(SOURCES)
    assert any("办理完毕" in text and "其中" in text for text in stated)
