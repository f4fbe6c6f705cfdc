"""Provides the narrative checks N1–N6: figures and years stated in the text against the tables.

Precision matters more than recall: a sentence is only compared when its wording says unambiguously
which figure it states; anything else is left alone rather than risk a false error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from sections.model.appeals import Appeals
from sections.model.findings import Figure, Finding, Severity, number
from sections.model.ids import QuestionId
from sections.model.labels import SECTION_HEADINGS
from sections.model.report import Report
from sections.model.tables import THREE
from sections.model.vocabulary import (
    ALL_CLOSED,
    ALL_UPHELD,
    APPLICATION_PATTERNS,
    CASE_PATTERNS,
    DOCUMENT_PATTERNS,
    DOCUMENTS,
    DONE,
    FEE,
    NO_CASES,
    NO_FEE,
    NUM,
    OUTCOME,
    OUTCOME_GROUPS,
    RECEIVED,
)
from sections.rules.passages import Passage, passages, squeeze
from sections.rules.shared import shared

_rx = lru_cache(maxsize=256)(re.compile)
"""The compiled pattern: every sentence of every passage is matched against the same few dozen."""
_COUNT = re.compile(r"\d件")
"""A figure in 件: every count N1 compares (APPLICATION_PATTERNS, OUTCOME) is one, so a sentence without any
(「文件」「案件」) is passed over before its patterns are tried."""
STATED_BY: dict[str, tuple[str, ...]] = {
    "received": RECEIVED,
    "done": DONE,
    "carry_in": ("结转",),
    "carry_out": ("结转", "顺延"),
}
"""Words one of which every statement of a kind in APPLICATION_PATTERNS holds: a sentence without any is passed
over before the kind's patterns are tried."""
_STATED_COUNT = re.compile(rf"{NUM}件")
"""A count in 件 (N2's denominators): looked for only in the sentences that hold a 「件」, as no count spans two."""
INCLUDING = ("含", "包括", "包含")
SCOPE_WORDS = (*INCLUDING, "代表", "备案", "汇总", "各级", "全市", "全区", "全县", "全省")
COMPARISON_WORDS = ("较", "比", "同比", "上年", "去年", "针对", "以来", "此前", "相比", "《")


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _known(value: Figure) -> int | None:
    return value if isinstance(value, int) else None


def _total(report: Report, key: str) -> int | None:
    return _known(report.requests.value(key, THREE.total_column))


def _totals(report: Report) -> dict[str, int | None]:
    """The 总计 of the rows of table 三 a narrative states: 本年新收, 上年结转, （七）总计, 结转下年度."""
    return {key: _total(report, key) for key in ("new", "carry_in", "total", "carry_out")}


def _printed(name: str) -> str:
    """A result group as table 三 heads it: 「（一）予以公开」, 「（三）不予公开」."""
    headings = (*THREE.group_headings.values(), *(row.label.split("（区分")[0] for row in THREE.rows))
    return next(h for h in headings if h.endswith(name))


OUTCOMES: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (name, _printed(name), words) for name, words in OUTCOME_GROUPS
)
"""Each result group of table 三: the word for it, its row group as a reviewer names it, how the text says it."""


def check_applications(report: Report) -> Iterator[Finding]:
    """N1: application counts stated in the narrative (收到/受理, 办结, 结转, each outcome) match table 三.

    A list of outcomes (「同意公开答复7件，部分公开答复0件，不予公开答复1件」) is compared item by item with
    its group of result rows, never with the total.
    """
    totals = shared(_totals, report)
    new, carry_in = totals["new"], totals["carry_in"]
    tabled = {"done": totals["total"], "carry_in": carry_in, "carry_out": totals["carry_out"]}
    groups: dict[str, int | None] | None = None
    for passage in shared(passages, report):
        if "件" not in passage.text:
            continue
        for sentence in passage.sentences():
            if "件" not in sentence or not _COUNT.search(sentence) or "复议" in sentence or "诉讼" in sentence:
                continue
            if any(word in sentence for _, _, words in OUTCOMES for word in words):
                groups = _outcome_totals(report) if groups is None else groups
                yield from _compare_outcomes(sentence, groups, passage)
                sentence = _rx(OUTCOME).sub("＃", sentence)
            for kind, pattern, words in APPLICATION_PATTERNS:
                if not any(word in sentence for word in STATED_BY[kind]):
                    continue
                for match in _rx(pattern).finditer(sentence):
                    stated = _int(next(g for g in match.groups() if g and _rx(NUM).fullmatch(g)))
                    finding = _compare_applications(kind, stated, new, carry_in, tabled, sentence, passage, words)
                    if finding:
                        yield finding
                        break


