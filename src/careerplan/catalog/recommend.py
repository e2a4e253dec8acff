"""Ranked occupations for a person: the quiz leads, their own words add, skills from work count.

The Interest Profiler's six scores are the basis (agreement with each occupation's O*NET profile,
0-100). A reflection adds in two ways: the occupations its sentences describe (`meaning`) earn a
bonus, and their interest profiles nudge the person's; neither can overturn a clear quiz result,
because the bonus is bounded and the nudge is a third at most. With `current`, the jobs O*NET
lists as most like today's job earn a smaller bonus, since a counsellor puts the short moves
beside the ones a person's interests suggest; the skills that carry over are a reason shown
with each match, not part of its fit (mixed in, they pulled every match towards the job the
person wants to leave), and skills lead in bridges instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careerplan.catalog.interests import InterestProfile, Match, agreement, combine, score_answers
from careerplan.catalog.meaning import Meaning, read_meaning, words_for
from careerplan.catalog.reasons import closeness, reasons_for
from careerplan.catalog.reflection import Reading, read_reflection
from careerplan.catalog.store import RIASEC, Catalog, Occupation, resolve
from careerplan.domain.education import Education
from careerplan.domain.errors import DomainRefusal, InvalidInput

# Points (of 100) the best-described occupation gains from the person's words: with the quiz,
# a nudge among the occupations that fit it; alone, the words lead.
WORDS_WITH_QUIZ = 40.0
WORDS_ALONE = 60.0
NUDGE = 0.3  # the share of the person's interest profile their words may move
DESCRIBED = 20  # occupations whose interest profiles make the words' profile
NEIGHBOURS_OF = 10  # best-described occupations whose close relations share their score
NEIGHBOUR_SHARE = 0.5
QUIZ_MARGIN = 25.0  # how far below the quiz's best fit the words may still lift a job
CLEAR_SPREAD = 0.25  # below this gap between the strongest and weakest area, the quiz is flat
# Points the job most like today's job gains (`closeness`): counsellors put the moves a
# person's experience makes short beside the ones their interests suggest. Only what the quiz
# allows is lifted.
EXPERIENCE = 30.0
ZONE_COST = 8.0  # points per job zone beyond one from what the education reaches
# The job zone a person's highest education reaches (O*NET's job zone definitions: zone 2 a
# high school diploma, 3 vocational training or an associate's, 4 a bachelor's, 5 graduate).
REACH = {
    Education.NONE: 1, Education.HIGH_SCHOOL: 2, Education.SOME_COLLEGE: 3,
    Education.CERTIFICATE: 3, Education.ASSOCIATE: 3, Education.BACHELOR: 4,
    Education.MASTER: 5, Education.DOCTORAL: 5,
}  # fmt: skip


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


def _words_profile(meaning: Meaning, cat: Catalog) -> InterestProfile | None:
    """The interest profile of the occupations the words describe, weighted by how well."""
    totals = dict.fromkeys(RIASEC, 0.0)
    weight = 0.0
    ranked = sorted(meaning.scores.items(), key=lambda item: -item[1])[:DESCRIBED]
    for oid, score in ranked:
        riasec = cat.by_id[oid].riasec
        if riasec is None:
            continue
        for area, value in zip(RIASEC, riasec, strict=True):
            totals[area] += score * (value - 1) / 6
        weight += score
    if not weight:
        return None
    return InterestProfile({a: v / weight for a, v in totals.items()}, ("reflection",))


def _with_neighbours(meaning: Meaning, cat: Catalog) -> Meaning:
    """The occupations the words describe best lend part of their score to the occupations
    O*NET lists as closely related to them: a counsellor's shortlist is a family of jobs."""
    if not meaning.scores or not NEIGHBOUR_SHARE:
        return meaning
    scores = dict(meaning.scores)
    ranked = sorted(meaning.scores.items(), key=lambda item: -item[1])[:NEIGHBOURS_OF]
    for oid, score in ranked:
        for related, tier, _ in cat.related(cat.by_id[oid]):
            if tier == 1:
                lent = NEIGHBOUR_SHARE * score
                if lent > scores.get(related, 0.0):
                    scores[related] = lent
    return Meaning(scores, meaning.said)


def _evidence(meaning: Meaning, cat: Catalog) -> dict[str, list[str]]:
    """Each word under one area: the one where the best-described occupations that use it
    weigh most. "Teacher" in "I played teacher to my stuffed animals" goes under Social, with
    the teachers, although an animal trainer is the best description of the whole sentence."""
    votes: dict[str, dict[str, float]] = {}
    ranked = sorted(meaning.scores.items(), key=lambda item: -item[1])[:DESCRIBED]
    for oid, score in ranked:
        riasec = cat.by_id[oid].riasec
        if riasec is None:
            continue
        area = RIASEC[max(range(6), key=lambda i: riasec[i])]
        for word in words_for(meaning, oid, cat):
            votes.setdefault(word, dict.fromkeys(RIASEC, 0.0))[area] += score
    evidence: dict[str, list[str]] = {}
    for word in meaning.words():
        if word in votes:
            area = max(RIASEC, key=lambda a: votes[word][a])
            evidence.setdefault(area, []).append(word)
    return {a: evidence[a] for a in RIASEC if evidence.get(a)}


