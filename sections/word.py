"""Provides `word(report)`: the report as a .docx in official document style, with real tables."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Final

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph

from .labels import SECTION_HEADINGS
from .overview import numbered
from .render import paragraphs, visible
from .report import Report
from .tables import Table, table2, table3, table4

TITLE_FONT: Final = "方正小标宋简体"
BODY_FONT: Final = "仿宋_GB2312"
HEADING_FONT: Final = "黑体"
SUBHEADING_FONT: Final = "楷体_GB2312"
PAGE_NUMBER_FONT: Final = "宋体"
LATIN_FONT: Final = "Times New Roman"
"""Digits and Latin letters in official documents are set in Times New Roman."""
ALT_NAMES: Final[dict[str, str]] = {
    TITLE_FONT: "宋体", BODY_FONT: "仿宋", SUBHEADING_FONT: "楷体", HEADING_FONT: "SimHei",
}
"""Fonts Word may substitute on machines without the GB2312-era fonts (w:altName)."""

TITLE_SIZE: Final = Pt(22)
"""二号."""
BODY_SIZE: Final = Pt(16)
"""三号."""
PAGE_NUMBER_SIZE: Final = Pt(14)
"""四号."""
TABLE_SIZE: Final = Pt(10.5)
"""五号: small enough for table 三's ten columns to fit the type area."""
LINE: Final = Pt(28)
TITLE_LINE: Final = Pt(35)

TEXT_WIDTH: Final = Mm(210 - 28 - 26)
"""The type area's width on A4 with the GB/T 9704 side margins: 156 mm."""
CELL_PADDING: Final = Mm(1)
TABLE2_WIDTHS: Final = (Mm(45), Mm(37), Mm(37), Mm(37))
TABLE3_WIDTHS: Final = (Mm(11), Mm(18), Mm(50), *(Mm(11),) * 7)
TABLE4_WIDTHS: Final = (Mm(10.4),) * 15

TABLE_STYLE: Final = "表格文字"


def word(report: Report) -> bytes:
    """The whole report as the bytes of a .docx file; a pure function of the report."""
    document = docx.Document()
    _styles(document)
    _page(document)
    _title(document, report.meta.body, report.meta.title)
    for line in paragraphs(report.meta.preface):
        document.add_paragraph(line)
    document.add_paragraph(SECTION_HEADINGS[0], "Heading 1")
    for line in paragraphs(report.overview.opening):
        document.add_paragraph(line)
    for index, sub in enumerate(report.overview.subsections or []):
        document.add_paragraph(visible(numbered(index, sub.title)), "Heading 2")
        for line in paragraphs(sub.text):
            document.add_paragraph(line)
    t2, t3, t4 = table2(report), table3(report), table4(report)
    for index, (heading, tables, widths, whole) in enumerate((
        (SECTION_HEADINGS[1], t2, TABLE2_WIDTHS, True),
        (SECTION_HEADINGS[2], [t3], TABLE3_WIDTHS, False),
        (SECTION_HEADINGS[3], [t4], TABLE4_WIDTHS, True),
    )):
        _heading(document, heading, after_table=index > 0)
        _table(document, tables, widths, whole=whole)
    for heading, text in ((SECTION_HEADINGS[4], report.improvements.text),
                          (SECTION_HEADINGS[5], report.other.text)):
        _heading(document, heading, after_table=heading == SECTION_HEADINGS[4])
        for line in paragraphs(text):
            document.add_paragraph(line)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _heading(document: Document, text: str, *, after_table: bool) -> None:
    """A 一、 heading; half a line of space sets it off from a table just above it."""
    paragraph = document.add_paragraph(text, "Heading 1")
    if after_table:
        paragraph.paragraph_format.space_before = Pt(14)


def _fonts(element: BaseOxmlElement, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name an rPr's fonts: w:eastAsia for Chinese (what Word and WPS read), Latin for digits."""
    fonts = element.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        element.insert(0, fonts)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    for slot, name in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asia), ("cs", latin)):
        fonts.set(qn(f"w:{slot}"), name)


def _style(style: ParagraphStyle, font: str, size: Length, line: Length = LINE,
           indent: bool = True) -> None:
    style.font.size = size
    style.font.bold = False
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    _fonts(style.element.get_or_add_rPr(), font)
    form = style.paragraph_format
    form.space_before = form.space_after = Pt(0)
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = line
    form.first_line_indent = size * 2 if indent else Pt(0)
    form.left_indent = Pt(0)
    form.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # Word and WPS indent by characters; firstLineChars overrides firstLine, even when inherited.
    ind = style.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), "200" if indent else "0")
    for unwanted in (style.element.get_or_add_pPr().find(qn("w:pBdr")),
                     style.element.get_or_add_rPr().find(qn("w:spacing"))):
        if unwanted is not None:
            unwanted.getparent().remove(unwanted)


