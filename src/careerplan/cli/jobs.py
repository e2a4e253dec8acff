"""`careerplan jobs`: job postings measured against a résumé.

    careerplan jobs fit --posting FILE --resume FILE [--json]
    careerplan jobs fit --jsonl FILE      (FILE may be `-` for standard input)

A posting may be text, HTML, PDF or DOCX, and a résumé PDF, DOCX, Markdown or text. With
--jsonl, each input line is `{"posting": "...", "resume": "..."}` (and an optional `id`); each
output line is `{"qualified": 0-100, "toward_dream": 0-100 or null, "job": ..., "quadrant":
..., "requirements": [...], "missing": [...], "deal_breakers": [...]}`, with `line` (and `id`)
saying which input it answers.

`qualified` is the weighted share of the posting's requirements the résumé meets (60 and above:
qualified now); a must-have it does not meet is a deal-breaker. When the plan names a dream
occupation, `toward_dream` is the share of its skill gap (above today's job) that the posting's
job would close, `job` the occupation its title was read as, and `quadrant` where the posting
lands (sweet spot, stretch, stepping stone, off path); otherwise they are null. A line that
cannot be scored gives `{"line": N, "error": "..."}` and the rest carry on. No plan is needed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerplan.cli.apps import sub_app
from careerplan.domain.errors import InvalidInput

if TYPE_CHECKING:
    from careerplan.services.job_search import PlanReads, PostingFit

app = sub_app("Measure job postings against a résumé.")


@app.command("fit")
def fit(
    posting: Annotated[
        str | None,
        typer.Option("--posting", help="The posting: a text, HTML, PDF or DOCX file (`-`: stdin)."),
    ] = None,
    resume: Annotated[
        str | None,
        typer.Option("--resume", help="The résumé: a PDF, DOCX, Markdown or text file."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    jsonl: Annotated[
        str | None,
        typer.Option(
            "--jsonl", help='Score every line {"posting": …, "resume": …} of FILE (`-`: stdin).'
        ),
    ] = None,
) -> None:
    """How well a résumé meets a posting's requirements, with what it misses and what to do."""
    from careerplan.cli.context import clock

    today = clock().today()
    if jsonl is not None:
        if posting is not None or resume is not None or as_json:
            raise InvalidInput(
                "--jsonl takes its postings and résumés from the file, one pair a line."
            )
        from careerplan.cli.context import existing_plan
        from careerplan.cli.jsonl import run

        with existing_plan() as plan:
            run(jsonl, lambda raw, number: fit_line(raw, number, today, plan))
        return
    if posting is None or resume is None:
        raise InvalidInput(
            "Give --posting FILE and --resume FILE (or --jsonl FILE): "
            "careerplan jobs fit --posting job.html --resume cv.pdf"
        )
    if posting == "-" and resume == "-":
        raise InvalidInput("Only one of --posting and --resume can read standard input.")
    from careerplan.cli.context import existing_plan
    from careerplan.cli.resume import document_text
    from careerplan.services.job_search import score_posting

    texts = document_text(posting), document_text(resume)
    with existing_plan() as plan:
        scored = score_posting(*texts, today, plan)
    if as_json:
        from careerplan.cli.output import print_json

        print_json(scored.to_dict())
        return
    _render(scored)


def _render(scored: PostingFit) -> None:
    from rich.markup import escape

    from careerplan.catalog.job_fit import QUALIFIED
    from careerplan.cli.output import console

    out = console()
    found = scored.fit
    verdict = "qualified now" if found.qualified >= QUALIFIED else "not qualified yet"
    out.print(f"Qualified: {found.qualified}/100 ({verdict}).")
    if scored.dream is not None:
        dream = scored.dream
        out.print(
            f"Toward your dream job: {dream.toward}/100, read as {escape(dream.job_title)} "
            f"({dream.job_code}). A {dream.quadrant(found.qualified >= QUALIFIED)}."
        )
    for requirement in found.requirements:
        mark = "✓" if requirement.met else ("✗" if requirement.must else "·")
        must = "" if requirement.must else " (nice to have)"
        out.print(f"  {mark} {escape(requirement.text)}{must}")
    if found.deal_breakers:
        out.print("Deal-breakers (must-haves the résumé does not show):")
        for item in found.deal_breakers:
            out.print(f"  - {escape(item)}")
    if found.missing:
        out.print(
            "If you have these, say so in your résumé in the posting's words; if not, they are "
            "the gaps to close: " + "; ".join(escape(m) for m in found.missing) + "."
        )


def fit_line(raw: bytes, number: int, today: date, plan: PlanReads | None = None) -> dict[str, Any]:
    """The fit of one JSONL line, or an error object naming what is wrong with it."""
    from careerplan.cli.hints import said
    from careerplan.cli.jsonl import answer_at, error_at, ident_of, object_of
    from careerplan.services.job_search import score_posting

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
        scored = score_posting(texts[0], texts[1], today, plan)
    except InvalidInput as problem:
        return error_at(number, said(problem), ident)
    return answer_at(number, ident, scored.to_dict())
