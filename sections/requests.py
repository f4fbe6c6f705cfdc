"""Provides table 三, 收到和处理政府信息公开申请情况: its model and checks (C1, C2, T3-ROW, T3-COL, T3-BAL)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, Field, field_validator

from .answers import ZERO_WORDS, normalise, parse_yes_no
from .errors import AnswerError
from .findings import Figure, Finding, Severity, count, number
from .labels import T3_APPLICANTS, T3_COLUMNS, T3_GROUP_HEADINGS, T3_RESULT_KEYS, T3_ROW, T3_ROWS
from .questions import Question, numbers_question

if TYPE_CHECKING:
    from .drafts import InterviewState
    from .report import Report

SECTION = "三"
WIDTH = len(T3_COLUMNS)
"""Seven cells a row: six applicant columns, then 总计."""
TOTAL = WIDTH - 1
OUTDATED_OTHER = "o_all"
"""The single （六）其他处理 row of the 2019 试行 layout (and of outdated 2021+ reports)."""
SPLIT_OTHER = ("o_nocorrect", "o_nofee", "o_other")


def _empty_rows() -> dict[str, list[Figure]]:
    return {r.key: [None] * WIDTH for r in T3_ROWS if r.key != "total"}


def row_name(key: str) -> str:
    """The row as a reviewer names it: 「（三）不予公开 1.属于国家秘密」, 「（二）部分公开」."""
    row = T3_ROW[key]
    label = row.label.split("（区分处理")[0]
    heading = T3_GROUP_HEADINGS.get(row.group or "")
    return f"{heading} {label}" if heading else label


class Requests(BaseModel):
    """Table 三: applications received and how they were handled, by applicant type.

    Each row holds seven cells; the seventh (总计) and the whole （七）总计 row are None in a draft
    (computed) and hold the printed figures in an imported report, so the checks can compare.
    """

    rows: dict[str, Annotated[list[Figure], Field(min_length=WIDTH, max_length=WIDTH)]] = Field(
        default_factory=_empty_rows)
    """Row key (official_structure.json) → 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计."""

    @field_validator("rows")
    @classmethod
    def _known_rows(cls, rows: dict[str, list[Figure]]) -> dict[str, list[Figure]]:
        unknown = [key for key in rows if key not in T3_ROW]
        if unknown:
            raise ValueError(f"表三没有行“{'、'.join(unknown)}”")
        return rows

    @property
    def result_keys(self) -> tuple[str, ...]:
        """The result sub-rows that add up to （七）总计, in the layout this table uses."""
        if OUTDATED_OTHER in self.rows:
            return tuple(k for k in T3_RESULT_KEYS if k not in SPLIT_OTHER) + (OUTDATED_OTHER,)
        return T3_RESULT_KEYS

    def applicants(self, key: str) -> list[Figure]:
        """The six applicant cells of a row as entered."""
        return self.rows.get(key, [None] * WIDTH)[:TOTAL]

    def value(self, key: str, column: int) -> Figure:
        """A cell as the report shows it: the figure entered or printed, else the computed total."""
        if key == "total" and "total" not in self.rows:
            cells = [self.value(k, column) for k in self.result_keys]
            return None if None in cells else sum(count(c) for c in cells)
        cells = self.rows.get(key, [None] * WIDTH)
        if column < TOTAL or cells[TOTAL] is not None:
            return cells[column]
        six = cells[:TOTAL]
        return None if None in six else sum(count(c) for c in six)

    def row(self, key: str) -> list[Figure]:
        """All seven cells of a row as the report shows them."""
        return [self.value(key, c) for c in range(WIDTH)]

    def is_answered(self, key: str) -> bool:
        """Whether the six applicant cells of a row are answered."""
        return None not in self.applicants(key)

    def set_row(self, key: str, values: list[int]) -> None:
        """Answer a row's six applicant cells; its 总计 becomes computed."""
        self.rows[key] = [*values, None]

    def set_zero(self, keys: tuple[str, ...]) -> None:
        """Answer rows as nothing happened."""
        for key in keys:
            self.set_row(key, [0] * TOTAL)


def _answered_all(report: Report, keys: tuple[str, ...], column: int) -> bool:
    return all(report.requests.value(k, column) is not None for k in keys)