def _outcome_totals(report: Report) -> dict[str, int | None]:
    """Each result group's 总计 column summed over its rows (None while any is unread)."""
    totals: dict[str, int | None] = {}
    for name, rows in _groups(report.requests.result_keys).items():
        values = [_total(report, k) for k in rows]
        totals[name] = None if not rows or None in values else sum(v or 0 for v in values)
    return totals


@lru_cache(maxsize=4)
def _groups(keys: tuple[str, ...]) -> dict[str, list[str]]:
    """The result rows of each outcome group, in a layout."""
    return {name: [k for k in keys if _group_name(k) == name] for name, _, _ in OUTCOMES}


def _group_name(key: str) -> str:
    row = THREE.row(key)
    heading = THREE.group_headings.get(row.group or "", row.label)
    return next((name for name, printed, _ in OUTCOMES if heading.startswith(printed)), "")


def _compare_outcomes(sentence: str, groups: dict[str, int | None], passage: Passage) -> Iterator[Finding]:
    for match in _rx(OUTCOME).finditer(sentence):
        said, stated = match.group(1), _int(match.group(2))
        named = [(n, p) for n, p, words in OUTCOMES if any(w in said for w in words)]
        values = [groups.get(n) for n, _ in named]
        if not named or None in values:
            continue
        table = sum(v or 0 for v in values)
        if stated == table:
            continue
        yield Finding(
            "N1",
            Severity.ERROR,
            passage.section,
            passage.where,
            f"正文“{sentence[:60]}”称{said} {stated} 件，与表三{'、'.join(p for _, p in named)}合计 {table} 件不符。",
            "正文各办理结果的件数应与表三对应的行一致。",
            passage.question,
        )


def _compare_applications(
    kind: str,
    stated: int,
    new: int | None,
    carry_in: int | None,
    tabled: dict[str, int | None],
    sentence: str,
    passage: Passage,
    words: str,
) -> Finding | None:
    table = new if kind == "received" else tabled[kind]
    if table is None or stated == table:
        return None
    quoted = f"正文“{sentence[:60]}”"
    if kind == "received" and carry_in is not None and stated == table + carry_in:
        if any(word in sentence for word in INCLUDING):
            return None
        return Finding(
            "N1",
            Severity.WARNING,
            passage.section,
            passage.where,
            f"{quoted}称{words}申请 {stated} 件，等于表三本年新收 {table} 件加上年结转 "
            f"{carry_in} 件，但正文没有说明含上年结转。",
            "请写明“含上年结转”，或改为本年新收数。",
            passage.question,
        )
    # A scope word may explain a difference, except 「含上年结转」 when the carry-in is known: then the
    # table gives the figure the sentence should state, and 17 (含上年结转) against 21 + 0 is still wrong.
    carry_in_named = kind == "received" and carry_in is not None and "结转" in sentence
    scopes = [w for w in SCOPE_WORDS if w in sentence and not (carry_in_named and w in INCLUDING)]
    severity = Severity.WARNING if scopes else Severity.ERROR
    label = {
        "received": "本年新收",
        "done": "办理结果（七）总计",
        "carry_in": "上年结转",
        "carry_out": "结转下年度继续办理",
    }[kind]
    return Finding(
        "N1",
        severity,
        passage.section,
        passage.where,
        f"{quoted}称{words} {stated} 件，与表三{label} {table} 件不符"
        f"{'（口径可能不同，请说明）' if severity is Severity.WARNING else ''}。",
        "正文数字应与表三一致；口径不同时请在正文写明。",
        passage.question,
    )


