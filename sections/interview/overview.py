"""Provides section 一、总体情况: an opening paragraph and titled subsections, and check S3."""

from __future__ import annotations

import re
from functools import partial

from sections.interview.questions import Question, narrative_question
from sections.model.errors import AnswerError
from sections.model.ids import SUBSECTIONS, QuestionId, subsection
from sections.model.labels import DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION
from sections.model.overview import SECTION, Subsection, default_subsections, numbered
from sections.model.report import Report
from sections.model.text import clean_text
from sections.output.drafting import draft_opening, draft_region_opening, draft_theme
from sections.store.drafts import InterviewState

TITLE_SEPARATOR = "；"
"""Between headings typed on one line; 「、」 belongs to a heading (工作考核、社会评议和责任追究结果 is one)."""


def _take_titles(report: Report, state: InterviewState, text: str) -> str:

    titles = [
        re.sub(r"^[（(][一二三四五六七八九十][）)]|^\d+[.、]", "", t).strip()
        for t in re.split(r"[\n；;]+|(?=[（(][一二三四五六七八九十][）)])", clean_text(text))
    ]
    titles = [t for t in titles if t]
    if not titles:
        raise AnswerError("请至少给出一个小标题，或直接回车采用默认的小标题。")
    if len(titles) > len(SUBSECTIONS):
        raise AnswerError(f"小标题最多 {len(SUBSECTIONS)} 个，您给了 {len(titles)} 个：请合并一些。")
    old = {s.title: s.text for s in report.overview.subsections or []}
    report.overview.subsections = [Subsection(title=t, text=old.get(t)) for t in titles]
    shown = "".join(numbered(i, t) for i, t in enumerate(titles))
    return f"已记录 {len(titles)} 个小标题：{shown}。"


def _subsection_question(index: int, sub: Subsection) -> Question:

    def put(report: Report, value: str) -> None:
        subs = report.overview.subsections or []
        subs[index] = Subsection(title=sub.title, text=value)
        report.overview.subsections = subs

    def get(report: Report) -> str | None:
        subs = report.overview.subsections or []
        return subs[index].text if index < len(subs) else None

    return narrative_question(
        subsection(index),
        SECTION,
        f"请写“{numbered(index, sub.title)}”这一部分。",
        THEME_HELP.get(sub.title, "写本年度这方面的主要做法和成效，尽量给出具体数字。"),
        get,
        put,
        draft_theme(sub.title),
    )


THEME_HELP = {
    DEFAULT_SUBSECTIONS[0]: "主动公开：本年主动公开的政府信息条数、政策解读件数、重点领域公开情况。"
    "草稿中的数字取自表二。",
    DEFAULT_SUBSECTIONS[1]: "依申请公开：收到、办结、结转的申请件数，办理结果，行政复议和诉讼情况。"
    "草稿中的数字取自表三、表四，与表格一致。",
    DEFAULT_SUBSECTIONS[2]: "政府信息管理：保密审查、公开目录和指南更新、规范性文件清理等。",
    DEFAULT_SUBSECTIONS[3]: "平台建设：政府网站信息公开专栏、政务新媒体、公开栏等。",
    DEFAULT_SUBSECTIONS[4]: "监督保障：组织领导、培训、考核、社会评议和责任追究。",
    GOVERNMENT_SUBSECTION: "各级人民政府须报告工作考核、社会评议和责任追究结果（条例第五十条）。",
}


def questions(report: Report, state: InterviewState) -> list[Question]:
    """一: the opening paragraph, the subsection titles, then each subsection."""
    overview = report.overview
    defaults = [s.title for s in default_subsections(report.meta.is_government)]
    titles = Question(
        QuestionId.S1_TITLES,
        SECTION,
        "总体情况下分几个小标题来写？默认是："
        + "".join(numbered(i, t) for i, t in enumerate(defaults))
        + "。直接回车采用；要自拟请每行一个（或用“；”隔开），标题里的“、”保留。",
        "国办格式要求总体情况覆盖主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面"
        "（人民政府还要报告工作考核、社会评议和责任追究结果）。可以用自己的小标题，但内容要覆盖这些方面。",
        "text",
        _take_titles,
        lambda r, s: r.overview.subsections is not None,
        lambda r: TITLE_SEPARATOR.join(s.title for s in r.overview.subsections or []),
        default=TITLE_SEPARATOR.join(defaults),
    )
    opening = narrative_question(
        QuestionId.S1_OPENING,
        SECTION,
        "总体情况的开头段落（概述本年度政务公开工作）。",
        "一两句话概述全年工作，下面再分小标题展开。全文宜在一千字左右，多写具体数字。",
        lambda r: r.overview.opening,
        lambda r, v: setattr(r.overview, "opening", v),
        draft_opening if state.units is None else partial(draft_region_opening, units=len(state.units.units)),
    )
    # Parts beyond the last numeral are not asked: the titles question refuses them, an old draft may have them.
    subs = [_subsection_question(i, s) for i, s in enumerate((overview.subsections or [])[: len(SUBSECTIONS)])]
    return [opening, titles, *subs]
