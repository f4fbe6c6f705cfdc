"""Provides the official headings, row and column labels, read once from `official_structure.json`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

_STRUCTURE: Final[dict[str, Any]] = json.loads(
    resources.files(__package__).joinpath("official_structure.json").read_text(encoding="utf-8")
)

SECTION_HEADINGS: Final[tuple[str, ...]] = tuple(_STRUCTURE["sections"])
"""The six headings, 一 to 六, verbatim."""

SECTION_NUMERALS: Final[tuple[str, ...]] = tuple(h.split("、", 1)[0] for h in SECTION_HEADINGS)
"""「一」 … 「六」."""

DEFAULT_SUBSECTIONS: Final[tuple[str, ...]] = tuple(s.split("）", 1)[1] for s in _STRUCTURE["section1_subsections"])
"""The five themes of 一、总体情况, without their 「（一）」 numbering."""

GOVERNMENT_SUBSECTION: Final = "工作考核、社会评议和责任追究结果"
"""The extra theme a people's government reports (条例 第五十条; FORMAT.md §2)."""

SUBSECTION_NUMERALS: Final = "一二三四五六七八九十"


@dataclass(frozen=True)
class Table2Block:
    """One block of table 二: its title, column labels and row labels."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]


TABLE2: Final[tuple[Table2Block, ...]] = tuple(
    Table2Block(key, b["title"], tuple(b["columns"]), tuple(b["rows"])) for key, b in _STRUCTURE["table2"].items()
)

TABLE2_2019: Final[tuple[Table2Block, ...]] = tuple(
    Table2Block(
        key,
        TABLE2[0].title.replace("（一）", f"（{SUBSECTION_NUMERALS[int(key[6:]) - 1]}）"),
        tuple(b["columns"]),
        tuple(b["rows"]),
    )
    for key, b in _STRUCTURE["table2_2019_format"].items()
)
"""Table 二 of the 2019 试行 format (国办公开办函〔2019〕60号): five blocks, titles 第二十条第（一）…（九）项."""


@dataclass(frozen=True)
class Table3Row:
    """One row of table 三: stable key, official label, and its group (None, 「三」, 「三(三)」 …)."""

    key: str
    label: str
    group: str | None

    @property
    def is_result(self) -> bool:
        """Whether the row is one of the 21 result sub-rows that add up to （七）总计."""
        return self.group is not None and self.key != "total"


T3_NOTE: Final[str] = _STRUCTURE["table3"]["note"]
T3_COLUMNS: Final[tuple[str, ...]] = tuple(_STRUCTURE["table3"]["columns"])
"""自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计."""
T3_APPLICANTS: Final[tuple[str, ...]] = T3_COLUMNS[:6]
((T3_APPLICANTS_HEADING, _column_groups),) = _STRUCTURE["table3"]["column_groups"].items()
"""申请人情况: the header over all seven columns."""
T3_ORGANISATIONS_HEADING: Final[str] = next(next(iter(g)) for g in _column_groups if isinstance(g, dict))
"""法人或其他组织: the header over the five organisation columns."""

T3_ROWS: Final[tuple[Table3Row, ...]] = tuple(
    Table3Row(r["key"], r["label"], r["group"]) for r in _STRUCTURE["table3"]["rows_2021"]
)
T3_ROWS_2019: Final[tuple[Table3Row, ...]] = tuple(
    Table3Row(r["key"], r["label"], r["group"]) for r in _STRUCTURE["table3"]["rows_2019"]
)
T3_RESULT_KEYS: Final[tuple[str, ...]] = tuple(r.key for r in T3_ROWS if r.is_result)
"""The 21 result sub-rows of 三、本年度办理结果, in order."""

T3_RESULT_HEADING: Final = "三、本年度办理结果"
"""The label of the merged cell over the result rows: the 三 item of the table's 勾稽关系 note."""
T3_GROUP_HEADINGS: Final[dict[str, str]] = {
    "三(三)": "（三）不予公开",
    "三(四)": "（四）无法提供",
    "三(五)": "（五）不予处理",
    "三(六)": "（六）其他处理",
}
"""The merged label cells over the numbered result rows (official_template_layout.txt)."""

T4_COLUMNS: Final[tuple[str, ...]] = tuple(_STRUCTURE["table4"]["columns"])
_T4_HEADER: Final[dict[str, Any]] = _STRUCTURE["table4"]["header"]
T4_OUTCOMES: Final[tuple[str, ...]] = tuple(_T4_HEADER["行政复议"])
"""结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""
T4_REVIEW: Final = "行政复议"
T4_LITIGATION: Final = "行政诉讼"
T4_LITIGATION_KINDS: Final[tuple[str, ...]] = tuple(_T4_HEADER["行政诉讼"])
"""未经复议直接起诉, 复议后起诉."""
T4_GROUPS: Final[tuple[str, ...]] = (T4_REVIEW,) + tuple(f"{T4_LITIGATION}-{kind}" for kind in T4_LITIGATION_KINDS)
"""The three groups as a reviewer names them: 行政复议, 行政诉讼-未经复议直接起诉, 行政诉讼-复议后起诉."""

LEVELS: Final[tuple[str, ...]] = (
    "乡镇街道",
    "县级以上政府部门",
    "县级政府",
    "设区的市政府",
    "省级政府",
    "省级政府部门",
    "国务院部门",
)
"""The body levels the report distinguishes (FORMAT.md §1–3)."""
