"""Provides `take_sentence`: a clerk's sentence about tables 二、三、四 written into the report and said back.

The sentence reader (`sections.reading.stated`) decides what the sentence states and where it goes; here
the figures are written, table 三 and 四's gates and outcomes checklist follow from them, and one message
says back, as a small table, what was recorded and what was not.
"""

from __future__ import annotations

from sections.interview import appeals, requests
from sections.model.ids import QuestionId
from sections.model.report import Report
from sections.model.requests import OWN_QUESTIONS, row_name, row_question
from sections.model.tables import FOUR, THREE, TWO
from sections.reading.stated import Reading, read_sentence
from sections.store.drafts import InterviewState

SECTIONS = ("二", "三", "四")
"""The sections whose figure questions take a sentence."""
HELP = (
    "也可以用一句话回答，一次填好多项，如“收到3件，都是个人申请的，2件公开了，1件不掌握，没有上年结转，也没有结转到明年”"
    "“许可5件，处罚7件，没有收费”“复议1件，维持了；没有诉讼”。写不准的数（十几件、大部分）不会记录；/undo 撤销整句。"
)
"""Said with /help at a figure question of 二、三、四."""


def open_row(question: QuestionId) -> str:
    """The table 三 row a question sets, where a bare 「个人2件」 belongs (本年新收 elsewhere)."""
    return next((k for k in THREE.keys if k != THREE.total_row and row_question(k) == question), "new")


def read(report: Report, question: QuestionId, text: str) -> Reading:
    """What the sentence states, read for this report and the open question."""
    powerless = report.meta.level is not None and not report.meta.has_rule_making_power
    no_rules = powerless and None in report.disclosure.rules  # never over figures the clerk typed
    return read_sentence(text, row=open_row(question), no_rules=no_rules)


def take_sentence(report: Report, state: InterviewState, reading: Reading) -> str:
    """Write what `reading` placed into the report; return it said back as lines of place and figures."""
    lines = [*_two(report, reading), *_three(report, state, reading), *_four(report, state, reading)]
    said = "按您的话记录了：\n" + "\n".join(f"  {line}" for line in lines) if lines else ""
    pending = [*(_pending_three(reading)), *(_pending_four(reading))]
    if pending:
        said += "\n还要再问：" + "；".join(pending) + "。"
    if reading.notes:
        said += "\n" + "".join(reading.notes)
    if reading.refused:
        said += "\n没有记录：\n" + "\n".join(f"  {r}" for r in reading.refused)
    return said.strip()


def _two(report: Report, reading: Reading) -> list[str]:
    """Table 二's figures written; one line a row (「表二 行政规范性文件：本年制发件数 2、本年废止件数 0」)."""
    lines = []
    for row in TWO.rows:
        said = []
        for column, name in enumerate(row.columns):
            if (row.key, column) in reading.two:
                value = reading.two[(row.key, column)]
                report.disclosure.set_figure(row.key, column, value)
                said.append(f"{name} {value}" if row.many else f"{value}{' 万元' if row.amount else ''}")
        if said:
            lines.append(f"表二 {row.label}：{'、'.join(said)}")
    return lines


def _by_applicant(values: list[int]) -> str:
    named = [f"{name} {v}" for name, v in zip(THREE.applicants, values, strict=True) if v]
    return "、".join(named) if named else "0"


