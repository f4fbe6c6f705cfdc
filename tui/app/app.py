"""Provides `NianbaoApp`, the full-screen interview (keys, screen changes, export), and `run()`."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from sections.interview.session import Session
from sections.model.errors import DraftError
from sections.model.ids import SECTION_ORDER
from sections.store.workspace import list_drafts, new_draft_path, open_draft
from tui.app.paste import install as install_paste_parser
from tui.app.screens import InterviewScreen
from tui.app.start import StartScreen
from tui.app.widgets import SHORT_TITLES

INTERVIEW_ACTIONS = frozenset({"help", "preview", "findings", "export", "table"})
"""Actions that need a draft open: hidden from the footer and palette on the start screen."""


APP_KEYS = """按键：
· 发送：单行回答按回车；多行编辑框按 Ctrl+S 或 F2（回车是换行）
· 编辑：Ctrl+A 全选，Ctrl+Z 撤销，Ctrl+Y 重做，Ctrl+X 剪切，Ctrl+C 复制，Ctrl+V 粘贴
· 翻看对话：PgUp/PgDn 翻页，Ctrl+Home 最早，Ctrl+End 回到最新（光标已在行首、行尾时 Home、End 也可以）
· 选项很多时（如办理结果）：在回答框按 ↑↓ 翻看选项
· 预览：Ctrl+R 打开或关闭；Shift+Tab 切到预览后用 ↑↓、PgUp/PgDn 滚动，Esc 回到回答框
· F1 帮助　Ctrl+P 命令　Ctrl+F 问题清单　Ctrl+E 导出　Ctrl+T 按表格填写　Ctrl+Q 退出（有未发送的文字会先问）"""
"""The app's keys, said after the question's help and the commands on F1 (/help)."""


class NianbaoCommands(Provider):
    """The command palette's source: the app's commands, searchable by title or slash command."""

    def _commands(self) -> list[SystemCommand]:
        app = self.app
        assert isinstance(app, NianbaoApp)
        return list(app.palette_commands(self.screen))

    async def discover(self) -> Hits:
        """All commands, in the app's order, before anything is typed."""
        for command in self._commands():
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        """Commands whose title or slash command matches what is typed."""
        matcher = self.matcher(query)
        for command in self._commands():
            score = max(matcher.match(command.title), matcher.match(command.help))
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.callback, help=command.help)


