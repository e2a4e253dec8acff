"""Résumés and postings from files: each kind read to text, every bad file refused clearly."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from careerplan.domain.errors import InvalidInput
from careerplan.services.documents import MAX_BYTES, MAX_PAGES, read_document

TWO_COLUMNS = """<html><body style="font-family: sans-serif">
<h1>Jane Doe</h1><div style="display: flex">
<div style="width: 40%"><h2>Skills</h2><ul><li>Python</li><li>SQL</li><li>R</li></ul></div>
<div style="width: 60%"><h2>Experience</h2><p>Data Analyst, Acme (2019 - present)</p></div>
</div></body></html>"""


def pdf(html: str) -> bytes:
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]


def docx(*paragraphs: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = (
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def test_a_two_column_pdf_keeps_each_column_together() -> None:
    found = read_document(pdf(TWO_COLUMNS))
    assert (found.kind, found.pages) == ("pdf", 1)
    lines = [line.strip() for line in found.text.splitlines() if line.strip(" •")]
    assert lines[:6] == ["Jane Doe", "Skills", "Python", "SQL", "R", "Experience"]
    assert "Data Analyst, Acme (2019 - present)" in lines


def test_a_docx_gives_its_paragraphs_as_lines() -> None:
    found = read_document(docx("Skills", "Python &amp; SQL", "Experience"))
    assert found.kind == "docx"
    assert found.text.splitlines() == ["Skills", "Python & SQL", "Experience"]


def test_markdown_and_text_are_read_as_utf8_whatever_the_name() -> None:
    found = read_document("## Skills\n- Café management\n".encode("utf-8-sig"), "cv.pdf")
    assert (found.kind, found.text) == ("text", "## Skills\n- Café management\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n ", "is empty"),
        (b"x" * (MAX_BYTES + 1), "the limit is 10 MB"),
        (b"%PDF-1.7\nthis is not a PDF at all", "damaged PDF"),
        (b"PK\x03\x04 broken archive", "damaged DOCX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, r"old Word \(\.doc\)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "neither a PDF, a DOCX nor text"),
        ("Compétences".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        read_document(data, "cv")


def test_a_scan_without_a_text_layer_asks_for_the_text() -> None:
    blank = pdf('<html><body><div style="width: 100px; height: 100px; background: black">'
                "</div></body></html>")  # fmt: skip
    with pytest.raises(InvalidInput, match="no text layer"):
        read_document(blank, "scan.pdf")


def test_a_password_protected_pdf_is_refused() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(TWO_COLUMNS))))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(InvalidInput, match="password-protected"):
        read_document(out.getvalue(), "locked.pdf")


def test_a_long_pdf_is_refused_before_its_text_is_extracted() -> None:
    pages = "".join('<p style="page-break-after: always">Page</p>' for _ in range(MAX_PAGES + 1))
    with pytest.raises(InvalidInput, match=f"has {MAX_PAGES + 1} pages"):
        read_document(pdf(f"<html><body>{pages}</body></html>"))


def test_a_zip_bomb_dressed_as_docx_is_not_unpacked() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", " " * 5_000_000)  # 5 MB in a few kB
    with pytest.raises(InvalidInput, match="decompression bomb"):
        read_document(out.getvalue(), "bomb.docx")


def test_a_zip_that_is_not_a_docx_says_so() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(InvalidInput, match="not a DOCX"):
        read_document(out.getvalue(), "notes.zip")


def test_a_docx_with_an_xml_entity_bomb_is_refused() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", bomb)
    with pytest.raises(InvalidInput, match="damaged DOCX"):
        read_document(out.getvalue(), "entities.docx")


def test_a_web_page_gives_its_visible_text_a_line_for_each_block() -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>Job</title><style>p {}</style></head><body>"
        b"<h2>Requirements</h2><ul><li>SQL &amp; Python</li><li>3 years as an analyst</li></ul>"
        b"<script>track()</script></body></html>"
    )
    found = read_document(page, "job.html")
    assert (found.kind, found.text) == (
        "html",
        "Requirements\n- SQL & Python\n- 3 years as an analyst",
    )