def _styles(document: Document) -> None:
    """Body, title, the two heading levels and table text, with the fonts of GB/T 9704."""
    styles = document.styles
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _style(normal, BODY_FONT, BODY_SIZE)
    # python-docx's blank document defaults to Japanese East Asian fonts; make the defaults Chinese.
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(defaults, BODY_FONT)
    for properties in (defaults, normal.element.get_or_add_rPr()):
        lang = properties.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            properties.append(lang)
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
    font_lang = document.settings.element.find(qn("w:themeFontLang"))
    if font_lang is not None:
        font_lang.set(qn("w:eastAsia"), "zh-CN")
    for name, font in (("Heading 1", HEADING_FONT), ("Heading 2", SUBHEADING_FONT)):
        heading = styles[name]
        assert isinstance(heading, ParagraphStyle)
        _style(heading, font, BODY_SIZE)
        heading.paragraph_format.keep_with_next = True
    title = styles["Title"]
    assert isinstance(title, ParagraphStyle)
    _style(title, TITLE_FONT, TITLE_SIZE, TITLE_LINE, indent=False)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = LINE
    table = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(table, ParagraphStyle)
    table.style_id = "TableText"
    table.base_style = normal
    _style(table, BODY_FONT, TABLE_SIZE, Pt(14), indent=False)
    table.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    _alt_names(document)


def _alt_names(document: Document) -> None:
    """Declare the official fonts in the font table, each with a common substitute."""
    table = document.part.part_related_by(RT.FONT_TABLE)
    fonts = "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/>'
                    '<w:charset w:val="86"/></w:font>' for name, alt in ALT_NAMES.items())
    # python-docx keeps the font table as a plain part: its XML is edited as text.
    table._blob = table.blob.replace(b"</w:fonts>", fonts.encode("utf-8") + b"</w:fonts>")


def _page(document: Document) -> None:
    """A4, GB/T 9704 margins, page numbers 「— 1 —」 right on odd pages and left on even pages."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(25)
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        _page_number(footer.paragraphs[0], align)


def _page_number(paragraph: Paragraph, align: WD_ALIGN_PARAGRAPH) -> None:
    form = paragraph.paragraph_format
    form.alignment = align
    form.first_line_indent = Pt(0)
    paragraph._p.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "0")
    # 「单页码居右空一字，双页码居左空一字」: one character of space on the outer side.
    odd = align == WD_ALIGN_PARAGRAPH.RIGHT
    space = (Pt(0), PAGE_NUMBER_SIZE)
    form.left_indent, form.right_indent = space if odd else space[::-1]
    form.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for part in ("— ", None, " —"):
        run = paragraph.add_run()
        run.font.size = PAGE_NUMBER_SIZE
        _fonts(run._r.get_or_add_rPr(), PAGE_NUMBER_FONT, PAGE_NUMBER_FONT)
        if part is not None:
            run.text = part
            continue
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                           ("end", None)):
            tag = "w:fldChar" if kind else ("w:instrText" if text == " PAGE " else "w:t")
            element = OxmlElement(tag)
            if kind:
                element.set(qn("w:fldCharType"), kind)
            else:
                element.text = text
            run._r.append(element)


def _title(document: Document, body: str | None, title: str) -> None:
    """The title, broken after the body's name so neither line splits a word."""
    paragraph = document.add_paragraph(style="Title")
    if body and title.startswith(body) and len(title) > len(body):
        paragraph.add_run(visible(body)).add_break()
        paragraph.add_run(visible(title[len(body):]))
    else:
        paragraph.add_run(visible(title))


def _table(document: Document, blocks: Sequence[Table], widths: Sequence[Length],
           *, whole: bool) -> None:
    """Tables stacked into one Word table with the official merged cells.

    Each block stays on one page if `whole`, else only its header rows stay with the first body
    row; the header rows of a table that runs onto the next page are repeated there.
    """
    height = sum(len(block.rows) for block in blocks)
    columns = max(block.width for block in blocks)
    if len(widths) != columns:  # a layout without tuned widths (2019 table 二) shares the width
        widths = [Length(TEXT_WIDTH // columns)] * columns
    table = document.add_table(rows=height, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_properties(table, sum(widths))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for r, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if len(blocks) == 1 and r < blocks[0].header_rows:
            properties.append(OxmlElement("w:tblHeader"))
        for c, cell in enumerate(row.cells):
            cell.width = widths[c]
    top = 0
    kept: list[int] = []
    for block in blocks:
        kept += range(top, top + (len(block.rows) - 1 if whole else block.header_rows))
        for r, c, cell in block.cells():
            target = table.cell(top + r, c)
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(table.cell(top + r + cell.rowspan - 1, c + cell.colspan - 1))
            target.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            paragraph = target.paragraphs[0]
            paragraph.style = document.styles[TABLE_STYLE]
            paragraph.add_run(visible(cell.text))
            label = not cell.figure and r >= block.header_rows and cell.rowspan == 1
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if label else WD_ALIGN_PARAGRAPH.CENTER
        top += len(block.rows)
    for r in kept:
        for tc in table.rows[r]._tr.tc_lst:
            for p in tc.p_lst:
                p.get_or_add_pPr().keepNext_val = True


def _table_properties(table: WordTable, width: int) -> None:
    """Fixed total width and narrow cell padding, so table 三's columns keep their widths."""
    properties = table._tbl.tblPr
    total = properties.find(qn("w:tblW"))
    if total is None:
        total = OxmlElement("w:tblW")
        properties.insert(1, total)
    total.set(qn("w:w"), str(Length(width).twips))
    total.set(qn("w:type"), "dxa")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(Length(CELL_PADDING).twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    # The schema orders tblPr's children: tblCellMar comes just before tblLook.
    look = properties.find(qn("w:tblLook"))
    if look is None:
        properties.append(margins)
    else:
        look.addprevious(margins)