def recommend(
    answers: Sequence[int] | None = None,
    reflection: str | None = None,
    current: str | None = None,
    job_zone: int | None = None,
    limit: int = 10,
    catalog: Catalog | None = None,
    education: Education | None = None,
) -> Recommendation:
    """Matches from the 60 answers and/or a reflection; with `current`, what its skills carry
    over is given as a reason (and the job itself is left out); with `education`, jobs within
    reach of it come first."""
    if answers is None and reflection is None:
        raise InvalidInput("Give the 60 answers, a reflection, or both.")
    if job_zone is not None and not 1 <= job_zone <= 5:
        raise InvalidInput(
            f"A job zone is from 1 (little preparation) to 5 (extensive), not {job_zone}."
        )
    if limit < 1:
        raise InvalidInput(f"The limit must be at least 1, not {limit}.")
    cat = resolve(catalog)
    reading = read_reflection(reflection, cat) if reflection is not None else None
    meaning = read_meaning(reflection, cat) if reflection is not None else Meaning()
    meaning = _with_neighbours(meaning, cat)
    words = _words_profile(meaning, cat)
    if answers is not None:
        person = score_answers(answers, cat)
        if words is not None:
            person = combine(person, words, NUDGE)
        bonus = WORDS_WITH_QUIZ
    else:
        person = words or (reading.profile if reading is not None else InterestProfile({}))
        bonus = WORDS_ALONE
    if reading is not None and words is not None:
        # What the words say, read for meaning: their profile, and each word under the
        # interest area of the occupations it describes best.
        reading = Reading(words, _evidence(meaning, cat))
    if not any(person.scores.values()) and not meaning.scores:
        raise DomainRefusal(
            "The interest profile is empty: answer the 60 items or write a reflection that "
            "mentions activities you enjoy."
        )
    reach = REACH.get(education) if education is not None else None
    start = cat.occupation(current) if current is not None else None
    near = closeness(start, cat) if start is not None else {}
    ranked = _ranked(person, meaning, bonus, job_zone, reach, cat, near)
    chosen = [pair for pair in ranked if start is None or pair[1].id != start.id][:limit]
    return Recommendation(person, reading, _matches(chosen, person, meaning, start, cat))


def _ranked(
    person: InterestProfile,
    meaning: Meaning,
    bonus: float,
    job_zone: int | None,
    reach: int | None,
    cat: Catalog,
    near: dict[int, float],
) -> list[tuple[float, Occupation]]:
    """Occupations by interest fit; the words, and closeness to today's job (`near`), lift
    those the quiz allows, and a job far beyond or below what the person's education reaches
    (`reach`, a job zone) counts for less."""
    vector = person.vector()
    flat = not any(person.scores.values())
    fits: list[tuple[float, Occupation]] = []
    for occupation in cat.occupations.values():
        if occupation.riasec is None or (job_zone is not None and occupation.job_zone != job_zone):
            continue
        fit = 0.0 if flat else 50 * (agreement(vector, occupation.riasec) + 1)
        fits.append((fit, occupation))
    fits.sort(key=lambda pair: (-pair[0], pair[1].code))
    spread = max(person.scores.values(), default=0.0) - min(person.scores.values(), default=0.0)
    # The words may lift only what the quiz allows: occupations within QUIZ_MARGIN points of
    # its best fit (all of them when the quiz is flat or absent).
    allowed = fits[0][0] - QUIZ_MARGIN if fits and not flat and spread >= CLEAR_SPREAD else -1.0
    ceiling = 100 + bonus + (EXPERIENCE if near else 0.0)
    scored = []
    for fit, occupation in fits:
        score = fit
        if fit >= allowed:
            score += bonus * meaning.scores.get(occupation.id, 0.0)
            score += EXPERIENCE * near.get(occupation.id, 0.0)
        if reach is not None and occupation.job_zone is not None:
            score -= ZONE_COST * max(0, abs(occupation.job_zone - reach) - 1)
        # On a 0-100 scale whatever the bonuses: a perfect fit, fully described, is 100.
        scored.append((100 * max(score, 0.0) / ceiling, occupation))
    scored.sort(key=lambda pair: (-pair[0], pair[1].code))
    return scored


def _matches(
    chosen: list[tuple[float, Occupation]],
    person: InterestProfile,
    meaning: Meaning,
    start: Occupation | None,
    cat: Catalog,
) -> list[Match]:
    return [
        Match(o.code, o.title, round(fit, 1), reasons_for(o, person, meaning, start, cat))
        for fit, o in chosen
    ]
