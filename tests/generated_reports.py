"""Provides generated published reports: random figures laid out the ways real reports come, with their truth.

Each report is drawn from a seeded `random.Random`: a body, a year, a format (2021, 2019 试行, 2021 with the
outdated single （六） row), figures (mostly small, some large), cells printed blank or as 「/」, and
inconsistencies put in on purpose (a row or group that does not add up, a column that does not, a
negative count, 规章 for a body without rule-making power). The report is then printed in one of the
`LAYOUTS`: tab-separated, 「|」 rows, Markdown, HTML, Word, one cell per line ending with 「|」, PDF-like text
with wrapped labels and page footers, labels printed apart from their figures, figures run together …
The layouts that cannot show a blank cell (spaces, runs of digits) get none.
"""

from __future__ import annotations

import html
import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from sections.model.appeals import Appeals
from sections.model.disclosure import Disclosure
from sections.model.disclosure_2019 import TrialDisclosure
from sections.model.findings import Figure
from sections.model.labels import SECTION_HEADINGS, T3_NOTE
from sections.model.report import Report
from sections.model.requests import Requests
from sections.model.tables import FOUR, THREE, TWO, TWO_2019
from sections.rules.registry import check

BODIES = (
    ("白鹭镇人民政府", "乡镇街道"),
    ("青石街道办事处", "乡镇街道"),
    ("云溪县人民政府", "县级政府"),
    ("云溪县市场监督管理局", "县级以上政府部门"),
    ("江州市人民政府", "设区的市政府"),
    ("江州市自然资源和规划局", "县级以上政府部门"),
)
TABLE_RULES = frozenset({"C1", "C2", "T2-RULES", "T3-ROW", "T3-COL", "T3-BAL", "T4-SUM"})
"""The rules about table figures: every one the truth fails must be found in the text read back."""


@dataclass
class Truth:
    """A generated report: what is printed in each cell, and the findings it must give."""

    body: str
    level: str
    year: int
    format: str
    """「2021」, 「2019」 or 「2021-outdated-six」."""
    table2: dict[str, list[Figure]]
    """Row label → printed cells (a one-figure row has a list of one; the fee is its printed string)."""
    table3: dict[str, list[Figure]]
    table4: list[Figure]
    findings: set[tuple[str, str]] = field(default_factory=set)
    """(rule, where) of every table rule the printed figures fail."""
    signed: bool = False
    """Whether a rise in 2019's 本年增/减 is printed with its sign (「+4」)."""

    @property
    def rows3(self) -> tuple[str, ...]:
        """The keys of table 三's rows in the layout printed."""
        return tuple(r.key for r in (THREE.rows if self.format == "2021" else THREE.rows_2019))

    def report(self) -> Report:
        """The figures as a report model (the table rules run on it)."""
        report = Report()
        report.meta.body, report.meta.year = self.body, self.year
        report.meta.level = self.level  # type: ignore[assignment]
        if self.format == "2019":
            report.disclosure = Disclosure(trial=TrialDisclosure(rows=dict(self.table2)))
        else:
            values: dict[str, object] = {}
            for row in TWO.rows:
                cells = self.table2[row.label]
                amount = cells[0]
                if row.amount:
                    values[row.key] = Decimal(amount) if isinstance(amount, str) and _is_amount(amount) else amount
                else:
                    values[row.key] = cells if row.many else cells[0]
            report.disclosure = Disclosure.model_validate(values)
        report.requests = Requests(rows={k: list(v) for k, v in self.table3.items()})
        report.appeals = Appeals(cells=list(self.table4))
        return report


def _is_amount(text: str) -> bool:
    return re.fullmatch(r"\d+(?:\.\d+)?", text) is not None


def _count(rng: random.Random, large: bool) -> int:
    roll = rng.random()
    if roll < 0.55:
        return 0
    if roll < 0.85 or not large:
        return rng.randint(1, 9)
    return rng.randint(10, 999) if roll < 0.97 else rng.randint(1000, 20000)


