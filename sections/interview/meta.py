"""Provides the report's basic information (body, level, year, contact, preface) and its checks."""

from __future__ import annotations

import re
from datetime import date

from sections.interview import contact
from sections.interview.answers import ZERO_WORDS, parse_count
from sections.interview.questions import Question, narrative_question
from sections.model.errors import AnswerError
from sections.model.ids import QuestionId
from sections.model.labels import GOVERNMENT_SUBSECTION, LEVELS
from sections.model.meta import SECTION, guess_level
from sections.model.report import Report
from sections.model.text import clean_text, normalise
from sections.output.drafting import draft_preface
from sections.store.drafts import InterviewState

_BODY_YEAR = (
    re.compile(r"(?P<body>.+?)[，,、]?(?P<year>\d{4})年度?(?:政府信息公开工作年度报告)?"),
    re.compile(r"(?P<year>\d{4})年度?[，,、]?(?P<body>.+)"),
)
"""The body's name with the report's year, after it (「白璧镇人民政府2021年度」, a whole title) or before it."""


def _take_body(report: Report, state: InterviewState, text: str) -> str:

    value = "".join(clean_text(text).split())
    match = next((m for m in (p.fullmatch(value) for p in _BODY_YEAR) if m), None)
    value = match.group("body") if match else value
    if not value:
        raise AnswerError("请填写机关全称，如“白璧镇人民政府”“某某县教育局”。")
    if len(value) > 60:
        raise AnswerError(f"机关名称有 {len(value)} 个字，太长了：请只填写机关全称，如“白璧镇人民政府”。")
    report.meta.body = value
    if match is None:
        return f"已记录：{value}。" if report.meta.year is None else f"好的，报告标题将是《{report.meta.title}》。"
    try:
        year = _take_year(report, state, match.group("year"))
    except AnswerError as err:
        return f"已记录：{value}。年度“{match.group('year')}”没有记录：{err.message}"
    return f"好的，报告标题将是《{report.meta.title}》。{year}"


def _take_level(report: Report, state: InterviewState, text: str) -> str:

    value = normalise(text)
    choice = next((lvl for i, lvl in enumerate(LEVELS, 1) if value in (str(i), lvl)), None)
    choice = choice or next((lvl for lvl in LEVELS if len(value) >= 2 and value in lvl), None)
    if choice is None:
        raise AnswerError(f"请填写序号 1–{len(LEVELS)} 或层级名称，如“1”或“乡镇街道”。")
    report.meta.level = choice  # type: ignore[assignment]
    notes = []
    if not report.meta.has_rule_making_power:
        notes.append("本机关没有规章制定权，表二规章一行将按 0 填报")
    if report.meta.is_government:
        notes.append(f"总体情况需报告{GOVERNMENT_SUBSECTION}")
    return f"已记录：{choice}。" + ("；".join(notes) + "。" if notes else "")


def _take_year(report: Report, state: InterviewState, text: str) -> str:

    year = parse_count(text.replace("年", ""))
    this_year = date.today().year
    if not 2008 <= year <= this_year:
        raise AnswerError(f"报告年度应在 2008 至 {this_year} 之间，如 {this_year - 1}。")
    report.meta.year = year
    old = "（注意：2019、2020 年度使用试行格式，本程序按 2021 年格式编写）" if year < 2021 else ""
    return f"已记录：{year} 年度，统计期限 {year}年1月1日至{year}年12月31日。{old}"


def _take_fee_decimals(report: Report, state: InterviewState, text: str) -> str:

    value = normalise(text).replace("位", "")
    state.done.add(QuestionId.META_FEE_DECIMALS)
    if value in ZERO_WORDS or value in ("不要求", "没要求"):
        report.meta.fee_decimals = None
        return "已记录：本省没有小数位数要求。"
    digits = parse_count(value)
    if not 0 <= digits <= 6:
        raise AnswerError("小数位数应在 0 到 6 之间，如 4；没有要求请答“无”。")
    report.meta.fee_decimals = digits
    return f"已记录：收费金额保留 {digits} 位小数。"


def questions(report: Report, state: InterviewState) -> list[Question]:
    """基本信息: name, level, year, contact, the fee-decimals rule, and the preface."""
    guess = guess_level(report.meta.body)
    level_list = "  ".join(f"{i} {lvl}" for i, lvl in enumerate(LEVELS, 1))
    last_year = date.today().year - 1
    return [
        Question(
            QuestionId.META_BODY,
            SECTION,
            "请输入机关全称（用于报告标题），如：白璧镇人民政府；可以连年度一起写，如：白璧镇人民政府2021年度。",
            "填写发布报告的行政机关全称，与报告标题一致：乡镇写“某某镇人民政府”，部门写“某某县教育局”。",
            "text",
            _take_body,
            lambda r, s: r.meta.body is not None,
            lambda r: r.meta.body or "",
        ),
        Question(
            QuestionId.META_LEVEL,
            SECTION,
            f"机关层级？请填序号或名称：{level_list}" + (f"（直接回车选“{guess}”）" if guess else ""),
            "层级决定三件事：是否有规章（只有国务院部门、省级政府、设区的市政府有规章制定权）、"
            "总体情况是否要报告工作考核、社会评议和责任追究结果（各级人民政府要报告），"
            "以及发布期限（部门 1 月 31 日；县级以上人民政府本级报告 3 月 31 日）。",
            "choice",
            _take_level,
            lambda r, s: r.meta.level is not None,
            lambda r: r.meta.level or "",
            default=guess,
        ),
        Question(
            QuestionId.META_YEAR,
            SECTION,
            "报告年度？",
            "统计期限为该年 1 月 1 日至 12 月 31 日。报告于次年 1 月 31 日前"
            "（县级以上人民政府本级报告 3 月 31 日前）发布。",
            "number",
            _take_year,
            lambda r, s: r.meta.year is not None,
            lambda r: str(r.meta.year or ""),
            default=str(last_year),
        ),
        *(contact.question(field) for field in contact.FIELDS),
        Question(
            QuestionId.META_FEE_DECIMALS,
            SECTION,
            "本省是否要求“行政事业性收费”金额保留固定的小数位数？有要求请填位数（如河南要求 4 位，填 4），"
            "没有要求请答“无”。",
            "全国格式没有规定小数位数，部分省份有要求（如河南“单位：万元，保留4位小数”）。"
            "设定后，金额的小数位数不符时会提醒（C3）。",
            "number",
            _take_fee_decimals,
            lambda r, s: r.meta.fee_decimals is not None or QuestionId.META_FEE_DECIMALS in s.done,
            lambda r: "无" if r.meta.fee_decimals is None else str(r.meta.fee_decimals),
        ),
        narrative_question(
            QuestionId.META_PREFACE,
            SECTION,
            "报告开头的导语（编制依据、统计期限、联系方式）。",
            "导语一般写明：依据《中华人民共和国政府信息公开条例》编制；报告由六部分组成；"
            "统计期限；电子版下载地址；联系方式。",
            lambda r: r.meta.preface,
            lambda r, v: setattr(r.meta, "preface", v),
            draft_preface,
        ),
    ]
