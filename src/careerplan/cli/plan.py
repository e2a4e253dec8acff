"""`careerplan init`, `today`, `start` and `vision ...`: the written-down dream job."""

import sys
from datetime import date
from typing import Annotated, Any

import typer

from careerplan.cli.apps import sub_app
from careerplan.cli.context import clock, parse_day, reader, unit
from careerplan.cli.output import console, print_json

vision_app = sub_app("Show or change the written-down vision of your dream job.")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]
# What the person is looking for, for the card their network reads (`careerplan card`).
TargetRolesOption = Annotated[
    str | None, typer.Option("--target-roles", help="The roles you are looking for.")
]
OrganisationSizeOption = Annotated[
    str | None, typer.Option("--organisation-size", help="e.g. 50-200 people.")
]
PayRangeOption = Annotated[
    str | None, typer.Option("--pay-range", help="e.g. £70,000-£90,000 a year.")
]

# Flags shared by `init` and `vision edit`, mapped to vision fields.
_TEXT_FIELDS = {
    "target_roles": "Roles you are looking for (e.g. Head of Operations, COO)",
    "industry": "Industry",
    "organisation_type": "Organisation type (startup, agency, hospital...)",
    "organisation_size": "Organisation size (e.g. 50-200 people)",
    "culture": "Culture you want",
    "location": "Where",
    "pay_range": "Pay range (e.g. £70,000-£90,000)",
    "life_difference": "Once you have this job, how is your life different?",
    "workplace": "What does your workplace look like?",
    "dress": "How do you dress for work?",
    "daily_work": "What are you doing day to day?",
    "feelings": "How do you feel?",
    "success_definition": "What does success mean to you?",
    "commitment": "Your commitment statement",
}


EDUCATION_HELP = (
    "Your highest education: none, high school, some college, postsecondary certificate, "
    "associate's, bachelor's, master's, doctoral or professional."
)


def _ask_education() -> str:
    """Ask until the answer is a level (or empty): one mistyped answer must not lose the rest."""
    from careerplan.cli.prompts import ask
    from careerplan.domain.credentials import education_from

    return ask(
        "Your highest education (e.g. high school, bachelor's; Enter to skip)",
        "",
        lambda answer: education_from(answer).value if answer else "",
    )


def _ask_education_field() -> str:
    from careerplan.cli.prompts import ask
    from careerplan.domain.rules import MAX_NAME, clean_optional

    return ask(
        "In what field? (e.g. biology; Enter to skip)",
        "",
        lambda answer: clean_optional(answer, "field of education", MAX_NAME),
    )


def _ask_profile(
    name: str | None,
    current_job: str | None,
    dream_job: str | None,
    target_date: str | None,
    hours: float | None,
) -> tuple[str, str, str, date | None, float]:
    """Ask for what the flags left out, each answer checked as it is given."""
    from careerplan.cli.prompts import ask
    from careerplan.domain.rules import EMPTY_NAME, MAX_NAME, clean_optional, clean_text
    from careerplan.services.vision import check_hours, clean_vision_value

    def when(answer: str) -> date | None:
        return clean_vision_value("target_date", parse_day(answer)) if answer else None

    name = name or ask("Your name", "", lambda a: clean_text(a, "name", MAX_NAME, empty=EMPTY_NAME))
    if current_job is None:
        current_job = ask(
            "Your job today", "", lambda a: clean_optional(a, "current job title", MAX_NAME)
        )
    dream_job = dream_job or ask(
        "Your dream job (e.g. COO of a tech startup)",
        "",
        lambda a: clean_vision_value("dream_job_title", a),
    )
    target = when(target_date) if target_date else ask("By when? (2029-06-30 or +3y)", "+3y", when)
    if hours is None:
        hours = ask("Hours a week you can give to it", "3", lambda a: check_hours(_hours(a)))
    return name, current_job, dream_job, target, hours


def _hours(answer: str) -> float:
    from careerplan.domain.errors import InvalidInput

    try:
        return float(answer.replace(",", "."))
    except ValueError:
        raise InvalidInput(
            f"'{answer}' is not a number of hours: give one such as 3 or 4.5."
        ) from None


def _ask_field(key: str, question: str) -> str:
    from careerplan.cli.prompts import ask
    from careerplan.services.vision import clean_vision_value

    return str(ask(question, "", lambda a: clean_vision_value(key, a)))


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@vision_app.command("show")
def vision_show(as_json: JsonFlag = False) -> None:
    """Show the profile and vision."""
    from careerplan.cli import serialize
    from careerplan.services.vision import show_plan_header

    with unit() as uow:
        profile, vision = show_plan_header(uow)
    if as_json:
        print_json(
            {
                "profile": serialize.profile(profile) if profile else None,
                "vision": serialize.vision(vision),
            }
        )
        return
    from careerplan.cli.render_plan import vision_panel

    vision_panel(profile, vision, clock().today())


