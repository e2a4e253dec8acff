"""Sharing through the API, on a server with accounts: the owner's shares, invitations, read-only
links, private goals and log (tag `sharing`), and the plans shared with the caller, as they may
see them, with their comments (tag `shared with me`).

The app includes these routes only when accounts are on (a single-person install has nobody to
share with, and answers 404 there). A plan that is neither the caller's nor shared with them is
"not found", as one that does not exist; only a role the caller has on a plan they can see is
refused as such (403: a viewer may not comment)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from careerplan.domain.bounds import MAX_ID
from careerplan.domain.sharing import Comment, CommentOn
from careerplan.services.sharing import Client, SharedPlan, ShareLink, Sharing
from careerplan.web.api.responses import (
    INVALID,
    NOT_FOUND,
    REFUSED,
    WRITE,
    Responses,
    problem_response,
)
from careerplan.web.api.sharing_schemas import (
    AcceptedOut,
    AcceptIn,
    AuditEventOut,
    AuditPageOut,
    ClientOut,
    CommentIn,
    CommentOut,
    InvitationIn,
    InvitationOut,
    PrivacyIn,
    PrivacyOut,
    SharedActionOut,
    SharedEntryOut,
    SharedGoalOut,
    SharedPlanOut,
    SharedReviewOut,
    ShareLinkCreatedOut,
    ShareLinkIn,
    ShareLinkOut,
    ShareOut,
)
from careerplan.web.deps import ClockDep, SignedInDep, team_workspace
from careerplan.web.invitations import join_address, link_address, send_invitation
from careerplan.web.security import verify_same_origin

OWNER = "sharing"
MEMBER = "shared with me"
AUDIT_PAGE = 50
MAX_AUDIT_PAGE = 200

SIGNED_OUT: Responses = {401: problem_response("No session or API token, or an unknown one.")}
# The sign-in middleware refuses a read-only token's writes before any route runs.
CHANGE: Responses = WRITE | {
    403: problem_response("A read-only API token, or a browser on another site, sent it.")
}
CHANGE_ONE: Responses = CHANGE | NOT_FOUND
COMMENT: Responses = CHANGE_ONE | {
    403: problem_response(
        "A read-only API token, or a browser on another site, sent it; or the caller is the "
        "plan's viewer, who may see it but not comment."
    )
}

router = APIRouter(
    prefix="/api/v1",
    dependencies=[Depends(verify_same_origin)],
    responses=INVALID | SIGNED_OUT,
)

ShareId = Annotated[int, Path(ge=1, description="The share's (or open invitation's) id.")]
LinkId = Annotated[int, Path(ge=1, description="The read-only link's id.")]
GoalId = Annotated[int, Path(ge=1, description="The goal's id.")]
OwnerId = Annotated[int, Path(ge=1, description="The plan owner's id (`owner_id` in the list).")]


async def get_sharing(request: Request, clock: ClockDep) -> Sharing:
    return Sharing(team_workspace(request), clock)


SharingDep = Annotated[Sharing, Depends(get_sharing)]


# --- the owner's side -----------------------------------------------------------------------


@router.get(
    "/shares",
    tags=[OWNER],
    summary="Who your plan is shared with, and invitations not taken yet",
    response_model=list[ShareOut],
)
def shares_list(sharing: SharingDep, me: SignedInDep) -> list[ShareOut]:
    """Newest first. An invitation nobody took in time is not listed."""
    return [ShareOut.model_validate(share) for share in sharing.shares(me.user_id)]


@router.post(
    "/shares/invitations",
    tags=[OWNER],
    summary="Invite someone to see your plan",
    status_code=status.HTTP_201_CREATED,
    response_model=InvitationOut,
    responses=CHANGE,
)
def invitations_create(
    body: InvitationIn, request: Request, sharing: SharingDep, me: SignedInDep
) -> InvitationOut:
    """The invitation works once, until it expires. With `email`, only that account may accept
    it, and it is e-mailed there when the server sends mail (`delivery` says whether it was);
    without, pass the code or the address on. The code is shown only now."""
    made = sharing.invite(me, body.role, body.email, body.days)
    address = join_address(request, made.code)
    delivery = send_invitation(request, made.email, me.email, address, body.role)
    return InvitationOut(
        id=made.id,
        role=body.role,
        email=made.email,
        code=made.code,
        url=address,
        expires_at=made.expires_at,
        delivery=delivery,
    )


@router.delete(
    "/shares/{share_id}",
    tags=[OWNER],
    summary="End a share, or withdraw an invitation",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=CHANGE_ONE,
)
def shares_delete(share_id: ShareId, sharing: SharingDep, me: SignedInDep) -> Response:
    """At once: the member's next request finds no plan. A share already ended is not found."""
    sharing.revoke(me, share_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/share-links",
    tags=[OWNER],
    summary="Your read-only links, working or not",
    response_model=list[ShareLinkOut],
)
def links_list(sharing: SharingDep, me: SignedInDep) -> list[ShareLinkOut]:
    """Newest first; the codes are not shown again."""
    return [_link_out(link) for link in sharing.links(me.user_id)]


