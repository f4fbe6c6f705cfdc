"""Provides tests that the command line speaks Chinese: help headings, usage errors, exit status 2."""

from __future__ import annotations

import argparse
import inspect
import re

import pytest

from tui.args import ARGPARSE_ZH, translate
from tui.cli import main

ENGLISH = re.compile(r"usage|error|argument|invalid|expected|required|unrecognized|choose from|options|show this")
"""Words of argparse's own English that must not reach the clerk."""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `nianbao ARGV` in this process; its exit status, stdout and stderr."""
    with pytest.raises(SystemExit) as ended:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(ended.value.code or 0), out, err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["frob"],
            "参数 命令：没有 'frob' 这一项（可选：'new', 'export', 'restore', 'check', 'merge', 'review', 'import'）",
        ),
        (["export"], "缺少参数：DRAFT"),
        (["check"], "缺少参数：FILE"),
        (["import", "r.pdf"], "缺少参数：-o/--output"),
        (["export", "d.json", "--format", "pdf"], "参数 --format：没有 'pdf' 这一项"),
        (["--ui", "web"], "参数 --ui：没有 'web' 这一项（可选：'app', 'line', 'plain'）"),
        (["export", "d.json", "extra"], "无法识别的参数：extra"),
        (["export", "d.json", "-o"], "参数 -o/--output：后面需要一个值"),
        (["check", "--colour", "d.json"], "无法识别的参数：--colour"),
        (["export", "d.json", "--f", "txt"], "选项 --f 不明确，可能是：--format, --force"),
    ],
)
def test_usage_errors_are_said_in_chinese_with_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    """A wrong command line prints 「用法：」 and one 「错误：」 line in Chinese, exit 2, nothing on stdout."""
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith("用法：nianbao") and "：错误：" in err and said in err, err
    assert not ENGLISH.search(err.lower()), err


@pytest.mark.parametrize("command", [[], ["new"], ["export"], ["check"], ["import"], ["restore"]])
def test_help_is_in_chinese(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """`nianbao [命令] --help` has Chinese headings: 用法、参数、选项, 「显示本帮助并退出」; exit 0."""
    status, out, err = run(capsys, *command, "--help")
    assert status == 0 and err == ""
    assert out.startswith("用法：nianbao") and "选项:" in out and re.search(r"-h, --help +显示本帮助并退出", out)
    assert not ENGLISH.search(out.lower()), out


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("expected one argument", "后面需要一个值"),
        ("expected 2 arguments", "后面需要 2 个值"),
        (
            "argument --ui: invalid choice: 'x' (choose from 'app', 'line')",
            "参数 --ui：没有 'x' 这一项（可选：'app', 'line'）",
        ),
        (
            "argument --ui: invalid choice: 'lin', maybe you meant 'line'? (choose from 'app', 'line')",
            "参数 --ui：没有 'lin' 这一项，是不是 'line'？（可选：'app', 'line'）",
        ),
        ("argument --year: invalid int value: 'x'", "参数 --year：'x' 不是有效的 int"),
        ("one of the arguments --a --b is required", "需要以下参数之一：--a --b"),
        ("a message argparse never had", "a message argparse never had"),
    ],
)
def test_argparse_messages_translate(english: str, chinese: str) -> None:
    """Each of argparse's messages, nested ones included, reads in Chinese; an unknown one is left alone."""
    assert translate(english) == chinese


def test_every_message_argparse_can_show_is_in_the_table() -> None:
    """No string argparse shows a user (as opposed to a programmer's mistake) is left in English."""
    source = inspect.getsource(argparse)
    shown = {m[1] for m in re.findall(r"_\((['\"])(.+?)\1\)", source)} | {
        "expected %s argument",
        "expected %s arguments",
    }
    for_programmers = re.compile(
        r"callable|__call__|conflict|dest=|subparser|merge actions|'required'|mutually|mode %r|parser_name"
    )
    missing = {s.replace("\\n", "\n") for s in shown if not for_programmers.search(s)} - set(ARGPARSE_ZH)
    assert not missing
