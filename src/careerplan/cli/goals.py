"""`careerplan goal ...`: the goal tree."""

from typing import Annotated

import typer

from careerplan.cli import choices
from careerplan.cli.apps import RepeatOption, sub_app
from careerplan.cli.context import clock, parse_day, read_text, reader, smart_settings, unit

app = sub_app("Add, list and change goals: 2 years, 12 months, 6 months and sub-goals.")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
IfVersion = Annotated[
    int | None,
    typer.Option(
        "--if-version",
        help="Refuse the change unless the goal is still at this version (from `goal show`).",
    ),
]


@app.command("add")
def add(
    text: Annotated[
        str, typer.Argument(help="What you want to achieve; `-` reads standard input.")
    ],
    parent: Annotated[
        int | None, typer.Option("--parent", help="Id of the goal this serves.")
    ] = None,
    horizon: Annotated[str | None, typer.Option("--horizon", help="2y, 12m or 6m.")] = None,
    due: Annotated[str | None, typer.Option("--due", help="2027-06-30, +6m, +2w ...")] = None,
    repeat: RepeatOption = None,
    category: Annotated[
        str | None,
        typer.Option(
            "--category", help="skills, experience, education, network, job-search or other."
        ),
    ] = None,
    metric: Annotated[str | None, typer.Option("--metric", help="What you count.")] = None,
    target: Annotated[float | None, typer.Option("--target", help="The number to reach.")] = None,
    unit_name: Annotated[str, typer.Option("--unit", help="Unit of the measure.")] = "",
    baseline: Annotated[float | None, typer.Option("--baseline", help="Where you start.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Add a goal, optionally under a parent goal."""
    from careerplan.cli import render
    from careerplan.domain.entities import Category
    from careerplan.services.goals import add_goal

    with unit() as uow:
        result = add_goal(
            uow,
            clock(),
            text=read_text(text),
            parent_id=parent,
            horizon=choices.horizon(horizon),
            due=parse_day(due),
            repeat=repeat,
            category=choices.category(category) or Category.OTHER,
            metric=metric,
            target=target,
            unit=unit_name,
            baseline=baseline,
            smart=smart_settings(),
        )
    render.goal_result(result, "Added", as_json)


@app.command("list")
def list_(
    active: Annotated[bool, typer.Option("--active", help="Only active goals.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """List goals in tree order with progress."""
    from careerplan.cli import render
    from careerplan.services.goals import list_goals

    # A table shows each report's five letters; JSON carries the reports whole.
    with reader("whole" if as_json else "letters") as uow:
        rows = list_goals(uow, include_closed=not active)
    render.goal_table(rows, as_json)


@app.command("tree")
def tree(as_json: JsonFlag = False) -> None:
    """Show goals as a tree under the dream job."""
    from careerplan.cli import render
    from careerplan.services.goals import list_goals

    with reader("whole" if as_json else "letters") as uow:
        rows = list_goals(uow)
    render.goal_tree(rows, as_json)


@app.command("show")
def show(goal_id: int, as_json: JsonFlag = False) -> None:
    """Show one goal: dates, measure, progress, sub-goals and check-ins."""
    from careerplan.cli import render
    from careerplan.services.goals import show_goal

    with unit() as uow:
        detail = show_goal(uow, clock(), goal_id)
    render.goal_detail(detail, as_json)


@app.command("edit")
def edit(
    goal_id: int,
    text: Annotated[str | None, typer.Option("--text", help="New wording.")] = None,
    horizon: Annotated[str | None, typer.Option("--horizon", help="2y, 12m or 6m.")] = None,
    due: Annotated[str | None, typer.Option("--due", help="New due date.")] = None,
    no_due: Annotated[bool, typer.Option("--no-due", help="Remove the due date.")] = False,
    repeat: Annotated[
        str | None,
        typer.Option("--repeat", help="New repeat, in words ('every quarter') or as an RRULE."),
    ] = None,
    no_repeat: Annotated[bool, typer.Option("--no-repeat", help="Stop repeating.")] = False,
    category: Annotated[str | None, typer.Option("--category")] = None,
    metric: Annotated[str | None, typer.Option("--metric")] = None,
    target: Annotated[float | None, typer.Option("--target")] = None,
    unit_name: Annotated[str | None, typer.Option("--unit")] = None,
    baseline: Annotated[float | None, typer.Option("--baseline")] = None,
    if_version: IfVersion = None,
    as_json: JsonFlag = False,
) -> None:
    """Change a goal's wording, dates, category or measure."""
    from careerplan.cli import render
    from careerplan.services.goals import edit_goal

    with unit() as uow:
        result = edit_goal(
            uow,
            clock(),
            goal_id,
            expected_version=if_version,
            text=read_text(text) if text is not None else None,
            horizon=choices.horizon(horizon),
            due=parse_day(due),
            clear_due=no_due,
            repeat=repeat,
            clear_repeat=no_repeat,
            category=choices.category(category),
            metric=metric,
            target=target,
            unit=unit_name,
            baseline=baseline,
            smart=smart_settings(),
        )
    render.goal_result(result, "Saved", as_json)


def _set_status(goal_id: int, status_name: str, if_version: int | None, as_json: bool) -> None:
    from careerplan.cli import render
    from careerplan.domain.entities import GoalStatus
    from careerplan.services.goals import set_status

    with unit() as uow:
        result = set_status(uow, clock(), goal_id, GoalStatus(status_name), if_version)
    render.goal_result(result, "Marked " + status_name, as_json, report=False)


@app.command("done")
def done(goal_id: int, if_version: IfVersion = None, as_json: JsonFlag = False) -> None:
    """Mark a goal as achieved."""
    _set_status(goal_id, "done", if_version, as_json)


@app.command("drop")
def drop(goal_id: int, if_version: IfVersion = None, as_json: JsonFlag = False) -> None:
    """Drop a goal you no longer pursue (it stays in the history)."""
    _set_status(goal_id, "dropped", if_version, as_json)


@app.command("reopen")
def reopen(goal_id: int, if_version: IfVersion = None, as_json: JsonFlag = False) -> None:
    """Make a done or dropped goal active again."""
    _set_status(goal_id, "active", if_version, as_json)


@app.command("move")
def move(
    goal_id: int,
    parent: Annotated[int | None, typer.Option("--parent", help="New parent goal id.")] = None,
    top: Annotated[bool, typer.Option("--top", help="Make it a top-level goal.")] = False,
    if_version: IfVersion = None,
    as_json: JsonFlag = False,
) -> None:
    """Move a goal under another goal (or to the top with --top)."""
    from careerplan.cli import render
    from careerplan.domain.errors import InvalidInput
    from careerplan.services.goals import move_goal

    if (parent is None) == (not top):
        raise InvalidInput("Say where to move it: --parent ID or --top.")
    with unit() as uow:
        result = move_goal(uow, clock(), goal_id, parent, if_version)
    render.goal_result(result, "Moved", as_json)
