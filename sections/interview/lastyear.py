"""Provides the questions about last year's report: the figures the carry-over could not read, asked first.

A draft started from last year's report (`nianbao new --from`) keeps that report for the cross-year checks.
A figure they need that could not be read there (a row the reader left blank, a draft left unanswered) is
asked before anything else, so the check is not silently off: 现行有效 of 规章 and 行政规范性文件 (X2).
What the clerk gives is kept among the interview's choices, never written into last year's report, so /undo
takes it back like any answer; `given` is last year's report with those figures in.
"""

from __future__ import annotations

from decimal import Decimal

from sections.interview.answers import parse_count
from sections.interview.questions import Question
from sections.model.disclosure import SECTION
from sections.model.grids import TABLES, grid
from sections.model.ids import QuestionId
from sections.model.report import Report
from sections.model.tables import TWO, Table2Row
from sections.model.text import normalise
from sections.store.drafts import InterviewState

UNKNOWN = frozenset({"不详", "不知道", "不清楚", "查不到", "未知"})
"""Answers saying last year's figure cannot be given: the check that needs it then stays off, and is said so."""

ASKED: tuple[tuple[QuestionId, str], ...] = (
    (QuestionId.LAST_T2_RULES, "rules"),
    (QuestionId.LAST_T2_NORMATIVE, "normative"),
)
"""Last year's figures asked when missing: 现行有效 of the document rows of table 二, which X2 carries on."""


def _in_force(report: Report, row: Table2Row) -> object:
    return report.disclosure.row(row.key)[-1]


def _question(id: QuestionId, row: Table2Row) -> Question:
    place = row.place(len(row.columns) - 1)

    def take(report: Report, state: InterviewState, text: str) -> str:
        if normalise(text) in UNKNOWN:
            state.choices[id] = []
            return f"好的，上年的数字不详：本年{row.label}的现行有效件数不能与上年核对。"
        value = parse_count(text)
        state.choices[id] = [str(value)]
        return f"已记录：上年{row.label}现行有效 {value} 件。"

    return Question(
        id,
        SECTION,
        f"上年报告中 {place} 未能读出，请填写上年的数字（不知道请答“不详”）。",
        f"本年现行有效件数应等于上年现行有效 + 本年制发 − 本年废止；有了上年的数字才能核对。"
        f"请查上年报告表二“{row.label}”一行的现行有效件数。",
        "number",
        take,
        lambda r, s: isinstance(s.choices.get(id), list),
        lambda r: "",
    )


def given(state: InterviewState) -> Report | None:
    """Last year's report with the figures the clerk gave for those it lacked (a copy when any was given)."""
    previous = state.previous
    if previous is None:
        return None
    update = {}
    for id, key in ASKED:
        value = state.choices.get(id)
        if isinstance(value, list) and value:  # [] is 「不详」: the figure stays blank
            update[key] = [*previous.disclosure.row(key)[:-1], int(value[0])]
    if not update:
        return previous
    return previous.model_copy(update={"disclosure": previous.disclosure.model_copy(update=update)})


def unread(previous: Report) -> list[tuple[str, int]]:
    """Last year's figures in tables 二、三、四 that are not numbers (blank, 「/」): where, how many (a row once)."""
    missing: list[tuple[str, int]] = []
    for table in TABLES:
        for label, row in grid(table, previous).rows:
            slots = [slot for slot in row if slot and slot.put]
            lost = [slot.where for slot in slots if not isinstance(slot.get(previous), int | Decimal)]
            whole = len(lost) == len(slots) > 1
            missing += [(f"表{table} {label}（整行）", len(lost))] if whole else [(where, 1) for where in lost]
    return missing


def unread_text(report: Report, state: InterviewState) -> str | None:
    """Said at the start of an interview carried over from last year: which of its figures could not be read."""
    missing = unread(state.previous) if state.previous is not None else []
    if not missing:
        return None
    shown = "；".join(where for where, _ in missing[:SHOWN]) + (" 等" if len(missing) > SHOWN else "")
    return (
        f"上年报告中有 {sum(n for _, n in missing)} 个数字未能读出：{shown}。"
        + ("与上年核对要用的现行有效件数先问您；其余" if questions(report, state) else "")
        + "在本年相应问题旁注明“上年：未能读出”，这些数字不与上年核对。"
    )


SHOWN = 8
"""How many of last year's unread figures the start names one by one."""


def questions(report: Report, state: InterviewState) -> list[Question]:
    """Last year's figures the carry-over could not read (and those the clerk has given since)."""
    previous = state.previous
    if previous is None:
        return []
    asked = []
    for id, key in ASKED:
        row = TWO.row(key)
        if key == "rules" and report.meta.level is not None and not report.meta.has_rule_making_power:
            continue  # a body that cannot make 规章 has none in force, last year or this
        if not isinstance(_in_force(previous, row), int):
            asked.append(_question(id, row))
    return asked
