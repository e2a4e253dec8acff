"""`careerplan skills`: the person's own skills, and the ESCO skills a line of text speaks of.

    careerplan skills list [--json]
    careerplan skills add LABEL [--level N] [--evidence resume|goal|job|said] [--shown-by TEXT]
    careerplan skills set ID [--level N|--no-level] [--shown-by TEXT] [--evidence E] [--unconfirm]
    careerplan skills remove ID
    careerplan skills confirm ID...|--all
    careerplan skills seed --from job|goals
    careerplan skills link "TEXT" [-n N] [--json]
    careerplan skills link --jsonl FILE      (FILE may be `-` for standard input)

A level runs from 0 to 7, as O*NET rates skills, each said in words (`skills add --help`).
Seeded skills wait for the person to confirm them; a skill the person adds or edits is confirmed.

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
from careerplan.domain.job_search import LEVEL_WORDS

app = sub_app(
    "Your own skills (level 0-7, what shows them, confirmed or not), and the ESCO skills a "
    "line of a résumé or a job posting names."
)

LEVEL_HELP = "How well, 0-7: " + "; ".join(f"{n} {w}" for n, w in LEVEL_WORDS.items()) + "."
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]
EvidenceOption = Annotated[
    str | None,
    typer.Option(
        "--evidence",
        help="What shows it: resume (a line of your résumé), goal (a goal you completed), "
        "job (the job you do now) or said (your word).",
    ),
]
ShownByOption = Annotated[
    str | None, typer.Option("--shown-by", help="The words that show it, e.g. a résumé line.")
]
IfVersion = Annotated[
    int | None,
    typer.Option(
        "--if-version",
        "--version",
        help="Refuse the change unless the skill is still at this version (`skills list --json`).",
    ),
]


@app.command("list")
def list_skills(as_json: JsonFlag = False) -> None:
    """Your skills: level in words, what shows each, and which wait to be confirmed."""
    from careerplan.cli.context import unit

    with unit() as uow:
        skills = uow.skills.all()
    if as_json:
        from careerplan.cli import serialize
        from careerplan.cli.output import print_json

        print_json([serialize.skill(s) for s in skills])
        return
    from careerplan.cli.render_job_search import skills_table

    skills_table(skills)


@app.command("add")
def add(
    label: Annotated[str, typer.Argument(help="The skill, e.g. “Budgeting” or “SQL”.")],
    level: Annotated[int | None, typer.Option("--level", help=LEVEL_HELP)] = None,
    evidence: EvidenceOption = None,
    shown_by: ShownByOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Add a skill you have (confirmed: you said so)."""
    from careerplan.cli import choices
    from careerplan.cli.context import clock, unit
    from careerplan.domain.job_search import Evidence
    from careerplan.services.skills_inventory import add_skill

    said_evidence = choices.evidence(evidence) if evidence is not None else Evidence.SAID
    with unit() as uow:
        skill = add_skill(
            uow, clock(), label, level=level, evidence=said_evidence, shown_by=shown_by or ""
        )
    _saved(skill, "Added skill", as_json)


@app.command("set")
def set_(
    skill_id: int,
    level: Annotated[int | None, typer.Option("--level", help=LEVEL_HELP)] = None,
    no_level: Annotated[bool, typer.Option("--no-level", help="Clear the level.")] = False,
    shown_by: ShownByOption = None,
    evidence: EvidenceOption = None,
    unconfirm: Annotated[
        bool, typer.Option("--unconfirm", help="Mark it as waiting to be confirmed again.")
    ] = False,
    if_version: IfVersion = None,
    as_json: JsonFlag = False,
) -> None:
    """Change a skill; an edit is your word, so it confirms the skill (unless --unconfirm)."""
    from careerplan.cli import choices
    from careerplan.cli.context import clock, unit
    from careerplan.services.skills_inventory import set_skill

    if level is not None and no_level:
        raise InvalidInput("Give --level N or --no-level, not both.")
    chosen = choices.evidence(evidence) if evidence is not None else None
    with unit() as uow:
        skill = set_skill(
            uow,
            clock(),
            skill_id,
            expected_version=if_version,
            level=level,
            clear_level=no_level,
            evidence=chosen,
            shown_by=shown_by,
            confirmed=False if unconfirm else None,
        )
    _saved(skill, "Saved skill", as_json)


