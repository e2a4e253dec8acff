"""`careerplan calendar feed`: the secret address a calendar app subscribes to."""

from typing import Annotated

import typer

from careerplan.cli.apps import sub_app
from careerplan.domain.errors import InvalidInput

app = sub_app("Your plan in a calendar app: deadlines, repeating actions and reviews.")


@app.command("feed")
def feed(
    rotate: Annotated[
        bool,
        typer.Option("--rotate", help="Make a new address; the old one stops working at once."),
    ] = False,
    off: Annotated[
        bool, typer.Option("--off", help="Turn the feed off; its address stops working.")
    ] = False,
) -> None:
    """Print the calendar feed's address (turning the feed on if it is off).

    The address is on standard output alone, for scripts; the advice goes to standard error.
    Its host is CAREERPLAN_PUBLIC_URL, or where `careerplan serve` listens by default."""
    if rotate and off:
        raise InvalidInput("Choose --rotate or --off, not both.")
    from careerplan.cli.context import unit, workspace
    from careerplan.services.calendar_feed import (
        disable_feed,
        enable_feed,
        feed_url,
        rotate_feed,
    )

    if off:
        with unit() as uow:
            was_on = disable_feed(uow)
        typer.echo(
            "The calendar feed is off; its address no longer works."
            if was_on
            else "The calendar feed was already off."
        )
        return
    with unit() as uow:
        token = rotate_feed(uow) if rotate else enable_feed(uow)
    typer.echo(feed_url(token, workspace().settings.public_url))
    typer.echo(
        ("This is a new address: the old one no longer works. " if rotate else "")
        + "Subscribe to it in your calendar app (it must be able to reach `careerplan serve` "
        "there). Keep it private: anyone with it can read your plan's dates. "
        "`careerplan calendar feed --rotate` makes a new one.",
        err=True,
    )
