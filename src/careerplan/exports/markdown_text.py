"""Person-written text made safe to put into Markdown: whatever someone types (`# hi *x* [a](b)`,
`1. item`, `---`, `<b>`) is shown as written and can never add a heading, a list, a link, a rule
or HTML to the document around it."""

from __future__ import annotations

import re

# Characters that mean something inline anywhere in a line (CommonMark lets a backslash escape any
# ASCII punctuation, so escaping a few harmless ones too is safe).
_INLINE = re.compile(r"([\\`*_\[\]<>&!#|~])")
# What only means something at the start of a line: bullets, rules, setext underlines, quotes.
_LINE_START = re.compile(r"^([-+=])")
# An ordered-list marker: up to nine digits and `.` or `)`.
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_BLANK_LINES = re.compile(r"\n\s*\n")


def inline(text: str) -> str:
    """One line of escaped text (line breaks become spaces): for headings and list items."""
    return _line(" ".join(text.split()))


def block(text: str) -> list[str]:
    """Escaped paragraphs (blank lines in the text separate them), each one string of lines."""
    paragraphs = []
    for chunk in _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n").strip()):
        lines = [_line(" ".join(line.split())) for line in chunk.split("\n")]
        kept = [line for line in lines if line]
        if kept:
            paragraphs.append("\n".join(kept))
    return paragraphs


def _line(text: str) -> str:
    # Leading spaces were removed by the callers (four of them would start a code block), and
    # trailing ones too (two of them would be a hard line break).
    escaped = _INLINE.sub(r"\\\1", text)
    escaped = _LINE_START.sub(r"\\\1", escaped)
    return _ORDERED.sub(r"\1\\\2", escaped)
