"""Provides drafted paragraphs the interview offers, built from templates and the figures already entered."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sections.model.findings import count, number
from sections.model.labels import DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION
from sections.model.report import Report
from sections.model.tables import FOUR, THREE, TWO
from sections.output.rendering import environment
from sections.rules.overview import THEME_WORDS

THEMES = (*DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION)
"""The official themes of 一: the five of every report, then a people's government's 考核、评议、追究."""
GOVERNMENT_ONLY_WORDS = ("评议", "责任追究")
"""Words in a heading that only the government's theme has (考核 is also 监督保障's)."""


SELF_WORDS: tuple[tuple[str, str], ...] = (
    ("街道办事处", "本街道"),
    ("镇人民政府", "我镇"),
    ("乡人民政府", "我乡"),
    ("区人民政府", "我区"),
    ("县人民政府", "我县"),
    ("市人民政府", "我市"),
    ("州人民政府", "我州"),
    ("省人民政府", "我省"),
    ("自治区人民政府", "我区"),
    ("局", "本局"),
    ("委员会", "本委"),
    ("厅", "本厅"),
    ("办公室", "本办"),
    ("中心", "本中心"),
    ("镇", "我镇"),
    ("乡", "我乡"),
    ("区", "我区"),
    ("县", "我县"),
    ("市", "我市"),
)
"""Name endings and how the body calls itself: 白璧镇人民政府 → 我镇, 某某市场监督管理局 → 本局, 平潭综合实验区 → 我区.

The bare place endings come last: only a name none of the others fits is named by its place."""


def self_word(report: Report) -> str:
    """How the body names itself in its own report, from its name (and level): 我镇, 我区, 本局, else 本机关."""
    body = report.meta.body or ""
    word = next((w for ending, w in SELF_WORDS if body.endswith(ending)), None)
    if word:
        return word
    return {"乡镇街道": "我镇", "县级政府": "我县", "设区的市政府": "我市", "省级政府": "我省"}.get(
        report.meta.level or "", "本机关"
    )


def contact_name(report: Report) -> str:
    """Whom to ask: 「<body><department>」, or the department alone when it already names a body (no doubled names)."""
    body, department = report.meta.body or "", report.meta.contact.department or ""
    if department and ((body and body in department) or "政府" in department or department.endswith(("局", "委员会"))):
        return department
    return f"{body or '本机关'}{department}"


def _draft(name: str, report: Report, **extra: Any) -> str:
    meta = report.meta
    context = {
        "body": meta.body or "本机关",
        "asker": contact_name(report),
        "we": self_word(report),
        "year": meta.year or "",
        "contact": meta.contact,
        **extra,
    }
    return environment().get_template(f"drafts/{name}.j2").render(context).strip()


def draft_preface(report: Report) -> str:
    """The preface: legal basis, the six parts, the statistics period and the contact."""
    return _draft("preface", report)


def draft_opening(report: Report) -> str:
    """A short opening paragraph for 一、总体情况."""
    return _draft("opening", report)


def _counts(values: list[Any]) -> bool:
    return all(isinstance(v, int) and v >= 0 for v in values)


def _table2(report: Report) -> dict[str, Any] | None:
    """Table 二's counts for 主动公开 by their labels, or None while one is missing or not a count.

    Every row but the first document row (规章) must be answered; that one is stated only when some were
    made, repealed or in force (a 乡镇 makes none).
    """
    t2 = report.disclosure
    first, *required = TWO.documents
    if not all(_counts(t2.row(row.key)) for row in (*required, *TWO.decisions)):
        return None
    optional = [first] if _counts(t2.row(first.key)) and any(t2.row(first.key)) else []
    return {
        "documents": [(row.label, *t2.row(row.key)) for row in (*optional, *required)],
        "decisions": [(row.label, t2.row(row.key)[0]) for row in TWO.decisions],
    }


def _table3(report: Report) -> dict[str, Any] | None:
    t3 = report.requests
    keys, total = ("new", "carry_in", THREE.total_row, "carry_out"), THREE.total_column
    if any(t3.value(k, total) is None for k in keys):
        return None
    new, carry_in, done, carry_out = (number(t3.value(k, total)) for k in keys)
    return {
        "new": new,
        "carry_in": carry_in,
        "done": done,
        "carry_out": carry_out,
        "received": new + carry_in,
        "outcomes": outcome_groups(report),
    }


def _bare(label: str) -> str:
    """An official label without its numbering and note: 「（二）部分公开（区分处理的，…）」 → 「部分公开」."""
    return re.sub(r"（[^）]*）$", "", re.sub(r"^(?:（[一二三四五六七八九十]）|\d+\.)", "", label))


@dataclass(frozen=True)
class Outcome:
    """An outcome of table 三 as drafted: a row of its own (予以公开 8), or a merged label and its rows that occur."""

    name: str
    count: int
    """The row's count; 0 for a merged label, whose subtotal the table does not print (so none is drafted)."""
    parts: list[tuple[str, int]] = field(default_factory=list)
    """The rows under a merged label, with their counts: [(「保护第三方合法权益」, 1)]."""

    @property
    def separator(self) -> str:
        """Between the parts: 「、」, or 「；」 when a label has its own 「、」 (…逾期不补正、行政机关不再处理…)."""
        return "；" if any("、" in part for part, _ in self.parts) else "、"


