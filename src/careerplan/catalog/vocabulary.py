"""The words an occupation is written about in, for checking that a goal is relevant to it."""

from __future__ import annotations

import re
from functools import lru_cache

from careerplan.catalog.search import best_occupation
from careerplan.catalog.store import Catalog, resolve

_STOP_TEXT = (
    "a an and or the to of in on for with by at from as into such other others their its it is "
    "are be or not all any may use using used including include includes related etc via per"
)
STOPWORDS = frozenset(_STOP_TEXT.split())
ALTERNATE_TITLES = 40


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9+#]*", text.lower()) if len(w) > 2} - STOPWORDS


def vocabulary_for_code(code: str, catalog: Catalog | None = None) -> frozenset[str]:
    """Lower-case words from the occupation's titles, tasks, skills, knowledge and technology."""
    cat = resolve(catalog)
    occupation = cat.occupation(code)
    oid = (occupation.id,)
    texts = [occupation.title]
    texts += [t for (t,) in cat.query("SELECT text FROM task WHERE occupation_id = ?", oid)]
    texts += [
        f"{e} {c}"
        for e, c in cat.query(
            "SELECT example, category FROM technology WHERE occupation_id = ?", oid
        )
    ]
    texts += [
        t
        for (t,) in cat.query(
            "SELECT title FROM title WHERE occupation_id = ? ORDER BY kind, title LIMIT ?",
            (occupation.id, ALTERNATE_TITLES),
        )
    ]
    elements = cat.elements()
    texts += [
        elements[e].name
        for e, (im, _) in cat.ratings(occupation).items()
        if elements[e].domain in ("S", "K") and im >= 3.0
    ]
    found: set[str] = set()
    for text in texts:
        found |= _words(text)
    return frozenset(found)


@lru_cache(maxsize=256)
def _cached(title: str) -> frozenset[str] | None:
    match = best_occupation(title)
    return None if match is None else vocabulary_for_code(match.code)


def vocabulary_for_title(title: str, catalog: Catalog | None = None) -> frozenset[str] | None:
    """The vocabulary of the occupation that best matches a free-text title, or None when no
    occupation matches well (e.g. "engineering manager" -> Architectural and Engineering
    Managers)."""
    if not title.strip() or len(title) > 200:
        return None
    if catalog is not None:
        match = best_occupation(title, resolve(catalog))
        return None if match is None else vocabulary_for_code(match.code, catalog)
    return _cached(title.strip().lower())