def draw(rng: random.Random, *, blanks: bool, large: bool, errors: bool) -> Truth:
    """A random report: consistent figures, then (with `errors`) a few inconsistencies and printed marks."""
    body, level = rng.choice(BODIES)
    form = rng.choice(("2021", "2021", "2021", "2019", "2021-outdated-six"))
    year = rng.randint(2019, 2020) if form == "2019" else rng.randint(2021, 2025)
    layout = THREE.rows if form == "2021" else THREE.rows_2019
    results = [r.key for r in layout if r.is_result]
    table3: dict[str, list[Figure]] = {}
    for key in results:
        six = [_count(rng, large) if rng.random() < 0.5 else 0 for _ in range(6)]
        table3[key] = [*six, sum(six)]
    done = [sum(int(table3[k][c] or 0) for k in results) for c in range(6)]
    carry_in = [rng.randint(0, 3) if rng.random() < 0.3 else 0 for _ in range(6)]
    carry_out = [rng.randint(0, 3) if rng.random() < 0.3 else 0 for _ in range(6)]
    new = [max(0, d + o - i) for d, o, i in zip(done, carry_out, carry_in, strict=True)]
    carry_out = [n + i - d for n, i, d in zip(new, carry_in, done, strict=True)]
    for key, six in (("new", new), ("carry_in", carry_in), ("total", done), ("carry_out", carry_out)):
        table3[key] = [*six, sum(six)]
    table3 = {k: table3[k] for k in (r.key for r in layout)}
    table4: list[Figure] = []
    for _ in FOUR.groups:
        four = [_count(rng, False) if rng.random() < 0.4 else 0 for _ in range(4)]
        table4 += [*four, sum(four)]
    rules = level in ("设区的市政府", "省级政府")
    table2 = _table2(rng, form, large, rules)
    truth = Truth(body, level, year, form, table2, table3, table4, signed=rng.random() < 0.5)
    if errors:
        _spoil(rng, truth, blanks)
    truth.findings = {(f.rule, f.where) for f in check(truth.report()) if f.rule in TABLE_RULES}
    return truth


def _table2(rng: random.Random, form: str, large: bool, rules: bool) -> dict[str, list[Figure]]:
    table: dict[str, list[Figure]] = {}
    if form == "2019":
        for row in TWO_2019.rows:
            cells: list[Figure] = [_count(rng, large) for _ in row.columns]
            if "增/减" in "".join(row.columns):
                change = row.columns.index("本年增/减")
                cells[change] = rng.choice((0, rng.randint(1, 30), -rng.randint(1, 30)))
            if row.label == "政府集中采购":
                cells[-1] = f"{rng.randint(1, 99999)}.{rng.randint(10, 99)}元"
            if row.label == "规章" and not rules:
                cells = [0, 0, 0]
            table[row.label] = cells
        return table
    for row in TWO.rows:
        if row.amount:
            table[row.label] = [rng.choice(("0", f"{rng.randint(0, 999)}.{rng.randint(0, 9999):04d}", "12.6"))]
        elif row.many:
            made, repealed = _count(rng, large), _count(rng, False)
            table[row.label] = [made, repealed, made + _count(rng, large)]
            if row.label == "规章" and not rules:
                table[row.label] = [0, 0, 0]
        else:
            table[row.label] = [_count(rng, large)]
    return table


