"""Provides tests of how typed answers are understood: digits of every width, Chinese numerals, rows, money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sections.interview.answers import parse_amount, parse_count, parse_counts, parse_yes_no
from sections.model.errors import AnswerError
from sections.model.labels import T3_APPLICANTS
from sections.model.text import clean_text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("１２", 12),
        ("1,234", 1234),
        ("1，234", 1234),
        ("十二", 12),
        ("一百零五", 105),
        ("两千零三", 2003),
        ("十", 10),
        ("无", 0),
        ("没有", 0),
        ("0", 0),
        (" 3件 ", 3),
        ("-1", -1),
        ("负1", -1),
        ("\x1b[31m7\x1b[0m", 7),
    ],
)
def test_counts_in_every_common_form(text: str, value: int) -> None:
    """A count typed as digits (any width, with 千分位), Chinese numerals or 「无」 is understood."""
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "没能看懂“abc”：请填写一个整数"),
        ("1.5", "“1.5”不是整数"),
        ("", "没能看懂"),
    ],
)
def test_bad_counts_are_refused_with_what_is_expected(text: str, message: str) -> None:
    """Anything else is refused with a message that says what is expected."""
    with pytest.raises(AnswerError) as err:
        parse_count(text)
    assert message in err.value.message


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("3 0 0 0 0 1", [3, 0, 0, 0, 0, 1]),
        ("3，0，0，0，0，1", [3, 0, 0, 0, 0, 1]),
        ("3、0、0、0、0、1", [3, 0, 0, 0, 0, 1]),
        ("３ ０ ０ ０ ０ １", [3, 0, 0, 0, 0, 1]),
        ("1,234 0 0 0 0 1", [1234, 0, 0, 0, 0, 1]),
        ("自然人3 其他1", [3, 0, 0, 0, 0, 1]),
        ("自然人：3，商业企业：2", [3, 2, 0, 0, 0, 0]),
        ("法律服务机构2", [0, 0, 0, 0, 2, 0]),
        ("无", [0, 0, 0, 0, 0, 0]),
    ],
)
def test_a_row_in_column_order_or_by_name(text: str, values: list[int]) -> None:
    """A table 三 row is six numbers in column order, or named columns with the rest zero."""
    assert parse_counts(text, T3_APPLICANTS) == values


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("3 0 0", "需要 6 个数"),
        ("公司3", "不认识“公司”"),
    ],
)
def test_bad_rows_are_refused(text: str, message: str) -> None:
    """A row with the wrong count of numbers or an unknown column name is refused, saying why."""
    with pytest.raises(AnswerError) as err:
        parse_counts(text, T3_APPLICANTS)
    assert message in err.value.message


@pytest.mark.parametrize(
    ("text", "amount", "note"),
    [
        ("12.3456", Decimal("12.3456"), ""),
        ("5000元", Decimal("0.5"), "已将 5000元 换算为 0.5万元。"),
        ("0.5万元", Decimal("0.5"), ""),
        ("无", Decimal(0), ""),
        ("１２.６", Decimal("12.6"), ""),
    ],
)
def test_money_in_wan_yuan(text: str, amount: Decimal, note: str) -> None:
    """A fee is taken in 万元; an amount in 元 is converted and the conversion said aloud."""
    assert parse_amount(text) == (amount, note)


@pytest.mark.parametrize(
    ("text", "value"), [("是", True), ("有", True), ("y", True), ("否", False), ("没有", False), ("n", False)]
)
def test_yes_and_no(text: str, value: bool) -> None:
    """是/有/y and 否/没有/n are understood."""
    assert parse_yes_no(text) is value


def test_pasted_text_loses_control_characters_but_keeps_paragraphs() -> None:
    """Pasted narrative keeps its paragraphs; CR, NUL and terminal escapes are removed."""
    assert clean_text("第一段\r\n\r\n第二段\x00\x1b]52;c;aGVsbG8=\x07完") == "第一段\n\n第二段完"


def test_one_number_means_one_number() -> None:
    """「1 2」 where one count is due is refused rather than read as 12."""
    with pytest.raises(AnswerError) as err:
        parse_count("1 2")
    assert "只需要一个数" in err.value.message


@pytest.mark.parametrize("text", ["0", "０", "无", "零"])
def test_a_lone_zero_is_a_row_of_zeros(text: str) -> None:
    """Typing 0 on a six-column row (e.g. 上年结转) records six zeros, as 「无」 does."""
    assert parse_counts(text, T3_APPLICANTS) == [0] * 6


def test_seven_numbers_with_a_right_total_are_taken() -> None:
    """A table 三 row copied with its 总计 (seven numbers) is accepted when the total is the sum."""
    assert parse_counts("3 0 0 0 0 1 4", T3_APPLICANTS, total=True) == [3, 0, 0, 0, 0, 1]


def test_seven_numbers_with_a_wrong_total_say_the_sum() -> None:
    """A row copied with a 总计 that is not the sum is refused, saying what the sum is."""
    with pytest.raises(AnswerError) as err:
        parse_counts("3 0 0 0 0 1 5", T3_APPLICANTS, total=True)
    assert "之和是 4" in err.value.message and "不是 5" in err.value.message


def test_seven_numbers_without_a_total_column_are_refused() -> None:
    """Where a row has no 总计, seven numbers are still too many."""
    with pytest.raises(AnswerError) as err:
        parse_counts("3 0 0 0 0 1 4", T3_APPLICANTS)
    assert "需要 6 个数" in err.value.message


def test_a_lone_number_on_a_row_says_how_to_write_it() -> None:
    """A bare 4 on a six-column row is refused with 「如果都是自然人，请写“自然人4”」."""
    with pytest.raises(AnswerError) as err:
        parse_counts("4", T3_APPLICANTS)
    assert "如果都是自然人，请写“自然人4”" in err.value.message
    assert parse_counts("自然人4", T3_APPLICANTS) == [4, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("text", ["0", "０", "无", "否"])
def test_zero_is_no_at_a_yes_no_gate(text: str) -> None:
    """To 「是否收到申请？」 a clerk may type 0 as well as 无 or 否."""
    assert parse_yes_no(text) is False
