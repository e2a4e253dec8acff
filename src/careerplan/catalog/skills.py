"""A person's skills, what carries over to a target occupation, and what is missing.

Skills, knowledge and work activities are compared on O*NET's level scale (0-7). A gap is the
target's level minus the person's, weighted by how important the element is to the target
(importance 1-5, counted from 1 so that an element rated "not important" weighs nothing). The
transfer score is the share of the target's weighted levels the person already reaches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from careerplan.catalog.store import DOMAIN_NAMES, Catalog, Occupation, resolve
from careerplan.domain.errors import InvalidInput

COMPARED = ("S", "K", "W")
RELEVANT_IMPORTANCE = 3.0


@dataclass(frozen=True, slots=True)
class SkillSet:
    """Levels (0-7) by element id; built from an occupation and adjusted by the person."""

    levels: Mapping[int, float]
    source: str = ""


@dataclass(frozen=True, slots=True)
class Strength:
    name: str
    kind: str
    level: float
    needed: float
    importance: float


@dataclass(frozen=True, slots=True)
class Gap:
    name: str
    kind: str
    level: float
    needed: float
    importance: float

    @property
    def weighted(self) -> float:
        return round((self.importance - 1) * (self.needed - self.level), 2)


@dataclass(frozen=True, slots=True)
class Transfer:
    """How well a skill set fits a target occupation; score 0-100."""

    target: str
    score: float
    strengths: list[Strength] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "target": self.target,
            "score": self.score,
            "strengths": [
                {"name": s.name, "kind": s.kind, "level": s.level, "needed": s.needed}
                for s in self.strengths
            ],
            "gaps": [
                {"name": g.name, "kind": g.kind, "level": g.level, "needed": g.needed,
                 "importance": g.importance, "weighted_gap": g.weighted}
                for g in self.gaps
            ],
        }  # fmt: skip


def skills_of(
    code: str, adjust: Mapping[str, float] | None = None, catalog: Catalog | None = None
) -> SkillSet:
    """The skills of someone working as `code`, with levels changed by element name."""
    cat = resolve(catalog)
    occupation = cat.occupation(code)
    elements = cat.elements()
    levels = {
        e: lv for e, (_, lv) in cat.ratings(occupation).items() if elements[e].domain in COMPARED
    }
    by_name = {elements[e].name.lower(): e for e in elements if elements[e].domain in COMPARED}
    for name, level in (adjust or {}).items():
        element = by_name.get(name.strip().lower())
        if element is None:
            raise InvalidInput(f"'{name}' is not an O*NET skill, knowledge area or work activity.")
        if not 0 <= level <= 7:
            raise InvalidInput(f"A level is between 0 and 7, not {level} (for {name}).")
        levels[element] = level
    return SkillSet(levels, occupation.code)


def weighted_gap(levels: Mapping[int, float], needs: Iterable[tuple[int, float, float]]) -> float:
    """Importance-weighted missing level, as a share of the weighted levels needed (0-1).

    `needs` holds (element, importance, level) of the target; the build script uses this same
    function to store the gap along every related-occupations edge."""
    missing = 0.0
    total = 0.0
    for element, importance, level in needs:
        weight = importance - 1
        total += weight * level
        missing += weight * max(0.0, level - levels.get(element, 0.0))
    return missing / total if total else 1.0


def gap_cost(catalog: Catalog, levels: Mapping[int, float], target: Occupation) -> float:
    elements = catalog.elements()
    needs = (
        (e, im, lv)
        for e, (im, lv) in catalog.ratings(target).items()
        if elements[e].domain in COMPARED
    )
    return weighted_gap(levels, needs)


def transfer(person: SkillSet, target_code: str, catalog: Catalog | None = None) -> Transfer:
    """Strengths that carry over to the target, gaps ranked by weighted size, and a score."""
    cat = resolve(catalog)
    target = cat.occupation(target_code)
    ratings = cat.ratings(target)
    if not ratings:
        return Transfer(target.code, 0.0)
    elements = cat.elements()
    strengths: list[Strength] = []
    gaps: list[Gap] = []
    for e, (im, lv) in ratings.items():
        element = elements[e]
        if element.domain not in COMPARED or im < RELEVANT_IMPORTANCE:
            continue
        have = person.levels.get(e, 0.0)
        kind = DOMAIN_NAMES[element.domain]
        if have >= lv - 0.25:
            strengths.append(Strength(element.name, kind, have, lv, im))
        else:
            gaps.append(Gap(element.name, kind, have, lv, im))
    strengths.sort(key=lambda s: (-s.importance, s.name))
    gaps.sort(key=lambda g: (-g.weighted, g.name))
    score = round(100 * (1 - gap_cost(cat, person.levels, target)), 1)
    return Transfer(target.code, score, strengths, gaps)


def transfer_between(from_code: str, to_code: str, catalog: Catalog | None = None) -> Transfer:
    return transfer(skills_of(from_code, catalog=catalog), to_code, catalog)