def _spoil(rng: random.Random, truth: Truth, blanks: bool) -> None:
    """Put in one to three inconsistencies, and (with `blanks`) a few blank or 「/」 cells."""
    keys = list(truth.table3)
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(("row", "column", "balance", "group", "negative", "rules"))
        key = rng.choice(keys)
        cells = truth.table3[key]
        column = rng.randrange(6)
        if kind == "row":
            cells[6] = int(cells[6] or 0) + rng.choice((1, 2, 10))
        elif kind == "column" and key not in ("new", "carry_in", "total", "carry_out"):
            cells[column] = int(cells[column] or 0) + 1
            cells[6] = int(cells[6] or 0) + 1
        elif kind == "balance":
            out = truth.table3["carry_out"]
            out[column] = int(out[column] or 0) + 1
            out[6] = int(out[6] or 0) + 1
        elif kind == "group":
            total = FOUR.index(rng.randrange(3), FOUR.total_column)
            truth.table4[total] = int(truth.table4[total] or 0) + 1
        elif kind == "negative":
            cells[column] = -1 - int(cells[column] or 0)
            cells[6] = sum(int(c or 0) for c in cells[:6])
        elif kind == "rules" and truth.format != "2019":
            truth.table2["规章"] = [rng.randint(1, 3), 0, rng.randint(1, 5)]
    if blanks:
        for _ in range(rng.randint(1, 4)):
            mark = rng.choice(("", "", "/", "—"))
            where = rng.random()
            if where < 0.6:
                truth.table3[rng.choice(keys)][rng.randrange(7)] = mark
            elif where < 0.8:
                truth.table4[rng.randrange(15)] = mark
            else:
                row = rng.choice([r for r in (TWO.rows if truth.format != "2019" else TWO_2019.rows)])
                truth.table2[row.label][rng.randrange(len(row.columns))] = mark


# --- the printed tables, as rows of cells --------------------------------------------------------


@dataclass
class Line:
    """One printed table row: its label cells (merged ones empty) and its figure cells."""

    labels: list[str]
    figures: list[str]
    header: bool = False


def _text(value: Figure) -> str:
    return "" if value is None else str(value)


def table2_lines(truth: Truth) -> list[Line]:
    """Table 二 as printed: per block its title, its header and its rows (four grid columns)."""
    lines: list[Line] = []
    two = TWO_2019 if truth.format == "2019" else TWO
    width = max(len(b.columns) for b in two.blocks)
    for block in two.blocks:
        lines.append(Line([block.title], [""] * (width - 1), header=True))
        lines.append(Line([block.columns[0]], [*block.columns[1:], *[""] * (width - len(block.columns))], True))
        for row in two.rows_in(block):
            cells = [_text(v) for v in truth.table2[row.label]]
            if truth.signed and "本年增/减" in row.columns:
                change = row.columns.index("本年增/减")
                value = truth.table2[row.label][change]
                cells[change] = f"+{value}" if isinstance(value, int) and value > 0 else cells[change]
            lines.append(Line([row.label], cells + [""] * (width - 1 - len(cells))))
    return lines


def table3_lines(truth: Truth) -> list[Line]:
    """Table 三 as printed: three label columns (merged cells empty), seven figure columns."""
    org = THREE.organisations
    lines = [
        Line([T3_NOTE, "", ""], [THREE.applicants_heading, *[""] * 6], header=True),
        Line(["", "", ""], [THREE.columns[0], THREE.organisations_heading, "", "", "", "", THREE.columns[6]], True),
        Line(["", "", ""], ["", *org, ""], header=True),
    ]
    seen: set[str] = set()
    for row in THREE.rows if truth.format == "2021" else THREE.rows_2019:
        cells = [_text(v) for v in truth.table3[row.key]]
        if row.group is None:
            labels = [row.label, "", ""]
        elif row.group == "三":
            labels = ["" if "三" in seen else THREE.result_heading, row.label, ""]
            seen.add("三")
        else:
            heading = THREE.group_headings[row.group]
            labels = ["", "" if row.group in seen else heading, row.label]
            seen.update(("三", row.group))
        lines.append(Line(labels, cells))
    return lines


def table4_lines(truth: Truth) -> list[Line]:
    """Table 四 as printed: three header rows and the row of fifteen figures."""
    kinds = FOUR.litigation_kinds
    cols = list(FOUR.columns)
    return [
        Line([], [FOUR.review, "", "", "", "", FOUR.litigation, *[""] * 9], header=True),
        Line([], [*cols, kinds[0], "", "", "", "", kinds[1], "", "", "", ""], header=True),
        Line([], ["", "", "", "", "", *cols, *cols], header=True),
        Line([], [_text(v) for v in truth.table4]),
    ]


