"""The person's own skills: seeded from the job they do, a résumé and completed goals, each
confirmed or edited by the person, and read instead of the job's profile wherever the plan
measures a gap."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from careerplan.domain.entities import GoalStatus
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.domain.job_search import MAX_LEVEL, MAX_SKILLS, Evidence, Skill, skill_key
from careerplan.domain.rules import MAX_NAME, MAX_NOTE, clean_optional, clean_text

if TYPE_CHECKING:
    from careerplan.catalog import Catalog
    from careerplan.catalog.resume import ShownSkill
    from careerplan.catalog.skills import SkillSet
    from careerplan.services.clock import Clock
    from careerplan.storage.unit_of_work import UnitOfWork

# Characters that reorder the text around them: a label that holds one shows other than it reads.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# The job's skills worth listing: those O*NET rates at least "important" (3 of 5) for it.
SEEDED_IMPORTANCE = 3.0


def check_level(level: int | None) -> int | None:
    if level is None:
        return None
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= MAX_LEVEL:
        raise InvalidInput(
            f"A skill's level is a whole number from 0 to {MAX_LEVEL}, not {level!r}.",
            field="level",
        )
    return level


def _known(uow: UnitOfWork) -> dict[str, Skill]:
    return {skill_key(skill.label): skill for skill in uow.skills.all()}


def _room(held: int, adding: int) -> None:
    if held + adding > MAX_SKILLS:
        raise InvalidInput(
            f"An inventory holds at most {MAX_SKILLS:,} skills; yours has {held:,}. "
            "Remove some you no longer use first."
        )


def identify(label: str, catalog: Catalog) -> tuple[str | None, str | None]:
    """The O*NET element (by name) and the ESCO skill (by URI) a label is, when it is one."""
    from careerplan.catalog.skill_links import URI_PREFIX
    from careerplan.catalog.skills import COMPARED

    key = skill_key(label)
    element = next(
        (
            e.name
            for e in catalog.elements().values()
            if e.domain in COMPARED and skill_key(e.name) == key
        ),
        None,
    )
    found = catalog.query("SELECT uri FROM esco_skill WHERE label = ? COLLATE NOCASE", (key,))
    return element, (URI_PREFIX + found[0][0]) if found else None


def add_skill(
    uow: UnitOfWork,
    clock: Clock,
    label: str,
    *,
    level: int | None = None,
    evidence: Evidence = Evidence.SAID,
    shown_by: str = "",
    catalog: Catalog | None = None,
) -> Skill:
    """A skill the person names: confirmed, since they said it."""
    from careerplan.catalog import open_catalog

    cleaned = clean_text(label, "skill", MAX_NAME, field="label")
    if any(unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS for ch in cleaned):
        raise InvalidInput(
            "A skill's name is one line of plain text: no line breaks or control characters.",
            field="label",
        )
    known = _known(uow)
    if skill_key(cleaned) in known:
        held = known[skill_key(cleaned)]
        raise InvalidInput(
            f"“{held.label}” is already in your skills (number {held.id}).",
            field="label",
            hint=Hint(Remedy.CHANGE_SKILL, str(held.id)),
        )
    _room(len(known), 1)
    element, uri = identify(cleaned, catalog or open_catalog())
    skill = Skill(
        label=cleaned,
        level=check_level(level),
        evidence=evidence,
        shown_by=clean_optional(shown_by, "evidence", MAX_NOTE, field="shown_by"),
        noted_on=clock.today(),
        confirmed=True,
        uri=uri,
        element=element,
    )
    return uow.skills.add(skill)


def set_skill(
    uow: UnitOfWork,
    clock: Clock,
    ident: int,
    *,
    expected_version: int | None = None,
    level: int | None = None,
    clear_level: bool = False,
    evidence: Evidence | None = None,
    shown_by: str | None = None,
    confirmed: bool | None = None,
) -> Skill:
    """Change a skill; an edit is the person's word, so it confirms the skill unless told not."""
    skill = uow.skills.get(ident)
    if expected_version is not None:
        skill.version = expected_version
    if clear_level:
        skill.level = None
    elif level is not None:
        skill.level = check_level(level)
    if evidence is not None:
        skill.evidence = evidence
    if shown_by is not None:
        skill.shown_by = clean_optional(shown_by, "evidence", MAX_NOTE, field="shown_by")
    skill.confirmed = True if confirmed is None else confirmed
    skill.noted_on = clock.today()
    return uow.skills.save(skill)


def remove_skill(uow: UnitOfWork, ident: int, expected_version: int | None = None) -> Skill:
    skill = uow.skills.get(ident)
    uow.skills.delete(ident, expected_version)
    return skill


