"""The occupation catalogue as `OccupationKnowledge` for the S.M.A.R.T. relevance check.

A parent goal is a sentence ("Grow into an engineering manager role"); the catalogue matches
titles. The adapter strips the career verbs and filler around the title, asks the catalogue for
the best-matching occupation's vocabulary (titles, tasks, skills, knowledge, technology), and
answers None when nothing matches well.
"""

from __future__ import annotations

import re

from careerplan.catalog.store import Catalog
from careerplan.catalog.vocabulary import vocabulary_for_title

_LEAD = re.compile(
    r"^\s*(?:i\s+(?:want|plan|hope)\s+to\s+|to\s+)?(?:become|be|grow\s+into|move\s+(?:in)?to"
    r"|step\s+into|transition\s+(?:in)?to|land|get|find|work\s+as|qualify\s+as|earn\s+tenure\s+as"
    r"|build\s+a\s+career\s+as|lead|open|own|run|start|build)?\s*"
    r"(?:(?:a|an|the|my|our|first|full-time|new|own|sustainable|recognised|certified)\s+)*"
    r"(?:(?:job|role|career|position)\s+(?:in|as)\s+(?:a\s+|an\s+)?)?",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r"\s+(?:role|position|job)\b.*$|\s+(?:at|on|in|for|with|within|by)\s+.*$", re.IGNORECASE
)


_NAMED_OCCUPATION = re.compile(r"\((?P<title>[^()]{3,150})\)\s*$")


def title_in(parent_text: str) -> str:
    """ "Grow into an engineering manager role" → "engineering manager"."""
    title = _LEAD.sub("", parent_text.strip(), count=1)
    return _TAIL.sub("", title).strip(" .,;")


class CatalogKnowledge:
    """`terms_for` backed by the shipped catalogue (or the one given)."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self._catalog = catalog

    def terms_for(self, parent_text: str) -> frozenset[str] | None:
        # The plan names the dream job's chosen occupation after the person's own words:
        # "COO of a high-tech startup (Chief Executives)". That title is exact; the words may not
        # find an occupation at all, so both count.
        named = _NAMED_OCCUPATION.search(parent_text)
        chosen = vocabulary_for_title(named["title"], self._catalog) if named else None
        title = title_in(parent_text[: named.start()] if named else parent_text)
        own = vocabulary_for_title(title, self._catalog) if title else None
        if chosen is None or own is None:
            return chosen or own
        return chosen | own
