"""Provides `read_sentence`: a clerk's sentence about tables 二、三、四 as figures with their places.

It never guesses. A figure is placed only when the words say where it goes; a vague count (「十几件」,
「大部分」) is no figure; figures that do not add up (applicants against the total received, outcomes
against what there was to handle, a case's outcomes against its count) are not taken at all. Whatever is
left out is said, with why, so the interview asks only for the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sections.model.tables import FOUR
from sections.reading.sentences import ALL, REST, Piece, Value, pieces
from sections.reading.stated_three import place_three


@dataclass
class Reading:
    """What a sentence states, placed: figures by table, the counts understood without a place, refusals."""

    two: dict[tuple[str, int], int | Decimal] = field(default_factory=dict)
    """(Disclosure field, column) → figure; the fee in 万元."""
    three: dict[str, list[int]] = field(default_factory=dict)
    """Table 三 row key → its six applicant figures."""
    three_totals: dict[str, int] = field(default_factory=dict)
    """Table 三 rows whose count is known but not how it splits by applicant."""
    rest_zero: bool = False
    """Whether the stated outcomes are all there were: every other result row is 0."""
    four: dict[int, list[int]] = field(default_factory=dict)
    """Table 四 group → its four outcomes."""
    four_totals: dict[int, int] = field(default_factory=dict)
    """Table 四 groups whose count is known but not their outcomes."""
    notes: list[str] = field(default_factory=list)
    """What was understood and how (「5000元 按 0.5 万元记录」)."""
    refused: list[str] = field(default_factory=list)
    """What was not taken, each with why."""

    @property
    def placed(self) -> bool:
        """Whether any figure has a place."""
        return bool(self.two or self.three or self.four or self.rest_zero)

    @property
    def taken(self) -> bool:
        """Whether anything is taken: a figure placed, or a count whose split is still to ask."""
        return self.placed or bool(self.three_totals or self.four_totals)

    @property
    def understood(self) -> bool:
        """Whether the sentence stated anything at all about the tables."""
        return self.placed or bool(self.three_totals or self.four_totals or self.refused)


def read_sentence(text: str, *, row: str = "new", no_rules: bool = False, cases_only: bool = False) -> Reading:
    """The figures a sentence states, placed where its words say.

    `row` is the table 三 row a bare 「个人2件」 belongs to (the open row question); `no_rules` says the body
    cannot make 规章, so 规章 is 0 0 0 when a sentence about table 二 leaves it out. `cases_only` reads a
    paragraph of narrative: only counts of 件 are figures there (「公开信息120条」 is not an application).
    """
    reading = Reading()
    found, unsplit = pieces(text)
    if not any(piece.about for piece in found) and not unsplit:
        return reading  # not a sentence about the tables
    for clause in unsplit:
        reading.refused.append(f"“{clause}”里有几个数，分不清各是哪一项：请用逗号分开，如“2件公开，1件不掌握”。")
    three: list[tuple[str, int | None, Value, str]] = []
    four: list[tuple[int | None, int | None, Value, str]] = []
    pending: list[Piece] = []
    context: dict[str, str | int | None] = {"row": row, "group": None, "document": None}
    zeroed: set[str] = set()
    """The families of the last piece said as none (「本年没有行政许可、行政处罚和行政强制」 lists after it)."""
    for piece in found:
        if cases_only and isinstance(piece.value, int | Decimal) and piece.unit != "件":
            continue
        if piece.vague:
            reading.refused.append(f"“{piece.said}”：“{piece.vague}”不是确切的数，请写具体件数。")
            continue
        if piece.value is None:
            if piece.has(*LISTED):
                pending.append(piece)
                _context(piece, context)
                continue
            if not piece.has("result", "group", "applicant", "verdict"):
                continue
            piece.value = REST
        listed = set().union(*(_families(p) for p in pending))
        for waiting in pending if _families(piece) <= listed else ():
            waiting.value = piece.value
            _one(waiting, reading, three, four, context)
        _unsaid([p for p in pending if not _families(piece) <= listed], reading)
        pending.clear()
        zeroed = _families(piece) if piece.value == 0 and piece.has("none") else zeroed
        _one(piece, reading, three, four, context)
    for piece in pending:
        if _families(piece) <= zeroed:
            piece.value = 0
            _one(piece, reading, three, four, context)
        else:
            _unsaid([piece], reading)
    if any(kind == "document" or kind == "decision" or kind == "fee" for kind in _kinds(found)) and no_rules:
        if not any(key[0] == "rules" for key in reading.two):
            reading.two.update({("rules", c): 0 for c in range(3)})
            reading.notes.append("本机关没有规章制定权，规章按 0 0 0 记录。")
    place_three(three, reading)
    _place_four(four, reading)
    return reading


LISTED = ("decision", "document", "column", "case", "litigation", "fee")
"""Words that may stand in a list whose count comes after it: 「许可、处罚、强制都没有」."""
FAMILY = {
    "decision": "二",
    "fee": "二",
    "document": "文件",
    "column": "列",
    "case": "四",
    "litigation": "四",
    "verdict": "四",
}


def _families(piece: Piece) -> set[str]:
    """What a piece is about, broadly: a list's count applies to pieces about the same things."""
    return {FAMILY.get(w.kind, w.kind) for w in piece.words if w.kind not in ("all", "rest", "none")}