def check_blank(report: Report) -> Iterator[Finding]:
    """C1: every cell of table 三 is a number: 0, not blank, 「/」, 「—」 or 「无」."""
    marks = [f"{row_name(k)} {T3_COLUMNS[c]}（{v or '空白'}）"
             for k, cells in report.requests.rows.items() for c, v in enumerate(cells)
             if isinstance(v, str)]
    if marks:
        yield Finding("C1", Severity.ERROR, SECTION, "表三",
                      f"表三有 {len(marks)} 处不是数字：{'、'.join(marks[:5])}"
                      f"{' 等' if len(marks) > 5 else ''}。", "没有发生的情形填 0。")


def check_negative(report: Report) -> Iterator[Finding]:
    """C2: every count in table 三 is a whole number of at least 0."""
    for key, cells in report.requests.rows.items():
        for column, value in enumerate(cells):
            if isinstance(value, int) and value < 0:
                where = f"表三 行[{row_name(key)}] 列[{T3_COLUMNS[column]}]"
                yield Finding("C2", Severity.ERROR, SECTION, where,
                              f"{where} 填报为 {value}，件数不能为负数。", "请填写 0 或正数。",
                              _target(key))


def check_rows(report: Report) -> Iterator[Finding]:
    """T3-ROW: in each row, the six applicant columns add up to the printed 总计."""
    table = report.requests
    for key, cells in table.rows.items():
        stated, six = cells[TOTAL], cells[:TOTAL]
        if stated is None or None in six:
            continue
        computed = sum(number(c) for c in six)
        if computed != number(stated):
            where = f"表三 行[{row_name(key)}]"
            yield Finding("T3-ROW", Severity.ERROR, SECTION, where,
                          f"{where}：六类申请人合计 {computed}，但总计填报为 {stated}。",
                          "请核对各列数字或总计。", _target(key))


def check_columns(report: Report) -> Iterator[Finding]:
    """T3-COL: in each column, （七）总计 equals the sum of the result sub-rows."""
    table = report.requests
    stated_row = table.rows.get("total")
    if stated_row is None:
        return
    for column, name in enumerate(T3_COLUMNS):
        stated = table.value("total", column)
        if stated is None or not _answered_all(report, table.result_keys, column):
            continue
        computed = sum(number(table.value(k, column)) for k in table.result_keys)
        if computed != number(stated):
            where = f"表三 列[{name}]"
            yield Finding("T3-COL", Severity.ERROR, SECTION, where,
                          f"{where}：各办理结果合计 {computed}，但（七）总计填报为 {stated}。",
                          "请核对办理结果各行或（七）总计。", "t3.outcomes")


def check_balance(report: Report) -> Iterator[Finding]:
    """T3-BAL: in each column, 一 新收 + 二 上年结转 = 三（七）总计 + 四 结转下年度 (the printed 勾稽关系)."""
    table = report.requests
    for column, name in enumerate(T3_COLUMNS):
        if not _answered_all(report, ("new", "carry_in", "total", "carry_out"), column):
            continue
        new, carry_in, done, carry_out = (number(table.value(k, column))
                                          for k in ("new", "carry_in", "total", "carry_out"))
        if new + carry_in != done + carry_out:
            where = f"表三 列[{name}]"
            short = "办理结果或结转数偏少" if new + carry_in > done + carry_out else "办理结果或结转数偏多"
            yield Finding("T3-BAL", Severity.ERROR, SECTION, where,
                          f"{where} 勾稽关系不平：新收 {new} + 上年结转 {carry_in} = {new + carry_in}，"
                          f"但办理结果合计 {done} + 结转下年度 {carry_out} = {done + carry_out}"
                          f"（{short}）。",
                          "应满足 第一项 + 第二项 = 第三项（七）总计 + 第四项：请核对办理结果或结转数。",
                          "t3.carry_out")


def _target(key: str) -> str:
    if key in ("new", "carry_in", "carry_out"):
        return f"t3.{key}"
    return "t3.outcomes" if key == "total" else f"t3.row.{key}"


RULES = (check_blank, check_negative, check_rows, check_columns, check_balance)


GATE = "t3.any"
OUTCOMES = "t3.outcomes"
ROW_HELP = ("一行六个数，按“自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他”的顺序，"
            "用空格隔开，如“3 0 0 0 0 1”；"
            "也可以只写有数的列，如“自然人3 其他1”，其余为 0。总计由程序计算。")
OUTCOME_HELP = {
    "r_partial": "区分处理的申请只计入“部分公开”，不再计入不予公开等其他情形。",
    "o_other": "申请人撤回的申请计入（六）其他处理 3.其他。",
    "u_nothold": "本机关不掌握相关政府信息的，计入（四）无法提供 1。",
}


