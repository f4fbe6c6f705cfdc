"""Provides `ReviewApp`, the reviewer's desk: every report of a folder in one table, sorted and filtered by keyboard."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PurePath
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Checkbox, DataTable, Input, Label, Select

from sections.model.errors import NianbaoError
from sections.model.findings import Severity
from sections.output.opinion import save_opinion
from sections.output.review import COLUMNS, Filter, Reviewed, cells, rules_found, shown
from tui.app.review_screens import ChartScreen, OpinionScreen, ReportScreen
from tui.app.widgets import KeyBar, literal

SORTED = ("机关", "错误", "提醒", "发布期限", "与上年重复", "汇总核对", "年度", "层级", "文件")
"""The columns `s` steps through, most useful first."""


class DeskScreen(Screen[None]):
    """The table of reports with its filters: a unit's name, one rule, errors only."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "opinion", "审核意见"),
        Binding("c", "chart", "图表"),
        Binding("s", "sort", "排序"),
        Binding("r", "reverse", "倒序", show=False),
        Binding("e", "errors", "只看错误"),
        Binding("slash,f", "find", "筛选单位", key_display="/"),
        Binding("g", "rule", "按规则"),
        Binding("escape", "table", "返回表格", show=False),
        Binding("q", "app.quit", "退出"),
    ]

    def __init__(self, folder: Path, items: list[Reviewed]) -> None:
        super().__init__()
        self.folder, self.items = folder, items
        self.keep = Filter()
        self.column, self.descending = "机关", False
        self.rows: list[Reviewed] = []

    def compose(self) -> ComposeResult:
        """Title, filters, the table, the sort and count line, the keys."""
        yield Label(literal(f"审核台 ─ {self.folder.name or self.folder}"), id="desk-title")
        with Horizontal(id="desk-filters"):
            yield Input(placeholder="筛选单位（名称的一部分）", id="unit")
            rules = [
                (f"{rule}（{sum(rule in i.rules for i in self.items)} 份）", rule) for rule in rules_found(self.items)
            ]
            yield Select[str](rules, prompt="全部规则", id="rule")
            yield Checkbox("只看错误", id="errors-only")
        yield DataTable[Text](id="desk", cursor_type="row", zebra_stripes=True)
        yield Label("", id="desk-status")
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the table; the keys work on it from the start."""
        table = self.query_one("#desk", DataTable)
        for column in COLUMNS:
            table.add_column(column, key=column)
        self.refill()
        table.focus()

    def refill(self) -> None:
        """Show the reports the filters keep, in the chosen order, keeping the cursor on the same report."""
        table = self.query_one("#desk", DataTable)
        current = self.current
        self.rows = shown(self.items, self.keep, self.column, descending=self.descending)
        table.clear()
        for index, item in enumerate(self.rows):
            style = "bold" if item.report is None or item.count(Severity.ERROR) else ""
            table.add_row(*(Text(cell, style=style) for cell in cells(item)), key=str(index))
        if current in self.rows:
            table.move_cursor(row=self.rows.index(current))
        arrow = "↓" if self.descending else "↑"
        self.query_one("#desk-status", Label).update(
            literal(f"显示 {len(self.rows)} / {len(self.items)} 份 · 按「{self.column}」排序 {arrow} · 回车查看问题")
        )

    @property
    def current(self) -> Reviewed | None:
        """The report under the cursor."""
        table = self.query_one("#desk", DataTable)
        if not self.rows or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowSelected, "#desk")
    def _opened(self, event: DataTable.RowSelected) -> None:
        item = self.rows[event.cursor_row]
        self.app.push_screen(ReportScreen(item, self.save))

    @on(DataTable.HeaderSelected, "#desk")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self.descending = not self.descending if column == self.column else False
        self.column = column
        self.refill()

    @on(Input.Changed, "#unit")
    def _unit(self, event: Input.Changed) -> None:
        self.keep = replace(self.keep, unit=event.value.strip())
        self.refill()

    @on(Input.Submitted, "#unit")
    def _unit_done(self) -> None:
        self.action_table()

    @on(Select.Changed, "#rule")
    def _rule(self, event: Select.Changed) -> None:
        self.keep = replace(self.keep, rule=event.value if isinstance(event.value, str) else "")
        self.refill()
        self.action_table()

    @on(Checkbox.Changed, "#errors-only")
    def _errors(self, event: Checkbox.Changed) -> None:
        self.keep = replace(self.keep, errors_only=event.value)
        self.refill()

    def action_sort(self) -> None:
        """Sort by the next column (errors first: the most useful orders come first)."""
        self.column = SORTED[(SORTED.index(self.column) + 1) % len(SORTED)]
        self.descending = self.column in ("错误", "提醒", "与上年重复", "汇总核对")
        self.refill()

    def action_reverse(self) -> None:
        """Reverse the order."""
        self.descending = not self.descending
        self.refill()

    def action_errors(self) -> None:
        """Show only the reports with errors, or all again."""
        box = self.query_one("#errors-only", Checkbox)
        box.value = not box.value

    def action_find(self) -> None:
        """Type (part of) a unit's name to filter."""
        self.query_one("#unit", Input).focus()

    def action_rule(self) -> None:
        """Choose one rule to show only the reports failing it."""
        select = self.query_one("#rule", Select)
        select.focus()
        select.action_show_overlay()

    def action_table(self) -> None:
        """Back to the table from a filter."""
        self.query_one("#desk", DataTable).focus()

    def action_opinion(self) -> None:
        """Write the 审核意见 of the report under the cursor and show it."""
        if self.current is not None:
            self.save(self.current)

    def save(self, item: Reviewed) -> None:
        """Save a unit's 审核意见 beside the reports (审核意见/…) and show it."""
        try:
            path, text = save_opinion(self.folder, item)
        except NianbaoError as err:
            self.notify(err.message, severity="error")
            return
        self.app.push_screen(OpinionScreen(path, text))

    def action_chart(self) -> None:
        """The chart of the reports shown: applications and outcomes, and changes on last year."""
        self.app.push_screen(ChartScreen(self.rows))


class ReviewApp(App[None]):
    """The reviewer's desk over the reports of one folder, already read and checked."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "review.tcss"]  # KeyBar is styled in app.tcss
    TITLE = "nianbao 审核台"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, folder: Path, items: list[Reviewed]) -> None:
        super().__init__()
        self.folder, self.items = folder, items

    def on_mount(self) -> None:
        """Open on the table."""
        self.push_screen(DeskScreen(self.folder, self.items))


def run(folder: Path, items: list[Reviewed]) -> int:
    """Run the desk until the reviewer quits."""
    ReviewApp(folder, items).run()
    return 0
