"""The routes a person could take to a credential, and how long each takes them.

A route is one of the credential's programmes, at the pace the person's hours carry, after the
education and credentials it asks for (when the goal or the profile shows they are missing),
with the credential's experience in the order it comes. Prerequisites the goal says nothing
about become notes on the route instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from careerplan.domain.credentials import Credential, Programme
from careerplan.domain.education import Education
from careerplan.domain.smart.credential_reading import PART, WORKING, Reading
from careerplan.domain.smart.credential_terms import CredentialKnowledge
from careerplan.domain.smart.programmes import (
    DEFAULT_HOURS,
    FULL_TIME_HOURS,
    LEVELS,
    TRAINING_AWARDS,
    WORKING_HOURS,
    capital,
    education_gap,
    experience_phase,
    label,
    level_of,
    months_at,
    name_words,
    say_months,
    short_name,
)


@dataclass(frozen=True, slots=True)
class Person:
    """What the analyser knows of the person beyond the goal's words."""

    hours: float | None = None  # a week, for their goals
    education: Education | None = None


@dataclass(frozen=True, slots=True)
class Route:
    months: float  # from the start of the window to the goal, along this route
    label: str  # "a BSN"
    programme: Programme | None
    certain: bool  # False: it needs education or hours the person is not known to have
    why_not: str = ""  # who the route suits, when it is not certain
    experience: float = 0.0  # months of experience it adds
    first: str | None = None  # the step before the programme, when one is needed
    pace_months: float = 0.0  # the programme at the person's pace
    pace_note: str = ""  # "part time at 10 hours a week"
    before: float = 0.0  # months before the programme can start
    before_note: str = ""  # "of study to reach a bachelor's degree"
    done: bool = False
    notes: tuple[str, ...] = ()  # what the route asks for that the goal does not mention


def routes_to(
    reading: Reading,
    credential: Credential,
    knowledge: CredentialKnowledge,
    person: Person,
    notes: list[str],
) -> list[Route]:
    """Every route the goal leaves open to the credential, with the time each takes."""
    chosen = [credential.programmes[i] for i in _chosen(reading, credential)]
    programme_goal = reading.intent == "programme" or credential.kind.value == "degree"
    experience = 0.0 if programme_goal else _experience(reading, credential, notes)
    if not chosen:
        return [Route(experience, "", None, True, experience=experience)] if experience else []
    # Entry needs the goal takes for granted: the least any programme it leaves open asks for.
    baseline = max(min(p.requires.rank for p in chosen), Education.HIGH_SCHOOL.rank)
    found = [
        route
        for programme in chosen
        for route in _programme_routes(
            programme, credential, reading, knowledge, person, experience, baseline
        )
    ]
    if not found and reading.pace == WORKING:
        return routes_to(replace(reading, pace=PART), credential, knowledge, person, notes)
    return found


def _programme_routes(
    programme: Programme,
    credential: Credential,
    reading: Reading,
    knowledge: CredentialKnowledge,
    person: Person,
    experience: float,
    baseline: int,
) -> list[Route]:
    """The routes through one programme: at the person's pace, and at full time when only
    that fits its usual length and the person's hours are not known to rule it out."""
    hours = hours_for(reading, person)
    months, carried = months_at(programme, hours, reading.pace)
    if not carried and reading.pace == WORKING and not programme.part_time_months:
        return []  # a full-time-only programme does not fit beside a job
    name = label(programme)
    if credential.key in reading.held or is_done(reading, programme, knowledge):
        added = _added_experience(0.0, experience, programme, credential, reading)
        return [Route(added, name, programme, True, experience=added, done=True)]
    certain, why_not = True, ""
    if _LACKING.intersection(reading.lacks) and builds_on_training(programme):
        certain, why_not = False, f"for {programme.suits}"
    own: list[str] = []
    before, before_note, first = 0.0, "", None
    if credential.key not in reading.started and not reading.in_programme:
        gap = education_gap(programme, _education(reading, person), reading.floor)
        if gap is None and programme.requires.rank > baseline:
            certain, why_not = False, f"for people who already hold {programme.requires.label}"
        elif gap:
            before, first = gap, "prerequisite"
            before_note = f"of study to reach {programme.requires.label}"
        earn = _credential_gap(
            reading, programme, knowledge, person, _education(reading, person), own
        )
        if earn:
            needed = knowledge.credential(programme.requires_credential or "")
            before += earn
            before_note = f"to earn {short_name(needed) if needed else 'what it asks for'}"

    def route(months: float, sure: bool, because: str, note: str = "") -> Route:
        added = _added_experience(months, experience, programme, credential, reading)
        return Route(
            before + months + added, name, programme, sure, because, added, first,
            months, note, before, before_note, False, tuple(own),
        )  # fmt: skip

    found = []
    known = person.hours is not None or reading.hours is not None or reading.pace is not None
    if not carried and certain and (not programme.part_time_months or not known):
        load = min(programme.hours_per_week_full_time, FULL_TIME_HOURS)
        found.append(
            route(
                programme.full_time_months, False, f"if you can give it about {load:g} hours a week"
            )
        )
    if carried or programme.part_time_months:
        pace = (
            "part time"
            if reading.pace in (PART, WORKING)
            else f"part time at {hours:g} hours a week"
        )
        found.append(route(months, certain, why_not, pace))
    return found