@router.post(
    "/share-links",
    tags=[OWNER],
    summary="Make a read-only link to your plan",
    status_code=status.HTTP_201_CREATED,
    response_model=ShareLinkCreatedOut,
    responses=CHANGE,
)
def links_create(
    body: ShareLinkIn, request: Request, sharing: SharingDep, me: SignedInDep
) -> ShareLinkCreatedOut:
    """Anyone who has the address sees the plan (not your private goals, notes or reflection),
    without signing in, until you revoke it or it ends. The code is shown only now."""
    made = sharing.new_link(me, body.days)
    return ShareLinkCreatedOut(
        id=made.id,
        created_at=made.created_at,
        expires_at=made.expires_at,
        active=True,
        code=made.code,
        url=link_address(request, made.code),
    )


@router.delete(
    "/share-links/{link_id}",
    tags=[OWNER],
    summary="Revoke a read-only link",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=CHANGE_ONE,
)
def links_delete(link_id: LinkId, sharing: SharingDep, me: SignedInDep) -> Response:
    """A link already revoked is not found."""
    sharing.revoke_link(me, link_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put(
    "/goals/{goal_id}/private",
    tags=[OWNER],
    summary="Keep a goal from everyone your plan is shared with, or show it again",
    response_model=PrivacyOut,
    responses=CHANGE_ONE | REFUSED,
)
def goals_private(
    goal_id: GoalId, body: PrivacyIn, sharing: SharingDep, me: SignedInDep
) -> PrivacyOut:
    """A private goal is left out with all under it: its sub-goals, their actions, and the
    comments on them. Your own plan is unchanged."""
    sharing.set_private(me.user_id, goal_id, body.private)
    return PrivacyOut(goal_id=goal_id, private=body.private)


@router.get(
    "/audit",
    tags=[OWNER],
    summary="Who did what with your plan, newest first",
    response_model=AuditPageOut,
)
def audit_list(
    sharing: SharingDep,
    me: SignedInDep,
    limit: Annotated[int, Query(ge=1, le=MAX_AUDIT_PAGE, description="Events a page.")] = (
        AUDIT_PAGE
    ),
    offset: Annotated[int, Query(ge=0, le=MAX_ID, description="Events to skip.")] = 0,
) -> AuditPageOut:
    """Invitations, accepted shares, revocations and links, and every view of and comment on
    the plan by someone else."""
    # One more than asked for says whether there is a next page.
    events = sharing.audit(me.user_id, limit + 1, offset)
    return AuditPageOut(
        events=[AuditEventOut.model_validate(event) for event in events[:limit]],
        limit=limit,
        offset=offset,
        next_offset=offset + limit if len(events) > limit else None,
    )


# --- plans shared with the caller -------------------------------------------------------------


@router.get(
    "/shared",
    tags=[MEMBER],
    summary="The plans shared with you, worst status first",
    response_model=list[ClientOut],
)
def clients_list(sharing: SharingDep, me: SignedInDep) -> list[ClientOut]:
    """Each with its status and next review, judged on what is shared with you."""
    return [_client_out(client) for client in sharing.clients(me.user_id)]


@router.post(
    "/shared/accept",
    tags=[MEMBER],
    summary="Accept an invitation",
    response_model=AcceptedOut,
    responses=CHANGE,
)
def invitation_accept(body: AcceptIn, sharing: SharingDep, me: SignedInDep) -> AcceptedOut:
    """An invitation is taken once, by the account it names (any, when it names none), before it
    expires. A code that was used, withdrawn, has expired or never existed is refused alike
    (409). Accepting a second invitation to the same plan replaces your role on it."""
    taken = sharing.take(body.code, me)
    return AcceptedOut(owner_id=taken.owner_id, owner=taken.owner, role=taken.role)


@router.get(
    "/shared/{owner_id}/plan",
    tags=[MEMBER],
    summary="A plan shared with you, as you may see it",
    response_model=SharedPlanOut,
    responses=NOT_FOUND,
)
def shared_plan(owner_id: OwnerId, sharing: SharingDep, me: SignedInDep) -> SharedPlanOut:
    """Private goals (with all under them), dropped goals, the reflection and the notes of every
    review are left out. Your own id shows your plan as others see it. The owner's log records
    the view."""
    return _plan_out(sharing.plan_for(owner_id, me))


@router.get(
    "/shared/{owner_id}/comments",
    tags=[MEMBER],
    summary="The comments on a plan shared with you, oldest first",
    response_model=list[CommentOut],
    responses=NOT_FOUND,
)
def comments_list(
    owner_id: OwnerId,
    sharing: SharingDep,
    me: SignedInDep,
    on: Annotated[CommentOn | None, Query(description="Only those on this kind.")] = None,
    subject_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only those on this id.")
    ] = None,
) -> list[CommentOut]:
    """Those on what you may see of the plan (none on a private goal). The owner's log records
    the reading as a view of the plan."""
    plan = sharing.plan_for(owner_id, me)
    found = [c for thread in plan.comments.values() for c in thread]
    return [
        _comment_out(c)
        for c in sorted(found, key=lambda c: (c.at, c.id))
        if (on is None or c.kind is on) and (subject_id is None or c.subject_id == subject_id)
    ]


