"""`careerplan skills`: the ESCO skills a line of text speaks of.

    careerplan skills link "TEXT" [-n N] [--json]
    careerplan skills link --jsonl FILE      (FILE may be `-` for standard input)

In JSONL mode each input line is an object with `text` (and an optional `id`); each output line
is `{"text": ..., "skills": [{"label": ESCO preferred label, "uri": ..., "score": ...}, ...]}`
with the skills best first (`line`, and `id` when given, say which input it answers). A line
that cannot be linked gives `{"line": N, "error": "..."}` and the rest carry on. No plan is
needed.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from careerplan.cli.apps import sub_app
from careerplan.domain.errors import InvalidInput

app = sub_app("Find the ESCO skills that a line of a résumé or a job posting names.")

LimitOption = Annotated[
    int, typer.Option("--limit", "-n", min=1, max=100, help="How many skills, best first.")
]


@app.command("link")
def link(
    text: Annotated[
        str | None, typer.Argument(help="The text to link; `-` reads standard input.")
    ] = None,
    limit: LimitOption = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    jsonl: Annotated[
        str | None,
        typer.Option("--jsonl", help="Link every line of this JSONL file (`-`: stdin)."),
    ] = None,
) -> None:
    """The ESCO skills TEXT names or describes, best first, with a score."""
    if (text is None) == (jsonl is None):
        raise InvalidInput(
            'Give either a text or --jsonl FILE (not both): skills link "SQL and Python".'
        )
    if jsonl is not None:
        if as_json:
            raise InvalidInput("--json does not apply to --jsonl: every output line is JSON.")
        from careerplan.cli.jsonl import run

        run(jsonl, lambda raw, number: link_line(raw, number, limit))
        return
    from careerplan.catalog.skill_links import link_skills
    from careerplan.cli.context import read_text

    links = link_skills(read_text(text or ""), limit)
    if as_json:
        from careerplan.cli.output import print_json

        print_json([found.to_dict() for found in links])
        return
    from rich.table import Table

    from careerplan.cli.output import console

    table = Table("skill (ESCO)", "score")
    for found in links:
        table.add_row(found.label, f"{found.score:.2f}")
    console().print(table)


def link_line(raw: bytes, number: int, limit: int = 10) -> dict[str, Any]:
    """The skills of one JSONL line, or an error object naming what is wrong with it."""
    from careerplan.catalog.skill_links import link_skills
    from careerplan.cli.hints import said
    from careerplan.cli.jsonl import answer_at, error_at, ident_of, object_of

    parsed = object_of(raw, number, "`text`")
    if "error" in parsed:
        return parsed
    item: dict[str, Any] = parsed["item"]
    ident = ident_of(item)
    text = item.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else "not a string"
        return error_at(number, f"`text` is {what}.", ident)
    try:
        links = link_skills(text, limit)
    except InvalidInput as problem:
        return error_at(number, said(problem), ident)
    return answer_at(number, ident, {"text": text, "skills": [found.to_dict() for found in links]})
