"""Typer apps made one way: plain help text (Rich-formatted help costs ~100 ms at start-up); and
the options several commands share, declared once."""

from typing import Annotated

import typer

# A goal's or an action's repeat: the words or the rule, read by the one service seam.
RepeatOption = Annotated[
    str | None,
    typer.Option(
        "--repeat",
        help="How often, in words or as an RRULE: 'every other Friday', 'weekdays', "
        "'every month on the 1st', FREQ=WEEKLY;BYDAY=MO.",
    ),
]


def sub_app(help: str) -> typer.Typer:
    return typer.Typer(help=help, rich_markup_mode=None, no_args_is_help=True)