@router.post(
    "/shared/{owner_id}/comments",
    tags=[MEMBER],
    summary="Comment on a goal, an action or a review of a plan shared with you",
    status_code=status.HTTP_201_CREATED,
    response_model=CommentOut,
    responses=COMMENT,
)
def comments_create(
    owner_id: OwnerId, body: CommentIn, sharing: SharingDep, me: SignedInDep
) -> CommentOut:
    """A commenter or an editor may comment, and the owner on their own plan; a viewer is
    refused (403). Something you may not see (a private goal, another plan's) is not found."""
    made = sharing.comment(owner_id, me, body.on, body.subject_id, body.text)
    return _comment_out(made)


# --- service results to response models ------------------------------------------------------


def _link_out(link: ShareLink) -> ShareLinkOut:
    return ShareLinkOut(
        id=link.id, created_at=link.created_at, expires_at=link.expires_at, active=not link.revoked
    )


def _client_out(client: Client) -> ClientOut:
    return ClientOut(
        owner_id=client.owner_id,
        owner=client.email,
        role=client.role,
        status=client.standing,
        needs_attention=client.needs_attention,
        next_review=client.next_review,
        review_due=client.review_due,
        last_review=client.last_review,
    )


def _comment_out(comment: Comment) -> CommentOut:
    return CommentOut(
        id=comment.id,
        on=comment.kind,
        subject_id=comment.subject_id,
        author=comment.author,
        text=comment.text,
        at=comment.at,
        by_owner=comment.by_owner,
    )


def _plan_out(plan: SharedPlan) -> SharedPlanOut:
    def thread(kind: CommentOn, ident: int | None) -> list[CommentOut]:
        return [_comment_out(c) for c in plan.comments.get((kind.value, ident or 0), [])]

    goals = [
        SharedGoalOut(
            id=goal.id or 0,
            parent_id=goal.parent_id,
            text=goal.text,
            horizon=goal.horizon,
            due=goal.due,
            status=goal.status,
            standing=standing.standing if standing else None,
            actions=[
                SharedActionOut(
                    id=action.id or 0,
                    text=action.text,
                    due=action.due,
                    done=action.done,
                    comments=thread(CommentOn.ACTION, action.id),
                )
                for action in plan.actions.get(goal.id or 0, [])
            ],
            comments=thread(CommentOn.GOAL, goal.id),
        )
        for goal, standing in plan.goals
    ]
    reviews = [
        SharedReviewOut(
            id=review.id or 0,
            held_on=review.held_on,
            cadence=review.cadence,
            entries=[
                SharedEntryOut(
                    goal_id=entry.goal_id,
                    progress=entry.progress,
                    confidence=entry.confidence,
                    decision=entry.decision,
                )
                for entry in review.entries
            ],
            comments=thread(CommentOn.REVIEW, review.id),
        )
        for review in plan.reviews
    ]
    own = plan.role is None and not plan.link
    return SharedPlanOut(
        owner_id=plan.owner_id,
        owner=plan.owner,
        role=plan.role,
        may_comment=plan.may_comment,
        dream_job=plan.dream_job,
        status=plan.standing,
        next_review=plan.next_review,
        last_review=plan.last_review,
        goals=goals,
        reviews=reviews,
        private_goals=plan.hidden_goals if own else None,
    )
