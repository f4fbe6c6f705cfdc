"""Provides `place_three`: what a sentence states about table 三, placed row by row and applicant by applicant.

A count goes in a cell only when the sentence says which applicants it is from, or when that follows from
the table's own rules (every application from one kind of applicant; the one row left in a column that must
balance). Counts that do not add up take nothing of table 三 at all.
"""

from __future__ import annotations

from typing import Protocol

from sections.model.requests import row_name
from sections.model.tables import THREE
from sections.reading.sentences import ALL, REST, Value

SIX = len(THREE.applicants)
Said = tuple[str, int | None, Value, str]
"""A statement: row key (or 「group:不予公开」), applicant column or None, value, the words."""
OWN = ("new", "carry_in", "carry_out")


class Target(Protocol):
    """Where the placed figures go (`stated.Reading`)."""

    three: dict[str, list[int]]
    three_totals: dict[str, int]
    rest_zero: bool
    refused: list[str]


def _name(key: str) -> str:
    return {"new": "本年新收", "carry_in": "上年结转", "carry_out": "结转下年度"}.get(key) or row_name(key)


def _said(stated: list[Said], key: str) -> str:
    return "，".join(said for k, c, _, said in stated if k == key and c is not None)


def _group_rows(name: str) -> list[str]:
    return [k for k in THREE.results if THREE.group_headings.get(THREE.row(k).group or "", "").endswith(name)]


def _spread(stated: list[Said], target: Target) -> list[Said] | None:
    """Result groups said as a whole: a zero covers each of their rows; any other count has no one row."""
    out: list[Said] = []
    named = {k for k, _, _, _ in stated}
    for key, column, value, said in stated:
        if not key.startswith("group:"):
            out.append((key, column, value, said))
        elif value == REST and named & set(_group_rows(key[6:])):
            continue  # 「需要另行制作，无法提供」: the group restates the row just named
        elif value == 0:
            out += [(row, column, 0, said) for row in _group_rows(key[6:])]
        else:
            rows = "、".join(row_name(k).split(" ", 1)[1][2:] for k in _group_rows(key[6:])[:4])
            target.refused.append(f"“{said}”：{key[6:]}分好几种（{rows}……），请说是哪一种。表三的数都没有记录。")
            return None
    return out


def _totals(stated: list[Said], target: Target) -> dict[str, Value] | None:
    totals: dict[str, Value] = {}
    for key, column, value, _ in stated:
        if column is not None:
            continue
        if key in totals and totals[key] != value:
            target.refused.append(f"{_name(key)}说了两个不同的数（{totals[key]}、{value}），表三的数都没有记录。")
            return None
        totals[key] = value
    return totals


def _six(total: int | None, facts: list[tuple[int, Value]]) -> tuple[list[int] | None, int | None, bool]:
    """A row's six applicant figures when they follow from what was said; its total; whether they overflow."""
    figures: list[int | None] = [None] * SIX
    opens = []
    for column, value in facts:
        if isinstance(value, int):
            figures[column] = value
        else:
            opens.append(column)
    known = sum(f or 0 for f in figures)
    if total is None and not opens and facts:
        total = known
    if total is None:
        return None, None, False
    if known > total:
        return None, total, True
    if len(opens) == 1:
        figures[opens[0]] = total - known
    elif opens or known != total:
        return None, total, False
    return [f or 0 for f in figures], total, False


