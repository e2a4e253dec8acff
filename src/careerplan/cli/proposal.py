"""`careerplan plan propose|accept`: a first plan planned back from the dream job."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerplan.cli.apps import sub_app
from careerplan.cli.context import clock, reader, smart_settings, unit
from careerplan.cli.hints import said
from careerplan.cli.render_route import route_view

if TYPE_CHECKING:
    from careerplan.services.proposal import LateChoice, PlanProposal, ProposedItem

app = sub_app("A first plan, proposed from what your dream job asks; you accept it goal by goal.")


@app.command("propose")
def propose(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Propose 2-year, 12-month and 6-month goals that lead to the dream job (nothing is saved)."""
    from careerplan.services.proposal import propose_plan

    with reader() as plan:  # it only reads: on SQLite, without loading SQLAlchemy
        result = propose_plan(plan, clock(), smart_settings())
    if as_json:
        from careerplan.cli.output import print_json

        print_json(proposal_json(result))
        return
    _print(result)


@app.command("accept")
def accept(
    references: Annotated[
        list[str],
        typer.Argument(help="Numbers or keys from `careerplan plan propose`, or `all`."),
    ],
    late: Annotated[
        str | None,
        typer.Option(
            "--late",
            help="For goals due after the target date: move-target (move the date to the "
            "last of them), shorten (end them by the target date) or keep.",
        ),
    ] = None,
) -> None:
    """Add proposed goals to the plan, with their first actions. Goals due after the target
    date are asked about (or answered with --late)."""
    from careerplan.cli import render
    from careerplan.services.proposal import LateGoals, accept_proposals

    choice = _late_choice(late)
    try:
        with unit() as uow:
            accepted = accept_proposals(uow, clock(), references, smart_settings(), late=choice)
    except LateGoals as refused:
        if choice is not None or not _interactive():
            raise
        typer.echo(said(refused))
        choice = _ask_late()
        with unit() as uow:
            accepted = accept_proposals(uow, clock(), references, smart_settings(), late=choice)
    for done in accepted:
        typer.echo(
            f"Added goal {done.goal.id} ({render.smart_plain(done.goal.smart_report)}): "
            f"{done.goal.text}"
        )
        render.warnings(done.notes)
    if any(done.goal.smart_report for done in accepted):
        render.smart_legend()
    typer.echo(f"{len(accepted)} goal(s) added. See them with `careerplan goal tree`.")


def _late_choice(text: str | None) -> LateChoice | None:
    from careerplan.domain.errors import InvalidInput
    from careerplan.services.proposal import LateChoice

    if text is None:
        return None
    try:
        return LateChoice(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"'{text}' is not a choice for late goals: use move-target, shorten or keep.",
            field="late",
        ) from None


def _interactive() -> bool:
    import sys

    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask_late() -> LateChoice:
    from careerplan.services.proposal import LateChoice

    found = {"m": LateChoice.MOVE_TARGET, "s": LateChoice.SHORTEN, "k": LateChoice.KEEP}
    while True:
        answer = typer.prompt("Move the target date, shorten them, or keep them? [m/s/k]")
        choice = found.get(answer.strip().lower()[:1])
        if choice is not None:
            return choice
        from careerplan.cli.output import console

        console().print(
            "[red]Answer m (move the target date), s (shorten them) or k (keep them).[/]"
        )


def item_json(item: ProposedItem) -> dict[str, Any]:
    goal = item.goal
    return {
        "number": item.number,
        "key": goal.key,
        "text": goal.text,
        "horizon": goal.horizon.value if goal.horizon else None,
        "category": goal.category.value,
        "due": goal.due.isoformat(),
        "hours": goal.hours,
        "measure": (
            {"metric": goal.metric, "target": goal.target, "unit": goal.unit}
            if goal.metric
            else None
        ),
        "why": goal.why,
        "actions": [
            {
                "text": action.text,
                "due": action.due.isoformat() if action.due else None,
                "repeat": action.repeat,
            }
            for action in goal.actions
        ],
        "resources": [
            {"kind": hint.kind.value, "suggestion": hint.suggestion} for hint in goal.resources
        ],
        "smart": item.report.to_json(),
        "accepted_goal_id": item.accepted_goal_id,
    }


def proposal_json(result: PlanProposal) -> dict[str, Any]:
    proposal = result.proposal
    return {
        "dream_job": result.dream_title,
        "current_job": result.current_title or None,
        "target_date": proposal.target_date.isoformat(),
        "target_was_set": proposal.target_was_set,
        "realistic_date": proposal.realistic_date.isoformat() if proposal.realistic_date else None,
        "warnings": [said(warning) for warning in proposal.warnings],
        "notes": [said(note) for note in result.notes],
        "route": result.route.to_dict() if result.route else None,
        "goals": [item_json(item) for item in result.items],
    }


def _print(result: PlanProposal) -> None:
    from careerplan.cli import render
    from careerplan.domain.proposal_types import spoken
    from careerplan.domain.repeat_words import describe
    from careerplan.domain.titles import article

    proposal = result.proposal
    origin = (
        f" from {article(result.current_title)} {result.current_title}"
        if result.current_title
        else ""
    )
    dream = f"{article(result.dream_title)} {result.dream_title}"
    typer.echo(
        f"A plan to become {dream}{origin} by {spoken(proposal.target_date)}, planned backwards:"
    )
    render.warnings([said(warning) for warning in proposal.warnings])
    for note in result.notes:
        typer.echo(f"Note: {said(note)}")
    if result.route is not None:
        route_view(result.route)
    for item in result.items:
        goal = item.goal
        horizon = goal.horizon.label if goal.horizon else "later"
        status = f"accepted as goal {item.accepted_goal_id}" if item.accepted else "proposed"
        letters = item.report.letters
        typer.echo(f"\n{item.number:>2}. [{horizon}] {goal.text}")
        typer.echo(f"    {letters} · {goal.category.value} · due {goal.due} · {status}")
        typer.echo(f"    Why: {goal.why}")
        for action in goal.actions:
            when = f" ({describe(action.repeat) or action.repeat})" if action.repeat else ""
            typer.echo(f"    First action: {action.text}{when}")
        if goal.resources:
            kinds = "; ".join(f"{hint.kind.label}: {hint.suggestion}" for hint in goal.resources)
            typer.echo(f"    Who and what can help: {kinds}")
    if result.items:
        render.smart_legend()
    open_items = [item for item in result.items if not item.accepted]
    if open_items:
        typer.echo(
            "\nAccept the goals you want: `careerplan plan accept 1 3 5` (or `all`). "
            "Nothing is added until you do."
        )
    else:
        typer.echo("\nEvery proposed goal is in your plan.")
