"""The HTML pages: the five steps and the dashboard."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from careerplan.web.security import verify_csrf

router = APIRouter(include_in_schema=False, dependencies=[Depends(verify_csrf)])


def _include() -> None:
    from careerplan.web.pages import (
        account,
        actions,
        applications,
        backup,
        calendar_feed,
        change_proposals,
        dashboard,
        explore,
        export,
        goal,
        job_search,
        occupations,
        plan,
        proposal,
        review,
        sharing,
        sign_in,
        smart,
        vision,
    )

    router.include_router(dashboard.router)
    router.include_router(explore.router)
    router.include_router(occupations.router)
    router.include_router(vision.router)
    router.include_router(proposal.router)
    router.include_router(plan.router)
    router.include_router(goal.router)
    router.include_router(smart.router)
    router.include_router(actions.router)
    router.include_router(review.router)
    router.include_router(job_search.router)
    router.include_router(applications.router)
    router.include_router(export.router)
    router.include_router(backup.router)
    router.include_router(calendar_feed.router)
    router.include_router(sign_in.router)
    router.include_router(sharing.router)
    router.include_router(change_proposals.router)
    router.include_router(account.router)


_include()
