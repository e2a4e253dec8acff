"""The ESCO skills an occupation asks for: ESCO's essential skills of the ESCO occupations the
ESCO-O*NET crosswalk maps to it (built by `scripts/catalog_occupation_skills.py`), the finer
detail of "what a prime candidate has" beside O*NET's 35 skills."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from careerplan.catalog.skill_links import URI_PREFIX
from careerplan.catalog.store import Catalog, resolve

TOP = 12


@dataclass(frozen=True, slots=True)
class EscoNeed:
    label: str
    uri: str
    share: float  # of the ESCO occupations mapped here that hold it essential (optional: half)

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "uri": self.uri, "share": self.share}


@functools.cache
def _spread(catalog: Catalog) -> dict[int, int]:
    """How many occupations ask for each skill: of two skills every mapped ESCO occupation
    holds essential, the one fewer occupations ask for says more about this one."""
    rows = catalog.query("SELECT skill_id, COUNT(*) FROM occupation_esco_skill GROUP BY skill_id")
    return dict(rows)


def esco_needs(code: str, catalog: Catalog | None = None, limit: int = TOP) -> list[EscoNeed]:
    """The ESCO skills the occupation asks for, the most widely held and telling first; empty
    when the crosswalk maps no ESCO occupation to it."""
    cat = resolve(catalog)
    occupation = cat.occupation(code)
    rows = cat.query(
        "SELECT e.skill_id, s.label, s.uri, e.share FROM occupation_esco_skill e "
        "JOIN esco_skill s ON s.id = e.skill_id WHERE e.occupation_id = ?",
        (occupation.id,),
    )
    spread = _spread(cat)
    rows.sort(key=lambda row: (-row[3], spread.get(row[0], 0), row[1]))
    return [EscoNeed(label, URI_PREFIX + uri, share) for _, label, uri, share in rows[:limit]]
