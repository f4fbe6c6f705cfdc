"""Provides drafted paragraphs the interview offers, built from templates and the figures already entered."""

from __future__ import annotations

from typing import Any

from sections.model.findings import number
from sections.model.labels import DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION
from sections.model.report import Report
from sections.model.requests import row_name
from sections.model.tables import THREE
from sections.output.rendering import environment

THEMES = (*DEFAULT_SUBSECTIONS, GOVERNMENT_SUBSECTION)


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
)
"""Name endings and how the body calls itself: 白璧镇人民政府 → 我镇, 云溪县市场监督管理局 → 本局."""


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


def _table2(report: Report) -> dict[str, Any] | None:
    t2 = report.disclosure
    values = [*t2.normative, t2.permits, t2.penalties, t2.enforcement]
    return t2.model_dump() if None not in values else None


def _table3(report: Report) -> dict[str, Any] | None:
    t3 = report.requests
    keys, total = ("new", "carry_in", THREE.total_row, "carry_out"), THREE.total_column
    if any(t3.value(k, total) is None for k in keys):
        return None
    new, carry_in, done, carry_out = (number(t3.value(k, total)) for k in keys)
    outcomes = [(_outcome_name(k), t3.value(k, total)) for k in t3.result_keys if t3.value(k, total)]
    return {
        "new": new,
        "carry_in": carry_in,
        "done": done,
        "carry_out": carry_out,
        "received": new + carry_in,
        "outcomes": outcomes,
    }


def _outcome_name(key: str) -> str:
    """「（三）不予公开 4.保护第三方合法权益」 → 「保护第三方合法权益」; （六）3.其他 → 「其他处理」."""
    name = row_name(key).split("）")[-1].split(".")[-1]
    return "其他处理" if name == "其他" else name


def _table4(report: Report) -> dict[str, Any] | None:
    totals = [report.appeals.total(g) for g in range(3)]
    if not all(isinstance(t, int) for t in totals):
        return None
    review, direct, after = (int(t or 0) for t in totals)
    return {"review": review, "litigation": direct + after, "cases": review + direct + after}


def draft_theme(title: str) -> Any:
    """A drafter for one of 一's default themes, or None for a title of the clerk's own."""
    if title not in THEMES:
        return None
    index = THEMES.index(title)

    def drafted(report: Report) -> str:
        return _draft("theme", report, theme=index, t2=_table2(report), t3=_table3(report), t4=_table4(report))

    return drafted


def draft_improvements(report: Report) -> str:
    """A skeleton of 五 with visible blanks for the problems, last year's improvements and next steps."""
    return _draft("improvements", report, next_year=(report.meta.year or 0) + 1)


def draft_other(report: Report) -> str:
    """Section 六 with the 信息处理费 statement from the figures."""
    return _draft("other", report, fee_amount=report.other.fee_amount, fee_count=report.other.fee_count)


def draft_region_opening(report: Report, units: int) -> str:
    """The opening of 一 for a region whose tables were summed from `units` units' reports (`nianbao merge`)."""
    return _draft("region", report, units=units)
