"""Provides tests of exporting by file name: the suffix decides the format, what is refused, `-o -`, permissions."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Label, RadioButton

from sections.model.errors import ExportError
from sections.model.report import Report
from sections.output.export import SUFFIXES, export, export_format
from sections.store.drafts import Draft, save_draft
from tui.app.dialogs import ExportDialog

from .app_helpers import SIZE, make_app
from .conftest import SAMPLES

COUNTY = SAMPLES / "county-bureau-2025.json"
TITLE = "云溪县市场监督管理局2025年政府信息公开工作年度报告"


def nianbao(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """Run the real command in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "tui", *map(str, args)], capture_output=True, timeout=60)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask for the length of a test."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("报告.txt", "txt"),
        ("报告.md", "md"),
        ("报告.html", "html"),
        ("报告.htm", "html"),
        ("报告.docx", "docx"),
        ("报告.DOCX", "docx"),
        ("Report.Html", "html"),
        ("2025.年度报告.txt", "txt"),
    ],
)
def test_the_suffix_decides_the_format(name: str, fmt: str) -> None:
    """`-o 报告.docx` writes Word, `.htm` a web page, whatever the case of the suffix."""
    assert export_format(Path(name)) == fmt
    assert export_format(Path(name), fmt) == fmt


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("报告.pdf", "用 WPS 或 Word 打开后「另存为」PDF"),
        ("报告.PDF", "另存为」PDF"),
        ("报告.doc", "请导出 .docx"),
        ("报告.wps", "请导出 .docx"),
        ("报告", "没有后缀"),
        ("报告.终稿", "无法从后缀 .终稿 判断"),
    ],
)
def test_a_suffix_that_is_not_written_is_refused_saying_which_work(name: str, said: str) -> None:
    """A .pdf, .doc, .wps, no suffix or an unknown one is refused, listing the suffixes that work."""
    with pytest.raises(ExportError) as err:
        export_format(Path(name))
    assert said in err.value.message and ".txt .md .html .htm .docx" in err.value.message
    assert "\n" not in err.value.message


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx"])
def test_no_format_makes_a_pdf_or_a_nameless_file(fmt: str) -> None:
    """Even with a format named, text is never written under .pdf, .doc, .wps or a name without suffix."""
    for name in ("报告.pdf", "报告.doc", "报告.wps", "报告"):
        with pytest.raises(ExportError):
            export_format(Path(name), fmt)  # type: ignore[arg-type]


def test_a_format_that_contradicts_the_suffix_is_refused() -> None:
    """`-o x.docx --format txt` is refused, saying which file name would give txt."""
    with pytest.raises(ExportError) as err:
        export_format(Path("x.docx"), "txt")
    assert "txt 与文件后缀 .docx 不符" in err.value.message and "x.txt" in err.value.message


def test_a_format_names_the_kind_of_an_unusual_suffix() -> None:
    """For a suffix nothing names (.text, .markdown), the format option says what to write."""
    assert export_format(Path("notes.text"), "txt") == "txt"
    assert export_format(Path("报告.markdown"), "md") == "md"


def test_the_registry_and_the_suffixes_agree() -> None:
    """Every format has a suffix of its own name, and every suffix a format."""
    assert {f".{fmt}" for fmt in set(SUFFIXES.values())} <= set(SUFFIXES)


