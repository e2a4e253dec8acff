"""The 60-item O*NET Interest Profiler short form, RIASEC scores, and occupation matches.

Each area sums its 10 answers (1 = strongly dislike ... 5 = strongly like), giving 10-50. A match
is the agreement (Pearson correlation over the six areas) between the person's profile and the
occupation's O*NET interest profile, shown as a fit from 0 to 100.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from careerplan.catalog.store import AREA_NAMES, RIASEC, Catalog, Occupation, resolve
from careerplan.domain.errors import DomainRefusal, InvalidInput

ITEM_COUNT = 60
SCALE = ("Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like")


@dataclass(frozen=True, slots=True)
class Item:
    position: int
    area: str
    text: str


@dataclass(frozen=True, slots=True)
class InterestProfile:
    """Strength of each RIASEC area on a 0-1 scale, with where the figures came from."""

    scores: dict[str, float]
    sources: tuple[str, ...] = ()

    def top(self, n: int = 3) -> list[str]:
        return sorted(RIASEC, key=lambda a: (-self.scores.get(a, 0.0), RIASEC.index(a)))[:n]

    def code(self) -> str:
        return "".join(self.top(3))

    def vector(self) -> list[float]:
        return [self.scores.get(a, 0.0) for a in RIASEC]

    def to_dict(self) -> dict[str, object]:
        return {
            "scores": {AREA_NAMES[a]: round(self.scores.get(a, 0.0), 3) for a in RIASEC},
            "code": self.code(),
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class Match:
    code: str
    title: str
    fit: float
    reasons: list[str]

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "title": self.title, "fit": self.fit, "reasons": self.reasons}


def items(catalog: Catalog | None = None) -> list[Item]:
    cat = resolve(catalog)
    return [Item(p, a, t) for p, a, t in cat.query("SELECT * FROM ip_item ORDER BY position")]


def parse_answers(text: str) -> list[int]:
    """'5,4,3,...' -> answers; refuses anything but 60 whole numbers from 1 to 5."""
    parts = [p.strip() for p in text.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    try:
        values = [int(p) for p in parts]
    except ValueError:
        raise InvalidInput(
            "Answers are whole numbers from 1 (strongly dislike) to 5 (strongly like), "
            "separated by commas."
        ) from None
    return values


def score_answers(answers: Sequence[int], catalog: Catalog | None = None) -> InterestProfile:
    """Sum the ten answers of each area, scaled to 0-1 (10 -> 0, 50 -> 1)."""
    if len(answers) != ITEM_COUNT:
        raise InvalidInput(
            f"The Interest Profiler has {ITEM_COUNT} items; got {len(answers)} answers."
        )
    wrong = [(n, a) for n, a in enumerate(answers, start=1) if not 1 <= a <= 5]
    if wrong:
        n, value = wrong[0]
        raise InvalidInput(
            f"Answer {n} is {value}; every answer is from 1 (strongly dislike) to 5 "
            "(strongly like)."
        )
    sums = dict.fromkeys(RIASEC, 0)
    for item, answer in zip(items(catalog), answers, strict=True):
        sums[item.area] += answer
    return InterestProfile({a: (s - 10) / 40 for a, s in sums.items()}, ("answers",))


def combine(
    first: InterestProfile, second: InterestProfile, weight: float = 0.3
) -> InterestProfile:
    """`first` with `second` added at `weight` (the reflection adds to the answers)."""
    scores = {
        a: (1 - weight) * first.scores.get(a, 0.0) + weight * second.scores.get(a, 0.0)
        for a in RIASEC
    }
    return InterestProfile(scores, first.sources + second.sources)


def agreement(person: Sequence[float], occupation: Sequence[float]) -> float:
    """Pearson correlation over the six areas; cosine when either profile is flat."""
    n = len(person)
    mp, mo = sum(person) / n, sum(occupation) / n
    dp = [p - mp for p in person]
    do = [o - mo for o in occupation]
    norm = math.sqrt(sum(x * x for x in dp) * sum(x * x for x in do))
    if norm < 1e-9:
        length = math.sqrt(sum(p * p for p in person) * sum(o * o for o in occupation))
        return sum(p * o for p, o in zip(person, occupation, strict=True)) / length if length else 0
    return sum(a * b for a, b in zip(dp, do, strict=True)) / norm


def interest_reason(person: InterestProfile, occupation: Occupation) -> str:
    assert occupation.riasec is not None
    own = dict(zip(RIASEC, occupation.riasec, strict=True))
    shared = [a for a in person.top(3) if own[a] >= 4.0][:2]
    zone = f"job zone {occupation.job_zone}" if occupation.job_zone else "job zone not rated"
    if shared:
        areas = " and ".join(f"{AREA_NAMES[a]} ({own[a]:.1f}/7)" for a in shared)
        yours = "/".join(AREA_NAMES[a] for a in shared)
        return f"Your strong {yours} interests fit its {areas}; {zone}."
    lead = max(RIASEC, key=lambda a: own[a])
    return f"Its profile leans {AREA_NAMES[lead]} ({own[lead]:.1f}/7) like yours; {zone}."


def matches(
    person: InterestProfile,
    job_zone: int | None = None,
    limit: int = 10,
    catalog: Catalog | None = None,
) -> list[Match]:
    """Occupations whose interest profile agrees best with the person's, best first."""
    if job_zone is not None and not 1 <= job_zone <= 5:
        raise InvalidInput(
            f"A job zone is from 1 (little preparation) to 5 (extensive), not {job_zone}."
        )
    if limit < 1:
        raise InvalidInput(f"The limit must be at least 1, not {limit}.")
    if not any(person.scores.values()):
        raise DomainRefusal(
            "The interest profile is empty: answer the 60 items or write a reflection that "
            "mentions activities you enjoy."
        )
    cat = resolve(catalog)
    vector = person.vector()
    scored: list[tuple[float, Occupation]] = []
    for occupation in cat.occupations.values():
        if occupation.riasec is None or (job_zone is not None and occupation.job_zone != job_zone):
            continue
        scored.append((agreement(vector, occupation.riasec), occupation))
    scored.sort(key=lambda pair: (-pair[0], pair[1].code))
    return [
        Match(o.code, o.title, round(50 * (r + 1), 1), [interest_reason(person, o)])
        for r, o in scored[:limit]
    ]
