"""`careerplan review`: the guided review, its history, the plan's status, the review settings,
and a review recorded from a JSON file or flags for scripts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerplan.cli.context import clock, parse_day, read_text, reader, unit
from careerplan.cli.output import console, print_json

if TYPE_CHECKING:
    from careerplan.domain.entities import Goal
    from careerplan.services.review_status import PlanStatus
    from careerplan.services.reviews import RecordedReview, ReviewInput

app = typer.Typer(
    help="Review the plan. Without options it asks about each active goal in turn: progress, "
    "confidence, keep/adjust/drop/done, a note (Enter keeps the value shown; Ctrl-C saves "
    "nothing). --status, --history and settings show the rest.",
    rich_markup_mode=None,
    invoke_without_command=True,
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]
CANCELLED = "Review cancelled: nothing was saved."


@app.callback()
def review(
    ctx: typer.Context,
    history: Annotated[bool, typer.Option("--history", help="List past reviews.")] = False,
    status: Annotated[
        bool, typer.Option("--status", help="Each goal's status and the next review.")
    ] = False,
    from_file: Annotated[
        str | None,
        typer.Option(
            "--from-file",
            help="Record a review from a JSON file ('-' reads standard input), no questions.",
        ),
    ] = None,
    entries: Annotated[
        list[str] | None,
        typer.Option(
            "--entry",
            help="Record without questions: GOAL:PROGRESS[:CONFIDENCE[:DECISION]], "
            "e.g. 3:40:4:keep. Repeat for each goal. New wording, due date or target go "
            "in --from-file.",
        ),
    ] = None,
    went_well: Annotated[str | None, typer.Option("--went-well")] = None,
    got_in_the_way: Annotated[str | None, typer.Option("--got-in-the-way")] = None,
    held_on: Annotated[
        str | None, typer.Option("--on", help="The day it was held (default today).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Hold a review. Without options it asks about each active goal in turn (Enter keeps the
    value shown); Ctrl-C before the end saves nothing."""
    if ctx.invoked_subcommand is not None:
        return
    from careerplan.domain.errors import InvalidInput

    scripted = from_file is not None or bool(entries) or went_well or got_in_the_way
    modes = [name for name, on in (("--history", history), ("--status", status)) if on]
    if scripted:
        modes.append("recording a review")
    if len(modes) > 1:
        raise InvalidInput(f"Choose one of {' and '.join(modes)}.")
    if history:
        _history(as_json)
    elif status:
        _status(as_json)
    elif scripted:
        _record(_scripted(from_file, entries or [], went_well, got_in_the_way, held_on), as_json)
    else:
        if held_on is not None or as_json:
            raise InvalidInput(
                "--on and --json go with --entry or --from-file, not the guided review."
            )
        _guided()


def _scripted(
    from_file: str | None,
    entries: list[str],
    went_well: str | None,
    got_in_the_way: str | None,
    held_on: str | None,
) -> ReviewInput:
    from careerplan.cli import review_input
    from careerplan.domain.errors import InvalidInput
    from careerplan.services.reviews import ReviewInput

    if from_file is not None:
        if entries or went_well or got_in_the_way or held_on:
            raise InvalidInput("Give the review either in --from-file or as flags, not both.")
        return review_input.from_json(_read_file(from_file))
    return ReviewInput(
        entries=[review_input.from_flag(text) for text in entries],
        went_well=went_well or "",
        got_in_the_way=got_in_the_way or "",
        held_on=parse_day(held_on),
    )


def _read_file(name: str) -> str:
    from careerplan.domain.errors import InvalidInput

    if name == "-":
        return read_text("-")
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{name} is not UTF-8 text. Save it as UTF-8 and try again.") from None
    except OSError as error:
        raise InvalidInput(f"Cannot read {name}: {error.strerror or error}.") from None


def _record(data: ReviewInput, as_json: bool) -> None:
    from careerplan.cli.context import smart_settings
    from careerplan.services.review_status import plan_status
    from careerplan.services.reviews import record_review

    with unit() as uow:
        recorded = record_review(uow, clock(), data, smart_settings())
        texts = {goal.id: goal.text for goal in uow.goals.all() if goal.id is not None}
        after = plan_status(uow, clock().today())
    if as_json:
        from careerplan.cli.render_review import review_json, status_json

        print_json(
            {
                "review": review_json(recorded.review, texts),
                "warnings": recorded.warnings,
                **status_json(after),
            }
        )
        return
    _saved(recorded, after)