def _unsaid(pieces: list[Piece], reading: Reading) -> None:
    """Listed pieces no count followed; a document before its columns (「规范性文件：制发2件」) sets the context."""
    for piece in pieces:
        if _families(piece) != {"文件"}:
            reading.refused.append(f"“{piece.said}”：没有说是多少。")


def _kinds(found: list[Piece]) -> set[str]:
    return {w.kind for p in found for w in p.words}


def _context(piece: Piece, context: dict[str, str | int | None]) -> None:
    documents = piece.keys("document")
    if documents:
        context["document"] = documents[-1] or context["document"] or "文件"  # 「文件」 alone: the one talked about
    cases = piece.keys("case")
    if cases or piece.has("litigation"):
        context["group"] = cases[-1] if cases and not piece.has("litigation") else (cases[-1] if cases else -1)


def _one(
    piece: Piece,
    reading: Reading,
    three: list[tuple[str, int | None, Value, str]],
    four: list[tuple[int | None, int | None, Value, str]],
    context: dict[str, str | int | None],
) -> None:
    """Note what one piece states, in the list of its table; table 二 is placed at once."""
    value = piece.value
    assert value is not None
    _context(piece, context)
    if piece.has("case", "litigation") or (piece.has("verdict") and not piece.has("result", "group")):
        _case(piece, value, four, context, reading)
    elif piece.has("decision", "document", "column", "fee"):
        _two(piece, value, context, reading)
    elif piece.has("result", "group", "received", "carry_in", "carry_out", "applicant", "asked", "done"):
        _request(piece, value, three, context, reading)
    elif isinstance(value, int | Decimal) and value:
        reading.refused.append(f"“{piece.said}”：没说这 {value} 件是哪一项，没有记录。")


def _each(piece: Piece, keys: Sequence[object], value: Value, reading: Reading) -> bool:
    """Whether one count may go to every thing named: a zero, or 「各」 (「个人和企业各1件」); else it is refused."""
    if len(keys) <= 1 or value == 0 or "各" in piece.said:
        return True
    reading.refused.append(f"“{piece.said}”：说了几项却只有一个数，分不清各几件，没有记录。")
    return False


def _two(piece: Piece, value: Value, context: dict[str, str | int | None], reading: Reading) -> None:
    if isinstance(value, str):
        reading.refused.append(f"“{piece.said}”：请写具体的数。")
        return
    if piece.has("fee"):
        amount = Decimal(value)
        if piece.unit == "元":
            amount = amount / 10000
            reading.notes.append(f"收费 {value} 元按 {amount.normalize():f} 万元记录。")
        reading.two[("fee", 0)] = amount
        return
    if isinstance(value, Decimal):
        reading.refused.append(f"“{piece.said}”：件数应是整数。")
        return
    if not _each(piece, piece.keys("decision"), value, reading):
        return
    for key in piece.keys("decision"):
        reading.two[(str(key), 0)] = value
    if not piece.has("document", "column"):
        return
    document, columns = context["document"], piece.keys("column")
    if document is None or document == "文件":
        reading.refused.append(f"“{piece.said}”：没说是规章还是规范性文件，没有记录。")
    elif columns:
        reading.two.update({(str(document), int(c or 0)): value for c in columns})
    elif value == 0:
        reading.two.update({(str(document), c): 0 for c in range(3)})
    else:
        reading.refused.append(f"“{piece.said}”：{value} 件是制发、废止还是现行有效？没有记录。")


