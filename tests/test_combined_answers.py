"""Provides tests of answers that fill several questions at once: the contact in one line, 五 in one message."""

from __future__ import annotations

from datetime import date

import pytest

from sections.interview.engine import Interview
from sections.model.meta import Contact
from sections.store.drafts import Draft

TODAY = date(2026, 11, 29)
CONTACT = "党政办，电话0372-2628532，邮箱bbz@163.com，地址白璧镇人民路1号，邮编455000"
PROBLEMS = "信息公开内容不够全面，更新不够及时。"
PROGRESS = "上年提出的公开栏更新问题已落实专人每月更新。"
MEASURES = "进一步充实公开内容，加强业务培训，提高答复质量。"
TWO = "没有规章，规范性文件制发2件，没有废止，现行有效5件；许可5件，处罚7件，强制1件，没有收费"


def _said(interview: Interview, answer: str) -> str:
    return "\n".join(m.text for m in interview.submit(answer).messages)


def _asked(interview: Interview) -> str | None:
    return interview.current.id if interview.current else None


def _at_contact() -> Interview:
    interview = Interview(Draft(), None, TODAY)
    interview.start()
    for answer in ("白璧镇人民政府", "", "2021"):
        interview.submit(answer)
    assert _asked(interview) == "meta.department"
    return interview


def test_the_contact_in_one_answer_fills_every_field_and_one_undo_takes_it_back() -> None:
    """「党政办，电话…，邮箱…，地址…，邮编…」 fills the five contact questions; the next one asked is the fee rule."""
    interview = _at_contact()
    said = _said(interview, CONTACT)
    assert "已记录：承办科室 党政办；联系电话 0372-2628532；电子邮箱 bbz@163.com" in said
    assert interview.report.meta.contact == Contact(
        department="党政办", phone="0372-2628532", email="bbz@163.com", address="白璧镇人民路1号", postcode="455000"
    )
    assert _asked(interview) == "meta.fee_decimals"
    interview.submit("/undo")
    assert interview.report.meta.contact == Contact()
    assert _asked(interview) == "meta.department"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "邮编：455000；联系电话：0372 2628532，电子邮箱：bbz@163.com，承办科室：党政办",
            Contact(department="党政办", phone="0372 2628532", email="bbz@163.com", postcode="455000"),
        ),
        (
            "党政办 通讯地址：白璧镇人民路1号（邮编455000）",
            Contact(department="党政办", address="白璧镇人民路1号", postcode="455000"),
        ),
        ("党政办、电子邮箱无、邮政编码无", Contact(department="党政办", email="", postcode="")),
        ("党政办，电话0372-2628532", Contact(department="党政办", phone="0372-2628532")),
    ],
)
def test_each_named_field_is_taken_in_any_order(answer: str, expected: Contact) -> None:
    """Labels in any order, with 、，；, spaces or brackets between; 「无」 is a field with nothing to give."""
    interview = _at_contact()
    interview.submit(answer)
    assert interview.report.meta.contact == expected


def test_a_refused_part_is_named_and_the_others_are_kept() -> None:
    """A bad phone and postcode are said with their own question's reason; the rest is recorded; phone is asked next."""
    interview = _at_contact()
    said = _said(interview, "党政办，电话12，邮箱bbz@163.com，邮编4550")
    assert "联系电话“12”没有记录：联系电话至少应有 7 位数字" in said
    assert "邮政编码“4550”没有记录：邮编应是 6 位数字" in said
    assert interview.report.meta.contact == Contact(department="党政办", email="bbz@163.com")
    assert _asked(interview) == "meta.phone"
    interview.submit("0372-2628532")
    assert _asked(interview) == "meta.address"


