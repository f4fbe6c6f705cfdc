"""Provides `DraftLock`: one session per draft, held by the operating system so a dead session leaves none."""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from sections.model.errors import DraftError

if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


_TAKEN = frozenset({errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK})
"""What the system answers when another process holds the lock (Windows says EACCES or EDEADLOCK)."""

_HELD: dict[Path, int] = {}
"""The locks this process holds (their open lock files), by lock file: a draft opened again in the same
process is its own already."""


class DraftLock:
    """`.<draft>.lock`, locked by the operating system for as long as the session's process lives.

    The system lets go when the process ends, however it ends (window closed, crash, power cut), so no lock
    is ever stale and no process is probed: on Windows `os.kill(pid, 0)` would have ended the other window.
    Who holds the lock (machine, process, since when) is written beside it in `.<draft>.owner`, to be named
    in the message a second session gets.
    """

    def __init__(self, draft: Path) -> None:
        self.path = draft.with_name(f".{draft.name}.lock")
        self.owner = draft.with_name(f".{draft.name}.owner")
        self._draft = draft
        self._made: list[Path] = []
        """The folders the lock had to create for a draft in a folder that did not exist yet, deepest first."""
        self._key = Path(os.path.normcase(os.path.abspath(self.path)))  # D.json is d.json on Windows

    def acquire(self) -> None:
        """Take the lock, or raise `DraftError` saying who holds it."""
        if self._key in _HELD:
            return
        try:
            self._made = [folder for folder in self.path.parents if not folder.exists()]
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise DraftError(f"{self.path}：无法建立草稿锁（{err.strerror}）。") from err
        try:
            _lock(fd)
        except OSError as err:
            os.close(fd)
            if err.errno in _TAKEN:
                raise DraftError(self._held_elsewhere()) from None
            raise DraftError(f"{self.path}：无法建立草稿锁（{err.strerror}）。") from err
        _HELD[self._key] = fd
        me = {"host": socket.gethostname(), "pid": os.getpid(), "started": datetime.now().isoformat(timespec="seconds")}
        try:
            self.owner.write_text(json.dumps(me, ensure_ascii=False), encoding="utf-8")
        except OSError as err:
            self.release()
            raise DraftError(f"{self.owner}：无法建立草稿锁（{err.strerror}）。") from err

    def held(self) -> bool:
        """Whether this process holds the lock already (a session of its own has the draft open)."""
        return self._key in _HELD

    def release(self) -> None:
        """Give the lock up if this process holds it.

        Folders it created for a draft that was then never written are removed with the lock file, so that
        a refused or empty session leaves nothing behind.
        """
        fd = _HELD.pop(self._key, None)
        if fd is not None:
            self.owner.unlink(missing_ok=True)
            _unlock(fd)
            os.close(fd)
            if self._made and not self._draft.exists():
                self._remove_folders()

    def _remove_folders(self) -> None:
        """Remove the lock file and the folders made for it, as long as nothing else has been put there."""
        try:
            self.path.unlink(missing_ok=True)
            for folder in self._made:
                folder.rmdir()
        except OSError:
            pass  # something else is there now: it stays, and so does its folder

    def _held_elsewhere(self) -> str:
        """The refusal, naming the holder as it wrote itself down (a holder only just starting has not yet)."""
        try:
            owner = json.loads(self.owner.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            owner = None
        who = ""
        if isinstance(owner, dict):
            host = owner.get("host")
            where = "本机" if host == socket.gethostname() else f"另一台电脑 {host} "
            who = f"（{where}上的进程 {owner.get('pid')}，{owner.get('started', '?')} 开始）"
        return f"{self._draft}：草稿正在另一个窗口中编辑{who}。请先在那个窗口退出，再打开它。"
