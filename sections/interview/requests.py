"""Provides table 三, 收到和处理政府信息公开申请情况: its model and checks (C1, C2, T3-ROW, T3-COL, T3-BAL)."""

from __future__ import annotations

import re

from sections.interview import balance
from sections.interview.answers import ZERO_WORDS, parse_yes_no
from sections.interview.questions import Question, numbers_question, said_by_name
from sections.model.errors import AnswerError
from sections.model.findings import number
from sections.model.ids import QuestionId
from sections.model.report import Report
from sections.model.requests import SECTION, row_name, row_question
from sections.model.tables import THREE
from sections.model.text import normalise
from sections.store.drafts import InterviewState

GATE = QuestionId.T3_ANY


OUTCOMES = QuestionId.T3_OUTCOMES


APPLICANTS = " ".join(THREE.applicants)
"""「自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他」: the order a row's six figures are typed in."""
ROW_HELP = (
    f"一行六个数，按“{APPLICANTS}”的顺序，用空格隔开，如“3 0 0 0 0 1”；"
    "也可以只写有数的列，如“自然人3 其他1”，其余为 0。总计由程序计算。"
)


OUTCOME_HELP = {
    "r_partial": "区分处理的申请只计入“部分公开”，不再计入不予公开等其他情形。",
    "o_other": "申请人撤回的申请计入（六）其他处理 3.其他。",
    "u_nothold": "本机关不掌握相关政府信息的，计入（四）无法提供 1。",
}


def outcome_menu() -> str:
    """The numbered list of the 21 result rows, for the outcomes checklist."""
    return "\n".join(f"{i:>2}  {row_name(k)}" for i, k in enumerate(THREE.results, 1))


def _take_gate(report: Report, state: InterviewState, text: str) -> str:
    state.choices[GATE] = parse_yes_no(text)
    if state.choices[GATE]:
        return "好的，下面逐项填写表三。"
    report.requests.set_zero(tuple(k for k in report.requests.rows if k != "total"))
    return "已将表三全部填为 0。"


def _take_outcomes(report: Report, state: InterviewState, text: str) -> str:
    value = normalise(text)
    if value.lower() in ZERO_WORDS:
        chosen: list[str] = []
    else:
        chosen = []
        for part in re.split(r"[\s,、;；]+", value):
            if not part:
                continue
            key = _outcome_key(part)
            if key is None:
                raise AnswerError(
                    f"不认识“{part}”：请填写办理结果前面的序号 1–{len(THREE.results)}，"
                    "可填多个，用空格隔开，如“1 2 11”。"
                )
            if key not in chosen:
                chosen.append(key)
    chosen.sort(key=THREE.results.index)
    state.choices[OUTCOMES] = chosen
    table = report.requests
    table.set_zero(tuple(k for k in THREE.results if k not in chosen))
    for key in chosen:
        if not any(isinstance(v, int) and v for v in table.applicants(key)):
            table.rows[key] = [None] * THREE.width
    if not chosen:
        return "已记录：没有办结的申请，办理结果全部为 0。"
    return f"已记录 {len(chosen)} 种办理结果：{'、'.join(row_name(k) for k in chosen)}。下面逐项填写件数。"


def _outcome_key(part: str) -> str | None:
    if part.isdigit() and 1 <= int(part) <= len(THREE.results):
        return THREE.results[int(part) - 1]
    matches = [k for k in THREE.results if len(part) >= 2 and part in row_name(k)]
    return matches[0] if len(matches) == 1 else None


def _carried_out(previous: Report) -> str:
    """Last year's 结转下年度, which this year's 上年结转 carries on."""
    said = said_by_name(THREE.applicants, previous.requests.applicants("carry_out"), total=True)
    return f"{THREE.row('carry_out').label.partition('、')[2]}：{said}"


