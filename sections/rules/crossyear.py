"""Provides the cross-year checks X1–X4: this year's report against last year's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from sections.model.disclosure import row_question
from sections.model.findings import Amount, Figure, Finding, Severity
from sections.model.ids import QuestionId, SectionId
from sections.model.labels import SECTION_HEADINGS
from sections.model.report import Report
from sections.model.tables import THREE, TWO

JUMP = 5
"""X3: a figure more than this many times last year's, or below its inverse, is worth a question."""
JUMP_FLOOR = 10
"""X3 ignores figures where both years are below this: 2 → 11 is noise, not news."""
REPEAT_SHARE = 0.5
"""X4: the share of a section's sentences found in last year's text above which it is 「largely repeated」."""
REPEAT_MIN_CHARS = 15
"""Sentences shorter than this (「无。」) are not counted as repeated text."""


def _int(value: Figure | Amount) -> int | None:
    return value if isinstance(value, int) else None


def check_carry_over(report: Report, previous: Report) -> Iterator[Finding]:
    """X1: this year's 上年结转 equals last year's 结转下年度继续办理, column by column."""
    for column, name in enumerate(THREE.columns):
        now = _int(report.requests.value("carry_in", column))
        then = _int(previous.requests.value("carry_out", column))
        if now is not None and then is not None and now != then:
            yield Finding(
                "X1",
                Severity.ERROR,
                "三",
                f"表三 列[{name}]",
                f"本年“上年结转”为 {now} 件，但上年报告“结转下年度继续办理”为 {then} 件。",
                "上年结转应等于上年报告的结转下年度数。",
                QuestionId.T3_CARRY_IN,
            )


def check_in_force(report: Report, previous: Report) -> Iterator[Finding]:
    """X2: 现行有效 = last year's 现行有效 + 本年制发 − 本年废止, for 规章 and 行政规范性文件."""
    for row in TWO.documents:
        made, repealed, in_force = (_int(v) for v in report.disclosure.row(row.key))
        before = _int(previous.disclosure.row(row.key)[-1])
        if None in (made, repealed, in_force, before):
            continue
        expected = (before or 0) + (made or 0) - (repealed or 0)
        if expected != in_force:
            yield Finding(
                "X2",
                Severity.WARNING,
                "二",
                row.place(len(row.columns) - 1),
                f"{row.label}现行有效 {in_force} 件，但上年现行有效 {before} + 本年制发 {made} − "
                f"本年废止 {repealed} = {expected} 件。",
                "如有集中清理或失效，请在正文说明；否则请核对。",
                row_question(row.key),
            )


def _compared(report: Report) -> dict[str, tuple[int | None, QuestionId]]:
    t2, t3 = report.disclosure, report.requests
    compared = {row.place(0): (_int(t2.row(row.key)[0]), row_question(row.key)) for row in TWO.decisions}
    compared["表三 本年新收申请总计"] = (_int(t3.value("new", THREE.total_column)), QuestionId.T3_NEW)
    return compared


def check_jumps(report: Report, previous: Report) -> Iterator[Finding]:
    """X3: a figure jumps to more than 5× or falls below 0.2× of last year's."""
    before = _compared(previous)
    for where, (now, question) in _compared(report).items():
        then = before[where][0]
        if now is None or then is None or max(now, then) < JUMP_FLOOR:
            continue
        if now > then * JUMP or now * JUMP < then:
            yield Finding(
                "X3",
                Severity.WARNING,
                "二" if where.startswith("表二") else "三",
                where,
                f"{where} 本年 {now}，上年 {then}，变化超过 {JUMP} 倍。",
                "请核对是否录入错误（如单位、漏位），确认无误可忽略。",
                question,
            )


def _sentences(text: str) -> list[str]:
    parts = (re.sub(r"\s+", "", s) for s in re.split(r"[。；！？\n]", text))
    return [s for s in parts if len(s) >= REPEAT_MIN_CHARS]


def check_repetition(report: Report, previous: Report) -> Iterator[Finding]:
    """X4: 一 or 五 largely repeats last year's text; the repeated passages are shown."""
    pairs: tuple[tuple[str, str, str, SectionId, QuestionId], ...] = (
        (SECTION_HEADINGS[0], report.overview.text, previous.overview.text, "一", QuestionId.S1_OPENING),
        (
            SECTION_HEADINGS[4],
            report.improvements.text or "",
            previous.improvements.text or "",
            "五",
            QuestionId.S5_TEXT,
        ),
    )
    for heading, now, then, section, question in pairs:
        current, old = _sentences(now), _sentences(then)
        if not current or not old:
            continue
        repeated = [s for s in current if _near(s, old)]
        share = len(repeated) / len(current)
        if share > REPEAT_SHARE:
            shown = "；".join(f"“{s[:30]}…”" for s in repeated[:3])
            yield Finding(
                "X4",
                Severity.WARNING,
                section,
                heading,
                f"{heading}有 {share:.0%} 的句子与上年报告相同或几乎相同，如：{shown}",
                "请写本年度的实际情况，不要照抄上年报告。",
                question,
            )


def _near(sentence: str, others: list[str]) -> bool:
    for other in others:
        if sentence == other:
            return True
        matcher = SequenceMatcher(None, sentence, other, autojunk=False)
        if matcher.real_quick_ratio() > 0.9 and matcher.ratio() > 0.9:
            return True
    return False


RULES = (check_carry_over, check_in_force, check_jumps, check_repetition)
