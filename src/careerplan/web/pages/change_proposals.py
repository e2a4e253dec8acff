"""Proposals on the pages of a server with accounts: the owner's `/proposals` (what the editors of
their plan propose, before and after, with Accept and Decline), and on a shared plan
(`/shared/N`) an editor's forms to propose a change to a goal or a new action, and to withdraw
one that waits.

On a single-person install there is nobody to propose anything: every route here is a 404."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.domain.accounts import Identity
from careerplan.domain.change_proposals import Proposal, kind_from
from careerplan.domain.errors import CareerplanError, NotFound
from careerplan.domain.sharing import CommentOn, Role
from careerplan.services.change_proposals import Proposals
from careerplan.services.sharing import Sharing
from careerplan.web.deps import ClockDep, signed_in, smart_settings, team_workspace
from careerplan.web.forms import Form
from careerplan.web.hints import for_page
from careerplan.web.problems import status_for
from careerplan.web.templating import render

router = APIRouter()

# What /proposals says after an answer was saved; anything else in `?done=` says nothing.
DONE = {
    "accepted": "Accepted: the change is in your plan.",
    "declined": "Declined: your plan stays as it was.",
}


def _proposals(request: Request, clock: ClockDep) -> Proposals:
    return Proposals(team_workspace(request), clock)


# --- the owner's page ---------------------------------------------------------------------


@router.get("/proposals", response_class=HTMLResponse)
def proposals_page(request: Request, clock: ClockDep, done: str | None = None) -> HTMLResponse:
    service, me = _proposals(request, clock), signed_in(request)
    return _owner_page(request, service, me, notice=DONE.get(done or "", ""))


def _owner_page(
    request: Request,
    service: Proposals,
    me: Identity,
    *,
    status: int = 200,
    message: str = "",
    notice: str = "",
) -> HTMLResponse:
    found = service.for_owner(me.user_id)
    context: dict[str, Any] = {
        "waiting": [p for p in found if p.pending],
        "decided": [p for p in found if not p.pending],
        "message": message,
        "notice": notice,
    }
    return render(request, "proposals.html", context, status)


@router.post("/proposals/{proposal_id}/accept", response_class=HTMLResponse)
def accept(request: Request, proposal_id: int, clock: ClockDep) -> Response:
    service, me = _proposals(request, clock), signed_in(request)
    try:
        service.accept(me, proposal_id, smart_settings(request))
    except NotFound:
        raise HTTPException(status_code=404) from None
    except CareerplanError as error:
        return _owner_page(request, service, me, status=status_for(error), message=for_page(error))
    return RedirectResponse("/proposals?done=accepted", status_code=303)


@router.post("/proposals/{proposal_id}/decline", response_class=HTMLResponse)
def decline(request: Request, proposal_id: int, clock: ClockDep) -> Response:
    service, me = _proposals(request, clock), signed_in(request)
    try:
        service.decline(me, proposal_id)
    except NotFound:
        raise HTTPException(status_code=404) from None
    except CareerplanError as error:
        return _owner_page(request, service, me, status=status_for(error), message=for_page(error))
    return RedirectResponse("/proposals?done=declined", status_code=303)


# --- the editor's forms on a shared plan --------------------------------------------------


@router.post("/shared/{owner_id}/proposals", response_class=HTMLResponse)
async def propose(request: Request, owner_id: int, clock: ClockDep) -> Response:
    service, me = _proposals(request, clock), signed_in(request)
    _reach(service.sharing, me, owner_id)
    form = await Form.read(request)
    goal = form.text("goal_id")
    if not goal.isdigit():
        raise HTTPException(status_code=404)
    typed = {name: form.values.get(name, "") for name in ("goal_id", "kind", "text", "due")}
    due = form.day("due", clock.today())
    if form.errors:
        return _shared_page(request, service, me, owner_id, 422, form.errors["due"], typed)
    try:
        kind = kind_from(form.text("kind"))
        service.propose(owner_id, me, int(goal), kind, form.values.get("text", ""), due)
    except NotFound:
        raise HTTPException(status_code=404) from None
    except CareerplanError as error:
        return _shared_page(
            request, service, me, owner_id, status_for(error), for_page(error), typed
        )
    return RedirectResponse(f"/shared/{owner_id}#proposals", status_code=303)


@router.post("/shared/{owner_id}/proposals/{proposal_id}/withdraw", response_class=HTMLResponse)
def withdraw(request: Request, owner_id: int, proposal_id: int, clock: ClockDep) -> Response:
    service, me = _proposals(request, clock), signed_in(request)
    _reach(service.sharing, me, owner_id)
    try:
        service.withdraw(me, proposal_id, owner_id)
    except NotFound:
        raise HTTPException(status_code=404) from None
    except CareerplanError as error:
        return _shared_page(request, service, me, owner_id, status_for(error), for_page(error))
    return RedirectResponse(f"/shared/{owner_id}#proposals", status_code=303)


def sent_to(sharing: Sharing, me: Identity, owner_id: int, role: Role | None) -> list[Proposal]:
    """The member's own proposals on the plan, for its shared page (none for its owner, who
    answers them on /proposals)."""
    if role is None:
        return []
    return Proposals(sharing.workspace, sharing.clock).sent(me, owner_id)


def waiting_on(request: Request, clock: ClockDep, goal_id: int) -> int:
    """How many proposals on the goal wait for its owner's answer, for the goal's page (none
    on a single-person install)."""
    workspace = request.app.state.workspace
    identity: Identity | None = getattr(request.state, "identity", None)
    if not workspace.settings.accounts or identity is None:
        return 0
    return Proposals(workspace, clock).waiting(identity.user_id, goal_id)


def _shared_page(
    request: Request,
    service: Proposals,
    me: Identity,
    owner_id: int,
    status: int,
    message: str,
    typed: dict[str, str] | None = None,
) -> HTMLResponse:
    """The shared plan again, with the refusal and what the editor typed kept in the form."""
    role = None if owner_id == me.user_id else service.sharing.role_of(me.user_id, owner_id)
    plan = service.sharing.shared_plan(owner_id, me, role, again=True)
    context: dict[str, Any] = {
        "plan": plan,
        "kinds": CommentOn,
        "sent": sent_to(service.sharing, me, owner_id, role),
        "message": message,
        "proposing": typed or {},
    }
    return render(request, "shared_plan.html", context, status)


def _reach(sharing: Sharing, me: Identity, owner_id: int) -> None:
    """A plan that is not shared with them is a 404 before anything sent is read, the same
    answer as for a plan that does not exist."""
    if owner_id != me.user_id and sharing.role_of(me.user_id, owner_id) is None:
        raise HTTPException(status_code=404)