def place_three(stated: list[Said], target: Target) -> None:
    """Put what a sentence says about table 三 into `target`; refuse all of it when it does not add up."""
    done = next((v for k, c, v, _ in stated if k == "done" and c is None and isinstance(v, int)), None)
    stated = [s for s in stated if s[0] != "done"]
    spread = _spread(stated, target) if stated else None
    totals = _totals(spread, target) if spread is not None else None
    if spread is None or totals is None:
        return
    number = {k: v for k, v in totals.items() if isinstance(v, int)}
    for key in {k for k, _, _, _ in spread}:
        values = [v for k, c, v, _ in spread if k == key and c is not None]
        if key not in totals and values and all(isinstance(v, int) for v in values):
            number[key] = sum(v for v in values if isinstance(v, int))
    received, carry_in, carry_out = (number.get(k) for k in OWN)
    pool = None if received is None else received + (carry_in or 0) - (carry_out or 0)
    results = [k for k in dict.fromkeys(k for k, _, _, _ in spread) if k not in OWN]
    opened = [k for k in results if k in totals and not isinstance(totals[k], int)]
    if opened and (pool is None or len(opened) > 1 or (totals[opened[0]] == ALL and len(results) > 1)):
        what = "、".join(_name(k) for k in opened)
        target.refused.append(f"{what}：不知道总共有几件，或与其他结果重叠，表三的数都没有记录。")
        return
    stated_sum = sum(number.get(k, 0) for k in results)
    if opened and pool is not None:
        number[opened[0]] = pool - stated_sum
        stated_sum = pool
    if pool is not None and stated_sum > pool:
        target.refused.append(
            f"办理结果合计 {stated_sum} 件，多于收到的 {received} 件"
            + (f"加上年结转 {carry_in} 件" if carry_in else "")
            + (f"减结转下年度 {carry_out} 件" if carry_out else "")
            + "，对不上，表三的数都没有记录。"
        )
        return
    if done is not None and ((stated_sum if results else pool) or done) != done:
        target.refused.append(
            f"办结 {done} 件，与办理结果合计 {stated_sum if results else pool} 件不符，表三的数都没有记录。"
        )
        return
    nothing = pool == 0 and carry_in is not None
    complete = pool is not None and stated_sum == pool and (bool(results) or nothing)
    if complete and (carry_in is None) != (carry_out is None):
        number["carry_in" if carry_in is None else "carry_out"] = 0
    rows: dict[str, list[int]] = {}
    for key in [*OWN, *results]:
        facts = [(c, v) for k, c, v, _ in spread if k == key and c is not None]
        facts = [(c, number.get(key, 0) if v == ALL else v) for c, v in facts]
        six, total, overflow = _six(number.get(key), facts)
        if total is None and facts:
            target.refused.append(f"{_name(key)}：不知道共有几件，“{_said(spread, key)}”没有记录。")
        if overflow:
            target.refused.append(f"{_name(key)}各类申请人合计多于 {total} 件，对不上，表三的数都没有记录。")
            return
        if total is not None:
            number[key] = total
        if six is not None:
            rows[key] = six
        elif number.get(key) == 0:
            rows[key] = [0] * SIX
    _single_applicant(rows, number, results, complete)
    _balance(rows, number, results, complete)
    target.three.update(rows)
    target.three_totals.update({k: v for k, v in number.items() if k not in rows})
    target.rest_zero = complete


def _single_applicant(rows: dict[str, list[int]], number: dict[str, int], results: list[str], complete: bool) -> None:
    """Every application from one kind of applicant: each stated count goes in that column."""
    new = rows.get("new")
    if new is None or sum(1 for v in new if v) != 1:
        return
    column = next(i for i, v in enumerate(new) if v)
    carry = rows.get("carry_in")
    if carry is not None and any(v for i, v in enumerate(carry) if i != column):
        return
    if carry is None and (number.get("carry_in") is not None or not complete or "carry_out" in number):
        return
    for key in [*OWN, *results]:
        if key not in rows and key in number:
            rows[key] = [number[key] if i == column else 0 for i in range(SIX)]


def _balance(rows: dict[str, list[int]], number: dict[str, int], results: list[str], complete: bool) -> None:
    """The one row left unplaced in columns that must balance (一 + 二 = 三（七） + 四) takes what is left."""
    if not complete or "new" not in rows:
        return
    if ("carry_in" in rows) != ("carry_out" in number):
        return  # one carried count known and not the other: the columns need both

    open_rows = [k for k in ["carry_out", *results] if k not in rows and number.get(k)]
    if len(open_rows) != 1:
        return
    (key,) = open_rows
    others = [rows[k] for k in ["carry_out", *results] if k in rows]
    carried = rows.get("carry_in", [0] * SIX)  # neither carried count said: the outcomes are this year's
    left = [rows["new"][c] + carried[c] - sum(r[c] for r in others) for c in range(SIX)]
    if min(left) >= 0 and sum(left) == number[key]:
        rows[key] = left