def _request(
    piece: Piece,
    value: Value,
    three: list[tuple[str, int | None, Value, str]],
    context: dict[str, str | int | None],
    reading: Reading,
) -> None:
    """A table 三 statement: (row or result group, applicant column or None, value, as said)."""
    applicants = piece.keys("applicant")
    if None in applicants:
        reading.refused.append(
            f"“{piece.said}”：法人或其他组织分商业企业、科研机构、社会公益组织、法律服务机构、其他，请说是哪一种。"
        )
        return
    if not _each(piece, applicants, value, reading):
        return
    rows = [str(k) for k in piece.keys("result")] or [f"group:{k}" for k in piece.keys("group")]
    if len(rows) > 1 and "r_open" in rows and not any(w in piece.said for w in "和及与各"):
        rows.remove("r_open")  # 「公开」 inside another outcome: 「不属于本机关公开职责」
    if not _each(piece, rows, value, reading):
        return
    if not rows:
        for kind in ("carry_out", "carry_in", "received", "done"):
            if piece.has(kind):
                rows = [{"received": "new"}.get(kind, kind)]
                break
    if not rows and piece.has("asked") and not applicants:
        rows = ["new"]
    if not rows:
        row = str(context["row"])
        rows = [row if value != ALL or row in ("new", "carry_in") else "new"]  # 「都是个人申请的」: who applied
    context["row"] = rows[-1] if not rows[-1].startswith("group:") and rows[-1] != "done" else context["row"]
    for key in rows:
        three.extend((key, None if c is None else int(c), value, piece.said) for c in applicants or [None])


def _case(
    piece: Piece,
    value: Value,
    four: list[tuple[int | None, int | None, Value, str]],
    context: dict[str, str | int | None],
    reading: Reading,
) -> None:
    """A table 四 statement: (group, or -1 for 行政诉讼 of either kind; outcome column or None; value)."""
    groups = [int(g or 0) for g in piece.keys("case")]
    if piece.has("litigation") and not groups:
        groups = [-1]
    elif piece.has("litigation") and value == 0:
        groups += [-1]
    if len(groups) == 1 and value == REST and four and four[-1][0] == -1 and four[-1][1] is None:
        four[-1] = (groups[0], None, four[-1][2], four[-1][3])  # 「行政诉讼1件，直接起诉」
        context["group"] = groups[0]
        return
    if not groups:
        group = context["group"]
        if group is None:
            if isinstance(value, int):
                reading.refused.append(f"“{piece.said}”：没说是行政复议还是行政诉讼，没有记录。")
            return
        groups = [int(group)]
    verdicts = piece.keys("verdict")
    if not _each(piece, groups, value, reading) or not _each(piece, verdicts, value, reading):
        return
    for group in groups:
        four.append((group, int(verdicts[0] or 0) if verdicts else None, value, piece.said))


def _place_four(stated: list[tuple[int | None, int | None, Value, str]], reading: Reading) -> None:
    """Each group of table 四 whose outcomes are all known and add up to its count."""
    width = len(FOUR.outcomes)
    for group, _, value, said in stated:
        if group == -1 and value != 0:
            reading.refused.append(f"“{said}”：是未经复议直接起诉还是复议后起诉？没有记录。")
    for group in range(len(FOUR.groups)):
        own = [s for s in stated if s[0] == group or (s[0] == -1 and s[2] == 0 and group)]
        if not own:
            continue
        totals = {v for g, c, v, _ in own if c is None and isinstance(v, int)}
        outcomes = [(c, v) for _, c, v, _ in own if c is not None]
        if len(totals) > 1:
            reading.refused.append(f"{FOUR.groups[group].name}说了两个不同的件数，没有记录。")
            continue
        total = next(iter(totals), None)
        if total == 0 and not outcomes:
            reading.four[group] = [0] * width
            continue
        figures: list[int | None] = [None] * width
        open_ones = []
        for column, value in outcomes:
            if value in (ALL, REST):
                open_ones.append(column)
            elif isinstance(value, int):
                figures[column] = value
        known = sum(f or 0 for f in figures)
        if total is None and not open_ones:
            total = known
        if total is None or len(open_ones) > 1 or known > total:
            name = FOUR.groups[group].name
            if len(open_ones) > 1:
                reading.refused.append(f"{name}：说了几种结果却没说各几件，没有记录。")
            elif total is not None and known > total:
                reading.refused.append(f"{name}：各结果合计 {known} 件，多于所说的 {total} 件，没有记录。")
            elif total is not None:
                reading.four_totals[group] = total
            else:
                reading.refused.append(f"{name}：没说共几件，没有记录。")
            continue
        for column in open_ones:
            figures[column] = total - known
        if sum(f or 0 for f in figures) != total:
            reading.four_totals[group] = total
            continue
        reading.four[group] = [f or 0 for f in figures]
