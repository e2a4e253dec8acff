"""Step 5, act: actions with due dates and repeats, resources linked to goals, check-ins."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.domain.entities import GoalStatus, ResourceKind
from careerplan.domain.errors import DomainRefusal, InvalidInput
from careerplan.domain.rules import clean_text
from careerplan.web.deps import ClockDep, UnitsDep
from careerplan.web.forms import Form
from careerplan.web.hints import for_page
from careerplan.web.templating import render

router = APIRouter()


def _context(uow: Any, clock: ClockDep, extra: dict[str, Any]) -> dict[str, Any]:
    from careerplan.services.actions import list_actions
    from careerplan.services.resources import list_resources

    goals = [g for g in uow.goals.all() if g.status is GoalStatus.ACTIVE]
    rows = list_actions(uow, clock)
    by_goal: dict[int, list[Any]] = {}
    for row in rows:
        by_goal.setdefault(row.action.goal_id, []).append(row)
    all_goals = {g.id: g for g in uow.goals.all()}
    context: dict[str, Any] = {
        "goals": goals,
        "all_goals": all_goals,
        "by_goal": by_goal,
        "actions": rows,
        "resources": list_resources(uow),
        "kinds": list(ResourceKind),
        "today": clock.today(),
        "values": {},
        "errors": {},
        "form": None,
    }
    context.update(extra)
    return context


def _page(
    request: Request, units: UnitsDep, clock: ClockDep, extra: dict[str, Any], status: int = 200
) -> Response:
    with units() as uow:
        context = _context(uow, clock, extra)
    return render(request, "actions.html", context, status, step="actions")


@router.get("/actions", response_class=HTMLResponse)
def actions_page(
    request: Request, units: UnitsDep, clock: ClockDep, saved: str | None = None
) -> Response:
    return _page(request, units, clock, {"saved": saved})


def _failed(
    request: Request, units: UnitsDep, clock: ClockDep, form: Form, which: str, status: int = 422
) -> Response:
    return _page(request, units, clock, {**form.context(), "form": which}, status)


@router.post("/actions", response_model=None)
async def add_action_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.actions import add_action

    form = await Form.read(request)
    form.check("text", lambda t: clean_text(t, "action text"))
    goal_id = form.integer("goal_id")
    if goal_id is None and "goal_id" not in form.errors:
        form.errors["goal_id"] = "Choose the goal this action serves."
    due = form.day("due", clock.today())
    repeat = form.repeat()
    if form.errors:
        return _failed(request, units, clock, form, "action")
    assert goal_id is not None
    try:
        with units() as uow:
            add_action(uow, clock, goal_id, form.values["text"], due=due, repeat=repeat)
    except InvalidInput as error:
        form.refuse(error, "repeat")
        return _failed(request, units, clock, form, "action")
    except DomainRefusal as error:
        return _page(request, units, clock, {"form_error": for_page(error)}, 409)
    return RedirectResponse("/actions?saved=action", status_code=303)


@router.post("/actions/{action_id}/done", response_model=None)
async def complete_action_form(
    request: Request, action_id: int, units: UnitsDep, clock: ClockDep
) -> Response:
    from careerplan.services.actions import complete_action

    form = await Form.read(request)
    try:
        with units() as uow:
            row = complete_action(uow, clock, action_id, note=form.text("note"))
    except DomainRefusal as error:
        return _page(request, units, clock, {"form_error": for_page(error)}, 409)
    if form.text("back") == "goal":  # logged from the goal's own page: back there
        return RedirectResponse(
            f"/plan/goals/{row.action.goal_id}?saved=action#actions", status_code=303
        )
    return RedirectResponse(f"/actions?saved=done-{action_id}", status_code=303)


@router.post("/resources", response_model=None)
async def add_resource_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.resources import add_resource

    form = await Form.read(request)
    form.check("name", lambda t: clean_text(t, "name", 200))
    try:
        kind = ResourceKind(form.text("kind"))
    except ValueError:
        form.errors["kind"] = "Choose what kind of help this is."
        kind = ResourceKind.OTHER
    goal_id = form.integer("goal_id")
    if form.errors:
        return _failed(request, units, clock, form, "resource")
    try:
        with units() as uow:
            add_resource(
                uow,
                kind,
                form.values["name"],
                contact=form.text("contact"),
                notes=form.text("notes"),
                goal_ids=[goal_id] if goal_id else [],
            )
    except InvalidInput as error:
        form.refuse(error, "notes")
        return _failed(request, units, clock, form, "resource")
    except DomainRefusal as error:
        return _page(request, units, clock, {"form_error": for_page(error)}, 409)
    return RedirectResponse("/actions?saved=resource#resources", status_code=303)


@router.post("/resources/{resource_id}/link", response_model=None)
async def link_resource_form(
    request: Request, resource_id: int, units: UnitsDep, clock: ClockDep
) -> Response:
    from careerplan.services.resources import link_resource

    form = await Form.read(request)
    goal_id = form.integer("goal_id")
    try:
        with units() as uow:
            link_resource(uow, resource_id, goal_id=goal_id, unlink=form.text("remove") == "1")
    except (InvalidInput, DomainRefusal) as error:
        return _page(request, units, clock, {"form_error": for_page(error)}, 409)
    return RedirectResponse("/actions?saved=link#resources", status_code=303)


@router.post("/checkins", response_model=None)
async def checkin_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.goals import check_in

    form = await Form.read(request)
    goal_id = form.integer("goal_id")
    if goal_id is None and "goal_id" not in form.errors:
        form.errors["goal_id"] = "Choose the goal you are checking in on."
    value = form.number("value")
    confidence = form.integer("confidence")
    if form.errors:
        return _failed(request, units, clock, form, "checkin")
    assert goal_id is not None
    try:
        with units() as uow:
            check_in(
                uow, clock, goal_id, value=value, note=form.text("note"), confidence=confidence
            )
    except InvalidInput as error:
        form.refuse(error, "note")
        return _failed(request, units, clock, form, "checkin")
    except DomainRefusal as error:
        return _page(request, units, clock, {"form_error": for_page(error)}, 409)
    return RedirectResponse("/actions?saved=checkin#checkins", status_code=303)
