"""Provides the interview screen's frame: key bar, title bar, sidebar, preview."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

SHORT_TITLES: dict[str, str] = {
    "基本信息": "基本信息",
    "一": "一、总体情况",
    "二": "二、主动公开",
    "三": "三、依申请公开",
    "四": "四、复议诉讼",
    "五": "五、问题改进",
    "六": "六、其他事项",
}
"""Sidebar names: short forms of the official headings, for a 26-cell column."""

FOOTER_ORDER = ("ctrl+s", "f1", "ctrl+p", "ctrl+r", "ctrl+f", "ctrl+e", "ctrl+q")
"""The footer lists these keys first, in this order, whichever widget has focus."""

SectionState = Literal["done", "current", "open"]
ResultT = TypeVar("ResultT")


def literal(text: str) -> Content:
    """User or engine text as it is: never parsed as markup."""
    return Content(text)


class OrderedScreen(Screen[ResultT]):
    """A screen whose footer shows the app's keys in a fixed order, not in focus-chain order."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The active bindings, the keys of `FOOTER_ORDER` first."""
        found = super().active_bindings
        rank = {key: i for i, key in enumerate(FOOTER_ORDER)}
        return dict(sorted(found.items(), key=lambda item: rank.get(item[0], len(rank))))


KEY_LAYOUTS = ((" {} ", "{} "), ("{} ", "{} "), ("{}", "{} "))
"""How a key and its description are spaced, roomiest first: 「 F1 帮助 」, 「F1 帮助 」, 「F1帮助 」."""


def _cells(parts: list[tuple[str, str]]) -> int:
    return sum(cell_len(key) + cell_len(description) for key, description in parts)


class KeyBar(Static):
    """The screen's keys on one line (the footer), made shorter to fit: 退出 shows even at 80 columns.

    One widget drawn as text, not one widget per key: it costs nothing to redraw when focus moves.
    Clicking a key presses it.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description"}

    def __init__(self) -> None:
        super().__init__(classes="keybar")
        self._spans: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        """Redraw whenever the screen's keys change (focus moved, an editor opened)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        """Stop listening to the screen."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def keys(self) -> list[tuple[str, str, str]]:
        """(key, shown key, description) of each key shown, in the screen's order, one per action."""
        found: dict[str, tuple[str, str, str]] = {}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.show and active.enabled and binding.action not in found:
                found[binding.action] = (key, self.app.get_key_display(binding), binding.description)
        return list(found.values())

    def render(self) -> Text:
        """The keys, with less room around them when the line is short; the middle ones go last."""
        keys = self.keys()
        width = self.size.width
        for key_form, description_form in KEY_LAYOUTS:
            parts = [(key_form.format(shown), description_form.format(text)) for _, shown, text in keys]
            if _cells(parts) <= width:
                break
        while len(parts) > 2 and _cells(parts) > width:
            del parts[-2], keys[-2]  # keep the first key (send or help) and the last (quit)
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        text = Text(no_wrap=True, overflow="crop")
        self._spans = []
        for (key, _, _), (shown, description) in zip(keys, parts, strict=True):
            start = text.cell_len
            text.append(shown, key_style)
            text.append(description, description_style)
            self._spans.append((start, text.cell_len, key))
        return text

    def on_click(self, event: Click) -> None:
        """Press the key that was clicked."""
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)


class TitleBar(Horizontal):
    """The report's title on the left; the autosave status (or the save error) on the right."""

    def compose(self) -> ComposeResult:
        """Title left, save status right."""
        yield Label(literal("nianbao"), id="title")
        yield Label("", id="saved")

    def show(self, title: str, status: str, *, failed: bool = False) -> None:
        """Show the title and the save status; a failure is styled as an error."""
        self.query_one("#title", Label).update(literal(f"nianbao ─ {title}"))
        saved = self.query_one("#saved", Label)
        saved.update(literal(status))
        saved.set_class(failed, "-failed")


@dataclass(frozen=True)
class SectionRow:
    """One sidebar line: a section's state, progress and open findings."""

    section: str
    state: SectionState
    answered: int
    total: int
    findings: int

    def text(self) -> str:
        """「▸ 二、主动公开 3/6 ⚠1」: counts only while a section is partly answered."""
        mark = {"done": "✓", "current": "▸", "open": "·"}[self.state]
        flags = f" ⚠{self.findings}" if self.findings else ""
        counts = f" {self.answered}/{self.total}" if 0 < self.answered < self.total else ""
        return f"{mark} {SHORT_TITLES[self.section]}{counts}{flags}"


class Sidebar(Vertical):
    """The report's sections with progress and open findings; clicking one jumps there."""

    class SectionChosen(Message):
        """The user picked a section in the sidebar."""

        def __init__(self, section: str) -> None:
            self.section = section
            super().__init__()

    def compose(self) -> ComposeResult:
        """A heading, the sections, and the open-findings count."""
        yield Label("报告目录", id="toc-title")
        options = OptionList(id="toc")
        yield options
        yield Label("", id="open-total")

    def show(self, rows: list[SectionRow], open_total: int) -> None:
        """Redraw the section list and the number of open findings."""
        options = self.query_one("#toc", OptionList)
        options.set_options(Option(literal(row.text()), id=row.section) for row in rows)
        total = self.query_one("#open-total", Label)
        total.update(f"待处理 {open_total} 项" if open_total else "没有待处理的问题")
        total.set_class(bool(open_total), "-open")

    @on(OptionList.OptionSelected, "#toc")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.SectionChosen(event.option.id))


class Preview(VerticalScroll):
    """The rendered report beside the chat: prose wraps to the pane, tables keep their columns."""

    def show(self, text: str) -> None:
        """Replace the text, reusing the blocks already shown when the shape is the same."""
        parts = blocks(text)
        shown = list(self.query_children(Static))
        if [s.has_class("-table") for s in shown] != [table for table, _ in parts]:
            self.remove_children()
            self.mount_all(Static(literal(body), classes="-table" if table else "-prose") for table, body in parts)
            return
        for static, (_, body) in zip(shown, parts, strict=True):
            static.update(literal(body))

    @property
    def text(self) -> str:
        """What the preview shows, as plain text."""
        return "\n".join(str(s.render()) for s in self.query_children(Static))


def blocks(text: str) -> list[tuple[bool, str]]:
    """The report split into prose and table blocks; a table line is one with aligned columns."""
    groups: list[tuple[bool, list[str]]] = []
    for line in text.split("\n"):
        table = "  " in line.strip() or line.startswith("  ")
        if groups and groups[-1][0] == table:
            groups[-1][1].append(line)
        else:
            groups.append((table, [line]))
    return [(table, "\n".join(lines)) for table, lines in groups]
