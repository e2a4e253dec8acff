"""`careerplan action ...`, `resource ...` and `checkin`: the action plan of step 5."""

from typing import Annotated

import typer

from careerplan.cli.apps import RepeatOption, sub_app
from careerplan.cli.context import clock, parse_day, read_text, unit
from careerplan.cli.output import console, print_json
from careerplan.cli.text import escape
from careerplan.domain.repeat_words import describe

action_app = sub_app("Actions under a goal: one-off with a due date, or repeating.")
resource_app = sub_app("People, courses and programmes that can help, linked to goals.")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@action_app.command("add")
def action_add(
    goal_id: int,
    text: Annotated[str, typer.Argument(help="The step to take; `-` reads standard input.")],
    due: Annotated[str | None, typer.Option("--due", help="2027-01-31, +2w ...")] = None,
    repeat: RepeatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Add an action to a goal."""
    from careerplan.services.actions import add_action

    with unit() as uow:
        action = add_action(
            uow, clock(), goal_id, read_text(text), due=parse_day(due), repeat=repeat
        )
    from careerplan.cli import serialize

    if as_json:
        print_json(serialize.action(action))
        return
    when = f", due {action.due.isoformat()}" if action.due else ""
    when += f", repeats {describe(action.repeat) or action.repeat}" if action.repeat else ""
    console().print(f"Added action {action.id} to goal {goal_id}: {escape(action.text)}{when}")


@action_app.command("list")
def action_list(
    goal: Annotated[int | None, typer.Option("--goal", help="Only this goal's actions.")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Hide finished actions.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """List actions with due dates, repeats and streaks."""
    from careerplan.services.actions import list_actions

    with unit() as uow:
        rows = list_actions(uow, clock(), goal, include_done=not open_only)
    from careerplan.cli import serialize

    if as_json:
        print_json([serialize.action(r.action, r.state) for r in rows])
        return
    out = console()
    if not rows:
        out.print('No actions yet. Add one with `careerplan action add GOAL_ID "TEXT" --due +2w`.')
        return
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False)
    for column in ("ID", "Goal", "Action", "When", "Done", "Streak"):
        table.add_column(column, overflow="fold")
    for row in rows:
        action, state = row.action, row.state
        when = (
            (describe(action.repeat) or action.repeat)
            if action.repeat
            else (action.due.isoformat() if action.due else "")
        )
        done = "yes" if action.done else (f"{len(action.completions)}x" if action.repeat else "")
        table.add_row(
            str(action.id),
            str(action.goal_id),
            escape(action.text),
            when,
            done,
            str(state.streak) if state else "",
        )
    out.print(table)


@action_app.command("done")
def action_done(
    action_id: int,
    on: Annotated[
        str | None, typer.Option("--on", help="When it was done (default today).")
    ] = None,
    note: Annotated[str, typer.Option("--note")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Log that you did an action (each completion of a repeating action is kept)."""
    from careerplan.services.actions import complete_action

    with unit() as uow:
        row = complete_action(uow, clock(), action_id, on=parse_day(on), note=note)
    from careerplan.cli import serialize

    if as_json:
        print_json(serialize.action(row.action, row.state))
        return
    streak = f" Streak: {row.state.streak}." if row.state and row.state.streak else ""
    console().print(f"Logged action {action_id}: {escape(row.action.text)}.{streak}")


@resource_app.command("add")
def resource_add(
    kind: Annotated[str, typer.Argument(help="person, course, programme or other.")],
    name: str,
    contact: Annotated[str, typer.Option("--contact", help="E-mail, phone or URL.")] = "",
    notes: Annotated[str, typer.Option("--notes")] = "",
    goal: Annotated[
        list[int] | None, typer.Option("--goal", help="Link to goal id (repeatable).")
    ] = None,
    action: Annotated[list[int] | None, typer.Option("--action", help="Link to action id.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Add a resource: someone or something that can help."""
    from careerplan.cli.choices import resource_kind
    from careerplan.services.resources import add_resource

    with unit() as uow:
        resource = add_resource(
            uow,
            resource_kind(kind),
            name,
            contact=contact,
            notes=notes,
            goal_ids=goal,
            action_ids=action,
        )
    from careerplan.cli import serialize

    if as_json:
        print_json(serialize.resource(resource))
        return
    console().print(
        f"Added resource {resource.id}: {escape(resource.name)} ({resource.kind.label})"
    )


@resource_app.command("list")
def resource_list(
    goal: Annotated[
        int | None, typer.Option("--goal", help="Only those that help this goal.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List resources and what they help with."""
    from careerplan.services.resources import list_resources

    with unit() as uow:
        resources = list_resources(uow, goal)
    from careerplan.cli import serialize

    if as_json:
        print_json([serialize.resource(r) for r in resources])
        return
    out = console()
    if not resources:
        out.print(
            "No resources yet. Who can help? "
            "e.g. careerplan resource add person 'Sam (mentor)' --goal 2"
        )
        return
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False)
    for column in ("ID", "Kind", "Name", "Contact", "Goals", "Actions"):
        table.add_column(column, overflow="fold")
    for r in resources:
        table.add_row(
            str(r.id),
            r.kind.label,
            escape(r.name),
            escape(r.contact),
            ", ".join(map(str, r.goal_ids)),
            ", ".join(map(str, r.action_ids)),
        )
    out.print(table)


@resource_app.command("link")
def resource_link(
    resource_id: int,
    goal: Annotated[int | None, typer.Option("--goal")] = None,
    action: Annotated[int | None, typer.Option("--action")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Remove the link instead.")] = False,
) -> None:
    """Link a resource to a goal or an action (who can help with what)."""
    from careerplan.services.resources import link_resource

    with unit() as uow:
        changed = link_resource(uow, resource_id, goal_id=goal, action_id=action, unlink=remove)
    target = f"goal {goal}" if goal is not None else f"action {action}"
    verb = "Unlinked" if remove else "Linked"
    state = "" if changed else " (nothing to change)"
    console().print(f"{verb} resource {resource_id} and {target}{state}.")


def checkin(
    goal_id: int,
    value: Annotated[float | None, typer.Option("--value", help="The measure's value now.")] = None,
    note: Annotated[str, typer.Option("--note", help="What happened.")] = "",
    confidence: Annotated[
        int | None, typer.Option("--confidence", help="1 (unlikely) to 5 (certain).")
    ] = None,
    on: Annotated[str | None, typer.Option("--on", help="Date (default today).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Record progress on a goal."""
    from careerplan.services.goals import check_in

    with unit() as uow:
        entry = check_in(
            uow, clock(), goal_id, value=value, note=note, confidence=confidence, on=parse_day(on)
        )
    from careerplan.cli import serialize

    if as_json:
        print_json(serialize.checkin(entry))
        return
    console().print(f"Checked in on goal {goal_id} for {entry.on.isoformat()}.")
