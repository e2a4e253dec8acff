"""One goal's page: what it says and how S.M.A.R.T. it is, its measure and progress over time,
its status against time, sub-goals, actions, resources, check-ins and reviews; then editing,
moving and closing it, each in a section of its own."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from careerplan.web.deps import ClockDep, UnitsDep
from careerplan.web.templating import render

router = APIRouter()
SVG = "image/svg+xml"

# What the page says after a form on it was saved; anything else in `?saved=` says nothing.
SAVED = {
    "edit": "Goal saved.",
    "move": "Goal moved.",
    "done": "Marked done. Well done.",
    "dropped": "Goal dropped. Its history stays here; reopen it if it comes back.",
    "active": "Goal reopened.",
    "action": "Action logged. Well done.",
}
# Forms on this page send `back=goal`, so their routes bring the person back here.
BACK = "goal"


def page(
    request: Request,
    units: UnitsDep,
    clock: ClockDep,
    goal_id: int,
    extra: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    """The goal's page, with what a refused form needs to show (its errors, a conflict)."""
    from careerplan.services.goal_page import goal_page
    from careerplan.web.pages.change_proposals import waiting_on
    from careerplan.web.pages.plan import CATEGORY_LABELS, HORIZONS

    with units() as uow:
        found = goal_page(uow, clock, goal_id)
    context: dict[str, Any] = {
        "page": found,
        "goal": found.goal,
        "parents": found.parents,
        "horizons": HORIZONS,
        "categories": CATEGORY_LABELS,
        "today": clock.today(),
        "back": BACK,
        "values": {},
        "errors": {},
    }
    context["proposals_waiting"] = waiting_on(request, clock, goal_id)
    context.update(extra or {})
    return render(request, "goal.html", context, status, step="plan")


def saved_message(saved: str | None) -> str | None:
    return SAVED.get(saved or "")


@router.get("/plan/goals/{goal_id}/progress.svg")
def measure_chart(goal_id: int, units: UnitsDep) -> Response:
    from careerplan.services.goal_page import goal_measure
    from careerplan.web.charts import measure_line

    with units() as uow:
        measure, history = goal_measure(uow, goal_id)
    if measure is None:
        # The page shows no chart without a measure; an address typed by hand gets an empty one.
        return Response(measure_line([], "No measure", 0.0, 1.0), media_type=SVG)
    unit = f" ({measure.unit})" if measure.unit else ""
    chart = measure_line(history, measure.metric + unit, measure.baseline, measure.target)
    return Response(chart, media_type=SVG)
