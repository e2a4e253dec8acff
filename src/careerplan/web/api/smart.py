"""The S.M.A.R.T. check of a goal as it is typed: verdicts, reasons, schedule and a rewrite."""

from __future__ import annotations

from fastapi import APIRouter, Request

from careerplan.web.api.explore_schemas import SmartCheckIn, SmartCheckOut
from careerplan.web.api.responses import INVALID, WRITE
from careerplan.web.deps import ClockDep, UnitsDep, smart_settings

router = APIRouter(prefix="/smart", tags=["smart"], responses=INVALID)


@router.post(
    "/check",
    summary="Check a goal against the five S.M.A.R.T. criteria",
    description=(
        "Pure analysis: nothing is saved. Dates are read relative to `today`. The plan's hours"
        " a week and education are used, as when a goal is added, unless `hours_per_week` is"
        " given."
    ),
    response_model=SmartCheckOut,
    responses={status: WRITE[status] for status in (400, 403)},
)
def smart_check(
    body: SmartCheckIn, request: Request, units: UnitsDep, clock: ClockDep
) -> SmartCheckOut:
    from careerplan.services.smart import check_words

    with units() as uow:
        report = check_words(
            uow.profiles,
            clock,
            body.text,
            body.parent,
            today=body.today,
            hours_per_week=body.hours_per_week,
            settings=smart_settings(request),
        )
    return SmartCheckOut.model_validate(report.to_json())
