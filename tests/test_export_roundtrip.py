"""Provides the round trip: a .docx, HTML or text export imports with the same figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from sections.model.report import Report
from sections.output.export import export, figures
from sections.reading.reader import read_report


@pytest.mark.parametrize(("fmt", "suffix"), [("docx", ".docx"), ("html", ".html")])
def test_import_of_export_gives_back_the_same_figures(county: Report, tmp_path: Path, fmt: str, suffix: str) -> None:
    """Importing the exported Word file or web page gives back every figure, body and year."""
    path = tmp_path / f"报告{suffix}"
    export(county, path, fmt)  # type: ignore[arg-type]
    reading = read_report(path)
    assert figures(reading.report) == figures(county)
    assert reading.format == "2021" and reading.findings == []


def test_import_of_gb18030_crlf_text_gives_back_the_same_figures(county: Report, tmp_path: Path) -> None:
    """A GB18030 text export with CRLF line ends imports with the same figures."""
    path = tmp_path / "报告.txt"
    export(county, path, "txt", encoding="gb18030", newline="crlf")
    assert figures(read_report(path).report) == figures(county)
