"""Provides tables 二、三、四 described once: their rows, columns, computed totals and the one amount.

Every other place that knows a table's shape (the section models, the questions, the grid editor, the
reader, the rendered and Word tables, the JSON figures, the drafts' repair messages, the cross-year
rules) reads it from here. Labels come from `labels.py` (official_structure.json); the only names
written here are the `Disclosure` fields that hold table 二's rows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property

from sections.model.labels import (
    SECTION_HEADINGS,
    SECTION_NUMERALS,
    T3_APPLICANTS_HEADING,
    T3_COLUMNS,
    T3_GROUP_HEADINGS,
    T3_NOTE,
    T3_ORGANISATIONS_HEADING,
    T3_RESULT_HEADING,
    T3_ROWS,
    T3_ROWS_2019,
    T4_COLUMNS,
    T4_GROUPS,
    T4_LITIGATION,
    T4_LITIGATION_KINDS,
    T4_OUTCOMES,
    T4_REVIEW,
    TABLE2,
    TABLE2_2019,
    Table2Block,
    Table3Row,
)

TABLE2_FIELDS = (("rules", "normative"), ("permits",), ("penalties", "enforcement"), ("fee",))
"""The `Disclosure` field of each row of table 二, block by block (the draft's JSON keys)."""
TABLE2_AMOUNT = "fee"
"""The row of table 二 that is an amount in 万元 (a Decimal), not a count."""


def _title(numeral: str) -> str:
    heading = SECTION_HEADINGS[SECTION_NUMERALS.index(numeral)]
    return f"表{numeral} {heading.split('、', 1)[1]}"


@dataclass(frozen=True)
class Table2Row:
    """One row of table 二: where it lives in the model, its official label, its block and its figures."""

    key: str
    """The `Disclosure` field holding the row (「rules」, 「fee」); a 2019 row is keyed by its label."""
    label: str
    """The official row label: 「规章」, 「行政许可」 …"""
    block: Table2Block
    """The block it is printed in: its title (第二十条第（一）项) and header."""
    amount: bool = False
    """Whether the row's figure is an amount in 万元 (`Decimal`) rather than a count."""

    @cached_property
    def columns(self) -> tuple[str, ...]:
        """The row's figure columns (the header without 「信息内容」)."""
        return self.block.columns[1:]

    @cached_property
    def many(self) -> bool:
        """Whether the row holds several figures (a list in the model) rather than one."""
        return len(self.columns) > 1

    @property
    def leads(self) -> bool:
        """Whether the row is the first of its block (the one printed under the block's title)."""
        return self.block.rows[0] == self.label

    def place(self, column: int) -> str:
        """A figure as a reviewer names it: 「表二 规章 本年废止件数」, 「表二 行政许可」 for a row of one."""
        return f"表二 {self.label} {self.columns[column]}" if self.many else f"表二 {self.label}"


@dataclass(frozen=True)
class TableTwo:
    """Table 二: blocks by article of 第二十条, each with its rows; no totals."""

    title: str
    blocks: tuple[Table2Block, ...]
    rows: tuple[Table2Row, ...]

    def row(self, key: str) -> Table2Row:
        """The row held in model field (or, in the 2019 layout, labelled) `key`."""
        return self._by_key[key]

    def rows_in(self, block: Table2Block) -> tuple[Table2Row, ...]:
        """The rows printed in a block, in order."""
        return tuple(row for row in self.rows if row.block is block)

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """The model fields of the rows, in order."""
        return tuple(row.key for row in self.rows)

    @cached_property
    def columns(self) -> tuple[str, ...]:
        """The figure columns of the widest block: the grid editor's columns (本年制发件数 …)."""
        return max((row.columns for row in self.rows), key=len)

    @cached_property
    def width(self) -> int:
        """Grid columns of the printed table: the label column and the widest block's figures."""
        return max(len(block.columns) for block in self.blocks)

    @cached_property
    def documents(self) -> tuple[Table2Row, ...]:
        """The rows counting documents made, repealed and in force (规章, 行政规范性文件)."""
        return tuple(row for row in self.rows if row.many)

    @cached_property
    def decisions(self) -> tuple[Table2Row, ...]:
        """The rows of one count each (行政许可, 行政处罚, 行政强制)."""
        return tuple(row for row in self.rows if not row.many and not row.amount)

    @cached_property
    def _by_key(self) -> dict[str, Table2Row]:
        return {row.key: row for row in self.rows}


TWO = TableTwo(
    _title("二"),
    TABLE2,
    tuple(
        Table2Row(key, label, block, amount=key == TABLE2_AMOUNT)
        for block, keys in zip(TABLE2, TABLE2_FIELDS, strict=True)
        for key, label in zip(keys, block.rows, strict=True)
    ),
)
"""Table 二 in the 2021 format: rows held in the `Disclosure` fields named by `TABLE2_FIELDS`."""

TWO_2019 = TableTwo(
    _title("二"),
    TABLE2_2019,
    tuple(Table2Row(label, label, block) for block in TABLE2_2019 for label in block.rows),
)
"""Table 二 of the 2019 试行 layout: rows keyed by their labels, as `TrialDisclosure` holds them."""


@dataclass(frozen=True)
class TableThree:
    """Table 三: official rows by six applicant columns and 总计; the 总计 column and row are computed."""

    title: str
    columns: tuple[str, ...]
    """自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计."""
    rows: tuple[Table3Row, ...]
    """The 25 rows of the 2021 format."""
    rows_2019: tuple[Table3Row, ...]
    """The 23 rows of the 2019 试行 layout: （六）其他处理 as one row."""
    note: str
    """The header cell's 勾稽关系 note."""
    applicants_heading: str
    """申请人情况: over all seven columns."""
    organisations_heading: str
    """法人或其他组织: over the five organisation columns."""
    result_heading: str
    """三、本年度办理结果: the merged label over the result rows."""
    group_headings: dict[str, str]
    """Row group (「三(三)」) → its merged label (「（三）不予公开」)."""
    total_row: str = "total"
    """（七）总计: the sum of the result rows."""

    @cached_property
    def width(self) -> int:
        """Cells in a row: seven."""
        return len(self.columns)

    @cached_property
    def total_column(self) -> int:
        """The index of 总计, the sum of a row's applicant columns."""
        return self.width - 1

    @cached_property
    def applicants(self) -> tuple[str, ...]:
        """The six applicant columns, without 总计."""
        return self.columns[: self.total_column]

    @cached_property
    def organisations(self) -> tuple[str, ...]:
        """The five columns under 法人或其他组织."""
        return self.applicants[1:]

    @cached_property
    def outdated_other(self) -> str:
        """The key of the single （六）其他处理 row that only the 2019 layout has."""
        (key,) = {r.key for r in self.rows_2019} - {r.key for r in self.rows}
        return key

    @cached_property
    def split_other(self) -> tuple[str, ...]:
        """The keys of the three （六） rows that replace it in the 2021 format."""
        old = {r.key for r in self.rows_2019}
        return tuple(r.key for r in self.rows if r.key not in old)

    @cached_property
    def results(self) -> tuple[str, ...]:
        """The 21 result rows that add up to （七）总计, in the 2021 format."""
        return tuple(r.key for r in self.rows if r.is_result)

    @cached_property
    def results_2019(self) -> tuple[str, ...]:
        """The result rows of the 2019 layout."""
        return tuple(r.key for r in self.rows_2019 if r.is_result)

    @cached_property
    def keys(self) -> frozenset[str]:
        """Every row key of either layout."""
        return frozenset(self._by_key)

    def row(self, key: str) -> Table3Row:
        """The row with this key, in either layout."""
        return self._by_key[key]

    @cached_property
    def _by_key(self) -> dict[str, Table3Row]:
        return {r.key: r for r in self.rows + self.rows_2019}

    def layout(self, keys: Collection[str]) -> tuple[Table3Row, ...]:
        """The rows of the layout a table with these row keys uses (2019 when it has the single （六） row)."""
        return self.rows_2019 if self.outdated_other in keys else self.rows

    def is_computed(self, key: str, column: int) -> bool:
        """Whether a cell is a total the program computes (the 总计 column, the （七）总计 row)."""
        return key == self.total_row or column == self.total_column


THREE = TableThree(
    _title("三"),
    T3_COLUMNS,
    T3_ROWS,
    T3_ROWS_2019,
    T3_NOTE,
    T3_APPLICANTS_HEADING,
    T3_ORGANISATIONS_HEADING,
    T3_RESULT_HEADING,
    T3_GROUP_HEADINGS,
)
"""Table 三, rows keyed as in official_structure.json."""


@dataclass(frozen=True)
class AppealsGroup:
    """One group of five figures in table 四: 行政复议, or one kind of 行政诉讼."""

    key: str
    """The stable key of official_structure.json's columns: 「复议」, 「直诉」, 「复议后诉」."""
    name: str
    """As a reviewer names it: 「行政复议」, 「行政诉讼-未经复议直接起诉」."""


@dataclass(frozen=True)
class TableFour:
    """Table 四: one row of three groups, each with four outcomes and their computed 总计."""

    title: str
    groups: tuple[AppealsGroup, ...]
    columns: tuple[str, ...]
    """A group's columns: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""
    review: str
    """行政复议: the header over the first group."""
    litigation: str
    """行政诉讼: the header over the other two."""
    litigation_kinds: tuple[str, ...]
    """未经复议直接起诉, 复议后起诉: the headers of the two litigation groups."""

    @cached_property
    def group_width(self) -> int:
        """Cells in a group: five."""
        return len(self.columns)

    @cached_property
    def total_column(self) -> int:
        """The index of 总计 within a group."""
        return self.group_width - 1

    @cached_property
    def outcomes(self) -> tuple[str, ...]:
        """The four outcome columns a clerk answers, without 总计."""
        return self.columns[: self.total_column]

    @cached_property
    def width(self) -> int:
        """All figures of the table: fifteen."""
        return self.group_width * len(self.groups)

    def index(self, group: int, column: int) -> int:
        """The position of a group's cell among the table's figures."""
        return group * self.group_width + column

    def is_computed(self, index: int) -> bool:
        """Whether the figure at `index` is a group's 总计, which the program computes."""
        return index % self.group_width == self.total_column

    def name(self, index: int) -> str:
        """A figure as a reviewer names it: 「行政复议 结果维持」."""
        group, column = divmod(index, self.group_width)
        return f"{self.groups[group].name} {self.columns[column]}"


FOUR = TableFour(
    _title("四"),
    tuple(AppealsGroup(T4_COLUMNS[g * len(T4_OUTCOMES)].split("_", 1)[0], name) for g, name in enumerate(T4_GROUPS)),
    T4_OUTCOMES,
    T4_REVIEW,
    T4_LITIGATION,
    T4_LITIGATION_KINDS,
)
"""Table 四, its groups in the order of official_structure.json's columns."""
