"""Provides sentence-level tests of the narrative checks N1–N6, with real report phrasing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sections.model.findings import Severity
from sections.model.overview import Subsection
from sections.model.report import Report
from sections.rules.narrative import RULES

# The county-bureau sample: 新收 16, 上年结转 2, 办结 17, 结转下年度 1; 复议 1 (维持), 诉讼 1 (直诉, 尚未审结);
# 行政规范性文件 2/1/9; 规章 0/0/0; 信息处理费 0.
FLAGGED = [
    ("N1", "本年度共收到政府信息公开申请15件，均在法定期限内答复。", Severity.ERROR),
    ("N1", "2025年，区政府办代表区政府受理政府信息公开申请17件，均已按时答复。", Severity.WARNING),
    ("N1", "全年收到政府信息公开申请18件，涉及自然人14件。", Severity.WARNING),
    # 「含上年结转」 explains 16 + 2 = 18, not 17: with the carry-in known, the difference stays an error.
    ("N1", "全年收到政府信息公开申请17件（含上年结转）。", Severity.ERROR),
    ("N1", "全年收到政府信息公开申请19件，包括上年结转的2件。", Severity.ERROR),
    ("N1", "本年度共收到20件申请，办结17件。", Severity.ERROR),
    ("N1", "办结16件，1件结转下年度继续办理。", Severity.ERROR),
    ("N1", "本年度全局受理依申请公开事项16件，3件结转下年度。", Severity.ERROR),
    ("N2", "其中予以公开8件，占33.9%。", Severity.ERROR),
    ("N3", "本年度发生行政复议3件、行政诉讼1件。", Severity.ERROR),
    ("N3", "因政府信息公开引起行政诉讼1件，行政复议1件，均获维持。", Severity.ERROR),
    ("N3", "本年度未发生因政府信息公开引起的行政复议、行政诉讼。", Severity.ERROR),
    ("N4", "本年度共制定行政规范性文件3件，废止1件，现行有效9件。", Severity.ERROR),
    ("N4", "现行有效的规范性文件12件。", Severity.ERROR),
    ("N6", "2024年，本局共制定规范性文件2件，废止1件。", Severity.WARNING),
    ("N6", "截至2024年底，现行有效行政规范性文件9件。", Severity.WARNING),
]

NOT_FLAGGED = [
    "本年度共收到政府信息公开申请16件，上年结转2件，办结17件，结转下年度继续办理1件。",
    "2025年，本局共受理政府信息公开申请16件，答复17件（含上年度结转申请2件，另有1件顺延到下年度答复）。",
    "全年收到政府信息公开申请18件（含上年结转2件）。",
    "本年度共收到16件申请，及时依法依规办结17件，1件结转下年度继续办理。",
    "其中予以公开8件，占47.06%；部分公开2件（11.76%）。",
    "办结率100%，群众满意率98%。",
    "因政府信息公开引起行政复议1件，行政诉讼1件。",
    "行政复议1件，结果维持。",
    "收到群众诉求348件，办结率100%。",
    "本年度制发行政规范性文件2件，废止1件，现行有效9件。",
    "全年新增公开县政府及县政府办政策性文件11件。",
    "针对2024年报告指出的问题，本局完善了公开目录。",
    "2026年，我们将继续加强政务公开工作，计划开展培训3次。",
    "受理行政复议申请1件。",
    "本年度未发生因政府信息公开工作引起的责任追究情况。",
    "公开2024年部门决算、2025年部门预算等信息36条。",
]


def _with_sentence(report: Report, sentence: str) -> Report:
    subs = list(report.overview.subsections or [])
    subs[1] = Subsection(title=subs[1].title, text=sentence)
    report.overview.subsections = subs
    return report


def _narrative_findings(report: Report) -> list[tuple[str, Severity, str]]:
    return [(f.rule, f.severity, f.where) for rule in RULES for f in rule(report)]


def test_county_sample_narrative_is_consistent(county: Report) -> None:
    """The county-bureau sample's drafted paragraphs agree with its tables: no N finding."""
    assert _narrative_findings(county) == []


@pytest.mark.parametrize(
    ("rule", "sentence", "severity"), FLAGGED, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(FLAGGED)]
)
def test_sentence_contradicting_a_table_is_flagged(
    county: Report, rule: str, sentence: str, severity: Severity
) -> None:
    """A sentence whose figure or wording contradicts the tables gets one finding naming its subsection."""
    found = _narrative_findings(_with_sentence(county, sentence))
    assert found == [(rule, severity, "一、总体情况（二）依申请公开")]


@pytest.mark.parametrize("sentence", NOT_FLAGGED)
def test_consistent_or_unreadable_sentence_is_not_flagged(county: Report, sentence: str) -> None:
    """A sentence that agrees with the tables, or that cannot be read with confidence, raises nothing."""
    assert _narrative_findings(_with_sentence(county, sentence)) == []


@pytest.mark.parametrize(
    ("text", "amount", "flagged"),
    [
        ("本年度未收取信息处理费。", Decimal(0), False),
        ("无", Decimal(0), False),
        ("无", Decimal(150), True),
        ("本年度未收取信息处理费。", Decimal(150), True),
        ("本年度收取信息处理费150元，涉及3件申请。", Decimal(150), False),
        ("本年度收取信息处理费200元。", Decimal(150), True),
        ("本年度收取信息处理费200元。", Decimal(0), True),
    ],
)
def test_fee_statement_in_six(county: Report, text: str, amount: Decimal, flagged: bool) -> None:
    """N5: 六 saying 「无」 or 「未收取」 while fees were collected (or stating another sum) is flagged."""
    county.other.text, county.other.fee_amount = text, amount
    assert [r for r, _, _ in _narrative_findings(county)] == (["N5"] if flagged else [])


def test_carry_in_of_zero_does_not_excuse_a_different_count(county: Report) -> None:
    """With 上年结转 0, 「17件（含上年结转）」 against 16 new applications is an error, not a scope warning."""
    county.requests.rows["carry_in"] = [0] * 7
    found = _narrative_findings(_with_sentence(county, "本年度共收到政府信息公开申请17件（含上年结转）。"))
    assert [(rule, severity) for rule, severity, _ in found if rule == "N1"] == [("N1", Severity.ERROR)]


def test_unanswered_tables_are_not_compared(county: Report) -> None:
    """While table 三 is unanswered, no application count in the text is flagged."""
    county.requests.rows["new"] = [None] * 7
    assert _narrative_findings(_with_sentence(county, "本年度共收到政府信息公开申请15件。")) == []