def _row_question(key: str, prompt: str, help: str = ROW_HELP) -> Question:
    def put(report: Report, values: list[int]) -> None:
        report.requests.set_row(key, values)

    return numbers_question(
        row_question(key),
        SECTION,
        prompt,
        help,
        THREE.applicants,
        lambda r: r.requests.applicants(key),
        put,
        total=True,
        last_year=_carried_out if key == "carry_in" else None,
    )


def _row_keys(report: Report) -> list[str]:
    """Every result row a question can be asked about: the 21 rows, and the outdated single （六） when present."""
    return [*THREE.results, *((THREE.outdated_other,) if THREE.outdated_other in report.requests.rows else ())]


def _chosen(report: Report, state: InterviewState) -> list[str]:
    chosen = state.choices.get(OUTCOMES)
    if isinstance(chosen, list):
        return [k for k in _row_keys(report) if k in chosen]
    return [k for k in report.requests.result_keys if not report.requests.is_answered(k)]


def _gate(report: Report) -> Question:
    table = report.requests
    rows_answered = all(table.is_answered(k) for k in table.rows if k != "total")
    return Question(
        GATE,
        SECTION,
        "本年度是否收到政府信息公开申请，或有上年结转的申请？（是/否）",
        "答“否”则表三全部填 0。本年新收指本年收到的申请（收到日期按条例第三十一条确定）。",
        "yesno",
        _take_gate,
        lambda r, s: GATE in s.choices or rows_answered,
        lambda r: "",
        default=None,
    )


def _closed(report: Report, state: InterviewState) -> bool:
    """Whether the clerk said nothing happened (or every figure is answered and 0): only the gate applies."""
    table = report.requests
    if GATE in state.choices:
        return state.choices[GATE] is False
    rows_answered = all(table.is_answered(k) for k in table.rows if k != "total")
    return rows_answered and not any(number(v) for c in table.rows.values() for v in c)


def _asked(report: Report, keys: list[str]) -> list[Question]:
    """The gate, 新收, 上年结转, the outcomes checklist, the rows of `keys`, then 结转下年度."""
    outcomes = Question(
        OUTCOMES,
        SECTION,
        "本年度的办理结果有哪些情形？请填序号，可填多个，用空格隔开（如“1 2 11”）：\n" + outcome_menu(),
        "每件申请只计入一种办理结果。部分公开：区分处理的只计这一情形。申请人撤回的计入（六）3.其他。"
        "没有选中的情形全部按 0 填报。",
        "choice",
        _take_outcomes,
        lambda r, s: OUTCOMES in s.choices or all(r.requests.is_answered(k) for k in THREE.results),
        lambda r: " ".join(
            str(THREE.results.index(k) + 1) for k in THREE.results if any(number(v) for v in r.requests.applicants(k))
        ),
    )
    rows = [
        _row_question(k, f"“{row_name(k)}”的件数？（六个数，按申请人类别）", OUTCOME_HELP.get(k, "") + ROW_HELP)
        for k in keys
    ]
    return [
        _gate(report),
        _row_question(
            "new",
            f"{THREE.row('new').label}：请按“{APPLICANTS}”的顺序填写六个数（如 3 0 0 0 0 1）。",
        ),
        _row_question("carry_in", f"{THREE.row('carry_in').label}（六个数；没有请答“无”）。"),
        outcomes,
        *rows,
        _row_question(
            "carry_out",
            f"{THREE.row('carry_out').label}的申请数量（六个数；没有请答“无”）。",
            "本年未办结、转入下一年度办理的申请。" + ROW_HELP,
        ),
    ]


def questions(report: Report, state: InterviewState) -> list[Question]:
    """三: whether anything happened; 新收 and 上年结转; which outcomes occurred and their rows; 结转下年度."""
    if _closed(report, state):
        return [_gate(report)]
    return _asked(report, _chosen(report, state))


def catalogue(report: Report, state: InterviewState) -> list[Question]:
    """三: every question the table can ask, a row question for each result row whether chosen or not.

    `questions` (what applies now) keeps this order, so a question out of the plan can be asked in its place.
    """
    return [*_asked(report, _row_keys(report)), balance.question(report)]
