"""The S.M.A.R.T. check of a goal as it is typed: verdicts, reasons, schedule and a rewrite."""

from __future__ import annotations

from fastapi import APIRouter

from careerplan.web.api.explore_schemas import SmartCheckIn, SmartCheckOut
from careerplan.web.api.responses import INVALID, WRITE
from careerplan.web.deps import ClockDep

router = APIRouter(prefix="/smart", tags=["smart"], responses=INVALID)


@router.post(
    "/check",
    summary="Check a goal against the five S.M.A.R.T. criteria",
    description="Pure analysis: nothing is saved. Dates are read relative to `today`.",
    response_model=SmartCheckOut,
    responses={status: WRITE[status] for status in (400, 403)},
)
def smart_check(body: SmartCheckIn, clock: ClockDep) -> SmartCheckOut:
    from careerplan.domain.smart import AnalysisContext, analyse

    context = AnalysisContext(hours_per_week=body.hours_per_week)
    report = analyse(body.text, body.parent, today=body.today or clock.today(), context=context)
    return SmartCheckOut.model_validate(report.to_json())
