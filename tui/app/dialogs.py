"""Provides the findings list (a screen), the export dialog, and the question before quitting with unsent text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from sections.model.errors import ExportError
from sections.model.findings import Finding
from sections.output.export import EXPORT_FORMATS, SUFFIXES, ExportFormat, export_format
from sections.output.layout import Layout
from tui.app.answer import Unsent
from tui.app.widgets import KeyBar, OrderedScreen, literal

FORMAT_OF: dict[str, ExportFormat] = {f"fmt-{f}": f for f in EXPORT_FORMATS}


def finding_text(finding: Finding) -> str:
    """A finding as one entry of the list: severity, rule, place; the message; the fix."""
    section = finding.section if finding.section == "基本信息" else f"第{finding.section}部分"
    lines = [f"{finding.severity.label}  {finding.rule}  {finding.where}（{section}）", f"  {finding.message}"]
    if finding.hint:
        lines.append(f"  建议：{finding.hint}")
    return "\n".join(lines)


class FindingsScreen(OrderedScreen[str | None]):
    """The open findings; choosing one returns the question (or section) that fixes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+f", "close", "返回对话", key_display="Esc"),
    ]

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.findings = findings

    def compose(self) -> ComposeResult:
        """The title and one entry per finding."""
        with Vertical(id="findings-box"):
            count = len(self.findings)
            title = f"问题清单：{count} 项待处理（↑↓ 选择，回车跳到对应问题，Esc 返回）"
            yield Label(title if count else "问题清单", id="findings-title")
            if self.findings:
                options: list[Option | None] = []
                for index, finding in enumerate(self.findings):
                    options += [Option(literal(finding_text(finding)), id=str(index)), None]
                yield OptionList(*options[:-1], id="findings")
            else:
                yield Static("目前没有发现错误或需要核对的地方。", id="findings-empty")
        yield KeyBar()

    @on(OptionList.OptionSelected, "#findings")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        finding = self.findings[int(event.option.id or 0)]
        self.dismiss(finding.target or finding.section)

    def action_close(self) -> None:
        """Back to the chat without jumping."""
        self.dismiss(None)