def test_a_question_whose_own_part_is_refused_is_asked_again_and_can_still_be_skipped() -> None:
    """At 联系电话, 「123，邮箱bbz@163.com」 keeps the e-mail and asks the phone again; /skip then moves on."""
    interview = _at_contact()
    interview.submit("党政办")
    said = _said(interview, "123，邮箱bbz@163.com")
    assert "联系电话“123”没有记录" in said and interview.report.meta.contact.email == "bbz@163.com"
    assert _asked(interview) == "meta.phone"
    interview.submit("/skip")
    assert _asked(interview) == "meta.address"


def test_a_combined_answer_with_nothing_to_keep_is_refused_and_what_is_not_a_field_is_said() -> None:
    """Every part refused: nothing changes; a part with no field (传真) is said as not recorded."""
    interview = _at_contact()
    turn = interview.submit("电话12，邮编4550")
    assert [m.kind for m in turn.messages] == ["refusal"]
    assert interview.report.meta.contact == Contact()
    said = _said(interview, "党政办，电话0372-2628532，传真0372-2628533")
    assert "“传真0372-2628533”不知道是哪一项，没有记录" in said
    assert interview.report.meta.contact.phone == "0372-2628532"


def test_a_label_with_nothing_after_it_is_not_taken_as_none() -> None:
    """「地址、邮编455000」 does not say there is no address: it is said as not recorded and asked."""
    interview = _at_contact()
    said = _said(interview, "党政办，电话0372-2628532，邮箱无，地址、邮编455000")
    assert "通讯地址后面没有写内容，没有记录" in said
    assert interview.report.meta.contact.address is None and interview.report.meta.contact.postcode == "455000"
    assert _asked(interview) == "meta.address"


def test_an_answer_without_labels_is_the_question_alone() -> None:
    """「党政办公室（综合办）」 and an address with commas are taken whole, as before."""
    interview = _at_contact()
    interview.submit("党政办公室（综合办）")
    interview.submit("0372-2628532")
    interview.submit("无")
    interview.submit("河南省新乡市，白璧镇人民路1号")
    assert interview.report.meta.contact == Contact(
        department="党政办公室（综合办）", phone="0372-2628532", email="", address="河南省新乡市，白璧镇人民路1号"
    )


@pytest.mark.parametrize("answer", ["白璧镇人民政府2021年度", "2021年度白璧镇人民政府", "白璧镇人民政府，2021年"])
def test_the_body_with_its_year_answers_the_year_question(answer: str) -> None:
    """The year given with the body's name is recorded and not asked again: the level is next, then the contact."""
    interview = Interview(Draft(), None, TODAY)
    interview.start()
    said = _said(interview, answer)
    assert "《白璧镇人民政府2021年政府信息公开工作年度报告》" in said
    assert (interview.report.meta.body, interview.report.meta.year) == ("白璧镇人民政府", 2021)
    interview.submit("")
    assert _asked(interview) == "meta.department"


def test_a_year_out_of_range_with_the_body_keeps_the_body_and_asks_the_year() -> None:
    """「白璧镇人民政府1999年度」: the name is recorded, the year refused with its reason and asked after the level."""
    interview = Interview(Draft(), None, TODAY)
    interview.start()
    said = _said(interview, "白璧镇人民政府1999年度")
    assert "年度“1999”没有记录：报告年度应在 2008 至" in said
    assert (interview.report.meta.body, interview.report.meta.year) == ("白璧镇人民政府", None)
    interview.submit("")
    assert _asked(interview) == "meta.year"


def _at_five() -> Interview:
    interview = _at_contact()
    for answer in (CONTACT, "无", "", TWO, "否", "否", "写了。", "", *["写了。"] * 6):
        interview.submit(answer)
    assert _asked(interview) == "s5.problems"
    return interview