def _three(report: Report, state: InterviewState, reading: Reading) -> list[str]:
    table = report.requests
    lines = []
    for key in [*(k for k in ("new", "carry_in") if k in reading.three), *THREE.results, "carry_out"]:
        if key in reading.three:
            table.set_row(key, reading.three[key])
            lines.append(f"表三 {_name(key)}：{_by_applicant(reading.three[key])}")
    for key in reading.three_totals:
        table.rows[key] = [None] * THREE.width
    if reading.rest_zero:
        stated = set(reading.three) | set(reading.three_totals)
        rest = tuple(k for k in THREE.results if k not in stated)
        table.set_zero(rest)
        if rest:
            lines.append("表三 其余办理结果：0")
        state.choices[requests.OUTCOMES] = [
            k for k in THREE.results if any(reading.three.get(k, [])) or reading.three_totals.get(k)
        ]
    counts = {**{k: sum(v) for k, v in reading.three.items()}, **reading.three_totals}
    if any(counts.get(k) for k in THREE.keys):
        state.choices[requests.GATE] = True
    elif counts.get("new") == 0 and counts.get("carry_in") == 0:
        state.choices[requests.GATE] = False
        table.set_zero(tuple(k for k in table.rows if k != THREE.total_row))
    return lines


def _name(key: str) -> str:
    return THREE.row(key).label if key in OWN_QUESTIONS else row_name(key)


def _pending_three(reading: Reading) -> list[str]:
    pending = [f"{_name(k)} {v} 件分别是哪类申请人" for k, v in reading.three_totals.items() if v]
    nothing_new = reading.three.get("new") == [0] * len(THREE.applicants)
    if nothing_new and "carry_in" not in reading.three and "carry_in" not in reading.three_totals:
        pending.append("有没有上年结转的申请（没有请答“否”）")
    return pending


def _four(report: Report, state: InterviewState, reading: Reading) -> list[str]:
    lines = []
    for group in sorted(reading.four):
        values = reading.four[group]
        report.appeals.set_group(group, values)
        named = [f"{name} {v}" for name, v in zip(FOUR.outcomes, values, strict=True) if v]
        lines.append(f"表四 {FOUR.groups[group].name}：{'、'.join(named) or '0'}")
    for group in reading.four_totals:
        start = FOUR.index(group, 0)
        report.appeals.cells[start : start + FOUR.group_width] = [None] * FOUR.group_width
    if reading.four_totals or any(any(v) for v in reading.four.values()):
        state.choices[appeals.GATE] = True
    elif len(reading.four) == len(FOUR.groups):
        state.choices[appeals.GATE] = False
    return lines


def _pending_four(reading: Reading) -> list[str]:
    return [f"{FOUR.groups[g].name} {v} 件的结果" for g, v in reading.four_totals.items()]


def offer(report: Report, text: str) -> Reading | None:
    """The counts of tables 三 and 四 a paragraph of 一 states whose places are still unanswered, if any."""
    stated = read_sentence(text, cases_only=True)
    table, cases = report.requests, report.appeals
    offered = Reading(
        three={k: v for k, v in stated.three.items() if not table.is_answered(k)},
        three_totals={k: v for k, v in stated.three_totals.items() if not table.is_answered(k)},
        rest_zero=stated.rest_zero and not any(table.is_answered(k) for k in THREE.results),
        four={g: v for g, v in stated.four.items() if not cases.is_answered(g)},
        four_totals={g: v for g, v in stated.four_totals.items() if not cases.is_answered(g)},
    )
    return offered if offered.three or offered.three_totals or offered.four or offered.four_totals else None


def offer_text(offered: Reading) -> str:
    """「正文说本年新收 17 件、（一）予以公开 10 件，是否记入表三？」: the offer as the assistant makes it."""
    counts = [
        *(f"{_name(k)} {sum(v)} 件" for k, v in offered.three.items()),
        *(f"{_name(k)} {v} 件" for k, v in offered.three_totals.items()),
        *(f"{FOUR.groups[g].name} {sum(v)} 件" for g, v in offered.four.items()),
        *(f"{FOUR.groups[g].name} {v} 件" for g, v in offered.four_totals.items()),
    ]
    tables = "、".join(
        t
        for t, found in (("表三", offered.three or offered.three_totals), ("表四", offered.four or offered.four_totals))
        if found
    )
    return f"正文说{'、'.join(counts)}，是否记入{tables}？（答“是”记入，答“否”不记；也可以直接回答下面的问题）"