@vision_app.command("edit")
def vision_edit(
    dream_job: Annotated[str | None, typer.Option("--dream-job")] = None,
    occupation_code: Annotated[str | None, typer.Option("--occupation-code")] = None,
    target_date: Annotated[str | None, typer.Option("--target-date")] = None,
    industry: Annotated[str | None, typer.Option("--industry")] = None,
    organisation_type: Annotated[str | None, typer.Option("--organisation-type")] = None,
    culture: Annotated[str | None, typer.Option("--culture")] = None,
    location: Annotated[str | None, typer.Option("--location")] = None,
    target_roles: TargetRolesOption = None,
    organisation_size: OrganisationSizeOption = None,
    pay_range: PayRangeOption = None,
    life_difference: Annotated[str | None, typer.Option("--life-difference")] = None,
    workplace: Annotated[str | None, typer.Option("--workplace")] = None,
    dress: Annotated[str | None, typer.Option("--dress")] = None,
    daily_work: Annotated[str | None, typer.Option("--daily-work")] = None,
    feelings: Annotated[str | None, typer.Option("--feelings")] = None,
    success: Annotated[str | None, typer.Option("--success")] = None,
    commitment: Annotated[str | None, typer.Option("--commitment")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Your name (profile).")] = None,
    current_job: Annotated[str | None, typer.Option("--current-job")] = None,
    hours: Annotated[float | None, typer.Option("--hours", help="Hours a week for this.")] = None,
    education: Annotated[str | None, typer.Option("--education", help=EDUCATION_HELP)] = None,
    education_field: Annotated[
        str | None, typer.Option("--education-field", help="Its field, e.g. biology.")
    ] = None,
    if_version: Annotated[
        int | None,
        typer.Option("--if-version", help="Refuse unless the vision is at this version."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Change any part of the vision (and the profile's name, job, hours and education)."""
    from careerplan.cli import serialize
    from careerplan.domain.errors import InvalidInput
    from careerplan.services.vision import edit_profile, edit_vision

    changes: dict[str, Any] = {
        "dream_job_title": dream_job,
        "dream_occupation_code": occupation_code,
        "target_date": parse_day(target_date),
        "industry": industry,
        "organisation_type": organisation_type,
        "culture": culture,
        "location": location,
        "target_roles": target_roles,
        "organisation_size": organisation_size,
        "pay_range": pay_range,
        "life_difference": life_difference,
        "workplace": workplace,
        "dress": dress,
        "daily_work": daily_work,
        "feelings": feelings,
        "success_definition": success,
        "commitment": commitment,
    }
    changes = {key: value for key, value in changes.items() if value is not None}
    profile_changes = {
        key: value
        for key, value in {
            "name": name,
            "current_job_title": current_job,
            "hours_per_week": hours,
            "education": education,
            "education_field": education_field,
        }.items()
        if value is not None
    }
    if not changes and not profile_changes:
        raise InvalidInput("Nothing to change. See `careerplan vision edit --help` for the fields.")
    with unit() as uow:
        vision = edit_vision(uow, clock(), changes, if_version) if changes else uow.visions.get()
        profile = edit_profile(uow, profile_changes) if profile_changes else uow.profiles.get()
    if as_json:
        print_json(
            {
                "profile": serialize.profile(profile) if profile else None,
                "vision": serialize.vision(vision) if vision else None,
            }
        )
        return
    saved = [part for part, done in (("Vision", changes), ("Profile", profile_changes)) if done]
    console().print(f"{' and '.join(saved)} saved.")


def init(
    name: Annotated[str | None, typer.Option("--name", help="Your name.")] = None,
    current_job: Annotated[
        str | None, typer.Option("--current-job", help="Your job today.")
    ] = None,
    hours: Annotated[
        float | None, typer.Option("--hours", help="Hours a week you can give (default 3).")
    ] = None,
    education: Annotated[str | None, typer.Option("--education", help=EDUCATION_HELP)] = None,
    education_field: Annotated[
        str | None, typer.Option("--education-field", help="Its field, e.g. biology.")
    ] = None,
    dream_job: Annotated[str | None, typer.Option("--dream-job", help="The job you want.")] = None,
    target_date: Annotated[
        str | None, typer.Option("--target-date", help="When: 2029-06-30 or +3y.")
    ] = None,
    industry: Annotated[str | None, typer.Option("--industry")] = None,
    organisation_type: Annotated[str | None, typer.Option("--organisation-type")] = None,
    culture: Annotated[str | None, typer.Option("--culture")] = None,
    location: Annotated[str | None, typer.Option("--location")] = None,
    target_roles: TargetRolesOption = None,
    organisation_size: OrganisationSizeOption = None,
    pay_range: PayRangeOption = None,
    success: Annotated[str | None, typer.Option("--success", help="What success means.")] = None,
    commitment: Annotated[str | None, typer.Option("--commitment")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Start your plan: who you are today and the dream job, written down.

    In a terminal it asks for anything you leave out; in scripts pass --name and --dream-job.
    """
    from careerplan.cli import serialize
    from careerplan.domain.errors import InvalidInput
    from careerplan.services.vision import init_plan

    ask = _interactive()
    fields: dict[str, Any] = {
        "industry": industry,
        "organisation_type": organisation_type,
        "culture": culture,
        "location": location,
        "target_roles": target_roles,
        "organisation_size": organisation_size,
        "pay_range": pay_range,
        "success_definition": success,
        "commitment": commitment,
    }
    target: date | None = None
    if ask:
        out = console()
        out.print(
            "[bold]Step 1-2: define your dream job and write it down.[/] Empty answers are fine."
        )
        name, current_job, dream_job, target, hours = _ask_profile(
            name, current_job, dream_job, target_date, hours
        )
        if education is None:
            education = _ask_education()
        if education and education_field is None:
            education_field = _ask_education_field()
        for key, question in _TEXT_FIELDS.items():
            if fields.get(key) is None:
                fields[key] = _ask_field(key, question)
    missing = [flag for flag, value in (("--name", name), ("--dream-job", dream_job)) if not value]
    if missing:
        raise InvalidInput(
            f"Missing {' and '.join(missing)}. Example: careerplan init --name Ana "
            "--dream-job 'COO of a tech startup' --target-date +5y"
        )
    assert name is not None
    assert dream_job is not None
    if target is None and target_date:
        target = parse_day(target_date)
    fields = {key: value for key, value in fields.items() if value}
    fields["target_date"] = target
    with unit() as uow:
        setup = init_plan(
            uow,
            clock(),
            name=name,
            current_job_title=current_job or "",
            hours_per_week=hours if hours is not None else 3.0,
            dream_job_title=dream_job,
            vision_fields=fields,
            education=education,
            education_field=education_field or "",
        )
    if as_json:
        print_json(
            {
                "profile": serialize.profile(setup.profile),
                "vision": serialize.vision(setup.vision),
                "dream_goal": serialize.goal(setup.dream_goal),
                "warnings": setup.warnings,
            }
        )
        return
    from careerplan.cli.render import warnings

    out = console()
    out.print(
        f"Your plan is started: goal {setup.dream_goal.id} is to work as "
        f"{setup.vision.dream_job_title}."
    )
    warnings(setup.warnings)
    if current_job:
        _confirm_current_job(current_job, ask)
    out.print(
        f'Next: break it down, e.g. careerplan goal add "..." --parent {setup.dream_goal.id} '
        "--horizon 2y"
    )


def _confirm_current_job(title: str, ask: bool) -> None:
    """Read the job today as an occupation: in a terminal, ask and record it; in a script, say
    how it was read and how to record it (paths and bridges start from it either way)."""
    from careerplan.catalog import best_occupation
    from careerplan.services.explore import set_current_occupation

    found = best_occupation(title)
    if found is None:
        return
    out = console()
    if ask and typer.confirm(f"Is your job today {found.title} ({found.code})?", default=True):
        with unit() as uow:
            set_current_occupation(uow, found.code)
        out.print(f"Your current occupation is {found.title} ({found.code}).")
        return
    out.print(
        f"Read your job today as {found.title} ({found.code}); to record it: "
        f"careerplan explore current {found.code}"
    )


def today(as_json: JsonFlag = False) -> None:
    """What needs you now: overdue, due this week, repeats due, goals at risk, the next review
    and days to the dream job."""
    from careerplan.cli.render_plan import agenda_view
    from careerplan.services.review_status import plan_status
    from careerplan.services.today import agenda

    # The day's view shows no S.M.A.R.T. letters; its JSON carries each goal's report whole.
    with reader("whole" if as_json else "none") as uow:
        result = agenda(uow, clock())
        status = plan_status(uow, result.today)
    agenda_view(result, as_json, status)


def start() -> None:
    """The main job of `make run`: the day's view, or how to begin when there is no plan yet."""
    from careerplan.services.review_status import plan_status
    from careerplan.services.today import agenda

    with unit() as uow:
        result = agenda(uow, clock())
        status = plan_status(uow, result.today)
    from careerplan.cli.render_plan import agenda_view, welcome

    if result.vision is None:
        welcome()
        return
    agenda_view(result, False, status)
