"""Provides `python3 -m bench`, the same as `python3 bench/run.py`."""

from bench.run import main

raise SystemExit(main())
