"""Provides the line mode: the interview as a scrolling conversation in the terminal.

Built on prompt_toolkit. Chosen with `--ui line`, `NIANBAO_UI=line`, on a `TERM=dumb` terminal,
or when the full-screen app cannot start. Keys:

- Enter sends a one-line answer; an empty answer takes the default (or keeps the answer when
  revisiting a question).
- Narrative questions (the report's paragraphs) get a multi-line box holding the drafted paragraph,
  or the text as it stands when revisiting: send it as it is, edit it, or replace it. Enter starts a
  new line; **Esc then Enter** (or Alt+Enter) sends; Enter in an empty box sends it empty (take the
  draft, or keep the answer), so 「直接回车」 means the same in every mode.
- Tab completes slash commands and, after `/goto `, the section names; Up/Down recall answers.
- Ctrl+C empties the box (then a command such as /back can be typed and sent with Enter); what it
  held goes to the history, so Up brings it back. Ctrl+D or /quit leaves. The draft is saved after
  every answer. NUL (Ctrl+Space) is ignored rather than starting a selection the next key would replace.

The bottom toolbar says why the last answer was refused, whether the draft is saved, how many
findings are open and which key sends. Findings are printed inline after each answer. NO_COLOR turns
colour off, and colour never carries meaning alone: every line starts with its word (助手, 错误 …).
On a dumb terminal prompt_toolkit draws no toolbar and cannot show a prefilled box, so the drafted
paragraph is printed in the conversation instead and sending an empty box accepts it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from prompt_toolkit import PromptSession, print_formatted_text
from prompt_toolkit.application import get_app
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition, is_multiline
from prompt_toolkit.formatted_text import FormattedText, StyleAndTextTuples
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.output import Output
from prompt_toolkit.output.plain_text import PlainTextOutput
from prompt_toolkit.styles import Style
from prompt_toolkit.utils import is_dumb_terminal

from sections.interview.engine import split_command
from sections.interview.flow import SECTION_TITLES
from sections.interview.messages import Message, Turn
from sections.interview.questions import Question
from sections.interview.session import Session
from sections.model.findings import Severity
from sections.model.text import printable
from tui import talk

STYLE = Style.from_dict(
    {
        "you": "bold",
        "heading": "bold",
        "help": "fg:ansicyan",
        "refusal": "fg:ansired",
        "error": "fg:ansired bold",
        "warning": "fg:ansimagenta bold",
        "info": "fg:ansiblue",
        "cleared": "fg:ansigreen",
        "hint": "italic",
        "bottom-toolbar.refused": "bold",
    }
)
"""Colour only repeats what the words say; NO_COLOR (read by prompt_toolkit) turns it off."""

COMMAND_WORDS = {
    "back": "回到上一题",
    "goto": "跳到某一部分，如 /goto 三",
    "skip": "跳过本题",
    "undo": "撤销上一个回答",
    "draft": "再看一次草稿",
    "findings": "问题清单",
    "preview": "预览报告",
    "export": "导出为文本",
    "help": "帮助",
    "quit": "退出",
}
SEND_ONE = "Enter 发送"
SEND_MANY = "Esc 再 Enter 发送（或 Alt+Enter）· Enter 换行"
INPUT_HELP = (
    "输入方式：Enter 发送；文字题的输入框可以多行，Enter 换行，Esc 再 Enter（或 Alt+Enter）发送。"
    "Ctrl+C 清空输入框（↑ 可找回；之后可输入 /back 等命令），Tab 补全命令和部分名称（/goto 三），"
    "↑↓ 翻看之前的回答，Ctrl+D 或 /quit 退出。"
)

DUMB_INPUT_HELP = (
    "输入方式：Enter 发送，直接回车采用默认值或草稿；"
    "文字题可以多行：Enter 换行，写完按 Esc 再 Enter 发送。Ctrl+C 清除本行，Ctrl+D 或 /quit 退出。"
)


class SlashCompleter(Completer):
    """Completes slash commands, and section names after `/goto `."""

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        """Offer command names after 「/」, section names after 「/goto 」."""
        text = document.text_before_cursor
        if "\n" in text or text[:1] not in ("/", "／"):
            return
        name, space, argument = text[1:].partition(" ")
        if not space:
            for command in COMMAND_WORDS:  # the commands this mode offers (/table needs the app)
                if command.startswith(name.lower()):
                    yield Completion(
                        command + (" " if command == "goto" else ""),
                        start_position=-len(name),
                        display=command,
                        display_meta=COMMAND_WORDS.get(command, ""),
                    )
        elif name.lower() == "goto" and " " not in argument:
            for section, title in SECTION_TITLES.items():
                if title.startswith(argument) or section.startswith(argument):
                    yield Completion(section, start_position=-len(argument), display=title)


class LineMode:
    """One line-mode conversation over a draft file."""

    def __init__(self, draft_path: Path, *, echo: Output | None = None) -> None:
        self.path = draft_path
        self.dumb = is_dumb_terminal()
        self.echo = echo or (PlainTextOutput(sys.stdout) if self.dumb else None)
        """Where the conversation is printed; None means the terminal prompt_toolkit draws on."""
        self.session = Session.open(draft_path, input_help=DUMB_INPUT_HELP if self.dumb else INPUT_HELP)
        self.interview = self.session.interview
        self._opened = self.session.saved_at
        self.refused: str | None = None
        self._section: str | None = None
        self._prefill: tuple[str, str] | None = None
        """What the box of one narrative question starts with when it is asked again (its id, the text):
        empty after Ctrl+C, the draft after /draft. Any other question ignores it."""
        self.prompts: PromptSession[str] = PromptSession(
            history=InMemoryHistory(),
            completer=SlashCompleter(),
            complete_while_typing=True,
            bottom_toolbar=self.toolbar,
            style=STYLE,
            prompt_continuation=self._continuation,
            key_bindings=_bindings(),
        )

    @staticmethod
    def _continuation(width: int, line_number: int, wrap_count: int) -> StyleAndTextTuples:
        return [("", " " * width)]

    # Printing

    def say(self, text: str, style: str = "") -> None:
        """Print lines of the conversation (escape sequences from user text already removed)."""
        print_formatted_text(FormattedText([(style, text)]), style=STYLE, output=self.echo)

    def show(self, turn: Turn) -> None:
        """Print what the assistant said; a heading when the interview enters a new section."""
        question = self.interview.current
        last_flag = talk.last_flag(turn)
        for index, message in enumerate(turn.messages):
            if message.kind == "question" and question is not None:
                if question.section != self._section:
                    self._section = question.section
                    self.say("\n" + talk.heading(question), "class:heading")
                if question.kind == "narrative":
                    self.narrative_prompt(message, question)
                    continue
            self.say("\n".join(talk.message_lines(message)), _style(message))
            if index == last_flag:
                self.say(talk.fix_hint(turn), "class:hint")

    def narrative_prompt(self, message: Message, question: Question) -> None:
        """Word a narrative question for the multi-line box: what is in it, how to send it."""
        current = self.current_text(question)
        if self.dumb:
            self.say("\n".join(talk.message_lines(message)))
            if current and self.interview.is_answered(question):
                self.say("\n".join(talk.block("      现有文字：", current)))
            keep = "保留现有文字" if current else "采用草稿" if question.drafted else ""
            hint = "Enter 换行，写完按 Esc 再 Enter 发送"
            hint = f"直接回车{keep}；要重写：{hint}" if keep else hint
        else:
            refill = self._refill(question)
            if refill:
                self.say("助手：草稿已重新放进输入框。")
            else:
                self.say("\n".join(talk.block("助手：", question.prompt)))
            what = "现有的文字" if current and refill is None else "草稿"
            hint = "Enter 换行，Esc 再 Enter 发送"
            if self.prefill(question, peek=True):
                hint = f"输入框里是{what}：可以直接发送、修改，或删掉重写。{hint}"
        self.say(f"      （{hint}）", "class:hint")

    def toolbar(self) -> StyleAndTextTuples:
        """Show why the last answer was refused, the save state, open findings and the keys."""
        parts: StyleAndTextTuples = []
        if self.refused:
            reason = self.refused.split("\n", 1)[0]
            parts.append(("class:bottom-toolbar.refused", f" 未采用：{printable(reason)}\n"))
        error = self.interview.save_error
        question = self.interview.current
        status = [f"保存失败：{error}" if error else self.saved()]
        count = len(self.interview.open_findings())
        if count:
            status.append(f"待处理 {count} 项（/findings）")
        if question is not None:
            done, total = self.interview.progress()[question.section]
            section = question.section
            name = section if section == "基本信息" else f"第{section}部分"
            status.append(f"{name} {done}/{total}")
        if question is not None and question.kind == "narrative":
            status += [SEND_MANY, "Ctrl+C 清空"]
        else:
            status += [SEND_ONE, "Tab 补全", "/help 帮助", "Ctrl+D 退出"]
        parts.append(("", " " + " · ".join(status)))
        return parts

    # Asking

    def prefill(self, question: Question | None, *, peek: bool = False) -> str:
        """Return what the input box starts with: for a narrative, the draft or the current text."""
        chosen = self._refill(question)
        if not peek:
            self._prefill = None
        if self.dumb or question is None or question.kind != "narrative":
            return ""
        if chosen is not None:
            return chosen
        report = self.interview.report
        return self.current_text(question) or (question.drafted(report) if question.drafted is not None else "")

    def _refill(self, question: Question | None) -> str | None:
        """The text set aside for this question's box (by Ctrl+C or /draft), or None."""
        if self._prefill is None or question is None or self._prefill[0] != question.id:
            return None
        return self._prefill[1]

    def current_text(self, question: Question) -> str:
        """Return the answer a question holds now (answered, or carried from last year), or ""."""
        report, state = self.interview.report, self.interview.state
        if question.current is None or not question.filled(report, state):
            return ""
        return question.current(report)

    def ask(self) -> str:
        """Read one answer: one line, or a multi-line box for a narrative question."""
        question = None if self.session.confirming else self.interview.current
        narrative = question is not None and question.kind == "narrative"
        kept = self.session.take_unsent_for(question.id) if question and not self.dumb else None
        if kept:
            self.say("      （已放回这一题上次没有发送的文字）", "class:hint")
        default = kept or self.prefill(question)
        return self.prompts.prompt([("class:you", "你：")], multiline=narrative or "\n" in default, default=default)

    def saved(self) -> str:
        """The save state for the toolbar: 「草稿已保存 14:05」, or that nothing is on disk yet."""
        saved = self.session.saved_at
        if saved is not None and saved != self._opened:
            return f"草稿已保存 {saved:%H:%M}"
        return "草稿已打开" if self.path.exists() else "尚未保存"

    def run(self) -> int:
        """Converse until /quit or Ctrl+D; return the exit status (0)."""
        self.show(self.session.start())
        while True:
            try:
                text = self.ask()
            except KeyboardInterrupt:
                self._cleared()
                continue
            except EOFError:
                self.show(self.session.quit())
                return 0
            question = self.interview.current
            turn = self.session.submit(text)
            command = split_command(text)
            if command and command[0] == "draft" and question and question.drafted and not self.dumb:
                self._prefill = (question.id, question.drafted(self.interview.report))
            refusals = [m.text for m in turn.messages if m.kind == "refusal"]
            self.refused = refusals[0] if refusals else None
            self.show(turn)
            if turn.action == "quit":
                return 0

    def _cleared(self) -> None:
        """Ctrl+C emptied the box: the question is asked again with it empty, what it held kept in the history."""
        typed = self.prompts.default_buffer.text
        question = None if self.session.confirming else self.interview.current
        self._prefill = (question.id, "") if question is not None else None
        back = ""
        if typed.strip():
            self.prompts.history.append_string(typed)
            back = "按 ↑ 可找回刚才的文字；"
        draft = "/draft 可重新放入草稿；" if question is not None and question.drafted else ""
        self.say(f"助手：已清空输入框（{back}{draft}/quit 或 Ctrl+D 退出）。")


