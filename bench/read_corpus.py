"""Provides the reading benchmark: reports per second per core for reading and checking the corpus texts.

    python3 bench/read_corpus.py [--seconds 5] [--pdf] [--profile]

Start-up (imports, the first read) is left out. Each round does for every text report of tests/corpus
what `nianbao check --json` does: read it from its bytes, run every check, write its JSON line. Caches
that would remember a text between rounds are cleared, so a round costs what a batch of new reports
would. `--pdf` also times the PDFs, whose text extraction (pypdf) dominates and is reported apart;
`--profile` prints where a round's time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sections.output.export import figures  # noqa: E402
from sections.reading.files import file_text  # noqa: E402
from sections.reading.matching import bigrams  # noqa: E402
from sections.reading.reader import read_text  # noqa: E402
from sections.reading.rows import normalise  # noqa: E402
from sections.reading.structure import check_imported  # noqa: E402
from sections.reading.text import squash  # noqa: E402
from sections.rules import passages  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
TEXT_CACHES = (squash, normalise, bigrams, passages.squeeze, passages._sentences, passages._passages)
"""Caches keyed by a report's text: cleared before each round."""


def read_and_check(path: Path, data: bytes) -> int:
    """Read one report from its bytes, check it and write its JSON line, as `nianbao check --json`; its length."""
    reading = read_text(file_text(data, path), str(path))
    findings = check_imported(reading)
    line = {"file": str(path), "report": figures(reading.report), "findings": [f.to_json() for f in findings]}
    return len(json.dumps(line, ensure_ascii=False))


def rate(files: list[tuple[Path, bytes]], seconds: float) -> tuple[float, float, int]:
    """Reports per CPU second in the best and in the median round over `files`, and how many rounds ran.

    The best round is the figure least disturbed by other processes on the machine (as `timeit` advises).
    """
    rounds: list[float] = []
    while sum(rounds) < seconds or len(rounds) < 5:
        for cache in TEXT_CACHES:
            cache.cache_clear()
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
    parser.add_argument("--profile", action="store_true", help="print the functions a round spends most time in")
    args = parser.parse_args()
    texts = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
    files = [(p, p.read_bytes()) for p in texts]
    for path, data in files:
        read_and_check(path, data)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(rate, files, 1.0)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
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
