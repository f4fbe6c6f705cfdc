"""Provides the start screen: resume the latest draft, open another, or start a new report."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message as TextualMessage
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sections.model.errors import DraftError
from sections.store.drafts import load_draft
from tui.app.widgets import KeyBar, OrderedScreen, literal

NEW = "new"


class StartScreen(OrderedScreen[None]):
    """Resume the most recent draft, pick another one from the folder, or start a new report."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("n", "new", "新报告", key_display="N")]

    class DraftChosen(TextualMessage):
        """The clerk picked a draft to open, or (path None) a new report."""

        def __init__(self, path: Path | None) -> None:
            self.path = path
            super().__init__()

    def __init__(self, drafts: list[Path], folder: Path) -> None:
        super().__init__()
        self.drafts = drafts
        self.folder = folder

    def compose(self) -> ComposeResult:
        """A title, a line of help, and the list of drafts."""
        with Vertical(id="start"):
            yield Label("政府信息公开工作年度报告助手", id="start-title")
            yield Label("选择一份草稿继续填写，或开始一份新的报告（↑↓ 选择，回车确认）。", id="start-help")
            yield OptionList(*self._options(), id="drafts")
        yield KeyBar()

    def _options(self) -> list[Option]:
        leads = ["▶ 继续最近的草稿", *["  打开"] * (len(self.drafts) - 1)]
        options = [
            Option(literal(f"{lead}：{describe_draft(path, self.folder)}"), id=str(index))
            for index, (lead, path) in enumerate(zip(leads, self.drafts[:20], strict=False))
        ]
        options.insert(min(1, len(options)), Option(literal("＋ 开始一份新的报告"), id=NEW))
        return options

    @on(OptionList.OptionSelected, "#drafts")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == NEW:
            self.post_message(self.DraftChosen(None))
        elif event.option.id is not None:
            self.post_message(self.DraftChosen(self.drafts[int(event.option.id)]))

    def action_new(self) -> None:
        """Start a new report."""
        self.post_message(self.DraftChosen(None))


def describe_draft(path: Path, folder: Path) -> str:
    """Two lines: the report's title, then the file name and when it was saved."""
    try:
        draft = load_draft(path)
    except DraftError as err:
        return f"{path.name}\n    无法打开：{err.message}"
    title = draft.report.meta.title if draft.report.meta.body else "（尚未填写机关名称）"
    saved = f" · 保存于 {draft.saved_at:%Y-%m-%d %H:%M}" if draft.saved_at else ""
    where = path.name if path.parent == folder else str(path)  # a draft opened elsewhere shows where it is
    return f"{title}\n    {where}{saved}"
