"""`careerplan occupations`: find an occupation by title and show its page."""

from typing import Annotated

import typer

from careerplan.cli.apps import sub_app
from careerplan.cli.output import console, print_json

app = sub_app("Find occupations by job title and show what each one is.")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.command("search")
def search(
    title: Annotated[
        str, typer.Argument(help='A job title as people write it, e.g. "Sr. SWE II".')
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=100, help="How many.")] = 10,
    json: JsonOption = False,
) -> None:
    """Occupations whose titles match TITLE, best first."""
    from careerplan.catalog import search_titles

    hits = search_titles(title, limit=limit)
    if json:
        print_json([h.to_dict() for h in hits])
        return
    out = console()
    if not hits:
        out.print(f"No occupation matches '{title}'. Try fewer or more common words.")
        return
    from rich.table import Table

    table = Table("code", "occupation", "matched title", "score")
    for hit in hits:
        table.add_row(hit.code, hit.title, hit.matched_title, f"{hit.score:.2f}")
    out.print(table)


@app.command("show")
def show(
    code: Annotated[str, typer.Argument(help="O*NET-SOC code, e.g. 15-1252.00.")],
    json: JsonOption = False,
) -> None:
    """The occupation's page: work, tasks, skills, education, technology, wages, outlook."""
    from careerplan.catalog import profile
    from careerplan.cli.render_catalog import render_profile

    page = profile(code)
    if json:
        print_json(page.to_dict())
        return
    render_profile(console(), page)
