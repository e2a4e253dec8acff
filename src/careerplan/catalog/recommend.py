"""Ranked occupations for a person: interests from answers and reflection, skills from work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careerplan.catalog.interests import InterestProfile, Match, combine, matches, score_answers
from careerplan.catalog.reflection import Reading, read_reflection
from careerplan.catalog.skills import skills_of, transfer
from careerplan.catalog.store import Catalog, resolve
from careerplan.domain.errors import InvalidInput

SKILL_WEIGHT = 0.25
POOL = 5


@dataclass(frozen=True, slots=True)
class Recommendation:
    profile: InterestProfile
    reading: Reading | None
    matches: list[Match]

    def to_dict(self) -> dict[str, object]:
        return {
            "profile": self.profile.to_dict(),
            "reflection": None if self.reading is None else self.reading.to_dict(),
            "matches": [m.to_dict() for m in self.matches],
        }


def recommend(
    answers: Sequence[int] | None = None,
    reflection: str | None = None,
    current: str | None = None,
    job_zone: int | None = None,
    limit: int = 10,
    catalog: Catalog | None = None,
) -> Recommendation:
    """Matches from the 60 answers and/or a reflection; with `current`, skills that carry over
    count for a quarter of the fit."""
    if answers is None and reflection is None:
        raise InvalidInput("Give the 60 answers, a reflection, or both.")
    cat = resolve(catalog)
    reading = read_reflection(reflection, cat) if reflection is not None else None
    if answers is not None:
        person = score_answers(answers, cat)
        if reading is not None:
            person = combine(person, reading.profile)
    else:
        assert reading is not None
        person = reading.profile
    if current is None:
        return Recommendation(person, reading, matches(person, job_zone, limit, cat))
    start = cat.occupation(current)
    pool = matches(person, job_zone, limit * POOL, cat)
    skills = skills_of(start.code, catalog=cat)
    blended: list[Match] = []
    for match in pool:
        if match.code == start.code:
            continue
        fit = transfer(skills, match.code, cat)
        score = round((1 - SKILL_WEIGHT) * match.fit + SKILL_WEIGHT * fit.score, 1)
        carried = ", ".join(s.name for s in fit.strengths[:2])
        reason = f"Keeps {fit.score:.0f}% of the skill level it needs from {start.title}"
        reason += f" ({carried})." if carried else "."
        blended.append(Match(match.code, match.title, score, [*match.reasons, reason]))
    blended.sort(key=lambda m: (-m.fit, m.code))
    return Recommendation(person, reading, blended[:limit])
