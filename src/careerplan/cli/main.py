"""The `careerplan` command. Sub-commands live in sibling modules and import services lazily,
so `careerplan --help` stays fast."""

from __future__ import annotations

import os
import sys
from typing import Any

import click
import typer
from typer.core import TyperGroup

from careerplan.domain.errors import CareerplanError


class CareerplanGroup(TyperGroup):
    """Turns refusals into a clear message and an exit code; never shows a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CareerplanError as error:
            from careerplan.cli.output import error_console

            error_console().print(f"[bold red]Error:[/] {error}", markup=True)
            raise click.exceptions.Exit(error.exit_code) from None
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as error:
            if os.environ.get("CAREERPLAN_DEBUG"):
                raise
            from careerplan.cli.output import error_console

            error_console().print(
                f"[bold red]Internal error:[/] {type(error).__name__}: {error}\n"
                "This is a bug in careerplan. Run again with CAREERPLAN_DEBUG=1 to see where it "
                "happened, and report it.",
                markup=True,
            )
            raise click.exceptions.Exit(70) from None


app = typer.Typer(
    cls=CareerplanGroup,
    name="careerplan",
    help="Define a career goal and reach it: dream job, vision, goals, S.M.A.R.T. checks, actions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _register() -> None:
    from careerplan.cli import commands

    commands.register(app)


_register()


def run(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    app(args=argv if argv is not None else sys.argv[1:], prog_name="careerplan")
