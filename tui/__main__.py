"""Provides `python -m tui`, the same as the `nianbao` command."""

from tui.startup import main

raise SystemExit(main())
