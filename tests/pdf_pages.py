"""Provides `pdf_bytes`: a PDF whose text layer holds given strings at given places, as a table's cells stand.

Written with pypdf alone, in Adobe's built-in Chinese font (STSong-Light, UCS-2 codes, nothing embedded),
so a test can print a table whose blank cells are simply not drawn, as a PDF made from Word prints them.
"""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

Text = tuple[float, float, float, str]
"""A string drawn on a page: x and y of its start (points from the bottom left), font size, the text."""
WIDTH, HEIGHT = 595, 842
"""An A4 page."""


def _name(value: str) -> NameObject:
    return NameObject(value)


def _font(writer: PdfWriter) -> DictionaryObject:
    descriptor = DictionaryObject(
        {
            _name("/Type"): _name("/FontDescriptor"),
            _name("/FontName"): _name("/STSong-Light"),
            _name("/Flags"): NumberObject(6),
            _name("/FontBBox"): ArrayObject([NumberObject(0)] * 4),
            _name("/ItalicAngle"): NumberObject(0),
            _name("/Ascent"): NumberObject(880),
            _name("/Descent"): NumberObject(-120),
            _name("/CapHeight"): NumberObject(880),
            _name("/StemV"): NumberObject(93),
        }
    )
    system = DictionaryObject(
        {
            _name("/Registry"): TextStringObject("Adobe"),
            _name("/Ordering"): TextStringObject("GB1"),
            _name("/Supplement"): NumberObject(4),
        }
    )
    cid_font = DictionaryObject(
        {
            _name("/Type"): _name("/Font"),
            _name("/Subtype"): _name("/CIDFontType0"),
            _name("/BaseFont"): _name("/STSong-Light"),
            _name("/CIDSystemInfo"): system,
            _name("/FontDescriptor"): writer._add_object(descriptor),
        }
    )
    return DictionaryObject(
        {
            _name("/Type"): _name("/Font"),
            _name("/Subtype"): _name("/Type0"),
            _name("/BaseFont"): _name("/STSong-Light"),
            _name("/Encoding"): _name("/UniGB-UCS2-H"),
            _name("/DescendantFonts"): ArrayObject([writer._add_object(cid_font)]),
        }
    )


def pdf_bytes(pages: list[list[Text]]) -> bytes:
    """A PDF of these pages, each string drawn where it is placed, in the order given."""
    writer = PdfWriter()
    font = writer._add_object(_font(writer))
    for texts in pages:
        page = writer.add_blank_page(WIDTH, HEIGHT)
        page[_name("/Resources")] = DictionaryObject({_name("/Font"): DictionaryObject({_name("/F1"): font})})
        operators = "".join(
            f"BT /F1 {size:g} Tf {x:.1f} {y:.1f} Td <{text.encode('utf-16-be').hex()}> Tj ET\n"
            for x, y, size, text in texts
        )
        stream = DecodedStreamObject()
        stream.set_data(operators.encode("ascii"))
        page[_name("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
