"""Provides the grid editor for tables 二三四: typed figures, pasted rows, live totals and flags."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.events import Key, Paste
from textual.message import Message
from textual.widgets import DataTable, Label, Static

from sections.interview.answers import parse_count
from sections.interview.edits import CellEdit
from sections.interview.messages import Turn
from sections.interview.session import Session
from sections.model.errors import AnswerError
from sections.model.grids import TABLES, Grid, Slot, TableId, grid
from sections.model.report import Report
from sections.output.tables import figure
from tui.app.widgets import KeyBar, OrderedScreen, literal

LABEL_WIDTH = 36
FIGURE_WIDTH = 8


def column_width(label: str) -> int:
    """A figure column wide enough for its label and an eight-digit figure."""
    return max(cell_len(label), FIGURE_WIDTH)


def paste_rows(text: str) -> list[list[str]]:
    """Rows copied from Excel or WPS: tab-separated cells, leading label cells dropped."""
    rows = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        cells = line.split("\t")
        while cells and not _is_number(cells[0]):
            cells.pop(0)
        rows.append([c.strip() for c in cells])
    return rows


def _is_number(cell: str) -> bool:
    try:
        parse_count(cell)
    except AnswerError:
        return False
    return bool(cell.strip())


class FigureTable(DataTable[Text]):
    """The grid: arrows move, digits type a figure, Enter sets it, a paste fills several rows."""

    class FigureEntered(Message):
        """The user typed a figure for the cell under the cursor."""

        def __init__(self, coordinate: Coordinate, text: str) -> None:
            self.coordinate = coordinate
            self.text = text
            super().__init__()

    class RowsPasted(Message):
        """A block of rows was pasted at the cursor."""

        def __init__(self, coordinate: Coordinate, text: str) -> None:
            self.coordinate = coordinate
            self.text = text
            super().__init__()

    class Typing(Message):
        """What is typed so far changed."""

        def __init__(self, buffer: str) -> None:
            self.buffer = buffer
            super().__init__()

    buffer = ""

    def _type(self, buffer: str) -> None:
        self.buffer = buffer
        self.post_message(self.Typing(buffer))

    def on_key(self, event: Key) -> None:
        """Collect typed digits; Enter (or moving away) sets the figure, Esc drops it."""
        if event.character and event.character in "0123456789-.":
            self._type(self.buffer + event.character)
        elif event.key == "backspace" and self.buffer:
            self._type(self.buffer[:-1])
        elif event.key == "enter" and self.buffer:
            self.post_message(self.FigureEntered(self.cursor_coordinate, self.buffer))
            self._type("")
        elif event.key == "escape" and self.buffer:
            self._type("")
        else:
            if event.key in ("up", "down", "left", "right", "tab") and self.buffer:
                self.post_message(self.FigureEntered(self.cursor_coordinate, self.buffer))
                self._type("")
            return
        event.prevent_default()
        event.stop()

    def _on_paste(self, event: Paste) -> None:
        event.stop()
        self.post_message(self.RowsPasted(self.cursor_coordinate, event.text))


class GridScreen(OrderedScreen[None]):
    """Tables 二、三、四 as grids over the interview's report; every change is checked and saved."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "返回对话", key_display="Esc"),
        Binding("ctrl+t", "next_table", "下一张表", key_display="Ctrl+T"),
        Binding("ctrl+u", "units", "各单位数字", key_display="Ctrl+U"),
    ]

    def __init__(self, table: TableId, session: Session, show: Callable[[Turn], None]) -> None:
        super().__init__()
        self.table = table
        self.session = session
        self.show = show
        """Shows what the session said about an edit in the chat underneath."""
        self.showing_units = False
        """Whether the figures the region's units gave for the cell under the cursor are shown."""

    @property
    def report(self) -> Report:
        """The report the chat is writing."""
        return self.session.report

    def grid(self) -> Grid:
        """The table being edited, laid out as slots."""
        return grid(self.table, self.report)

    def compose(self) -> ComposeResult:
        """Title, grid, the cell under the cursor, and the table's open findings."""
        yield Label("", id="grid-title")
        yield FigureTable(id="grid", cursor_type="cell", fixed_columns=1, zebra_stripes=True)
        yield Label("", id="grid-cell")
        yield Static("", id="grid-units")
        yield Static("", id="grid-findings")
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the grid from the report."""
        self._build()

    def _build(self) -> None:
        grid = self.grid()
        self.query_one("#grid-title", Label).update(
            f"{grid.title}　（方向键移动，输入数字后回车填入；可粘贴从 Excel/WPS 复制的多行；Esc 返回）"
        )
        table = self.query_one(FigureTable)
        table.clear(columns=True)
        table.add_column("项目", width=LABEL_WIDTH, key="label")
        for column in grid.columns:
            table.add_column(Text(column), width=column_width(column), key=column)
        for label, slots in grid.rows:
            table.add_row(Text(label), *(Text("") for _ in slots))
        self._fill()
        table.move_cursor(row=0, column=1)
        table.focus()

    def _fill(self) -> None:
        grid, table = self.grid(), self.query_one(FigureTable)
        for r, (_, slots) in enumerate(grid.rows):
            for c, slot in enumerate(slots, 1):
                cell = self._cell(slot, column_width(grid.columns[c - 1]))
                table.update_cell_at(Coordinate(r, c), cell, update_width=False)
        findings = self.session.interview.open_findings(self.table)
        text = "\n".join(f"⚠ {f.severity.label} {f.rule}：{f.message}" for f in findings)
        panel = self.query_one("#grid-findings", Static)
        panel.update(literal(text or "本表没有发现问题。"))
        panel.set_class(bool(findings), "-open")
        self._show_cell()

    def _cell(self, slot: Slot | None, width: int) -> Text:
        if slot is None:
            return Text("")
        value = slot.get(self.report)
        text = figure(value)
        if isinstance(value, int | Decimal) and value < 0:
            text += " ⚠"
        return Text(text.rjust(width - 1), style="dim" if slot.put is None else "")

    def _slot(self, coordinate: Coordinate) -> Slot | None:
        rows = self.grid().rows
        if coordinate.column == 0 or coordinate.row >= len(rows):
            return None
        slots = rows[coordinate.row][1]
        return slots[coordinate.column - 1] if coordinate.column - 1 < len(slots) else None

    @on(DataTable.CellHighlighted)
    def _show_cell(self) -> None:
        table = self.query_one(FigureTable)
        grid, where = self.grid(), table.cursor_coordinate
        if where.row >= len(grid.rows):
            return
        label = grid.rows[where.row][0]
        column = grid.columns[where.column - 1] if where.column else ""
        slot = self._slot(where)
        state = "（合计，自动计算）" if slot is not None and slot.put is None else ""
        typed = f"　输入：{table.buffer}▏" if table.buffer else ""
        self.query_one("#grid-cell", Label).update(literal(f"{label} · {column}{state}{typed}"))
        if self.showing_units:
            self.query_one("#grid-units", Static).update(literal(self._units_text(slot)))

    @on(FigureTable.Typing)
    def _typing(self) -> None:
        self._show_cell()

    @on(FigureTable.FigureEntered)
    def _entered(self, event: FigureTable.FigureEntered) -> None:
        where = event.coordinate
        if where.column == 0:
            return
        self._edit([CellEdit(self.table, where.row, where.column - 1, event.text)])

    @on(FigureTable.RowsPasted)
    def _pasted(self, event: FigureTable.RowsPasted) -> None:
        start = event.coordinate
        first = max(start.column, 1)
        edits = [
            CellEdit(self.table, start.row + r, first + c - 1, text)
            for r, cells in enumerate(paste_rows(event.text))
            for c, text in enumerate(cells)
            if text and self._editable(Coordinate(start.row + r, first + c))
        ]
        if not edits:
            self.notify("粘贴的内容里没有可以填入的数字。", severity="warning")
        elif self._edit(edits, failed="粘贴的内容没有填入："):
            self.notify(f"已粘贴 {len(edits)} 个数字。")

    def _editable(self, coordinate: Coordinate) -> bool:
        slot = self._slot(coordinate)
        return slot is not None and slot.put is not None

    def _edit(self, edits: list[CellEdit], failed: str = "") -> bool:
        """Pass the edits to the session like an answer; show what it said; False when refused."""
        turn = self.session.edit(edits)
        refusals = [m.text for m in turn.messages if m.kind == "refusal"]
        if refusals:
            self.notify(failed + refusals[0], severity="error")
            return False
        self.show(turn)
        self._fill()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ctrl+U only in a region's draft made by `nianbao merge`."""
        return action != "units" or self.session.interview.state.units is not None

    def action_units(self) -> None:
        """Show (or hide) the figures each unit gave for the cell under the cursor."""
        self.showing_units = not self.showing_units
        self.query_one("#grid-units", Static).set_class(self.showing_units, "-shown")
        self._show_cell()

    def _units_text(self, slot: Slot | None) -> str:
        merged = self.session.interview.state.units
        if slot is None or merged is None:
            return "（此处没有数字）"
        given = merged.given(slot.where)
        if not given:
            return f"{slot.where}：合计数，由本表其他数字自动计算，不逐单位汇总。"
        # no blanks: the terminal wraps Chinese anywhere, but a blank would part a unit from its figure
        named = [f"{body}：{figure(value) or '（空白）'}" for body, value in given if value != 0]
        zeros = len(given) - len(named)
        rest = f"；其余{zeros}个单位为0" if named and zeros else ("，各单位均为0" if not named else "")
        return f"{slot.where}，{len(given)}个单位汇总{'——' if named else ''}{'，'.join(named)}{rest}。"

    def action_close(self) -> None:
        """Back to the chat."""
        self.dismiss(None)

    def action_next_table(self) -> None:
        """Switch to the next of tables 二、三、四."""
        self.table = TABLES[(TABLES.index(self.table) + 1) % len(TABLES)]
        self._build()
