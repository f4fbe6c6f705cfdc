"""Provides a folder of units' reports for the review tests: two units, one of them with last year's report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sections.output.review import Reviewed, review_folder

SAMPLES = Path(__file__).resolve().parent.parent / "sample_sessions"
TODAY = date(2026, 1, 10)
"""A fixed day: the county bureau's 2025 report is due in 21 days, the others are past their deadline."""
FOLDER = "各单位报告"


def make_folder(tmp_path: Path) -> Path:
    """白璧镇 2021, the county bureau's 2025 and 2024 drafts (2024 with other figures), and a file that is no report."""
    folder = tmp_path / FOLDER
    folder.mkdir()
    for name in ("baibi-2021.json", "county-bureau-2025.json"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    last = json.loads((SAMPLES / "county-bureau-2025.json").read_text(encoding="utf-8"))
    last["report"]["meta"]["year"] = 2024
    last["report"]["disclosure"]["permits"] = 1000
    (folder / "county-bureau-2024.json").write_text(json.dumps(last, ensure_ascii=False), encoding="utf-8")
    (folder / "notes.txt").write_text("会议纪要：下周一交材料。\n", encoding="utf-8")
    (folder / ".hidden.json").write_text("{", encoding="utf-8")
    return folder


def reviewed(tmp_path: Path) -> tuple[Path, list[Reviewed]]:
    """The folder and its review on the fixed day."""
    folder = make_folder(tmp_path)
    return folder, review_folder(folder, today=TODAY)
