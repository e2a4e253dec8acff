"""Step 3, break it down: the goal tree by horizon, with add, edit, move, finish and drop."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.domain.entities import Category, GoalStatus, Horizon
from careerplan.domain.errors import DomainRefusal, InvalidInput, StaleEdit
from careerplan.domain.rules import clean_text
from careerplan.web.deps import ClockDep, UnitsDep, WorkspaceDep
from careerplan.web.forms import Form
from careerplan.web.hints import for_page
from careerplan.web.templating import render, render_cached

router = APIRouter()

HORIZONS = (Horizon.TWO_YEARS, Horizon.TWELVE_MONTHS, Horizon.SIX_MONTHS)
CATEGORY_LABELS = {
    Category.SKILLS: "Skills",
    Category.EXPERIENCE: "Experience",
    Category.EDUCATION: "Education or certification",
    Category.NETWORK: "Network",
    Category.JOB_SEARCH: "Job search",
    Category.OTHER: "Other",
}


def _context(uow: Any, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    from careerplan.services.goals import list_goals

    rows = list_goals(uow)
    by_id = {row.goal.id: row for row in rows}
    children: dict[int | None, list[Any]] = {}
    for row in rows:
        parent = row.goal.parent_id if row.goal.parent_id in by_id else None
        children.setdefault(parent, []).append(row)
    context: dict[str, Any] = {
        "rows": rows,
        "children": children,
        "roots": children.get(None, []),
        "horizons": HORIZONS,
        "categories": CATEGORY_LABELS,
        "parents": [row for row in rows if row.goal.status is GoalStatus.ACTIVE],
        "vision": uow.visions.get(),
        "values": {},
        "errors": {},
    }
    context.update(extra or {})
    return context


def _page(request: Request, units: UnitsDep, extra: dict[str, Any], status: int = 200) -> Response:
    with units() as uow:
        context = _context(uow, extra)
    return render(request, "plan.html", context, status, step="plan")


def _editor(
    request: Request,
    units: UnitsDep,
    clock: ClockDep,
    goal_id: int,
    extra: dict[str, Any] | None = None,
    status: int = 200,
    *,
    inline: bool = False,
) -> Response:
    """One goal's editor: on the goal's own page, or (for htmx) a fragment inside the tree."""
    from careerplan.services.goals import list_goals
    from careerplan.web.pages import goal

    if not inline:
        return goal.page(request, units, clock, goal_id, extra, status)
    with units() as uow:
        found = uow.goals.get(goal_id)
        rows = list_goals(uow)
    context: dict[str, Any] = {
        "goal": found,
        "parents": [row for row in rows if row.goal.status is GoalStatus.ACTIVE],
        "horizons": HORIZONS,
        "categories": CATEGORY_LABELS,
        "values": {},
        "errors": {},
    }
    context.update(extra or {})
    return render(request, "_goal_editor.html", context, status, step="plan")


@router.get("/plan/goals/{goal_id}", response_class=HTMLResponse)
def goal_editor(
    request: Request,
    goal_id: int,
    units: UnitsDep,
    clock: ClockDep,
    inline: int = 0,
    saved: str | None = None,
) -> Response:
    from careerplan.web.pages import goal

    return _editor(
        request, units, clock, goal_id, {"saved": goal.saved_message(saved)}, inline=bool(inline)
    )


def _done(form: Form, goal_id: int, saved: str) -> RedirectResponse:
    """Back to where the form was: the goal's own page, or its place in the plan."""
    from careerplan.web.pages import goal

    if form.text("back") == goal.BACK:
        return RedirectResponse(f"/plan/goals/{goal_id}?saved={saved}", status_code=303)
    return RedirectResponse(f"/plan?saved={goal_id}#goal-{goal_id}", status_code=303)


def _refused(
    request: Request,
    units: UnitsDep,
    clock: ClockDep,
    form: Form,
    goal_id: int,
    extra: dict[str, Any],
    status: int,
) -> Response:
    """A refused move or status change, shown on the page the form was on."""
    from careerplan.web.pages import goal

    if form.text("back") == goal.BACK:
        try:
            return goal.page(request, units, clock, goal_id, extra, status)
        except DomainRefusal:
            pass  # the goal itself is gone: the plan says so
    return _page(request, units, extra, status)


@router.get("/plan", response_class=HTMLResponse)
def plan_page(
    request: Request,
    units: UnitsDep,
    clock: ClockDep,
    workspace: WorkspaceDep,
    saved: int | None = None,
) -> Response:
    revision = workspace.revision()

    def context() -> dict[str, Any]:
        from careerplan.services.goals import date_warnings_of

        with units() as uow:
            # Said next to "Saved", where the person looks after saving: the form accepted
            # the dates, but some are worth a second look.
            warnings = date_warnings_of(uow, clock, saved) if saved else []
            return _context(uow, {"saved": saved, "saved_warnings": warnings})

    key = ("plan", workspace.owner_id, revision, clock.today(), saved)
    return render_cached(request, key, "plan.html", context, step="plan")


def _category(form: Form) -> Category:
    raw = form.text("category") or "other"
    try:
        return Category(raw)
    except ValueError:
        form.errors["category"] = "Choose a category from the list."
        return Category.OTHER


