"""Provides the conversation: bubbles, inline flags, long choice lists, and the transcript that follows."""

from __future__ import annotations

import re
from typing import Literal

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Right, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from sections.interview.messages import describe
from sections.model.findings import Finding, Severity
from sections.model.text import clean_text
from sections.store.drafts import Exchange
from tui.app.widgets import literal


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


def history_bubbles(transcript: list[Exchange], findings: list[Finding], shown: int) -> list[Bubble]:
    """A resumed draft's earlier conversation: its last `shown` exchanges, each flag greyed out once solved."""
    if not transcript:
        return []
    open_keys = {f.key for f in findings}
    said = {describe(f): f for f in findings}  # flags saved before they kept their rule
    bubbles: list[Bubble] = []
    if len(transcript) > shown:
        bubbles.append(Bubble(f"（此前还有 {len(transcript) - shown} 条对话，已省略）", "assistant", "history"))
    for exchange in transcript[-shown:]:
        if exchange.role == "flag":
            finding = said.get(exchange.text)
            key = (exchange.rule, exchange.where) if exchange.rule and exchange.where else None
            key = key or (finding.key if finding else None)
            severity = exchange.severity or (finding.severity if finding else Severity.INFO)
            flag = FlagBubble(exchange.text, severity.value, key)
            flag.resolved = key not in open_keys
            bubbles.append(flag)
        else:
            role: Literal["assistant", "user"] = "user" if exchange.role == "user" else "assistant"
            bubbles.append(Bubble(clean_text(exchange.text), role, "history"))
    bubbles.append(Bubble("── 以上是之前的对话 ──", "assistant", "divider"))
    return bubbles
