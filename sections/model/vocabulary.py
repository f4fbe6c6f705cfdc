"""Provides the words a report or a clerk uses for the figures of tables 二、三、四: one vocabulary.

The narrative rules (N1–N5) find stated figures with it and the sentence reader turns a clerk's sentence
into figures with it, so a word understood in an answer is understood in the narrative, and the reverse.
These are the ways people say things, not labels: the official labels stay in `labels.py`.
"""

from __future__ import annotations

import re

NUM = r"(\d{1,3}(?:,\d{3})+|\d+)"
"""An Arabic count, 千分位 allowed (「1,234」)."""

RECEIVED = ("收到", "受理", "接收", "新收")
"""Words for applications received this year."""
DONE = ("办结", "答复", "办理完毕", "已办结")
"""Words for applications handled."""

APPLICATION_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("received", rf"(?:{'|'.join(RECEIVED)})([^，,。、：:（(]{{0,20}}?申请[^，,。、\d]{{0,6}}?){NUM}件", "收到/受理"),
    ("received", rf"(?:{'|'.join(RECEIVED)})(?:各类)?{NUM}件([^，,。]{{0,10}}?)申请", "收到/受理"),
    ("done", rf"(?:{'|'.join(DONE)})(?:申请)?(?:共)?{NUM}件", "办结/答复"),
    ("carry_in", rf"上一?年度?结转(?:申请|的申请)?{NUM}件", "上年结转"),
    ("carry_out", rf"{NUM}件(?:申请)?(?:结转|顺延)(?:到|至)?下一?年度", "结转下年度"),
    ("carry_out", rf"结转(?:到|至)?下一?年度(?:继续办理)?(?:的申请)?{NUM}件", "结转下年度"),
)
"""How a report states 收到, 办结 and 结转 counts (N1): kind, pattern, the words as a finding quotes them."""

OUTCOME_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("予以公开", ("予以公开", "同意公开", "全部公开")),
    ("部分公开", ("部分公开",)),
    ("不予公开", ("不予公开",)),
    ("无法提供", ("无法提供",)),
    ("不予处理", ("不予处理",)),
    ("其他处理", ("其他处理",)),
)
"""Each result group of table 三 by the word in its official heading, and how a report says it."""
_GROUP = dict(OUTCOME_GROUPS)
_GROUP_WORD = "|".join(w for _, words in OUTCOME_GROUPS for w in words)
OUTCOME = rf"((?:{_GROUP_WORD})(?:(?:及|和|与|以及|、)(?:{_GROUP_WORD}))*)(?:答复|的|决定|申请|处理)*{NUM}件"
"""An outcome (or outcomes counted together: 「予以公开及部分公开208件」) with its count."""

