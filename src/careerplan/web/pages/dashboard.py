"""The dashboard: the vision and days left, what is due, progress charts, streaks."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from careerplan.web.deps import ClockDep, UnitsDep, WorkspaceDep
from careerplan.web.templating import from_cache, render_cached

router = APIRouter()
SVG = "image/svg+xml"


@router.get("/", response_class=HTMLResponse)
async def dashboard_page(
    request: Request, units: UnitsDep, clock: ClockDep, workspace: WorkspaceDep
) -> HTMLResponse:
    # Async so a cached page costs no hop to the thread pool: the revision is one indexed read.
    # Recomputing the dashboard of a large plan takes tens of milliseconds, so that runs in the
    # pool, and only when the plan or the day changed.
    key = ("dashboard", workspace.owner_id, workspace.revision(), clock.today())
    cached = from_cache(request, key)
    if cached is not None:
        return cached

    def context() -> dict[str, Any]:
        from careerplan.services.dashboard import dashboard
        from careerplan.services.explore import get_exploration
        from careerplan.services.review_status import plan_status
        from careerplan.services.steps import step_states
        from careerplan.web.pages.explore import interest_scores

        # One unit of work for the whole page, the step bar included: it reads the plan once.
        with units() as uow:
            board = dashboard(uow, clock)
            exploration = get_exploration(uow)
            status = plan_status(uow, clock.today())
            steps = step_states(uow)
        return {
            "board": board,
            "interests": interest_scores(exploration),
            "status": status,
            "steps": steps,
        }

    return await run_in_threadpool(
        render_cached, request, key, "dashboard.html", context, step="dashboard"
    )


@router.get("/charts/progress.svg")
def progress_chart(units: UnitsDep) -> Response:
    from careerplan.services.dashboard import progress_history
    from careerplan.web.charts import progress_line

    with units() as uow:
        points = progress_history(uow, uow.goals.all())
    return Response(progress_line(points), media_type=SVG)


@router.get("/charts/horizons.svg")
def horizons_chart(units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.dashboard import dashboard
    from careerplan.web.charts import horizon_bars

    with units() as uow:
        board = dashboard(uow, clock)
    rows = [(h.label, share, count) for h, share, count in board.by_horizon]
    return Response(horizon_bars(rows), media_type=SVG)
