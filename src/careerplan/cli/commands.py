"""Which sub-commands the `careerplan` command has. Each module defines a Typer app or commands."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