# --- the narrative ----------------------------------------------------------------------------------


def narrative(truth: Truth) -> tuple[str, str, list[str], str, str]:
    """Title, preface, section 一's parts, 五 and 六 (sentences that state no figure the reader might misread)."""
    title = f"{truth.body}{truth.year}年政府信息公开工作年度报告"
    preface = (
        f"本报告依据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、收到和处理政府信息"
        f"公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
        f"本报告所列数据的统计期限自{truth.year}年1月1日起至{truth.year}年12月31日止。"
    )
    parts = [
        "（一）主动公开\n坚持以公开为常态、不公开为例外，及时公开政策文件和工作动态。",
        "（二）依申请公开\n严格按照法定程序和时限办理政府信息公开申请，答复规范。",
        "（三）政府信息管理\n健全公开前保密审查机制，动态调整主动公开基本目录。",
        "（四）政府信息公开平台建设\n持续优化政府网站信息公开专栏，栏目设置清晰。",
        "（五）监督保障\n将政务公开工作纳入年度考核，组织业务培训。",
    ]
    five = "一是存在的主要问题：政策解读形式较为单一。二是改进情况：丰富解读形式，加强培训。"
    six = "本年度未收取信息处理费。无其他需要报告的事项。"
    return title, preface, parts, five, six


# --- the layouts --------------------------------------------------------------------------------------

Tables = list[list[Line]]
Printer = Callable[[Truth, random.Random], tuple[str | bytes, str]]
"""A layout: the report printed as text (or a file's bytes) and the file suffix."""


def _document(truth: Truth, tables: list[str], *, blank_lines: bool = True) -> str:
    title, preface, parts, five, six = narrative(truth)
    gap = "\n\n" if blank_lines else "\n"
    body = [title, preface, SECTION_HEADINGS[0], *parts]
    for index in range(3):
        body += [SECTION_HEADINGS[index + 1], tables[index]]
    body += [SECTION_HEADINGS[4], five, SECTION_HEADINGS[5], six]
    return gap.join(body) + "\n"


def _all_lines(truth: Truth) -> Tables:
    return [table2_lines(truth), table3_lines(truth), table4_lines(truth)]


