"""Skills in a line of text, and a résumé measured against a posting: pure analysis, nothing is
saved and no plan is needed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import Field

from careerplan.domain.rules import MAX_DOCUMENT
from careerplan.web.api.responses import INVALID, WRITE, Responses
from careerplan.web.api.schemas import In, Out
from careerplan.web.api.types import storable
from careerplan.web.deps import ClockDep, UnitsDep

Document = Annotated[str, Field(min_length=1, max_length=MAX_DOCUMENT), storable]

router = APIRouter(tags=["job search"], responses=INVALID)
ANALYSIS: Responses = {status: WRITE[status] for status in (400, 403, 413)}


class SkillLinkIn(In):
    text: Annotated[str, Field(min_length=1, max_length=5_000), storable]
    limit: int = Field(10, ge=1, le=100, strict=True)


class SkillOut(Out):
    label: str = Field(description="ESCO's preferred label.")
    uri: str = Field(description="The ESCO skill's concept URI.")
    score: float = Field(description="How strongly the text speaks of it, 0 to 1.")


class SkillLinksOut(Out):
    skills: list[SkillOut]


class JobFitIn(In):
    posting: Document
    resume: Document


class RequirementOut(Out):
    text: str
    kind: str = Field(description="skill, experience, degree or licence.")
    must: bool = Field(description="false for a nice-to-have.")
    met: bool
    why: str = Field(description="What is missing, when it is not met.")


class JobOut(Out):
    code: str
    title: str


class JobFitOut(Out):
    qualified: int = Field(
        description="Weighted share of the requirements met, 0-100; 60 and up: qualified now."
    )
    toward_dream: int | None = Field(
        description="Share of the dream job's skill gap the job would close, 0-100; null "
        "without a dream occupation in the plan, or when the title names no occupation."
    )
    job: JobOut | None = Field(description="The occupation the posting's title was read as.")
    quadrant: str | None = Field(
        description="Sweet spot, stretch, stepping stone or off path, with why."
    )
    requirements: list[RequirementOut]
    missing: list[str]
    deal_breakers: list[str] = Field(description="Must-haves the résumé does not meet.")


@router.post(
    "/skills/link",
    summary="The ESCO skills a line of a résumé or a posting names",
    response_model=SkillLinksOut,
    responses=ANALYSIS,
)
def link(body: SkillLinkIn) -> SkillLinksOut:
    from careerplan.catalog.skill_links import link_skills

    found = link_skills(body.text, body.limit)
    return SkillLinksOut.model_validate({"skills": [f.to_dict() for f in found]})


@router.post(
    "/jobs/fit",
    summary="How well a résumé meets a job posting's requirements",
    response_model=JobFitOut,
    responses=ANALYSIS,
)
def fit(body: JobFitIn, units: UnitsDep, clock: ClockDep) -> JobFitOut:
    from careerplan.services.job_search import score_posting

    with units() as uow:
        scored = score_posting(body.posting, body.resume, clock.today(), uow)
    return JobFitOut.model_validate(scored.to_dict())
