"""The proposed plan: read it, accept goals from it."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import Field

from careerplan.domain.entities import Category, Horizon, ResourceKind
from careerplan.services.proposal import (
    LateChoice,
    ProposedItem,
    accept_proposals,
    propose_plan,
)
from careerplan.web.api.responses import INVALID, NOT_FOUND, REFUSED, WRITE_ONE
from careerplan.web.api.schemas import In, Out
from careerplan.web.deps import ClockDep, UnitsDep, smart_settings
from careerplan.web.hints import for_api

router = APIRouter(tags=["plan"], responses=INVALID)


class ProposedActionOut(Out):
    text: str
    due: date | None
    repeat: str | None


class ResourceHintOut(Out):
    kind: ResourceKind
    suggestion: str


class ProposedGoalOut(Out):
    number: int = Field(description="Its place in this proposal; accept by number or key.")
    key: str = Field(description="Stable while the plan's inputs stay the same.")
    text: str
    horizon: Horizon | None
    category: Category
    due: date
    hours: float = Field(description="Study hours it was sized at (0 when not a study goal).")
    why: str
    metric: str | None
    target: float | None
    actions: list[ProposedActionOut]
    resources: list[ResourceHintOut]
    smart: dict[str, Any] = Field(description="The S.M.A.R.T. report of its wording.")
    accepted_goal_id: int | None = Field(description="The plan's goal it became, once accepted.")


class ProposalOut(Out):
    dream_job: str
    current_job: str | None
    target_date: date
    target_was_set: bool
    realistic_date: date | None = Field(description="Set when the target date is too soon.")
    warnings: list[str]
    notes: list[str]
    route: dict[str, Any] | None = Field(
        description="The gates to the dream job in order (programme, exam, licence, "
        "experience...), with durations, options, costs, stepping stones and what helps."
    )
    goals: list[ProposedGoalOut]


class AcceptIn(In):
    goals: list[str] = Field(
        min_length=1, max_length=50, description='Numbers or keys, or ["all"].'
    )
    late: LateChoice | None = Field(
        None,
        description="For goals due after the target date: move-target, shorten or keep. "
        "Without it, such goals are refused with 409 and listed.",
    )


class AcceptedOut(Out):
    number: int
    key: str
    goal_id: int
    warnings: list[str]


def _goal_out(item: ProposedItem) -> ProposedGoalOut:
    goal = item.goal
    return ProposedGoalOut(
        number=item.number,
        key=goal.key,
        text=goal.text,
        horizon=goal.horizon,
        category=goal.category,
        due=goal.due,
        hours=goal.hours,
        why=goal.why,
        metric=goal.metric,
        target=goal.target,
        actions=[ProposedActionOut.model_validate(action) for action in goal.actions],
        resources=[ResourceHintOut.model_validate(hint) for hint in goal.resources],
        smart=item.report.to_json(),
        accepted_goal_id=item.accepted_goal_id,
    )


@router.get(
    "/plan/proposal",
    summary="A first plan, planned back from the chosen dream job (nothing is saved)",
    response_model=ProposalOut,
    responses=REFUSED | NOT_FOUND,
)
def proposal_read(request: Request, units: UnitsDep, clock: ClockDep) -> ProposalOut:
    with units() as uow:
        result = propose_plan(uow, clock, smart_settings(request))
    proposal = result.proposal
    return ProposalOut(
        dream_job=result.dream_title,
        current_job=result.current_title or None,
        target_date=proposal.target_date,
        target_was_set=proposal.target_was_set,
        realistic_date=proposal.realistic_date,
        warnings=[for_api(warning) for warning in proposal.warnings],
        notes=[for_api(note) for note in result.notes],
        route=result.route.to_dict() if result.route else None,
        goals=[_goal_out(item) for item in result.items],
    )


@router.post(
    "/plan/proposal/accept",
    summary="Add proposed goals, with their first actions, to the plan",
    response_model=list[AcceptedOut],
    status_code=201,
    responses=WRITE_ONE,
)
def proposal_accept(
    body: AcceptIn, request: Request, units: UnitsDep, clock: ClockDep
) -> list[AcceptedOut]:
    with units() as uow:
        accepted = accept_proposals(uow, clock, body.goals, smart_settings(request), late=body.late)
    return [
        AcceptedOut(
            number=done.item.number,
            key=done.item.goal.key,
            goal_id=done.goal.id or 0,
            warnings=done.notes,
        )
        for done in accepted
    ]
