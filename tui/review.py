"""Provides `nianbao review FOLDER`: the reviewer's desk (the app), or its exports (--json, --xlsx, --html).

The exports never load Textual; the desk loads it only when it opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from sections.model.errors import ExportError, ReportImportError
from sections.model.findings import errors
from sections.output.export import figures, refuse_existing, write_file
from sections.output.review import REPORT_SUFFIXES, Reviewed, report_files, review_folder
from tui.args import Parser
from tui.streams import json_line
from tui.summary import Progress


def add_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    """The `review` command's arguments."""
    reviewer = commands.add_parser("review", help="审核一个文件夹里的全部年度报告（各单位的草稿或已发布的报告）")
    reviewer.add_argument("folder", type=Path, metavar="FOLDER", help="报告所在的文件夹")
    reviewer.add_argument(
        "--previous-folder", type=Path, metavar="DIR", help="上年报告所在的文件夹：与上年比较、核对文字重复（X5）"
    )
    reviewer.add_argument("--json", action="store_true", help="每份报告输出一行 JSON（与 check --json 相同）")
    reviewer.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="导出 Excel 审核表（每单位一行、问题清单）")
    reviewer.add_argument("--html", type=Path, metavar="OUT.html", help="导出网页审核表（含图表，单个文件，无需联网）")
    reviewer.add_argument("--force", action="store_true", help="覆盖已存在的 --xlsx / --html 文件")


def run(args: argparse.Namespace) -> int:
    """Open the desk, or write what was asked; exit 0, or as `check --json` does for --json."""
    folder: Path = args.folder
    for option, path, suffixes in (("--xlsx", args.xlsx, (".xlsx",)), ("--html", args.html, (".html", ".htm"))):
        if path is not None:
            if path.suffix.lower() not in suffixes:
                raise ExportError(f"{option} 的文件名应以 {' 或 '.join(suffixes)} 结尾，例如 审核表{suffixes[0]}。")
            refuse_existing(path, force=args.force)
    previous = _folder(args.previous_folder) if args.previous_folder else None
    total = len(report_files(_folder(folder))) + (len(report_files(previous)) if previous else 0)
    bar = Progress(total, sys.stderr)  # on a terminal only: reading dozens of PDFs takes a while

    def reading() -> list[Reviewed]:
        items = review_folder(folder, previous, progress=bar.step)
        bar.clear()
        return items

    if not args.json and args.xlsx is None and args.html is None:
        items = read_beside(reading, load_desk)
        from tui.app.review import run as run_desk  # loaded by load_desk

        return run_desk(folder, items)
    items = reading()
    if args.xlsx is not None:
        from sections.output.review_files import workbook  # late on purpose, as below

        write_file(args.xlsx, workbook(items))
        print(f"已导出：{args.xlsx}", file=sys.stderr)
    if args.html is not None:
        from sections.output.review_files import page  # late on purpose: Jinja2 only for the exports

        write_file(args.html, page(items, folder).encode("utf-8"))
        print(f"已导出：{args.html}", file=sys.stderr)
    return _json(items) if args.json else 0


def load_desk() -> None:
    """Load the desk's app (Textual)."""
    import tui.app.review  # noqa: F401 — late on purpose: Textual loads only for the desk


def read_beside(read: Callable[[], list[Reviewed]], meanwhile: Callable[[], None]) -> list[Reviewed]:
    """`read()` in a forked process while this one runs `meanwhile()` (loading Textual), where the system forks.

    Each is about a second of one core's work; on two cores the desk opens in the time of the longer. Without
    fork (Windows), or when the child fails, the folder is read here, where an error is then raised as usual.
    """
    import multiprocessing  # late on purpose: only the desk reads beside loading

    if "fork" not in multiprocessing.get_all_start_methods():
        meanwhile()
        return read()
    receive, send = multiprocessing.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(read())
        except BaseException:  # said by the parent, which reads the folder again
            os._exit(1)

    process = multiprocessing.get_context("fork").Process(target=child, daemon=True)
    process.start()
    send.close()
    meanwhile()
    try:
        items: list[Reviewed] = receive.recv()
    except EOFError:  # the child failed or was killed: read here, so that an error is said as usual
        items = read()
    process.join()
    return items


def _folder(path: Path) -> Path:
    """The folder to review, refused in one line when it is not one or holds no report."""
    if not path.is_dir():
        raise ReportImportError(f"{path}：不是文件夹。请给出报告所在的文件夹，例如 nianbao review 各单位报告/")
    if not report_files(path):
        kinds = " ".join(sorted(REPORT_SUFFIXES))
        raise ReportImportError(f"{path}：文件夹里没有可以审核的报告（{kinds}）。")
    return path


def _json(items: list[Reviewed]) -> int:
    """One line per file as `check --json` prints it, plus what the desk adds; the exit status of `check`."""
    status = 0
    for item in items:
        if item.report is None:
            json_line({"file": str(item.path), "error": {"message": item.error}})
            status = 2
            continue
        if any(errors(item.findings)):
            status = max(status, 1)
        review = {"deadline_days": item.days, "repeated_share": item.share, "units": list(item.units)}
        json_line(
            {
                "file": str(item.path),
                "report": figures(item.report),
                "findings": [f.to_json() for f in item.findings],
                "review": review,
            }
        )
    return status
