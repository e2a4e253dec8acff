"""The person's own skills: list, add, change with a version, remove, and seed from today's job
or completed goals."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response, status

from careerplan.domain.bounds import MAX_ID
from careerplan.domain.job_search import Skill, level_words
from careerplan.web.api.job_search_schemas import SeededOut, SeedIn, SkillIn, SkillOut, SkillPatch
from careerplan.web.api.responses import INVALID, REFUSED, WRITE, WRITE_ONE
from careerplan.web.api.types import RemoveIfVersion
from careerplan.web.deps import ClockDep, UnitsDep

router = APIRouter(prefix="/skills", tags=["skills inventory"], responses=INVALID)

SkillId = Annotated[int, Path(ge=1, le=MAX_ID, description="The skill's id.")]


def skill_out(skill: Skill) -> SkillOut:
    data: dict[str, Any] = {
        "id": skill.id,
        "label": skill.label,
        "level": skill.level,
        "level_words": level_words(skill.level),
        "evidence": skill.evidence,
        "shown_by": skill.shown_by,
        "noted_on": skill.noted_on,
        "confirmed": skill.confirmed,
        "uri": skill.uri,
        "element": skill.element,
        "version": skill.version,
    }
    return SkillOut.model_validate(data)


@router.get("", summary="List the skills of the inventory", response_model=list[SkillOut])
def skills_list(units: UnitsDep) -> list[SkillOut]:
    with units() as uow:
        found = uow.skills.all()
    return [skill_out(skill) for skill in found]


@router.post(
    "",
    summary="Add a skill the person names (confirmed, since they said it)",
    status_code=status.HTTP_201_CREATED,
    response_model=SkillOut,
    responses=WRITE,
)
def skills_create(body: SkillIn, response: Response, units: UnitsDep, clock: ClockDep) -> SkillOut:
    from careerplan.services.skills_inventory import add_skill

    with units() as uow:
        skill = add_skill(
            uow,
            clock,
            body.label,
            level=body.level,
            evidence=body.evidence,
            shown_by=body.shown_by,
        )
    response.headers["Location"] = f"/api/v1/skills/{skill.id}"
    return skill_out(skill)


@router.post(
    "/seed",
    summary="Add the skills of today's job or of completed goals, each to confirm",
    response_model=SeededOut,
    responses=WRITE | REFUSED,
)
def skills_seed(body: SeedIn, units: UnitsDep, clock: ClockDep) -> SeededOut:
    from careerplan.services.skills_inventory import seed_from_goals, seed_from_job

    with units() as uow:
        seed = seed_from_job if body.source == "job" else seed_from_goals
        added = seed(uow, clock)
    return SeededOut(added=[skill_out(skill) for skill in added])


@router.patch(
    "/{skill_id}",
    summary="Change a skill (confirms it unless `confirmed` is false)",
    response_model=SkillOut,
    responses=WRITE_ONE,
)
def skills_update(
    skill_id: SkillId, body: SkillPatch, units: UnitsDep, clock: ClockDep
) -> SkillOut:
    from careerplan.services.skills_inventory import set_skill

    sent = body.model_fields_set
    with units() as uow:
        skill = set_skill(
            uow,
            clock,
            skill_id,
            expected_version=body.version,
            level=body.level,
            clear_level="level" in sent and body.level is None,
            evidence=body.evidence,
            shown_by=body.shown_by,
            confirmed=body.confirmed,
        )
    return skill_out(skill)


@router.delete(
    "/{skill_id}",
    summary="Remove a skill",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=WRITE_ONE,
)
def skills_delete(
    skill_id: SkillId,
    units: UnitsDep,
    version: RemoveIfVersion = None,
) -> Response:
    from careerplan.services.skills_inventory import remove_skill

    with units() as uow:
        remove_skill(uow, skill_id, version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