RESULT_WORDS: dict[str, tuple[str, ...]] = {
    "r_open": (
        "予以公开",
        "同意公开",
        "全部公开",
        "公开了",
        "已公开",
        "给了",
        "提供了",
        "已提供",
        "公开",
        "已答复公开",
    ),
    "r_partial": ("部分公开", "公开了一部分", "公开一部分", "区分处理", "部分提供"),
    "d_secret": ("国家秘密", "涉密", "涉及秘密"),
    "d_law": ("法律行政法规禁止公开", "法律法规禁止公开", "法律行政法规禁止", "法律法规禁止", "禁止公开"),
    "d_3s1w": ("三安全一稳定", "危及安全稳定"),
    "d_3rd": ("第三方合法权益", "第三方", "个人隐私", "商业秘密"),
    "d_internal": ("内部事务",),
    "d_process": ("过程性信息", "过程性"),
    "d_case": ("执法案卷",),
    "d_query": ("行政查询", "查询事项"),
    "u_nothold": (
        "不掌握",
        "没掌握",
        "没有这个信息",
        "没有这方面的信息",
        "没有该信息",
        "没有相关信息",
        "信息不存在",
        "不属于本机关",
        "非本机关",
    ),
    "u_create": ("需要另行制作", "另行制作", "没有现成"),
    "u_unclear": ("仍不明确", "内容不明确", "补正后不明确"),
    "n_petition": ("信访", "举报", "投诉"),
    "n_repeat": ("重复申请", "重复"),
    "n_pub": ("公开出版物", "出版物"),
    "n_mass": ("大量反复",),
    "n_confirm": ("重新出具", "确认"),
    "o_nocorrect": ("逾期不补正", "逾期未补正", "不补正", "没有补正", "没补正"),
    "o_nofee": ("逾期未缴费", "逾期未缴纳", "未缴纳费用", "没交费", "不交费", "未缴费"),
    "o_other": ("撤回", "撤销申请", "主动撤回"),
}
"""How a clerk says each result row of table 三 (keys of official_structure.json); a group word below
stands for every row of its group, which only a zero can be placed in."""
GROUP_ROWS: dict[str, tuple[str, ...]] = {
    "不予公开": (*_GROUP["不予公开"], "不公开"),
    "无法提供": (*_GROUP["无法提供"], "提供不了"),
    "不予处理": (*_GROUP["不予处理"], "不处理"),
    "其他处理": _GROUP["其他处理"],
}
"""Words for a whole result group of several rows: 「没有不予公开的」 is placed, 「1件不公开」 is not."""

APPLICANT_WORDS: tuple[tuple[str, ...], ...] = (
    ("自然人", "个人", "群众", "公民", "村民", "居民", "老百姓"),
    ("商业企业", "企业", "公司"),
    ("科研机构", "科研院所", "研究所", "研究院"),
    ("社会公益组织", "社会组织", "公益组织"),
    ("法律服务机构", "律师事务所", "律所", "律师"),
    ("其他组织", "其他单位"),
)
"""How a clerk names each applicant column of table 三, in column order."""

CARRY_IN = ("上年结转", "上年度结转", "上一年结转", "去年结转", "去年转过来", "上年转来", "上年遗留")
"""Words for applications carried over from last year."""
CARRY_OUT = (
    "结转到明年",
    "结转到下一年",
    "结转到下年",
    "结转至下年",
    "结转下年",
    "结转下一年",
    "转到明年",
    "留到明年",
    "结转到下年度",
    "还没办完",
    "尚未办结",
    "未办结",
    "正在办理",
    "还在办理",
    "仍在办理",
    "在办理中",
    "没办完",
)
"""Words for applications carried over to next year."""
RECEIVED_SAID = (*RECEIVED, "接到", "共有申请", "申请共")
"""Words for 本年新收 in a clerk's sentence (「个人申请2件」 belongs to the row being talked about)."""
ASKED = ("申请",)
"""「申请」 alone: 本年新收 when nothing else says which row (「没有申请」), else the row being talked about."""
DONE_SAID = (*DONE, "办完", "答复了", "已答复", "处理完")
"""Words for applications handled: a check on the outcomes' sum, not a row of its own."""
ORGANISATIONS = ("法人或其他组织", "法人", "单位")
"""法人或其他组织 as a whole: five applicant columns, so no one column."""

