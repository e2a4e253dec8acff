"""Rich's markup without Rich: escaping text for it, and reading it back as plain text.

Rich takes 10-15 ms to import, more than the rest of a daily command's work; output that goes to
a pipe or a file has no styles to show, so it is written without loading Rich. These follow
Rich's own markup rules (a tag is `[` then a letter, `#`, `/` or `@`, up to the next `]`; a
backslash before it makes it text, and two backslashes are one), and tests check them against
Rich on generated text.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
# The control characters Rich drops from text it shows (bell, backspace, vertical tab, form feed,
# carriage return): they would move a terminal's cursor, not show a character.
_DROPPED = str.maketrans(dict.fromkeys([7, 8, 11, 12, 13]))


def escape(text: str) -> str:
    """`text` as markup that shows it as it is: every tag-like bracket escaped."""

    def escaped(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    markup = _TAG.sub(escaped, text)
    if markup.endswith("\\") and not markup.endswith("\\\\"):
        return markup + "\\"
    return markup


def plain(markup: str) -> str:
    """What Rich shows for `markup`, without its styles."""
    out: list[str] = []
    position = 0
    for match in _TAG.finditer(markup):
        backslashes, tag = match.groups()
        out.append(_text(markup[position : match.start()]))
        kept, escaped = divmod(len(backslashes), 2)
        out.append("\\" * kept)
        if escaped:
            out.append(tag)  # an escaped tag is text
        position = match.end()
    out.append(_text(markup[position:]))
    return "".join(out).translate(_DROPPED)


def _text(between: str) -> str:
    # A bracket that starts no tag may be escaped all the same.
    return between.replace("\\[", "[")
