"""Changes an editor proposes to a plan shared with them, for its owner to accept or decline: new
wording or a new due date for a goal, or a new action under it. (The first plan careerplan
proposes from the dream job is another thing: domain/proposal.py.)

A proposal keeps the goal's wording and due date as the editor saw them, so the owner sees what
would change, and so a proposal made on words that have changed since is not applied to them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from careerplan.domain.bounds import check_day, check_text
from careerplan.domain.errors import DomainRefusal, InvalidInput
from careerplan.domain.rules import clean_text


class ChangeKind(enum.StrEnum):
    EDIT_GOAL = "edit_goal"  # new wording, a new due date, or both
    ADD_ACTION = "add_action"  # a new action under the goal

    @property
    def says(self) -> str:
        return {
            ChangeKind.EDIT_GOAL: "a change to the goal",
            ChangeKind.ADD_ACTION: "a new action",
        }[self]


class ProposalStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class ProposedChange:
    """What an editor asks for, checked: for a goal, `text` is its new wording ("": the
    wording stays); for an action, its text."""

    kind: ChangeKind
    text: str
    due: date | None


@dataclass(frozen=True, slots=True)
class Proposal:
    id: int
    owner_id: int
    owner: str  # the plan owner's e-mail address
    author_id: int
    author: str  # the editor's e-mail address
    # None when the goal is gone, or (to its author) no longer shown to them.
    goal_id: int | None
    kind: ChangeKind
    text: str
    due: date | None
    status: ProposalStatus
    goal_text: str  # the goal's wording when the proposal was made
    goal_due: date | None  # and its due date
    created_at: datetime
    decided_at: datetime | None
    # To the owner: why it can no longer be accepted as it stands ("" while it can).
    changed: str = ""

    @property
    def pending(self) -> bool:
        return self.status is ProposalStatus.PENDING


def kind_from(text: str) -> ChangeKind:
    try:
        return ChangeKind(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"'{text.strip()[:30]}' is not something to propose: choose edit_goal (new wording "
            "or a new due date for the goal) or add_action (a new action under it).",
            field="kind",
        ) from None


def proposed_change(kind: ChangeKind, text: str | None, due: date | None) -> ProposedChange:
    """The proposal checked as the goal and action services check what they save, so one that
    passes here is refused on acceptance only if the plan changed in between."""
    if due is not None:
        check_day(due, "The due date", "due")
    if kind is ChangeKind.ADD_ACTION:
        words = clean_text(text or "", "action text", field="text")
        return ProposedChange(kind, words, due)
    wording = check_text(text or "", "The new wording", "text").strip()
    if wording:
        wording = clean_text(wording, "new wording", field="text")
    elif due is None:
        raise InvalidInput(
            "Propose new wording for the goal, a new due date, or both.", field="text"
        )
    return ProposedChange(kind, wording, due)


def against_goal(change: ProposedChange, goal_text: str, goal_due: date | None) -> ProposedChange:
    """The change to a goal without what it would leave as it is (a form may send the goal's
    own wording or date back); refused when nothing is left to change."""
    if change.kind is not ChangeKind.EDIT_GOAL:
        return change
    wording = "" if change.text == goal_text else change.text
    due = None if change.due == goal_due else change.due
    if not wording and due is None:
        raise InvalidInput(
            "The goal says that already: propose other wording or another due date.",
            field="text",
        )
    return ProposedChange(change.kind, wording, due)


def what_changed(proposal: Proposal, goal_text: str | None, goal_due: date | None) -> str:
    """Why the proposal can no longer be accepted as it stands ("": it can). `goal_text` None:
    the goal is no longer in the plan.

    A changed goal leaves the proposal waiting rather than marking it stale: whether it still
    applies is the owner's call (decline it, or ask for it again on the new wording), and the
    editor sees it waiting rather than a verdict nobody gave."""
    if goal_text is None:
        return "The goal was deleted after this was proposed."
    if goal_text != proposal.goal_text:
        return "The goal was reworded after this was proposed, so it would not apply as meant."
    edits_the_day = proposal.kind is ChangeKind.EDIT_GOAL and proposal.due is not None
    if edits_the_day and goal_due != proposal.goal_due:
        return "The goal's due date changed after this was proposed."
    return ""


def refuse_unless_pending(proposal_id: int, status: ProposalStatus) -> None:
    if status is not ProposalStatus.PENDING:
        raise DomainRefusal(f"Proposal {proposal_id} was {status.value} already.")
