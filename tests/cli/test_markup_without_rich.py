"""Escaping and reading Rich's markup without Rich (cli/text.py) agree with Rich itself, on
generated text: the daily view written to a pipe says what Rich would have shown."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.text import Text

from careerplan.cli.text import escape, plain

# Text rich in what markup treats specially: brackets, backslashes, tag-like words, slashes.
TRICKY = st.lists(
    st.sampled_from([*"[]\\/ab#@= x1:", "bold", "[/]", "[b]", "\\["]), max_size=20
).map("".join)
ANY_TEXT = st.one_of(TRICKY, st.text(max_size=40))
STYLES = st.sampled_from(["bold", "italic", "red", "bold yellow", "dim"])


@st.composite
def markup(draw: st.DrawFn) -> str:
    """Markup as the views build it: escaped text, some of it inside balanced tags."""
    parts = []
    for text, style in draw(st.lists(st.tuples(ANY_TEXT, st.none() | STYLES), max_size=5)):
        escaped = escape(text)
        parts.append(escaped if style is None else f"[{style}]{escaped}[/]")
    return "".join(parts)


@given(ANY_TEXT)
def test_escape_is_riches(text: str) -> None:
    assert escape(text) == rich_escape(text)


@given(markup())
def test_plain_text_is_what_rich_shows(written: str) -> None:
    assert plain(written) == Text.from_markup(written, emoji=False).plain


# Printed through a console, Rich also expands tabs and measures wide characters; a pipe gets the
# characters as they are, so this compares printable text.
PRINTABLE = st.one_of(
    TRICKY, st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
)


@given(PRINTABLE)
def test_escaped_text_reads_back_as_itself(text: str) -> None:
    shown = io.StringIO()
    Console(file=shown, width=10_000, emoji=False, highlight=False).print(escape(text), end="")
    assert plain(escape(text)) == shown.getvalue()
