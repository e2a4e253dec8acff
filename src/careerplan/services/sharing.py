"""Sharing a plan with a coach, a mentor or a manager, and what they see.

The owner invites (a one-time code, sent by e-mail or passed on as a link, which expires), and
the person who accepts gets a role. They see the plan through `shared_plan`, which leaves out
what the owner keeps private: goals marked private (with their sub-goals, actions and comments),
the reflection, and the notes of every review. They write comments, and an editor proposes
changes (services/change_proposals.py), which change the plan only once the owner accepts them.
The owner can revoke a share or a link at any time, and every view and comment by someone else
is written to the plan's audit log.

Shares, links and the log are read and written on plain connections (not a unit of work): the
member reads them across plans. The plan itself is read as its owner, behind the row wall.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Connection, Table, and_, delete, insert, select, update

from careerplan.domain.accounts import Identity
from careerplan.domain.bounds import could_be_an_id
from careerplan.domain.entities import Action, Goal, GoalStatus, Review
from careerplan.domain.errors import DomainRefusal, InvalidInput, NotAllowed, NotFound
from careerplan.domain.sharing import (
    INVITE_DAYS,
    MAX_INVITE_DAYS,
    MAX_LINK_DAYS,
    AuditEvent,
    Comment,
    CommentOn,
    Role,
    Share,
    clean_comment,
    days_from,
    expiry,
)
from careerplan.domain.status import GoalStanding, Standing, goal_standings, plan_standing
from careerplan.services.accounts import secret_hash
from careerplan.services.clock import Clock
from careerplan.services.workspace import Workspace
from careerplan.storage import tables
from careerplan.storage.accounts import utc

SHARE_CODE_BYTES = 24


@dataclass(frozen=True, slots=True)
class Invitation:
    id: int
    code: str  # shown once: the address to accept it is /shared/join/<code>
    expires_at: datetime
    email: str = ""  # the only account that may accept it, as stored; empty: anyone


@dataclass(frozen=True, slots=True)
class ShareLink:
    id: int
    created_at: datetime
    expires_at: datetime | None
    revoked: bool  # revoked, or past its expiry: it opens nothing


@dataclass(frozen=True, slots=True)
class NewLink:
    id: int
    code: str  # shown once: the address is /s/<code>
    created_at: datetime
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class Accepted:
    """The plan an accepted invitation opens."""

    owner_id: int
    owner: str
    role: Role


@dataclass(frozen=True, slots=True)
class Client:
    """One plan shared with a coach, as the coach's dashboard lists it."""

    owner_id: int
    email: str
    role: Role
    standing: Standing
    next_review: date
    review_due: bool
    needs_attention: int
    last_review: date | None


# How a read-only link names an owner whose plan gives no name.
LINK_OWNER = "Someone"


@dataclass
class SharedPlan:
    """The plan as someone it is shared with sees it (private items already left out)."""

    owner_id: int
    owner: str
    role: Role | None  # None: the owner looking at their plan as others see it
    link: bool
    dream_job: str
    standing: Standing
    next_review: date
    last_review: date | None
    goals: list[tuple[Goal, GoalStanding | None]]
    actions: dict[int, list[Action]]
    reviews: list[Review]
    comments: dict[tuple[str, int], list[Comment]] = field(default_factory=dict)
    hidden_goals: int = 0

    @property
    def may_comment(self) -> bool:
        return not self.link and (self.role is None or self.role.may_comment)


