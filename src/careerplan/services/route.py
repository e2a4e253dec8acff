"""The route from where the person stands to the dream occupation: what the catalogue knows of
the target and of the person, handed to the rules in domain/route.py."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from careerplan.domain.credentials import BLS_EDUCATION, Credential, Gating
from careerplan.domain.route import EXPERIENCE_MONTHS, Person, Route, Target, route_to

if TYPE_CHECKING:
    from careerplan.catalog import Catalog
    from careerplan.domain.entities import Profile
    from careerplan.storage.unit_of_work import UnitOfWork

# Without hours given, the plan's default (the profile's own default too).
DEFAULT_HOURS = 3.0


def person_of(
    profile: Profile | None, current_code: str | None, catalog: Catalog, target_code: str = ""
) -> Person:
    """The person as a route sees them. Working in an occupation whose entry a credential
    gates means holding it (a licensed practical nurse holds the LPN licence); working in one
    the BLS says takes a degree or years of experience to enter stands for them, when the
    person has not said (their education) or cannot know (experience in the same field)."""
    from careerplan.catalog import profile as occupation_profile
    from careerplan.catalog.gates import credentials_for

    held: set[str] = set()
    current_title = ""
    education = profile.education if profile else None
    experience = 0
    if current_code is not None:
        current = occupation_profile(current_code, catalog, top=1)
        current_title = current.title
        held = {
            credential.key
            for credential in credentials_for(current_code, catalog)
            if credential.gating in (Gating.REQUIRED, Gating.MOST_STATES)
        }
        if education is None:
            education = BLS_EDUCATION.get(current.education or "")
        if target_code[:2] == current.code[:2]:
            experience = EXPERIENCE_MONTHS.get(current.experience or "", 0)
    hours = profile.hours_per_week if profile and profile.hours_per_week > 0 else DEFAULT_HOURS
    return Person(
        education=education,
        education_field=profile.education_field if profile else "",
        hours_per_week=hours,
        current_code=current_code,
        current_title=current_title,
        held=frozenset(held),
        experience_months=experience,
        education_said=profile is not None and profile.education is not None,
    )


def current_occupation(profile: Profile | None, catalog: Catalog) -> tuple[str | None, str]:
    """The occupation of the person's job today: the one they chose, else the catalogue's best
    reading of the title they wrote (with the title it was read as, to say so)."""
    from careerplan.catalog import best_occupation

    if profile is None:
        return None, ""
    if profile.current_occupation_code is not None:
        return profile.current_occupation_code, ""
    if not profile.current_job_title.strip():
        return None, ""
    guessed = best_occupation(profile.current_job_title, catalog)
    return (guessed.code, guessed.title) if guessed is not None else (None, "")


def route_for(
    target_code: str,
    profile: Profile | None,
    current_code: str | None,
    catalog: Catalog | None = None,
    dream_words: str = "",
) -> Route:
    """The gates between the person and the target, in order, with the stepping stones."""
    from careerplan.catalog import open_catalog
    from careerplan.catalog import profile as occupation_profile
    from careerplan.catalog.gates import credentials_for
    from careerplan.catalog.stones import stepping_stones

    cat = catalog or open_catalog()
    dream = occupation_profile(target_code, cat, top=1)
    credentials = tuple(named_in(c, dream_words) for c in credentials_for(dream.code, cat))
    target = Target(
        code=dream.code,
        title=dream.title,
        job_zone=dream.job_zone,
        education=dream.education,
        experience=dream.experience,
        training=dream.training,
        credentials=credentials,
        prior=_prior(credentials, cat),
    )
    person = person_of(profile, current_code, cat, dream.code)
    already = current_code is not None and cat.occupation(current_code).code == dream.code
    stones = [] if already else stepping_stones(dream.code, current_code, cat)
    return route_to(person, target, stones)


def _prior(credentials: tuple[Credential, ...], catalog: Catalog) -> dict[str, Credential]:
    """Every credential the target's programmes ask to hold first, however far down."""
    from careerplan.catalog.gates import credential

    found: dict[str, Credential] = {}
    waiting = [p.requires_credential for c in credentials for p in c.programmes]
    while waiting:
        key = waiting.pop()
        if key is None or key in found:
            continue
        found[key] = credential(key, catalog)
        waiting.extend(p.requires_credential for p in found[key].programmes)
    return found


def named_in(credential: Credential, words: str) -> Credential:
    """A credential the person names in their dream job's own words ("CPA at a firm", "PMP
    project manager") is part of the goal, however optional it is for the occupation."""
    if credential.gates_entry or not words or not credential.named_in(words):
        return credential
    return replace(credential, gating=Gating.REQUIRED)


def my_route(
    uow: UnitOfWork,
    target_code: str,
    current_code: str | None = None,
    catalog: Catalog | None = None,
) -> Route:
    """The route for the person whose plan this is: their education and hours, their job today
    (unless `current_code` says otherwise), and their own words for the target when it is
    their dream job. Without a plan, a route for someone who has said nothing yet."""
    from careerplan.catalog import open_catalog

    cat = catalog or open_catalog()
    profile = uow.profiles.get()
    vision = uow.visions.get()
    code = cat.occupation(target_code).code
    current = current_code or current_occupation(profile, cat)[0]
    words = vision.dream_job_title if vision and vision.dream_occupation_code == code else ""
    return route_for(code, profile, current, cat, words)
