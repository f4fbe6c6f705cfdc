"""Drafted paragraphs state only what the draft holds: figures of the tables, the clerk's answers, visible blanks."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sections.interview.engine import Interview
from sections.model.report import Report
from sections.output.drafting import draft_improvements, draft_other, draft_preface, draft_theme, self_word
from sections.rules.blanks import BLANK, blanks
from sections.rules.registry import check
from sections.store.drafts import Draft, InterviewState, load_draft, recover_draft

from .conftest import SAMPLES
from .fixtures.county_answers import ANSWERS as COUNTY
from .test_plain import play

COUNTY_FIVE = COUNTY[-6:-3]
"""The county clerk's answers to 五's three questions (before accepting 五's draft and answering 六's two)."""


def _report(body: str, level: str | None = None) -> Report:
    report = Report()
    report.meta.body, report.meta.level, report.meta.year = body, level, 2025  # type: ignore[assignment]
    return report


def test_drafted_five_invents_nothing_and_shows_its_blanks() -> None:
    """The drafted 五 asks for the problems, last year's improvements and next steps as 「（请填写：……）」."""
    text = draft_improvements(_report("云溪县市场监督管理局", "县级以上政府部门"))
    assert blanks(text) == ["本年度发现的主要问题", "上年度问题的改进情况，没有请写明", "下一步改进措施"]
    for invented in ("审核流程", "有所提升", "政策解读形式", "业务培训"):
        assert invented not in text
    assert "2026年，本局将" in text and "云溪县市场监督管理局" not in text


def test_an_unfilled_skeleton_in_five_is_an_error() -> None:
    """Accepting the skeleton as 五 leaves 「S2 第五部分还有 3 处待填写」, an error, until the blanks are replaced."""
    report = _report("白璧镇人民政府", "乡镇街道")
    report.improvements.text = draft_improvements(report)
    (s2,) = [f for f in check(report) if f.rule == "S2"]
    assert s2.severity.value == "error" and "还有 3 处待填写" in s2.message
    report.improvements.text = report.improvements.text.replace(BLANK, "").replace("）", "，已整改完毕")
    assert not [f for f in check(report) if f.rule == "S2"]


@pytest.mark.parametrize(
    ("body", "level", "word"),
    [
        ("白璧镇人民政府", "乡镇街道", "我镇"),
        ("云溪区人民政府", "县级政府", "我区"),
        ("云溪县人民政府", "县级政府", "我县"),
        ("云溪县市场监督管理局", "县级以上政府部门", "本局"),
        ("城关街道办事处", "乡镇街道", "本街道"),
        ("某某中心", None, "本中心"),
        ("某某", None, "本机关"),
    ],
)
def test_the_body_names_itself_by_name_and_level(body: str, level: str | None, word: str) -> None:
    """A drafted paragraph says 我镇 / 我区 / 本局 … as the body would, not its full name again."""
    assert self_word(_report(body, level)) == word


@pytest.mark.parametrize(
    ("department", "asker"),
    [
        ("某某市云溪区人民政府办公室", "请与某某市云溪区人民政府办公室联系"),
        ("云溪区人民政府办公室", "请与云溪区人民政府办公室联系"),
        ("办公室", "请与云溪区人民政府办公室联系"),
    ],
)
def test_the_preface_never_doubles_the_body_name(department: str, asker: str) -> None:
    """A 承办科室 typed with its body's name is not prefixed with the body again in the drafted preface."""
    report = _report("云溪区人民政府", "县级政府")
    report.meta.contact.department = department
    assert asker in draft_preface(report)


def test_outcomes_are_drafted_in_the_groups_of_table_three(county: Report) -> None:
    """依申请公开 lists 不予公开 / 无法提供 / 不予处理 / 其他处理 with their rows, as table 三 groups them."""
    county.requests.set_row("d_secret", [1, 0, 0, 0, 0, 0])
    county.requests.set_row("o_nofee", [0, 1, 0, 0, 0, 0])
    text = draft_theme("依申请公开")(county)
    assert (
        "办理完毕19件，其中予以公开8件，部分公开2件，不予公开（属于国家秘密1件、保护第三方合法权益1件），"
        "无法提供（本机关不掌握相关政府信息4件），不予处理（信访举报投诉类申请1件），"
        "其他处理（申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请1件；其他1件）；"
        "结转下年度继续办理1件。"
    ) in text
    assert text.endswith("因政府信息公开引起行政复议1件，行政诉讼（未经复议直接起诉1件）。")


