"""Provides the plain mode: the interview as plain lines on stdout, answers one per line from stdin.

Used when standard input is not a terminal (`nianbao new --draft OUT < answers.txt`) or with
`--ui plain`. Output has no colour and no escape sequences; each line starts with who speaks:
「助手：」 the assistant, 「你：」 the answer read (echoed when reading a file), 「⚠ 错误/提醒」
and 「※ 提示」 findings, 「✓ 」 a finding cleared, 「✗ 未采用：」 a refused answer, 「帮助：」 help.
Where stdout cannot encode a symbol (a GBK or ASCII redirect on Windows) it gets a look-alike
(「! 错误」, 「√ 」, 「× 未采用：」; see `tui.streams`).

Answers:
- one answer per line; an empty line takes the default or the drafted paragraph (and keeps the
  answer when revisiting a question);
- a multi-line answer (a narrative with several paragraphs, or one subsection title per line) sits
  between two lines that hold only `\"\"\"`; the lines between are taken as they are, blank ones
  too;
- a line starting with `#` is a comment and skipped (put an answer that starts with `#` in a block);
- slash commands work as in the other modes: /back /goto 三 /skip /undo /draft /findings /preview
  /export /help /quit.

The draft is saved after every accepted answer. Exit status:
- 0 when input ends with every question answered, or after /quit (the draft is saved either way);
- 1 when input ends with questions still open (a truncated transcript): stderr names the open
  question and the last line read (typing at a terminal, Ctrl+D works as /quit);
- 1 when reading a transcript (stdin not a terminal) and an answer is refused, e.g. a letter where a
  number is due: stderr names the line, the question and why; the draft keeps every answer before
  it. Typing at a terminal, a refused answer is simply asked again;
- 2 when a transcript's first line is an answer but every question of the draft is answered already
  (`nianbao --draft DONE.json < answers.txt`): the draft is left as it was, unless `nianbao new --force`;
- 2 (from the command) when the draft cannot be read or the input is neither UTF-8 (with or without
  BOM) nor GB18030 text (a Windows Notepad 「ANSI」 file); stderr names the line, and says so when
  the transcript was read as GB18030.
"""

from __future__ import annotations

import io
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol, TextIO

from sections.interview.engine import split_command
from sections.interview.messages import Turn
from sections.interview.questions import Question
from sections.interview.session import Session
from sections.model.errors import NianbaoError
from sections.model.text import printable
from tui import talk

BLOCK = '"""'
"""A line holding only this opens, and the next such line closes, a multi-line answer."""

INPUT_HELP = (
    "输入方式：每行一个回答，空行表示采用默认值或草稿。"
    '多行回答（如分段的文字）：先单独一行输入 """，再输入正文，最后单独一行输入 """ 结束。'
    "以 # 开头的行是注释。"
)

NARRATIVE_HINT = f"（分段的文字：单独一行输入 {BLOCK} 开始，写完再单独一行输入 {BLOCK} 结束）"


class Lines(Protocol):
    """Where answers come from: a text stream (a terminal, a test's StringIO) or a `Transcript`."""

    def readline(self) -> str:
        """The next line with its newline; "" at the end."""
        ...

    def isatty(self) -> bool:
        """Whether a person is typing."""
        ...