@dataclass(frozen=True)
class ExportChoice:
    """What the export dialog settled: where, in which format and table layout, overwrite or not."""

    path: Path
    fmt: ExportFormat
    layout: Layout
    force: bool = False


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Choose format, table layout and file; unanswered questions and open errors are listed and must be confirmed."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消", key_display="Esc")]

    def __init__(self, default: Path, errors: list[Finding], unanswered: str = "") -> None:
        super().__init__()
        self.default = default
        self.errors = errors
        self.unanswered = unanswered
        """The questions still unanswered, as `gaps_text` says them; empty when every question is answered."""
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        """The open errors, then format, table layout, file and the buttons."""
        with Vertical(id="export-box"):
            yield Label("导出报告", id="export-title")
            if self.unanswered:
                with VerticalScroll(id="export-gaps"):
                    yield Static(literal(self.unanswered))
            if self.errors:
                lines = [f"还有 {len(self.errors)} 个错误没有处理，导出的报告会带着这些错误："]
                lines += [f"· {f.rule} {f.where}：{f.message}" for f in self.errors[:8]]
                if len(self.errors) > 8:
                    lines.append(f"…… 另有 {len(self.errors) - 8} 个，见问题清单（Ctrl+F）。")
                yield Static(literal("\n".join(lines)), id="export-errors")
            with Horizontal(classes="export-row"):
                yield Label("格式", classes="export-label")
                with RadioSet(id="format"):
                    for fmt, name in EXPORT_FORMATS.items():
                        yield RadioButton(name, value=fmt == "txt", id=f"fmt-{fmt}")
            with Horizontal(classes="export-row"):
                yield Label("表格", classes="export-label")
                with RadioSet(id="layout"):
                    yield RadioButton("制表符（粘贴进 Word/WPS 可转为表格）", value=True, id="layout-tabs")
                    yield RadioButton("等宽对齐", id="layout-grid")
            with Horizontal(classes="export-row"):
                yield Label("文件", classes="export-label")
                yield Input(str(self.default), id="path")
            yield Label("", id="export-warning")
            with Horizontal(id="export-buttons"):
                doubt = self.errors or self.unanswered
                yield Button("仍然导出" if doubt else "导出", variant="primary", id="export")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        """Enter exports at once."""
        self.query_one("#export", Button).focus()

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """A format chosen renames the file to its suffix, as the file's suffix decides the format."""
        path_input = self.query_one("#path", Input)
        fmt = FORMAT_OF.get(event.pressed.id or "", "txt")
        path = Path(path_input.value.strip() or str(self.default))
        suffix = path.suffix.lower()
        if not suffix or (suffix in SUFFIXES and SUFFIXES[suffix] != fmt):
            path_input.value = str(path.with_suffix(f".{fmt}"))

    @on(Input.Changed, "#path")
    def _path_changed(self, event: Input.Changed) -> None:
        """A file name typed with a known suffix chooses that format (the rule `nianbao export` follows)."""
        fmt = SUFFIXES.get(Path(event.value.strip()).suffix.lower())
        if fmt is not None:
            self.query_one(f"#fmt-{fmt}", RadioButton).value = True

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        if not path.name:
            self.query_one("#export-warning", Label).update("请填写文件路径。")
            return
        # The typed suffix decides, as for `nianbao export`; the radio buttons may lag a keystroke behind.
        chosen = SUFFIXES.get(path.suffix.lower()) or FORMAT_OF.get(self._pressed("#format") or "", "txt")
        try:
            fmt = export_format(path, chosen)
        except ExportError as err:
            self.query_one("#export-warning", Label).update(literal(err.message))
            return
        force = False
        if path.exists():
            if self._confirm_overwrite != path:
                self._confirm_overwrite = path
                self.query_one("#export-warning", Label).update(
                    literal(f"{path.name} 已存在。再按一次“导出”覆盖它，或改一个文件名。")
                )
                return
            force = True
        layout: Layout = "grid" if self._pressed("#layout") == "layout-grid" else "tabs"
        self.dismiss(ExportChoice(path, fmt, layout, force))

    def _pressed(self, selector: str) -> str | None:
        button = self.query_one(selector, RadioSet).pressed_button
        return button.id if button else None

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)


class UnsentDialog(ModalScreen[str | None]):
    """Quitting with typed text not sent: send it first, quit without it, or go back to it.

    Returns "send", "discard", or None (stay).
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "stay", "返回", key_display="Esc")]

    def __init__(self, typed: Sequence[Unsent], *, can_send: bool) -> None:
        super().__init__()
        self.typed = list(typed)
        self.can_send = can_send

    def compose(self) -> ComposeResult:
        """What is unsent (the start of each text), then the three choices."""
        with Vertical(id="unsent-box"):
            yield Label("还有没有发送的文字", id="unsent-title")
            lines = []
            for item in self.typed[:3]:
                first = item.text.strip().split("\n", 1)[0]
                lines += [f"「{item.question or '本题'}」", f"  {first[:60]}{'……' if len(first) > 60 else ''}"]
            if len(self.typed) > 3:
                lines.append(f"另有 {len(self.typed) - 3} 处。")
            yield Static(literal("\n".join(lines)), id="unsent-texts")
            yield Label("不发送的文字会留在草稿里，下次打开时放回输入框。", id="unsent-kept")
            with Horizontal(id="unsent-buttons"):
                if self.can_send:
                    yield Button("发送后退出", variant="primary", id="send")
                yield Button("不发送，退出", variant="error" if self.can_send else "primary", id="discard")
                yield Button("返回编辑", id="stay")

    def on_mount(self) -> None:
        """Enter sends (or, with nothing to send here, quits); Esc goes back."""
        self.query_one("#send" if self.can_send else "#discard", Button).focus()

    @on(Button.Pressed, "#send")
    def _send(self) -> None:
        self.dismiss("send")

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self.dismiss("discard")

    @on(Button.Pressed, "#stay")
    def action_stay(self) -> None:
        """Back to the chat, the text where it was."""
        self.dismiss(None)