def check_percentages(report: Report) -> Iterator[Finding]:
    """N2: a percentage stated after a count recomputes from the tabled or stated totals."""
    totals = shared(_totals, report)
    candidates = {totals[k] for k in ("new", "total")}
    new, carry_in = totals["new"], totals["carry_in"]
    if new is not None and carry_in is not None:
        candidates.add(new + carry_in)
    for passage in shared(passages, report):
        if "%" not in passage.text or "件" not in passage.text:
            continue
        stated_counts = {_int(n) for s in passage.sentences() if "件" in s for n in _STATED_COUNT.findall(s)}
        denominators = {d for d in candidates | stated_counts if d}
        for sentence in passage.sentences():
            if "%" not in sentence or "件" not in sentence:
                continue
            for match in _rx(rf"{NUM}件[，,]?(?:占[^，,。%]{{0,10}}?|[（(])(\d+(?:\.\d+)?)%").finditer(sentence):
                count, percent = _int(match.group(1)), Decimal(match.group(2))
                if not denominators or any(_rounds_to(count, d, percent) for d in denominators):
                    continue
                yield Finding(
                    "N2",
                    Severity.ERROR,
                    passage.section,
                    passage.where,
                    f"正文“{match.group(0)}”：{count} 件占 {percent}% 与表三及正文中的总数都对不上。",
                    "请按“该项件数 ÷ 总数 × 100%”重新计算。",
                    passage.question,
                )


def _rounds_to(count: int, total: int, percent: Decimal) -> bool:
    exponent = percent.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    value = Decimal(count) * 100 / Decimal(total)
    return abs(value - percent) <= Decimal(1).scaleb(-places) / 2 + Decimal("0.0001")


def check_cases(report: Report) -> Iterator[Finding]:
    """N3: 行政复议/行政诉讼 counts and outcome wording (「均获维持」「均已结案」「未发生」) match table 四."""
    table = report.appeals
    totals = [_known(table.total(g)) for g in range(3)]
    if None in totals:
        return
    review, direct, after = (t or 0 for t in totals)
    stated_totals = (review, direct + after)
    groups = ((0,), (1, 2))
    for passage in shared(passages, report):
        if "复议" not in passage.text and "诉讼" not in passage.text:
            continue
        for sentence in passage.sentences():
            if "复议" not in sentence and "诉讼" not in sentence:
                continue
            problems = []
            for kind, pattern in CASE_PATTERNS:
                for match in _rx(pattern).finditer(sentence):
                    if _int(match.group(1)) != stated_totals[kind]:
                        problems.append(
                            f"{'行政复议' if kind == 0 else '行政诉讼'} {_int(match.group(1))} 件，"
                            f"表四为 {stated_totals[kind]} 件"
                        )
            mentioned = [k for k, word in enumerate(("复议", "诉讼")) if word in sentence]
            named = [g for k in mentioned for g in groups[k]]
            if any(w in sentence for w in ALL_UPHELD) and _has_cases(table, named, (1, 2, 3)):
                problems.append("称“均获维持”，但表四有纠正、其他结果或尚未审结的案件")
            if any(w in sentence for w in ALL_CLOSED) and _has_cases(table, named, (3,)):
                problems.append("称“均已结案”，但表四有尚未审结的案件")
            if NO_CASES.search(sentence) and any(stated_totals[k] for k in mentioned):
                problems.append("称未发生行政复议或行政诉讼，但表四有案件")
            if problems:
                yield Finding(
                    "N3",
                    Severity.ERROR,
                    passage.section,
                    passage.where,
                    f"正文“{sentence[:60]}”：{'；'.join(problems)}。",
                    "正文应与表四一致。",
                    passage.question,
                )


