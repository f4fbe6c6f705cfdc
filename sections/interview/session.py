"""Provides `Session`: one interview over one draft file, the only thing a front end drives.

A front end passes on what the clerk does (`submit` a line, `edit` grid cells, `export` from a dialog,
`quit`) and shows the `Turn` it gets back. Every command, answer, grid edit, export and quit is carried
out here, so the app, the line mode and the plain mode cannot drift apart. A front end with panes and
dialogs (the app) says so with `panes=True` and gets the actions it shows itself (preview, findings,
export dialog, grid); the others get those done here, in words.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from sections.interview.answers import parse_yes_no
from sections.interview.edits import CellEdit
from sections.interview.engine import Interview, split_command
from sections.interview.gaps import gaps_text, unanswered
from sections.interview.messages import Message, Turn
from sections.model.errors import AnswerError, ExportError
from sections.model.findings import errors
from sections.model.report import Report
from sections.output.export import ExportFormat, export
from sections.output.layout import Layout
from sections.output.rendering import render
from sections.store.drafts import Draft, save_draft
from sections.store.workspace import open_draft

NEEDS_APP = "按表格填写需要全屏界面（nianbao --ui app）。在这里请逐题回答，或用 /goto 三 修改表三。"


def settle() -> None:
    """Keep what start-up built (modules, templates, the draft, the screen) out of the garbage collector's way.

    Without it a full collection every few dozen answers walks the whole heap and stalls that answer by
    40–50 ms, three screen frames; frozen, a collection walks only what the answers allocated since.
    """
    gc.freeze()


class Session:
    """The interview over the draft at `path`: answers, commands, grid edits, export and quit."""

    def __init__(
        self,
        path: Path,
        draft: Draft,
        *,
        panes: bool = False,
        input_help: str = "",
        keep_empty: bool = False,
        today: date | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.path = path
        self.panes = panes
        """Whether the front end shows the preview, findings, export dialog and grid itself."""
        self.input_help = input_help
        """How to type in this front end, added to /help."""
        self.keep_empty = keep_empty
        """Whether quitting writes the draft even before any answer (the app's draft exists once opened)."""
        self.saved_at = draft.saved_at
        self._clock = clock
        self._confirming: Path | None = None
        self.interview = Interview(draft, save=self._save, today=today)

    @classmethod
    def open(cls, path: Path, *, panes: bool = False, input_help: str = "") -> Session:
        """A session over the draft at `path` (new when the file does not exist), locked for this process."""
        return cls(path, open_draft(path), panes=panes, input_help=input_help)

    @property
    def report(self) -> Report:
        """The report being written."""
        return self.interview.report

    @property
    def confirming(self) -> bool:
        """Whether the next line answers 「仍要导出吗？」 rather than the open question."""
        return self._confirming is not None

    def _save(self, draft: Draft) -> None:
        save_draft(self.path, draft)
        self.saved_at = self._clock()
        draft.cleaned.clear()  # the file now holds the cleaned text

    # What a front end passes on

    def start(self) -> Turn:
        """The greeting (or where a resumed draft stands) and the open question.

        Text left unsent when the clerk last quit is mentioned; the front end offers it back (`take_unsent`).
        """
        turn = self.interview.start()
        if kept := len(self.interview.state.unsent):
            said = f"上次退出时有 {kept} 处文字没有发送，已留在草稿里：回到那一题时会放回输入框。"
            turn.messages.insert(len(turn.messages) - 1, Message("info", said))
        settle()
        return turn

    def submit(self, text: str) -> Turn:
        """One line or block the clerk sent: an answer, a command, or the reply to a pending question."""
        if self._confirming is not None:
            return self._confirmed(text)
        turn = self.interview.submit(text)
        if (split_command(text) or ("",))[0] == "help" and self.input_help:
            turn.messages.append(Message("help", self.input_help))
        if turn.action == "quit":
            return self.quit(turn)
        if self.panes or turn.action is None:
            return turn
        action, turn.action = turn.action, None
        if action == "preview":
            turn.messages.append(Message("preview", self.preview()))
        elif action == "table":
            turn.messages.append(Message("refusal", NEEDS_APP))
        elif action == "export" and self._ask_before_export(turn):
            return turn
        turn.messages.append(self._resume())
        return turn

    def edit(self, edits: Sequence[CellEdit]) -> Turn:
        """Figures typed or pasted into a grid, taken like an answer (said, checked, saved, undoable)."""
        return self.interview.edit(edits)

    def export(
        self, target: Path, fmt: ExportFormat = "txt", layout: Layout = "tabs", *, force: bool = True
    ) -> Message:
        """Write the report to `target`; what to tell the clerk (an `error` message when it failed)."""
        try:
            export(self.report, target, fmt, layout, force=force)
        except ExportError as err:
            return Message("error", err.message)
        return Message("info", f"已导出：{target}")

    def preview(self) -> str:
        """The report as it stands, with aligned tables, for reading on screen."""
        return render(self.report, "txt", "grid")

    def quit(self, turn: Turn | None = None) -> Turn:
        """Save the draft, conversation included, and say where it is; the front end then leaves."""
        turn = turn or Turn()
        turn.action = "quit"
        if self.keep():
            turn.messages.append(
                Message("info", f"草稿已保存在 {self.path}。下次运行 nianbao --draft {self.path} 接着填写。")
            )
        else:
            turn.messages.append(Message("info", "还没有回答任何问题，没有保存草稿。再见。"))
        return turn

    def keep_unsent(self, typed: dict[str, str]) -> None:
        """Keep text typed and not sent, by question id, in the draft (written by `quit`), to offer it back."""
        self.interview.state.unsent = {question: text for question, text in typed.items() if text.strip()}

    def take_unsent(self) -> dict[str, str]:
        """The text left unsent last time, by question id, for the front end to put back; the draft forgets it."""
        kept, self.interview.state.unsent = self.interview.state.unsent, {}
        return kept

    def take_unsent_for(self, question_id: str) -> str | None:
        """The text left unsent last time for one question, to put back now; the draft keeps the others."""
        return self.interview.state.unsent.pop(question_id, None)

    def keep(self) -> bool:
        """Save the conversation when the draft is on disk (a draft with no answer is not created).

        A draft whose file needed cleaning is left as it was until the next answer: opening and closing it
        changes nothing.
        """
        if not self.path.exists() and not self.keep_empty:
            return False
        if self.interview.draft.cleaned:
            return True
        self.interview.save()
        return True

    # Exporting from a line of text

    def export_target(self) -> Path:
        """Where /export writes without a dialog: the draft's name with `.txt`, beside the draft."""
        return self.path.with_suffix(".txt")

    def export_doubts(self, target: Path) -> list[str]:
        """Reasons to think twice before exporting: questions unanswered, errors open, a file overwritten."""
        gaps = unanswered(self.interview)
        reasons = [gaps_text(gaps)] if gaps else []
        count = sum(1 for _ in errors(self.interview.findings))
        if count:
            reasons.append(f"还有 {count} 个错误没有处理（/findings 查看）。")
        if target.exists():
            reasons.append(f"{target} 已存在，导出会覆盖它。")
        return reasons

    def _ask_before_export(self, turn: Turn) -> bool:
        """Export now, or ask first (True: the next line is the reply)."""
        target = self.export_target()
        doubts = self.export_doubts(target)
        if not doubts:
            turn.messages.append(self.export(target))
            return False
        self._confirming = target
        turn.messages.append(Message("info", "\n".join(doubts) + "\n仍要导出吗？（是/否）"))
        return True

    def _confirmed(self, text: str) -> Turn:
        target, self._confirming = self._confirming, None
        assert target is not None
        turn = Turn()
        turn.messages.append(self.export(target) if is_yes(text) else Message("info", "未导出。"))
        turn.messages.append(self._resume())
        return turn

    def _resume(self) -> Message:
        """Remind the clerk of the open question after a preview, an export or the findings list."""
        question = self.interview.current
        if question is None:
            return Message("info", "所有问题都已回答。可以 /export 导出，或 /goto 修改。")
        return Message("info", "继续回答：" + question.first_line)


def is_yes(text: str) -> bool:
    """A reply to 「是否…？」: anything but a clear yes counts as no."""
    try:
        return parse_yes_no(text)
    except AnswerError:
        return False
