"""`careerplan jobs`: job postings measured against a résumé, and the applications tracked.

    careerplan jobs add FILE|- [--title T] [--organisation O] [--stage S] [--contact ID ...]
    careerplan jobs list [--stage S] [--json]
    careerplan jobs show ID [--json]
    careerplan jobs move ID STAGE [--on DATE] [--note TEXT]
    careerplan jobs edit ID [--follow-up DATE|--no-follow-up] [--notes] [--title] [--organisation]
                            [--contact ID ...|--no-contacts]
    careerplan jobs remove ID
    careerplan jobs fit --posting FILE --resume FILE [--json]
    careerplan jobs fit --jsonl FILE      (FILE may be `-` for standard input)

An application is scored against the résumé imported last and the confirmed skills: what the
résumé shows, what the person has and should show on it, and the real gaps.

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
    from careerplan.storage.unit_of_work import UnitOfWork

app = sub_app("Track applications, and measure job postings against a résumé.")

STAGES = (
    "saved, applied, no-response, response, interviewing, offer, accepted, rejected, "
    "withdrawn or expired"
)
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]
ContactOption = Annotated[
    list[int] | None,
    typer.Option("--contact", help="A person among your resources (by id); repeatable."),
]
IfVersion = Annotated[
    int | None,
    typer.Option(
        "--if-version",
        help="Refuse the change unless the application is still at this version (`jobs show`).",
    ),
]


@app.command("add")
def add(
    file: Annotated[
        str, typer.Argument(help="The posting: a text, HTML, PDF or DOCX file; `-`: stdin.")
    ],
    title: Annotated[
        str | None, typer.Option("--title", help="The job's title (default: the posting's).")
    ] = None,
    organisation: Annotated[str, typer.Option("--organisation", help="Who is hiring.")] = "",
    stage: Annotated[str, typer.Option("--stage", help=f"Where it is: {STAGES}.")] = "saved",
    contact: ContactOption = None,
    notes: Annotated[str, typer.Option("--notes")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Save a posting as an application, and score it: qualified now, toward the dream job."""
    from careerplan.cli import choices
    from careerplan.cli.context import clock, unit
    from careerplan.cli.resume import document_text
    from careerplan.services.applications import add_application
    from careerplan.services.tailoring import scored as assess

    chosen = choices.stage(stage)
    text = document_text(file)
    with unit() as uow:
        application = add_application(
            uow,
            clock(),
            text,
            title=title,
            organisation=organisation,
            stage=chosen,
            notes=notes,
            contact_ids=contact,
        )
        scored = assess(uow, clock(), application, tailored=True)
        has_dream = _has_dream(uow)
    from careerplan.cli.render_job_search import application_json, follow_up_sentence, saved_line

    if as_json:
        from careerplan.cli.output import print_json

        print_json(application_json(application, None, scored))
        return
    from careerplan.cli.output import console
    from careerplan.cli.render_job_search import scores

    out = console()
    out.print(f"Saved application {application.id}: {saved_line(application)}.")
    if application.follow_up is not None:
        out.print(follow_up_sentence(application))
    scores(scored, has_dream)


def _has_dream(uow: UnitOfWork) -> bool:
    vision = uow.visions.get()
    return vision is not None and bool(vision.dream_occupation_code)


