"""Provides `main()`, the `nianbao` command's entry point: the command's modules imported with the collector held."""

from __future__ import annotations

from tui.collector import held_collection


def main() -> int:
    """Run `nianbao`, its modules imported with the garbage collector held (`tui.collector`)."""
    with held_collection():
        from tui.cli import main as run  # late on purpose: imported with the collector held

    return run()
