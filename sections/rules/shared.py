"""Provides `shared`: what several rules read off a report, worked out once while `check` runs them all.

The rules of one check read a report that does not change meanwhile, so a view of it that several of
them need (the narrative's passages, table 三's totals) is worked out by the first and kept for the
others until the check ends. A rule run on its own, or on another report (last year's), works it out
afresh, as `every_reading` needs when it changes an open row between two runs of the same rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar, cast

from sections.model.report import Report

View = TypeVar("View")

_CHECKING: ContextVar[tuple[Report, dict[Callable[[Report], Any], Any]] | None] = ContextVar("checking", default=None)
"""The report being checked and the views of it worked out so far; None outside `checking`."""


@contextmanager
def checking(report: Report) -> Iterator[None]:
    """While every rule runs on `report`: `shared` keeps each view of it it works out."""
    token = _CHECKING.set((report, {}))
    try:
        yield
    finally:
        _CHECKING.reset(token)


def shared(view: Callable[[Report], View], report: Report) -> View:
    """`view(report)`, worked out once while `report` is being checked, afresh otherwise."""
    current = _CHECKING.get()
    if current is None or current[0] is not report:
        return view(report)
    checked, views = current
    if view not in views:
        views[view] = view(checked)
    return cast(View, views[view])
