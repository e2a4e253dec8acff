"""A résumé or a posting from a file: PDF, DOCX, a web page, Markdown or plain text, read to
plain text.

The kind is told by the file's first bytes, never by its name. Every limit is checked before
the work it guards: the size before reading, a DOCX archive's entries and their unpacked sizes
before unpacking (a small file can unpack to gigabytes), a PDF's pages before extracting. What
cannot be read gets a message that says what to do instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser

from careerplan.domain.errors import InvalidInput

MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 10
MAX_ENTRIES = 500  # a résumé's DOCX has a few dozen parts
MAX_UNPACKED = 40 * 1024 * 1024
MAX_RATIO = 200  # text compresses well, but not a thousand to one
HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<head|<body|<div|<p>|<h[1-6])", re.I)
STRAY_BULLETS = re.compile(r"(?:\s*[•▪◦‣·])+\s*$")
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True, slots=True)
class Document:
    kind: str  # pdf, docx, html or text
    text: str
    pages: int | None = None


def read_document(data: bytes, name: str = "the file") -> Document:
    """The text of a PDF, a DOCX, or a UTF-8 text or Markdown file."""
    if len(data) > MAX_BYTES:
        raise InvalidInput(
            f"{name} is {len(data) / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB. A résumé or a posting is rarely over 1 MB: "
            "save it without images, or paste its text."
        )
    if not data.strip():
        raise InvalidInput(f"{name} is empty.")
    if data.startswith(b"%PDF-"):
        return _pdf(data, name)
    if data.startswith(b"PK\x03\x04"):
        return _docx(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidInput(f"{name} is an old Word (.doc) file: save it as DOCX or PDF.")
    text = _text(data, name)
    if HTML_START.match(text):
        return Document("html", _html(text, name))
    return Document("text", text)


def saveable(text: str) -> str:
    """The text without what no database keeps: NUL characters (a PDF's text layer can carry
    them) and lone surrogates. Dropped, not a reason to refuse a readable file."""
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


class _HtmlText(HTMLParser):
    """The text of a page, a line for each block (paragraph, heading, list item, row)."""

    BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "ul", "ol", "table", "section", "article", "header"}
        | {"footer", "h1", "h2", "h3", "h4", "h5", "h6"}
    )
    HIDDEN = frozenset({"script", "style", "head", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            # A list item keeps its marker: it is an item, never a heading.
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _html(page: str, name: str) -> str:
    reader = _HtmlText()
    reader.feed(page)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).splitlines())
    text = "\n".join(line for line in lines if line)
    if not text:
        raise InvalidInput(f"{name} is a web page with no text.")
    return text


def _text(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise InvalidInput(
            f"{name} is neither a PDF, a DOCX nor text: give one of those, or paste the text."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{name} is not UTF-8 text: save it as UTF-8 and try again.") from None


def _pdf(data: bytes, name: str) -> Document:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it repairs or cannot read ("EOF marker not found") to standard error;
    # the person gets this function's message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InvalidInput(
                f"{name} is a password-protected PDF: save a copy without the password, or "
                "paste the text."
            )
        pages = len(reader.pages)
        if pages > MAX_PAGES:
            raise InvalidInput(
                f"{name} has {pages} pages; a résumé or a posting is read up to {MAX_PAGES}."
            )
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise InvalidInput(
            f"{name} is a damaged PDF: export it again, or paste the text."
        ) from None
    # List bullets drawn apart from their text come out at the end of another line.
    text = "\n".join(STRAY_BULLETS.sub("", line) for line in text.splitlines())
    if not text.strip():
        raise InvalidInput(
            f"{name} has no text layer (a scan or a picture): paste the text instead, or export "
            "the PDF from the program you wrote it in."
        )
    return Document("pdf", text, pages)


def _docx(data: bytes, name: str) -> Document:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise InvalidInput(f"{name} is a damaged DOCX: save it again, or paste the text.") from None
    unpacked = sum(entry.file_size for entry in entries)
    if (
        len(entries) > MAX_ENTRIES
        or unpacked > MAX_UNPACKED
        or any(e.file_size > MAX_RATIO * max(e.compress_size, 1) for e in entries)
    ):
        raise InvalidInput(
            f"{name} unpacks to far more than a document holds (a decompression bomb?): it was "
            "not opened. Save it again from your word processor, or paste the text."
        )
    if "word/document.xml" not in archive.namelist():
        raise InvalidInput(f"{name} is a ZIP archive but not a DOCX document.")
    try:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    except (zipfile.BadZipFile, DefusedXmlException, ElementTree.ParseError, OSError):
        raise InvalidInput(f"{name} is a damaged DOCX: save it again, or paste the text.") from None
    lines = []
    for paragraph in root.iter(f"{WORD}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{WORD}t" and node.text:
                pieces.append(node.text)
            elif node.tag in (f"{WORD}tab", f"{WORD}br"):
                pieces.append(" " if node.tag == f"{WORD}tab" else "\n")
        lines.append("".join(pieces))
    text = "\n".join(lines)
    if not text.strip():
        raise InvalidInput(f"{name} holds no text.")
    return Document("docx", text)