@pytest.mark.parametrize("name", ["报告.txt", "报告.md", "报告.html", "报告.htm", "报告.docx", "REPORT.DOCX"])
def test_cli_writes_the_kind_of_file_its_name_says(tmp_path: Path, name: str) -> None:
    """`nianbao export DRAFT -o NAME` writes a real .docx, an HTML page or text, by the name alone."""
    out = tmp_path / name
    result = nianbao("export", COUNTY, "-o", out)
    assert result.returncode == 0, result.stderr.decode()
    data = out.read_bytes()
    if name.lower().endswith(".docx"):
        assert "word/document.xml" in zipfile.ZipFile(out).namelist()
    elif ".htm" in name:
        assert data.lower().startswith(b"<!doctype html")
    else:
        assert data.decode("utf-8").lstrip("# ").startswith(TITLE)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("-o", "{tmp}/报告.pdf"), "另存为」PDF"),
        (("-o", "{tmp}/报告.doc"), ".docx"),
        (("-o", "{tmp}/报告.wps"), ".docx"),
        (("-o", "{tmp}/报告"), "没有后缀"),
        (("-o", "{tmp}/报告.docx", "--format", "txt"), "不符"),
        (("-o", "{tmp}/报告.pdf", "--format", "txt"), "另存为」PDF"),
        (("-o", "-", "--format", "docx"), "-o"),
    ],
)
def test_cli_refuses_with_one_line_exit_2_and_writes_nothing(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    """A file name or format that cannot be written: one Chinese line on stderr, exit 2, no file, no output."""
    result = nianbao("export", COUNTY, *(a.format(tmp=tmp_path) for a in args))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and said in err, err
    assert "Traceback" not in err and result.stdout == b""
    assert list(tmp_path.iterdir()) == []


def test_dash_writes_text_formats_to_standard_output() -> None:
    """`-o -` prints the report: txt by default, or the format asked for."""
    text = nianbao("export", COUNTY, "-o", "-")
    assert text.returncode == 0 and text.stdout.decode("utf-8").startswith(TITLE)
    html = nianbao("export", COUNTY, "-o", "-", "--format", "html")
    assert html.returncode == 0 and html.stdout.lower().startswith(b"<!doctype html")


def test_exported_files_get_the_umask_and_drafts_stay_private(county: Report, tmp_path: Path, umask_022: None) -> None:
    """An export is rw-r--r-- under umask 022, like any new file; a draft stays the owner's alone."""
    for name in ("报告.txt", "报告.docx"):
        export(county, tmp_path / name)
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    draft = tmp_path / "草稿.json"
    save_draft(draft, Draft(report=county))
    save_draft(draft, Draft(report=county))
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert stat.S_IMODE(draft.with_name("草稿.json.bak").stat().st_mode) == 0o600


def test_a_file_replaced_keeps_its_permissions(county: Report, tmp_path: Path, umask_022: None) -> None:
    """A draft the clerk shared with the group (chmod 640) stays so after a save; so does an export overwritten."""
    draft = tmp_path / "草稿.json"
    save_draft(draft, Draft(report=county))
    draft.chmod(0o640)
    save_draft(draft, Draft(report=county))
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    out = tmp_path / "报告.txt"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    export(county, out, force=True)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_text(encoding="utf-8").startswith(TITLE)


async def test_export_dialog_follows_the_typed_name_and_refuses_a_pdf(tmp_path: Path) -> None:
    """In the app, typing 报告.docx chooses Word; 报告.pdf is refused in the dialog with the PDF hint."""
    draft = tmp_path / "county.json"
    shutil.copy(COUNTY, draft)
    app = make_app(draft)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#path", Input).value = str(tmp_path / "报告.DOCX")
        await pilot.pause()
        assert dialog.query_one("#fmt-docx", RadioButton).value
        assert dialog.query_one("#path", Input).value == str(tmp_path / "报告.DOCX")
        dialog.query_one("#path", Input).value = str(tmp_path / "报告.pdf")
        await pilot.pause()
        await pilot.click("#export")
        assert app.screen is dialog
        assert "另存为」PDF" in str(dialog.query_one("#export-warning", Label).render())
        dialog.query_one("#path", Input).value = str(tmp_path / "报告.htm")
        await pilot.pause()
        # Enter in the name field exports too; a second click within Textual's 0.2 s button effect is ignored.
        await dialog.query_one("#path", Input).action_submit()
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert (tmp_path / "报告.htm").read_bytes().lower().startswith(b"<!doctype html")
    assert not (tmp_path / "报告.pdf").exists()
