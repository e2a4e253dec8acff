"""Stepping stones: jobs people take on the way to a dream job. Related to it, asking less (less
preparation or less entry education), in the same field, and building what it needs; never a
management job unless the dream job is one.

The curated table names the stones that counsellors know (nursing assistant and LPN on the way
to RN) and why; the catalogue adds related occupations that keep to the same rules.
"""

from __future__ import annotations

from collections.abc import Mapping

from careerplan.catalog.gates import credentials_for
from careerplan.catalog.paths import blocked_stones, compared_levels, entry_rank, moves_into
from careerplan.catalog.skills import COMPARED
from careerplan.catalog.store import Catalog, resolve
from careerplan.domain.route import Stone
from careerplan.domain.titles import article, one_of

MAX_STONES = 3


def stepping_stones(
    target_code: str,
    current_code: str | None = None,
    catalog: Catalog | None = None,
    limit: int = MAX_STONES,
) -> list[Stone]:
    """The best stepping stones to the target, the curated ones first; never the current job."""
    cat = resolve(catalog)
    target = cat.occupation(target_code)
    skip = {target.code}
    if current_code is not None:
        skip.add(cat.occupation(current_code).code)
    found: list[Stone] = []
    for credential in credentials_for(target.code, cat):
        for stone in credential.stepping_stones:
            if stone.code not in skip and stone.code in cat.occupations:
                skip.add(stone.code)
                found.append(Stone(stone.code, cat.occupations[stone.code].title, stone.why))
    return (found + _related(cat, target.code, skip))[:limit]


def _related(cat: Catalog, target_code: str, skip: set[str]) -> list[Stone]:
    """Related occupations in the target's field that ask less and are no blocked stone,
    nearest in skills first."""
    target = cat.occupations[target_code]
    blocked = blocked_stones(cat, target)
    ranks = entry_rank(cat)
    candidates = []
    for oid, cost in moves_into(cat, target):
        occupation = cat.by_id[oid]
        if occupation.code in skip or oid in blocked:
            continue
        same_field = occupation.code[:2] == target.code[:2]
        # Less preparation (a lower job zone), not merely a shorter degree: an occupational
        # therapist is no step towards physical therapy.
        asks_less = bool(
            occupation.job_zone and target.job_zone and occupation.job_zone < target.job_zone
        ) and ranks.get(oid, 0) <= ranks.get(target.id, 99)
        if same_field and asks_less:
            candidates.append((cost, occupation.code, oid))
    stones = []
    for _cost, code, oid in sorted(candidates):
        builds = _shared_strengths(cat, compared_levels(cat, oid), target.id)
        one = one_of(target.title)
        why = "A related job in the same field that asks less to start and builds what "
        why += f"{article(one)} {one} needs"
        why += f": {', '.join(builds[:2])}." if builds else "."
        stones.append(Stone(code, cat.by_id[oid].title, why))
    return stones


def _shared_strengths(cat: Catalog, levels: Mapping[int, float], target_id: int) -> list[str]:
    """What the target relies on most that the stone already asks nearly as much of."""
    elements = cat.elements()
    target = cat.by_id[target_id]
    shared = [
        (importance, elements[element].name)
        for element, (importance, level) in cat.ratings(target).items()
        if elements[element].domain in COMPARED
        and importance >= 3.5
        and levels.get(element, 0.0) >= level - 0.5
    ]
    return [name for _importance, name in sorted(shared, key=lambda s: (-s[0], s[1]))]