class Transcript:
    """A transcript file read a line at a time: UTF-8 (with or without BOM), else GB18030 if it decodes cleanly.

    The encoding is chosen at the first line that is not ASCII, so a script answering question by question
    through a pipe is never kept waiting for the rest of its input.
    """

    def __init__(self, raw: BinaryIO, err: TextIO) -> None:
        self._raw = raw
        self._err = err
        self._encoding: str | None = None
        self._line = 0

    def isatty(self) -> bool:
        """A transcript is never typed at a terminal."""
        return False

    def readline(self) -> str:
        """The next line, decoded; `NianbaoError` naming the line when it is neither UTF-8 nor GB18030."""
        data = self._raw.readline()
        if not data:
            return ""
        self._line += 1
        if self._encoding is None and not data.isascii():
            self._encoding = self._choose(data)
        try:
            return data.decode(self._encoding or "ascii")
        except UnicodeDecodeError as err:
            name = "UTF-8" if self._encoding == "utf-8" else "GB18030（GBK）"
            raise NianbaoError(
                f"第 {self._line} 行不是 {name} 文本，而前面的行是：回答文件请整个存为 UTF-8 编码。"
            ) from err

    def _choose(self, data: bytes) -> str:
        for encoding in ("utf-8", "gb18030"):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if encoding == "gb18030":
                self._err.write("nianbao: 回答文件不是 UTF-8 编码，按 GB18030（GBK，记事本的「ANSI」）读取。\n")
                self._err.flush()
            return encoding
        raise NianbaoError(f"第 {self._line} 行既不是 UTF-8 也不是 GB18030（GBK）文本：回答文件请存为 UTF-8 编码。")


@dataclass(frozen=True)
class Entry:
    """One answer as read: its text and the input lines it came from (1-based)."""

    text: str
    first: int
    last: int
    closed: bool = True
    """False when the input ended inside a `\"\"\"` block."""

    @property
    def where(self) -> str:
        """「第 12 行」 or 「第 12–15 行」."""
        if self.first == self.last:
            return f"第 {self.first} 行"
        return f"第 {self.first}–{self.last} 行"


class Answers:
    """Reads answers from a stream: one per line, `\"\"\"` blocks, `#` comments skipped."""

    def __init__(self, stream: Lines, *, interactive: bool, out: TextIO) -> None:
        self._stream = stream
        self._interactive = interactive
        self._out = out
        self.line = 0
        """The number of the last line read."""

    def _read(self, prompt: str) -> str | None:
        if self._interactive:
            self._out.write(prompt)
            self._out.flush()
        try:
            raw = self._stream.readline()
        except UnicodeDecodeError as err:
            raise NianbaoError(f"第 {self.line + 1} 行附近不是 UTF-8 文本：回答文件请存为 UTF-8 编码。") from err
        if not raw:
            if self._interactive:
                self._out.write("\n")
            return None
        self.line += 1
        text = raw.rstrip("\n").rstrip("\r")
        return text.lstrip("\ufeff") if self.line == 1 else text

    def next(self) -> Entry | None:
        """Read the next answer; None at the end of input."""
        while True:
            text = self._read("› ")
            if text is None:
                return None
            if text.strip() == BLOCK:
                return self._block()
            if not text.lstrip().startswith("#"):
                return Entry(text, self.line, self.line)

    def _block(self) -> Entry:
        first = self.line
        if self._interactive:
            self._out.write(f"（多行回答：输入完毕后单独一行输入 {BLOCK} 结束）\n")
        lines: list[str] = []
        while True:
            text = self._read("… ")
            if text is None:
                return Entry("\n".join(lines), first, self.line, closed=False)
            if text.strip() == BLOCK:
                return Entry("\n".join(lines), first, self.line)
            lines.append(text)