def _saved(skill: Any, verb: str, as_json: bool) -> None:
    from careerplan.cli import serialize
    from careerplan.cli.output import console, print_json
    from careerplan.cli.text import escape
    from careerplan.domain.job_search import level_words

    if as_json:
        print_json(serialize.skill(skill))
        return
    state = "confirmed" if skill.confirmed else "to confirm"
    console().print(
        f"{verb} {skill.id}: {escape(skill.label)}, {level_words(skill.level)}; {state}."
    )


@app.command("remove")
def remove(skill_id: int, if_version: IfVersion = None) -> None:
    """Remove a skill from your inventory."""
    from careerplan.cli.context import unit
    from careerplan.cli.output import console
    from careerplan.cli.text import escape
    from careerplan.services.skills_inventory import remove_skill

    with unit() as uow:
        skill = remove_skill(uow, skill_id, if_version)
    console().print(f"Removed skill {skill_id}: {escape(skill.label)}.")


@app.command("confirm")
def confirm(
    skill_ids: Annotated[
        list[int] | None, typer.Argument(help="The skills to confirm, by id.", show_default=False)
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Confirm every skill waiting to be confirmed.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Confirm skills seeded from your job, a résumé or your goals: yes, I have these."""
    from careerplan.cli.context import clock, unit
    from careerplan.services.skills_inventory import set_skill

    if bool(skill_ids) == every:
        raise InvalidInput("Give the ids of the skills to confirm, or --all (not both).")
    with unit() as uow:
        wanted = (
            [s.id for s in uow.skills.all() if not s.confirmed and s.id is not None]
            if every
            else list(dict.fromkeys(skill_ids or []))
        )
        confirmed = [set_skill(uow, clock(), ident, confirmed=True) for ident in wanted]
    from careerplan.cli import serialize
    from careerplan.cli.output import console, print_json
    from careerplan.cli.text import escape

    if as_json:
        print_json([serialize.skill(s) for s in confirmed])
        return
    if not confirmed:
        console().print("Nothing to confirm: every skill is confirmed already.")
        return
    names = "; ".join(escape(s.label) for s in confirmed)
    plural = "s" if len(confirmed) != 1 else ""
    console().print(f"Confirmed {len(confirmed)} skill{plural}: {names}.")


@app.command("seed")
def seed(
    source: Annotated[
        str,
        typer.Option(
            "--from",
            help="job: the skills and knowledge of the job you do now, at its levels; goals: "
            "the skills your completed goals and actions name.",
        ),
    ],
    as_json: JsonFlag = False,
) -> None:
    """Propose skills from your current job or your completed goals, to confirm one by one."""
    from careerplan.cli.context import clock, unit
    from careerplan.services.skills_inventory import seed_from_goals, seed_from_job

    seeders = {"job": seed_from_job, "goals": seed_from_goals, "goal": seed_from_goals}
    chosen = seeders.get(source.strip().lower())
    if chosen is None:
        raise InvalidInput(
            f"'{source}' is not a source of skills. Use --from job or --from goals "
            "(a résumé's skills come with `careerplan resume import FILE`)."
        )
    with unit() as uow:
        added = chosen(uow, clock())
    from careerplan.cli import serialize
    from careerplan.cli.output import console, print_json

    if as_json:
        print_json([serialize.skill(s) for s in added])
        return
    out = console()
    where = "your job" if chosen is seed_from_job else "your completed goals and actions"
    if not added:
        out.print(f"Nothing new from {where}: your skills hold all it names already.")
        return
    from careerplan.cli.render_job_search import skill_line

    plural = "s" if len(added) != 1 else ""
    out.print(f"Added {len(added)} skill{plural} from {where}, each waiting for you to confirm:")
    for skill in added:
        out.print(skill_line(skill))
    out.print(
        "Confirm those you have with `careerplan skills confirm ID...` (or `--all`), change a "
        "level with `careerplan skills set ID --level N`, or remove one with "
        "`careerplan skills remove ID`."
    )


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