def _chosen(reading: Reading, credential: Credential) -> list[int]:
    """The programmes the goal leaves open: its stated route, the programme it names and the
    faster forms of it (the same award, a name in common: an accelerated BSN for a BSN), or
    all of them."""
    count = len(credential.programmes)
    if reading.route:
        return sorted({i for i in reading.route if i < count})
    target = reading.target
    if target is None or not target.programmes:
        return list(range(count))
    named = [credential.programmes[i] for i in target.programmes]
    awards = {p.award for p in named}
    names = set().union(*(name_words(p) for p in named))
    slowest = max(p.full_time_months for p in named)
    faster = [
        i
        for i, p in enumerate(credential.programmes)
        if p.award in awards and p.full_time_months < slowest and i not in target.programmes
        and p.requires_credential is None and name_words(p) & names
    ]  # fmt: skip
    return sorted(set(target.programmes) | set(faster))


_LACKING = frozenset({"training", "experience"})
_PRIOR = re.compile(
    r"equivalen|bridge|advanced[\s-]standing|post-primary|veterans|already|experienced"
    r"|\bworking\s+[A-Z]|\bwith\s+(?:medic|prior|a\s+health|a\s+degree)",
)


def builds_on_training(programme: Programme) -> bool:
    """A route for people who already have some training or work behind them ("Military
    medic / corpsman equivalency route", "for working LPNs")."""
    return bool(_PRIOR.search(programme.name) or _PRIOR.search(programme.suits))


def is_done(reading: Reading, programme: Programme, knowledge: CredentialKnowledge) -> bool:
    """The goal says this programme is behind the person: it names it in a phrase about what
    is done, a degree of the same award ("after my ABET degree"), or a finished course like
    it ("after finishing a 4-year apprenticeship")."""
    target = reading.target
    if target is None:
        return False
    credential = target.credential
    if credential.key in reading.held:
        return True
    if any(credential.programmes[i] is programme for key, i in reading.done
           if key == credential.key and i < len(credential.programmes)):  # fmt: skip
        return True
    for key in reading.held:
        held = knowledge.credential(key)
        if (
            held is not None
            and held is not credential
            and held.kind.value == "degree"
            and any(p.award == programme.award for p in held.programmes)
        ):
            return True
    course = reading.course
    if course is None:
        return False
    if course.level is not None:
        alike = level_of(programme) == course.level and course.noun not in {"course", "class"}
    else:
        alike = course.noun.rstrip("s") in programme.name.lower()
    if not alike:
        return False
    if course.hours is not None:
        load = programme.full_time_months * programme.hours_per_week_full_time * 4.345
        return course.hours >= 0.5 * load
    if course.months is None:
        return programme.full_time_months <= 3
    return course.months >= 0.5 * programme.full_time_months


def _education(reading: Reading, person: Person) -> Education | None:
    """The goal's own words about the person's education win over the profile's."""
    return reading.education or person.education


