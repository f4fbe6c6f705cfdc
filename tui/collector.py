"""Provides `held_collection()`: modules imported without the garbage collector scanning them again and again.

Importing pydantic, the models and Textual makes a hundred thousand objects that live as long as the
process: classes, functions, validators, styles. The collector, run after every few hundred new objects,
scanned them again and again, about a sixth of the app's time to its first question. They are imported
with the collector held, then frozen (`gc.freeze`): never scanned again, as they would never be freed
anyway. The app holds the collector on until its first screen is drawn (`tui.app.app`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def held_collection() -> Iterator[None]:
    """No garbage collection inside; what was made is frozen after, and the collector is as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
