"""The JSON API under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from careerplan.web.security import verify_same_origin

router = APIRouter(prefix="/api/v1", dependencies=[Depends(verify_same_origin)])

from careerplan.web.api import actions, catalog, checkins, goals, plan, resources, smart  # noqa: E402

for module in (plan, goals, actions, resources, checkins, catalog, smart):
    router.include_router(module.router)
