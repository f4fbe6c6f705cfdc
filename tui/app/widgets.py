"""Provides the interview screen's widgets: title bar, sidebar, chat, answer box, preview."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal, TypeVar, cast

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Right, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Click, Paste
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from sections.model.text import printable

if TYPE_CHECKING:
    from tui.app.editor import NarrativeEditor

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


class ChoiceBubble(Vertical):
    """A question with a long numbered list (the 21 outcomes of table 三), drawn to fit a small screen.

    The question stays in view, the list scrolls in a box of its own (↑↓ from the answer line), and what
    follows the list is shown under it.
    """

    def __init__(self, head: str, menu: str, tail: str) -> None:
        super().__init__(classes="bubble -assistant -question -choices")
        self.text = "\n".join(part for part in (head, menu, tail) if part)
        self._parts = (head, menu, tail)

    def compose(self) -> ComposeResult:
        """The question, the list in its box, and the note under it."""
        head, menu, tail = self._parts
        yield Static(literal(head), classes="choices-head")
        with VerticalScroll(classes="choices-list", can_focus=False):  # ↑↓ from the answer line scroll it
            yield Static(menu_grid(menu))
        if tail:
            yield Static(literal(tail), classes="choices-tail")

    @property
    def list(self) -> VerticalScroll:
        """The box that scrolls the list."""
        return self.query_one(".choices-list", VerticalScroll)


def menu_grid(menu: str) -> Table:
    """Numbered choices as two columns, so that a long choice wraps under its own text, not its number."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for line in menu.split("\n"):
        number, _, label = line.strip().partition(" ")
        grid.add_row(Text(number), Text(label.strip(), overflow="fold"))
    return grid


MENU_LINE = re.compile(r"\s*\d{1,2}\s+\S")
LONG_MENU = 8
"""A question listing at least this many numbered choices gets its list in a box of its own."""


def question_bubble(text: str) -> Bubble | ChoiceBubble:
    """A question as a bubble; one with a long numbered list as a `ChoiceBubble`."""
    lines = text.split("\n")
    numbered = [i for i, line in enumerate(lines) if MENU_LINE.match(line)]
    if len(numbered) >= LONG_MENU and numbered == list(range(numbered[0], numbered[-1] + 1)):
        first, last = numbered[0], numbered[-1] + 1
        return ChoiceBubble("\n".join(lines[:first]), "\n".join(lines[first:last]), "\n".join(lines[last:]))
    return Bubble(text, "assistant", "question")


class Transcript(VerticalScroll):
    """The conversation: it follows the newest message unless the clerk has scrolled up to read back.

    While the clerk reads back, new messages do not move the view; `Unseen` says how many arrived, so
    the screen can show 「有新消息 ↓」. Reaching the bottom again (End, PageDown, the wheel) follows again.
    """

    class Unseen(Message):
        """Messages arrived below while the clerk reads back (`count`), or the clerk caught up (0)."""

        def __init__(self, count: int) -> None:
            self.count = count
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.unseen = 0

    def on_mount(self) -> None:
        """Keep the newest message in view; notice when the clerk scrolls back down."""
        self.anchor()
        self.watch(self, "scroll_y", self._scrolled, init=False)

    @property
    def reading_back(self) -> bool:
        """Whether the clerk has scrolled up from the newest message."""
        return max(self.scroll_y, 0) < self.max_scroll_y - 0.5  # anchored, Textual may leave it below 0

    def say(self, *bubbles: Bubble | ChoiceBubble) -> None:
        """Append messages: followed when at the bottom, counted as unseen when reading back."""
        rows = [Right(b, classes="user-row") if "-user" in b.classes else b for b in bubbles]
        if not rows:
            return
        if self.reading_back:
            said = sum(1 for b in bubbles if "-user" not in b.classes)  # the clerk's own lines are not news
            self._set_unseen(self.unseen + said)
        else:
            self.anchor()  # also after a scroll that moved nothing (which releases Textual's anchor)
        self.mount_all(rows)

    def follow(self) -> None:
        """Go to the newest message and follow again."""
        self.anchor()
        self._set_unseen(0)

    def page(self, pages: int) -> None:
        """Scroll by whole pages (negative: up, back in the conversation)."""
        self.scroll_to(y=self.scroll_y + pages * self.scrollable_content_region.height, animate=False, immediate=True)
        if not self.reading_back:
            self.follow()

    def oldest(self) -> None:
        """Go to the first message shown."""
        self.scroll_home(animate=False)

    def _scrolled(self) -> None:
        if not self.reading_back and self.unseen:
            self._set_unseen(0)

    def _set_unseen(self, count: int) -> None:
        self.unseen = count
        self.post_message(self.Unseen(count))

    def resolve(self, key: tuple[str, str]) -> None:
        """Mark the flags of one finding as cleared."""
        for flag in self.query(FlagBubble):
            if flag.key == key:
                flag.resolved = True

    def open_flags(self) -> list[FlagBubble]:
        """Flags whose finding is still open."""
        return [flag for flag in self.query(FlagBubble) if not flag.resolved]


class NewMessages(Static):
    """「有新消息 ↓」 under the conversation while the clerk reads back; clicking it goes to the newest."""

    class Clicked(Message):
        """The clerk clicked the marker."""

    def show(self, count: int) -> None:
        """Show how many messages arrived below, or hide the marker (0)."""
        self.display = count > 0
        if count:
            self.update(f"有 {count} 条新消息 ↓　按 End 或点这里查看")

    def on_click(self) -> None:
        """Go to the newest message."""
        self.post_message(self.Clicked())


