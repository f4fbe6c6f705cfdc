"""Provides the text of a published report file: plain text or Markdown, a saved web page, Word or PDF.

Every failure, including the libraries' own, comes out as one `ReportImportError` naming the file and the
cause in Chinese. python-docx and pypdf are imported only when such a file is read.
"""

from __future__ import annotations

import logging
import re
import stat
import struct
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from sections.model.errors import ReportImportError
from sections.reading.pdf_columns import Placed, placed, with_blanks

if TYPE_CHECKING:
    from pypdf import PageObject

MAX_BYTES = 64 * 1024 * 1024
"""Larger files are refused: a report, even a PDF with pictures, is far smaller."""
MAX_CHARS = 1_000_000
"""Longer texts are refused: a report runs to tens of thousands of characters."""
BINARY_MAGIC: dict[bytes, str] = {
    b"\xd0\xcf\x11\xe0": "旧版 Word/WPS（.doc/.wps）文件，请另存为 .docx 或 .txt 后再读取",
    b"\x89PNG": "图片文件，不是文字报告",
    b"\xff\xd8\xff": "图片文件，不是文字报告",
    b"GIF8": "图片文件，不是文字报告",
    b"Rar!": "压缩包，不是报告",
    b"\x1f\x8b": "压缩包，不是报告",
    b"7z\xbc\xaf": "压缩包，不是报告",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = bytes(range(0x20)).translate(None, b"\t\n\x0c\r")
"""The characters of `_CONTROL` as bytes."""
_BROKEN_ZIP: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    OSError,
    RuntimeError,
    NotImplementedError,
)
"""What zipfile and python-docx raise on a damaged Word file (RuntimeError: an encrypted member;
NotImplementedError: an unknown compression or version)."""
_BROKEN_PDF: tuple[type[BaseException], ...] = (
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    AssertionError,
    OSError,
    RecursionError,
    struct.error,
    zlib.error,
    NotImplementedError,
    ZeroDivisionError,
    OverflowError,
)
"""What pypdf lets escape on damaged files besides its own `PyPdfError` (it parses arbitrary bytes)."""


def read_file(path: Path) -> str:
    """The text of a report file, by its content (the suffix only breaks ties); never empty."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReportImportError(f"{path}：这是一个文件夹，不是文件。")
        if not stat.S_ISREG(info.st_mode):
            raise ReportImportError(f"{path}：不是普通文件（设备或管道），无法读取。")
        size = info.st_size
        if size > MAX_BYTES:
            raise ReportImportError(f"{path}：文件有 {size // (1024 * 1024)} MB，太大了，不像一份年度报告。")
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise ReportImportError(f"{path}：文件不存在。") from err
    except IsADirectoryError as err:
        raise ReportImportError(f"{path}：这是一个文件夹，不是文件。") from err
    except OSError as err:
        raise ReportImportError(f"{path}：无法读取（{err.strerror}）。") from err
    text = file_text(data, path)
    if not text.strip():
        raise ReportImportError(f"{path}：文件里没有文字。")
    if len(text) > MAX_CHARS:
        raise ReportImportError(f"{path}：文字有 {len(text)} 字，太长了，不像一份年度报告。")
    return text


def file_text(data: bytes, path: Path) -> str:
    """The text of a file's bytes, choosing the reader by content: PDF, Word, web page or plain text."""
    if not data.strip():
        raise ReportImportError(f"{path}：文件是空的。")
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ReportImportError(f"{path}：这是{what}。")
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF-"):
        return pdf_text(data, path)
    if suffix == ".pdf":
        raise ReportImportError(f"{path}：不是有效的 PDF 文件（文件头不对），可能已损坏。")
    if data.startswith(b"PK\x03\x04"):
        return docx_text(data, path)
    if suffix == ".docx":
        raise ReportImportError(f"{path}：不是有效的 Word（.docx）文件，可能已损坏。")
    if suffix in (".mht", ".mhtml") or _MIME.match(data[:256]):
        return html_text(mime_html(data, path))
    text = decode(data, path)
    if suffix in (".html", ".htm", ".xhtml") or looks_like_markup(text):
        return html_text(text)
    return text


_MIME = re.compile(rb"\s*(?:From:.*\n)?MIME-Version:", re.IGNORECASE)
_LEADING = re.compile(r"\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*", re.DOTALL)
_MARKUP = re.compile(r"<(?:p|div|span|table|tr|td|br|h[1-6]|font|b|strong)\b[^>]*>", re.IGNORECASE)


def looks_like_markup(text: str) -> bool:
    """Whether text is a web page's source (a saved page, or its markup pasted into a .txt), not its text.

    A page saved by a browser may open with a 「saved from url」 comment or an XML prolog; a fragment
    copied from the page source has no <html> at all, but tags from its first character.
    """
    start = _LEADING.match(text[:4096])
    head = text[start.end() if start else 0 : 4096]
    if re.match(r"<(?:!doctype html|html|head|body|meta)\b", head, re.IGNORECASE):
        return True
    return head.startswith("<") and len(_MARKUP.findall(head)) >= 3


def mime_html(data: bytes, path: Path) -> str:
    """The web page inside a single-file page (.mht, .mhtml), as Internet Explorer or Word save one."""
    import email  # late on purpose: only for a single-file web page
    from email import policy

    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset() or "utf-8"
                try:
                    return payload.decode(charset, errors="replace")
                except LookupError:
                    return payload.decode("utf-8", errors="replace")
    raise ReportImportError(f"{path}：单一文件网页中没有找到网页正文。")


