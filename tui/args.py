"""Provides `Parser`, the command line's argparse parser in Chinese: usage, help headings and usage errors.

argparse writes its own strings in English, looked up through `gettext`, which finds a translation only in
compiled catalogues chosen by the locale (none on Windows). Instead of a catalogue, the table below maps each
of argparse's strings (its msgids) to Chinese: the headings are set from it, and a usage error, already
formatted in English, is matched against the msgids and said again in Chinese. Exit status 2, as argparse's.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "没有 %(value)r 这一项，是不是 %(closest)r？（可选：%(choices)s）"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": "没有 %(value)r 这一项（可选：%(choices)s）",
    "expected one argument": "后面需要一个值",
    "expected at least one argument": "后面至少需要一个值",
    "expected at most one argument": "后面最多只能有一个值",
    "expected %s argument": "后面需要 %s 个值",
    "expected %s arguments": "后面需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "ignored explicit argument %r": "不接受值 %r",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的 %(type)s",
    "not allowed with argument %s": "不能与 %s 同时使用",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开 '%(filename)s'：%(error)s",
}
"""argparse's own strings, as it passes them to gettext, and what the user reads instead."""

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _names(msgid: str) -> list[str]:
    """The placeholders of a msgid in order: `%(name)s` by name, a bare `%s` by position."""
    return [m.group(1) or str(i) for i, m in enumerate(_PLACEHOLDER.finditer(msgid))]


def _pattern(msgid: str) -> re.Pattern[str]:
    """A pattern matching the msgid once formatted, capturing each placeholder's text."""
    regex, position = "", 0
    for name, match in zip(_names(msgid), _PLACEHOLDER.finditer(msgid), strict=True):
        regex += re.escape(msgid[position : match.start()]) + f"(?P<p_{name}>.+?)"
        position = match.end()
    return re.compile(regex + re.escape(msgid[position:]) + r"\Z", re.DOTALL)


_PATTERNS = [(_pattern(msgid), zh) for msgid, zh in ARGPARSE_ZH.items()]
"""In the table's order, so that 「expected one argument」 is found before 「expected %s argument」."""


def translate(message: str) -> str:
    """Argparse's English message in Chinese; a message it does not know is left as it is."""
    for pattern, zh in _PATTERNS:
        match = pattern.match(message)
        if match is None:
            continue
        values = {key.removeprefix("p_"): text for key, text in match.groupdict().items()}
        if "message" in values:
            values["message"] = translate(values["message"])
        return _fill(zh, values)
    return message


def _fill(template: str, values: dict[str, str]) -> str:
    """The template with each placeholder replaced by the text captured for it (already formatted)."""
    names = iter(_names(template))
    return _PLACEHOLDER.sub(lambda _: values[next(names)], template)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with the Chinese 「用法：」."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """The usage line, headed 「用法：」."""
        super().add_usage(usage, actions, groups, ARGPARSE_ZH["usage: "] if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An `ArgumentParser` whose help and usage errors are in Chinese; its sub-command parsers are too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = ARGPARSE_ZH["positional arguments"]
        self._optionals.title = ARGPARSE_ZH["options"]
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=ARGPARSE_ZH["show this help message and exit"],
        )

    def error(self, message: str) -> NoReturn:
        """Print the usage and the error in Chinese on stderr; exit 2."""
        self.print_usage(sys.stderr)
        self.exit(2, ARGPARSE_ZH["%(prog)s: error: %(message)s\n"] % {"prog": self.prog, "message": translate(message)})
