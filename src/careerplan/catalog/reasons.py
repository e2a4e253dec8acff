"""Why an occupation is a match, in terms the person can check: their interests, their own words
and the tasks that answer them, what the job pays and how it is growing (BLS), what it takes to
start, and how far today's job gets them there."""

from __future__ import annotations

from careerplan.catalog.interests import InterestProfile, interest_reason
from careerplan.catalog.meaning import Meaning, words_for
from careerplan.catalog.skills import skills_of, transfer
from careerplan.catalog.store import Catalog, Occupation

WORDS_SHOWN = 0.25  # how well the words must describe it before they are quoted as a reason
QUOTE_CHARACTERS = 90
CLOSE_BY_TIER = {1: 1.0}


def reasons_for(
    occupation: Occupation,
    person: InterestProfile,
    meaning: Meaning,
    start: Occupation | None,
    cat: Catalog,
) -> list[str]:
    reasons = []
    if person.scores and any(person.scores.values()):
        reasons.append(interest_reason(person, occupation))
    if meaning.scores.get(occupation.id, 0.0) >= WORDS_SHOWN:
        said = _in_their_words(occupation, meaning, cat)
        if said:
            reasons.append(said)
    facts = _facts(occupation, cat)
    if facts:
        reasons.append(facts)
    if start is not None:
        fit = transfer(skills_of(start.code, catalog=cat), occupation.code, cat)
        carried = ", ".join(s.name for s in fit.strengths[:2])
        reason = f"Keeps {fit.score:.0f}% of the skill level it needs from {start.title}"
        if occupation.id in closeness(start, cat):
            reason = f"One of the jobs O*NET lists as most like {start.title}; it keeps "
            reason += f"{fit.score:.0f}% of the skill level it needs"
        reasons.append(reason + (f" ({carried})." if carried else "."))
    return reasons


def closeness(start: Occupation, cat: Catalog) -> dict[int, float]:
    """The jobs O*NET lists as most like `start` (the first tier of its related occupations,
    five of them), with how close each is, 0-1. At most half a top 10 can be lifted by it."""
    return {
        oid: CLOSE_BY_TIER[tier] for oid, tier, _ in cat.related(start) if tier in CLOSE_BY_TIER
    }


def _in_their_words(occupation: Occupation, meaning: Meaning, cat: Catalog) -> str:
    """ "You wrote “coach a 12U team”; its work includes “Plan, organize and conduct
    practice sessions...”." """
    words = words_for(meaning, occupation.id, cat)
    if not words:
        return ""
    clauses: dict[str, int] = {}
    for said in meaning.said:
        if said.word in words:
            clauses[said.clause] = clauses.get(said.clause, 0) + 1
    clause = max(clauses, key=lambda c: (clauses[c], -len(c)))
    quote = clause if len(clause) <= QUOTE_CHARACTERS else clause[: QUOTE_CHARACTERS - 1] + "…"
    # The task quoted answers the words of the quoted clause, not the person's other words.
    stems = [s.word[:5] for s in meaning.said if s.clause == clause and s.word in words]
    tasks = [
        t for (t,) in cat.query("SELECT text FROM task WHERE occupation_id = ?", (occupation.id,))
    ]
    answering = max(tasks, key=lambda t: sum(s in t.lower() for s in stems), default="")
    if answering and any(s in answering.lower() for s in stems):
        return f"You wrote “{quote}”; its work includes “{answering}”"
    return f"You wrote “{quote}”, which its work answers ({', '.join(words[:4])})."


def _facts(occupation: Occupation, cat: Catalog) -> str:
    rows = cat.query(
        "SELECT wage_median, change_percent, education FROM occupation WHERE id = ?",
        (occupation.id,),
    )
    if not rows:
        return ""
    wage, change, education = rows[0]
    parts = []
    if wage:
        parts.append(f"median pay ${wage:,} a year")
    if change is not None:
        parts.append(f"{change:+.0f}% jobs 2024-34")
    said = "; ".join(parts)
    if said:
        said = f"{said[0].upper()}{said[1:]} (BLS)"
    if education:
        said += f"{'; usually' if said else 'Usually'} {education.lower()} to start"
    return f"{said}." if said else ""