def _sendable(text: str) -> bool:
    """Whether Enter sends a multi-line box: empty (「直接回车」), or holding only a command."""
    value = text.strip()
    return not value or ("\n" not in value and value[:1] in ("/", "／"))


def _bindings() -> KeyBindings:
    """Let Enter send a multi-line box that is empty or holds only a command like /back; ignore NUL."""
    bindings = KeyBindings()
    sendable = Condition(lambda: _sendable(get_app().current_buffer.text))

    @bindings.add("enter", filter=is_multiline & sendable)
    def _send(event: KeyPressEvent) -> None:
        event.current_buffer.validate_and_handle()

    @bindings.add("c-@")  # NUL, which Ctrl+Space sends: Emacs's 「set mark」 would start a selection
    def _ignore(event: KeyPressEvent) -> None:
        """Ignore the key, so that typing on does not replace a selection nobody meant to make."""

    return bindings


def _style(message: Message) -> str:
    if message.kind == "flag" and message.finding is not None:
        return {Severity.ERROR: "class:error", Severity.WARNING: "class:warning"}.get(
            message.finding.severity, "class:info"
        )
    styles = {
        "refusal": "class:refusal",
        "error": "class:error",
        "cleared": "class:cleared",
        "help": "class:help",
        "findings": "class:help",
    }
    return styles.get(message.kind, "")


def run(draft_path: Path) -> int:
    """Run the line-mode interview over the draft at `draft_path`; return the exit status."""
    return LineMode(draft_path).run()