# A measure's numbers, as wide as the goal services check them.
_MEASURE_LIMIT = 1e12


def _measure(form: Form) -> dict[str, Any]:
    """The measure fields as the goal services take them. Left empty, they add no measure and
    leave a goal's measure as it is; a starting value or unit alone asks for the target."""
    metric = form.text("metric") or None
    unit = form.text("unit")
    baseline = form.number("baseline", minimum=-_MEASURE_LIMIT, maximum=_MEASURE_LIMIT)
    target = form.number("target", minimum=-_MEASURE_LIMIT, maximum=_MEASURE_LIMIT)
    if target is None and "target" not in form.errors and (metric or unit or baseline):
        form.errors["target"] = "Give the target: the number that says the goal is reached."
    if target is None:
        return {}
    return {"metric": metric, "target": target, "unit": unit, "baseline": baseline}


def _horizon(form: Form) -> Horizon | None:
    raw = form.text("horizon")
    if not raw:
        return None
    try:
        return Horizon(raw)
    except ValueError:
        form.errors["horizon"] = "Choose 2 years, 12 months or 6 months."
        return None


@router.post("/plan/goals", response_model=None)
async def add_goal_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.goals import add_goal

    form = await Form.read(request)
    form.check("text", clean_text)
    due = form.day("due", clock.today())
    horizon = _horizon(form)
    category = _category(form)
    parent_id = form.integer("parent_id")
    repeat = form.repeat()
    measure = _measure(form)
    if form.errors:
        return _page(request, units, {**form.context(), "open_add": True}, 422)
    try:
        with units() as uow:
            result = add_goal(
                uow,
                clock,
                text=form.values.get("text", ""),
                parent_id=parent_id,
                horizon=horizon,
                due=due,
                repeat=repeat,
                category=category,
                **measure,
            )
    except InvalidInput as error:
        form.refuse(error, "text")
        return _page(request, units, {**form.context(), "open_add": True}, 422)
    except DomainRefusal as error:
        return _page(request, units, {**form.context(), "form_error": for_page(error)}, 409)
    return RedirectResponse(f"/plan?saved={result.goal.id}#goal-{result.goal.id}", status_code=303)


@router.post("/plan/goals/{goal_id}/edit", response_model=None)
async def edit_goal_form(
    request: Request, goal_id: int, units: UnitsDep, clock: ClockDep
) -> Response:
    from careerplan.services.goals import edit_goal

    form = await Form.read(request)
    form.check("text", clean_text)
    due = form.day("due", clock.today())
    horizon = _horizon(form)
    category = _category(form)
    version = form.integer("version")
    # A form without the repeat fields (an older page, a script) leaves the repeat as it is.
    repeat_given = "repeat_choice" in form.values or "repeat" in form.values
    repeat = form.repeat() if repeat_given else None
    measure = _measure(form)
    if form.errors:
        return _editor(request, units, clock, goal_id, form.context(), 422)
    try:
        with units() as uow:
            edit_goal(
                uow,
                clock,
                goal_id,
                expected_version=version,
                text=form.values.get("text", ""),
                horizon=horizon,
                due=due,
                clear_due=due is None,
                repeat=repeat,
                clear_repeat=repeat_given and repeat is None,
                category=category,
                **measure,
            )
    except StaleEdit as error:
        with units() as uow:
            current = uow.goals.get(goal_id)
        conflict = {
            "goal_id": goal_id,
            "yours": form.values,
            "saved": current,
            "message": for_page(error),
        }
        return _editor(request, units, clock, goal_id, {"conflict": conflict}, 409)
    except InvalidInput as error:
        form.refuse(error, "text")
        return _editor(request, units, clock, goal_id, form.context(), 422)
    return _done(form, goal_id, "edit")


@router.post("/plan/goals/{goal_id}/move", response_model=None)
async def move_goal_form(
    request: Request, goal_id: int, units: UnitsDep, clock: ClockDep
) -> Response:
    from careerplan.services.goals import move_goal

    form = await Form.read(request)
    parent_id = form.integer("parent_id")
    try:
        with units() as uow:
            move_goal(uow, clock, goal_id, parent_id, form.integer("version"))
    except DomainRefusal as error:
        return _refused(request, units, clock, form, goal_id, {"form_error": for_page(error)}, 409)
    return _done(form, goal_id, "move")


@router.post("/plan/goals/{goal_id}/status", response_model=None)
async def goal_status_form(
    request: Request, goal_id: int, units: UnitsDep, clock: ClockDep
) -> Response:
    from careerplan.services.goals import set_status

    form = await Form.read(request)
    try:
        status = GoalStatus(form.text("status"))
    except ValueError:
        refusal = {"form_error": "Choose done, dropped or active."}
        return _refused(request, units, clock, form, goal_id, refusal, 422)
    try:
        with units() as uow:
            set_status(uow, clock, goal_id, status, form.integer("version"))
    except DomainRefusal as error:
        return _refused(request, units, clock, form, goal_id, {"form_error": for_page(error)}, 409)
    return _done(form, goal_id, status.value)