class NianbaoApp(App[None]):
    """The chat interview over one draft, or the start screen that picks the draft."""

    CSS_PATH = "app.tcss"
    TITLE = "nianbao"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {NianbaoCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "帮助", key_display="F1", priority=True),
        Binding("ctrl+p", "command_palette", "命令", key_display="Ctrl+P", priority=True),
        Binding("ctrl+r", "preview", "预览", key_display="Ctrl+R", priority=True),
        Binding("ctrl+f", "findings", "问题清单", key_display="Ctrl+F", priority=True),
        Binding("ctrl+e", "export", "导出", key_display="Ctrl+E", priority=True),
        Binding("ctrl+t", "table('三')", "表格", key_display="Ctrl+T", show=False, priority=True),
        Binding("ctrl+q", "quit", "退出", key_display="Ctrl+Q", priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(
        self,
        draft_path: Path | None,
        folder: Path,
        *,
        new: bool = False,
        today: date | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__()
        self.draft_path = draft_path
        self.folder = folder
        self.new = new
        self.today = today
        self.clock = clock

    def on_load(self) -> None:
        """Hold garbage collection while the first screen is built (see `resume_collection`)."""
        gc.disable()

    async def on_mount(self) -> None:
        """Open the draft asked for, a new one, or the start screen; then let garbage be collected again."""
        if self.draft_path is not None:
            await self.open_interview(self.draft_path)
        elif self.new:
            await self.start_new()
        else:
            await self.push_screen(StartScreen(list_drafts(self.folder), self.folder))
        self.call_after_refresh(resume_collection)

    # Screen changes

    def _interview(self, path: Path) -> InterviewScreen:
        """The chat over the draft at `path` (new and empty when the file does not exist); DraftError if not."""
        session = Session(
            path, open_draft(path), panes=True, input_help=APP_KEYS, keep_empty=True, today=self.today, clock=self.clock
        )
        return InterviewScreen(session)

    async def open_interview(self, path: Path) -> None:
        """Open a draft (a new empty one when the file does not exist) and start the chat."""
        try:
            screen = self._interview(path)
        except DraftError as err:
            self.notify(err.message, title="无法打开草稿", severity="error", timeout=10)
            return
        if isinstance(self.screen, StartScreen):
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)

    async def start_new(self) -> None:
        """Start a new report in the drafts folder."""
        await self.open_interview(new_draft_path(self.folder))

    @on(StartScreen.DraftChosen)
    async def _draft_chosen(self, event: StartScreen.DraftChosen) -> None:
        if event.path is None:
            await self.start_new()
        else:
            await self.open_interview(event.path)

    @property
    def interview_screen(self) -> InterviewScreen | None:
        """The chat, when a draft is open."""
        chats = [s for s in self.screen_stack if isinstance(s, InterviewScreen)]
        return chats[-1] if chats else None

    def _chat(self) -> InterviewScreen | None:
        """The chat when it is the screen on top (keys act on it), else None."""
        return self.screen if isinstance(self.screen, InterviewScreen) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Interview keys only work, and only show, while the chat is on top."""
        if action in INTERVIEW_ACTIONS:
            return self._chat() is not None
        return True

    # Actions (keys, palette)

    def action_help(self) -> None:
        """Show the current question's help in the chat."""
        if chat := self._chat():
            chat.show_help()

    def action_preview(self) -> None:
        """Toggle the preview pane."""
        if chat := self._chat():
            chat.toggle_preview()

    def action_findings(self) -> None:
        """Open the findings list."""
        if chat := self._chat():
            chat.open_findings()

    def action_export(self) -> None:
        """Open the export dialog."""
        if chat := self._chat():
            chat.open_export()

    def action_table(self, table: str) -> None:
        """Edit table 二, 三 or 四 as a grid."""
        if chat := self._chat():
            chat.command(f"/table {table}")

    def action_goto(self, section: str) -> None:
        """Jump to a section of the interview."""
        if chat := self._chat():
            chat.goto(section)

    async def action_quit(self) -> None:
        """Leave; the draft, conversation included, is saved first, and typed text not sent is asked about."""
        if chat := self.interview_screen:
            chat.leave()
        else:
            self.exit()

    def action_help_quit(self) -> None:
        """Ctrl+C copies in an editor; say how to leave instead of quitting by surprise."""
        self.notify("按 Ctrl+Q 退出；草稿已自动保存。", title="要退出吗？")

    def action_command_palette(self) -> None:
        """Open the command palette with this app's commands."""
        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            self.push_screen(
                CommandPalette(placeholder="搜索命令：导出、预览、跳到 三、表格 …", id="--command-palette")
            )

    def palette_commands(self, screen: Screen[object]) -> Iterator[SystemCommand]:
        """The palette's commands in the order shown: the chat's actions, jumps, tables, quit."""
        if isinstance(screen, InterviewScreen):
            yield SystemCommand("帮助：本题说明（F1）", "/help", self.action_help)
            yield SystemCommand("预览报告（Ctrl+R）", "/preview 显示或隐藏预览", self.action_preview)
            yield SystemCommand("问题清单（Ctrl+F）", "/findings 列出待处理的问题", self.action_findings)
            yield SystemCommand("导出报告（Ctrl+E）", "/export 导出 txt 或 md", self.action_export)
            for section in SECTION_ORDER:
                yield SystemCommand(
                    f"跳到 {SHORT_TITLES[section]}", f"/goto {section}", _bind(self.action_goto, section)
                )
            for table in ("二", "三", "四"):
                yield SystemCommand(
                    f"表格 {table}：按表格填写",
                    f"/table {table} 方向键移动，输入数字，可粘贴",
                    _bind(self.action_table, table),
                )
        yield SystemCommand("退出（Ctrl+Q）", "/quit 草稿已自动保存", self.action_quit)
        yield SystemCommand("切换配色", "深色、浅色等主题", self.action_change_theme)


def resume_collection() -> None:
    """Collect garbage again, once the first screen is drawn; what start-up made is frozen, not scanned.

    Starting the app creates many objects that live as long as it does (styles, widgets, the draft's
    models); collecting while they are made scanned them again and again, a tenth of the time to the
    first question. They are moved out of the collector's way instead (`gc.freeze`).
    """
    gc.freeze()
    gc.enable()


def _bind(action: Callable[[str], None], argument: str) -> Callable[[], None]:
    return lambda: action(argument)


def run(draft_path: Path | None, folder: Path, new: bool) -> int:
    """Run the app: into `draft_path`, a new draft, or the start screen listing `folder`."""
    if draft_path is not None:
        open_draft(draft_path)
    install_paste_parser()  # a paste holding ESC arrives whole and in order
    try:
        NianbaoApp(draft_path, folder, new=new).run()
    finally:
        gc.enable()  # also when the app stopped before drawing anything
    return 0
