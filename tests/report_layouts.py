"""Provides generated published reports printed in the layouts real reports come in (`LAYOUTS`).

A report drawn by `generated_reports.draw` is printed tab-separated, in 「|」 rows, Markdown, HTML, Word, one
cell per line ending with 「|」, as a real PDF, as PDF-like text with wrapped labels and page footers, with
labels printed apart from their figures, figures run together … The layouts that cannot show a blank cell
(spaces, runs of digits) get none.
"""

from __future__ import annotations

import html
import io
import random
import re
from collections.abc import Callable

from sections.model.labels import SECTION_HEADINGS

from .generated_reports import Truth, draw
from .pdf_pages import pdf_bytes
from .report_printing import Line, all_lines, document, narrative

Printer = Callable[[Truth, random.Random], tuple[str | bytes, str]]
"""A layout: the report printed as text (or a file's bytes) and the file suffix."""


def tabs(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """Tab-separated cells, merged cells left empty (a Word or WPS table pasted as text)."""
    tables = ["\n".join("\t".join(line.labels + line.figures) for line in t) for t in all_lines(truth)]
    return document(truth, tables), ".txt"


def pipes(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """Rows of 「| a | b |  |」, blank cells as spaces (a web page copied into a text box)."""
    tables = [
        "\n".join("| " + " | ".join(c or " " for c in line.labels + line.figures) + " |" for line in t)
        for t in all_lines(truth)
    ]
    return document(truth, tables), ".txt"


def markdown(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """Markdown tables made from a PDF: a rule under the first row, label cells kept apart."""
    out = []
    for table in all_lines(truth):
        rows = ["| " + " | ".join(line.labels + line.figures) + " |" for line in table]
        width = len(table[0].labels + table[0].figures)
        rows.insert(1, "|" + "---|" * width)
        out.append("\n".join(rows))
    return document(truth, out), ".md"


def bar_lines(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """One cell per line, the label ending in 「|」, each row closed by a line holding 「|」 (a web page copied)."""
    out = []
    for table in all_lines(truth):
        lines: list[str] = []
        for line in table:
            labels = [c for c in line.labels if c]
            if labels:
                lines += labels[:-1] + [labels[-1] + "|"]
            lines += line.figures
            lines.append("|")
        out.append("\n".join(lines))
    return document(truth, out, blank_lines=False), ".txt"


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

    tables = [table(t) for t in all_lines(truth)]
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
    for index, lines in enumerate(all_lines(truth)):
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
    for table in all_lines(truth):
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
    return document(truth, out, blank_lines=False), ".txt"


def labels_apart(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """PDF text that printed the row labels in one block and the figure rows in another, page by page."""
    out = []
    for table in all_lines(truth):
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
    return document(truth, out, blank_lines=False), ".txt"


def flattened(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """The whole report on one line, the figures of adjacent cells run together (a few stray spaces)."""
    out = []
    for table in all_lines(truth):
        pieces = []
        for line in table:
            cells = [c for c in line.figures if c]
            joined = "".join(c + (" " if rng.random() < 0.05 else "") for c in cells)
            pieces.append("".join(c for c in line.labels if c) + joined)
        out.append("".join(pieces))
    text = document(truth, out)
    return re.sub(r"\s*\n\s*", "", text), ".txt"


def numbers_first(truth: Truth, rng: random.Random) -> tuple[str, str]:
    """PDF text with each row's figures printed before its label."""
    out = []
    for table in all_lines(truth):
        lines = []
        for line in table:
            label = "".join(c for c in line.labels if c)
            cells = " ".join(c for c in line.figures if c)
            header = "".join(c for c in line.labels + line.figures if c)
            lines.append(header if line.header else f"{cells} {label}".strip())
        out.append("\n".join(lines))
    return document(truth, out), ".txt"


PDF_COLUMNS = ((330.0, 60.0), (300.0, 40.0), (100.0, 30.0))
"""Where the figure columns of tables 二、三、四 stand on a PDF page: the first column's centre and the step."""


def pdf_file(truth: Truth, rng: random.Random) -> tuple[bytes, str]:
    """A real PDF: prose in lines of 36 characters, table rows with their labels at the left.

    The figures are centred in their columns; a blank cell is not drawn at all, so only where the figures
    stand shows which one it is.
    """
    title, preface, parts, five, six = narrative(truth)
    lines: list[list[tuple[float, float, str]]] = []

    def prose(text: str) -> None:
        for paragraph in text.split("\n"):
            lines.extend([(72.0, 10.0, paragraph[i : i + 36])] for i in range(0, len(paragraph), 36))

    for text in (title, preface, SECTION_HEADINGS[0], *parts):
        prose(text)
    for index, table in enumerate(all_lines(truth)):
        prose(SECTION_HEADINGS[index + 1])
        first, step = PDF_COLUMNS[index]
        for line in table:
            drawn = [(72.0, 7.0, "".join(line.labels))] if any(line.labels) else []
            for column, cell in enumerate(line.figures):
                size = 7.0 if line.header else 9.0
                if cell:
                    jitter = rng.uniform(-1.5, 1.5)
                    drawn.append((first + step * column - 0.25 * size * len(cell) + jitter, size, cell))
            lines.append(drawn)
    for text in (SECTION_HEADINGS[4], five, SECTION_HEADINGS[5], six):
        prose(text)
    per_page = 52
    pages = [
        [
            (x, 800.0 - 14.0 * row, size, text)
            for row, line in enumerate(lines[i : i + per_page])
            for x, size, text in line
        ]
        for i in range(0, len(lines), per_page)
    ]
    return pdf_bytes(pages), ".pdf"


LAYOUTS: dict[str, tuple[Printer, str]] = {
    "tabs": (tabs, "二三四"),
    "pipes": (pipes, "二三四"),
    "markdown": (markdown, "二三四"),
    "bar-lines": (bar_lines, "二三四"),
    "html": (html_page, "二三四"),
    "word": (word, "二三四"),
    "pdf": (pdf_file, "二三"),
    "pdf-text": (pdf_text, ""),
    "labels-apart": (labels_apart, ""),
    "flattened": (flattened, ""),
    "numbers-first": (numbers_first, ""),
}
"""Each layout's printer, and the tables in which it shows a blank cell (only those get blank cells). A PDF
shows where a row's figures stand, which places a blank cell by the rows around it; table 四 is one row."""


def generate(seed: int, layout: str) -> tuple[Truth, str | bytes, str]:
    """The report of `seed` printed in `layout`: its truth, the printed text or bytes, and the file suffix."""
    rng = random.Random(seed)
    printer, blank_tables = LAYOUTS[layout]
    large = layout != "flattened" or rng.random() < 0.2
    errors, lone = rng.random() < 0.6, layout != "pdf"  # a PDF prints a row of blank cells as its label alone
    truth = draw(
        rng, blanks=bool(blank_tables), large=large, errors=errors, blank_tables=blank_tables, lone_blanks=lone
    )
    data, suffix = printer(truth, rng)
    return truth, data, suffix