def test_a_heading_named_differently_gets_the_draft_of_its_theme(county: Report) -> None:
    """「主动公开情况」 is drafted from table 二 like 主动公开; a heading of the clerk's own gets a neutral skeleton."""
    assert draft_theme("主动公开情况")(county) == draft_theme("主动公开")(county)
    assert draft_theme("政府信息公开平台建设情况")(county) == draft_theme("政府信息公开平台建设")(county)
    assert draft_theme("社会评议和责任追究情况")(county) == draft_theme("工作考核、社会评议和责任追究结果")(county)
    own = draft_theme("便民服务")(county)
    assert own == "本年度，本局在“便民服务”方面：（请填写：具体做法和情况）。"


def test_a_skeleton_left_in_one_is_an_error_until_filled(county: Report) -> None:
    """Accepting the skeleton of 政府信息管理 gives 「BLANK … 还有 1 处待填写」, an error, on that part."""
    subs = county.overview.subsections or []
    subs[2].text = draft_theme(subs[2].title)(county)
    (blank,) = [f for f in check(county) if f.rule == "BLANK"]
    assert blank.severity.value == "error" and blank.where == "一、总体情况 （三）政府信息管理"
    assert blank.target == "s1.sub.2" and "还有 1 处待填写" in blank.message


def test_six_states_no_fee_only_when_the_clerk_said_so() -> None:
    """With the 信息处理费 unanswered 六 asks for it; with 「否」 (0) it says none was collected."""
    report = _report("白璧镇人民政府", "乡镇街道")
    assert blanks(draft_other(report)) == ["本年度是否收取信息处理费"]
    report.other.fee_amount, report.other.fee_count = Decimal(0), 0
    assert draft_other(report).startswith("本年度我镇未收取信息处理费。")


def _until_five() -> Interview:
    interview = Interview(Draft(), None, date(2026, 11, 29))
    interview.start()
    for answer in COUNTY[: COUNTY.index(COUNTY_FIVE[0])]:
        interview.submit(answer)
    return interview


def test_five_is_three_questions_and_drafted_from_their_answers() -> None:
    """五 asks the problems, last year's improvements and next steps, then offers them as the text of 五."""
    interview = _until_five()
    asked = []
    for answer in ("部分执法信息公开不够及时", "", "2026年，本局将按月通报各股室公开情况。"):
        assert interview.current is not None
        asked.append((interview.current.id, interview.current.prompt.split("：")[0]))
        interview.submit(answer)
    assert asked == [
        ("s5.problems", "五、存在的主要问题及改进情况（1/3）"),
        ("s5.progress", "五（2/3）"),
        ("s5.measures", "五（3/3）"),
    ]
    question = interview.current
    assert question is not None and question.id == "s5.text" and question.drafted is not None
    assert question.drafted(interview.report) == (
        "一是存在的主要问题：部分执法信息公开不够及时。\n"
        "二是上年度问题的改进情况：（请填写：上年度问题的改进情况，没有请写明）。\n"
        "三是下一步措施：2026年，本局将按月通报各股室公开情况。"
    )
    interview.submit("")
    (s2,) = [f for f in interview.findings if f.rule == "S2"]
    assert s2.message == "第五部分还有 1 处待填写：上年度问题的改进情况，没有请写明。"


def test_the_second_question_shows_last_years_problems() -> None:
    """When last year's draft is attached, 「上年度报告提出的问题」 is shown with the question about them."""
    previous = Report()
    previous.improvements.problems = "公开目录更新慢。"
    interview = Interview(Draft(interview=InterviewState(previous=previous)), None, date(2026, 11, 29))
    question = interview.question("s5.progress")
    assert question is not None and question.prompt.endswith("\n上年报告提出的问题：\n公开目录更新慢。")