def outcome_menu() -> str:
    """The numbered list of the 21 result rows, for the outcomes checklist."""
    return "\n".join(f"{i:>2}  {row_name(k)}" for i, k in enumerate(T3_RESULT_KEYS, 1))


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
                raise AnswerError(f"不认识“{part}”：请填写办理结果前面的序号 1–{len(T3_RESULT_KEYS)}，"
                                  "可填多个，用空格隔开，如“1 2 11”。")
            if key not in chosen:
                chosen.append(key)
    chosen.sort(key=T3_RESULT_KEYS.index)
    state.choices[OUTCOMES] = chosen
    table = report.requests
    table.set_zero(tuple(k for k in T3_RESULT_KEYS if k not in chosen))
    for key in chosen:
        if not any(isinstance(v, int) and v for v in table.applicants(key)):
            table.rows[key] = [None] * WIDTH
    if not chosen:
        return "已记录：没有办结的申请，办理结果全部为 0。"
    return f"已记录 {len(chosen)} 种办理结果：{'、'.join(row_name(k) for k in chosen)}。下面逐项填写件数。"


def _outcome_key(part: str) -> str | None:
    if part.isdigit() and 1 <= int(part) <= len(T3_RESULT_KEYS):
        return T3_RESULT_KEYS[int(part) - 1]
    matches = [k for k in T3_RESULT_KEYS if len(part) >= 2 and part in row_name(k)]
    return matches[0] if len(matches) == 1 else None


def _row_question(key: str, prompt: str, help: str = ROW_HELP) -> Question:
    def put(report: Report, values: list[int]) -> None:
        report.requests.set_row(key, values)

    return numbers_question(_target(key), SECTION, prompt, help, T3_APPLICANTS,
                            lambda r: r.requests.applicants(key), put, total=True)


def _chosen(report: Report, state: InterviewState) -> list[str]:
    chosen = state.choices.get(OUTCOMES)
    if isinstance(chosen, list):
        return chosen
    return [k for k in report.requests.result_keys if not report.requests.is_answered(k)]


def questions(report: Report, state: InterviewState) -> list[Question]:
    """三: whether anything happened; 新收 and 上年结转; which outcomes occurred and their rows; 结转下年度."""
    table = report.requests
    rows_answered = all(table.is_answered(k) for k in table.rows if k != "total")
    gate = Question(
        GATE, SECTION, "本年度是否收到政府信息公开申请，或有上年结转的申请？（是/否）",
        "答“否”则表三全部填 0。本年新收指本年收到的申请（收到日期按条例第三十一条确定）。",
        "yesno", _take_gate, lambda r, s: GATE in s.choices or rows_answered,
        lambda r: "", default=None)
    if state.choices.get(GATE) is False or (GATE not in state.choices and rows_answered
                                           and not any(number(v) for c in table.rows.values() for v in c)):
        return [gate]
    outcomes = Question(
        OUTCOMES, SECTION,
        "本年度的办理结果有哪些情形？请填序号，可填多个，用空格隔开（如“1 2 11”）：\n" + outcome_menu(),
        "每件申请只计入一种办理结果。部分公开：区分处理的只计这一情形。申请人撤回的计入（六）3.其他。"
        "没有选中的情形全部按 0 填报。",
        "choice", _take_outcomes,
        lambda r, s: OUTCOMES in s.choices or all(r.requests.is_answered(k) for k in T3_RESULT_KEYS),
        lambda r: " ".join(str(T3_RESULT_KEYS.index(k) + 1) for k in T3_RESULT_KEYS
                           if any(number(v) for v in r.requests.applicants(k))))
    rows = [_row_question(k, f"“{row_name(k)}”的件数？（六个数，按申请人类别）",
                          OUTCOME_HELP.get(k, "") + ROW_HELP) for k in _chosen(report, state)]
    return [
        gate,
        _row_question("new", "一、本年新收政府信息公开申请数量：请按“自然人 商业企业 科研机构 社会公益组织 "
                             "法律服务机构 其他”的顺序填写六个数（如 3 0 0 0 0 1）。"),
        _row_question("carry_in", "二、上年结转政府信息公开申请数量（六个数；没有请答“无”）。"),
        outcomes, *rows,
        _row_question("carry_out", "四、结转下年度继续办理的申请数量（六个数；没有请答“无”）。",
                      "本年未办结、转入下一年度办理的申请。" + ROW_HELP),
    ]
