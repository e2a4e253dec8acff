"""Proposals on a shared plan: an editor proposes a change to a goal they are shown (new wording,
a new due date) or a new action under it; the plan's owner accepts it or declines it; its author
may withdraw it while it waits. Accepting applies it through the goal and action services, so
their checks, the S.M.A.R.T. analysis and the plan's revision apply as to the owner's own edits.
Every step is written to the plan's audit log.

What an editor reaches follows the share, as in services/sharing.py: a plan not shared with
them, or a goal they are not shown (private, under a private goal, dropped), is NotFound, the
same answer as for one that does not exist. Once the share is revoked, their proposals are out
of their reach; the owner can still decline (or accept) them.

Proposals are read and written on plain connections, as shares and comments are (an editor's
reach across plans); accepting runs in the owner's unit of work, so the change to the plan, the
proposal's new status and the log line are saved together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, func, insert, select, update

from careerplan.domain.accounts import Identity
from careerplan.domain.bounds import could_be_an_id
from careerplan.domain.change_proposals import (
    ChangeKind,
    Proposal,
    ProposalStatus,
    against_goal,
    proposed_change,
    refuse_unless_pending,
    what_changed,
)
from careerplan.domain.entities import Goal, GoalStatus
from careerplan.domain.errors import DomainRefusal, NotAllowed, NotFound
from careerplan.services.clock import Clock
from careerplan.services.sharing import Sharing, audit_event
from careerplan.services.workspace import Workspace
from careerplan.storage import tables
from careerplan.storage.accounts import utc

if TYPE_CHECKING:
    from careerplan.services.smart import SmartSettings
    from careerplan.storage.unit_of_work import UnitOfWork

# How many decided proposals the owner's list goes back (every waiting one is listed).
DECIDED_SHOWN = 50


@dataclass(frozen=True, slots=True)
class Applied:
    """An accepted proposal, with what is worth telling the owner about the change."""

    proposal: Proposal
    notes: list[str] = field(default_factory=list)


class Proposals:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self.workspace = workspace
        self.engine = workspace.engine
        self.clock = clock
        self.sharing = Sharing(workspace, clock)

    # --- the editor's side -------------------------------------------------------------------

    def propose(
        self,
        owner_id: int,
        author: Identity,
        goal_id: int,
        kind: ChangeKind,
        text: str | None = None,
        due: date | None = None,
    ) -> Proposal:
        """Propose `kind` of change to a goal of `owner_id`'s plan: for a goal, new wording
        (`text`), a new due date, or both; for an action, its text and an optional due date."""
        if author.user_id == owner_id:
            raise DomainRefusal("This is your own plan: change the goal itself.")
        role = self.sharing.role_of(author.user_id, owner_id)
        if role is None:
            raise NotFound("plan", owner_id)
        if not role.may_propose:
            raise NotAllowed(
                f"You {role.says}, but not propose changes: only an editor of the plan can."
            )
        change = proposed_change(kind, text, due)
        goal = self._shown_goal(owner_id, goal_id)
        change = against_goal(change, goal.text, goal.due)
        if kind is ChangeKind.ADD_ACTION and goal.status is not GoalStatus.ACTIVE:
            raise DomainRefusal(
                f"Goal {goal_id} is {goal.status.value}, so no action can be added to it."
            )
        now = self.clock.now()
        proposals = tables.change_proposals
        with self.engine.begin() as connection:
            proposal_id = connection.execute(
                insert(proposals)
                .values(
                    owner_id=owner_id,
                    author_id=author.user_id,
                    goal_id=goal_id,
                    kind=kind.value,
                    text=change.text,
                    due=change.due,
                    goal_text=goal.text,
                    goal_due=goal.due,
                    status=ProposalStatus.PENDING.value,
                    created_at=now,
                )
                .returning(proposals.c.id)
            ).scalar_one()
            action = "proposed a change" if kind is ChangeKind.EDIT_GOAL else "proposed an action"
            audit_event(connection, owner_id, author, action, f"goal {goal_id}", now)
        return self._as_author(self._find(int(proposal_id)), {goal_id})

    def sent(self, author: Identity, owner_id: int | None = None) -> list[Proposal]:
        """The author's proposals, newest first: on `owner_id`'s plan, or on every plan still
        shared with them (a revoked share takes its proposals out of their reach)."""
        proposals = tables.change_proposals
        conditions = [proposals.c.author_id == author.user_id]
        if owner_id is not None:
            if not could_be_an_id(owner_id):
                return []
            conditions.append(proposals.c.owner_id == owner_id)
        found = self._select(*conditions)
        shown: dict[int, set[int | None] | None] = {}
        for owner in {p.owner_id for p in found}:
            reachable = self.sharing.role_of(author.user_id, owner) is not None
            shown[owner] = self._shown_ids(owner) if reachable else None
        return [self._as_author(p, ids) for p in found if (ids := shown[p.owner_id]) is not None]

    def withdraw(self, author: Identity, proposal_id: int, owner_id: int | None = None) -> Proposal:
        """Take back a proposal that waits for the owner's answer (on `owner_id`'s plan, when
        the address names the plan too)."""
        found = self._reachable_by_author(author, proposal_id)
        if owner_id is not None and found.owner_id != owner_id:
            raise NotFound("proposal", proposal_id)
        refuse_unless_pending(found.id, found.status)
        self._decide(found, author, ProposalStatus.WITHDRAWN, "withdrew a proposal")
        return self._as_author(self._find(found.id), self._shown_ids(found.owner_id))

    # --- the owner's side --------------------------------------------------------------------

    def for_owner(self, owner_id: int, status: ProposalStatus | None = None) -> list[Proposal]:
        """Proposals on the owner's plan, newest first: every waiting one, and the latest
        decided ones; each waiting one says whether the goal changed since."""
        proposals = tables.change_proposals
        conditions: list[ColumnElement[bool]] = [proposals.c.owner_id == owner_id]
        if status is not None:
            conditions.append(proposals.c.status == status.value)
        found = self._select(*conditions)
        waiting = [p for p in found if p.pending]
        decided = [p for p in found if not p.pending][:DECIDED_SHOWN]
        if not waiting:
            return decided
        with self.workspace.as_owner(owner_id).unit() as uow:
            goals = {goal.id: goal for goal in uow.goals.all()}
        checked = [_checked(p, goals.get(p.goal_id)) for p in waiting]
        return sorted(checked + decided, key=lambda p: (p.created_at, p.id), reverse=True)

    def waiting(self, owner_id: int, goal_id: int | None = None) -> int:
        """How many proposals wait for the owner's answer (on one goal, or on any)."""
        proposals = tables.change_proposals
        conditions = [
            proposals.c.owner_id == owner_id,
            proposals.c.status == ProposalStatus.PENDING.value,
        ]
        if goal_id is not None:
            conditions.append(proposals.c.goal_id == goal_id)
        with self.engine.connect() as connection:
            count = connection.execute(
                select(func.count()).select_from(proposals).where(*conditions)
            ).scalar_one()
        return int(count)

    def accept(
        self, owner: Identity, proposal_id: int, smart: SmartSettings | None = None
    ) -> Applied:
        """Apply the proposal to the plan. Refused, and left waiting, when the goal changed
        since it was proposed or the change does not pass the checks any edit passes."""
        found = self._owned(owner, proposal_id)
        refuse_unless_pending(found.id, found.status)
        now = self.clock.now()
        with self.workspace.as_owner(owner.user_id).unit(writes=True) as uow:
            goal = _goal_or_none(uow, found.goal_id)
            changed = what_changed(found, goal.text if goal else None, goal.due if goal else None)
            if changed or goal is None or goal.id is None:  # a gone goal is `changed` too
                raise DomainRefusal(
                    f"{changed} Nothing was changed: decline it, and ask for a new proposal on "
                    "the goal as it stands if it still applies."
                )
            notes = self._apply(uow, found, goal.id, smart)
            _take(uow.connection, found, ProposalStatus.ACCEPTED, now)
            audit_event(
                uow.connection, owner.user_id, owner, "accepted a proposal", _about(found), now
            )
        return Applied(self._find(found.id), notes)

    def decline(self, owner: Identity, proposal_id: int) -> Proposal:
        found = self._owned(owner, proposal_id)
        refuse_unless_pending(found.id, found.status)
        self._decide(found, owner, ProposalStatus.DECLINED, "declined a proposal")
        return self._find(found.id)

    # --- either side -------------------------------------------------------------------------

    def get(self, viewer: Identity, proposal_id: int) -> Proposal:
        """One proposal, to the plan's owner or to its author while the plan is shared with
        them; anyone else gets NotFound."""
        if could_be_an_id(proposal_id):
            found = self._select(tables.change_proposals.c.id == proposal_id)
            if found and found[0].owner_id == viewer.user_id:
                if not found[0].pending:
                    return found[0]
                with self.workspace.as_owner(viewer.user_id).unit() as uow:
                    return _checked(found[0], _goal_or_none(uow, found[0].goal_id))
        mine = self._reachable_by_author(viewer, proposal_id)
        return self._as_author(mine, self._shown_ids(mine.owner_id))

    # --- finding and deciding ----------------------------------------------------------------

    def _shown_goal(self, owner_id: int, goal_id: int) -> Goal:
        found = next((g for g in self.sharing.goals_shown(owner_id) if g.id == goal_id), None)
        if found is None:  # hidden or not there: the same answer
            raise NotFound("goal", goal_id)
        return found

    def _shown_ids(self, owner_id: int) -> set[int | None]:
        return {goal.id for goal in self.sharing.goals_shown(owner_id)}

    def _as_author(self, proposal: Proposal, shown: set[int | None]) -> Proposal:
        """The proposal as its author sees it: which goal it is on only while they are shown
        it, so a goal made private reads as one deleted."""
        goal_id = proposal.goal_id if proposal.goal_id in shown else None
        return replace(proposal, goal_id=goal_id, changed="")

    def _owned(self, owner: Identity, proposal_id: int) -> Proposal:
        if could_be_an_id(proposal_id):
            found = self._select(
                tables.change_proposals.c.id == proposal_id,
                tables.change_proposals.c.owner_id == owner.user_id,
            )
            if found:
                return found[0]
        raise NotFound("proposal", proposal_id)

    def _reachable_by_author(self, author: Identity, proposal_id: int) -> Proposal:
        if could_be_an_id(proposal_id):
            found = self._select(
                tables.change_proposals.c.id == proposal_id,
                tables.change_proposals.c.author_id == author.user_id,
            )
            if found and self.sharing.role_of(author.user_id, found[0].owner_id) is not None:
                return found[0]
        raise NotFound("proposal", proposal_id)

    def _decide(
        self, found: Proposal, actor: Identity, status: ProposalStatus, action: str
    ) -> None:
        now = self.clock.now()
        with self.engine.begin() as connection:
            _take(connection, found, status, now)
            audit_event(connection, found.owner_id, actor, action, _about(found), now)

    def _apply(
        self, uow: UnitOfWork, found: Proposal, goal_id: int, smart: SmartSettings | None
    ) -> list[str]:
        from careerplan.services.actions import add_action
        from careerplan.services.goals import edit_goal

        if found.kind is ChangeKind.ADD_ACTION:
            add_action(uow, self.clock, goal_id, found.text, due=found.due)
            return []
        result = edit_goal(
            uow, self.clock, goal_id, text=found.text or None, due=found.due, smart=smart
        )
        return result.warnings

    def _find(self, proposal_id: int) -> Proposal:
        [found] = self._select(tables.change_proposals.c.id == proposal_id)
        return found

    def _select(self, *conditions: ColumnElement[bool]) -> list[Proposal]:
        proposals = tables.change_proposals
        owners, authors = tables.users.alias("owners"), tables.users.alias("authors")
        query = (
            select(
                proposals,
                owners.c.username.label("owner_email"),
                authors.c.username.label("author_email"),
            )
            .join(owners, owners.c.id == proposals.c.owner_id)
            .join(authors, authors.c.id == proposals.c.author_id)
            .where(*conditions)
            .order_by(proposals.c.created_at.desc(), proposals.c.id.desc())
        )
        with self.engine.connect() as connection:
            return [_proposal(row) for row in connection.execute(query)]


