"""Provides `Report`, the whole annual report composed of its sections."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sections.model.appeals import Appeals
from sections.model.disclosure import Disclosure
from sections.model.improvements import Improvements
from sections.model.meta import Meta
from sections.model.other import Other
from sections.model.overview import Overview
from sections.model.requests import Requests
from sections.model.tables import THREE


class Report(BaseModel):
    """One body's 政府信息公开工作年度报告 for one year (国办公开办函〔2021〕30号 format)."""

    model_config = ConfigDict(validate_assignment=True)
    # Each section is built afresh for a new report: a default instance would be deep-copied instead,
    # which took a published report's reading 0.2 ms (Requests' twenty rows copied cell by cell).

    meta: Meta = Field(default_factory=Meta)
    """基本信息 and the preface."""
    overview: Overview = Field(default_factory=Overview)
    """一、总体情况."""
    disclosure: Disclosure = Field(default_factory=Disclosure)
    """二、主动公开政府信息情况 (table 二)."""
    requests: Requests = Field(default_factory=Requests)
    """三、收到和处理政府信息公开申请情况 (table 三)."""
    appeals: Appeals = Field(default_factory=Appeals)
    """四、政府信息公开行政复议、行政诉讼情况 (table 四)."""
    improvements: Improvements = Field(default_factory=Improvements)
    """五、存在的主要问题及改进情况."""
    other: Other = Field(default_factory=Other)
    """六、其他需要报告的事项."""


def table_format(report: Report) -> str:
    """The table layout as the corpus names it: 「2021」, 「2019」 or 「2021-outdated-six」.

    「2019」 is the 试行 layout of 2019/2020 reports; 「2021-outdated-six」 a 2021+ report printing
    （六）其他处理 as one row.
    """
    if report.disclosure.trial is not None:
        return "2019"
    if THREE.outdated_other in report.requests.rows:
        return "2019" if (report.meta.year or 2021) < 2021 else "2021-outdated-six"
    return "2021"
