"""Provides the desk's other screens: one report's findings beside its text, the 审核意见, and the charts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from sections.model.findings import Severity
from sections.output.review import Reviewed, passages, pointed_line
from sections.output.review_charts import CARRIED, OUTCOMES, RECEIVED, Bars, Segment, bars, year_on_year
from tui.app.dialogs import finding_text
from tui.app.widgets import KeyBar, literal

RECEIVED_GLYPHS = ("█", "▒")
OUTCOME_GLYPHS = ("█", "▓", "▒", "░", "█", "▓", "▒")
"""Each segment has a glyph as well as a colour, so the bars read on a monochrome terminal too."""


class ReportScreen(Screen[None]):
    """One report: its findings on the left, the part of the report the chosen one refers to on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "opinion", "审核意见"),
        Binding("escape,q", "app.pop_screen", "返回", key_display="Esc"),
    ]

    def __init__(self, item: Reviewed, save: Callable[[Reviewed], None]) -> None:
        super().__init__()
        self.item, self.save = item, save
        self.texts = passages(item)
        # errors first, then warnings, then information; within each, in the order of the report
        self.findings = sorted(item.findings, key=lambda f: list(Severity).index(f.severity))

    def compose(self) -> ComposeResult:
        """The report's title and counts, the findings beside the text, the keys."""
        item = self.item
        counts = f"{item.count(Severity.ERROR)} 个错误，{item.count(Severity.WARNING)} 个提醒"
        yield Label(literal(f"{item.body}（{item.path.name}）─ {counts}"), id="report-title")
        with Horizontal(id="report-body"):
            options = [Option(literal(finding_text(f)), id=str(i)) for i, f in enumerate(self.findings)]
            yield OptionList(*options, id="report-findings")
            with VerticalScroll(id="report-text"):
                yield Passage(literal(item.error or "未发现问题。"), id="report-passage")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the first finding's place."""
        findings = self.query_one("#report-findings", OptionList)
        findings.focus()
        if self.findings:
            findings.highlighted = 0

    @on(OptionList.OptionHighlighted, "#report-findings")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        finding = self.findings[int(event.option.id or 0)]
        line = self.query_one(Passage).show(finding.where, self.texts.get(finding.section, ""))
        box = self.query_one("#report-text", VerticalScroll)
        box.scroll_home(animate=False)
        if line:
            self.call_after_refresh(lambda: box.scroll_to(y=max(0, line - 2), animate=False))

    def action_opinion(self) -> None:
        """Write this unit's 审核意见."""
        self.save(self.item)


class Passage(Static):
    """The section of the report a finding refers to, headed by the finding's place, its line marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"passage--mark"}

    def show(self, where: str, text: str) -> int | None:
        """Show the section with the line `where` points at marked; return that line's row in the widget."""
        shown = Text(f"【{where}】\n\n")
        lines = text.splitlines()
        pointed = pointed_line(where, text)
        for index, line in enumerate(lines):
            shown.append(line + "\n", self.get_component_rich_style("passage--mark") if index == pointed else "")
        self.update(shown)
        if pointed is None:
            return None
        width = max(1, self.content_region.width)
        return 2 + sum(max(1, -(-cell_len(line) // width)) for line in lines[:pointed])


class OpinionScreen(Screen[None]):
    """A 审核意见 just saved: where it is, and its text."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "app.pop_screen", "返回", key_display="Esc")]

    def __init__(self, path: Path, text: str) -> None:
        super().__init__()
        self.path, self.text = path, text

    def compose(self) -> ComposeResult:
        """Where it was saved, then the text to send back."""
        yield Label(literal(f"审核意见已保存：{self.path}"), id="opinion-path")
        with VerticalScroll(id="opinion-box"):
            yield Static(literal(self.text), id="opinion-text")
        yield KeyBar()

    def on_mount(self) -> None:
        """The text scrolls by keyboard."""
        self.query_one("#opinion-box").focus()


class Chart(Widget):
    """Each unit's applications (new, carried in) and outcomes as bars on one scale, drawn as text."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "chart--dim",
        *(f"chart--r{i}" for i in range(len(RECEIVED_GLYPHS))),
        *(f"chart--s{i}" for i in range(len(OUTCOME_GLYPHS))),
    }

    def __init__(self, units: list[Bars]) -> None:
        super().__init__(id="chart")
        self.units = units

    def render(self) -> Text:
        """The legend, then two bars per unit, fitted to the widget's width."""
        styles = {name: self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES}
        text = Text()
        for legend, glyphs, prefix in (((RECEIVED, CARRIED), RECEIVED_GLYPHS, "r"), (OUTCOMES, OUTCOME_GLYPHS, "s")):
            for index, (name, glyph) in enumerate(zip(legend, glyphs, strict=True)):
                text.append(f"{glyph}{glyph} ", styles[f"chart--{prefix}{index}"])
                text.append(f"{name}  ")
            text.append("\n")
        if not self.units:
            return text.append("\n没有可以读出表三的报告。")
        names = [f"{unit.body} {unit.year or ''}".rstrip() for unit in self.units]
        name_width = min(26, max(cell_len(name) for name in names))
        bar_width = max(10, self.size.width - name_width - 12)
        for unit, name in zip(self.units, names, strict=True):
            text.append("\n")
            body = Text(name)
            body.truncate(name_width, overflow="ellipsis", pad=True)
            text.append_text(body)
            self._bar(text, "申请", unit.received, unit.received_total, bar_width, styles, "r", RECEIVED_GLYPHS)
            text.append(" " * name_width)
            self._bar(text, "结果", unit.outcomes, unit.outcomes_total, bar_width, styles, "s", OUTCOME_GLYPHS)
        return text

    @staticmethod
    def _bar(
        text: Text,
        label: str,
        segments: list[Segment] | None,
        total: int,
        width: int,
        styles: dict[str, Style],
        prefix: str,
        glyphs: tuple[str, ...],
    ) -> None:
        text.append(f" {label} ", styles["chart--dim"])
        if segments is None:
            text.append("（表三未填完）\n", styles["chart--dim"])
            return
        done = shown = 0.0
        for index, segment in enumerate(segments):
            done += segment.share
            cells = round(done * width) - round(shown)
            shown += cells
            text.append(glyphs[index] * cells, styles[f"chart--{prefix}{index}"])
        if total and not round(shown):  # a few applications beside thousands still show as a sliver
            text.append("▏", styles[f"chart--{prefix}0"])
        text.append(f" {total}\n")


class ChartScreen(Screen[None]):
    """The chart of the reports shown on the desk, and their figures against last year's."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,c", "app.pop_screen", "返回", key_display="Esc")]

    def __init__(self, items: list[Reviewed]) -> None:
        super().__init__()
        self.items = items

    def compose(self) -> ComposeResult:
        """The bars, then the changes on last year."""
        yield Label("各单位收到申请与办理结果（件）", id="chart-title")
        with VerticalScroll(id="chart-box"):
            yield Chart(bars(self.items))
            yield Label("与上年比较", id="changes-title")
            yield Static(literal(self._changes()), id="changes")
        yield KeyBar()

    def on_mount(self) -> None:
        """The chart scrolls by keyboard."""
        self.query_one("#chart-box").focus()

    def _changes(self) -> str:
        units = year_on_year(self.items)
        if not units:
            return "文件夹中没有同一机关上一年度的报告（可用 --previous-folder 指定上年报告所在的文件夹）。"
        lines = []
        for unit in units:
            lines.append(f"{unit.body}：{unit.year} 年与 {unit.year - 1} 年")
            lines += [f"  {change.name}：{change.text}" for change in unit.changes]
        return "\n".join(lines)
