"""The JSON API under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from careerplan.web.security import verify_same_origin

router = APIRouter(prefix="/api/v1", dependencies=[Depends(verify_same_origin)])

from careerplan.web.api import (  # noqa: E402
    actions,
    applications,
    backup,
    catalog,
    checkins,
    goals,
    job_search,
    plan,
    proposal,
    resources,
    reviews,
    skills_inventory,
    smart,
)

for module in (
    plan,
    proposal,
    goals,
    actions,
    resources,
    checkins,
    reviews,
    catalog,
    smart,
    job_search,
    skills_inventory,
    applications,
    backup,
):
    router.include_router(module.router)
