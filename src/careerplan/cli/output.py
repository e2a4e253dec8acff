"""Where the command line writes: Rich consoles made per call (so tests capture them) and JSON."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


_consoles: dict[int, Console] = {}


def console() -> Console:
    """A console on the current standard output (one per stream: making one costs ~1 ms);
    width from COLUMNS when set (tests fix it)."""
    from rich.console import Console

    stream = sys.stdout
    made = _consoles.get(id(stream))
    if made is None or made.file is not stream:
        width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else None
        # No emoji codes: a goal's ":snake:" is shown as written, as it is in a pipe.
        made = Console(file=stream, width=width, highlight=False, soft_wrap=False, emoji=False)
        _consoles.clear()
        _consoles[id(stream)] = made
    return made


def say(markup: str = "") -> None:
    """Print a line of our markup: through Rich on a terminal (its styles, wrapped to the
    width); to a pipe or a file as plain, whole lines, without loading Rich, which takes
    longer to import than the daily view takes to work out."""
    stream = sys.stdout
    if stream.isatty():
        console().print(markup)
        return
    from careerplan.cli.text import plain

    stream.write(plain(markup) + "\n")


def error_console() -> Console:
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Machine-readable output: stable key order, dates as ISO strings, UTF-8 kept as is."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error naming the problem and the fix, then stop with `code`."""
    import typer

    error_console().print(f"[bold red]Error:[/] {message}", markup=True)
    raise typer.Exit(code)
