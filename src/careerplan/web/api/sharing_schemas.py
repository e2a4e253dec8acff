"""What the sharing endpoints read and write: the owner's shares, invitations, read-only links,
private goals and log; the plans shared with the caller, as they may see them, and comments.

The limits of invitations, links and comments are the service's own: the schema states them,
and the service refuses what is past them with its own words (a 422 naming the field)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import Field

from careerplan.domain.entities import Decision, GoalStatus, Horizon, ReviewCadence
from careerplan.domain.sharing import (
    INVITE_DAYS,
    MAX_COMMENT,
    MAX_INVITE_DAYS,
    MAX_LINK_DAYS,
    CommentOn,
    Role,
)
from careerplan.domain.status import Standing
from careerplan.web.api.schemas import In, Out
from careerplan.web.api.types import Ident, Moment, storable

# Bounds past which no request is read further; the service words the tighter limits.
LONGEST_EMAIL = 1000
LONGEST_CODE = 200
LONGEST_COMMENT = 100_000


def _days(most: int, description: str) -> Any:
    return Field(
        None,
        strict=True,
        description=description,
        json_schema_extra={"minimum": 1, "maximum": most},
    )


# --- the owner's side ---------------------------------------------------------------------


class ShareOut(Out):
    id: int
    role: Role
    member: str = Field(
        description="Their e-mail address; while the invitation is open, the address it was "
        "sent to, or 'anyone with the link' for an invitation to pass on."
    )
    accepted: bool = Field(description="False: an invitation not taken yet.")
    created_at: Moment = Field(description="When the invitation was made.")
    expires_at: Moment | None = Field(description="When an open invitation ends; null once taken.")


class InvitationIn(In):
    role: Role = Field(
        Role.COMMENTER,
        description="viewer (sees the plan), commenter (sees it and comments) or editor.",
    )
    email: Annotated[str, Field(max_length=LONGEST_EMAIL), storable] = Field(
        "",
        description="Only this account may accept it (and it is e-mailed there when the server "
        "sends mail). Empty: anyone signed in who is given the code.",
    )
    days: int | None = _days(
        MAX_INVITE_DAYS,
        f"How long it can be accepted: 1 to {MAX_INVITE_DAYS}; {INVITE_DAYS} unless given.",
    )


class InvitationOut(Out):
    id: int = Field(description="The share's id: DELETE /api/v1/shares/{id} withdraws it.")
    role: Role
    email: str = Field(description="Who may accept it; empty: anyone given the code.")
    code: str = Field(description="Shown only now: accept with POST /api/v1/shared/accept.")
    url: str = Field(description="The address that accepts it on the pages.")
    expires_at: Moment
    delivery: str = Field(description="Whether it was e-mailed, or must be passed on.")


class ShareLinkOut(Out):
    id: int
    created_at: Moment
    expires_at: Moment | None = Field(description="Null: until revoked.")
    active: bool = Field(description="False once revoked or past its end.")


class ShareLinkIn(In):
    days: int | None = _days(
        MAX_LINK_DAYS, f"How long it works: 1 to {MAX_LINK_DAYS}; null or absent: until revoked."
    )


class ShareLinkCreatedOut(ShareLinkOut):
    code: str = Field(description="Shown only now.")
    url: str = Field(description="The read-only address: anyone who has it sees the plan.")


class PrivacyIn(In):
    private: bool = Field(
        strict=True,
        description="true: keep the goal, its sub-goals, actions and their comments from "
        "everyone the plan is shared with; false: show it again.",
    )


class PrivacyOut(Out):
    goal_id: int
    private: bool


class AuditEventOut(Out):
    at: Moment
    actor: str
    action: str
    subject: str


class AuditPageOut(Out):
    events: list[AuditEventOut] = Field(description="Newest first.")
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page; null: no more.")


# --- plans shared with the caller -----------------------------------------------------------


class ClientOut(Out):
    owner_id: int = Field(description="GET /api/v1/shared/{owner_id}/plan shows the plan.")
    owner: str = Field(description="The owner's e-mail address.")
    role: Role
    status: Standing = Field(description="The plan's, judged on what is shared.")
    needs_attention: int = Field(description="Shared goals at risk or behind.")
    next_review: date
    review_due: bool
    last_review: date | None


class AcceptIn(In):
    code: Annotated[str, Field(min_length=1, max_length=LONGEST_CODE), storable] = Field(
        description="The invitation's code (the last part of its address)."
    )


class AcceptedOut(Out):
    owner_id: int
    owner: str
    role: Role


class CommentIn(In):
    on: CommentOn = Field(description="What the comment is on.")
    subject_id: Ident = Field(description="The goal's, action's or review's id.")
    text: Annotated[str, Field(max_length=LONGEST_COMMENT), storable] = Field(
        description=f"1 to {MAX_COMMENT:,} characters once trimmed.",
        json_schema_extra={"maxLength": MAX_COMMENT},
    )


class CommentOut(Out):
    id: int
    on: CommentOn
    subject_id: int
    author: str = Field(description="The author's e-mail address.")
    text: str
    at: Moment
    by_owner: bool


class SharedActionOut(Out):
    id: int
    text: str
    due: date | None
    done: bool
    comments: list[CommentOut]


class SharedGoalOut(Out):
    id: int
    parent_id: int | None
    text: str
    horizon: Horizon | None
    due: date | None
    status: GoalStatus
    standing: Standing | None = Field(
        description="Where it stands against its due date; null when it is not judged."
    )
    actions: list[SharedActionOut]
    comments: list[CommentOut]


class SharedEntryOut(Out):
    goal_id: int
    progress: float | None
    confidence: int | None
    decision: Decision


class SharedReviewOut(Out):
    id: int
    held_on: date
    cadence: ReviewCadence
    entries: list[SharedEntryOut] = Field(description="On shared goals only; no notes.")
    comments: list[CommentOut]


class SharedPlanOut(Out):
    """The plan as the caller may see it: goals marked private (with all under them), dropped
    goals, the reflection and every note of the reviews are left out."""

    owner_id: int
    owner: str
    role: Role | None = Field(description="Null: your own plan, as others see it.")
    may_comment: bool
    dream_job: str
    status: Standing
    next_review: date
    last_review: date | None
    goals: list[SharedGoalOut]
    reviews: list[SharedReviewOut]
    private_goals: int | None = Field(
        description="On your own plan, how many goals others do not see; null on another's."
    )
