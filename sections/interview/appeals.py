"""Provides table 四, 行政复议、行政诉讼情况: its model and checks (C1, C2, T4-SUM)."""

from __future__ import annotations

from sections.interview.answers import parse_yes_no
from sections.interview.questions import Question, numbers_question
from sections.model.appeals import GROUP_QUESTIONS, SECTION
from sections.model.findings import number
from sections.model.ids import QuestionId
from sections.model.report import Report
from sections.model.tables import FOUR
from sections.store.drafts import InterviewState

GATE = QuestionId.T4_ANY


_OUTCOMES = "、".join(FOUR.outcomes)
GROUP_PROMPTS = (
    f"{FOUR.review}：{_OUTCOMES}各几件？（四个数，如 1 0 0 0；没有请答“无”）",
    *(f"{FOUR.litigation}（{kind}）：{_OUTCOMES}各几件？（四个数）" for kind in FOUR.litigation_kinds),
)
"""The question of each group, worded with the table's own headers."""


GROUP_HELP = (
    "只统计因政府信息公开引起的案件。本年未审结的计入“尚未审结”；总计由程序计算。“其他结果”指驳回申请、撤回、终止等。"
)


def _take_gate(report: Report, state: InterviewState, text: str) -> str:
    state.choices[GATE] = parse_yes_no(text)
    if state.choices[GATE]:
        return "好的，下面分行政复议、直接起诉、复议后起诉三类填写。"
    for group in range(len(FOUR.groups)):
        report.appeals.set_group(group, [0] * len(FOUR.outcomes))
    return "已将表四全部填为 0。"


def _group_question(group: int) -> Question:
    def put(report: Report, values: list[int]) -> None:
        report.appeals.set_group(group, values)

    return numbers_question(
        GROUP_QUESTIONS[group],
        SECTION,
        GROUP_PROMPTS[group],
        GROUP_HELP,
        FOUR.outcomes,
        lambda r: r.appeals.group(group)[: FOUR.total_column],
        put,
        total=True,
    )


def _gate(report: Report) -> Question:
    table = report.appeals
    all_answered = all(table.is_answered(g) for g in range(len(FOUR.groups)))
    return Question(
        GATE,
        SECTION,
        "本年度是否有因政府信息公开引起的行政复议或行政诉讼？（是/否）",
        "答“否”则表四全部填 0。",
        "yesno",
        _take_gate,
        lambda r, s: GATE in s.choices or all_answered,
    )


def questions(report: Report, state: InterviewState) -> list[Question]:
    """四: whether there was any case, then the four outcomes of each of the three groups."""
    table = report.appeals
    all_answered = all(table.is_answered(g) for g in range(len(FOUR.groups)))
    nothing = all_answered and not any(number(v) for v in table.cells)
    if state.choices.get(GATE) is False or (GATE not in state.choices and nothing):
        return [_gate(report)]
    return catalogue(report, state)


def catalogue(report: Report, state: InterviewState) -> list[Question]:
    """四: every question the table can ask, the three groups even after 「否」 to the gate."""
    return [_gate(report), *(_group_question(g) for g in range(len(FOUR.groups)))]
