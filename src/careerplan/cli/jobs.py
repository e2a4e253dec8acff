"""`careerplan jobs`: job postings measured against a résumé.

    careerplan jobs fit --jsonl FILE      (FILE may be `-` for standard input)

Each input line is `{"posting": "...", "resume": "..."}` (and an optional `id`); each output
line is `{"qualified": 0-100, "toward_dream": null, "requirements": [...], "missing": [...],
"deal_breakers": [...]}`, with `line` (and `id`) saying which input it answers. `qualified` is
the weighted share of the posting's requirements the résumé meets (60 and above: qualified
now); a must-have it does not meet is a deal-breaker. `toward_dream` is not computed yet and is
always null. A line that cannot be scored gives `{"line": N, "error": "..."}` and the rest carry
on. No plan is needed.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from careerplan.cli.apps import sub_app
from careerplan.domain.errors import InvalidInput

app = sub_app("Measure job postings against a résumé.")


@app.command("fit")
def fit(
    jsonl: Annotated[
        str,
        typer.Option(
            "--jsonl", help='Score every line {"posting": …, "resume": …} of FILE (`-`: stdin).'
        ),
    ],
) -> None:
    """How well each résumé meets its posting's requirements, with what it misses."""
    from careerplan.cli.context import clock
    from careerplan.cli.jsonl import run

    today = clock().today()
    run(jsonl, lambda raw, number: fit_line(raw, number, today))


def fit_line(raw: bytes, number: int, today: date) -> dict[str, Any]:
    """The fit of one JSONL line, or an error object naming what is wrong with it."""
    from careerplan.catalog.job_fit import fit as measure
    from careerplan.cli.hints import said
    from careerplan.cli.jsonl import error_at, ident_of, object_of

    parsed = object_of(raw, number, "`posting` and `resume`")
    if "error" in parsed:
        return parsed
    item: dict[str, Any] = parsed["item"]
    ident = ident_of(item)
    texts = []
    for field in ("posting", "resume"):
        value = item.get(field)
        if not isinstance(value, str):
            what = "missing" if value is None else "not a string"
            return error_at(number, f"`{field}` is {what}.", ident)
        texts.append(value)
    try:
        found = measure(texts[0], texts[1], today)
    except InvalidInput as problem:
        return error_at(number, said(problem), ident)
    head: dict[str, Any] = {"line": number}
    if ident is not None:
        head["id"] = ident
    body = found.to_dict()
    return head | {"qualified": body.pop("qualified"), "toward_dream": None} | body
