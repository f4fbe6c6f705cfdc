"""Tests that a PDF's blank table cells stay blank in their own columns, read from where the figures stand."""

from __future__ import annotations

import random
from pathlib import Path

from sections.reading.files import file_text
from sections.reading.pdf_columns import Placed, with_blanks
from sections.reading.reader import read_text
from sections.reading.structure import check_imported

from .generated_reports import known
from .pdf_pages import pdf_bytes
from .report_layouts import pdf_file


def test_a_blank_cell_in_a_pdf_table_is_read_as_blank_in_its_own_column() -> None:
    """「规章 1 _ 11」 and a table 三 row missing its 商业企业 cell: the figures after the blank stay where they are."""
    truth = known()
    truth.table2["规章"] = [1, "", 11]
    truth.table3["new"][1] = ""
    data, _ = pdf_file(truth, random.Random(0))
    reading = read_text(file_text(data, Path("report.pdf")))
    assert reading.report.disclosure.rules == [1, "", 11]
    assert reading.report.requests.rows["new"] == [10, "", 19, 35, 27, 27, 140]
    messages = [f.message for f in check_imported(reading) if f.rule == "C1"]
    assert "表二有 1 处不是数字：表二 规章 本年废止件数（空白）。" in messages
    assert "表三有 1 处不是数字：一、本年新收政府信息公开申请数量 商业企业（空白）。" in messages


def test_figures_that_stand_under_no_single_column_are_left_as_printed() -> None:
    """A short row whose figures fall between the columns of the row above is not guessed into them."""
    rows = [
        [(72.0, 700.0, 9.0, "规章"), (200.0, 700.0, 9.0, "1"), (260.0, 700.0, 9.0, "0"), (320.0, 700.0, 9.0, "11")],
        [(72.0, 686.0, 9.0, "行政规范性文件"), (230.0, 686.0, 9.0, "8"), (320.0, 686.0, 9.0, "66")],
    ]
    text = file_text(pdf_bytes([rows[0] + rows[1]]), Path("table.pdf"))
    assert text.split("\n") == ["规章 1 0 11", "行政规范性文件 8 66"]


def test_rows_of_a_full_table_keep_their_text_though_a_wider_table_lines_up_below() -> None:
    """Rows of three figures stay as printed when a row of four figures below happens to share their columns."""
    rows = [
        [(72.0, 700.0, 9.0, "规章"), (200.0, 700.0, 9.0, "1"), (260.0, 700.0, 9.0, "0"), (320.0, 700.0, 9.0, "11")],
        [
            (72.0, 686.0, 9.0, "行政规范性文件"),
            (200.0, 686.0, 9.0, "8"),
            (260.0, 686.0, 9.0, "2"),
            (320.0, 686.0, 9.0, "66"),
        ],
        [(140.0, 600.0, 9.0, "5"), (200.0, 600.0, 9.0, "1"), (260.0, 600.0, 9.0, "0"), (320.0, 600.0, 9.0, "6")],
    ]
    text = file_text(pdf_bytes([rows[0] + rows[1] + rows[2]]), Path("table.pdf"))
    assert text.split("\n") == ["规章 1 0 11", "行政规范性文件 8 2 66", "5 1 0 6"]


def test_a_short_row_is_never_taken_for_the_tail_of_a_longer_printed_row() -> None:
    """The row 「0 _ 0」 is not found in a line 「x 0 0 0」 (its figures must be all the line's figures)."""
    full = [Placed("0", x, 700.0, 9.0) for x in (200.0, 260.0, 320.0)]
    short = [Placed("0", x, 600.0, 9.0) for x in (200.0, 320.0)]
    assert with_blanks("x 0 0 0\nb 0 0", [*short, *full]) == "x 0 0 0\nb\t0\t\t0"
