"""Provides the typed names of the report's sections (`SectionId`) and of the interview's questions (`QuestionId`).

A question id is stored in draft files (answered, carried over, chosen, and beside each line of the
conversation), so a member's value never changes once released.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

SectionId = Literal["基本信息", "一", "二", "三", "四", "五", "六"]
"""A section of the report: the basic information (title, preface, contact), then 一 to 六."""

SECTION_ORDER: tuple[SectionId, ...] = ("基本信息", "一", "二", "三", "四", "五", "六")
"""The sidebar's order: the report's own."""


def section_id(name: str) -> SectionId:
    """「三」 as a `SectionId`; `ValueError` for anything that is not a section of the report."""
    for section in SECTION_ORDER:
        if section == name:
            return section
    raise ValueError(f"not a section of the report: {name!r}")


class QuestionId(StrEnum):
    """Every question the interview can ask, by the id its answers are stored under."""

    META_BODY = "meta.body"
    META_LEVEL = "meta.level"
    META_YEAR = "meta.year"
    META_DEPARTMENT = "meta.department"
    META_PHONE = "meta.phone"
    META_EMAIL = "meta.email"
    META_ADDRESS = "meta.address"
    META_POSTCODE = "meta.postcode"
    META_FEE_DECIMALS = "meta.fee_decimals"
    META_PREFACE = "meta.preface"

    LAST_T2_RULES = "last.t2.rules"
    LAST_T2_NORMATIVE = "last.t2.normative"

    T2_RULES = "t2.rules"
    T2_NORMATIVE = "t2.normative"
    T2_PERMITS = "t2.permits"
    T2_PENALTIES = "t2.penalties"
    T2_ENFORCEMENT = "t2.enforcement"
    T2_FEE = "t2.fee"

    T3_ANY = "t3.any"
    T3_NEW = "t3.new"
    T3_CARRY_IN = "t3.carry_in"
    T3_OUTCOMES = "t3.outcomes"
    T3_ROW_R_OPEN = "t3.row.r_open"
    T3_ROW_R_PARTIAL = "t3.row.r_partial"
    T3_ROW_D_SECRET = "t3.row.d_secret"
    T3_ROW_D_LAW = "t3.row.d_law"
    T3_ROW_D_3S1W = "t3.row.d_3s1w"
    T3_ROW_D_3RD = "t3.row.d_3rd"
    T3_ROW_D_INTERNAL = "t3.row.d_internal"
    T3_ROW_D_PROCESS = "t3.row.d_process"
    T3_ROW_D_CASE = "t3.row.d_case"
    T3_ROW_D_QUERY = "t3.row.d_query"
    T3_ROW_U_NOTHOLD = "t3.row.u_nothold"
    T3_ROW_U_CREATE = "t3.row.u_create"
    T3_ROW_U_UNCLEAR = "t3.row.u_unclear"
    T3_ROW_N_PETITION = "t3.row.n_petition"
    T3_ROW_N_REPEAT = "t3.row.n_repeat"
    T3_ROW_N_PUB = "t3.row.n_pub"
    T3_ROW_N_MASS = "t3.row.n_mass"
    T3_ROW_N_CONFIRM = "t3.row.n_confirm"
    T3_ROW_O_NOCORRECT = "t3.row.o_nocorrect"
    T3_ROW_O_NOFEE = "t3.row.o_nofee"
    T3_ROW_O_OTHER = "t3.row.o_other"
    T3_ROW_O_ALL = "t3.row.o_all"
    T3_CARRY_OUT = "t3.carry_out"
    T3_BALANCE = "t3.balance"

    T4_ANY = "t4.any"
    T4_REVIEW = "t4.review"
    T4_DIRECT = "t4.direct"
    T4_AFTER_REVIEW = "t4.after_review"

    S1_OPENING = "s1.opening"
    S1_TITLES = "s1.titles"
    S1_SUB_0 = "s1.sub.0"
    S1_SUB_1 = "s1.sub.1"
    S1_SUB_2 = "s1.sub.2"
    S1_SUB_3 = "s1.sub.3"
    S1_SUB_4 = "s1.sub.4"
    S1_SUB_5 = "s1.sub.5"
    S1_SUB_6 = "s1.sub.6"
    S1_SUB_7 = "s1.sub.7"
    S1_SUB_8 = "s1.sub.8"
    S1_SUB_9 = "s1.sub.9"

    S5_PROBLEMS = "s5.problems"
    S5_PROGRESS = "s5.progress"
    S5_MEASURES = "s5.measures"
    S5_TEXT = "s5.text"

    S6_FEE = "s6.fee"
    S6_TEXT = "s6.text"


_ROW_PREFIX = "t3.row."

SUBSECTIONS: tuple[QuestionId, ...] = tuple(q for q in QuestionId if q.startswith("s1.sub."))
"""The questions of the titled parts of 一, in order: at most this many parts are asked."""


def t2_row(key: str) -> QuestionId:
    """The question that sets a row of table 二 (「fee」 → t2.fee); `ValueError` if it has none."""
    return QuestionId(f"t2.{key}")


def t3_row(key: str) -> QuestionId:
    """The question that sets a result row of table 三 (「r_open」 → t3.row.r_open); `ValueError` if it has none."""
    return QuestionId(_ROW_PREFIX + key)


def subsection(index: int) -> QuestionId:
    """The question of the titled part of 一 at `index` (from 0); `IndexError` beyond the last one asked."""
    return SUBSECTIONS[index]