def _add_new(uow: UnitOfWork, proposed: Iterable[Skill]) -> list[Skill]:
    """Add the proposed skills the inventory does not hold yet (by label); the ones added."""
    known = set(_known(uow))
    fresh: list[Skill] = []
    for skill in proposed:
        if skill_key(skill.label) not in known:
            known.add(skill_key(skill.label))
            fresh.append(skill)
    _room(len(known) - len(fresh), len(fresh))
    return [uow.skills.add(skill) for skill in fresh]


def seed_from_job(uow: UnitOfWork, clock: Clock, catalog: Catalog | None = None) -> list[Skill]:
    """The skills and knowledge of the person's current occupation, at O*NET's levels for it,
    each waiting for the person to confirm or change it."""
    from careerplan.catalog import open_catalog
    from careerplan.services.route import current_occupation

    cat = catalog or open_catalog()
    code, _ = current_occupation(uow.profiles.get(), cat)
    if code is None:
        raise DomainRefusal(
            "Your plan names no current job to take skills from.",
            hint=Hint(Remedy.SET_CURRENT_JOB),
        )
    occupation = cat.occupation(code)
    elements = cat.elements()
    today = clock.today()
    proposed = [
        Skill(
            label=elements[e].name,
            level=round(level),
            evidence=Evidence.JOB,
            shown_by=f"My job today ({occupation.title})",
            noted_on=today,
            element=elements[e].name,
        )
        for e, (importance, level) in sorted(
            cat.ratings(occupation).items(), key=lambda item: -item[1][0]
        )
        if elements[e].domain in ("S", "K") and importance >= SEEDED_IMPORTANCE
    ]
    return _add_new(uow, proposed)


def seed_from_resume(uow: UnitOfWork, clock: Clock, shown: Iterable[ShownSkill]) -> list[Skill]:
    """The ESCO skills a résumé shows, each with its line, waiting to be confirmed."""
    today = clock.today()
    return _add_new(
        uow,
        (
            Skill(
                label=found.label[:MAX_NAME],
                evidence=Evidence.RESUME,
                shown_by=found.line[:MAX_NOTE],
                noted_on=today,
                uri=found.uri,
            )
            for found in shown
        ),
    )


def seed_from_goals(uow: UnitOfWork, clock: Clock, catalog: Catalog | None = None) -> list[Skill]:
    """The ESCO skills that completed goals and actions name, each with the goal's words."""
    from careerplan.catalog import open_catalog
    from careerplan.catalog.skill_links import URI_PREFIX, named_skills

    cat = catalog or open_catalog()
    done = [goal.text for goal in uow.goals.all() if goal.status is GoalStatus.DONE]
    done += [action.text for action in uow.actions.all() if action.done]
    today = clock.today()
    proposed: list[Skill] = []
    for text in done:
        for sid in named_skills(text, cat):
            label, uri = cat.query("SELECT label, uri FROM esco_skill WHERE id = ?", (sid,))[0]
            proposed.append(Skill(label, None, Evidence.GOAL, text, today, uri=URI_PREFIX + uri))
    return _add_new(uow, proposed)


def person_levels(skills: Iterable[Skill]) -> dict[str, float]:
    """The person's level of each O*NET element their inventory holds, by element name; an
    inventory listing none says nothing about them (empty)."""
    return {
        skill.element: float(skill.level)
        for skill in skills
        if skill.element is not None and skill.level is not None
    }


def skill_set(
    skills: Iterable[Skill], catalog: Catalog, current_code: str | None = None
) -> SkillSet | None:
    """The person's levels of O*NET's skills, knowledge and work activities, as the gap to a
    target reads them: today's job's profile (when known) with the inventory's levels in place
    of the job's. None when the inventory rates none, so the job's profile stands alone. A
    skill removed from the inventory falls back to the job's level; a level of 0 says "I lack
    it"."""
    from careerplan.catalog.skills import COMPARED, SkillSet

    mine = person_levels(skills)
    if not mine:
        return None
    elements = catalog.elements()
    levels: dict[int, float] = {}
    if current_code is not None:
        job = catalog.occupation(current_code)
        levels = {
            e: level
            for e, (_, level) in catalog.ratings(job).items()
            if elements[e].domain in COMPARED
        }
    ids = {e.name: e.id for e in elements.values() if e.domain in COMPARED}
    levels |= {ids[name]: level for name, level in mine.items() if name in ids}
    return SkillSet(levels, "inventory")


def proven(skills: Iterable[Skill]) -> list[Skill]:
    """The confirmed skills something other than the person's word shows: those a résumé line
    or a completed goal shows first (what a reader can see for themselves), then those of the
    job today; strongest first within each."""
    shown = [s for s in skills if s.confirmed and s.evidence is not Evidence.SAID]
    return sorted(shown, key=lambda s: (s.evidence is Evidence.JOB, -(s.level or 0), s.label))
