"""Step 4, make each goal S.M.A.R.T.: a checker that answers as the goal is typed (htmx), the
proposed rewrite applied in one click, and every goal's letters at a glance."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.domain.entities import GoalStatus, Horizon
from careerplan.domain.errors import DomainRefusal, InvalidInput, StaleEdit
from careerplan.domain.rules import MAX_TEXT
from careerplan.web.deps import ClockDep, UnitsDep, smart_settings
from careerplan.web.forms import Form
from careerplan.web.hints import for_page
from careerplan.web.templating import render

router = APIRouter()

NAMES = {
    "specific": "Specific",
    "measurable": "Measurable",
    "attainable": "Attainable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}


def _settings(request: Request) -> Any:
    return smart_settings(request)


def _check(
    request: Request, uow: Any, clock: ClockDep, text: str, parent_id: int | None
) -> dict[str, Any] | None:
    from careerplan.services.smart import check_text

    if not text.strip():
        return None
    report = check_text(
        uow, clock, text[: MAX_TEXT * 10], parent_id=parent_id, settings=_settings(request)
    )
    return report.to_json()


def _context(
    request: Request,
    uow: Any,
    clock: ClockDep,
    *,
    text: str = "",
    parent_id: int | None = None,
    goal_id: int | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    goals = [g for g in uow.goals.all() if g.status is not GoalStatus.DROPPED]
    editing = next((g for g in goals if g.id == goal_id), None) if goal_id else None
    if editing is not None and not text:
        text = editing.text
        parent_id = editing.parent_id
    if parent_id is None and not editing:
        parent_id = next((g.id for g in goals if g.parent_id is None), None)
    context: dict[str, Any] = {
        "goals": goals,
        "checked": [g for g in goals if g.horizon is not Horizon.LONG],
        "text": text,
        "parent_id": parent_id,
        "editing": editing,
        "report": _check(request, uow, clock, text, parent_id),
        "names": NAMES,
        "max_text": MAX_TEXT,
    }
    context.update(extra or {})
    return context


def _parent(form: Form) -> int | None:
    return form.integer("parent_id")


@router.get("/smart", response_class=HTMLResponse)
def smart_page(
    request: Request,
    units: UnitsDep,
    clock: ClockDep,
    goal: int | None = None,
    saved: int | None = None,
) -> Response:
    with units() as uow:
        context = _context(request, uow, clock, goal_id=goal, extra={"saved": saved})
    return render(request, "smart.html", context, step="smart")


@router.post("/smart/check", response_model=None)
async def check_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    """With htmx: the feedback fragment (or the whole checker when a rewrite is applied).
    Without JavaScript: the page again, with the report."""
    form = await Form.read(request)
    text = form.values.get("text", "")
    if form.text("apply") == "1":
        text = form.values.get("rewrite", text)
    parent_id = _parent(form)
    goal_id = form.integer("goal_id")
    with units() as uow:
        context = _context(request, uow, clock, text=text, parent_id=parent_id, goal_id=goal_id)
    if request.headers.get("hx-request") == "true":
        fragment = "_smart_checker.html" if form.text("apply") == "1" else "_smart_feedback.html"
        return render(request, fragment, context)
    return render(request, "smart.html", context, step="smart")


@router.post("/smart/save", response_model=None)
async def save_goal(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    """Save the checked wording: as a new goal, or as the new wording of the goal being edited."""
    from careerplan.services.goals import add_goal, edit_goal

    form = await Form.read(request)
    text = form.values.get("text", "")
    parent_id = _parent(form)
    goal_id = form.integer("goal_id")
    try:
        with units() as uow:
            if goal_id is not None:
                result = edit_goal(
                    uow,
                    clock,
                    goal_id,
                    expected_version=form.integer("version"),
                    text=text,
                    smart=_settings(request),
                )
            else:
                result = add_goal(
                    uow, clock, text=text, parent_id=parent_id, smart=_settings(request)
                )
    except (InvalidInput, StaleEdit, DomainRefusal) as error:
        status = 422 if isinstance(error, InvalidInput) else 409
        with units() as uow:
            context = _context(
                request,
                uow,
                clock,
                text=text,
                parent_id=parent_id,
                goal_id=goal_id,
                extra={"form_error": for_page(error)},
            )
        return render(request, "smart.html", context, status, step="smart")
    return RedirectResponse(f"/smart?saved={result.goal.id}", status_code=303)