def test_five_numbered_in_one_message_is_its_text_and_one_undo_takes_it_back() -> None:
    """「一是…二是…三是…」 fills the three questions and, as the clerk's own words, 五's text: 六 is next."""
    interview = _at_five()
    message = f"一是{PROBLEMS}二是{PROGRESS}三是{MEASURES}"
    said = _said(interview, message)
    five = interview.report.improvements
    assert (five.problems, five.progress, five.measures, five.text) == (PROBLEMS, PROGRESS, MEASURES, message)
    assert f"上年度问题的改进情况：{PROGRESS}" in said and "这段话原样作为第五部分正文" in said
    assert _asked(interview) == "s6.fee"
    interview.submit("/undo")
    assert interview.report.improvements.text is None and interview.report.improvements.problems is None
    assert _asked(interview) == "s5.problems"


def test_five_in_three_paragraphs_is_taken_as_written() -> None:
    """Three paragraphs (the second on last year, the third on what is next) are the three parts and 五's text."""
    interview = _at_five()
    interview.submit(f"{PROBLEMS}\n\n{PROGRESS}\n{MEASURES}")
    five = interview.report.improvements
    assert (five.problems, five.progress, five.measures) == (PROBLEMS, PROGRESS, MEASURES)
    assert five.text == f"{PROBLEMS}\n\n{PROGRESS}\n{MEASURES}"


def test_five_as_labelled_notes_is_drafted_and_shown_for_acceptance() -> None:
    """「问题：…；整改：…；下一步：…」 in any order fills the three parts; the draft is then asked, not published."""
    interview = _at_five()
    said = _said(interview, "下一步：加强培训；问题：公开不及时；整改：已落实专人更新")
    five = interview.report.improvements
    assert (five.problems, five.progress, five.measures, five.text) == (
        "公开不及时",
        "已落实专人更新",
        "加强培训",
        None,
    )
    assert _asked(interview) == "s5.text"
    assert "二是上年度问题的改进情况：已落实专人更新。" in said
    interview.submit("")
    assert interview.report.improvements.text is not None
    assert "三是下一步措施：加强培训。" in interview.report.improvements.text


def test_five_with_a_part_left_empty_keeps_its_blank() -> None:
    """A label with nothing after it is a part not known yet: said so, left as a blank in the draft."""
    interview = _at_five()
    said = _said(interview, "问题：公开不及时；整改：；下一步：加强培训")
    assert interview.report.improvements.progress == ""
    assert "上年度问题的改进情况：（暂不填写，草稿中留空待填）" in said


@pytest.mark.parametrize(
    "answer",
    [
        "一是公开不够及时；二是解读形式单一；三是业务培训不足。",
        "一是公开不够及时；二是上年的问题还没整改完；三是业务培训不足。",
        f"一是{PROBLEMS}二是{PROGRESS}",
        f"{PROBLEMS}\n{PROGRESS}",
    ],
)
def test_problems_listed_one_two_three_stay_the_answer_to_the_first_question(answer: str) -> None:
    """Three problems numbered 一是…三是 (no last year in the second, nothing ahead in the third) are one answer."""
    interview = _at_five()
    interview.submit(answer)
    five = interview.report.improvements
    assert (five.problems, five.progress, five.text) == (answer, None, None)
    assert _asked(interview) == "s5.progress"


def test_only_the_first_of_the_three_questions_splits() -> None:
    """At the second question a three-part message is that question's answer, as typed."""
    interview = _at_five()
    interview.submit(PROBLEMS)
    message = f"一是{PROBLEMS}二是{PROGRESS}三是{MEASURES}"
    interview.submit(message)
    assert interview.report.improvements.progress == message
    assert _asked(interview) == "s5.measures"


def test_five_revisited_in_one_message_is_not_asked_again() -> None:
    """After /goto 五, a message rewriting the parts leaves none of them to review: 六 is next."""
    interview = _at_five()
    for answer in (PROBLEMS, PROGRESS, MEASURES, ""):
        interview.submit(answer)
    interview.submit("/goto 五")
    interview.submit(f"一是{PROBLEMS}二是去年的问题都已整改。三是继续{MEASURES}")
    assert _asked(interview) == "s6.fee"
    assert interview.report.improvements.progress == "去年的问题都已整改。"
