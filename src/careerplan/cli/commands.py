"""Which sub-commands the `careerplan` command has. Each module defines a Typer app or commands;
command bodies import what they need, so listing commands stays fast."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from careerplan.cli import (
        about,
        actions,
        calendar_feed,
        card,
        database,
        digest,
        explore,
        export,
        goals,
        importing,
        jobs,
        occupations,
        plan,
        proposal,
        resume,
        review,
        serve,
        skills,
        smart,
        users,
    )

    # Steps 1-2: the dream job, found and written down.
    app.command("init")(plan.init)
    app.add_typer(plan.vision_app, name="vision")
    app.add_typer(occupations.app, name="occupations")
    app.add_typer(explore.app, name="explore")
    # Steps 3-5: goals, S.M.A.R.T. checks, actions.
    app.add_typer(goals.app, name="goal")
    app.add_typer(proposal.app, name="plan")
    app.add_typer(smart.app, name="smart")
    app.add_typer(skills.app, name="skills")
    app.add_typer(resume.app, name="resume")
    app.add_typer(jobs.app, name="jobs")
    app.command("card")(card.card)
    app.add_typer(actions.action_app, name="action")
    app.add_typer(actions.resource_app, name="resource")
    app.command("checkin")(actions.checkin)
    app.command("today")(plan.today)
    app.add_typer(review.app, name="review")
    app.command("digest")(digest.digest)
    # Taking the plan anywhere.
    app.command("export")(export.export)
    app.command("import")(importing.import_backup)
    app.add_typer(calendar_feed.app, name="calendar")
    # Running and maintaining careerplan.
    app.command("serve")(serve.serve)
    app.add_typer(users.users_app, name="users")
    app.add_typer(users.tokens_app, name="tokens")
    app.command("start", help="Today's view, or how to begin when there is no plan.")(plan.start)
    app.add_typer(database.app, name="db")
    app.command("about")(about.about)