def outcome_groups(report: Report) -> list[Outcome]:
    """Table 三's outcomes that occurred, grouped as the table groups them (不予公开 / 无法提供 / 不予处理 …)."""
    t3, total = report.requests, THREE.total_column
    groups: list[Outcome] = []
    for key in t3.result_keys:
        value = count(t3.value(key, total))
        if not value:
            continue
        row = THREE.row(key)
        heading = THREE.group_headings.get(row.group or "")
        if heading is None:
            groups.append(Outcome(_bare(row.label), value))
            continue
        if not groups or groups[-1].name != _bare(heading):
            groups.append(Outcome(_bare(heading), 0))
        groups[-1].parts.append((_bare(row.label), value))
    return groups


def _table4(report: Report) -> dict[str, Any] | None:
    """Table 四's 总计: 行政复议 and each kind of 行政诉讼 that occurred, or None while one is missing."""
    totals = [report.appeals.total(g) for g in range(len(FOUR.groups))]
    if not all(isinstance(t, int) for t in totals):
        return None
    review, *suits = (count(t) for t in totals)
    return {
        "review": (FOUR.review, review),
        "litigation": FOUR.litigation,
        "suits": [(kind, n) for kind, n in zip(FOUR.litigation_kinds, suits, strict=True) if n],
        "cases": review + sum(suits),
    }


def theme_of(title: str) -> int | None:
    """The official theme (index in `THEMES`) a heading is about: its own title, or one naming it (「…情况」)."""
    if title in THEMES:
        return THEMES.index(title)
    if any(w in title for w in GOVERNMENT_ONLY_WORDS):
        return THEMES.index(GOVERNMENT_SUBSECTION)
    return next((THEMES.index(theme) for theme, words in THEME_WORDS.items() if any(w in title for w in words)), None)


def draft_theme(title: str) -> Callable[[Report], str]:
    """The drafter of a heading of 一: figures from the tables for its theme, else a skeleton with blanks."""
    theme = theme_of(title)

    def drafted(report: Report) -> str:
        figures: dict[str, Any] = {"t2": None, "t3": None, "t4": None}
        if theme == 0:
            figures["t2"] = _table2(report)
        elif theme == 1:
            figures.update(t3=_table3(report), t4=_table4(report))
        return _draft("theme", report, theme=theme, title=title, **figures)

    return drafted


def _sentence(text: str | None) -> str | None:
    """A clerk's answer ready to follow a lead-in: trimmed, ending with a full stop; None when not given."""
    text = (text or "").strip()
    if not text:
        return None
    return text if text[-1] in "。；！？.;!?）)”" else text + "。"


def draft_improvements(report: Report) -> str:
    """五 from its three answers (problems, last year's problems, next steps), a visible blank for each not given."""
    five = report.improvements
    return _draft(
        "improvements",
        report,
        next_year=(report.meta.year or 0) + 1,
        problems=_sentence(five.problems),
        progress=_sentence(five.progress),
        measures=_sentence(five.measures),
    )


def draft_other(report: Report) -> str:
    """Section 六 with the 信息处理费 statement from the figures."""
    return _draft("other", report, fee_amount=report.other.fee_amount, fee_count=report.other.fee_count)


def draft_region_opening(report: Report, units: int) -> str:
    """The opening of 一 for a region whose tables were summed from `units` units' reports (`nianbao merge`)."""
    return _draft("region", report, units=units)