def decode(data: bytes, path: Path) -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    else:
        if b"\x00" in data:
            raise ReportImportError(f"{path}：这是二进制文件，不是文字报告。")
        candidates = ("utf-8-sig", "gb18030")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # UTF-8 and GB18030 write control characters as those bytes and use no byte below 0x30 for any other
        # character: bytes without them make a text without them, which need not be counted.
        plain = encoding != "utf-16" and len(data.translate(None, _CONTROL_BYTES)) == len(data)
        if not plain and _looks_binary(text):
            break
        return text
    raise ReportImportError(f"{path}：无法识别的文件内容（既不是 UTF-8/GB18030 文本，也不是 PDF 或 Word 文件）。")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 200)


class _PageText(HTMLParser):
    """Collects a web page's visible text: blocks on their own lines, table cells separated by tabs."""

    BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "table",
            "tr",
            "section",
            "article",
            "title",
            "header",
            "footer",
            "ul",
            "ol",
            "hr",
            "center",
        }
    )
    HIDDEN = frozenset({"script", "style", "noscript", "template", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.cell = 0
        """Depth inside td/th: paragraphs and line breaks in a cell stay on the row's line."""
        self.first_cell = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in ("td", "th"):
            if not self.first_cell:
                self.parts.append("\t")
            self.first_cell = False
            self.cell += 1
        elif tag == "tr":
            self.parts.append("\n")
            self.first_cell, self.cell = True, 0
        elif tag in self.BLOCKS:
            self.parts.append(" " if self.cell else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("td", "th"):
            self.cell = max(0, self.cell - 1)
        elif tag in ("tr", "table"):
            self.parts.append("\n")
            self.first_cell, self.cell = True, 0
        elif tag in self.BLOCKS:
            self.parts.append(" " if self.cell else "\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))


def html_text(markup: str) -> str:
    """A saved web page's visible text; table rows become lines of tab-separated cells."""
    parser = _PageText()
    parser.feed(markup)
    parser.close()
    lines = (line.strip(" ") for line in "".join(parser.parts).replace("\xa0", " ").split("\n"))
    return "\n".join(line for line in lines if line.strip(" \t"))


def docx_text(data: bytes, path: Path) -> str:
    """A Word document's paragraphs and tables in order; a table row is a line of tab-separated cells."""
    from docx import Document  # late on purpose: python-docx only when a Word file is read
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError  # type: ignore[import-untyped]

    try:
        with _quiet("docx"):
            body = Document(BytesIO(data)).element.body
    except (PackageNotFoundError, LxmlError, *_BROKEN_ZIP) as err:
        raise ReportImportError(f"{path}：不是有效的 Word（.docx）文件（{err}）。") from err
    lines: list[str] = []
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph(block))
        elif tag == "tbl":
            lines.extend(_table_rows(block))
    return "\n".join(lines)


def _paragraph(element: object) -> str:
    return "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))  # type: ignore[attr-defined]


def _table_rows(table: object) -> list[str]:
    rows = []
    for row in table.iter():  # type: ignore[attr-defined]
        if not row.tag.endswith("}tr"):
            continue
        cells = []
        for cell in row.iterchildren():
            if not cell.tag.endswith("}tc"):
                continue
            merged, span = False, 1
            for e in cell.iter():
                if e.tag.endswith("}vMerge"):
                    merged = e.get(e.tag[:-6] + "val") != "restart"
                elif e.tag.endswith("}gridSpan"):
                    value = e.get(e.tag[:-8] + "val") or "1"
                    span = int(value) if value.isdigit() and 0 < int(value) < 64 else 1
            text = " ".join(_paragraph(p) for p in cell.iter() if p.tag.endswith("}p"))
            # A cell merged across columns keeps the columns after it, so every row lines up with the header.
            cells += ["" if merged else text.strip()] + [""] * (span - 1)
        rows.append("\t".join(cells))
    return rows


def pdf_text(data: bytes, path: Path) -> str:
    """The text layer of a PDF, page after page (a scanned PDF has none and is refused)."""
    from pypdf import PdfReader  # late on purpose: pypdf only when a PDF is read
    from pypdf.errors import PyPdfError

    try:
        with _quiet("pypdf"):
            reader = PdfReader(BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ReportImportError(f"{path}：PDF 已加密，无法读取。")
            pages = [_page_text(page) for page in reader.pages]
    except PyPdfError as err:
        raise ReportImportError(f"{path}：PDF 文件无法读取（{err}），可能已损坏。") from err
    except _BROKEN_PDF as err:
        raise ReportImportError(f"{path}：PDF 文件无法读取（{type(err).__name__}），可能已损坏。") from err
    text = "\n".join(pages)
    if not text.strip():
        raise ReportImportError(f"{path}：PDF 中没有可提取的文字（可能是扫描图片），请用文字版。")
    return text


def _page_text(page: PageObject) -> str:
    """A page's text, with the rows of its tables that have blank cells written cell by cell (`with_blanks`)."""
    figures: list[Placed] = []

    def keep(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        figure = placed(text, cm, tm, size)
        if figure is not None:
            figures.append(figure)

    return with_blanks(page.extract_text(visitor_text=keep) or "", figures)


@contextmanager
def _quiet(library: str) -> Iterator[None]:
    """Keep a library's log lines and warnings about a damaged file off the user's screen.

    The one-line message says what went wrong.
    """
    log = logging.getLogger(library)
    level = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)
