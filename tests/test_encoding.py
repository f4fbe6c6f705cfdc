"""Provides tests of text exports for older Windows tools: GB18030 and CRLF line ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sections.model.errors import ExportError
from sections.model.report import Report
from sections.output.export import export, export_bytes
from sections.output.rendering import render

from .conftest import SAMPLES


@pytest.mark.parametrize(("fmt", "layout"), [("txt", "tabs"), ("txt", "grid"), ("md", "tabs")])
def test_gb18030_crlf_export_decodes_to_the_same_report(county: Report, tmp_path: Path, fmt: str, layout: str) -> None:
    """A GB18030 file with CRLF line ends reads back as exactly the report text."""
    county.other.text = "无其他事项。生僻字𠀀与€符号\n第二行"
    out = tmp_path / f"报告.{fmt}"
    export(county, out, fmt, layout, encoding="gb18030", newline="crlf")  # type: ignore[arg-type]
    data = out.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") > 0
    assert data.decode("gb18030").replace("\r\n", "\n") == render(county, fmt, layout)  # type: ignore[arg-type]
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_default_export_stays_utf8_with_lf(county: Report) -> None:
    """Without options a text export is UTF-8 with LF line ends, as before."""
    data = export_bytes(county)
    assert b"\r" not in data and data.decode("utf-8") == render(county)


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_encoding_options_are_refused_for_html_and_docx(county: Report, fmt: str) -> None:
    """HTML is always UTF-8 and a .docx is binary, so --encoding/--newline are refused for them."""
    with pytest.raises(ExportError, match="只适用于 txt 和 md"):
        export_bytes(county, fmt, encoding="gb18030")  # type: ignore[arg-type]


def test_cli_prints_gb18030_crlf(county: Report) -> None:
    """`nianbao export DRAFT --encoding gb18030 --newline crlf` prints GB18030 bytes with CRLF."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "export",
            str(SAMPLES / "county-bureau-2025.json"),
            "--encoding",
            "gb18030",
            "--newline",
            "crlf",
        ],
        capture_output=True,
        check=True,
    )
    assert result.stdout.decode("gb18030").replace("\r\n", "\n") == render(county)