def _saved(recorded: RecordedReview, after: PlanStatus) -> None:
    from careerplan.cli.render import warnings
    from careerplan.cli.render_review import STANDING_STYLE, review_line

    count = len(recorded.review.entries)
    plan = after.plan.value
    console().print(
        f"Review saved ({count} goal{'s' if count != 1 else ''}). "
        f"Plan status: [{STANDING_STYLE[plan]}]{plan}[/]."
    )
    warnings(recorded.warnings)
    console().print(review_line(after))


def _guided() -> None:
    from careerplan.cli.review_guided import ask_review
    from careerplan.domain.errors import DomainRefusal
    from careerplan.services.reviews import start_review

    with unit() as uow:
        if uow.visions.get() is None:
            raise DomainRefusal(
                "There is no plan yet. Run `careerplan init` to write down your dream job."
            )
        draft = start_review(uow, clock())
    try:
        data = ask_review(draft, _check_wording)
    except (typer.Abort, KeyboardInterrupt, EOFError):
        typer.echo()
        typer.echo(CANCELLED, err=True)
        raise typer.Exit(1) from None
    if data is None:
        typer.echo(CANCELLED, err=True)
        raise typer.Exit(1)
    _record(data, False)


def _check_wording(goal: Goal, text: str) -> dict[str, object]:
    from careerplan.cli.context import smart_settings
    from careerplan.services.smart import check_new_wording

    with unit() as uow:
        return check_new_wording(uow, clock(), goal, text, smart_settings()).to_json()


def _history(as_json: bool) -> None:
    from careerplan.cli.render_review import history_view, review_json
    from careerplan.services.reviews import goal_texts, review_history

    with unit() as uow:
        reviews = review_history(uow)
        texts = goal_texts(uow)
    if as_json:
        print_json([review_json(review, texts) for review in reviews])
        return
    history_view(reviews, texts)


def _status(as_json: bool) -> None:
    from careerplan.cli.render_review import status_json, status_view
    from careerplan.services.review_status import plan_status

    with reader() as uow:
        found = plan_status(uow, clock().today())
    if as_json:
        print_json(status_json(found, everything=True))
        return
    status_view(found)


@app.command("settings")
def settings(
    cadence: Annotated[
        str | None, typer.Option("--cadence", help="weekly, monthly or quarterly.")
    ] = None,
    weekday: Annotated[
        str | None, typer.Option("--weekday", help="The day you review: mon ... sun.")
    ] = None,
    reminder_days: Annotated[
        int | None, typer.Option("--reminder-days", help="Remind this many days before (0-30).")
    ] = None,
    email: Annotated[
        str | None,
        typer.Option("--email", help="Where `careerplan digest --send` goes ('' to stop)."),
    ] = None,
    if_version: Annotated[
        int | None,
        typer.Option("--if-version", help="Refuse unless the settings are at this version."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Show or change when you review (cadence, weekday), the reminder and the digest address."""
    from careerplan.cli.render_review import preferences_json
    from careerplan.domain.entities import ReviewCadence
    from careerplan.domain.errors import InvalidInput
    from careerplan.domain.status import parse_weekday, weekday_name
    from careerplan.services.reviews import set_preferences

    chosen = None
    if cadence is not None:
        try:
            chosen = ReviewCadence(cadence.strip().lower())
        except ValueError:
            raise InvalidInput(
                f"'{cadence}' is not a cadence; use weekly, monthly or quarterly."
            ) from None
    day_number = parse_weekday(weekday) if weekday is not None else None
    with unit() as uow:
        if chosen is None and day_number is None and reminder_days is None and email is None:
            saved = uow.preferences.get()
            changed = False
        else:
            saved = set_preferences(
                uow,
                cadence=chosen,
                weekday=day_number,
                reminder_days=reminder_days,
                email=email,
                expected_version=if_version,
            )
            changed = True
    if as_json:
        print_json(preferences_json(saved))
        return
    out = console()
    if changed:
        out.print("Review settings saved.")
    out.print(
        f"Reviews: {saved.review_cadence.value}, on {weekday_name(saved.review_weekday)}s; "
        f"reminder {saved.reminder_days} day(s) before; digest to "
        f"{saved.digest_email or '(no address)'}."
    )