def _credential_gap(
    reading: Reading,
    programme: Programme,
    knowledge: CredentialKnowledge,
    person: Person,
    education: Education | None,
    notes: list[str],
    depth: int = 0,
) -> float:
    """Months to earn the credential a programme asks for, when the goal shows it is missing;
    a note when the goal does not say."""
    key = programme.requires_credential
    if key is None or key in reading.held or key in reading.started:
        return 0.0
    needed = knowledge.credential(key)
    if needed is None:
        return 0.0
    missing = key in reading.lacks or reading.anchor is not None or (
        education is not None and all(
            level_of(p) is not None and level_of(p).rank > education.rank  # type: ignore[union-attr]
            for p in needed.programmes
        )
    )  # fmt: skip
    if not missing:
        notes.append(
            f"{label(programme, capital=True)} asks for {short_name(needed)} first; the goal "
            "does not say you hold it."
        )
        return 0.0
    if depth > 2 or not needed.programmes:
        return float(needed.experience_months)
    hours = hours_for(reading, person)
    return min(
        (education_gap(p, education) or 0.0)
        + months_at(p, hours, reading.pace)[0]
        + _credential_gap(reading, p, knowledge, person, education, notes, depth + 1)
        for p in needed.programmes
    )


def _experience(reading: Reading, credential: Credential, notes: list[str]) -> float:
    """Months of the credential's experience the window must hold: all of it when the goal
    anchors the window ("1 year after my bachelor's") or says there is none, what remains
    after the experience it states; otherwise a note."""
    months = float(credential.experience_months)
    if not months:
        return 0.0
    if reading.experience is not None:
        return max(0.0, months - reading.experience)
    phase = experience_phase(credential)
    if phase == "after" or reading.anchor is not None or "experience" in reading.lacks:
        return months
    described = credential.experience.rstrip(". ")
    described = described[:1].lower() + described[1:] if described else say_months(months)
    notes.append(
        f"{capital(short_name(credential))} asks for experience first: {described}. The goal "
        "does not say you have it."
    )
    return 0.0


def _added_experience(
    months: float,
    experience: float,
    programme: Programme,
    credential: Credential,
    reading: Reading,
) -> float:
    """Months the experience adds to the programme's, in the order they come: experience
    asked for before admission comes first (unless the programme is under way), experience
    after a degree comes after it, and a course or supervised practice runs alongside the work
    it counts (a finished one counting towards it)."""
    if not experience:
        return 0.0
    phase = experience_phase(credential)
    if phase == "before":
        return 0.0 if credential.key in reading.started else experience
    if programme.award in TRAINING_AWARDS:
        if not months:
            experience = max(0.0, experience - programme.full_time_months)
        return max(0.0, experience - months)
    return experience


def hours_for(reading: Reading, person: Person) -> float:
    if reading.hours is not None:
        return reading.hours
    given = person.hours if person.hours and person.hours > 0 else DEFAULT_HOURS
    if reading.pace == WORKING:
        return min(given, WORKING_HOURS)
    return given


def faster(routes: list[Route], best: Route) -> str:
    others = sorted(
        (r for r in routes if r.months < best.months and r.label != best.label and r.why_not),
        key=lambda r: r.months,
    )
    if not others:
        return ""
    r = others[0]
    return f"; {r.label} takes {say_months(r.months)} {r.why_not}"


def route_phrase(route: Route) -> str:
    """ "a BSN takes about 4 years full time (6 years part time at 10 hours a week)", with
    what comes before and after it for this person."""
    programme = route.programme
    if programme is None:
        return f"it asks for about {say_months(route.experience)} of experience"
    full = programme.full_time_months
    if route.done:
        phrase = f"{route.label} is behind you"
    else:
        phrase = f"{route.label} takes about {say_months(full)}"
        if (programme.part_time_months or 0) > full:
            phrase += " full time"
        if route.pace_months > full + 0.5:
            phrase += f" ({say_months(route.pace_months)} {route.pace_note})"
    if route.before:
        phrase += f", after {say_months(route.before)} {route.before_note}"
    if route.experience:
        phrase += f", with about {say_months(route.experience)} of experience"
    return phrase


def first_step(route: Route, window: float) -> str | None:
    if route.programme is None or window < 0.25:
        return None
    if route.first == "prerequisite":
        return f"Complete the prerequisite courses for {route.label}"
    return f"Enrol in {route.label} programme" if route.programme.award in LEVELS or (
        route.programme.award == "certificate"
    ) else f"Start {route.label}"  # fmt: skip
