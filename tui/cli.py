"""Provides `main()`, the `nianbao` command: the interview (app, line or plain mode) and the commands.

Nothing here imports Textual or prompt_toolkit at module level: `check`, `export`, `import` stay fast.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import get_args

from sections.model.errors import DraftError, ExportError, NianbaoError
from sections.model.findings import Finding, Severity, errors
from sections.model.labels import SECTION_HEADINGS, SECTION_NUMERALS
from sections.model.meta import Level
from sections.model.report import Report
from sections.model.text import printable
from sections.output.export import (
    ENCODINGS,
    EXPORT_FORMATS,
    NEWLINES,
    SUFFIXES,
    ExportFormat,
    export,
    export_bytes,
    export_format,
    figures,
)
from sections.output.layout import LAYOUTS
from sections.rules.registry import cross_year
from sections.store.drafts import Draft, load_draft
from sections.store.workspace import import_report, load, restore_backup
from tui import review, streams
from tui.args import Parser
from tui.merging import Units, add_merge, against_units, run_merge, units_line
from tui.streams import json_line
from tui.summary import Checked, Progress, summary

UIS = ("app", "line", "plain")
PIPE_CLOSED = 141  # 128 + SIGPIPE: what a shell reports for a command whose reader went away


def _parser() -> argparse.ArgumentParser:
    parser = Parser(prog="nianbao", description="政府信息公开工作年度报告助手：对话式填写、核对勾稽关系、导出报告。")
    parser.add_argument("--draft", type=Path, help="草稿文件路径（不存在则新建）")
    parser.add_argument("--ui", choices=UIS, help="界面：app 全屏（默认）、line 行模式、plain 纯文本（脚本）")
    commands = parser.add_subparsers(dest="command", metavar="命令")

    new = commands.add_parser("new", help="开始一份新报告")
    new.add_argument("--draft", type=Path, dest="new_draft", help="新草稿的路径")
    new.add_argument("--ui", choices=UIS, dest="new_ui")
    new.add_argument(
        "--from",
        type=Path,
        dest="previous",
        metavar="LAST",
        help="上年的草稿或已发布的报告：沿用机关信息、联系方式、导语，上年结转取自上年结转下年度",
    )
    new.add_argument("--force", action="store_true", help="--draft 指向已有草稿时照样打开它（不加则拒绝）")

    exporter = commands.add_parser("export", help="把草稿导出为报告（文本、Markdown、网页或 Word）")
    exporter.add_argument("draft_file", type=Path, metavar="DRAFT")
    exporter.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=f"输出文件，格式由后缀决定（{' '.join(SUFFIXES)}）；缺省或 - 时打印到屏幕",
    )
    exporter.add_argument(
        "--format",
        choices=list(EXPORT_FORMATS),
        help="、".join(EXPORT_FORMATS.values()) + "：打印到屏幕时默认 txt；写文件时按后缀，无须指定（Word 须用 -o）",
    )
    exporter.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="tabs",
        help="表格排版：tabs 制表符分隔（默认，可粘贴进 Word/WPS 转为表格）；grid 等宽对齐",
    )
    exporter.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="utf-8",
        help="txt/md 的编码：utf-8（默认）或 gb18030（供旧版 Windows 软件使用）",
    )
    exporter.add_argument(
        "--newline", choices=NEWLINES, default="lf", help="txt/md 的换行符：lf（默认）或 crlf（Windows 记事本等）"
    )
    exporter.add_argument("--force", action="store_true", help="覆盖已存在的输出文件；草稿还有没回答的问题时也照样导出")

    restorer = commands.add_parser("restore", help="用上一次保存的备份（.bak）恢复损坏的草稿")
    restorer.add_argument("draft_file", type=Path, metavar="DRAFT")

    checker = commands.add_parser("check", help="核对草稿或已发布的年度报告（txt/md/html/docx/pdf）")
    checker.add_argument("files", type=Path, nargs="+", metavar="FILE")
    checker.add_argument("--json", action="store_true", help="每个文件输出一行 JSON（JSON Lines）")
    checker.add_argument(
        "--previous",
        type=Path,
        metavar="LAST",
        help="上年的草稿或报告：同时核对跨年度规则（上年结转、现行有效件数、文字重复）",
    )
    checker.add_argument(
        "--units",
        type=Path,
        nargs="+",
        metavar="UNIT",
        help="各单位的草稿或报告（或所在文件夹）：核对本级报告的每个数字是否等于各单位之和（U1）",
    )
    add_merge(commands, get_args(Level))
    review.add_parser(commands)

    importer = commands.add_parser("import", help="把已发布的年度报告转为草稿，可继续对话修改")
    importer.add_argument("report_file", type=Path, metavar="REPORT")
    importer.add_argument("-o", "--output", type=Path, required=True, metavar="DRAFT", help="草稿文件")
    importer.add_argument("--force", action="store_true", help="覆盖已存在的草稿")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0 fine, 1 error findings, 2 unusable input)."""
    for stream in (sys.stdout, sys.stderr):
        streams.survive(stream)  # a GBK or ASCII console or redirect gets look-alikes, never a crash
    args = _parser().parse_args(argv)
    try:
        status = _run(args)
        sys.stdout.flush()  # a closed pipe is met here, not in the flush at exit where it cannot be caught
        return status
    except NianbaoError as err:
        print(f"nianbao: {printable(err.message)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _pipe_closed()


def _run(args: argparse.Namespace) -> int:
    if args.command == "export":
        return _export(args)
    if args.command == "check":
        return _check(args.files, as_json=args.json, previous=args.previous, units=args.units)
    if args.command == "merge":
        return run_merge(args)
    if args.command == "review":
        return review.run(args)
    if args.command == "import":
        return _import(args)
    if args.command == "restore":
        kept = restore_backup(args.draft_file)
        print(
            f"已用备份恢复 {args.draft_file}" + (f"；原来的文件另存为 {kept.name}。" if kept else "。"),
            file=sys.stderr,
        )
        return 0
    draft = args.new_draft if args.command == "new" else args.draft
    if args.command == "new" and draft is not None and draft.exists() and not args.force:
        raise DraftError(f"文件已存在：继续这个草稿请用 nianbao --draft {shlex.quote(str(draft))}")
    ui = (args.new_ui if args.command == "new" else None) or args.ui
    from tui.launch import interview  # late on purpose: check and export never load a front end

    previous = args.previous if args.command == "new" else None
    return interview(draft, ui, new=args.command == "new", previous=previous)


def _pipe_closed() -> int:
    """End quietly after the reader of standard output went away (`nianbao check … | head -1`)."""
    # Python flushes stdout again at exit; pointing it at devnull keeps that flush from a second traceback
    try:
        out = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (a test's StringIO): nothing is flushed at exit
        return PIPE_CLOSED
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, out)
    os.close(devnull)
    return PIPE_CLOSED


def _export(args: argparse.Namespace) -> int:
    to_screen = args.output is None or str(args.output) == "-"
    if not to_screen:
        export_format(args.output, args.format)  # a file name we cannot write is refused before any reading
    draft = load_draft(args.draft_file)
    report = draft.report
    if not _complete_enough(args.draft_file, draft, force=args.force):
        return 1
    options = {"encoding": args.encoding, "newline": args.newline}
    if to_screen:
        fmt: ExportFormat = args.format or "txt"
        if fmt == "docx":
            raise ExportError("Word 文件不能打印到屏幕，请用 -o 指定输出文件，例如 -o 年度报告.docx。")
        data = export_bytes(report, fmt, args.layout, **options)
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return 0
    export(report, args.output, args.format, args.layout, force=args.force, **options)
    print(f"已导出：{args.output}", file=sys.stderr)
    return 0


def _complete_enough(path: Path, draft: Draft, *, force: bool) -> bool:
    """Say on stderr what the draft has not answered yet; without `force`, an incomplete draft is not exported."""
    from sections.interview.gaps import draft_gaps, gaps_text  # late on purpose: `check` never loads the interview

    gaps = draft_gaps(draft)
    if not gaps:
        return True
    print(gaps_text(gaps), file=sys.stderr)
    if force:
        print("（已按 --force 照样导出。）", file=sys.stderr)
        return True
    resume = f"nianbao --draft {shlex.quote(str(path))}"
    print(f"未导出：请先补填（{resume} 接着回答），或加 --force 照样导出。", file=sys.stderr)
    return False


def _check(files: list[Path], *, as_json: bool, previous: Path | None = None, units: list[Path] | None = None) -> int:

    last_year = load(previous)[0] if previous is not None else None
    unit_reports = Units(units) if units is not None else None
    status, checked = 0, []
    keep = len(files) > 1 and not as_json  # only the summary table needs a row per file
    progress = Progress(len(files), sys.stderr)
    for done, path in enumerate(files):
        progress.step(done, path)
        try:
            report, findings = load(path)
        except NianbaoError as err:
            progress.clear()
            print(f"nianbao: {printable(err.message)}", file=sys.stderr)
            status = 2
            checked += [Checked(path, None)] if keep else []
            if as_json:  # one line per file always, so a script can tell which file failed
                json_line({"file": str(path), "error": {"message": err.message}})
            continue
        progress.clear()
        if last_year is not None:
            findings = findings + cross_year(report, last_year)
        if unit_reports is not None:
            findings = findings + against_units(path, report, unit_reports)
        checked += [Checked(path, report, findings)] if keep else []
        if any(errors(findings)):
            status = max(status, 1)
        if as_json:
            json_line({"file": str(path), "report": figures(report), "findings": [f.to_json() for f in findings]})
        else:
            print(printable(describe(path, report, findings)), flush=True)  # whatever the file held
            if unit_reports is not None:
                print(units_line(unit_reports, findings), flush=True)
    progress.clear()
    if keep:
        print("\n" + printable(summary(checked)))
    return status


def _import(args: argparse.Namespace) -> int:

    report, findings = import_report(args.report_file, args.output, force=args.force)
    unread = [f for f in findings if f.rule in ("R1", "R2")]
    print(f"已导入：{args.report_file} → {args.output}（{report.meta.title}）", file=sys.stderr)
    for finding in unread:
        print(f"  [{finding.severity.label}] {finding.rule} {finding.where}：{finding.message}", file=sys.stderr)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    print(
        f"共 {counts[Severity.ERROR]} 个错误、{counts[Severity.WARNING]} 个提醒"
        f"{f'，{len(unread)} 处未能读出，{_refill(report)}' if unread else ''}；"
        f"详情：nianbao check {args.output}",
        file=sys.stderr,
    )
    return 0


def _refill(report: Report) -> str:
    """What happens to figures the reader could not read, said honestly for the 2019/2020 format too."""
    if report.disclosure.trial is not None:
        return "对话按 2021 年格式提问，2019/2020 年试行格式的表二不会在对话中补填"
    return "对话时会请您补填"


def describe(path: Path, report: Report, findings: list[Finding]) -> str:
    """Findings for a person: a summary line, then the findings grouped by section."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    title = report.meta.title
    lines = [
        f"{path}：{title}",
        f"  {counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个提醒，{counts[Severity.INFO]} 个提示",
    ]
    names = {"基本信息": "基本信息", **dict(zip(SECTION_NUMERALS, SECTION_HEADINGS, strict=True))}
    for section, heading in names.items():
        group = [f for f in findings if f.section == section]
        if group:
            lines.append(f"  {heading}")
        for finding in group:
            lines.append(f"    [{finding.severity.label}] {finding.rule} {finding.where}：{finding.message}")
            if finding.hint:
                lines.append(f"        → {finding.hint}")
    return "\n".join(lines)
