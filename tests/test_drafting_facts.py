"""Drafted paragraphs state only what the draft holds: 五 is a skeleton with visible blanks until the clerk fills it."""

from __future__ import annotations

import pytest

from sections.model.report import Report
from sections.output.drafting import draft_improvements, draft_preface, self_word
from sections.rules.improvements import BLANK, blanks
from sections.rules.registry import check


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
