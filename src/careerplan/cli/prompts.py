"""Questions a person answers in a terminal: each answer is checked on the spot and, when it
cannot be used, the reason is shown and the question asked again, so one mistyped answer never
loses the ones before it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import typer

from careerplan.cli.hints import said
from careerplan.cli.output import console
from careerplan.cli.text import escape
from careerplan.domain.errors import InvalidInput

T = TypeVar("T")


def ask(question: str, default: str, read: Callable[[str], T]) -> T:
    """Ask until the answer reads; a wrong one is explained and asked again."""
    while True:
        answer = typer.prompt(question, default=default, show_default=bool(default))
        try:
            return read(answer.strip())
        except InvalidInput as error:
            console().print(f"[red]{escape(said(error))}[/]")
