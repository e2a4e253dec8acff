"""The occupation catalogue and step 1's explore operations: search, occupation pages, matches
from interests and reflection, bridges into a field, career paths and requirements.

The catalogue is a read-only file shipped with the package, so these routes need no database.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from careerplan import catalog
from careerplan.web.api.explore_schemas import (
    BridgeOut,
    InterestItemOut,
    MatchesIn,
    MatchesOut,
    OccupationHit,
    PathOut,
)
from careerplan.web.api.responses import INVALID, NOT_FOUND, REFUSED, WRITE

router = APIRouter(tags=["catalogue"], responses=INVALID)

Code = Annotated[
    str,
    Path(max_length=200, description="An O*NET-SOC code, e.g. 11-1021.00 (or 11-1021)."),
]
FromCode = Annotated[
    str, Query(alias="from", max_length=200, description="Your current occupation code.")
]
Limit = Annotated[int, Query(ge=1, le=100, description="How many.")]


@router.get(
    "/occupations",
    summary="Find occupations by job title, best first",
    response_model=list[OccupationHit],
)
def occupations_search(
    q: Annotated[
        str, Query(min_length=1, max_length=200, description='A job title, e.g. "Sr. SWE II".')
    ],
    limit: Limit = 10,
) -> list[OccupationHit]:
    return [OccupationHit.model_validate(hit) for hit in catalog.search_titles(q, limit=limit)]


@router.get(
    "/occupations/{code}",
    summary="An occupation's page: tasks, skills, education, wages, outlook",
    response_model=dict[str, Any],
    responses=NOT_FOUND,
)
def occupations_get(code: Code) -> dict[str, object]:
    return catalog.profile(code).to_dict()


@router.get(
    "/occupations/{code}/requirements",
    summary="What a prime candidate has, and the gap from your occupation",
    response_model=dict[str, Any],
    responses=NOT_FOUND,
)
def occupations_requirements(
    code: Code,
    from_code: Annotated[
        str | None,
        Query(alias="from", max_length=200, description="Your occupation, to show the gap."),
    ] = None,
) -> dict[str, object]:
    return catalog.requirements(code, from_code).to_dict()


@router.get(
    "/explore/interest-items",
    summary="The 60 items of the O*NET Interest Profiler",
    response_model=list[InterestItemOut],
)
def explore_items() -> list[InterestItemOut]:
    return [InterestItemOut.model_validate(item) for item in catalog.items()]


@router.post(
    "/explore/matches",
    summary="Occupations that fit your interests (and skills), with reasons",
    description="Reads nothing from and writes nothing to the plan.",
    response_model=MatchesOut,
    responses=WRITE | NOT_FOUND,
)
def explore_matches(body: MatchesIn) -> MatchesOut:
    found = catalog.recommend(
        body.answers,
        body.reflection,
        body.current,
        body.job_zone,
        body.limit,
        education=body.education,
    )
    return MatchesOut.model_validate(found.to_dict())


@router.get(
    "/explore/bridges",
    summary="Occupations in a field you care about that use what you already do",
    response_model=list[BridgeOut],
    responses=REFUSED | NOT_FOUND,
)
def explore_bridges(
    from_code: FromCode,
    field: Annotated[
        str, Query(min_length=1, max_length=200, description='A field, e.g. "healthcare".')
    ],
    limit: Limit = 10,
) -> list[BridgeOut]:
    return [BridgeOut.model_validate(item) for item in catalog.bridges(from_code, field, limit)]


@router.get(
    "/explore/paths",
    summary="Stepping-stone occupations from where you are to the dream job",
    response_model=list[PathOut],
    responses=REFUSED | NOT_FOUND,
)
def explore_paths(
    from_code: FromCode,
    to_code: Annotated[
        str, Query(alias="to", max_length=200, description="The dream occupation code.")
    ],
    alternatives: Annotated[int, Query(ge=1, le=10, description="How many paths.")] = 3,
) -> list[PathOut]:
    found = catalog.career_paths(from_code, to_code, alternatives)
    return [PathOut.model_validate(path.to_dict()) for path in found]