@app.command("list")
def list_applications(
    stage: Annotated[str | None, typer.Option("--stage", help=f"Only those {STAGES}.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Your applications: stage, follow-up, and how they score."""
    from careerplan.cli import choices
    from careerplan.cli.context import clock, unit
    from careerplan.services.tailoring import scored

    chosen = choices.stage(stage) if stage is not None else None
    with unit() as uow:
        applications = [a for a in uow.applications.all() if chosen is None or a.stage is chosen]
        rows = [(a, scored(uow, clock(), a)) for a in applications]
    from careerplan.cli.render_job_search import application_json, applications_table

    if as_json:
        from careerplan.cli.output import print_json

        print_json([application_json(a, None, found, with_posting=False) for a, found in rows])
        return
    applications_table(rows, clock().today(), chosen.value if chosen is not None else None)


@app.command("show")
def show(application_id: int, as_json: JsonFlag = False) -> None:
    """Everything about an application: its dated history, contacts, and scores with reasons."""
    from careerplan.cli.context import clock, unit
    from careerplan.services.tailoring import scored as assess

    with unit() as uow:
        application = uow.applications.get(application_id)
        contacts = _contact_names(uow, application.contact_ids)
        resume = (
            uow.resumes.get(application.resume_id) if application.resume_id is not None else None
        )
        scored = assess(uow, clock(), application, tailored=True)
        has_dream = _has_dream(uow)
    from careerplan.cli.render_job_search import application_json, application_view

    if as_json:
        from careerplan.cli.output import print_json

        print_json(application_json(application, contacts, scored))
        return
    application_view(application, contacts, resume, scored, has_dream, clock().today())


def _contact_names(uow: Any, ids: list[int]) -> dict[int, str]:
    from careerplan.domain.errors import NotFound

    names = {}
    for ident in ids:
        try:
            names[ident] = uow.resources.get(ident).name
        except NotFound:
            continue
    return names


@app.command("move")
def move(
    application_id: int,
    stage: Annotated[str, typer.Argument(help=f"The new stage: {STAGES}.")],
    on: Annotated[
        str | None, typer.Option("--on", help="When it happened (default today).")
    ] = None,
    note: Annotated[str, typer.Option("--note", help="What happened.")] = "",
    if_version: IfVersion = None,
    as_json: JsonFlag = False,
) -> None:
    """Move an application to another stage, dated; sending it sets a follow-up a week on."""
    from careerplan.cli import choices
    from careerplan.cli.context import clock, parse_day, unit
    from careerplan.services.applications import move_application

    chosen = choices.stage(stage)
    day = parse_day(on)
    with unit() as uow:
        application = move_application(
            uow, clock(), application_id, chosen, on=day, note=note, expected_version=if_version
        )
    _changed(application, f"moved to {chosen.label} on {application.history[-1].on}", as_json)


def _changed(application: Any, what: str, as_json: bool) -> None:
    from careerplan.cli.render_job_search import follow_up_sentence

    if as_json:
        from careerplan.cli import serialize
        from careerplan.cli.output import print_json

        print_json(serialize.application(application, None))
        return
    from careerplan.cli.output import console
    from careerplan.cli.text import escape

    console().print(
        f"Application {application.id} ({escape(application.title)}) {what}. "
        + follow_up_sentence(application)
    )


@app.command("edit")
def edit(
    application_id: int,
    follow_up: Annotated[
        str | None, typer.Option("--follow-up", help="When to ask after it: 2026-12-01, +1w.")
    ] = None,
    no_follow_up: Annotated[
        bool, typer.Option("--no-follow-up", help="Clear the follow-up.")
    ] = False,
    notes: Annotated[str | None, typer.Option("--notes")] = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    organisation: Annotated[str | None, typer.Option("--organisation")] = None,
    contact: ContactOption = None,
    no_contacts: Annotated[
        bool, typer.Option("--no-contacts", help="Remove every contact.")
    ] = False,
    if_version: IfVersion = None,
    as_json: JsonFlag = False,
) -> None:
    """Change an application's follow-up, notes, title, organisation or contacts."""
    from careerplan.cli.context import clock, parse_day, unit
    from careerplan.services.applications import edit_application

    if follow_up is not None and no_follow_up:
        raise InvalidInput("Give --follow-up DATE or --no-follow-up, not both.")
    if contact and no_contacts:
        raise InvalidInput("Give --contact ID or --no-contacts, not both.")
    day = parse_day(follow_up)
    contacts = [] if no_contacts else (contact or None)
    given = (follow_up, notes, title, organisation, contacts)
    if all(value is None for value in given) and not no_follow_up:
        raise InvalidInput(
            "Nothing to change. See `careerplan jobs edit --help` for what can be changed."
        )
    with unit() as uow:
        application = edit_application(
            uow,
            clock(),
            application_id,
            expected_version=if_version,
            title=title,
            organisation=organisation,
            notes=notes,
            follow_up=day,
            clear_follow_up=no_follow_up,
            contact_ids=contacts,
        )
    _changed(application, "updated", as_json)


@app.command("remove")
def remove(application_id: int, if_version: IfVersion = None) -> None:
    """Remove an application and its history."""
    from careerplan.cli.context import unit
    from careerplan.cli.output import console
    from careerplan.cli.render_job_search import saved_line
    from careerplan.services.applications import remove_application

    with unit() as uow:
        application = remove_application(uow, application_id, if_version)
    console().print(f"Removed application {application_id}: {saved_line(application)}.")


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
