"""Sharing on a server with accounts: the owner's `/sharing` page (invitations, read-only links,
private goals, who did what), the coach's `/shared` list of clients, a shared plan at
`/shared/N` with its comment threads, and a read-only link at `/s/CODE`.

On a single-person install there is nobody to share with: every route here is a 404."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.domain.accounts import Identity
from careerplan.domain.errors import CareerplanError, NotFound
from careerplan.domain.sharing import INVITE_DAYS, CommentOn, Role, role_from
from careerplan.services.change_proposals import Proposals
from careerplan.services.sharing import Sharing
from careerplan.web.deps import ClockDep, signed_in, team_workspace
from careerplan.web.forms import Form
from careerplan.web.invitations import join_address, link_address, send_invitation
from careerplan.web.pages.change_proposals import sent_to
from careerplan.web.templating import render

router = APIRouter()


def _sharing(request: Request, clock: ClockDep) -> Sharing:
    return Sharing(team_workspace(request), clock)


def _owner_page(
    request: Request,
    sharing: Sharing,
    me: Identity,
    *,
    status: int = 200,
    message: str = "",
    made: str = "",
    made_what: str = "",
) -> HTMLResponse:
    with sharing.workspace.as_owner(me.user_id).unit() as uow:
        goals = uow.goals.all()
    private = sharing.private_uids(me.user_id)
    context: dict[str, Any] = {
        "shares": sharing.shares(me.user_id),
        "links": sharing.links(me.user_id),
        "goals": goals,
        "private": private,
        "audit": sharing.audit(me.user_id, 50),
        "proposals_waiting": Proposals(sharing.workspace, sharing.clock).waiting(me.user_id),
        "roles": list(Role),
        "invite_days": INVITE_DAYS,
        "message": message,
        "made": made,
        "made_what": made_what,
    }
    return render(request, "sharing.html", context, status)


@router.get("/sharing", response_class=HTMLResponse)
def sharing_page(request: Request, clock: ClockDep) -> HTMLResponse:
    return _owner_page(request, _sharing(request, clock), signed_in(request))


@router.post("/sharing/invite", response_class=HTMLResponse)
async def invite(request: Request, clock: ClockDep) -> HTMLResponse:
    sharing, me = _sharing(request, clock), signed_in(request)
    form = await Form.read(request)
    try:
        role = role_from(form.text("role") or "commenter")
        made = sharing.invite(me, role, form.text("email"), form.text("days") or None)
    except CareerplanError as error:
        return _owner_page(request, sharing, me, status=422, message=error.what)
    address = join_address(request, made.code)
    sent = send_invitation(request, form.text("email"), me.email, address, role)
    what = f"Invitation ({role.value}) until {made.expires_at:%Y-%m-%d %H:%M} UTC. {sent}"
    return _owner_page(request, sharing, me, made=address, made_what=what)


@router.post("/sharing/{share_id}/revoke", response_class=HTMLResponse)
def revoke(request: Request, share_id: int, clock: ClockDep) -> Response:
    sharing, me = _sharing(request, clock), signed_in(request)
    try:
        sharing.revoke(me, share_id)
    except NotFound:
        raise HTTPException(status_code=404) from None
    return RedirectResponse("/sharing", status_code=303)


@router.post("/sharing/links", response_class=HTMLResponse)
async def make_link(request: Request, clock: ClockDep) -> HTMLResponse:
    sharing, me = _sharing(request, clock), signed_in(request)
    form = await Form.read(request)
    try:
        _, code = sharing.make_link(me, form.text("days") or None)
    except CareerplanError as error:
        return _owner_page(request, sharing, me, status=422, message=error.what)
    address = link_address(request, code)
    what = (
        "A read-only link: anyone who has it sees the plan (not your private goals, notes or "
        "reflection) until you revoke it. It is shown only now."
    )
    return _owner_page(request, sharing, me, made=address, made_what=what)


@router.post("/sharing/links/{link_id}/revoke", response_class=HTMLResponse)
def revoke_link(request: Request, link_id: int, clock: ClockDep) -> Response:
    sharing, me = _sharing(request, clock), signed_in(request)
    try:
        sharing.revoke_link(me, link_id)
    except NotFound:
        raise HTTPException(status_code=404) from None
    return RedirectResponse("/sharing", status_code=303)


@router.post("/sharing/private/{goal_id}", response_class=HTMLResponse)
async def set_private(request: Request, goal_id: int, clock: ClockDep) -> Response:
    sharing, me = _sharing(request, clock), signed_in(request)
    form = await Form.read(request)
    try:
        sharing.set_private(me.user_id, goal_id, form.text("private") == "yes")
    except NotFound:
        raise HTTPException(status_code=404) from None
    return RedirectResponse("/sharing#private", status_code=303)


@router.get("/shared", response_class=HTMLResponse)
def clients(request: Request, clock: ClockDep) -> HTMLResponse:
    sharing, me = _sharing(request, clock), signed_in(request)
    return render(request, "shared_clients.html", {"clients": sharing.clients(me.user_id)})


@router.get("/shared/join/{code}", response_class=HTMLResponse)
def join_page(request: Request, code: str, clock: ClockDep) -> HTMLResponse:
    _sharing(request, clock)
    return render(request, "shared_join.html", {"code": code, "message": ""})


@router.post("/shared/join/{code}", response_class=HTMLResponse)
def join(request: Request, code: str, clock: ClockDep) -> Response:
    sharing, me = _sharing(request, clock), signed_in(request)
    try:
        sharing.accept(code, me)
    except CareerplanError as error:
        return render(request, "shared_join.html", {"code": code, "message": error.what}, 409)
    return RedirectResponse("/shared", status_code=303)


@router.get("/shared/{owner_id}", response_class=HTMLResponse)
def shared_plan(request: Request, owner_id: int, clock: ClockDep) -> HTMLResponse:
    sharing, me = _sharing(request, clock), signed_in(request)
    role = _role(sharing, me, owner_id)
    plan = sharing.shared_plan(owner_id, me, role)
    sent = sent_to(sharing, me, owner_id, role)
    return render(request, "shared_plan.html", {"plan": plan, "kinds": CommentOn, "sent": sent})


@router.post("/shared/{owner_id}/comments", response_class=HTMLResponse)
async def comment(request: Request, owner_id: int, clock: ClockDep) -> Response:
    sharing, me = _sharing(request, clock), signed_in(request)
    _role(sharing, me, owner_id)
    form = await Form.read(request)
    kind_text, subject = form.text("kind"), form.text("subject_id")
    if kind_text not in {kind.value for kind in CommentOn} or not subject.isdigit():
        raise HTTPException(status_code=404)
    try:
        sharing.comment(owner_id, me, CommentOn(kind_text), int(subject), form.text("text"))
    except NotFound:
        raise HTTPException(status_code=404) from None
    except CareerplanError as error:
        role = sharing.role_of(me.user_id, owner_id)
        plan = sharing.shared_plan(owner_id, me, role, again=True)
        sent = sent_to(sharing, me, owner_id, role)
        context = {"plan": plan, "kinds": CommentOn, "sent": sent, "message": error.what}
        return render(request, "shared_plan.html", context, 422)
    return RedirectResponse(f"/shared/{owner_id}#{kind_text}-{subject}", status_code=303)


@router.get("/s/{code}", response_class=HTMLResponse)
def link_view(request: Request, code: str, clock: ClockDep) -> HTMLResponse:
    sharing = _sharing(request, clock)
    owner = sharing.link_owner(code)
    if owner is None:
        raise HTTPException(status_code=404)
    plan = sharing.shared_plan(owner, None, Role.VIEWER, link=True)
    response = render(request, "shared_plan.html", {"plan": plan, "kinds": CommentOn})
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _role(sharing: Sharing, me: Identity, owner_id: int) -> Role | None:
    """The viewer's role on the plan (None: it is their own); 404 when it is not shared with
    them, the same answer as for a plan that does not exist."""
    if owner_id == me.user_id:
        return None
    role = sharing.role_of(me.user_id, owner_id)
    if role is None:
        raise HTTPException(status_code=404)
    return role
