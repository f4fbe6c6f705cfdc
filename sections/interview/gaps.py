"""Provides `unanswered` and `gaps_text`: what a draft still lacks, said the same way by every front end.

The export command, the app's export dialog and /export in the line and plain modes all list the questions
that apply to the report and have no answer yet, grouped by section and named as the interview asks them.
"""

from __future__ import annotations

import re

from sections.interview.flow import SECTION_TITLES, Flow
from sections.interview.questions import Question, label
from sections.model.ids import SECTION_ORDER, QuestionId, SectionId
from sections.store.drafts import Draft

Gaps = list[tuple[SectionId, int, list[str]]]
"""Per section (in the report's order): how many questions are unanswered, and their names; a section none of
whose questions is answered is named as a whole (「整个部分都没有填写（28 题）」)."""

UNPRINTED = frozenset(
    {
        *(QuestionId.META_DEPARTMENT, QuestionId.META_PHONE, QuestionId.META_EMAIL),
        *(QuestionId.META_ADDRESS, QuestionId.META_POSTCODE, QuestionId.META_FEE_DECIMALS),
        *(QuestionId.LAST_T2_RULES, QuestionId.LAST_T2_NORMATIVE),
        *(QuestionId.T3_ANY, QuestionId.T3_OUTCOMES, QuestionId.T4_ANY),
        *(QuestionId.S5_PROBLEMS, QuestionId.S5_PROGRESS, QuestionId.S5_MEASURES, QuestionId.S6_FEE),
    }
)
"""Questions whose answer is printed only through other answers, or not at all: the contact (in the preface),
a setting, last year's figures, the gates and the outcomes checklist (the figures they lead to), what 五 and 六
are drafted from (their text). Without them the report has no blank of its own; the answers they feed are
listed when missing."""
WHOLE = 3
"""A section with more questions than this, none answered, is named as a whole rather than question by question."""


def unanswered(interview: Flow) -> Gaps:
    """The questions that apply to the report and have no answer, grouped by section in the report's order.

    Only questions whose answer is printed count. A figure carried over from last year counts as answered: it is
    in the report that would be written. Table 二 of a 2019/2020 report is printed as read (试行 layout).
    """
    gaps: Gaps = []
    trial = interview.report.disclosure.trial is not None
    for section in SECTION_ORDER:
        asked = [
            q
            for q in interview.plan()
            if q.section == section and q.id not in UNPRINTED and not (trial and section == "二")
        ]
        missing = [q for q in asked if not q.filled(interview.report, interview.state)]
        if len(missing) == len(asked) > WHOLE:
            gaps.append((section, len(missing), [f"整个部分都没有填写（{len(missing)} 题）"]))
        elif missing:
            gaps.append((section, len(missing), [name(q) for q in missing]))
    return gaps


def draft_gaps(draft: Draft) -> Gaps:
    """`unanswered` for a draft read from a file (no interview open on it)."""
    return unanswered(Flow(draft, checking=False))  # the questions only: running every rule would cost the export


def name(question: Question) -> str:
    """A question as the interview asks it, without the typing hints: 「二、上年结转政府信息公开申请数量」."""
    asked = re.split(r"[：？]|，如", label(question), maxsplit=1)[0]
    return re.sub(r"（[^（）]*）。$", "", asked).removesuffix("。")


def gaps_text(gaps: Gaps) -> str:
    """「还有 N 题没有回答…」 then one line per section: its heading and the questions, 「；」 between them."""
    count = sum(n for _, n, _ in gaps)
    lines = [f"还有 {count} 题没有回答，导出的报告中这些地方会是空白："]
    lines += [f"  {SECTION_TITLES[section]}：{'；'.join(names)}" for section, _, names in gaps]
    return "\n".join(lines)
