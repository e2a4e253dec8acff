"""The rules of sharing a plan: who may do what, how long an invitation or a link lasts, and what
a comment may be. Kept apart from the plan: nobody a plan is shared with changes it directly."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from careerplan.domain.errors import InvalidInput


class Role(enum.StrEnum):
    """What someone the plan is shared with may do. Nobody but the owner changes the plan; an
    editor proposes changes (services/change_proposals.py), which apply once the owner accepts
    them."""

    VIEWER = "viewer"
    COMMENTER = "commenter"
    EDITOR = "editor"

    @property
    def may_comment(self) -> bool:
        return self is not Role.VIEWER

    @property
    def may_propose(self) -> bool:
        return self is Role.EDITOR

    @property
    def says(self) -> str:
        return {
            Role.VIEWER: "can see the plan",
            Role.COMMENTER: "can see the plan and comment",
            Role.EDITOR: "can see the plan, comment, and propose changes for the owner to accept",
        }[self]


class CommentOn(enum.StrEnum):
    GOAL = "goal"
    ACTION = "action"
    REVIEW = "review"


# An invitation is used once, within this many days (a week unless the owner says otherwise).
INVITE_DAYS = 7
MAX_INVITE_DAYS = 90
# A read-only link lasts until revoked, or for this many days at most when given an expiry.
MAX_LINK_DAYS = 365
MAX_COMMENT = 2000


def role_from(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"'{text.strip()[:30]}' is not a role; choose viewer (sees the plan), commenter "
            "(sees it and comments) or editor.",
            field="role",
        ) from None


def days_from(text: str | int | None, default: int | None, most: int, what: str) -> int | None:
    """A number of days from 1 to `most`; empty gives `default` (None: no expiry)."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return default
    try:
        days = int(text)
    except ValueError:
        raise InvalidInput(
            f"The {what} lasts a whole number of days (1 to {most}); '{text}' is not one.",
            field="days",
        ) from None
    if not 1 <= days <= most:
        raise InvalidInput(f"The {what} lasts 1 to {most} days, not {days}.", field="days")
    return days


def clean_comment(text: str) -> str:
    words = text.strip()
    if not words:
        raise InvalidInput("Write something to comment.", field="text")
    if len(words) > MAX_COMMENT:
        raise InvalidInput(
            f"The comment has {len(words):,} characters; keep it to {MAX_COMMENT:,}.",
            field="text",
        )
    return words


def expiry(now: datetime, days: int | None) -> datetime | None:
    return None if days is None else now + timedelta(days=days)


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    kind: CommentOn
    subject_id: int
    author: str
    text: str
    at: datetime
    by_owner: bool


@dataclass(frozen=True, slots=True)
class Share:
    """One person the plan is shared with, or an invitation not yet taken."""

    id: int
    role: Role
    member: str  # their e-mail address; the invited address while the invitation is open
    accepted: bool
    expires_at: datetime | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AuditEvent:
    actor: str
    action: str
    subject: str
    at: datetime
