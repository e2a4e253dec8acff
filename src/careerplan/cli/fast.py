"""Answers for the commands a person runs many times a day, without loading the full application.

Building the Typer application imports Typer and Click and every command module: about half of
the time `goal list` or `today` took. These commands take no arguments beyond a flag or two, so
they are recognised here from the exact arguments and answered by the same service and rendering
functions the full commands call, through the standard library's `sqlite3`. Anything else, or
anything this path cannot read as it is (no plan file, a schema to migrate, PostgreSQL, a setting
it cannot parse), goes to the full application, which answers, migrates or explains; nothing has
been printed by then.

`--help` prints the text the full application prints (`help_text`; a test compares the two).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from careerplan.storage.quick_read import QuickReader, Reports

HELP_FLAGS = (["--help"], ["-h"])
# Click fits help to the terminal, at most 80 columns wide (less two for the margin); the text
# kept in `help_text` is the one for 80 columns or more.
HELP_COLUMNS = 80


def answer(args: list[str]) -> bool:
    """Print what `careerplan *args` prints and return True; or print nothing and return False
    when only the full application can answer."""
    if args in HELP_FLAGS or not args:
        return _help(to_error=not args)
    if args[:2] == ["goal", "list"] and _flags(args[2:], {"--active", "--json"}):
        active, as_json = "--active" in args, "--json" in args
        reports: Reports = "whole" if as_json else "letters"
        return _answer(lambda plan: _goal_list(plan, active=active, as_json=as_json), reports)
    if args[:1] == ["today"] and _flags(args[1:], {"--json"}):
        as_json = "--json" in args
        return _answer(lambda plan: _today(plan, as_json=as_json), "whole" if as_json else "none")
    return False


def _flags(given: list[str], known: set[str]) -> bool:
    """Whether `given` are known flags, each at most once (anything else is the parser's)."""
    return len(set(given)) == len(given) and set(given) <= known


def _help(*, to_error: bool) -> bool:
    import shutil

    if shutil.get_terminal_size().columns < HELP_COLUMNS:
        return False
    from careerplan.cli.help_text import HELP

    if to_error:
        # With no arguments the full application shows its help as a usage error: on standard
        # error, with exit status 2.
        sys.stderr.write(HELP)
        sys.stderr.flush()
        raise SystemExit(2)
    return _write(HELP)


def _answer(show: Callable[[QuickReader], None], reports: Reports) -> bool:
    """Run `show` on the plan into a buffer, then print the buffer: a failure part-way leaves
    nothing printed, so the full application can take over and answer (or explain) as it does."""
    try:
        plan = _open_plan(reports)
    except Exception:
        return False
    if plan is None:
        return False
    captured = _Captured(sys.stdout)
    real = sys.stdout
    sys.stdout = captured
    try:
        show(plan)
    except Exception:
        return False
    finally:
        sys.stdout = real
        plan.close()
    return _write(captured.getvalue())


def _open_plan(reports: Reports) -> QuickReader | None:
    # As much of the goals' reports as the command shows: the same as its full path reads.
    from careerplan.config import LOCAL_USERNAME, Settings
    from careerplan.storage.quick_read import QuickReader
    from careerplan.storage.schema_head import HEAD

    return QuickReader.for_url(Settings.from_env().database_url, HEAD, LOCAL_USERNAME, reports)


def _write(text: str) -> bool:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`careerplan goal list | head`), as the full application allows.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return True


class _Captured(io.StringIO):
    """A buffer that answers like the stream it stands in for: Rich chooses colours from
    `isatty()` and its characters from `encoding`, so the output is what the stream would get."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def isatty(self) -> bool:
        return self._stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding or "utf-8"


def _goal_list(plan: QuickReader, *, active: bool, as_json: bool) -> None:
    # The body of `careerplan goal list` (cli/goals.py).
    from careerplan.cli import render
    from careerplan.services.goals import list_goals

    render.goal_table(list_goals(plan, include_closed=not active), as_json)


def _today(plan: QuickReader, *, as_json: bool) -> None:
    # The body of `careerplan today` (cli/plan.py).
    from careerplan.cli.context import clock
    from careerplan.cli.render_plan import agenda_view
    from careerplan.services.review_status import plan_status
    from careerplan.services.today import agenda

    result = agenda(plan, clock())
    agenda_view(result, as_json, plan_status(plan, result.today))
