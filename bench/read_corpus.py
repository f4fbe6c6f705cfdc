"""Provides the reading benchmark: reports per second per core for reading and checking the corpus texts.

    python3 bench/read_corpus.py [--seconds 5] [--pdf]

Start-up (imports, the first read) is left out. Each round reads every text report of tests/corpus from
its bytes and runs every check on it, as `nianbao check` does; caches that would remember a text
between rounds are cleared, so a round costs what a batch of new reports would. `--pdf` also times the
PDFs, whose text extraction (pypdf) dominates and is reported apart.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sections.reading.files import file_text  # noqa: E402
from sections.reading.reader import read_text  # noqa: E402
from sections.reading.structure import check_imported  # noqa: E402
from sections.reading.text import squash  # noqa: E402
from sections.rules.narrative import squeeze  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def read_and_check(path: Path, data: bytes) -> int:
    """Read one report from its bytes and check it; the number of findings."""
    return len(check_imported(read_text(file_text(data, path), str(path))))


def rate(files: list[tuple[Path, bytes]], seconds: float) -> tuple[float, float, int]:
    """Reports per CPU second in the best and in the median round over `files`, and how many rounds ran.

    The best round is the figure least disturbed by other processes on the machine (as `timeit` advises).
    """
    rounds: list[float] = []
    while sum(rounds) < seconds or len(rounds) < 5:
        squash.cache_clear()
        squeeze.cache_clear()
        start = time.process_time()
        for path, data in files:
            read_and_check(path, data)
        rounds.append(time.process_time() - start)
    rounds.sort()
    return len(files) / rounds[0], len(files) / rounds[len(rounds) // 2], len(rounds)


def main() -> None:
    """Print the rate for the texts (and with --pdf for the PDFs)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="CPU seconds to measure (default 5)")
    parser.add_argument("--pdf", action="store_true", help="also time the PDF files")
    args = parser.parse_args()
    texts = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
    files = [(p, p.read_bytes()) for p in texts]
    for path, data in files:
        read_and_check(path, data)
    best, median, count = rate(files, args.seconds)
    print(
        f"{best:.0f} reports/second/core (best round; median {median:.0f})  "
        f"texts: {len(files)} files x {count} rounds, CPU time of one process, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    if args.pdf:
        pdfs = [(p, p.read_bytes()) for p in sorted(CORPUS.glob("*.pdf"))]
        best, median, count = rate(pdfs, args.seconds)
        print(
            f"{best:.1f} reports/second/core (best round; median {median:.1f})  "
            f"PDFs: {len(pdfs)} files x {count} rounds"
        )


if __name__ == "__main__":
    main()
