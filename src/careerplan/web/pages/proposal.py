"""Step 3 without the blank page: the proposed plan, accepted goal by goal."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careerplan.domain.errors import DomainRefusal, InvalidInput
from careerplan.web.deps import ClockDep, UnitsDep, smart_settings
from careerplan.web.hints import for_page
from careerplan.web.templating import render

router = APIRouter()


def _proposal_page(
    request: Request,
    units: UnitsDep,
    clock: ClockDep,
    extra: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    from careerplan.services.proposal import propose_plan

    smart = smart_settings(request)
    context: dict[str, Any] = {
        "result": None,
        "refusal": None,
        **(extra or {}),
    }
    with units() as uow:
        context["vision"] = uow.visions.get()
        try:
            context["result"] = propose_plan(uow, clock, smart)
        except DomainRefusal as refusal:
            context["refusal"] = for_page(refusal)
    return render(request, "proposal.html", context, status, step="plan")


@router.get("/plan/propose", response_model=None)
def proposal_page(
    request: Request, units: UnitsDep, clock: ClockDep, added: int | None = None
) -> Response:
    return _proposal_page(request, units, clock, {"added": added})


@router.post("/plan/propose", response_model=None)
async def accept_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.proposal import LateChoice, LateGoals, accept_proposals

    form = await request.form()
    chosen = [value for value in form.getlist("accept") if isinstance(value, str)]
    if not chosen:
        return _proposal_page(
            request, units, clock, {"form_error": "Tick at least one goal to add."}, 422
        )
    smart = smart_settings(request)
    answer = form.get("late")
    late = LateChoice(answer) if answer in {c.value for c in LateChoice} else None
    try:
        with units() as uow:
            accepted = accept_proposals(uow, clock, chosen, smart, late=late)
    except LateGoals as refused:
        # Ask before adding: the same ticked goals come back with the person's answer.
        context = {"late": refused, "late_message": refused.what, "chosen": chosen}
        return _proposal_page(request, units, clock, context, 409)
    except (DomainRefusal, InvalidInput) as error:
        # Someone accepted the same goal in another tab, or the proposal changed underneath.
        return _proposal_page(request, units, clock, {"form_error": for_page(error)}, 409)
    return RedirectResponse(f"/plan/propose?added={len(accepted)}", status_code=303)
