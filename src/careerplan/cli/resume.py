"""`careerplan resume`: what careerplan reads in a résumé, and the résumés kept in the plan.

    careerplan resume read FILE [--json]      (PDF, DOCX, Markdown or text; `-`: stdin)
    careerplan resume import FILE [--name NAME] [--json]
    careerplan resume show [ID] [--json]

`read` prints the sections found and the ESCO skills the résumé shows, each with the line that
shows it; nothing is saved and no plan is needed. `import` keeps the résumé (applications are
scored against the latest) and adds the skills it shows to the inventory, to be confirmed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerplan.cli.apps import sub_app
from careerplan.domain.errors import InvalidInput

if TYPE_CHECKING:
    from careerplan.catalog.resume import ResumeReading
    from careerplan.services.documents import Document

app = sub_app(
    "Read or keep a résumé: its sections, and the skills it shows with the lines that show them."
)


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

    from careerplan.cli.output import console

    out = console()
    pages = f", {document.pages} page{'s' if document.pages != 1 else ''}" if document.pages else ""
    out.print(f"Read as {document.kind.upper()}{pages}.")
    _print_reading(reading)


@app.command("import")
def import_(
    file: Annotated[str, typer.Argument(help="A PDF, DOCX, Markdown or text file; `-`: stdin.")],
    name: Annotated[
        str | None, typer.Option("--name", help="What to call it (default: the file's name).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Keep a résumé: applications are scored against it, and the skills it shows are added
    to your skills, waiting for you to confirm them."""
    from careerplan.cli.context import clock, unit
    from careerplan.services.applications import import_resume

    document = read_file(file)
    called = name if name is not None else ("résumé" if file == "-" else Path(file).name)
    with unit() as uow:
        imported = import_resume(uow, clock(), document.text, called.strip())
    if as_json:
        from careerplan.cli import serialize
        from careerplan.cli.output import print_json

        print_json(
            {
                "resume": serialize.resume(imported.resume, with_text=False),
                "kind": document.kind,
                "pages": document.pages,
                **imported.reading.to_dict(),
                "added": [serialize.skill(s) for s in imported.added],
            }
        )
        return
    from rich.markup import escape

    from careerplan.cli.output import console

    out = console()
    kept = imported.resume
    out.print(f"Kept résumé {kept.id}: {escape(kept.name)} (read as {document.kind.upper()}).")
    _print_reading(imported.reading)
    if imported.reading.skills:
        added = len(imported.added)
        already = len(imported.reading.skills) - added
        held = f" ({already} already in your skills)" if already > 0 else ""
        out.print(
            f"Added {added} to your skills to confirm{held}: see them with "
            "`careerplan skills list`, confirm with `careerplan skills confirm ID...`."
        )


@app.command("show")
def show(
    resume_id: Annotated[
        int | None, typer.Argument(help="Which résumé (default: the latest).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """A kept résumé (the latest by default): its name, date and text, and the list of them."""
    from careerplan.cli.context import unit

    with unit() as uow:
        shown = uow.resumes.get(resume_id) if resume_id is not None else uow.resumes.latest()
        kept = uow.resumes.all()
    if as_json:
        from careerplan.cli import serialize
        from careerplan.cli.output import print_json

        print_json(
            {
                "resume": serialize.resume(shown) if shown is not None else None,
                "resumes": [serialize.resume(r, with_text=False) for r in kept],
            }
        )
        return
    from careerplan.cli.render_job_search import resume_view

    resume_view(shown, kept)


@app.command("dream")
def dream(
    add_goal: Annotated[
        str | None,
        typer.Option("--add-goal", help="Make one of the real gaps (by name) a goal of your plan."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Your résumé against your dream job: what it proves, what you have that it does not show,
    and the real gaps (each can become a goal with --add-goal NAME)."""
    from careerplan.cli.context import clock, unit
    from careerplan.domain.errors import DomainRefusal, Hint, Remedy
    from careerplan.services.tailoring import add_gap_goal, against_dream

    with unit() as uow:
        goal = add_gap_goal(uow, clock(), add_goal) if add_goal is not None else None
        check = against_dream(uow, clock())
    if check is None:
        raise DomainRefusal(
            "Your plan names no dream occupation to compare your résumé with.",
            hint=Hint(Remedy.CHOOSE_DREAM_JOB),
        )
    if as_json:
        from careerplan.cli.output import print_json

        print_json(check.to_dict() | {"added_goal": None if goal is None else goal.id})
        return
    from careerplan.cli.render_job_search import dream_view

    if goal is not None:
        from careerplan.cli.output import console

        console().print(f"Added goal {goal.id}: {goal.text}.", markup=False)
    dream_view(check)


def _print_reading(reading: ResumeReading) -> None:
    from rich.markup import escape

    from careerplan.cli.output import console

    out = console()
    out.print(
        "Sections: "
        + ", ".join(f"{escape(s.heading or '(top)')} ({len(s.items)})" for s in reading.sections)
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
