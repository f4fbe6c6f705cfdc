"""Provides `Report`, the whole annual report composed of its sections."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .appeals import Appeals
from .disclosure import Disclosure
from .improvements import Improvements
from .meta import Meta
from .other import Other
from .overview import Overview
from .requests import Requests


class Report(BaseModel):
    """One body's 政府信息公开工作年度报告 for one year (国办公开办函〔2021〕30号 format)."""

    model_config = ConfigDict(validate_assignment=True)

    meta: Meta = Meta()
    """基本信息 and the preface."""
    overview: Overview = Overview()
    """一、总体情况."""
    disclosure: Disclosure = Disclosure()
    """二、主动公开政府信息情况 (table 二)."""
    requests: Requests = Requests()
    """三、收到和处理政府信息公开申请情况 (table 三)."""
    appeals: Appeals = Appeals()
    """四、政府信息公开行政复议、行政诉讼情况 (table 四)."""
    improvements: Improvements = Improvements()
    """五、存在的主要问题及改进情况."""
    other: Other = Other()
    """六、其他需要报告的事项."""
