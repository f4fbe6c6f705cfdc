"""Provides the question a T3-BAL finding jumps to: the column that does not balance, and which row to change.

T3-BAL (新收 + 上年结转 = 办理结果总计 + 结转下年度, per column) cannot tell which figure is wrong; so rather than
landing on one row, the interview shows the column's figures row by row and the clerk picks the one to change.
"""

from __future__ import annotations

from sections.interview.answers import ZERO_WORDS
from sections.interview.questions import Question
from sections.model.errors import AnswerError
from sections.model.findings import number
from sections.model.ids import QuestionId
from sections.model.report import Report
from sections.model.requests import SECTION, row_name, row_question
from sections.model.tables import THREE
from sections.model.text import normalise
from sections.store.drafts import InterviewState

BALANCE = QuestionId.T3_BALANCE
KEEP = "不改"
"""The answer that changes nothing (also what Enter gives)."""
OUTCOMES = "办理结果的情形（漏选或多选了某种办理结果）"


def unbalanced(report: Report) -> list[int]:
    """The columns of table 三 whose 新收 + 上年结转 differs from 办理结果总计 + 结转下年度 (all four answered)."""
    table = report.requests
    columns = []
    for column in range(THREE.width):
        new, carry_in, done, carry_out = (table.value(k, column) for k in ("new", "carry_in", "total", "carry_out"))
        if None in (new, carry_in, done, carry_out):
            continue
        if number(new) + number(carry_in) != number(done) + number(carry_out):
            columns.append(column)
    return columns


def _options(report: Report, column: int) -> list[tuple[QuestionId, str]]:
    """The rows the clerk can change, with their figure in `column`.

    新收, 上年结转, the results that have a figure there, the outcomes checklist, then 结转下年度.
    """
    table = report.requests

    def row(key: str) -> tuple[QuestionId, str]:
        return row_question(key), f"{row_name(key)}  {table.value(key, column)}"

    results = [row(k) for k in table.result_keys if number(table.value(k, column))]
    return [row("new"), row("carry_in"), *results, (QuestionId.T3_OUTCOMES, OUTCOMES), row("carry_out")]


def _prompt(report: Report) -> str:
    columns = unbalanced(report)
    if not columns:
        return f"表三各列的勾稽关系已经平衡，无须修改。直接回车继续（答“{KEEP}”）。"
    column = columns[0]
    table = report.requests
    new, carry_in, done, carry_out = (number(table.value(k, column)) for k in ("new", "carry_in", "total", "carry_out"))
    menu = "\n".join(f"{i:>2}  {said}" for i, (_, said) in enumerate(_options(report, column), 1))
    others = "、".join(f"列[{THREE.columns[c]}]" for c in columns[1:])
    return (
        f"表三 列[{THREE.columns[column]}] 勾稽关系不平\n新收 {new} + 上年结转 {carry_in} = {new + carry_in}，"
        f"但办理结果合计 {done} + 结转下年度 {carry_out} = {done + carry_out}。"
        f"哪一行需要改？请填序号（直接回车先不改）：\n{menu}" + (f"\n另有 {others} 也不平。" if others else "")
    )


def _chosen(report: Report, text: str) -> tuple[QuestionId, str] | None:
    """The row an answer picks (by number or by a part of the row's name) and its line; None to change nothing."""
    value = normalise(text)
    if value in (KEEP, "") or value.lower() in ZERO_WORDS:
        return None
    columns = unbalanced(report)
    options = _options(report, columns[0]) if columns else []
    if value.isdigit() and 1 <= int(value) <= len(options):
        return options[int(value) - 1]
    named = [option for option in options if len(value) >= 2 and value in option[1]]
    if len(named) == 1:
        return named[0]
    raise AnswerError(f"请填要改的那一行前面的序号 1–{len(options)}；不改请答“{KEEP}”或直接回车。")


def _take(report: Report, state: InterviewState, text: str) -> str:
    chosen = _chosen(report, text)
    if chosen is None:
        return "好的，先不改；随时可以在问题清单里回到这里。"
    state.choices[BALANCE] = [chosen[0]]
    return f"好的，改“{chosen[1].split('  ')[0]}”。"


def leads_to(report: Report, state: InterviewState) -> QuestionId | None:
    """The row the clerk chose to change, once: the interview goes there instead of on."""
    chosen = state.choices.pop(BALANCE, None)
    return QuestionId(chosen[0]) if isinstance(chosen, list) and chosen else None


def question(report: Report) -> Question:
    """Where a T3-BAL finding lands: the first column that does not balance, its rows, and which to change."""
    return Question(
        BALANCE,
        SECTION,
        _prompt(report),
        "新收 + 上年结转 应等于 办理结果合计 + 结转下年度。程序不知道哪个数字错了：请对照台账，选出填错的那一行修改。",
        "choice",
        _take,
        lambda r, s: not unbalanced(r),
        default=KEEP,
        leads_to=leads_to,
    )
