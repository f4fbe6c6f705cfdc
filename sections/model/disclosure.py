"""Provides table 二, 主动公开政府信息情况: its model and its checks (C1, C2, C3, C4, T2-RULES)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pydantic import BaseModel, Field

from sections.model.disclosure_2019 import TrialDisclosure
from sections.model.findings import Amount, Figure
from sections.model.ids import QuestionId, SectionId, t2_row
from sections.model.tables import TWO

SECTION: SectionId = "二"


DOCUMENT_COLUMNS = len(TWO.row("rules").columns)
"""Figures of a document row: 本年制发件数, 本年废止件数, 现行有效件数."""


def row_question(key: str) -> QuestionId:
    """The interview question that sets a row of table 二 (「fee」 → t2.fee)."""
    return t2_row(key)


PLACES: dict[str, tuple[tuple[str, ...], QuestionId]] = {
    row.key: (tuple(row.place(column) for column in range(len(row.columns))), row_question(row.key)) for row in TWO.rows
}
"""Each row's figures as a reviewer names them (「表二 规章 本年制发件数」 …) and the question that sets the row."""


def _triple() -> list[Figure]:
    return [None] * DOCUMENT_COLUMNS


class Disclosure(BaseModel):
    """Table 二: documents made under 第二十条第（一）项 and decisions under （五）（六）（八）."""

    rules: list[Figure] = Field(default_factory=_triple, min_length=DOCUMENT_COLUMNS, max_length=DOCUMENT_COLUMNS)
    """规章: 本年制发件数, 本年废止件数, 现行有效件数."""
    normative: list[Figure] = Field(default_factory=_triple, min_length=DOCUMENT_COLUMNS, max_length=DOCUMENT_COLUMNS)
    """行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数."""
    permits: Figure = None
    """行政许可 本年处理决定数量 (published or not)."""
    penalties: Figure = None
    """行政处罚 本年处理决定数量."""
    enforcement: Figure = None
    """行政强制 本年处理决定数量."""
    fee: Amount = None
    """行政事业性收费 本年收费金额, in 万元."""
    trial: TrialDisclosure | None = None
    """Table 二 as a 2019/2020 report prints it (试行 layout); None in the 2021 format."""

    def row(self, key: str) -> list[Figure | Amount]:
        """A row's figures in its columns (`TWO`): three for a document row, else one."""
        value = getattr(self, key)
        return list(value) if TWO.row(key).many else [value]

    def set_figure(self, key: str, column: int, value: int | Decimal) -> None:
        """Answer one figure of a row: a whole number, or for the fee an amount in 万元."""
        row = TWO.row(key)
        if row.many:
            getattr(self, key)[column] = int(value)
        else:
            setattr(self, key, value if row.amount else int(value))

    def cells(self) -> Iterator[tuple[str, Figure | Amount, QuestionId]]:
        """Every figure with the place a reviewer names and the question that sets it."""
        return iter(
            [
                (place, value, target)
                for key, (places, target) in PLACES.items()
                for place, value in zip(places, self.row(key), strict=False)
            ]
        )
