"""Check-ins: progress recorded against a goal. They record what happened, so they are added
and deleted but not edited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from careerplan.domain.bounds import MAX_ID
from careerplan.services.checkins import list_checkins, show_checkin
from careerplan.services.deletion import delete_checkin
from careerplan.services.goals import check_in
from careerplan.web.api.responses import INVALID, READ_ONE, WRITE_ONE
from careerplan.web.api.schemas import CheckInIn, CheckInOut
from careerplan.web.deps import ClockDep, UnitsDep

router = APIRouter(prefix="/checkins", tags=["check-ins"], responses=INVALID)

CheckInId = Annotated[int, Path(ge=1, description="The check-in's id.")]


@router.get(
    "",
    summary="List check-ins, oldest first",
    response_model=list[CheckInOut],
    responses=READ_ONE,
)
def checkins_list(
    units: UnitsDep,
    goal_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only this goal's.")] = None,
) -> list[CheckInOut]:
    with units() as uow:
        found = list_checkins(uow, goal_id)
    return [CheckInOut.model_validate(item) for item in found]


@router.get(
    "/{checkin_id}",
    summary="Show a check-in",
    response_model=CheckInOut,
    responses=READ_ONE,
)
def checkins_get(checkin_id: CheckInId, units: UnitsDep) -> CheckInOut:
    with units() as uow:
        found = show_checkin(uow, checkin_id)
    return CheckInOut.model_validate(found)


@router.post(
    "",
    summary="Record progress on a goal",
    status_code=status.HTTP_201_CREATED,
    response_model=CheckInOut,
    responses=WRITE_ONE,
)
def checkins_create(
    body: CheckInIn, response: Response, units: UnitsDep, clock: ClockDep
) -> CheckInOut:
    with units() as uow:
        created = check_in(
            uow,
            clock,
            body.goal_id,
            value=body.value,
            note=body.note,
            confidence=body.confidence,
            on=body.on,
        )
    response.headers["Location"] = f"/api/v1/checkins/{created.id}"
    return CheckInOut.model_validate(created)


@router.delete(
    "/{checkin_id}",
    summary="Delete a check-in",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=WRITE_ONE,
)
def checkins_delete(checkin_id: CheckInId, units: UnitsDep) -> Response:
    with units() as uow:
        delete_checkin(uow, checkin_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
