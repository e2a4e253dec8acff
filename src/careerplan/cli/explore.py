"""`careerplan explore`: interests, matches, bridges into a field, career paths, requirements."""

from typing import TYPE_CHECKING, Annotated

import typer

from careerplan.cli.apps import sub_app
from careerplan.cli.output import console, print_json

if TYPE_CHECKING:
    from careerplan.catalog.skills import SkillSet
    from careerplan.domain.education import Education
    from careerplan.domain.route import Route

app = sub_app("Step 1: find a dream job from your interests, reflection and current skills.")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
AnswersOption = Annotated[
    str | None,
    typer.Option("--answers", help="The 60 Interest Profiler answers, 1-5, comma-separated."),
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, max=100, help="How many.")]


@app.command("quiz")
def quiz(answers: AnswersOption = None, json: JsonOption = False) -> None:
    """The 60-item O*NET Interest Profiler: your RIASEC scores (asks in a terminal)."""
    from careerplan.catalog import items, parse_answers, score_answers
    from careerplan.catalog.interests import SCALE
    from careerplan.catalog.store import AREA_NAMES

    if answers is not None:
        values = parse_answers(answers)
    else:
        out = console()
        out.print(
            "Rate each activity: 1 strongly dislike, 2 dislike, 3 unsure, 4 like, 5 strongly like."
        )
        values = []
        for item in items():
            values.append(ask(f"{item.position:>2}/60 {item.text}"))
        out.print(f"Thank you. ({len(values)} answers; {SCALE[0]} = 1 … {SCALE[-1]} = 5)")
    profile = score_answers(values)
    saved = _save_answers(values)
    if json:
        print_json(profile.to_dict())
        return
    out = console()
    if saved:
        out.print("Your answers are saved: `careerplan explore matches` uses them.")
    for letter, score in profile.scores.items():
        area = AREA_NAMES[letter]
        out.print(f"{area:<14} {'█' * round(score * 20):<20} {score:.2f}")
    out.print(f"Your interest code: [bold]{profile.code()}[/]. Next: careerplan explore matches")
    out.print(
        "Items from the O*NET Interest Profiler Short Form, USDOL/ETA (see careerplan about)."
    )


def _save_answers(values: list[int]) -> bool:
    """Keep the answers with the plan, when there is one, so matches can use them later."""
    from careerplan.cli.context import clock, unit
    from careerplan.services.explore import save_answers

    with unit() as uow:
        if uow.profiles.get() is None:
            return False
        save_answers(uow, clock(), values)
    return True


def _education() -> "Education | None":
    """The plan's recorded highest education, when there is a plan that records it."""
    from careerplan.cli.context import reader

    with reader() as plan:
        profile = plan.profiles.get()
    return profile.education if profile else None


def _saved_answers() -> list[int] | None:
    from careerplan.cli.context import unit
    from careerplan.services.explore import get_exploration

    with unit() as uow:
        exploration = get_exploration(uow)
    return list(exploration.answers) if exploration.complete else None


@app.command("choose")
def choose(
    code: Annotated[str, typer.Argument(help="The O*NET-SOC code, e.g. 11-1021.00.")],
    rename: Annotated[
        bool,
        typer.Option("--rename", help="Also use the occupation's title as the dream job's name."),
    ] = False,
    json: JsonOption = False,
) -> None:
    """Make an occupation your dream job (saved to the vision)."""
    from careerplan.cli import serialize
    from careerplan.cli.context import clock, unit
    from careerplan.services.explore import choose_dream_job

    with unit() as uow:
        vision = choose_dream_job(uow, clock(), code, rename=rename)
    if json:
        print_json(serialize.vision(vision))
        return
    console().print(
        f"Your dream job, {vision.dream_job_title}, is now occupation "
        f"{vision.dream_occupation_code}. "
        f"See what it takes: careerplan explore requirements {vision.dream_occupation_code}"
    )


@app.command("current")
def current(
    code: Annotated[str, typer.Argument(help="The O*NET-SOC code of the job you do today.")],
) -> None:
    """Record the occupation you work in today: gaps, paths and the proposed plan start from it."""
    from careerplan.cli.context import unit
    from careerplan.services.explore import set_current_occupation

    with unit() as uow:
        title = set_current_occupation(uow, code)
    console().print(
        f"Your current occupation is {title} ({code}). "
        "See the plan it suggests: careerplan plan propose"
    )


def ask(question: str) -> int:
    """One answer from 1 to 5; asks again until it gets one."""
    while True:
        answer: int = typer.prompt(question, type=int)
        if 1 <= answer <= 5:
            return answer
        console().print("Please answer with a number from 1 to 5.")


@app.command("matches")
def matches(
    answers: AnswersOption = None,
    reflection: Annotated[
        str | None, typer.Option("--reflection", help="What you loved doing as a child, and now.")
    ] = None,
    current: Annotated[
        str | None, typer.Option("--current", help="Your current occupation code.")
    ] = None,
    job_zone: Annotated[
        int | None, typer.Option("--job-zone", help="Preparation level 1-5 to match within.")
    ] = None,
    limit: LimitOption = 10,
    json: JsonOption = False,
) -> None:
    """Occupations that fit your interests (and, with --current, your experience), with reasons."""
    from careerplan.catalog import parse_answers, recommend
    from careerplan.catalog.store import AREA_NAMES

    if answers is not None:
        values: list[int] | None = parse_answers(answers)
    else:
        # Without answers on the command line, use those saved by `explore quiz`: a reflection
        # adds to the quiz, it does not replace it.
        values = _saved_answers()
    result = recommend(values, reflection, current, job_zone, limit, education=_education())
    if json:
        print_json([m.to_dict() for m in result.matches])
        return
    out = console()
    out.print(f"Interest code: [bold]{result.profile.code()}[/]")
    if result.reading is not None:
        for letter, words in result.reading.evidence.items():
            out.print(f"  {AREA_NAMES[letter]}: {', '.join(words)}")
    for match in result.matches:
        out.print(f"[bold]{match.fit:5.1f}[/] {match.code} {match.title}")
        for reason in match.reasons:
            out.print(f"       {reason}")


FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Your current occupation code (default: the one your plan records, or reads from "
        "your job title).",
    ),
]


def _from_plan(given: str | None) -> str:
    """The occupation to start from: the one given, else the plan's job today (recorded with
    `explore current`, or read from the job title given at `init`, which is then said)."""
    from careerplan.cli.context import reader
    from careerplan.domain.errors import InvalidInput
    from careerplan.services.route import current_occupation

    if given is not None:
        return given
    from careerplan.catalog import open_catalog

    with reader() as plan:
        profile = plan.profiles.get()
    code, read_as = current_occupation(profile, open_catalog())
    if code is None:
        raise InvalidInput(
            "Say where you start: --from CODE, or record your job today with "
            "`careerplan explore current CODE` (find the code with `careerplan occupations "
            "search`).",
            field="from",
        )
    if read_as and profile is not None:
        typer.echo(
            f"Starting from your job today, “{profile.current_job_title}”, read as {read_as} "
            f"({code}). If that is wrong: careerplan explore current CODE",
            err=True,
        )
    return code


def _dream_from_plan(given: str | None) -> str:
    from careerplan.cli.context import reader
    from careerplan.domain.errors import InvalidInput

    if given is not None:
        return given
    with reader() as plan:
        vision = plan.visions.get()
    if vision is None or not vision.dream_occupation_code:
        raise InvalidInput(
            "Say where you are going: --to CODE, or choose your dream job with "
            "`careerplan explore choose CODE`.",
            field="to",
        )
    return vision.dream_occupation_code


def _own_skills(given: str | None, start: str) -> "SkillSet | None":
    """The person's own skills when starting from their plan (not from a --from code), once
    their inventory rates any; said on standard error, as the job read from a title is."""
    if given is not None:
        return None
    from careerplan.catalog import open_catalog
    from careerplan.cli.context import reader
    from careerplan.services.skills_inventory import skill_set

    with reader() as plan:
        skills = plan.skills.all()
    person = skill_set(skills, open_catalog(), start)
    if person is not None:
        typer.echo("Counting the levels of your own skills (careerplan skills list).", err=True)
    return person


@app.command("bridge")
def bridge(
    field: Annotated[str, typer.Option("--field", help='A field in plain words: "healthcare".')],
    from_code: FromOption = None,
    limit: LimitOption = 10,
    json: JsonOption = False,
) -> None:
    """Occupations in a field you care about that use what you already do."""
    from careerplan.catalog import bridges

    start = _from_plan(from_code)
    found = bridges(start, field, limit, person=_own_skills(from_code, start))
    if json:
        print_json([b.to_dict() for b in found])
        return
    out = console()
    for item in found:
        out.print(f"[bold]{item.score:5.1f}[/] {item.code} {item.title}")
        for reason in item.reasons:
            out.print(f"       {reason}")


@app.command("path")
def path(
    from_code: FromOption = None,
    to_code: Annotated[
        str | None,
        typer.Option("--to", help="The dream occupation code (default: your chosen dream job)."),
    ] = None,
    alternatives: Annotated[
        int, typer.Option("--alternatives", "-k", min=1, max=10, help="How many paths.")
    ] = 3,
    json: JsonOption = False,
) -> None:
    """Stepping-stone occupations from where you are to the dream job."""
    from careerplan.catalog import career_paths
    from careerplan.cli.render_catalog import render_paths

    start = _from_plan(from_code)
    found = career_paths(
        start, _dream_from_plan(to_code), alternatives, person=_own_skills(from_code, start)
    )
    if json:
        print_json({"paths": [p.to_dict() for p in found]})
        return
    render_paths(console(), found)


@app.command("requirements")
def requirements(
    code: Annotated[str, typer.Argument(help="The target occupation code.")],
    from_code: Annotated[
        str | None, typer.Option("--from", help="Your current occupation, to show the gap.")
    ] = None,
    skill: Annotated[
        list[str] | None,
        typer.Option(
            "--skill",
            help="Your own level of a skill, 0-7, e.g. --skill 'Programming=5' (repeatable); "
            "the rest come from --from.",
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """What a prime candidate for CODE has, how to get there (the gates in order, from your
    saved education and your job today), and your gap from --from."""
    from careerplan.catalog import requirements as summary
    from careerplan.cli.render_catalog import render_requirements
    from careerplan.cli.render_route import route_view
    from careerplan.domain.errors import InvalidInput

    adjust: dict[str, float] = {}
    for item in skill or []:
        name, sep, level = item.rpartition("=")
        try:
            adjust[name.strip()] = float(level)
        except ValueError:
            sep = ""
        if not sep or not name.strip():
            raise InvalidInput(f"'{item}' is not NAME=LEVEL, e.g. --skill 'Programming=5'.")
    if adjust and from_code is None:
        raise InvalidInput(
            "--skill adjusts the skills of your current occupation: add --from CODE."
        )
    result = summary(code, from_code, adjust=adjust or None)
    route = _my_route(result.code, from_code)
    if json:
        print_json({**result.to_dict(), "route": route.to_dict()})
        return
    render_requirements(console(), result)
    route_view(route)


def _my_route(code: str, from_code: str | None) -> "Route":
    """The gates from where the person stands: their saved education and hours, and their job
    today unless --from names another."""
    from careerplan.cli.context import workspace
    from careerplan.services.route import my_route

    with workspace().unit() as uow:
        return my_route(uow, code, from_code)
