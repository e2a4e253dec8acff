"""The dashboard: the vision and days left, what is due, progress charts, streaks."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from careerplan.web.deps import ClockDep, UnitsDep
from careerplan.web.templating import render

router = APIRouter()
SVG = "image/svg+xml"


@router.get("/", response_class=HTMLResponse)
def dashboard_page(request: Request, units: UnitsDep, clock: ClockDep) -> HTMLResponse:
    from careerplan.services.dashboard import dashboard
    from careerplan.services.explore import get_exploration
    from careerplan.web.pages.explore import interest_scores

    with units() as uow:
        board = dashboard(uow, clock)
        exploration = get_exploration(uow)
    context = {"board": board, "interests": interest_scores(exploration)}
    return render(request, "dashboard.html", context, step="dashboard")


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