class PlainSession:
    """One plain-mode conversation over a draft file."""

    def __init__(self, draft_path: Path, stdin: Lines, stdout: TextIO, stderr: TextIO, *, new: bool = False) -> None:
        self.path = draft_path
        self.new = new
        """Whether the clerk asked for this draft with `nianbao new` (an existing one only with --force)."""
        self.interactive = _isatty(stdin)
        self.out = stdout
        self.err = stderr
        self.answers = Answers(stdin, interactive=self.interactive, out=stdout)
        self.session = Session.open(draft_path, input_help=INPUT_HELP)
        self.interview = self.session.interview
        self._section: str | None = None

    def say(self, lines: list[str]) -> None:
        """Print lines of the conversation."""
        self.out.write("".join(line + "\n" for line in lines))
        self.out.flush()

    def show(self, turn: Turn) -> None:
        """Print what the assistant said, with a heading when the interview enters a new section."""
        last_flag = talk.last_flag(turn)
        for index, message in enumerate(turn.messages):
            question = self.interview.current
            if message.kind == "question" and question and question.section != self._section:
                self._section = question.section
                self.say(["", talk.heading(question)])
            self.say(talk.message_lines(message))
            if index == last_flag:
                self.say([talk.fix_hint(turn)])
            narrative = question is not None and question.kind == "narrative"
            if message.kind == "question" and self.interactive and narrative:
                self.say(["      " + NARRATIVE_HINT])

    def fail(self, text: str) -> int:
        """Stop with a message on stderr; what was answered is already on disk."""
        self.out.flush()
        self.err.write(f"nianbao: {text}\n")
        self.err.flush()
        return 1

    def run(self) -> int:
        """Converse until the input ends or /quit; see the module docstring for the exit status."""
        complete = self.interview.current is None
        self.show(self.session.start())
        while True:
            entry = self.answers.next()
            if entry is None:
                return self.finish()
            question = self.interview.current
            if complete and not self.new and not self.interactive and split_command(entry.text) is None:
                return self.refuse_replay()
            complete = False
            if not entry.closed:
                return self.fail(
                    f"从第 {entry.first} 行开始的多行回答（{BLOCK}）"
                    f"到输入结束（第 {entry.last} 行）也没有结束。"
                    f"当前问题：{talk.question_name(question)}。{self._kept()}"
                )
            if not self.interactive:
                self.say(talk.user_lines(entry.text))
            turn = self.session.submit(entry.text)
            self.show(turn)
            status = self.check(turn, entry, question)
            if status is not None:
                return status
            if turn.action == "quit":
                return 0

    def check(self, turn: Turn, entry: Entry, question: Question | None) -> int | None:
        """Stop a transcript at a refused answer or a failed save (exit status 1); else None."""
        if self.interactive:
            return None
        for message in turn.messages:
            if message.kind == "refusal":
                return self.fail(
                    f"{entry.where}的回答“{printable(entry.text.strip())}”未被采用。"
                    f"问题：{talk.question_name(question)}。原因：{printable(message.text)}"
                    f"{self._kept()}"
                )
            if message.kind == "error":
                return self.fail(f"{entry.where}：{message.text}")
        return None

    def refuse_replay(self) -> int:
        """Refuse answers replayed onto a draft whose every question is answered (exit status 2), as `new` does."""
        self.out.flush()
        where = shlex.quote(str(self.path))
        self.err.write(
            f"nianbao: 文件已存在：继续这个草稿请用 nianbao --draft {where}（它的问题都已回答：要修改某一题，"
            f"回答文件请以 /goto 开头；照样重放请用 nianbao new --draft {where} --force）\n"
        )
        self.err.flush()
        return 2

    def _kept(self) -> str:
        if self.path.exists():
            return f"此前的回答已保存在 {self.path}。"
        return "此前没有已采用的回答，草稿未创建。"

    def finish(self) -> int:
        """End of input: 0 when every question is answered, else 1 naming the open question."""
        question = self.interview.current
        if self.interactive or question is None:
            self.show(self.session.quit())
            return 0
        self.session.keep()
        return self.fail(
            f"输入在第 {self.answers.line} 行结束，但问题还没有回答完：当前问题 "
            f"{talk.question_name(question)}。{self._kept()}补上后续回答再运行同一命令即可接着回答："
            f"nianbao --draft {self.path} --ui plain < 后续回答.txt"
        )


def _isatty(stream: Lines) -> bool:
    try:
        return stream.isatty()
    except ValueError:
        return False


def _transcript(stdin: TextIO, err: TextIO) -> Lines:
    """Read a transcript by its bytes whatever the locale says (a leading BOM is dropped later)."""
    if isinstance(stdin, io.TextIOWrapper) and not _isatty(stdin):
        return Transcript(stdin.buffer, err)
    return stdin


def run(
    draft_path: Path,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    new: bool = False,
) -> int:
    """Run the plain-mode interview over the draft at `draft_path`; return the exit status."""
    err = stderr or sys.stderr
    session = PlainSession(draft_path, _transcript(stdin or sys.stdin, err), stdout or sys.stdout, err, new=new)
    return session.run()
