"""Provides the interview screen's widgets: title bar, sidebar, chat, answer box, preview."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Right, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Paste
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static, TextArea
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

SEND_KEYS = "ctrl+s,f2"
FOOTER_ORDER = ("ctrl+s", "f1", "ctrl+p", "ctrl+r", "ctrl+f", "ctrl+e", "ctrl+q")
"""The footer lists these keys first, in this order, whichever widget has focus."""

Mode = Literal["line", "text"]
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


class Bubble(Static):
    """One message in the chat: the assistant's (left) or the user's (right)."""

    def __init__(self, text: str, role: Literal["assistant", "user"], kind: str = "") -> None:
        super().__init__(literal(text), classes=f"bubble -{role}" + (f" -{kind}" if kind else ""))
        self.text = text


class FlagBubble(Bubble):
    """An inline flag: a finding the last answer raised; greyed out once it is cleared."""

    resolved: reactive[bool] = reactive(False)

    def __init__(self, text: str, severity: str, key: tuple[str, str] | None) -> None:
        super().__init__(text, "assistant", f"flag -{severity}")
        self.key = key
        self.border_title = {"error": "⚠ 错误", "warning": "⚠ 提醒", "info": "ℹ 提示"}.get(severity)

    def watch_resolved(self, resolved: bool) -> None:
        """Grey the flag out and say it is solved."""
        self.set_class(resolved, "-resolved")
        if resolved:
            self.border_title = "✓ 已解决"


class Transcript(VerticalScroll):
    """The conversation, anchored at the bottom so the newest message stays in view."""

    def on_mount(self) -> None:
        """Keep the newest message in view."""
        self.anchor()

    def say(self, *bubbles: Bubble) -> None:
        """Append messages."""
        rows = [Right(b, classes="user-row") if "-user" in b.classes else b for b in bubbles]
        if rows:
            self.mount_all(rows)

    def resolve(self, key: tuple[str, str]) -> None:
        """Mark the flags of one finding as cleared."""
        for flag in self.query(FlagBubble):
            if flag.key == key:
                flag.resolved = True

    def open_flags(self) -> list[FlagBubble]:
        """Flags whose finding is still open."""
        return [flag for flag in self.query(FlagBubble) if not flag.resolved]


class AnswerLine(Input):
    """The one-line answer; a pasted block of several lines opens the multi-line editor instead."""

    class BlockPasted(Message):
        """Several lines were pasted into the one-line answer."""

        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    def _on_paste(self, event: Paste) -> None:
        text = event.text.replace("\r\n", "\n").replace("\r", "\n")
        if "\n" in text.strip("\n"):
            event.prevent_default()
            event.stop()
            self.post_message(self.BlockPasted(self.value + text.strip("\n")))


class AnswerBox(Vertical):
    """The answer at the bottom: one line for figures, a multi-line editor for narrative answers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: characters typed just before it must reach the editor first.
        Binding(SEND_KEYS, "send", "发送", key_display="Ctrl+S"),
    ]

    mode: reactive[Mode] = reactive("line", init=False)

    class AnswerSubmitted(Message):
        """The user sent an answer or a slash command."""

        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    def compose(self) -> ComposeResult:
        """The prompt mark, both editors (one shown at a time), and the editor's hint."""
        with Horizontal(id="answer-row"):
            yield Label("›", id="prompt")
            yield AnswerLine(placeholder="在此输入回答，回车发送；/help 查看命令", id="line")
            yield TextArea(id="text", soft_wrap=True, show_line_numbers=False, compact=True)
        yield Label("", id="answer-hint")

    def on_mount(self) -> None:
        """Show the editor for the current mode."""
        self._show_mode()

    def ask(self, mode: Mode, prefill: str = "", placeholder: str = "", *, drafted: bool = False) -> None:
        """Get ready for the next answer: the right editor, prefilled (with a draft), focused."""
        line, text = self.query_one(AnswerLine), self.query_one(TextArea)
        line.value = ""
        line.placeholder = placeholder or "在此输入回答，回车发送；/help 查看命令"
        text.load_text(prefill)
        self.query_one("#answer-hint", Label).update(
            "多行编辑：回车换行，Ctrl+S 或 F2 发送" + ("；清空后发送即采用草稿" if drafted else "")
        )
        if mode != self.mode:
            self.mode = mode
        elif self.screen.is_current:
            (text if mode == "text" else line).focus()
        if mode == "text":
            text.move_cursor(text.document.end)

    def watch_mode(self) -> None:
        """Swap the editors."""
        self._show_mode()

    def _show_mode(self) -> None:
        multi = self.mode == "text"
        line, text = self.query_one(AnswerLine), self.query_one(TextArea)
        line.display, text.display = not multi, multi
        self.set_class(multi, "-multi")
        (text if multi else line).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show the send key only while the multi-line editor is open."""
        return self.mode == "text" if action == "send" else True

    @property
    def value(self) -> str:
        """What the user has typed so far."""
        if self.mode == "text":
            return self.query_one(TextArea).text
        return self.query_one(AnswerLine).value

    def action_send(self) -> None:
        """Send what is in the editor."""
        self._send(self.value)

    @on(Input.Submitted, "#line")
    def _line_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._send(event.value)

    @on(AnswerLine.BlockPasted)
    def _block_pasted(self, event: AnswerLine.BlockPasted) -> None:
        event.stop()
        self.ask("text", event.text)

    def _send(self, text: str) -> None:
        self.post_message(self.AnswerSubmitted(text))


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
