"""The sentence reader, table-driven: sentences as clerks write them, with the figures each one places.

Each case: the sentence, the figures placed (「三.new」: a table 三 row by applicant; 「三计.r_open」: a count
known without its applicants; 「其余」: the other result rows are 0; 「二.normative」, 「四.0」 …), and whether
something in it is refused. An empty dict with a refusal means nothing is taken.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sections.reading.stated import Reading, read_sentence

Figures = dict[str, object]


def six(p: int = 0, c: int = 0, r: int = 0, s: int = 0, lawyer: int = 0, o: int = 0) -> list[int]:
    """A table 三 row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他."""
    return [p, c, r, s, lawyer, o]


def figures(reading: Reading) -> Figures:
    """What a reading placed, flattened for comparison."""
    found: Figures = {}
    for (key, column), value in sorted(reading.two.items()):
        if key in ("rules", "normative"):
            row = found.setdefault(f"二.{key}", [None, None, None])
            assert isinstance(row, list)
            row[column] = value
        else:
            found[f"二.{key}"] = value
    found.update({f"三.{k}": v for k, v in reading.three.items()})
    found.update({f"三计.{k}": v for k, v in reading.three_totals.items()})
    if reading.rest_zero:
        found["其余"] = 0
    found.update({f"四.{g}": v for g, v in reading.four.items()})
    found.update({f"四计.{g}": v for g, v in reading.four_totals.items()})
    return found


Z = six()
ZERO_FOUR = [0, 0, 0, 0]
NONE_OF_THREE: Figures = {"三.new": Z, "三.carry_in": Z, "三.carry_out": Z, "其余": 0}

TAKEN: list[tuple[str, Figures]] = [
    # Table 三: the whole table in one sentence
    (
        "收到3件申请，都是个人申请的，2件予以公开，1件本机关不掌握，没有上年结转，也没有结转到明年",
        {"三.new": six(3), "三.carry_in": Z, "三.carry_out": Z, "三.r_open": six(2), "三.u_nothold": six(1), "其余": 0},
    ),
    (
        "收到3件，都是个人申请的，2件公开了，1件我们不掌握",
        {"三.new": six(3), "三.r_open": six(2), "三.u_nothold": six(1), "其余": 0},
    ),
    (
        "今年收到1件，是个人申请的，公开了，没有上年结转",
        {"三.new": six(1), "三.carry_in": Z, "三.carry_out": Z, "三.r_open": six(1), "其余": 0},
    ),
    ("收到2件申请，都是群众申请的，都给了", {"三.new": six(2), "三.r_open": six(2), "其余": 0}),
    ("收到两件，都是村民申请的，都公开了", {"三.new": six(2), "三.r_open": six(2), "其余": 0}),
    (
        "收到5件，个人3件，企业2件，都公开了，没有上年结转",
        {"三.new": six(3, 2), "三.carry_in": Z, "三.carry_out": Z, "三.r_open": six(3, 2), "其余": 0},
    ),
    ("收到3件，个人2件、企业1件，都公开了", {"三.new": six(2, 1), "三.r_open": six(2, 1), "其余": 0}),
    ("收到1件申请，是企业申请的，公开了一部分", {"三.new": six(0, 1), "三.r_partial": six(0, 1), "其余": 0}),
    ("收到1件，公司申请的，部分公开", {"三.new": six(0, 1), "三.r_partial": six(0, 1), "其余": 0}),
    ("收到1件，律师事务所申请的，不掌握", {"三.new": six(lawyer=1), "三.u_nothold": six(lawyer=1), "其余": 0}),
    (
        "收到2件，1件公开，1件还在办理中，都是个人申请的",
        {"三.new": six(2), "三.carry_in": Z, "三.r_open": six(1), "三.carry_out": six(1), "其余": 0},
    ),
    ("收到1件，是律师申请的，没有这个信息", {"三.new": six(lawyer=1), "三.u_nothold": six(lawyer=1), "其余": 0}),
    ("收到1件，科研院所申请的，需要另行制作", {"三.new": six(r=1), "三.u_create": six(r=1), "其余": 0}),
    ("收到1件，社会组织申请的，属于信访类", {"三.new": six(s=1), "三.n_petition": six(s=1), "其余": 0}),
    (
        "收到2件，都是个人申请的，1件公开，1件是重复申请",
        {"三.new": six(2), "三.r_open": six(1), "三.n_repeat": six(1), "其余": 0},
    ),
    (
        "收到2件，都是个人的，1件公开了，另外1件申请人撤回了",
        {"三.new": six(2), "三.r_open": six(1), "三.o_other": six(1), "其余": 0},
    ),
    (
        "收到2件，都是个人的，1件公开，1件逾期不补正",
        {"三.new": six(2), "三.r_open": six(1), "三.o_nocorrect": six(1), "其余": 0},
    ),
    (
        "收到3件，都是个人申请，1件涉密，2件公开",
        {"三.new": six(3), "三.d_secret": six(1), "三.r_open": six(2), "其余": 0},
    ),
    (
        "收到3件，都是个人申请，2件公开，其余不掌握",
        {"三.new": six(3), "三.r_open": six(2), "三.u_nothold": six(1), "其余": 0},
    ),
    (
        "收到4件，都是个人申请，1件不掌握，剩下的都公开了",
        {"三.new": six(4), "三.u_nothold": six(1), "三.r_open": six(3), "其余": 0},
    ),
    (
        "收到３件，都是个人申请的，２件公开，１件不掌握",
        {"三.new": six(3), "三.r_open": six(2), "三.u_nothold": six(1), "其余": 0},
    ),
    (
        "收到三件，都是个人申请的，两件公开，一件不掌握",
        {"三.new": six(3), "三.r_open": six(2), "三.u_nothold": six(1), "其余": 0},
    ),
    ("收到十二件，全部是个人申请，全部公开", {"三.new": six(12), "三.r_open": six(12), "其余": 0}),
    ("共受理申请1,200件，都是个人，都公开了", {"三.new": six(1200), "三.r_open": six(1200), "其余": 0}),
    (
        "收到3件，都是个人申请的，2件公开了，1件属于第三方合法权益不公开",
        {"三.new": six(3), "三.r_open": six(2), "三.d_3rd": six(1), "其余": 0},
    ),
    (
        "收到2件，均为个人申请，1件公开，1件过程性信息",
        {"三.new": six(2), "三.r_open": six(1), "三.d_process": six(1), "其余": 0},
    ),
    (
        "收到2件，都是个人申请，1件公开，1件是要公开出版物",
        {"三.new": six(2), "三.r_open": six(1), "三.n_pub": six(1), "其余": 0},
    ),
    ("收到1件，个人申请，补正后仍不明确", {"三.new": six(1), "三.u_unclear": six(1), "其余": 0}),
    ("收到1件，个人申请，属于行政查询事项", {"三.new": six(1), "三.d_query": six(1), "其余": 0}),
    ("收到1件，个人申请，属于执法案卷", {"三.new": six(1), "三.d_case": six(1), "其余": 0}),
    ("收到1件，个人申请，属于内部事务信息", {"三.new": six(1), "三.d_internal": six(1), "其余": 0}),
    ("收到1件，个人申请，危及三安全一稳定", {"三.new": six(1), "三.d_3s1w": six(1), "其余": 0}),
    ("收到1件，个人申请，法律法规禁止公开", {"三.new": six(1), "三.d_law": six(1), "其余": 0}),
    ("收到1件，个人申请，要求确认已获取信息", {"三.new": six(1), "三.n_confirm": six(1), "其余": 0}),
    ("收到1件，个人申请，属于大量反复申请", {"三.new": six(1), "三.n_mass": six(1), "其余": 0}),
    ("收到1件，个人申请，逾期未缴纳费用", {"三.new": six(1), "三.o_nofee": six(1), "其余": 0}),
    ("收到1件，个人申请，举报投诉类", {"三.new": six(1), "三.n_petition": six(1), "其余": 0}),
    ("收到2件个人申请，都公开了", {"三.new": six(2), "三.r_open": six(2), "其余": 0}),
    ("收到个人申请2件，企业申请1件，都公开", {"三.new": six(2, 1), "三.r_open": six(2, 1), "其余": 0}),
    ("个人2件企业1件，都公开了", {"三.new": six(2, 1), "三.r_open": six(2, 1), "其余": 0}),
    (
        "收到3件，都是个人申请，2件公开了1件不掌握",
        {"三.new": six(3), "三.r_open": six(2), "三.u_nothold": six(1), "其余": 0},
    ),
    ("今年一共收到4件申请，3件是老百姓申请的，1件是公司申请的，都按时答复了", {"三.new": six(3, 1)}),
    ("全年共受理依申请公开3件，均为自然人申请，均予以公开，无结转", {"三.new": six(3), "三.r_open": six(3), "其余": 0}),
    (
        "收到3件申请，办结3件，都是个人的，2件公开，1件不掌握",
        {"三.new": six(3), "三.r_open": six(2), "三.u_nothold": six(1), "其余": 0},
    ),
    (
        "收到3件，个人3件，公开2件，不予公开1件（涉及第三方）",
        {"三.new": six(3), "三.r_open": six(2), "三.d_3rd": six(1), "其余": 0},
    ),
    ("收到1件，是个人申请，告知其通过信访渠道反映", {"三.new": six(1), "三.n_petition": six(1), "其余": 0}),
    (
        "收到申请3件，其中2件予以公开，1件告知不属于本机关公开职责",
        {"三计.new": 3, "三计.r_open": 2, "三计.u_nothold": 1, "其余": 0},
    ),
    ("收到1件申请，申请人后来撤回了", {"三计.new": 1, "三计.o_other": 1, "其余": 0}),
    ("今年没有申请", {"三.new": Z}),
    ("收到2件，个人和企业各1件，都公开了", {"三.new": six(1, 1), "三.r_open": six(1, 1), "其余": 0}),
    ("许可和处罚各5件", {"二.permits": 5, "二.penalties": 5}),
    (
        "收到2件，都是个人申请，公开和不掌握各1件",
        {"三.new": six(2), "三.r_open": six(1), "三.u_nothold": six(1), "其余": 0},
    ),
    ("收到1件，企业申请，信息需要另行制作，无法提供", {"三.new": six(0, 1), "三.u_create": six(0, 1), "其余": 0}),
    ("收到1件，个人申请，因申请人逾期未补正，终止办理", {"三.new": six(1), "三.o_nocorrect": six(1), "其余": 0}),
    (
        "收到2件，均为群众申请，1件予以公开，1件因涉及个人隐私不予公开",
        {"三.new": six(2), "三.r_open": six(1), "三.d_3rd": six(1), "其余": 0},
    ),
    ("收到3件申请（个人2件，企业1件），都已公开", {"三.new": six(2, 1), "三.r_open": six(2, 1), "其余": 0}),
    (
        "收到3件，个人3件，2件公开，1件转到明年办理",
        {"三.new": six(3), "三.carry_in": Z, "三.carry_out": six(1), "三.r_open": six(2), "其余": 0},
    ),
    (
        "收到5件申请，5件均为个人，4件公开，1件申请人撤回",
        {"三.new": six(5), "三.r_open": six(4), "三.o_other": six(1), "其余": 0},
    ),
    (
        "共收到3件政府信息公开申请，全部来自个人，已全部办结，其中公开2件，不掌握1件",
        {"三.new": six(3), "三.r_open": six(2), "三.u_nothold": six(1), "其余": 0},
    ),
    ("没有人申请", {"三.new": Z}),
    # Carried over
    ("上年结转1件，个人申请的", {"三.carry_in": six(1)}),
    ("没有上年结转", {"三.carry_in": Z}),
    ("去年结转过来1件，是企业的", {"三.carry_in": six(0, 1)}),
    ("没有结转到明年的", {"三.carry_out": Z}),
    ("有1件还没办完，是个人的", {"三.carry_out": six(1)}),
    (
        "收到2件，都是个人申请，上年结转1件也是个人的，3件都公开了，没有结转到下年",
        {"三.new": six(2), "三.carry_in": six(1), "三.carry_out": Z, "三.r_open": six(3), "其余": 0},
    ),
    (
        "收到2件，都是个人申请，没有上年结转，1件公开，1件正在办理",
        {"三.new": six(2), "三.carry_in": Z, "三.carry_out": six(1), "三.r_open": six(1), "其余": 0},
    ),
    (
        "收到3件，个人2件，企业1件，没有上年结转，也没有结转到明年，企业的1件不掌握，个人的2件公开",
        {
            "三.new": six(2, 1),
            "三.carry_in": Z,
            "三.carry_out": Z,
            "三.u_nothold": six(0, 1),
            "三.r_open": six(2),
            "其余": 0,
        },
    ),
    ("个人的2件公开了，企业的1件不掌握", {"三.r_open": six(2), "三.u_nothold": six(0, 1)}),
    # Nothing happened
    ("今年没有收到申请，也没有上年结转", NONE_OF_THREE),
    ("没有收到申请，没有上年结转的", NONE_OF_THREE),
    ("全年未收到申请，无上年结转", NONE_OF_THREE),
    ("今年没收到申请，上年结转0件", NONE_OF_THREE),
    (
        "没有不予公开的",
        {
            f"三.{k}": Z
            for k in ("d_secret", "d_law", "d_3s1w", "d_3rd", "d_internal", "d_process", "d_case", "d_query")
        },
    ),
    ("没有无法提供的", {"三.u_nothold": Z, "三.u_create": Z, "三.u_unclear": Z}),
    # Counts known, applicants asked next
    ("收到5件，3件公开，其余不掌握", {"三计.new": 5, "三计.r_open": 3, "三计.u_nothold": 2, "其余": 0}),
    ("收到3件，2件公开了，1件不掌握", {"三计.new": 3, "三计.r_open": 2, "三计.u_nothold": 1, "其余": 0}),
    ("收到4件申请，都公开了", {"三计.new": 4, "三计.r_open": 4, "其余": 0}),
    ("收到17件", {"三计.new": 17}),
    ("受理申请二十件", {"三计.new": 20}),
    (
        "收到4件，个人3件，企业1件，2件公开，1件不掌握，1件撤回",
        {"三.new": six(3, 1), "三计.r_open": 2, "三计.u_nothold": 1, "三计.o_other": 1, "其余": 0},
    ),
    ("上年结转2件", {"三计.carry_in": 2}),
    ("2件结转到明年", {"三计.carry_out": 2}),
    # Table 二
    (
        "今年制发规范性文件2件，没有废止，现行有效5件；许可5件，处罚7件，强制1件，没有收费",
        {"二.normative": [2, 0, 5], "二.permits": 5, "二.penalties": 7, "二.enforcement": 1, "二.fee": Decimal(0)},
    ),
    ("规范性文件制发2件，废止1件，现行有效10件", {"二.normative": [2, 1, 10]}),
    ("没有规章", {"二.rules": [0, 0, 0]}),
    ("规章没有", {"二.rules": [0, 0, 0]}),
    ("规章制发0件，废止0件，现行有效0件", {"二.rules": [0, 0, 0]}),
    ("规范性文件没有", {"二.normative": [0, 0, 0]}),
    ("行政许可5件，行政处罚7件，行政强制1件", {"二.permits": 5, "二.penalties": 7, "二.enforcement": 1}),
    ("许可12个，处罚3个", {"二.permits": 12, "二.penalties": 3}),
    ("许可、处罚、强制都没有", {"二.permits": 0, "二.penalties": 0, "二.enforcement": 0}),
    ("行政处罚一百零五件", {"二.penalties": 105}),
    ("收费1.5万元", {"二.fee": Decimal("1.5")}),
    ("行政事业性收费0.35万元", {"二.fee": Decimal("0.35")}),
    ("收费5000元", {"二.fee": Decimal("0.5")}),
    ("没有收费", {"二.fee": Decimal(0)}),
    ("印发规范性文件3件，现行有效12件，没有废止", {"二.normative": [3, 0, 12]}),
    ("出台行政规范性文件1件，废止2件，现行有效8件", {"二.normative": [1, 2, 8]}),
    ("处罚决定7件", {"二.penalties": 7}),
    ("规范性文件新制发1件，废止3件，现有有效文件20件", {"二.normative": [1, 3, 20]}),
    ("今年没有制发规范性文件，现行有效的有8件", {"二.normative": [0, None, 8]}),
    (
        "许可327件，处罚45件，强制0件，收费0元",
        {"二.permits": 327, "二.penalties": 45, "二.enforcement": 0, "二.fee": Decimal(0)},
    ),
    ("行政许可办理了327件", {"二.permits": 327}),
    (
        "规章没有，规范性文件发了2个，没废止，现行有效5个，许可5件处罚7件强制1件，不收费",
        {
            "二.rules": [0, 0, 0],
            "二.normative": [2, 0, 5],
            "二.permits": 5,
            "二.penalties": 7,
            "二.enforcement": 1,
            "二.fee": Decimal(0),
        },
    ),
    ("免收费", {"二.fee": Decimal(0)}),
    ("规范性文件：制发2件，废止0件，现行有效5件", {"二.normative": [2, 0, 5]}),
    ("本年没有行政许可、行政处罚和行政强制", {"二.permits": 0, "二.penalties": 0, "二.enforcement": 0}),
    ("行政许可5，行政处罚7，行政强制1", {"二.permits": 5, "二.penalties": 7, "二.enforcement": 1}),
    ("收费0.5万", {"二.fee": Decimal("0.5")}),
    ("行政诉讼1件，直接起诉，法院驳回", {"四.1": [0, 0, 1, 0]}),
    ("有一件复议，还没出结果", {"四.0": [0, 0, 0, 1]}),
    ("复议1件维持，诉讼0件", {"四.0": [1, 0, 0, 0], "四.1": ZERO_FOUR, "四.2": ZERO_FOUR}),
    ("行政复议1件（维持），行政诉讼0件", {"四.0": [1, 0, 0, 0], "四.1": ZERO_FOUR, "四.2": ZERO_FOUR}),
    ("没有发生行政复议和行政诉讼", {"四.0": ZERO_FOUR, "四.1": ZERO_FOUR, "四.2": ZERO_FOUR}),
    ("有1起行政复议，已经维持", {"四.0": [1, 0, 0, 0]}),
    ("被申请复议1次，维持原答复", {"四.0": [1, 0, 0, 0]}),
    ("行政复议0件，行政诉讼0件", {"四.0": ZERO_FOUR, "四.1": ZERO_FOUR, "四.2": ZERO_FOUR}),
    ("复议和诉讼都没有", {"四.0": ZERO_FOUR, "四.1": ZERO_FOUR, "四.2": ZERO_FOUR}),
    ("许可1,234件", {"二.permits": 1234}),
    ("强制措施0件", {"二.enforcement": 0}),
    # Table 四
    ("复议1件，维持了；没有诉讼", {"四.0": [1, 0, 0, 0], "四.1": ZERO_FOUR, "四.2": ZERO_FOUR}),
    ("没有复议，也没有诉讼", {"四.0": ZERO_FOUR, "四.1": ZERO_FOUR, "四.2": ZERO_FOUR}),
    ("没有复议和诉讼", {"四.0": ZERO_FOUR, "四.1": ZERO_FOUR, "四.2": ZERO_FOUR}),
    ("复议2件，1件维持，1件纠正", {"四.0": [1, 1, 0, 0]}),
    ("复议1件，还在审", {"四.0": [0, 0, 0, 1]}),
    ("行政复议1件，结果被纠正", {"四.0": [0, 1, 0, 0]}),
    ("复议3件，均获维持", {"四.0": [3, 0, 0, 0]}),
    ("复议2件，都维持了", {"四.0": [2, 0, 0, 0]}),
    ("复议1件，驳回", {"四.0": [0, 0, 1, 0]}),
    ("直接起诉1件，尚未审结", {"四.1": [0, 0, 0, 1]}),
    ("复议后起诉1件，维持", {"四.2": [1, 0, 0, 0]}),
    ("复议2件，1件维持，1件纠正，直接起诉1件，还在审", {"四.0": [1, 1, 0, 0], "四.1": [0, 0, 0, 1]}),
    ("没有诉讼", {"四.1": ZERO_FOUR, "四.2": ZERO_FOUR}),
    ("没有复议", {"四.0": ZERO_FOUR}),
    ("复议0件", {"四.0": ZERO_FOUR}),
    ("复议一件，维持", {"四.0": [1, 0, 0, 0]}),
    ("复议2件", {"四计.0": 2}),
    ("复议2件，1件维持", {"四计.0": 2}),
    ("直接起诉1件，复议后起诉1件", {"四计.1": 1, "四计.2": 1}),
    # Several tables at once
    (
        "收到1件，个人申请的，公开了，没有上年结转；复议没有，诉讼也没有",
        {
            "三.new": six(1),
            "三.carry_in": Z,
            "三.carry_out": Z,
            "三.r_open": six(1),
            "其余": 0,
            "四.0": ZERO_FOUR,
            "四.1": ZERO_FOUR,
            "四.2": ZERO_FOUR,
        },
    ),
    (
        "许可5件，没有收费；没有复议诉讼",
        {"二.permits": 5, "二.fee": Decimal(0), "四.0": ZERO_FOUR, "四.1": ZERO_FOUR, "四.2": ZERO_FOUR},
    ),
]

REFUSED: list[tuple[str, Figures]] = [
    # Vague counts
    ("收到十几件", {}),
    ("收到十几件，大部分公开了", {}),
    ("收到一两件", {}),
    ("收到约20件", {}),
    ("收到20件左右", {}),
    ("收到几件申请", {}),
    ("收到若干申请", {}),
    ("收到20多件", {}),
    ("收到20余件", {}),
    ("收到5件，大部分公开了", {"三计.new": 5}),
    ("收到5件，多数公开", {"三计.new": 5}),
    ("收到5件，少数不掌握", {"三计.new": 5}),
    ("收到10件，一半公开了", {"三计.new": 10}),
    ("收到5件，部分给了", {"三计.new": 5}),
    ("收到5件，个别不掌握", {"三计.new": 5}),
    ("处罚几十件", {}),
    ("许可一百多件", {}),
    ("复议三四件", {}),
    ("收到3件，大概2件公开了", {"三计.new": 3}),
    ("收到不少申请", {}),
    # Figures that do not add up
    ("收到3件，2件公开，2件不掌握", {}),
    ("收到3件，3件公开，1件撤回", {}),
    ("收到2件，都是个人申请，2件公开，1件不掌握", {}),
    ("收到3件，个人2件，企业2件", {}),
    ("收到1件，个人1件，企业1件", {}),
    ("收到5件，个人6件", {}),
    ("收到2件，没有上年结转，3件公开了", {}),
    ("收到4件，上年结转1件，公开6件", {}),
    ("收到3件，收到4件", {}),
    ("复议1件，2件维持", {}),
    ("复议2件，1件维持，2件纠正", {}),
    ("复议1件，维持1件，纠正1件", {}),
    ("收到3件，都是个人，2件公开，2件不公开", {}),
    ("收到2件，1件公开，2件不掌握，没有结转", {}),
    # A figure with no place
    ("收到3件，2件公开，另外1件", {"三计.new": 3, "三计.r_open": 2}),
    ("收到3件，1件不公开，2件公开", {}),
    ("收到2件，1件无法提供，1件公开", {}),
    ("收到2件，1件不予处理，1件公开", {}),
    ("规范性文件2件", {}),
    ("文件2件", {}),
    ("废止2件", {}),
    ("现行有效5件", {}),
    ("诉讼1件", {}),
    ("行政诉讼1件，维持了", {}),
    ("被起诉1件", {}),
    ("维持1件", {}),
    ("1件维持，1件纠正", {}),
    ("许可、处罚", {}),
    ("收费", {}),
    ("收到3件，2件公开，1件别的", {"三计.new": 3, "三计.r_open": 2}),
    ("许可5件，另外还有3件", {"二.permits": 5}),
    ("处罚7件，1.5件", {"二.penalties": 7}),
    ("处罚2.5件", {}),
    ("公开", {}),
    ("复议1件，个人", {"四计.0": 1}),
    ("收到3件2件公开1件", {}),
    ("收到5件，都公开了，其余不掌握", {}),
    ("收到5件，其余公开，其余不掌握", {}),
    ("收到3件，都是个人申请的，2件公开了，1件不公开", {}),
    ("复议2件，还在审，维持", {}),
    ("规章1件", {}),
    ("收费很多", {}),
    ("收到5件，其中个人4件，法人1件，全部予以答复", {"三计.new": 5}),
    ("收到3件，办结2件，都是个人的，2件公开，1件不掌握", {}),
    ("去年结转1件，今年办完了，公开了", {}),
    ("收到4件，个人申请3件、律所1件，公开3件，律所那件属于重复申请", {"三.new": six(3, lawyer=1), "三计.r_open": 3}),
    ("行政诉讼1件，法院驳回", {}),
    ("收到2件，2件公开和不掌握", {"三计.new": 2}),
    ("收到3件，公开和不掌握", {"三计.new": 3}),
    ("收到2件，个人和企业", {"三计.new": 2}),
    ("许可和处罚共12件", {}),
    ("收到2件，个人企业共2件", {"三计.new": 2}),
    ("处罚不少", {}),
]

NOT_SENTENCES = ("3 0 0 0 0 1", "1 0 0 0", "否", "无", "是", "abc", "12 3 0 0 1 0 17", "3件", "5")


@pytest.mark.parametrize(("sentence", "expected"), TAKEN, ids=[s for s, _ in TAKEN])
def test_sentence_is_taken_whole(sentence: str, expected: Figures) -> None:
    """Every figure the sentence states is placed, and nothing in it is refused."""
    reading = read_sentence(sentence)
    assert figures(reading) == expected
    assert reading.refused == []


@pytest.mark.parametrize(("sentence", "expected"), REFUSED, ids=[s for s, _ in REFUSED])
def test_sentence_is_refused_or_taken_in_part(sentence: str, expected: Figures) -> None:
    """A vague count, figures that do not add up or a figure with no place is refused and said; the rest is taken."""
    reading = read_sentence(sentence)
    assert reading.refused, "the refusal must be said"
    assert figures(reading) == expected


@pytest.mark.parametrize("text", NOT_SENTENCES)
def test_fixed_syntax_is_not_a_sentence(text: str) -> None:
    """What the fixed syntaxes take is left to them: the reader finds nothing in it."""
    assert not read_sentence(text).understood


def test_enough_sentences() -> None:
    """At least 150 sentences, 60 of them refused in whole or in part."""
    assert len(TAKEN) + len(REFUSED) >= 150 and len(REFUSED) >= 60


def test_no_rules_body_gets_zero_rules_when_table_two_is_stated() -> None:
    """A body without rule-making power: a sentence about table 二 leaving out 规章 records 0 0 0 and says so."""
    reading = read_sentence("许可5件，处罚7件，强制1件，没有收费", no_rules=True)
    assert figures(reading)["二.rules"] == [0, 0, 0]
    assert any("规章" in note for note in reading.notes)
    assert "二.rules" not in figures(read_sentence("收到3件，都是个人申请，都公开了", no_rules=True))


def test_a_bare_applicant_count_belongs_to_the_open_row() -> None:
    """At the 上年结转 question, 「个人2件，企业1件」 is that row."""
    assert figures(read_sentence("个人2件，企业1件", row="carry_in")) == {"三.carry_in": six(2, 1)}
