"""Provides table 二, 主动公开政府信息情况: its model and its checks (C1, C2, C3, C4, T2-RULES)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, Field

from sections.model.disclosure_2019 import TrialDisclosure
from sections.model.findings import Amount, Figure
from sections.model.ids import QuestionId, SectionId
from sections.model.labels import RULE_COLUMNS, TABLE2

SECTION: SectionId = "二"


RULES_LABEL, NORMATIVE_LABEL = TABLE2[0].rows


(PERMIT_LABEL,) = TABLE2[1].rows


PENALTY_LABEL, ENFORCEMENT_LABEL = TABLE2[2].rows


(FEE_LABEL,) = TABLE2[3].rows


def _triple() -> list[Figure]:
    return [None, None, None]


class Disclosure(BaseModel):
    """Table 二: documents made under 第二十条第（一）项 and decisions under （五）（六）（八）."""

    rules: list[Figure] = Field(default_factory=_triple, min_length=3, max_length=3)
    """规章: 本年制发件数, 本年废止件数, 现行有效件数."""
    normative: list[Figure] = Field(default_factory=_triple, min_length=3, max_length=3)
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

    def cells(self) -> Iterator[tuple[str, Figure | Amount, QuestionId]]:
        """Every figure with the place a reviewer names and the question that sets it."""
        for label, values, target in (
            (RULES_LABEL, self.rules, QuestionId.T2_RULES),
            (NORMATIVE_LABEL, self.normative, QuestionId.T2_NORMATIVE),
        ):
            for column, value in zip(RULE_COLUMNS, values, strict=True):
                yield f"表二 {label} {column}", value, target
        yield f"表二 {PERMIT_LABEL}", self.permits, QuestionId.T2_PERMITS
        yield f"表二 {PENALTY_LABEL}", self.penalties, QuestionId.T2_PENALTIES
        yield f"表二 {ENFORCEMENT_LABEL}", self.enforcement, QuestionId.T2_ENFORCEMENT
        yield f"表二 {FEE_LABEL}", self.fee, QuestionId.T2_FEE
