"""Proposals through the API, on a server with accounts: an editor of a plan shared with them
proposes new wording or a due date for a goal, or a new action under it; the plan's owner lists
them and accepts or declines each; its author may withdraw one that waits.

The app includes these routes only when accounts are on, as it does the sharing API. A plan
that is not shared with the caller, a goal they are not shown (private, under a private goal)
and someone else's proposal are "not found", as ones that do not exist; a role that may see the
plan but not propose is refused as such (403)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from pydantic import Field

from careerplan.domain.bounds import MAX_ID
from careerplan.domain.change_proposals import ChangeKind, Proposal, ProposalStatus
from careerplan.services.change_proposals import Proposals
from careerplan.web.api.responses import INVALID, NOT_FOUND, WRITE, Responses, problem_response
from careerplan.web.api.schemas import In, Out
from careerplan.web.api.types import Day, Ident, Moment, storable
from careerplan.web.deps import ClockDep, SignedInDep, smart_settings, team_workspace
from careerplan.web.security import verify_same_origin

# Past this no request is read further; the service words the tighter limit (1,000 characters).
LONGEST_TEXT = 100_000

SIGNED_OUT: Responses = {
    401: problem_response("Not signed in, and no API token (or an unknown one).")
}
CHANGE: Responses = (
    WRITE
    | NOT_FOUND
    | {403: problem_response("A read-only API token, or a browser on another site, sent it.")}
)
PROPOSE: Responses = CHANGE | {
    403: problem_response(
        "A read-only API token, or a browser on another site, sent it; or the caller is the "
        "plan's viewer or commenter, who may see it but not propose changes."
    )
}

router = APIRouter(
    prefix="/api/v1/proposals",
    tags=["proposals"],
    dependencies=[Depends(verify_same_origin)],
    responses=INVALID | SIGNED_OUT,
)

ProposalId = Annotated[int, Path(ge=1, description="The proposal's id.")]
ProposedText = Annotated[str, Field(max_length=LONGEST_TEXT), storable]


class ProposalIn(In):
    owner_id: Ident = Field(description="Whose plan: its owner's id, as the shared plans list it.")
    goal_id: Ident = Field(description="The goal, one the plan shows you.")
    kind: ChangeKind = Field(
        description="edit_goal: new wording, a new due date, or both; add_action: a new action "
        "under the goal."
    )
    text: ProposedText | None = Field(
        None,
        description="The goal's new wording (empty or absent: the wording stays), or the "
        "action's text; at most 1,000 characters.",
    )
    due: Day | None = Field(None, description="The goal's new due date, or the action's.")


class ProposalOut(Out):
    id: int
    owner_id: int
    owner: str = Field(description="The plan owner's e-mail address.")
    author: str = Field(description="The e-mail address of the editor who proposed it.")
    goal_id: int | None = Field(
        description="Null when the goal is gone, or (to its author) no longer shown to them."
    )
    kind: ChangeKind
    status: ProposalStatus
    text: str = Field(description="The goal's new wording ('': kept), or the new action's text.")
    due: date | None = Field(description="The goal's new due date, or the action's.")
    goal_text: str = Field(description="The goal's wording when it was proposed.")
    goal_due: date | None = Field(description="The goal's due date when it was proposed.")
    created_at: Moment
    decided_at: Moment | None
    changed: str = Field(
        description="To the plan's owner: why it can no longer be accepted as it stands (the "
        "goal was reworded, its date moved, or it was deleted since); '' while it can."
    )


class AcceptedOut(Out):
    proposal: ProposalOut
    notes: list[str] = Field(description="What is worth knowing about the changed goal.")


async def get_proposals(request: Request, clock: ClockDep) -> Proposals:
    return Proposals(team_workspace(request), clock)


ProposalsDep = Annotated[Proposals, Depends(get_proposals)]


@router.get("", summary="Proposals on your plan", response_model=list[ProposalOut])
def proposals_list(
    proposals: ProposalsDep,
    me: SignedInDep,
    state: Annotated[
        ProposalStatus | None,
        Query(alias="status", description="Only those waiting, accepted, declined or withdrawn."),
    ] = None,
) -> list[ProposalOut]:
    """Newest first: every one waiting for your answer, and the latest answered ones."""
    return [_out(p) for p in proposals.for_owner(me.user_id, state)]


@router.get("/sent", summary="Proposals you made", response_model=list[ProposalOut])
def proposals_sent(
    proposals: ProposalsDep,
    me: SignedInDep,
    owner_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only those on this owner's plan.")
    ] = None,
) -> list[ProposalOut]:
    """Newest first, on the plans still shared with you."""
    return [_out(p) for p in proposals.sent(me, owner_id)]


@router.post(
    "",
    summary="Propose a change to a goal of a plan shared with you",
    status_code=status.HTTP_201_CREATED,
    response_model=ProposalOut,
    responses=PROPOSE,
)
def proposals_create(
    body: ProposalIn, response: Response, proposals: ProposalsDep, me: SignedInDep
) -> ProposalOut:
    """Only an editor of the plan may propose; the plan changes when its owner accepts."""
    made = proposals.propose(body.owner_id, me, body.goal_id, body.kind, body.text, body.due)
    response.headers["Location"] = f"/api/v1/proposals/{made.id}"
    return _out(made)


@router.get(
    "/{proposal_id}", summary="Show a proposal", response_model=ProposalOut, responses=NOT_FOUND
)
def proposals_get(proposal_id: ProposalId, proposals: ProposalsDep, me: SignedInDep) -> ProposalOut:
    """To the plan's owner, and to its author while the plan is shared with them."""
    return _out(proposals.get(me, proposal_id))


@router.post(
    "/{proposal_id}/accept",
    summary="Accept a proposal on your plan",
    response_model=AcceptedOut,
    responses=CHANGE,
)
def proposals_accept(
    proposal_id: ProposalId, request: Request, proposals: ProposalsDep, me: SignedInDep
) -> AcceptedOut:
    """Applies it as your own edit would be (checked the same way). Refused with 409, and left
    waiting, when the goal changed since it was proposed or the change does not pass."""
    applied = proposals.accept(me, proposal_id, smart_settings(request))
    return AcceptedOut(proposal=_out(applied.proposal), notes=applied.notes)


@router.post(
    "/{proposal_id}/decline",
    summary="Decline a proposal on your plan",
    response_model=ProposalOut,
    responses=CHANGE,
)
def proposals_decline(
    proposal_id: ProposalId, proposals: ProposalsDep, me: SignedInDep
) -> ProposalOut:
    return _out(proposals.decline(me, proposal_id))


@router.post(
    "/{proposal_id}/withdraw",
    summary="Withdraw a proposal you made",
    response_model=ProposalOut,
    responses=CHANGE,
)
def proposals_withdraw(
    proposal_id: ProposalId, proposals: ProposalsDep, me: SignedInDep
) -> ProposalOut:
    """Only while it waits for the owner's answer, and while the plan is shared with you."""
    return _out(proposals.withdraw(me, proposal_id))


def _out(proposal: Proposal) -> ProposalOut:
    return ProposalOut.model_validate(proposal)
