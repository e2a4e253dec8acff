"""The full `careerplan` command: the Typer application with every sub-command. Sub-commands live
in sibling modules and import services lazily, so `careerplan --help` stays fast."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from careerplan.domain.errors import CareerplanError


class CareerplanGroup(TyperGroup):
    """Turns refusals into a clear message and an exit code; never shows a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CareerplanError as error:
            from careerplan.cli.hints import said

            _say_error(said(error))
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except UnicodeDecodeError:
            _say_error("The input is not UTF-8 text. Save it as UTF-8 and try again.")
            raise typer.Exit(2) from None
        except BrokenPipeError:
            # The reader went away (`careerplan plan propose | head`): that is their choice, not
            # an error. Point standard output at nothing so the final flush cannot fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as error:
            if _busy(error):
                _say_error(
                    "The plan is busy: another careerplan is saving a change (or the database "
                    "could not be reached). Nothing was saved; try again in a moment."
                )
                raise typer.Exit(BUSY_EXIT_CODE) from None
            if os.environ.get("CAREERPLAN_DEBUG"):
                raise
            from careerplan.cli.output import error_console

            error_console().print(
                f"[bold red]Internal error:[/] {type(error).__name__}: {error}\n"
                "This is a bug in careerplan. Run again with CAREERPLAN_DEBUG=1 to see where it "
                "happened, and report it.",
                markup=True,
            )
            raise typer.Exit(70) from None


# EX_TEMPFAIL: nothing is wrong with the command; the same command later will likely work.
BUSY_EXIT_CODE = 75


def _busy(error: Exception) -> bool:
    """Whether the database was busy; SQLAlchemy is imported only by commands that used it."""
    if "sqlalchemy" not in sys.modules and "sqlite3" not in sys.modules:
        return False
    from careerplan.storage.busy import is_busy

    return is_busy(error)


def _say_error(message: str) -> None:
    from rich.markup import escape

    from careerplan.cli.output import error_console

    error_console().print(f"[bold red]Error:[/] {escape(message)}", markup=True)


app = typer.Typer(
    cls=CareerplanGroup,
    name="careerplan",
    help="Define a career goal and reach it: dream job, vision, goals, S.M.A.R.T. checks, actions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: Rich-formatted help costs ~100 ms of start-up on every `--help`.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _register() -> None:
    from careerplan.cli import commands

    commands.register(app)


_register()
