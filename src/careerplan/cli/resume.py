"""`careerplan resume read FILE`: what careerplan reads in a résumé, before anything is kept.

    careerplan resume read FILE [--json]      (PDF, DOCX, Markdown or text; `-`: stdin)

Prints the sections found and the ESCO skills the résumé shows, each with the line that shows
it. Nothing is saved and no plan is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerplan.cli.apps import sub_app
from careerplan.domain.errors import InvalidInput

if TYPE_CHECKING:
    from careerplan.services.documents import Document

app = sub_app("Read a résumé: its sections, and the skills it shows with the lines that show them.")


@app.command("read")
def read(
    file: Annotated[str, typer.Argument(help="A PDF, DOCX, Markdown or text file; `-`: stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """The résumé's sections and the ESCO skills it shows, each with its line."""
    from careerplan.catalog.resume import read_resume

    document = read_file(file)
    reading = read_resume(document.text)
    if as_json:
        from careerplan.cli.output import print_json

        print_json({"kind": document.kind, "pages": document.pages} | reading.to_dict())
        return
    from rich.markup import escape

    from careerplan.cli.output import console

    out = console()
    pages = f", {document.pages} page{'s' if document.pages != 1 else ''}" if document.pages else ""
    out.print(f"Read as {document.kind.upper()}{pages}.")
    out.print(
        "Sections: "
        + ", ".join(f"{s.heading or '(top)'} ({len(s.items)})" for s in reading.sections)
    )
    if not reading.skills:
        out.print("No ESCO skill is named: list your skills under a “Skills” heading, one a line.")
        return
    out.print(f"Skills shown ({len(reading.skills)}):")
    for skill in reading.skills:
        out.print(f"  {escape(skill.label)}  [dim]← {escape(skill.line)}[/]")


def read_file(file: str) -> Document:
    """The document in FILE (or standard input for `-`), read to text."""
    from careerplan.services.documents import MAX_BYTES, read_document

    return read_document(_bytes(file, MAX_BYTES), "standard input" if file == "-" else file)


def document_text(file: str) -> str:
    return read_file(file).text


def _bytes(file: str, limit: int) -> bytes:
    """The file's bytes, refused before reading when it is over `limit` (one more byte is read
    from standard input to know)."""
    if file == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read(limit + 1) if stream is not None else sys.stdin.read().encode()
        return data
    path = Path(file)
    try:
        if path.stat().st_size > limit:
            raise InvalidInput(
                f"{file} is {path.stat().st_size / 1024 / 1024:.1f} MB; the limit is "
                f"{limit // 1024 // 1024} MB. Save it without images, or paste its text."
            )
        return path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"Cannot read {file}: {error.strerror or error}.") from None
