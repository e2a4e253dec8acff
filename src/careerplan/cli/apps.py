"""Typer apps made one way: plain help text (Rich-formatted help costs ~100 ms at start-up)."""

from __future__ import annotations

import typer


def sub_app(help: str) -> typer.Typer:
    return typer.Typer(help=help, rich_markup_mode=None, no_args_is_help=True)
