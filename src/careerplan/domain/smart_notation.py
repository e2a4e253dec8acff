"""The one way the five S.M.A.R.T. verdicts are written as letters, everywhere a person reads them:
a capital letter is met, a small letter is not, and `?` is not judged yet. The case alone carries
the verdict, so the letters say the same thing in colour, in black and white, piped to a file or
read aloud by a screen reader's spelling.

    >>> letters([True, False, None, True, True])
    'Sm?RT'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

CRITERIA = ("specific", "measurable", "attainable", "relevant", "time_bound")
NAMES = ("S", "M", "A", "R", "T")
NOT_JUDGED = "?"
LEGEND = "S.M.A.R.T.: a capital letter is met, a small letter is not, ? is not judged yet."


def letter(name: str, verdict: bool | None) -> str:
    """One letter: `S` met, `s` not met, `?` not judged."""
    if verdict is None:
        return NOT_JUDGED
    return name.upper() if verdict else name.lower()


def letters(verdicts: Iterable[bool | None]) -> str:
    """The five letters for verdicts given in S, M, A, R, T order."""
    return "".join(letter(name, verdict) for name, verdict in zip(NAMES, verdicts, strict=True))


def letters_of(verdicts: Mapping[str, bool | None]) -> str:
    """The five letters for verdicts keyed by criterion (`specific`, ..., `time_bound`); a
    criterion that is missing is not judged."""
    return letters(verdicts.get(criterion) for criterion in CRITERIA)
