"""Provides table 三, 收到和处理政府信息公开申请情况: its model and checks (C1, C2, T3-ROW, T3-COL, T3-BAL)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, field_validator

from sections.model.findings import Figure, count
from sections.model.ids import QuestionId, SectionId, t3_row
from sections.model.tables import THREE

SECTION: SectionId = "三"


def _empty_rows() -> dict[str, list[Figure]]:
    return {r.key: [None] * THREE.width for r in THREE.rows if r.key != THREE.total_row}


def row_name(key: str) -> str:
    """The row as a reviewer names it: 「（三）不予公开 1.属于国家秘密」, 「（二）部分公开」."""
    row = THREE.row(key)
    label = row.label.split("（区分处理")[0]
    heading = THREE.group_headings.get(row.group or "")
    return f"{heading} {label}" if heading else label


OWN_QUESTIONS: dict[str, QuestionId] = {
    "new": QuestionId.T3_NEW,
    "carry_in": QuestionId.T3_CARRY_IN,
    "total": QuestionId.T3_OUTCOMES,
    "carry_out": QuestionId.T3_CARRY_OUT,
}
"""The rows set by a question of their own rather than a row question; （七）总计 by the outcomes checklist."""


def row_question(key: str) -> QuestionId:
    """The interview question that sets a row of table 三."""
    return OWN_QUESTIONS.get(key) or t3_row(key)


class Requests(BaseModel):
    """Table 三: applications received and how they were handled, by applicant type.

    Each row holds seven cells; the seventh (总计) and the whole （七）总计 row are None in a draft
    (computed) and hold the printed figures in an imported report, so the checks can compare.
    """

    rows: dict[str, Annotated[list[Figure], Field(min_length=THREE.width, max_length=THREE.width)]] = Field(
        default_factory=_empty_rows
    )
    """Row key (official_structure.json) → 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计."""

    @field_validator("rows")
    @classmethod
    def _known_rows(cls, rows: dict[str, list[Figure]]) -> dict[str, list[Figure]]:
        unknown = [key for key in rows if key not in THREE.keys]
        if unknown:
            raise ValueError(f"表三没有行“{'、'.join(unknown)}”")
        return rows

    @property
    def result_keys(self) -> tuple[str, ...]:
        """The result sub-rows that add up to （七）总计, in the layout this table uses."""
        return THREE.results_2019 if THREE.outdated_other in self.rows else THREE.results

    def applicants(self, key: str) -> list[Figure]:
        """The six applicant cells of a row as entered."""
        return self.rows.get(key, [None] * THREE.width)[: THREE.total_column]

    def value(self, key: str, column: int) -> Figure:
        """A cell as the report shows it: the figure entered or printed, else the computed total."""
        total = THREE.total_column
        if key == THREE.total_row and key not in self.rows:
            results = [self.value(k, column) for k in self.result_keys]
            return None if None in results else sum(map(count, results))
        cells = self.rows.get(key)
        if cells is None:
            return None
        if column < total or cells[total] is not None:
            return cells[column]
        six = cells[:total]
        return None if None in six else sum(map(count, six))

    def row(self, key: str) -> list[Figure]:
        """All seven cells of a row as the report shows them (`value` of each, a row at a time)."""
        if key == THREE.total_row and key not in self.rows:
            rows = [self.row(k) for k in self.result_keys]
            return [None if None in column else sum(map(count, column)) for column in zip(*rows, strict=True)]
        cells = self.rows.get(key)
        if cells is None:
            return [None] * THREE.width
        six, total = cells[: THREE.total_column], cells[THREE.total_column]
        if total is None and None not in six:
            total = sum(map(count, six))
        return [*six, total]

    def is_answered(self, key: str) -> bool:
        """Whether the six applicant cells of a row are answered."""
        return None not in self.applicants(key)

    def set_row(self, key: str, values: list[int]) -> None:
        """Answer a row's six applicant cells; its 总计 becomes computed."""
        self.rows[key] = [*values, None]

    def set_zero(self, keys: tuple[str, ...]) -> None:
        """Answer rows as nothing happened."""
        for key in keys:
            self.set_row(key, [0] * THREE.total_column)