class Sharing:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self.workspace = workspace
        self.engine = workspace.engine
        self.clock = clock

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            yield connection

    # --- the owner's side ------------------------------------------------------------------

    def invite(
        self, owner: Identity, role: Role, email: str = "", days: str | int | None = None
    ) -> Invitation:
        """An invitation to the plan; with `email`, only that account may accept it."""
        from careerplan.domain.accounts import normal_email

        invited = normal_email(email) if email.strip() else ""
        if invited and invited == owner.email:
            raise InvalidInput("That is your own address: invite someone else.", field="email")
        lasting = days_from(days, INVITE_DAYS, MAX_INVITE_DAYS, "invitation")
        now = self.clock.now()
        code = secrets.token_urlsafe(SHARE_CODE_BYTES)
        ends = expiry(now, lasting)
        assert ends is not None
        with self._connection() as connection:
            share_id = connection.execute(
                insert(tables.shares)
                .values(
                    owner_id=owner.user_id,
                    role=role.value,
                    invited_email=invited,
                    invite_hash=secret_hash(code),
                    invite_expires_at=ends,
                    created_at=now,
                )
                .returning(tables.shares.c.id)
            ).scalar_one()
            _audit(
                connection,
                owner.user_id,
                owner,
                "invited",
                f"{invited or 'by link'} as {role}",
                now,
            )
        return Invitation(int(share_id), code, ends, invited)

    def shares(self, owner_id: int) -> list[Share]:
        """Everyone the plan is shared with, and open invitations, newest first."""
        shares, users = tables.shares, tables.users
        now = self.clock.now()
        with self._connection() as connection:
            rows = connection.execute(
                select(shares, users.c.username)
                .outerjoin(users, users.c.id == shares.c.member_id)
                .where(shares.c.owner_id == owner_id, shares.c.revoked_at.is_(None))
                .order_by(shares.c.id.desc())
            ).all()
        found = []
        for row in rows:
            accepted = row.member_id is not None
            ends = utc(row.invite_expires_at) if row.invite_expires_at else None
            if not accepted and ends is not None and ends <= now:
                continue  # an invitation nobody took in time is no share
            found.append(
                Share(
                    id=int(row.id),
                    role=Role(row.role),
                    member=row.username
                    if accepted
                    else (row.invited_email or "anyone with the link"),
                    accepted=accepted,
                    expires_at=None if accepted else ends,
                    created_at=utc(row.created_at),
                )
            )
        return found

    def revoke(self, owner: Identity, share_id: int) -> None:
        """End a share or withdraw an invitation, at once: the next request is refused."""
        # The invitation's code goes too, so it can never be taken.
        self._revoke(owner, tables.shares, "share", share_id, invite_hash=None)

    def make_link(self, owner: Identity, days: str | int | None = None) -> tuple[int, str]:
        """A read-only address for the plan; returns its id and code (shown once)."""
        made = self.new_link(owner, days)
        return made.id, made.code

    def new_link(self, owner: Identity, days: str | int | None = None) -> NewLink:
        """A read-only address for the plan, with when it ends (None: until revoked)."""
        lasting = days_from(days, None, MAX_LINK_DAYS, "link")
        now = self.clock.now()
        code = secrets.token_urlsafe(SHARE_CODE_BYTES)
        ends = expiry(now, lasting)
        with self._connection() as connection:
            link_id = connection.execute(
                insert(tables.share_links)
                .values(
                    owner_id=owner.user_id,
                    token_hash=secret_hash(code),
                    created_at=now,
                    expires_at=ends,
                )
                .returning(tables.share_links.c.id)
            ).scalar_one()
            _audit(
                connection, owner.user_id, owner, "made a read-only link", f"link {link_id}", now
            )
        return NewLink(int(link_id), code, now, ends)

    def links(self, owner_id: int) -> list[ShareLink]:
        links = tables.share_links
        with self._connection() as connection:
            rows = connection.execute(
                select(links).where(links.c.owner_id == owner_id).order_by(links.c.id.desc())
            ).all()
        now = self.clock.now()
        return [
            ShareLink(
                id=int(row.id),
                created_at=utc(row.created_at),
                expires_at=utc(row.expires_at) if row.expires_at else None,
                revoked=row.revoked_at is not None
                or (row.expires_at is not None and utc(row.expires_at) <= now),
            )
            for row in rows
        ]

    def revoke_link(self, owner: Identity, link_id: int) -> None:
        self._revoke(owner, tables.share_links, "link", link_id)

    def _revoke(
        self, owner: Identity, table: Table, kind: str, ident: int, **cleared: None
    ) -> None:
        """Revoke the owner's share or link `ident` and log it; NotFound when it is not theirs,
        or revoked already."""
        now = self.clock.now()
        if not could_be_an_id(ident):  # no row has it, and the database would not take it
            raise NotFound(kind, ident)
        with self._connection() as connection:
            result = connection.execute(
                update(table)
                .where(
                    table.c.id == ident,
                    table.c.owner_id == owner.user_id,
                    table.c.revoked_at.is_(None),
                )
                .values(revoked_at=now, **cleared)
            )
            if not result.rowcount:
                raise NotFound(kind, ident)
            _audit(connection, owner.user_id, owner, f"revoked a {kind}", f"{kind} {ident}", now)

    def set_private(self, owner_id: int, goal_id: int, private: bool) -> None:
        """Keep a goal (and all under it) from everyone the plan is shared with, or stop."""
        with self.workspace.as_owner(owner_id).unit(writes=True) as uow:
            goal = uow.goals.get(goal_id)
            uid = goal.uid
        if uid is None:  # every stored goal has one; an old row may not
            raise DomainRefusal(f"Goal {goal_id} cannot be marked private yet: edit it once.")
        marks = tables.private_goals
        with self._connection() as connection:
            mine = and_(marks.c.owner_id == owner_id, marks.c.goal_uid == uid)
            connection.execute(delete(marks).where(mine))
            if private:
                connection.execute(insert(marks).values(owner_id=owner_id, goal_uid=uid))

    def goals_shown(self, owner_id: int) -> list[Goal]:
        """The goals everyone the plan is shared with sees, as `shared_plan` shows them: none
        private or under a private goal, none dropped."""
        with self.workspace.as_owner(owner_id).unit() as uow:
            goals = uow.goals.all()
        hidden = _hidden_goal_ids(goals, self.private_uids(owner_id))
        return [g for g in goals if g.id not in hidden and g.status is not GoalStatus.DROPPED]

    def private_uids(self, owner_id: int) -> set[str]:
        marks = tables.private_goals
        with self._connection() as connection:
            return set(
                connection.execute(
                    select(marks.c.goal_uid).where(marks.c.owner_id == owner_id)
                ).scalars()
            )

    def audit(self, owner_id: int, limit: int = 200, offset: int = 0) -> list[AuditEvent]:
        """The plan's log, newest first: `limit` events after the first `offset`."""
        events = tables.audit_events
        with self._connection() as connection:
            rows = connection.execute(
                select(events)
                .where(events.c.owner_id == owner_id)
                .order_by(events.c.at.desc(), events.c.id.desc())
                .limit(limit)
                .offset(offset)
            ).all()
        return [AuditEvent(row.actor, row.action, row.subject, utc(row.at)) for row in rows]

    # --- the member's side -----------------------------------------------------------------

    def accept(self, code: str, member: Identity) -> str:
        """Take an invitation; returns whose plan it opens. An invitation is used once."""
        return self.take(code, member).owner

    def take(self, code: str, member: Identity) -> Accepted:
        """Take an invitation; returns the plan it opens and the member's role on it."""
        shares, users = tables.shares, tables.users
        now = self.clock.now()
        gone = DomainRefusal(
            "This invitation is not valid: it was used already, withdrawn, or has expired. "
            "Ask for a new one."
        )
        with self._connection() as connection:
            row = connection.execute(
                select(shares, users.c.username)
                .join(users, users.c.id == shares.c.owner_id)
                .where(shares.c.invite_hash == secret_hash(code.strip()))
            ).first()
            if row is None or row.revoked_at is not None or row.member_id is not None:
                raise gone
            if row.invite_expires_at is not None and utc(row.invite_expires_at) <= now:
                raise gone
            if row.owner_id == member.user_id:
                raise DomainRefusal("This is an invitation to your own plan: send it to someone.")
            if row.invited_email and row.invited_email != member.email:
                raise DomainRefusal(
                    f"This invitation is for another address. Sign in as the person it was "
                    f"sent to, or ask {row.username} for an invitation for {member.email}."
                )
            # One share per person and plan: taking a second invitation replaces the first.
            connection.execute(
                update(shares)
                .where(
                    shares.c.owner_id == row.owner_id,
                    shares.c.member_id == member.user_id,
                    shares.c.revoked_at.is_(None),
                )
                .values(revoked_at=now)
            )
            taken = connection.execute(
                update(shares)
                .where(shares.c.id == row.id, shares.c.member_id.is_(None))
                .values(member_id=member.user_id, accepted_at=now, invite_hash=None)
            )
            if not taken.rowcount:  # taken by someone else a moment ago
                raise gone
            _audit(connection, int(row.owner_id), member, "accepted an invitation", row.role, now)
        return Accepted(int(row.owner_id), str(row.username), Role(row.role))

    def role_of(self, member_id: int, owner_id: int) -> Role | None:
        """The member's role on the plan; None when it is not shared with them, or its owner's
        account is disabled (the same plans `clients` lists)."""
        shares, users = tables.shares, tables.users
        if not could_be_an_id(owner_id):
            return None
        with self._connection() as connection:
            found = connection.execute(
                select(shares.c.role)
                .join(users, users.c.id == shares.c.owner_id)
                .where(
                    shares.c.owner_id == owner_id,
                    shares.c.member_id == member_id,
                    shares.c.revoked_at.is_(None),
                    users.c.disabled_at.is_(None),
                )
            ).scalar()
        return Role(found) if found else None

    def link_owner(self, code: str) -> int | None:
        """Whose plan a read-only link opens; None when it opens none (also when the owner's
        account is disabled, as for a share)."""
        links, users = tables.share_links, tables.users
        with self._connection() as connection:
            row = connection.execute(
                select(links)
                .join(users, users.c.id == links.c.owner_id)
                .where(links.c.token_hash == secret_hash(code), users.c.disabled_at.is_(None))
            ).first()
        if row is None or row.revoked_at is not None:
            return None
        if row.expires_at is not None and utc(row.expires_at) <= self.clock.now():
            return None
        return int(row.owner_id)

    def clients(self, member_id: int) -> list[Client]:
        """Every plan shared with this person, worst standing first."""
        from careerplan.domain.status import SEVERITY
        from careerplan.services.review_status import needing_attention, plan_status

        shares, users = tables.shares, tables.users
        with self._connection() as connection:
            rows = connection.execute(
                select(shares.c.owner_id, shares.c.role, users.c.username)
                .join(users, users.c.id == shares.c.owner_id)
                .where(
                    shares.c.member_id == member_id,
                    shares.c.revoked_at.is_(None),
                    users.c.disabled_at.is_(None),
                )
            ).all()
        today = self.clock.today()
        found = []
        for row in rows:
            with self.workspace.as_owner(int(row.owner_id)).unit() as uow:
                status = plan_status(uow, today)
                goals = uow.goals.all()
            # What is under a private goal is as private as the goal itself: neither the count
            # nor the plan's standing may give it away.
            shown = _shown_goals(goals, self.private_uids(int(row.owner_id)))
            # Judged without the hidden goals, whose progress would show through their parents'.
            standings = goal_standings(shown, status.latest, today)
            found.append(
                Client(
                    owner_id=int(row.owner_id),
                    email=row.username,
                    role=Role(row.role),
                    standing=plan_standing(shown, standings),
                    next_review=status.next_review,
                    review_due=status.review_due,
                    needs_attention=len(needing_attention(shown, standings)),
                    last_review=status.last_review,
                )
            )
        order = {standing: index for index, standing in enumerate(SEVERITY)}
        found.sort(key=lambda client: (order.get(client.standing, len(order)), client.email))
        return found

    # --- what they see, and their comments ---------------------------------------------------

    def plan_for(self, owner_id: int, viewer: Identity) -> SharedPlan:
        """The plan as `viewer` may see it: their own as others see it, or one shared with
        them. Any other plan is NotFound, the same answer as for a plan that does not exist."""
        if owner_id == viewer.user_id:
            return self.shared_plan(owner_id, viewer, None)
        role = self.role_of(viewer.user_id, owner_id)
        if role is None:
            raise NotFound("plan", owner_id)
        return self.shared_plan(owner_id, viewer, role)

    def shared_plan(
        self,
        owner_id: int,
        viewer: Identity | None,
        role: Role | None,
        *,
        link: bool = False,
        again: bool = False,
    ) -> SharedPlan:
        """The plan as `viewer` may see it (`viewer` None: someone holding a read-only link;
        `role` None: the owner, seeing what others see). Records the view in the audit log,
        unless it is the same page shown `again` (with a refused comment or proposal)."""
        plan = self._view(owner_id, role, link)
        if (role is not None or link) and not again:
            with self._connection() as connection:
                who = viewer.email if viewer else "someone with the read-only link"
                _audit(connection, owner_id, viewer, "viewed the plan", "", self.clock.now(), who)
        return plan

    def _view(self, owner_id: int, role: Role | None, link: bool) -> SharedPlan:
        from careerplan.services.review_status import is_dream_job, plan_status

        hidden_uids = self.private_uids(owner_id)
        with self.workspace.as_owner(owner_id).unit() as uow:
            status = plan_status(uow, self.clock.today())
            goals = uow.goals.all()
            actions = uow.actions.all()
            reviews = uow.reviews.all()
            profile = uow.profiles.get()
        hidden = _hidden_goal_ids(goals, hidden_uids)
        # Judged on what is shown, so a private goal's standing, or its progress through its
        # parent's, does not show through.
        standings = goal_standings(
            [g for g in goals if g.id not in hidden], status.latest, self.clock.today()
        )
        visible = [g for g in goals if g.id not in hidden and g.status is not GoalStatus.DROPPED]
        shown_ids = {g.id for g in visible}
        by_goal: dict[int, list[Action]] = {}
        for action in actions:
            if action.goal_id in shown_ids:
                by_goal.setdefault(action.goal_id, []).append(action)
        shared_reviews = [_without_notes(review, shown_ids) for review in reviews]
        dream = next((g.text for g in visible if is_dream_job(g)), "")
        # A link reaches anyone it is passed to: it names the owner as their plan does (the
        # name they gave), never by their e-mail address, which is their sign-in.
        if link:
            owner = (profile.name.strip() if profile else "") or LINK_OWNER
        else:
            owner = self._email(owner_id)
        plan = SharedPlan(
            owner_id=owner_id,
            owner=owner,
            role=role,
            link=link,
            dream_job=dream,
            standing=plan_standing(visible, standings),
            next_review=status.next_review,
            last_review=status.last_review,
            goals=[(g, standings.get(g.id or 0)) for g in visible],
            actions=by_goal,
            reviews=shared_reviews,
            hidden_goals=len(hidden),
        )
        visible_subjects = (
            {("goal", gid) for gid in shown_ids if gid is not None}
            | {("action", a.id) for items in by_goal.values() for a in items if a.id is not None}
            | {("review", r.id) for r in reviews if r.id is not None}
        )
        plan.comments = {
            key: thread
            for key, thread in self._comments(owner_id).items()
            if key in visible_subjects
        }
        return plan

    def comment(
        self, owner_id: int, author: Identity, kind: CommentOn, subject_id: int, text: str
    ) -> Comment:
        """Add to the thread on a goal, an action or a review, which the author can see."""
        words = clean_comment(text)
        if author.user_id != owner_id:
            role = self.role_of(author.user_id, owner_id)
            if role is None:
                raise NotFound("plan", owner_id)
            if not role.may_comment:
                raise NotAllowed("You can see this plan but not comment on it.")
            plan = self._view(owner_id, role, link=False)
        else:
            plan = self._view(owner_id, None, link=False)
        if not _shows(plan, kind, subject_id):
            raise NotFound(kind.value, subject_id)
        now = self.clock.now()
        with self._connection() as connection:
            comment_id = connection.execute(
                insert(tables.comments)
                .values(
                    owner_id=owner_id,
                    author_id=author.user_id,
                    subject_kind=kind.value,
                    subject_id=subject_id,
                    text=words,
                    created_at=now,
                )
                .returning(tables.comments.c.id)
            ).scalar_one()
            if author.user_id != owner_id:
                _audit(connection, owner_id, author, "commented", f"{kind} {subject_id}", now)
        by_owner = author.user_id == owner_id
        return Comment(int(comment_id), kind, subject_id, author.email, words, now, by_owner)

    def _comments(self, owner_id: int) -> dict[tuple[str, int], list[Comment]]:
        comments, users = tables.comments, tables.users
        with self._connection() as connection:
            rows = connection.execute(
                select(comments, users.c.username)
                .outerjoin(users, users.c.id == comments.c.author_id)
                .where(comments.c.owner_id == owner_id)
                .order_by(comments.c.created_at, comments.c.id)
            ).all()
        threads: dict[tuple[str, int], list[Comment]] = {}
        for row in rows:
            threads.setdefault((row.subject_kind, int(row.subject_id)), []).append(
                Comment(
                    id=int(row.id),
                    kind=CommentOn(row.subject_kind),
                    subject_id=int(row.subject_id),
                    author=row.username or "a former member",
                    text=row.text,
                    at=utc(row.created_at),
                    by_owner=row.author_id == owner_id,
                )
            )
        return threads

    def comments_since(self, owner_id: int, since: datetime) -> list[Comment]:
        """Comments by others since `since`, for the owner's digest."""
        return [
            comment
            for thread in self._comments(owner_id).values()
            for comment in thread
            if not comment.by_owner and comment.at >= since
        ]

    def _email(self, user_id: int) -> str:
        users = tables.users
        with self._connection() as connection:
            return str(
                connection.execute(select(users.c.username).where(users.c.id == user_id)).scalar()
                or ""
            )