def _has_cases(table: Appeals, groups: list[int], columns: tuple[int, ...]) -> bool:
    """Whether table 四 counts a case in any of `columns` (纠正 1, 其他 2, 尚未审结 3) of `groups`."""
    return any(number(table.group(group)[column]) for group in groups for column in columns)


def check_documents(report: Report) -> Iterator[Finding]:
    """N4: counts of 规章 and 行政规范性文件 stated in the narrative match table 二."""
    columns = ("本年制发", "本年废止", "现行有效")
    for passage in shared(passages, report):
        if "规章" not in passage.text and "规范性文件" not in passage.text:
            continue
        for sentence in passage.sentences():
            if "件" not in sentence or ("规章" not in sentence and "规范性文件" not in sentence):
                continue
            problems = []
            for doc, field in DOCUMENTS:
                values = getattr(report.disclosure, field)
                for column, pattern in DOCUMENT_PATTERNS:
                    for match in _rx(pattern.replace("{doc}", doc)).finditer(sentence):
                        stated, table = _int(match.group(1)), _known(values[column])
                        if doc == "规章" and "规范性文件" in match.group(0):
                            continue
                        if table is not None and stated != table:
                            problems.append(f"{doc}{columns[column]} {stated} 件，表二为 {table} 件")
            if problems:
                yield Finding(
                    "N4",
                    Severity.ERROR,
                    passage.section,
                    passage.where,
                    f"正文“{sentence[:60]}”：{'；'.join(problems)}。",
                    "正文应与表二一致。",
                    passage.question,
                )


def check_fee_statement(report: Report) -> Iterator[Finding]:
    """N5: section 六's statement on 信息处理费 agrees with the fee figures (「无」 while fees were collected …)."""
    amount, text = report.other.fee_amount, squeeze(report.other.text or "")
    if amount is None or not text:
        return
    where = SECTION_HEADINGS[5]
    says_none = bool(NO_FEE.search(text)) or text.strip("。") == "无"
    stated = FEE.search(text)
    if amount > 0 and says_none:
        message = f"第六部分称未收取信息处理费，但填报收取了 {amount} 元。"
    elif amount == 0 and stated and _int(stated.group(1)) > 0:
        message = f"第六部分称收取信息处理费 {stated.group(1)} 元，但填报为未收取。"
    elif amount > 0 and stated and Decimal(_int(stated.group(1))) != amount.to_integral_value():
        message = f"第六部分称收取信息处理费 {stated.group(1)} 元，与填报的 {amount} 元不符。"
    else:
        return
    yield Finding(
        "N5", Severity.ERROR, "六", where, message, "请让第六部分的文字与信息处理费的数字一致。", QuestionId.S6_TEXT
    )


def check_years(report: Report) -> Iterator[Finding]:
    """N6: a year that should be the report year but is not (a sentence copied from last year's report)."""
    year = report.meta.year
    if year is None:
        return
    for passage in shared(passages, report):
        if passage.where == SECTION_HEADINGS[4]:
            continue
        for sentence in passage.sentences():
            if "年" not in sentence:
                continue
            match = _rx(r"(?:[（(][一二三四五六七八九十\d][）)][^，,\d]{0,12}?)?(\d{4})年度?[，,]?(?:全年)?").match(
                sentence
            )
            if not (match and int(match.group(1)) < year and _rx(r"\d+(?:件|条|个|次|期)").search(sentence)):
                match = _rx(r"截至(\d{4})年(?:底|末|12月31日)").search(sentence) if "截至" in sentence else None
            if match and int(match.group(1)) < year and not any(w in sentence for w in COMPARISON_WORDS):
                yield Finding(
                    "N6",
                    Severity.WARNING,
                    passage.section,
                    passage.where,
                    f"{year}年度报告写“{sentence[:40]}”，年份 {match.group(1)} 应为 {year}（可能沿用了上年的文字）。",
                    f"请核对年份，改为 {year} 年的情况。",
                    passage.question,
                )


RULES = (check_applications, check_percentages, check_cases, check_documents, check_fee_statement, check_years)