def test_a_draft_with_five_in_one_text_loads_and_is_not_asked_again(tmp_path: Path) -> None:
    """A draft written before the three questions (one 五 text) loads as it was; /goto 五 still reaches them."""
    data = json.loads((SAMPLES / "county-bureau-2025.json").read_text(encoding="utf-8"))
    five = data["report"]["improvements"]
    data["report"]["improvements"] = {"text": five["text"]}
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    draft, problems = recover_draft(old)
    assert problems == [] and draft.report.improvements.text == five["text"]
    interview = Interview(draft, None, date(2026, 11, 29))
    interview.start()
    assert [q.id for q in interview.plan() if q.section == "五" and not interview.is_answered(q)] == []
    interview.submit("/goto 五")
    assert interview.current is not None and interview.current.id == "s5.problems"


def test_a_transcript_answers_the_three_questions_in_plain_mode(tmp_path: Path) -> None:
    """The county transcript up to 五, then its three answers with 上年 left blank: the draft keeps that blank."""
    lines = (SAMPLES / "county-bureau-2025.answers.txt").read_text(encoding="utf-8").splitlines()
    head = lines[: lines.index(COUNTY_FIVE[0])]
    transcript = "\n".join([*head, COUNTY_FIVE[0], "", COUNTY_FIVE[2], "", "否", ""]) + "\n"
    status, _, err = play(tmp_path / "d.json", transcript)
    assert status == 0, err
    five = load_draft(tmp_path / "d.json").report.improvements
    assert (five.problems, five.progress, five.measures) == (COUNTY_FIVE[0], "", COUNTY_FIVE[2])
    assert five.text == (
        f"一是存在的主要问题：{COUNTY_FIVE[0]}\n"
        "二是上年度问题的改进情况：（请填写：上年度问题的改进情况，没有请写明）。\n"
        f"三是下一步措施：{COUNTY_FIVE[2]}"
    )


def test_an_answer_given_later_fills_the_accepted_draft_of_five() -> None:
    """Answering 上年 after accepting 五's draft with its blank updates that text; S2 then clears."""
    interview = _until_five()
    for answer in (COUNTY_FIVE[0], "", COUNTY_FIVE[2], ""):
        interview.submit(answer)
    assert [f.rule for f in interview.findings if f.rule == "S2"] == ["S2"]
    interview.submit("/goto s5.progress")
    acks = [m.text for m in interview.submit(COUNTY_FIVE[1]).messages if m.kind == "ack"]
    assert acks == ["已记录（49 字）。第五部分正文是采用的草稿，已随之更新。"]
    assert interview.report.improvements.text == draft_improvements(interview.report)
    assert f"二是上年度问题的改进情况：{COUNTY_FIVE[1]}" in (interview.report.improvements.text or "")
    assert not [f for f in interview.findings if f.rule == "S2"]


def test_a_five_the_clerk_rewrote_is_left_alone_when_an_answer_changes() -> None:
    """Text of the clerk's own in 五 is never replaced by a redrafted one."""
    interview = _until_five()
    for answer in (COUNTY_FIVE[0], "", COUNTY_FIVE[2], "本局自己写的第五部分。" * 4):
        interview.submit(answer)
    interview.submit("/goto s5.progress")
    interview.submit(COUNTY_FIVE[1])
    assert interview.report.improvements.text == "本局自己写的第五部分。" * 4


def test_headings_the_clerk_names_get_the_draft_of_their_theme_in_the_interview() -> None:
    """Typed headings 「主动公开情况；依申请公开情况；便民服务」 each get a draft: two with figures, one blank."""
    interview = Interview(Draft(), None, date(2026, 11, 29))
    interview.start()
    for answer in COUNTY[: COUNTY.index("", COUNTY.index("无", 27))]:  # through 一's opening paragraph
        interview.submit(answer)
    assert interview.current is not None and interview.current.id == "s1.titles"
    interview.submit("主动公开情况；依申请公开情况；便民服务")
    drafts = [q.drafted(interview.report) for q in interview.plan() if q.id.startswith("s1.sub.") and q.drafted]
    assert drafts[0].startswith("本年度，本局制发行政规范性文件2件")
    assert drafts[1].startswith("本年度，本局新收政府信息公开申请16件")
    assert drafts[2] == "本年度，本局在“便民服务”方面：（请填写：具体做法和情况）。"