def _proposal(row: Any) -> Proposal:
    return Proposal(
        id=int(row.id),
        owner_id=int(row.owner_id),
        owner=row.owner_email,
        author_id=int(row.author_id),
        author=row.author_email,
        goal_id=int(row.goal_id) if row.goal_id is not None else None,
        kind=ChangeKind(row.kind),
        text=row.text,
        due=row.due,
        status=ProposalStatus(row.status),
        goal_text=row.goal_text,
        goal_due=row.goal_due,
        created_at=utc(row.created_at),
        decided_at=utc(row.decided_at) if row.decided_at else None,
    )


def _checked(proposal: Proposal, goal: Goal | None) -> Proposal:
    changed = what_changed(proposal, goal.text if goal else None, goal.due if goal else None)
    return replace(proposal, changed=changed)


def _goal_or_none(uow: UnitOfWork, goal_id: int | None) -> Goal | None:
    if goal_id is None:
        return None
    try:
        return uow.goals.get(goal_id)
    except NotFound:  # deleted a moment ago, before its proposals were pointed nowhere
        return None


def _take(connection: Connection, found: Proposal, status: ProposalStatus, now: datetime) -> None:
    """Decide a waiting proposal; refused when someone decided it a moment ago."""
    proposals = tables.change_proposals
    taken = connection.execute(
        update(proposals)
        .where(
            proposals.c.id == found.id,
            proposals.c.status == ProposalStatus.PENDING.value,
        )
        .values(status=status.value, decided_at=now)
    )
    if not taken.rowcount:
        raise DomainRefusal(f"Proposal {found.id} was answered a moment ago: nothing was changed.")


def _about(found: Proposal) -> str:
    """The subject of a log line: which proposal, on which goal, by whom."""
    goal = f"goal {found.goal_id}" if found.goal_id is not None else "a deleted goal"
    return f"proposal {found.id} on {goal}, by {found.author}"
