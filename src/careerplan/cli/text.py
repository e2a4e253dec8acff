"""Escaping text for Rich markup without importing Rich at start-up."""

from __future__ import annotations


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)