CASE_PATTERNS = (
    (0, rf"行政复议(?:案件|申请)?(?:共)?{NUM}件"),
    (1, rf"行政诉讼(?:案件)?(?:共)?{NUM}件"),
)
"""How a report states the counts of table 四: 行政复议 (0) and 行政诉讼 (1)."""
ALL_UPHELD = ("均获维持", "均维持", "全部维持", "均被维持", "均予以维持")
ALL_CLOSED = ("均已结案", "均已审结", "全部审结", "全部结案")
NO_CASES = re.compile(r"(?:未发生|没有发生|无)(?:因政府信息公开(?:工作)?(?:引起|引发|产生)的?)?(?:行政复议|行政诉讼)")
CASE_GROUP_WORDS: tuple[tuple[str, ...], ...] = (
    ("行政复议", "复议"),
    ("未经复议直接起诉", "直接起诉", "直接诉讼"),
    ("复议后起诉", "复议后诉讼", "复议后又起诉", "复议后提起诉讼"),
)
"""How a clerk names each group of table 四, in column order."""
LITIGATION = ("行政诉讼", "诉讼", "起诉", "打官司", "官司")
"""行政诉讼 without saying which kind: only a zero covers both groups."""
CASE_OUTCOME_WORDS: tuple[tuple[str, ...], ...] = (
    (*ALL_UPHELD, "维持"),
    ("纠正", "撤销", "确认违法", "责令"),
    ("其他结果", "驳回", "撤诉", "终止"),
    (
        "尚未审结",
        "未审结",
        "还没审结",
        "没审结",
        "还在审",
        "审理中",
        "未结案",
        "还没结案",
        "没结案",
        "还没判",
        "还没出结果",
        "未出结果",
        "在审理",
    ),
)
"""How a clerk says each outcome column of table 四 (维持, 纠正, 其他, 尚未审结)."""

DOCUMENT_PATTERNS = (
    (0, rf"(?:制定|制发|出台|印发|新增|新制定)(?:了|的)?(?:公开)?[^，,。、件]{{0,8}}?{{doc}}{NUM}件"),
    (1, rf"废止(?:了|的)?[^，,。、件]{{0,8}}?{{doc}}{NUM}件"),
    (2, rf"现行有效(?:的)?[^，,。、件]{{0,8}}?{{doc}}{NUM}件"),
)
"""How a report states the counts of 规章 and 规范性文件 (N4), by column; `{doc}` stands for the kind."""
DOCUMENTS = (("规章", "rules"), ("规范性文件", "normative"))
"""The document rows of table 二 as a text names them, with their `Disclosure` field."""
DOCUMENT_COLUMN_WORDS: tuple[tuple[str, ...], ...] = (
    ("制发", "制定", "出台", "印发", "新发", "发布", "发了", "新增", "新制定"),
    ("废止", "废除", "清理掉", "取消"),
    ("现行有效", "有效", "现行"),
)
"""How a clerk says each column of a document row of table 二 (制发, 废止, 现行有效)."""
DECISION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("permits", ("行政许可", "许可")),
    ("penalties", ("行政处罚", "处罚")),
    ("enforcement", ("行政强制", "强制")),
)
"""How a clerk names the decision rows of table 二, by `Disclosure` field."""
FEE_WORDS = ("行政事业性收费", "事业性收费", "收费", "收了费")
"""Words for table 二's 行政事业性收费 (an amount in 万元; 信息处理费 is section 六's)."""

NO_FEE = re.compile(r"(?:未|无|没有|不)收取|收取[^，,。]{0,12}?费[^，,。\d]{0,4}?0(?:\.0+)?元")
FEE = re.compile(rf"收取[^，,。]{{0,16}}?信息处理费(?:共)?(?:计)?{NUM}(?:\.\d+)?元")
"""How section 六 says no 信息处理费 was collected, or states the amount (N5)."""

NOISE = ("政府信息公开", "信息公开", "依申请公开", "政务公开", "主动公开")
"""Phrases that hold a word of the vocabulary without meaning it (「公开」 in 「政府信息公开申请」)."""
ALL_WORDS = ("全都", "全部", "都", "均", "全是", "统统")
"""「都」: the whole of what the sentence is about."""
REST_WORDS = ("其余", "剩下", "剩余", "余下", "其他的")
"""「其余」: the whole less what the sentence has placed."""
NEGATIONS = ("没有", "没", "无", "未", "不存在", "零", "不", "免")
"""A zero said in words."""
VAGUE = re.compile(
    r"十几|几十|几百|[一二两三四五六七八九][二两三四五六七八九]件|几|若干|多|(?<=[\d十百千])余|约|左右|大概"
    r"|大部分|大多|少数|一些|(?<![大小一])部分(?!公开|提供)|个别|不少|一半"
)
"""Words that make a count not a figure: 「十几件」, 「大部分」, 「一两件」."""
