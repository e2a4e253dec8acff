"""The plan's head: starting a plan, the profile, the vision, and what is due today."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from careerplan.services.goals import show_goal
from careerplan.services.today import agenda
from careerplan.services.vision import (
    edit_profile,
    edit_vision,
    init_plan,
    require_vision,
    show_profile,
)
from careerplan.web.api.convert import agenda_out, goal_detail_out
from careerplan.web.api.responses import INVALID, WRITE, Responses, problem_response
from careerplan.web.api.schemas import (
    AgendaOut,
    PlanIn,
    PlanOut,
    ProfileOut,
    ProfilePatch,
    VisionOut,
    VisionPatch,
)
from careerplan.web.deps import ClockDep, UnitsDep

router = APIRouter(tags=["plan"], responses=INVALID)

NO_PLAN: Responses = {
    409: problem_response("There is no plan yet: create it with POST /api/v1/plan.")
}
# Fields a PATCH may send as null to clear; for the others null means "leave as it is".
CLEARABLE_VISION = frozenset({"target_date", "dream_occupation_code"})
CLEARABLE_PROFILE = frozenset({"current_occupation_code", "education"})


@router.post(
    "/plan",
    summary="Start a plan: profile, vision and the dream job as the long-term goal",
    status_code=status.HTTP_201_CREATED,
    response_model=PlanOut,
    responses=WRITE,
)
def plan_create(body: PlanIn, response: Response, units: UnitsDep, clock: ClockDep) -> PlanOut:
    vision_fields = body.vision.model_dump(exclude_none=True, exclude={"dream_job_title"})
    with units() as uow:
        setup = init_plan(
            uow,
            clock,
            name=body.name,
            current_job_title=body.current_job_title,
            hours_per_week=body.hours_per_week,
            dream_job_title=body.vision.dream_job_title,
            vision_fields=vision_fields,
            education=body.education,
            education_field=body.education_field,
        )
        assert setup.dream_goal.id is not None
        dream = show_goal(uow, clock, setup.dream_goal.id)
    response.headers["Location"] = "/api/v1/vision"
    return PlanOut(
        profile=ProfileOut.model_validate(setup.profile),
        vision=VisionOut.model_validate(setup.vision),
        dream_goal=goal_detail_out(dream),
        warnings=setup.warnings,
    )


@router.get("/profile", summary="Show the profile", response_model=ProfileOut, responses=NO_PLAN)
def profile_get(units: UnitsDep) -> ProfileOut:
    with units() as uow:
        profile = show_profile(uow)
    return ProfileOut.model_validate(profile)


@router.patch(
    "/profile",
    summary="Change the profile",
    response_model=ProfileOut,
    responses=WRITE,
)
def profile_update(body: ProfilePatch, units: UnitsDep) -> ProfileOut:
    changes = _changes(body.model_dump(exclude_unset=True, exclude={"version"}), CLEARABLE_PROFILE)
    with units() as uow:
        profile = edit_profile(uow, changes, body.version)
    return ProfileOut.model_validate(profile)


@router.get("/vision", summary="Show the vision", response_model=VisionOut, responses=NO_PLAN)
def vision_get(units: UnitsDep) -> VisionOut:
    with units() as uow:
        vision = require_vision(uow)
    return VisionOut.model_validate(vision)


@router.patch(
    "/vision",
    summary="Change the vision (the dream job goal follows its title and date)",
    response_model=VisionOut,
    responses=WRITE,
)
def vision_update(body: VisionPatch, units: UnitsDep, clock: ClockDep) -> VisionOut:
    changes = _changes(body.model_dump(exclude_unset=True, exclude={"version"}), CLEARABLE_VISION)
    with units() as uow:
        vision = edit_vision(uow, clock, changes, body.version)
    return VisionOut.model_validate(vision)


@router.get(
    "/agenda",
    summary="What is overdue, due this week, and repeating actions due now",
    response_model=AgendaOut,
)
def agenda_get(units: UnitsDep, clock: ClockDep) -> AgendaOut:
    with units() as uow:
        found = agenda(uow, clock)
    return agenda_out(found)


def _changes(sent: dict[str, object], clearable: frozenset[str]) -> dict[str, object]:
    return {key: value for key, value in sent.items() if value is not None or key in clearable}
