"""Provides the parsers that turn a clerk's typed answer into figures, or an `AnswerError` saying why not."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from sections.model.errors import AnswerError
from sections.model.text import chinese_number, normalise

ZERO_WORDS = frozenset({"无", "没有", "零", "〇", "暂无", "否", "none", "no"})
YES_WORDS = frozenset({"是", "有", "y", "yes", "是的", "对", "确认", "好", "收到", "有的"})
NO_WORDS = frozenset({"否", "没有", "无", "n", "no", "不是", "未", "没", "不", "暂无", "未收到", "0"})
"""「0」 too: to 「是否收到申请」 a clerk types 0 as readily as 无."""

_COUNT_SUFFIX = re.compile(r"(件|个|项|次|份|条|起|宗)$")


def parse_count(text: str) -> int:
    """A whole number of things: 12, １２, 1,234, 十二, 一百零五, 无 → 0; negatives are kept (C2 flags them)."""
    value = _COUNT_SUFFIX.sub("", normalise(text).lower())
    if re.search(r"\d\s+\d", value):
        raise AnswerError(f"这里只需要一个数，您填的是“{text.strip()}”：请只填一个整数，如 3。")
    value = value.replace(" ", "")
    if value in ZERO_WORDS:
        return 0
    sign = -1 if value[:1] in ("-", "负") else 1
    body = value[1:] if value[:1] in ("-", "负", "+") else value
    if re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", body):
        return sign * int(body.replace(",", ""))
    spoken = chinese_number(body)
    if spoken is not None:
        return sign * spoken
    if re.fullmatch(r"\d+\.\d+", body):
        raise AnswerError(f"“{text.strip()}”不是整数：件数只能是整数，如 3。")
    raise AnswerError(f"没能看懂“{text.strip()}”：请填写一个整数（如 3、１２、1,234、十二），没有请填 0 或“无”。")


def split_numbers(text: str, expected: int) -> list[str]:
    """Split 「3 0 0」, 「3，0，0」, 「3、0、0」 into parts; 「1,234」 stays one number."""
    value = normalise(text)
    if re.search(r"[\s、;；/|]", value):
        return [p for p in re.split(r"[\s、;；/|]+", value) if p]
    parts = value.split(",")
    if len(parts) == expected or not re.fullmatch(r"\d{1,3}(,\d{3})+", value):
        return [p for p in parts if p]
    return [value]


def parse_counts(text: str, names: tuple[str, ...], *, total: bool = False) -> list[int]:
    """Several counts in a given order (「3 0 0 0 0 1」), or by name (「自然人3 其他1」, the rest 0).

    A lone 0 (like 「无」) is a row of zeros; with `total`, one more number at the end is the row's 总计,
    taken when it is the sum and refused, saying the sum, when it is not.
    """
    value = normalise(text)
    if value.lower() in ZERO_WORDS:
        return [0] * len(names)
    if re.search(r"[^\d\s,、;；/|.\-+负零〇一二两三四五六七八九十百千万件个项]", value):
        return _parse_named(value, names)
    parts = split_numbers(value, len(names))
    if len(parts) == 1 and len(names) > 1:
        lone = parse_count(parts[0])
        if lone == 0:
            return [0] * len(names)
        example = " ".join([str(lone)] + ["0"] * (len(names) - 1))
        raise AnswerError(
            f"这一行需要 {len(names)} 个数（{'、'.join(names)}），您只填了一个 {lone}。"
            f"如果都是{names[0]}，请写“{names[0]}{lone}”；否则请按顺序填写 {len(names)} 个数，如“{example}”，"
            f"或只写有数的列，如“{names[0]}{lone} {names[-1]}1”。"
        )
    if total and len(parts) == len(names) + 1:
        values = [parse_count(p) for p in parts]
        given, counted = values[-1], sum(values[:-1])
        if given != counted:
            raise AnswerError(
                f"您填了 {len(parts)} 个数，最后一个按总计理解：前 {len(names)} 个数之和是 {counted}，"
                f"不是 {given}。请核对后重填；总计由程序计算，只填前 {len(names)} 个数即可。"
            )
        return values[:-1]
    if len(parts) != len(names):
        example = " ".join(["0"] * len(names))
        raise AnswerError(
            f"需要 {len(names)} 个数（{'、'.join(names)}），您填了 {len(parts)} 个。请按顺序用空格隔开，如“{example}”。"
        )
    return [parse_count(p) for p in parts]


def _parse_named(value: str, names: tuple[str, ...]) -> list[int]:
    result = [0] * len(names)
    found = False
    number = r"[-负]?(?:\d{1,3}(?:,\d{3})+|\d+)|[零〇一二两三四五六七八九十百千万]+"
    pattern = rf"([^\d\s,、;；:：=\-+负]+)\s*[:：=]?\s*({number})"
    for match in re.finditer(pattern, value):
        word, number = match.group(1), match.group(2)
        index = _name_index(word, names)
        if index is None:
            raise AnswerError(f"不认识“{word}”：可用的名称是 {'、'.join(names)}。如“{names[0]}3 {names[-1]}1”。")
        result[index] = parse_count(number)
        found = True
    if not found:
        raise AnswerError(
            f"没能看懂“{value}”：请按顺序填 {len(names)} 个数（{'、'.join(names)}），或写成“{names[0]}3 {names[-1]}1”。"
        )
    return result


def _name_index(word: str, names: tuple[str, ...]) -> int | None:
    for index, name in enumerate(names):
        if word == name or (len(word) >= 2 and (word in name or name in word)):
            return index
    return None


def parse_amount(text: str, unit: str = "万元") -> tuple[Decimal, str]:
    """An amount in 万元 (or 元 for `unit="元"`), and a note when a unit was converted; 无 → 0."""
    value = normalise(text).replace(" ", "").replace(",", "")
    if value.lower() in ZERO_WORDS:
        return Decimal(0), ""
    match = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)(万元|万|元)?", value)
    if match is None:
        raise AnswerError(
            f"没能看懂金额“{text.strip()}”：请填写数字，单位为{unit}，如 12.3456；按元填写请在数字后加“元”，如 5000元。"
        )
    try:
        amount = Decimal(match.group(1))
    except InvalidOperation as err:
        raise AnswerError(f"金额“{text.strip()}”无法识别。") from err
    given = match.group(2) or unit
    given = "万元" if given == "万" else given
    if given == unit:
        return amount, ""
    converted = amount / 10000 if unit == "万元" else amount * 10000
    converted = converted.normalize() if converted != converted.to_integral() else converted.quantize(Decimal(1))
    return converted, f"已将 {amount}{given} 换算为 {converted}{unit}。"


def parse_yes_no(text: str) -> bool:
    """是/有/y → True, 否/没有/无/0/n → False."""
    value = normalise(text).lower().rstrip("。.!！")
    if value in YES_WORDS:
        return True
    if value in NO_WORDS:
        return False
    raise AnswerError(f"请回答“是”或“否”（也可以用 有/没有、y/n），您填的是“{text.strip()}”。")
