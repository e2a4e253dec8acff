"""Steps 1-2 at the desk: who the person is today and the dream job written down."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from careerplan.domain.bounds import check_day
from careerplan.domain.credentials import education_from
from careerplan.domain.education import Education
from careerplan.domain.entities import Goal, Horizon, Profile, Vision
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.domain.rules import EMPTY_NAME, MAX_NAME, MAX_NOTE, clean_optional, clean_text
from careerplan.services.clock import Clock

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork

# Hours a week must be something a person could actually give.
MAX_HOURS_PER_WEEK = 80.0


@dataclass
class PlanSetup:
    profile: Profile
    vision: Vision
    dream_goal: Goal
    warnings: list[str] = field(default_factory=list)


def check_hours(hours: float) -> float:
    """The hours a week a person could give, refused outside (0, 80]."""
    if not 0 < hours <= MAX_HOURS_PER_WEEK:
        raise InvalidInput(
            f"Hours per week must be more than 0 and at most {MAX_HOURS_PER_WEEK:g}; got {hours:g}."
        )
    return hours


def clean_vision_value(name: str, value: Any) -> Any:
    """A vision field's value as it is kept, refused with the field's own limit."""
    if name == "target_date":
        if value is not None and not isinstance(value, date):
            raise InvalidInput("The target date must be a date.", field="target_date")
        return check_day(value, "The target date", "target_date") if value is not None else None
    if name == "dream_occupation_code":
        return (str(value).strip() or None) if value is not None else None
    if name == "dream_job_title":
        return clean_text(str(value), "dream job title", MAX_NAME)
    short = {"industry", "organisation_type", "location", "organisation_size", "pay_range"}
    limit = MAX_NAME if name in short else MAX_NOTE
    return clean_optional(str(value), name.replace("_", " "), limit)


def init_plan(
    uow: UnitOfWork,
    clock: Clock,
    *,
    name: str,
    current_job_title: str,
    hours_per_week: float,
    dream_job_title: str,
    vision_fields: Mapping[str, Any] | None = None,
    education: Education | str | None = None,
    education_field: str = "",
) -> PlanSetup:
    """Create the profile, the vision and the long-term goal (the dream job) in one go."""
    if uow.profiles.get() is not None or uow.visions.get() is not None:
        raise DomainRefusal("A plan already exists here.", hint=Hint(Remedy.EDIT_EXISTING_PLAN))
    profile = Profile(
        name=clean_text(name, "name", MAX_NAME, field="name", empty=EMPTY_NAME),
        current_job_title=clean_optional(current_job_title, "current job title", MAX_NAME),
        hours_per_week=check_hours(hours_per_week),
        education=_education(education),
        education_field=_education_field(education_field),
    )
    uow.profiles.save(profile)
    vision = Vision(dream_job_title=clean_vision_value("dream_job_title", dream_job_title))
    for key, value in (vision_fields or {}).items():
        setattr(vision, key, clean_vision_value(key, value))
    warnings = []
    if vision.target_date is not None and vision.target_date <= clock.today():
        warnings.append(f"The target date {vision.target_date.isoformat()} is not in the future.")
    uow.visions.save(vision)
    now = clock.now()
    dream = Goal(
        text=f"Work as {vision.dream_job_title}",
        horizon=Horizon.LONG,
        due=vision.target_date,
        created_at=now,
        updated_at=now,
    )
    uow.goals.add(dream)
    return PlanSetup(profile, vision, dream, warnings)


VISION_FIELD_NAMES = tuple(f.name for f in fields(Vision) if f.name not in {"id", "version"})


def _education(value: Education | str | None) -> Education | None:
    """The highest education as typed (`bachelor's`, `BA`...); empty means not said."""
    if value is None or isinstance(value, Education):
        return value
    return education_from(value) if value.strip() else None


def _education_field(value: str) -> str:
    return clean_optional(value, "field of education", MAX_NAME, field="education_field")


def require_vision(uow: UnitOfWork) -> Vision:
    vision = uow.visions.get()
    if vision is None:
        raise DomainRefusal("There is no plan yet.", hint=Hint(Remedy.START_PLAN))
    return vision


def show_plan_header(uow: UnitOfWork) -> tuple[Profile | None, Vision]:
    return uow.profiles.get(), require_vision(uow)


def edit_vision(
    uow: UnitOfWork,
    clock: Clock,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
) -> Vision:
    """Change vision fields. With `expected_version`, refuse if someone saved in between."""
    vision = require_vision(uow)
    unknown = set(changes) - set(VISION_FIELD_NAMES)
    if unknown:
        raise InvalidInput(f"Unknown vision field(s): {', '.join(sorted(unknown))}.")
    if expected_version is not None:
        vision.version = expected_version
    for key, value in changes.items():
        setattr(vision, key, clean_vision_value(key, value))
    uow.visions.save(vision)
    _sync_dream_goal(uow, clock, vision)
    return vision


def edit_profile(
    uow: UnitOfWork, changes: Mapping[str, Any], expected_version: int | None = None
) -> Profile:
    profile = uow.profiles.get()
    if profile is None:
        raise DomainRefusal("There is no plan yet.", hint=Hint(Remedy.START_PLAN))
    if expected_version is not None:
        profile.version = expected_version
    for key, value in changes.items():
        if key == "hours_per_week":
            value = check_hours(float(value))
        elif key == "name":
            value = clean_text(str(value), "name", MAX_NAME, field="name", empty=EMPTY_NAME)
        elif key == "current_job_title":
            value = clean_optional(str(value), "current job title", MAX_NAME)
        elif key == "education":
            value = _education(value)
        elif key == "education_field":
            value = _education_field(str(value))
        elif key != "current_occupation_code":
            raise InvalidInput(f"Unknown profile field: {key}.")
        setattr(profile, key, value)
    uow.profiles.save(profile)
    return profile


def _sync_dream_goal(uow: UnitOfWork, clock: Clock, vision: Vision) -> None:
    """The long-term goal mirrors the vision's title and target date."""
    for goal in uow.goals.all():
        if goal.horizon is Horizon.LONG and goal.parent_id is None:
            text = f"Work as {vision.dream_job_title}"
            if goal.text != text or goal.due != vision.target_date:
                goal.text = text
                goal.due = vision.target_date
                goal.updated_at = clock.now()
                uow.goals.save(goal)
            return


def show_profile(uow: UnitOfWork) -> Profile:
    profile = uow.profiles.get()
    if profile is None:
        raise DomainRefusal("There is no plan yet.", hint=Hint(Remedy.START_PLAN))
    return profile
