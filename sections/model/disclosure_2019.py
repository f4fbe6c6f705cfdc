"""Provides table 二 in the 2019 试行 layout (国办公开办函〔2019〕60号), as 2019 and 2020 reports print it."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, field_validator

from sections.model.findings import Figure
from sections.model.ids import SectionId
from sections.model.tables import TWO_2019

SECTION: SectionId = "二"


COLUMNS: dict[str, tuple[str, ...]] = {row.label: row.columns for row in TWO_2019.rows}
"""Each 2019 row label → its value columns (上一年项目数量, 本年增/减 …)."""


PLACES: dict[str, tuple[tuple[str, str], ...]] = {
    label: tuple((f"表二 {label} {column}", column) for column in columns) for label, columns in COLUMNS.items()
}
"""Each 2019 row label → its cells' places (「表二 行政许可 上一年项目数量」) with their column names."""


CHANGE_COLUMN = TWO_2019.blocks[1].columns[2]
"""本年增/减: a decrease is printed as a negative number, legitimately."""


AMOUNT_COLUMN = TWO_2019.blocks[-1].columns[-1]
"""采购总金额: an amount kept as printed (「75394432.52元」), not a count."""


class TrialDisclosure(BaseModel):
    """Table 二 of a 2019/2020 report: per row label, its cells in the 2019 columns (`COLUMNS`)."""

    rows: dict[str, list[Figure]]
    """Row label (规章, 规范性文件, 行政许可 … 政府集中采购) → cells; an amount stays the string printed."""

    @field_validator("rows")
    @classmethod
    def _known_rows(cls, rows: dict[str, list[Figure]]) -> dict[str, list[Figure]]:
        for label, cells in rows.items():
            if label not in COLUMNS:
                raise ValueError(f"2019 年格式的表二没有行“{label}”")
            if len(cells) != len(COLUMNS[label]):
                raise ValueError(f"表二行“{label}”应有 {len(COLUMNS[label])} 个数，实有 {len(cells)} 个")
        return rows

    def cells(self) -> Iterator[tuple[str, str, Figure]]:
        """Every cell with its place (「表二 行政许可 上一年项目数量」) and column name."""
        return iter(
            [
                (place, column, value)
                for label, values in self.rows.items()
                for (place, column), value in zip(PLACES[label], values, strict=True)
            ]
        )
