"""Provides the property test of issue 16: a draft whose strings hold arbitrary Unicode is shown and written safely.

Whatever a draft file from elsewhere holds in its strings (terminal escapes, NUL, C1 controls, bidirectional
overrides, lone surrogates that JSON allows, 15,000-character lines), `check` (human and --json), export to
every format, the plain mode's /preview and the app's preview end normally, with the documented exit
status, and write no control character or direction override.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sections.model.improvements import Improvements
from sections.model.meta import Meta
from sections.output.rendering import render
from sections.output.word import word
from sections.rules.registry import check
from sections.store.drafts import load_draft
from tui import plain
from tui.app.widgets import Preview
from tui.cli import main

from .app_helpers import SIZE, chat, make_app
from .conftest import SAMPLES

FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What no output may hold: C0 controls but tab and line end, DEL, C1 controls, direction marks, overrides,
isolates and lone surrogates."""
HOSTILE = [
    "\x1b[2J",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[31m红\x1b[0m",
    "\x00",
    "\x08\x08",
    "\u202e",
    "\u2066",
    "\ud800",
    "\udfff",
    "\x9b31m",
    "\r",
    "\n",
    "\t",
    "\u2028",
    "\ufeff",
]
"""Pieces a hostile or careless file holds."""
LONG = "长" * 15_000
"""One 15,000-character line."""

_pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=8),
    st.integers(0xD800, 0xDFFF).map(chr),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x9F), max_size=4),
    st.sampled_from(["白璧镇人民政府", "/", "12", "（一）", "\t缩进", "第一段\n\n第二段", "a" * 80, LONG]),
)
hostile_text = st.lists(_pieces, max_size=4).map("".join)
"""Arbitrary Unicode, surrogates and controls included, sometimes one very long line."""


NOT_TEXT = frozenset({"level", "role", "severity", "saved_at", "fee_amount"})
"""Values a draft writes as strings that are not text: choices among fixed words, a time, an amount."""


def _strings(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every text value under `node`."""
    if isinstance(node, str):
        return [] if path[-1] in NOT_TEXT else [path]
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    return [found for key, value in items for found in _strings(value, (*path, key))]


SAMPLE = json.loads((SAMPLES / "baibi-2021.json").read_text(encoding="utf-8"))
STRING_PATHS = _strings(SAMPLE)
"""Every string of a complete draft: names, contact, preface, the narrative, the conversation."""
CELLS = [
    ("report", "requests", "rows", "new", 0),
    ("report", "appeals", "cells", 3),
    ("report", "disclosure", "permits"),
]
"""Figures a file may hold as text (a printed 「/」)."""
_serial = count()


@st.composite
def hostile_drafts(draw: Callable[..., Any]) -> str:
    """A complete draft's JSON with hostile text in every string field and in a few figure cells."""
    data = json.loads(json.dumps(SAMPLE))
    for path in [*STRING_PATHS, *CELLS]:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = draw(hostile_text)
    data["report"]["meta"]["body"] += "\u202e"  # one string at least needs cleaning
    data["interview"]["transcript"] = [
        {"role": "user", "text": draw(hostile_text), "question": draw(hostile_text)},
        {"role": "flag", "text": draw(hostile_text), "severity": "error", "rule": "C1", "where": draw(hostile_text)},
    ]
    return json.dumps(data, ensure_ascii=True)  # \ud800 as JSON writes it: valid JSON, a lone surrogate once read


def _write(folder: Path, text: str) -> Path:
    """The draft in a folder of its own (each session keeps its draft locked)."""
    path = folder / f"d{next(_serial)}" / "hostile.json"
    path.parent.mkdir()
    path.write_text(text, encoding="ascii")
    return path


def _clean(text: str) -> None:
    found = FORBIDDEN.search(text)
    near = text[max(0, found.start() - 40) : found.start() + 40] if found else ""
    assert found is None, f"U+{ord(found.group()):04X} written at {found.start()}: {near!r}"


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return "".join(docx.read(name).decode("utf-8") for name in docx.namelist() if name.endswith(".xml"))


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(draft=hostile_drafts())
def test_hostile_strings_never_reach_an_output(tmp_path: Path, draft: str) -> None:
    """check, check --json, export to txt/md/html/docx and plain-mode /preview: normal ends, clean output."""
    path = _write(tmp_path, draft)
    status, out, err = _run("check", str(path))
    assert status in (0, 1) and "Traceback" not in err
    assert "错误" in out or "提醒" in out or "提示" in out
    _clean(out + err)
    status, out, err = _run("check", "--json", str(path))
    assert status in (0, 1) and err == ""
    _clean(out)
    line = json.loads(out)
    _clean(json.dumps(line, ensure_ascii=False))
    assert line["file"] == str(path) and "findings" in line
    for suffix in (".txt", ".md", ".html", ".docx"):
        target = path.with_name("报告" + suffix)
        status, out, err = _run("export", str(path), "-o", str(target), "--force")
        assert status == 0, err
        _clean(out + err)
        _clean(_docx_text(target) if suffix == ".docx" else target.read_text(encoding="utf-8"))
    out_stream, err_stream = io.StringIO(), io.StringIO()
    status = plain.run(path, stdin=io.StringIO("/preview\n/quit\n"), stdout=out_stream, stderr=err_stream)
    assert status == 0, err_stream.getvalue()
    shown = out_stream.getvalue()
    assert "政府信息公开工作年度报告" in shown and "已删去" in shown
    _clean(shown + err_stream.getvalue())


async def _app_shows(path: Path) -> tuple[str, str]:
    """The app over the draft: the preview's text after Ctrl+R, and the whole conversation."""
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = chat(app)
        preview = screen.query_one(Preview).text
        said = "\n".join(str(widget.render()) for widget in screen.query("Bubble"))
        return preview, said


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(draft=hostile_drafts())
def test_hostile_strings_never_reach_the_apps_preview(tmp_path: Path, draft: str) -> None:
    """The app opens the draft, says it was cleaned, and its preview (Ctrl+R) shows no control character."""
    path = _write(tmp_path, draft)
    preview, said = asyncio.run(_app_shows(path))
    assert "政府信息公开工作年度报告" in preview and "已删去" in said
    _clean(preview + said)
    assert path.read_text(encoding="ascii") == draft  # cleaned in memory; written back with the next answer


def test_outputs_stay_clean_whatever_the_model_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A model built without validation (as no file can make it) still prints and exports nothing unsafe."""
    report = load_draft(SAMPLES / "baibi-2021.json").report
    hostile = "".join(HOSTILE)
    report.meta = Meta.model_construct(**{**dict(report.meta), "body": f"白璧镇{hostile}人民政府", "preface": hostile})
    report.improvements = Improvements.model_construct(text=f"问题{hostile}改进")
    assert report.meta.body is not None and "\x1b" in report.meta.body  # the validators were bypassed
    for fmt in ("txt", "md", "html"):
        _clean(render(report, fmt))
    monkeypatch.setattr("tui.cli.load", lambda path: (report, check(report)))  # what `check` prints
    for args in (["check", "d.json"], ["check", "--json", "d.json"], ["check", "d.json", "e.json"]):
        status, out, err = _run(*args)
        assert status in (0, 1) and "人民政府" in out
        _clean(out + err)
    path = tmp_path / "d.docx"
    path.write_bytes(word(report))
    _clean(_docx_text(path))
