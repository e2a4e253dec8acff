"""Which sub-commands the `careerplan` command has. Each module defines a Typer app or commands."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from careerplan.cli import actions, database, goals, plan

    app.command("init")(plan.init)
    app.command("today")(plan.today)
    app.command("start", help="What `make run` starts: today's view, or how to begin.")(plan.start)
    app.add_typer(plan.vision_app, name="vision")
    app.add_typer(goals.app, name="goal")
    app.add_typer(actions.action_app, name="action")
    app.add_typer(actions.resource_app, name="resource")
    app.command("checkin")(actions.checkin)
    app.add_typer(database.app, name="db")
    from careerplan.cli import about, explore, occupations

    app.add_typer(occupations.app, name="occupations")
    app.add_typer(explore.app, name="explore")
    app.command("about")(about.about)
    from careerplan.cli import smart

    app.add_typer(smart.app, name="smart")