def _hidden_goal_ids(goals: list[Goal], private_uids: set[str]) -> set[int | None]:
    """Private goals and every goal under one."""
    children: dict[int | None, list[Goal]] = {}
    for goal in goals:
        children.setdefault(goal.parent_id, []).append(goal)
    hidden: set[int | None] = set()
    stack = [g for g in goals if g.uid in private_uids]
    while stack:
        goal = stack.pop()
        if goal.id in hidden:
            continue
        hidden.add(goal.id)
        stack.extend(children.get(goal.id, []))
    return hidden


def _shown_goals(goals: list[Goal], private_uids: set[str]) -> list[Goal]:
    hidden = _hidden_goal_ids(goals, private_uids)
    return [goal for goal in goals if goal.id not in hidden]


def _without_notes(review: Review, shown_ids: set[int | None]) -> Review:
    """The review as others see it: no notes, no reflections, no entries on hidden goals."""
    from dataclasses import replace

    entries = [replace(e, note="") for e in review.entries if e.goal_id in shown_ids]
    return replace(review, went_well="", got_in_the_way="", entries=entries)


def _shows(plan: SharedPlan, kind: CommentOn, subject_id: int) -> bool:
    if kind is CommentOn.GOAL:
        return any(goal.id == subject_id for goal, _ in plan.goals)
    if kind is CommentOn.ACTION:
        return any(a.id == subject_id for items in plan.actions.values() for a in items)
    return any(review.id == subject_id for review in plan.reviews)


def audit_event(
    connection: Connection, owner_id: int, actor: Identity, action: str, subject: str, at: datetime
) -> None:
    """One line of the plan's log, in the caller's transaction (a proposal's, say)."""
    _audit(connection, owner_id, actor, action, subject, at)


def _audit(
    connection: Connection,
    owner_id: int,
    actor: Identity | None,
    action: str,
    subject: str,
    at: datetime,
    name: str = "",
) -> None:
    connection.execute(
        insert(tables.audit_events).values(
            owner_id=owner_id,
            actor_id=actor.user_id if actor else None,
            actor=(name or (actor.email if actor else "someone"))[:100],
            action=action,
            subject=subject[:200],
            at=at,
        )
    )
