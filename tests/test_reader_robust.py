"""Provides the proof that any input gets an answer: a reading, or one `ReportImportError` with a message.

Hypothesis feeds the reader random text, random bytes and corpus reports with characters dropped,
repeated, swapped or replaced; nothing may raise anything else.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sections.model.errors import ReportImportError
from sections.output.export import figures
from sections.reading.files import MAX_BYTES, file_text
from sections.reading.reader import read_report, read_text
from sections.reading.structure import check_imported

from .conftest import CORPUS

TEXTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")


@cache
def corpus_text(index: int) -> str:
    """One corpus report's text."""
    return TEXTS[index].read_text(encoding="utf-8")


def survives(text: str) -> None:
    """Read and check a text: either it works end to end, or it is refused with a one-line message."""
    try:
        reading = read_text(text)
    except ReportImportError as err:
        assert err.message and "\n" not in err.message
        return
    figures(reading.report)
    check_imported(reading)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from(
    [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、",
        "六、其他需要报告的事项",
        "政府信息公开",
        "（一）",
        "1.",
        "规章",
        "行政许可",
        "（七）总计",
        "\t",
        "\n",
        " ",
        "0",
        "12",
        "-3",
        "/",
        "—",
        "无",
        "2024年",
        "|",
        "〔2019〕60号",
        "（",
        "）",
    ]
)


@SETTINGS
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=80).map("".join))
def test_random_report_like_text_is_read_or_refused(text: str) -> None:
    """Random text built from report words, digits and separators never crashes the reader."""
    survives(text)


@SETTINGS
@given(
    st.integers(0, len(TEXTS) - 1),
    st.lists(
        st.tuples(
            st.sampled_from(["drop", "repeat", "swap", "replace", "newline"]),
            st.floats(0, 1),
            st.integers(1, 400),
            st.text(max_size=6),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_corpus_report_is_read_or_refused(index: int, edits: list[tuple[str, float, int, str]]) -> None:
    """A real report with parts dropped, repeated, swapped or garbled is read or refused, never a crash."""
    text = corpus_text(index)
    for kind, where, size, other in edits:
        start = int(where * len(text))
        piece = text[start : start + size]
        if kind == "drop":
            text = text[:start] + text[start + size :]
        elif kind == "repeat":
            text = text[:start] + piece + piece + text[start + size :]
        elif kind == "swap":
            text = text[start + size : start + 2 * size] + piece + text[start + 2 * size :] + text[:start]
        elif kind == "replace":
            text = text[:start] + other + text[start + size :]
        else:
            text = text[:start] + "\n" + text[start:].replace("\n", "", 3)
    survives(text)


@SETTINGS
@given(st.binary(max_size=4096), st.sampled_from([".txt", ".pdf", ".docx", ".html", ""]))
def test_random_bytes_are_refused_with_a_message(data: bytes, suffix: str) -> None:
    """Random bytes under any file name: read as text or refused with one line, never a traceback."""
    try:
        survives(file_text(data, Path(f"input{suffix}")))
    except ReportImportError as err:
        assert err.message and "\n" not in err.message


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _pdf_cut() -> bytes:
    return (CORPUS / "huaian-2024.pdf").read_bytes()[:3000]


UNREADABLE: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "空的"),
    ("blank.txt", b" \n\t\n", "空的"),
    ("nul.txt", b"abc\x00\x01\x02" * 50, "二进制"),
    ("random.bin", bytes((i * 37 + 11) % 255 + 1 for i in range(2048)), "无法识别"),
    ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
    ("picture.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "图片"),
    ("fake.pdf", b"this is not a pdf", "不是有效的 PDF"),
    ("cut.pdf", b"", "PDF"),
    ("fake.docx", b"PK\x03\x04 not really a zip", "Word"),
    ("archive.docx", b"", "Word"),
    ("novel.txt", "从前有座山，山里有座庙。\n".encode() * 40, "不像是年度报告"),
    ("other-report.txt", "2024年政府工作报告\n一、过去一年的工作\n二、今年的任务\n".encode(), "不像是年度报告"),
]


@pytest.mark.parametrize(("name", "content", "cause"), UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_unreadable_input_is_refused_in_one_line(tmp_path: Path, name: str, content: bytes, cause: str) -> None:
    """Empty, binary, random, an old .doc, a picture, a broken PDF or Word file, a different document."""
    if name == "cut.pdf":
        content = _pdf_cut()
    if name == "archive.docx":
        content = _zip({"hello.txt": b"hello"})
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportImportError) as caught:
        read_report(path)
    assert cause in caught.value.message and str(path) in caught.value.message
    assert "\n" not in caught.value.message


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    """A file larger than any report is refused by its size, without reading it into memory."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ReportImportError, match="太大"):
        read_report(path)


def test_long_text_is_refused(tmp_path: Path) -> None:
    """A text of millions of characters (many reports pasted together) is refused."""
    path = tmp_path / "long.txt"
    path.write_text(corpus_text(0) * 400, encoding="utf-8")
    with pytest.raises(ReportImportError, match="太长"):
        read_report(path)


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    """A path that does not exist, or a folder, is named with the cause."""
    for path, cause in ((tmp_path / "nope.txt", "不存在"), (tmp_path, "文件夹")):
        with pytest.raises(ReportImportError, match=cause):
            read_report(path)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_text_in_other_encodings_is_read(tmp_path: Path, encoding: str) -> None:
    """A report saved as GB18030, UTF-16 or UTF-8 with BOM (Windows tools) reads like the UTF-8 one."""
    path = tmp_path / "report.txt"
    path.write_bytes(corpus_text(0).encode(encoding))
    assert figures(read_report(path).report) == figures(read_report(TEXTS[0]).report)


def test_pathological_tables_are_read_in_bounded_time() -> None:
    """Tables of endless digit runs, rows and headings near the size limit are answered within seconds."""
    import time

    head = (
        "某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n政府信息公开\n二、主动公开政府信息情况\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    for body in ("0" * 1000 + "\n", "1" * 5000, "0 0 0 0 0 0 0\n", "22（其中修订 16 件）", "一、总体情况 "):
        start = time.process_time()
        survives(head + body * (300_000 // len(body)))
        assert time.process_time() - start < 10, body[:10]


@cache
def published_files() -> tuple[tuple[str, bytes], ...]:
    """A real PDF and the county sample as Word and web page: the binary formats a reviewer receives."""
    from sections.output.export import export_bytes
    from sections.store.drafts import load_draft

    from .conftest import SAMPLES

    county = load_draft(SAMPLES / "county-bureau-2025.json").report
    return (
        ("report.pdf", (CORPUS / "hongze-2024.pdf").read_bytes()),
        ("report.docx", export_bytes(county, "docx")),
        ("report.html", export_bytes(county, "html")),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2), st.floats(0, 1), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=40))
def test_damaged_pdf_word_and_web_files_are_refused_with_a_message(
    which: int, cut: float, flips: list[tuple[float, int]]
) -> None:
    """A PDF, Word file or web page truncated or with bytes changed is read or refused in one line."""
    name, data = published_files()[which]
    damaged = bytearray(data[: max(1, int(len(data) * cut))] if cut < 0.5 else data)
    for where, value in flips:
        damaged[int(where * (len(damaged) - 1))] = value
    try:
        survives(file_text(bytes(damaged), Path(name)))
    except ReportImportError as err:
        assert err.message and "\n" not in err.message
