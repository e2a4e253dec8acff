"""Actions: the steps under a goal, one-off or repeating, and their completions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from careerplan.domain.bounds import MAX_ID
from careerplan.services.actions import (
    add_action,
    complete_action,
    edit_action,
    list_actions,
    show_action,
)
from careerplan.services.deletion import delete_action
from careerplan.web.api.convert import action_out
from careerplan.web.api.responses import INVALID, READ_ONE, WRITE_ONE
from careerplan.web.api.schemas import ActionIn, ActionOut, ActionPatch, CompletionIn
from careerplan.web.deps import ClockDep, UnitsDep

router = APIRouter(prefix="/actions", tags=["actions"], responses=INVALID)

ActionId = Annotated[int, Path(ge=1, description="The action's id.")]
IfVersion = Annotated[
    int | None,
    Query(ge=1, le=MAX_ID, description="Delete only if the action is still at this version."),
]


@router.get(
    "",
    summary="List actions, of one goal or all",
    response_model=list[ActionOut],
    responses=READ_ONE,
)
def actions_list(
    units: UnitsDep,
    clock: ClockDep,
    goal_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only this goal's.")] = None,
    include_done: Annotated[bool, Query(description="Include finished one-off actions.")] = True,
) -> list[ActionOut]:
    with units() as uow:
        rows = list_actions(uow, clock, goal_id, include_done)
    return [action_out(row) for row in rows]


@router.get("/{action_id}", summary="Show an action", response_model=ActionOut, responses=READ_ONE)
def actions_get(action_id: ActionId, units: UnitsDep, clock: ClockDep) -> ActionOut:
    with units() as uow:
        row = show_action(uow, clock, action_id)
    return action_out(row)


@router.post(
    "",
    summary="Add an action to a goal",
    status_code=status.HTTP_201_CREATED,
    response_model=ActionOut,
    responses=WRITE_ONE,
)
def actions_create(
    body: ActionIn, response: Response, units: UnitsDep, clock: ClockDep
) -> ActionOut:
    with units() as uow:
        action = add_action(uow, clock, body.goal_id, body.text, due=body.due, repeat=body.repeat)
        assert action.id is not None
        row = show_action(uow, clock, action.id)
    response.headers["Location"] = f"/api/v1/actions/{action.id}"
    return action_out(row)


@router.patch(
    "/{action_id}",
    summary="Change an action's text or schedule",
    response_model=ActionOut,
    responses=WRITE_ONE,
)
def actions_update(
    action_id: ActionId, body: ActionPatch, units: UnitsDep, clock: ClockDep
) -> ActionOut:
    sent = body.model_fields_set
    with units() as uow:
        row = edit_action(
            uow,
            clock,
            action_id,
            expected_version=body.version,
            text=body.text,
            due=body.due,
            clear_due="due" in sent and body.due is None,
            repeat=body.repeat,
            clear_repeat="repeat" in sent and body.repeat is None,
        )
    return action_out(row)


@router.post(
    "/{action_id}/completions",
    summary="Log that an action was done",
    description="A one-off action is then done; a repeating one stays open for next time.",
    response_model=ActionOut,
    responses=WRITE_ONE,
)
def actions_complete(
    action_id: ActionId, body: CompletionIn, units: UnitsDep, clock: ClockDep
) -> ActionOut:
    with units() as uow:
        row = complete_action(uow, clock, action_id, on=body.on, note=body.note)
    return action_out(row)


@router.delete(
    "/{action_id}",
    summary="Delete an action with its completions",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=WRITE_ONE,
)
def actions_delete(action_id: ActionId, units: UnitsDep, version: IfVersion = None) -> Response:
    with units() as uow:
        delete_action(uow, action_id, version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
