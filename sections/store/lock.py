"""Provides `DraftLock`: one session per draft, with a lock file that a dead session cannot leave behind."""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timedelta
from pathlib import Path

from sections.model.errors import DraftError

FOREIGN_HOST_STALE = timedelta(hours=12)
"""A lock taken on another machine (a shared folder) is considered abandoned after this long."""


class DraftLock:
    """`<draft>.lock` holding the owner's host, pid and start time; re-entrant within one process."""

    def __init__(self, draft: Path) -> None:
        self.path = draft.with_name(draft.name + ".lock")

    def acquire(self) -> None:
        """Take the lock, or raise `DraftError` saying who holds it; a stale lock is taken over."""
        owner = self._owner()
        if owner is not None and not self._stale(owner) and not self._mine(owner):
            started = owner.get("started", "?")
            raise DraftError(
                f"{self.path.with_suffix('')}：草稿正在另一个窗口中编辑（{owner.get('host')} 上的进程 "
                f"{owner.get('pid')}，{started} 开始）。请先在那个窗口退出；如确认它已关闭，"
                f"删除 {self.path.name} 后再打开。"
            )
        me = {"host": socket.gethostname(), "pid": os.getpid(), "started": datetime.now().isoformat(timespec="seconds")}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(me), encoding="utf-8")
        except OSError as err:
            raise DraftError(f"{self.path}：无法建立草稿锁（{err.strerror}）。") from err

    def release(self) -> None:
        """Give the lock up if this process holds it."""
        owner = self._owner()
        if owner is not None and self._mine(owner):
            self.path.unlink(missing_ok=True)

    def _owner(self) -> dict[str, object] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @staticmethod
    def _mine(owner: dict[str, object]) -> bool:
        return owner.get("host") == socket.gethostname() and owner.get("pid") == os.getpid()

    @staticmethod
    def _stale(owner: dict[str, object]) -> bool:
        pid = owner.get("pid")
        if not isinstance(pid, int) or owner.get("host") != socket.gethostname():
            started = owner.get("started")
            try:
                age = datetime.now() - datetime.fromisoformat(str(started))
            except ValueError:
                return True
            return age > FOREIGN_HOST_STALE
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
