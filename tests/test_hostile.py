"""Provides the proof that odd and hostile text is kept literally and safely, and never crashes anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sections.interview.engine import Interview
from sections.model.errors import DraftError
from sections.output.rendering import render
from sections.store.drafts import Draft, load_draft, recover_draft, save_draft

from .conftest import CORPUS, SAMPLES
from .fixtures.baibi_answers import ANSWERS

HOSTILE = {
    "rich markup": ("[bold]粗体[/bold] [link=https://example.com]链接[/link] [red]", None),
    "jinja": ("{{ 7*7 }} {% for x in range(3) %}{{ x }}{% endfor %} {# 注释 #}", None),
    "ansi colour and cursor": ("\x1b[31m红色\x1b[0m\x1b[2J\x1b[H清屏", "红色清屏"),
    "osc 52 clipboard": ("复制\x1b]52;c;aGVsbG8=\x07完成", "复制完成"),
    "nul and bell": ("空\x00字\x07符", "空字符"),
    "emoji": ("👍🏻 🇨🇳 政务公开", None),
    "very long line": ("很长的一行" * 3000, None),
    "crlf": ("第一段\r\n第二段\r第三段", "第一段\n第二段\n第三段"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_narrative_is_exported_literally(name: str) -> None:
    """Markup, template syntax, escapes, NUL, emoji, long lines and CR/CRLF in an answer export safely."""
    typed, shown = HOSTILE[name]
    interview = Interview(Draft(), None)
    interview.start()
    fourth_part = next(i for i, a in enumerate(ANSWERS) if a.startswith("利用政务公开宣传栏"))
    for answer in ANSWERS[:fourth_part]:
        interview.submit(answer)
    assert interview.current is not None and interview.current.id == "s1.sub.3"
    interview.submit(typed)
    text = render(interview.report)
    expected = shown if shown is not None else typed
    assert expected in text
    assert "\x1b" not in text and "\x00" not in text and "\r" not in text
    html = render(interview.report, "html")
    assert "\x1b" not in html and "<script" not in html.lower().replace("&lt;script", "")


def test_html_escapes_user_text(county: object) -> None:
    """In the HTML export every piece of user text is escaped: a <script> stays text."""
    from sections.model.report import Report

    assert isinstance(county, Report)
    county.improvements.text = "<script>alert(1)</script> & {{ 7*7 }}"
    html = render(county, "html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 7*7 }}" in html
    assert "<script>" not in html


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=40), max_size=40))
def test_random_answers_never_crash_and_every_refusal_says_why(answers: list[str]) -> None:
    """Any sequence of typed answers gets replies; a refused answer always comes with a message."""
    interview = Interview(Draft(), None)
    interview.start()
    for answer in answers:
        turn = interview.submit(answer)
        assert turn.messages or turn.action
        for message in turn.messages:
            assert message.text.strip()


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_refused_with_a_message(data: bytes) -> None:
    """Random bytes as a draft are refused with a one-line message, never a traceback."""
    path = Path("/tmp") / "nianbao-hypothesis-draft.json"
    path.write_bytes(data)
    with pytest.raises(DraftError) as err:
        load_draft(path)
    assert str(path) in err.value.message and "\n" not in err.value.message


def _mutate(value: object, choices: list[object], index: list[int]) -> object:
    """Replace every third leaf of a JSON value with a drawn one."""
    if isinstance(value, dict):
        return {k: _mutate(v, choices, index) for k, v in value.items()}
    if isinstance(value, list):
        return [_mutate(v, choices, index) for v in value]
    index[0] += 1
    return choices[index[0] % len(choices)] if index[0] % 3 == 0 else value


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.integers(-10, 10**9),
            st.floats(allow_nan=False),
            st.text(max_size=8),
            st.booleans(),
            st.lists(st.integers(), max_size=3),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_mutated_drafts_load_or_are_recovered(choices: list[object]) -> None:
    """A hand-edited draft with wrong values anywhere is either read, recovered field by field, or refused."""
    data = json.loads((SAMPLES / "county-bureau-2025.json").read_text(encoding="utf-8"))
    data["report"] = _mutate(data["report"], choices, [0])
    path = Path("/tmp") / "nianbao-hypothesis-mutated.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    try:
        draft, problems = recover_draft(path)
    except DraftError as err:
        assert err.message
        return
    assert all(p for p in problems)
    render(draft.report)


IMPORTED = "[bold]粗体[/bold] {{ 7*7 }} {% if x %}y{% endif %} \x1b[31m红\x1b[0m\x1b]52;c;aGk=\x07 👍🏻"
IMPORTED_SHOWN = "[bold]粗体[/bold] {{ 7*7 }} {% if x %}y{% endif %} 红 👍🏻"


def _imported_hostile(tmp_path: Path) -> Path:
    """The 白璧镇 report as published, with hostile text pasted into its section 五, imported as a draft."""
    from sections.reading.reader import read_report
    from sections.store.workspace import draft_from

    text = (CORPUS / "baibi-2021.txt").read_text(encoding="utf-8")
    source = tmp_path / "hostile.txt"
    source.write_text(text.replace("今年, 我镇政务公开", IMPORTED + "\n\n今年, 我镇政务公开"), encoding="utf-8")
    draft = tmp_path / "hostile.json"
    save_draft(draft, draft_from(read_report(source)))
    return draft


def test_hostile_text_in_an_imported_report_is_kept_literally(tmp_path: Path) -> None:
    """Markup and template syntax in a published report survive import and export as text; escapes do not."""
    report = load_draft(_imported_hostile(tmp_path)).report
    assert IMPORTED_SHOWN in (report.improvements.text or "")
    exported = render(report)
    assert IMPORTED_SHOWN in exported and "\x1b" not in exported


async def test_hostile_text_in_an_imported_report_shows_literally_in_the_app(tmp_path: Path) -> None:
    """The app's preview of an imported report shows markup and template syntax as typed, no escapes."""
    from tests.app_helpers import SIZE, chat, make_app
    from tui.app.widgets import Preview

    app = make_app(_imported_hostile(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        shown = chat(app).query_one(Preview).text
    assert "[bold]粗体[/bold] {{ 7*7 }}" in shown and "\x1b" not in shown
