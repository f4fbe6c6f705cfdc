"""Provides tests of X5: the share of this year's narrative (一、五、六) repeating last year's sentence for sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from sections.model.overview import Subsection
from sections.model.report import Report
from sections.rules.registry import check
from sections.rules.repetition import repeated_share
from sections.store.drafts import Draft, save_draft
from tui.cli import main

SAME = "本局完善了政府信息公开指南。"
FIGURES_NOW, FIGURES_THEN = "2025年共办理申请12件，均按时答复。", "二〇二四年共办理申请9件，均按时答复！"
NEW = "今年新开通了政务公开微信公众号。"
PLAN = "下一步将加强业务培训提高答复质量。"
COMPARED = {
    SAME: "本局完善了政府信息公开指南",
    FIGURES_NOW: "#年共办理申请#件均按时答复",
    NEW: "今年新开通了政务公开微信公众号",
}
"""Each sentence as compared: without punctuation, figures and years as one mark."""


def reports(*, new_sentences: int = 1) -> tuple[Report, Report]:
    """A report with a same, a refigured and `new_sentences` new sentences in 一, the plan in 五; and last year's."""
    this, last = Report(), Report()
    this.overview.opening = SAME + FIGURES_NOW
    this.overview.subsections = [Subsection(title="主动公开", text=NEW * new_sentences)]
    this.improvements.text = PLAN
    last.overview.opening = FIGURES_THEN + "\n" + SAME
    last.improvements.text = "存在的问题：人员力量不足。" + PLAN
    last.other.text = "本年度未收取信息处理费。"
    return this, last


def test_share_counts_characters_of_sentences_repeated_after_normalising() -> None:
    """Three of four sentences repeat (one with other figures and a Chinese year): the share is by characters."""
    this, last = reports()
    repeated = len(COMPARED[SAME]) + len(COMPARED[FIGURES_NOW]) + len(PLAN) - 1
    total = repeated + len(COMPARED[NEW])

    repetition = repeated_share(this, last)

    assert repetition.share == pytest.approx(repeated / total)
    assert repetition.passages == [SAME + FIGURES_NOW, PLAN]


def test_over_half_is_an_x5_warning_with_the_share_and_the_longest_passage() -> None:
    """The checks the interview runs with last year's report give X5, naming the share and the longest passage."""
    this, last = reports()
    (finding,) = [f for f in check(this, previous=last) if f.rule == "X5"]
    assert finding.severity.value == "warning"
    assert f"{repeated_share(this, last).share:.0%}" in finding.message
    assert f"“{SAME}{FIGURES_NOW[:26]}" in finding.message
    assert finding.section == "一"


def test_half_or_less_is_no_finding() -> None:
    """With enough new text the repeated share falls to half or below and X5 says nothing."""
    this, last = reports(new_sentences=4)
    assert repeated_share(this, last).share <= 0.5
    assert not [f for f in check(this, previous=last) if f.rule == "X5"]


def test_check_previous_reports_x5(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`nianbao check DRAFT --previous LAST` prints the X5 warning."""
    this, last = reports()
    save_draft(tmp_path / "this.json", Draft(report=this))
    save_draft(tmp_path / "last.json", Draft(report=last))
    main(["check", str(tmp_path / "this.json"), "--previous", str(tmp_path / "last.json")])
    assert "[提醒] X5 一、五、六 正文：正文（一、五、六）有" in capsys.readouterr().out
