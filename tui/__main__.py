"""Provides `python -m tui`, the same as the `nianbao` command."""

from tui.cli import main

raise SystemExit(main())