class AnswerLine(Input):
    """The one-line answer; a pasted block of several lines opens the multi-line editor instead.

    Ctrl+A selects everything; Home and End, when the cursor is already there, go on to the conversation.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+a", "select_all", "全选", show=False)]

    class BlockPasted(Message):
        """Several lines were pasted into the one-line answer."""

        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    def _on_paste(self, event: Paste) -> None:
        text = event.text = printable(event.text)  # Input's own paste takes what is left: no control byte
        if "\n" in text.strip("\n"):
            event.prevent_default()
            event.stop()
            self.post_message(self.BlockPasted(self.value + text.strip("\n")))

    def action_home(self, select: bool = False) -> None:
        """To the start of the line; already there, Home goes on to the screen (the first message)."""
        if self.cursor_at_start and not select:
            raise SkipAction
        super().action_home(select)

    def action_end(self, select: bool = False) -> None:
        """To the end of the line; already there, End goes on to the screen (the newest message)."""
        if self.cursor_at_end and not select:
            raise SkipAction
        super().action_end(select)


@dataclass(frozen=True)
class Unsent:
    """Text typed for a question and not sent, kept while the clerk is elsewhere in the interview."""

    question: str
    """The question's first line, to name it."""
    text: str


LINE_PLACEHOLDER = "在此输入回答，回车发送；/help 查看命令"
NOT_ASKED = "（尚未提问）"


class AnswerBox(Vertical):
    """The answer at the bottom: one line for figures, a multi-line editor for narrative answers.

    What the clerk types stays until it is sent: the box is only loaded again for a new question
    (`ask`), never by a refresh of the panes. The multi-line editor is made the first time it is needed.
    """

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.asking: str | None = NOT_ASKED
        """The question the box was last loaded for (None: every question is answered)."""
        self.loaded = ""
        """What `ask` put into the multi-line editor (the drafted paragraph or the answer as it stands)."""

    def compose(self) -> ComposeResult:
        """The prompt mark, the one-line answer, and the editor's hint."""
        with Horizontal(id="answer-row"):
            yield Label("›", id="prompt")
            yield AnswerLine(placeholder=LINE_PLACEHOLDER, id="line")
        yield Label("", id="answer-hint")

    def on_mount(self) -> None:
        """Show the editor for the current mode."""
        self._show_mode()

    @property
    def editor(self) -> NarrativeEditor | None:
        """The multi-line editor, once it has been needed."""
        found = self.query("#text")
        return cast("NarrativeEditor", found.first()) if found else None

    def ask(
        self, question: str | None, mode: Mode, prefill: str = "", placeholder: str = "", *, drafted: bool = False
    ) -> None:
        """Load the box for a new question: the right editor, prefilled (with a draft), focused."""
        self.asking = question
        self.loaded = prefill if mode == "text" else ""
        line = self.query_one(AnswerLine)
        line.value = ""
        self.prompt(placeholder, drafted=drafted)
        if mode == "text":
            self._load(prefill)
        if mode != self.mode:
            self.mode = mode
        elif self.screen.is_current:
            self.focus_editor()

    def prompt(self, placeholder: str = "", *, drafted: bool = False) -> None:
        """Say how to answer (placeholder, hint) without touching what is typed."""
        self.query_one(AnswerLine).placeholder = placeholder or LINE_PLACEHOLDER
        self.query_one("#answer-hint", Label).update(
            "多行编辑：回车换行，Ctrl+S 或 F2 发送，Ctrl+Z 撤销" + ("；清空后发送即采用草稿" if drafted else "")
        )

    def restore(self, text: str) -> None:
        """Put back text typed earlier and not sent (it counts as unsent still)."""
        if self.mode == "text" or "\n" in text:
            self._load(text)
            self.mode = "text"
        else:
            self.query_one(AnswerLine).value = text

    def keep_refused(self) -> None:
        """After a refused answer the text stays; in the one-line answer it is selected, to retype or edit."""
        if self.mode == "line":
            self.query_one(AnswerLine).select_all()

    def _load(self, text: str) -> None:
        editor = self.editor
        if editor is None:
            from tui.app.editor import NarrativeEditor  # late on purpose: the editor loads for the first narrative

            self.query_one("#answer-row").mount(NarrativeEditor(text, id="text"))
        else:
            editor.load_text(text)
            editor.move_cursor(editor.document.end)

    def focus_editor(self) -> None:
        """Put the cursor in the editor shown."""
        editor = self.editor
        (editor if self.mode == "text" and editor is not None else self.query_one(AnswerLine)).focus()

    def watch_mode(self) -> None:
        """Swap the editors."""
        self._show_mode()

    def _show_mode(self) -> None:
        multi = self.mode == "text"
        self.query_one(AnswerLine).display = not multi
        if (editor := self.editor) is not None:
            editor.display = multi
        self.set_class(multi, "-multi")
        self.focus_editor()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show the send key only while the multi-line editor is open."""
        return self.mode == "text" if action == "send" else True

    @property
    def value(self) -> str:
        """What the user has typed so far."""
        if self.mode == "text" and (editor := self.editor) is not None:
            return editor.text
        return self.query_one(AnswerLine).value

    @property
    def unsent(self) -> str:
        """Text typed and not sent: what the box holds, unless it is just what `ask` put there."""
        text = self.value
        return text if text.strip() and text != self.loaded else ""

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
        self.restore(event.text)

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
