"""Goals: the tree from the dream job down to six-month steps."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import TypeAdapter

from careerplan.domain.bounds import MAX_ID
from careerplan.services.deletion import delete_goal
from careerplan.services.goals import add_goal, list_goals, show_goal, update_goal
from careerplan.web.api.convert import goal_detail_out, goal_row_out
from careerplan.web.api.responses import INVALID, READ_ONE, WRITE_ONE
from careerplan.web.api.schemas import GoalDetailOut, GoalIn, GoalPatch, GoalRowOut
from careerplan.web.deps import ClockDep, UnitsDep, WorkspaceDep

router = APIRouter(prefix="/goals", tags=["goals"], responses=INVALID)

GoalId = Annotated[int, Path(ge=1, description="The goal's id.")]
IfVersion = Annotated[
    int | None,
    Query(ge=1, le=MAX_ID, description="Delete only if the goal is still at this version."),
]


_GOAL_ROWS = TypeAdapter(list[GoalRowOut])


@router.get("", summary="List goals in tree order", response_model=list[GoalRowOut])
async def goals_list(
    request: Request,
    units: UnitsDep,
    workspace: WorkspaceDep,
    include_closed: Annotated[bool, Query(description="Include done and dropped goals.")] = True,
) -> Response:
    """Served from a cache keyed by the plan's revision (like the dashboard): turning a large
    plan into JSON takes tens of milliseconds and only changes when the plan does."""
    cache = request.app.state.page_cache
    key = ("api-goals", workspace.owner_id, workspace.revision(), include_closed)
    body = cache.get(key)
    if body is None:

        def build() -> str:
            with units() as uow:
                rows = list_goals(uow, include_closed=include_closed)
            return _GOAL_ROWS.dump_json([goal_row_out(row) for row in rows]).decode()

        body = await run_in_threadpool(build)
        cache.put(key, body)
    return Response(body, media_type="application/json")


@router.get(
    "/{goal_id}",
    summary="Show a goal with its sub-goals and check-ins",
    response_model=GoalDetailOut,
    responses=READ_ONE,
)
def goals_get(goal_id: GoalId, units: UnitsDep, clock: ClockDep) -> GoalDetailOut:
    with units() as uow:
        detail = show_goal(uow, clock, goal_id)
    return goal_detail_out(detail)


@router.post(
    "",
    summary="Add a goal",
    status_code=status.HTTP_201_CREATED,
    response_model=GoalDetailOut,
    responses=WRITE_ONE,
)
def goals_create(
    body: GoalIn, response: Response, units: UnitsDep, clock: ClockDep
) -> GoalDetailOut:
    measure = body.measure
    with units() as uow:
        result = add_goal(
            uow,
            clock,
            text=body.text,
            parent_id=body.parent_id,
            horizon=body.horizon,
            due=body.due,
            repeat=body.repeat,
            category=body.category,
            metric=measure.metric if measure else None,
            target=measure.target if measure else None,
            unit=measure.unit if measure else "",
            baseline=measure.baseline if measure else None,
        )
        assert result.goal.id is not None
        detail = show_goal(uow, clock, result.goal.id)
    response.headers["Location"] = f"/api/v1/goals/{result.goal.id}"
    return goal_detail_out(detail, result.warnings)


@router.patch(
    "/{goal_id}",
    summary="Change a goal (text, dates, measure, place in the tree, status)",
    response_model=GoalDetailOut,
    responses=WRITE_ONE,
)
def goals_update(
    goal_id: GoalId, body: GoalPatch, units: UnitsDep, clock: ClockDep
) -> GoalDetailOut:
    sent = body.model_fields_set
    measure = body.measure
    with units() as uow:
        result = update_goal(
            uow,
            clock,
            goal_id,
            expected_version=body.version,
            text=body.text,
            horizon=body.horizon,
            due=body.due,
            clear_due="due" in sent and body.due is None,
            repeat=body.repeat,
            clear_repeat="repeat" in sent and body.repeat is None,
            category=body.category,
            metric=measure.metric if measure else None,
            target=measure.target if measure else None,
            unit=measure.unit if measure else None,
            baseline=measure.baseline if measure else None,
            move="parent_id" in sent,
            new_parent_id=body.parent_id,
            status=body.status,
        )
        detail = show_goal(uow, clock, goal_id)
    return goal_detail_out(detail, result.warnings)


@router.delete(
    "/{goal_id}",
    summary="Delete a goal with its actions and check-ins",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=WRITE_ONE,
)
def goals_delete(goal_id: GoalId, units: UnitsDep, version: IfVersion = None) -> Response:
    with units() as uow:
        delete_goal(uow, goal_id, version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