def tabs(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """Tab-separated cells, merged cells left empty (a Word or WPS table pasted as text)."""
    tables = ["\n".join("\t".join(line.labels + line.figures) for line in t) for t in _all_lines(truth)]
    return _document(truth, tables), ".txt"


def pipes(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """Rows of 「| a | b |  |」, blank cells as spaces (a web page copied into a text box)."""
    tables = [
        "\n".join("| " + " | ".join(c or " " for c in line.labels + line.figures) + " |" for line in t)
        for t in _all_lines(truth)
    ]
    return _document(truth, tables), ".txt"


def markdown(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """Markdown tables made from a PDF: a rule under the first row, label cells kept apart."""
    out = []
    for table in _all_lines(truth):
        rows = ["| " + " | ".join(line.labels + line.figures) + " |" for line in table]
        width = len(table[0].labels + table[0].figures)
        rows.insert(1, "|" + "---|" * width)
        out.append("\n".join(rows))
    return _document(truth, out), ".md"


def bar_lines(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """One cell per line, the label ending in 「|」, each row closed by a line holding 「|」 (a web page copied)."""
    out = []
    for table in _all_lines(truth):
        lines: list[str] = []
        for line in table:
            labels = [c for c in line.labels if c]
            if labels:
                lines += labels[:-1] + [labels[-1] + "|"]
            lines += line.figures
            lines.append("|")
        out.append("\n".join(lines))
    return _document(truth, out, blank_lines=False), ".txt"


def html_page(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """A saved web page: cells in <td><p><span>, headings split by inline tags, scripts and styles."""
    title, preface, parts, five, six = narrative(truth)

    def split(text: str) -> str:
        cut = rng.randrange(1, len(text))
        return f"<span>{html.escape(text[:cut])}</span><span style='x'>{html.escape(text[cut:])}</span>"

    def table(lines: list[Line]) -> str:
        rows = []
        for line in lines:
            cells = "".join(
                f"<td><p><span>{html.escape(c)}</span></p></td>" if c else "<td><p>&nbsp;</p></td>"
                for c in line.labels + line.figures
            )
            rows.append(f"<tr>{cells}</tr>")
        return "<table border='1'><tbody>" + "\n".join(rows) + "</tbody></table>"

    tables = [table(t) for t in _all_lines(truth)]
    body = [f"<h1>{split(title)}</h1>", f"<p>{html.escape(preface)}</p>", f"<p><b>{split(SECTION_HEADINGS[0])}</b></p>"]
    body += [f"<p>{html.escape(p).replace(chr(10), '<br/>')}</p>" for p in parts]
    for index in range(3):
        body += [f"<p><strong>{split(SECTION_HEADINGS[index + 1])}</strong></p>", tables[index]]
    body += [f"<h3>{split(SECTION_HEADINGS[4])}</h3>", f"<p>{html.escape(five)}</p>"]
    body += [f"<p>{split(SECTION_HEADINGS[5])}</p>", f"<p>{html.escape(six)}</p>"]
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>p{margin:0}</style>"
        "<script>var s='一、总体情况';</script></head><body><div class='nav'>首页 &gt; 政务公开</div>"
        + "\n".join(body)
        + "</body></html>"
    )
    return page, ".html"


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_PACKAGE = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    ),
}


def _w_paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{html.escape(text)}</w:t></w:r></w:p>"


def word(truth: Truth, rng: random.Random) -> tuple[bytes, str]:
    """A Word document whose tables merge label cells across columns (w:gridSpan), as the template does."""
    import zipfile

    title, preface, parts, five, six = narrative(truth)
    body = [_w_paragraph(t) for t in (title, preface, SECTION_HEADINGS[0], *parts)]
    for index, lines in enumerate(_all_lines(truth)):
        body.append(_w_paragraph(SECTION_HEADINGS[index + 1]))
        rows = []
        for line in lines:
            cells = []
            labels = line.labels
            if labels and labels[0] and not any(labels[1:]) and not line.header and rng.random() < 0.7:
                span = f"<w:tcPr><w:gridSpan w:val='{len(labels)}'/></w:tcPr>"
                cells.append(f"<w:tc>{span}{_w_paragraph(labels[0])}</w:tc>")
                labels = []
            cells += [f"<w:tc>{_w_paragraph(text)}</w:tc>" for text in labels + line.figures]
            rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
        body.append("<w:tbl>" + "".join(rows) + "</w:tbl>")
    body += [_w_paragraph(t) for t in (SECTION_HEADINGS[4], five, SECTION_HEADINGS[5], six)]
    document = f"<?xml version='1.0' encoding='UTF-8'?><w:document {_W}><w:body>{''.join(body)}</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in _PACKAGE.items():
            archive.writestr(name, content)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue(), ".docx"


def _wrapped(label: str, rng: random.Random) -> list[str]:
    """A long label broken over two lines, as a PDF cell wraps it."""
    if len(label) > 12 and rng.random() < 0.6:
        cut = rng.randint(6, len(label) - 3)
        return [label[:cut], label[cut:]]
    return [label]


def pdf_text(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """PDF text: cells apart by spaces, header words one per line, wrapped labels, page footers between rows."""
    out = []
    page = 2
    for table in _all_lines(truth):
        lines: list[str] = []
        for line in table:
            if line.header:
                lines += [c for c in line.labels + line.figures if c]
                continue
            labels = [piece for c in line.labels if c for piece in _wrapped(c, rng)]
            figures = " ".join(line.figures)
            if len(labels) > 1 and rng.random() < 0.5:
                lines += labels[:-1] + [f"{labels[-1]} {figures}"]
            elif labels:
                lines += [f"{labels[0]} {figures}"] + labels[1:]
            else:
                lines.append(figures)
            if rng.random() < 0.08:
                lines.append(f"- {page} -")
                page += 1
        out.append("\n".join(lines))
    return _document(truth, out, blank_lines=False), ".txt"


def labels_apart(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """PDF text that printed the row labels in one block and the figure rows in another, page by page."""
    out = []
    for table in _all_lines(truth):
        data = [line for line in table if not line.header]
        lines = [c for line in table if line.header for c in line.labels + line.figures if c]
        cut = rng.randint(1, len(data)) if len(data) > 6 and rng.random() < 0.5 else len(data)
        for chunk in (data[:cut], data[cut:]):
            labels = [piece for line in chunk for c in line.labels if c for piece in _wrapped(c, rng)]
            if len(labels) > 2 and rng.random() < 0.5:
                labels.pop(rng.randrange(len(labels)))  # a label the extraction lost
            lines += labels
            lines += [" ".join(line.figures).strip() for line in chunk]
        out.append("\n".join(lines))
    return _document(truth, out, blank_lines=False), ".txt"


def flattened(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """The whole report on one line, the figures of adjacent cells run together (a few stray spaces)."""
    out = []
    for table in _all_lines(truth):
        pieces = []
        for line in table:
            cells = [c for c in line.figures if c]
            joined = "".join(c + (" " if rng.random() < 0.05 else "") for c in cells)
            pieces.append("".join(c for c in line.labels if c) + joined)
        out.append("".join(pieces))
    text = _document(truth, out)
    return re.sub(r"\s*\n\s*", "", text), ".txt"


def numbers_first(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """PDF text with each row's figures printed before its label."""
    out = []
    for table in _all_lines(truth):
        lines = []
        for line in table:
            label = "".join(c for c in line.labels if c)
            cells = " ".join(c for c in line.figures if c)
            header = "".join(c for c in line.labels + line.figures if c)
            lines.append(header if line.header else f"{cells} {label}".strip())
        out.append("\n".join(lines))
    return _document(truth, out), ".txt"


LAYOUTS: dict[str, tuple[Printer, bool]] = {
    "tabs": (tabs, True),
    "pipes": (pipes, True),
    "markdown": (markdown, True),
    "bar-lines": (bar_lines, True),
    "html": (html_page, True),
    "word": (word, True),
    "pdf-text": (pdf_text, False),
    "labels-apart": (labels_apart, False),
    "flattened": (flattened, False),
    "numbers-first": (numbers_first, False),
}
"""Each layout's printer, and whether it shows a blank cell (only those get blank cells)."""


def known(form: str = "2021") -> Truth:
    """One fixed consistent report (a township's year), to print in every layout and read back in full.

    Table 二's counts are single digits and 2019's procurement count is 0, so that even with every
    separator lost each digit run has one cut (table 二 has no sums to settle one).
    """
    rng = random.Random(f"known-{form}")
    while True:
        truth = draw(rng, blanks=False, large=False, errors=False)
        if truth.format == form:
            break
    for label, cells in truth.table2.items():
        truth.table2[label] = [c % 10 if isinstance(c, int) and c > 0 else c for c in cells]
    if form == "2019":
        truth.table2["政府集中采购"][0] = 0
    return truth


def generate(seed: int, layout: str) -> tuple[Truth, str | bytes, str]:
    """The report of `seed` printed in `layout`: its truth, the printed text or bytes, and the file suffix."""
    rng = random.Random(seed)
    printer, shows_blanks = LAYOUTS[layout]
    large = layout != "flattened" or rng.random() < 0.2
    truth = draw(rng, blanks=shows_blanks, large=large, errors=rng.random() < 0.6)
    data, suffix = printer(truth, rng)
    return truth, data, suffix
