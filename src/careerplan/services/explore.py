"""Step 1 at the desk: the interest answers and reflection kept between visits, the current
occupation, and the dream job chosen from the catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careerplan.domain.entities import INTEREST_ITEMS, Exploration, Vision
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.domain.rules import MAX_NAME, clean_optional
from careerplan.services.clock import Clock

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork

# A reflection is a few paragraphs about play and passions; ten thousand characters is pages.
MAX_REFLECTION = 10_000


def get_exploration(uow: UnitOfWork) -> Exploration:
    return uow.explorations.get() or Exploration()


def save_answers(
    uow: UnitOfWork,
    clock: Clock,
    answers: Sequence[int],
    expected_version: int | None = None,
) -> Exploration:
    """Store answers given so far (0 = not answered yet), so the quiz can be resumed."""
    if len(answers) != INTEREST_ITEMS:
        raise InvalidInput(
            f"The interest profiler has {INTEREST_ITEMS} items; got {len(answers)} answers."
        )
    for number, answer in enumerate(answers, start=1):
        if answer not in (0, 1, 2, 3, 4, 5):
            raise InvalidInput(
                f"Answer {number} is {answer}; answers go from 1 (strongly dislike) "
                "to 5 (strongly like)."
            )
    exploration = get_exploration(uow)
    if expected_version is not None and exploration.id is not None:
        exploration.version = expected_version
    exploration.answers = tuple(answers)
    exploration.updated_at = clock.now()
    return uow.explorations.save(exploration)


def save_reflection(
    uow: UnitOfWork,
    clock: Clock,
    reflection: str,
    *,
    interest_field: str | None = None,
    job_zone: int | None = None,
) -> Exploration:
    exploration = get_exploration(uow)
    exploration.reflection = clean_optional(
        reflection, "reflection", MAX_REFLECTION, field="reflection"
    )
    if interest_field is not None:
        exploration.interest_field = clean_optional(
            interest_field, "field of interest", MAX_NAME, field="interest_field"
        )
    if job_zone is not None:
        if not 1 <= job_zone <= 5:
            raise InvalidInput(f"Job zones go from 1 to 5; got {job_zone}.")
        exploration.job_zone = job_zone
    exploration.updated_at = clock.now()
    return uow.explorations.save(exploration)


def set_current_occupation(uow: UnitOfWork, code: str) -> str:
    """Record the current occupation (checked against the catalogue); return its title."""
    from careerplan.catalog import open_catalog

    occupation = open_catalog().occupation(code)
    profile = uow.profiles.get()
    if profile is None:
        raise DomainRefusal("There is no plan yet.", hint=Hint(Remedy.START_PLAN))
    profile.current_occupation_code = occupation.code
    if not profile.current_job_title:
        profile.current_job_title = occupation.title
    uow.profiles.save(profile)
    return occupation.title


def choose_dream_job(uow: UnitOfWork, clock: Clock, code: str, *, rename: bool = False) -> Vision:
    """Make a catalogue occupation the dream job. The person's own wording of the job stays
    ("COO of a high-tech startup" says more than the occupation's title) unless `rename`."""
    from careerplan.catalog import open_catalog
    from careerplan.services.vision import edit_vision

    occupation = open_catalog().occupation(code)
    vision = uow.visions.get()
    if vision is None:
        raise DomainRefusal(
            f"Write down your vision first, then choose {occupation.title} as its occupation.",
            hint=Hint(Remedy.START_PLAN),
        )
    changes: dict[str, object] = {"dream_occupation_code": occupation.code}
    if rename:
        changes["dream_job_title"] = occupation.title
    return edit_vision(uow, clock, changes)
