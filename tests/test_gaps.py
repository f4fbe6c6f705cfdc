"""Provides tests of what export calls unanswered: only answers the report prints, for drafts made every way."""

from __future__ import annotations

import pytest

from sections.interview.gaps import draft_gaps, gaps_text
from sections.reading.reader import read_report
from sections.store.drafts import Draft
from sections.store.workspace import draft_from

from .conftest import CORPUS


@pytest.mark.parametrize("name", ["hongze-2024.txt", "huaian-2024.txt", "pingtan-2019.txt", "baibi-2021.txt"])
def test_a_report_imported_whole_has_nothing_unanswered(name: str) -> None:
    """Contact details, gates and the 2019/2020 table 二 print nothing of their own: no gap is invented."""
    assert draft_gaps(draft_from(read_report(CORPUS / name))) == []


def test_a_row_the_reader_could_not_read_is_unanswered() -> None:
    """The 2021 平潭 report's 行政规范性文件 row is not readable: export names it under 二."""
    gaps = draft_gaps(draft_from(read_report(CORPUS / "pingtan-2021.txt")))
    assert gaps == [("二", 1, ["行政规范性文件"])]


def test_a_new_draft_is_named_section_by_section() -> None:
    """An empty draft: sections with more than three questions are named as a whole, others question by question."""
    said = gaps_text(draft_gaps(Draft())).split("\n")
    assert said[0].startswith("还有 ") and said[0].endswith(" 题没有回答，导出的报告中这些地方会是空白：")
    assert "  基本信息：整个部分都没有填写（4 题）" in said
    assert "  一、总体情况：总体情况的开头段落；总体情况下分几个小标题来写" in said
    assert "  六、其他需要报告的事项：六、其他需要报告的事项" in said
