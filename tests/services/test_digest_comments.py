"""On a server with accounts, the digest tells the owner what the people they share the plan
with said in the past week, on which goal, action or review; `careerplan digest --user` builds
that person's digest (tests/cli/test_digest_for_a_person.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from careerplan.domain.accounts import Identity
from careerplan.domain.change_proposals import ChangeKind
from careerplan.domain.sharing import CommentOn, Role
from careerplan.services.accounts import Accounts
from careerplan.services.change_proposals import Proposals
from careerplan.services.clock import FixedClock
from careerplan.services.digest import as_text, build_digest
from careerplan.services.goals import add_goal
from careerplan.services.sharing import Sharing
from careerplan.services.workspace import Workspace

GOAL = "Lead a cross-functional launch of 5 people by 2027-06-30"
QUICK = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture
def shared(workspace: Workspace, clock: FixedClock) -> tuple[Identity, Identity, int]:
    accounts = Accounts(workspace.engine, clock, QUICK)
    ana = Identity(accounts.add("ana@example.org", "a long enough password"), "ana@example.org")
    cole = Identity(accounts.add("cole@example.org", "a long enough password"), "cole@example.org")
    with workspace.as_owner(ana.user_id).unit(writes=True) as uow:
        goal_id = add_goal(uow, clock, text=GOAL).goal.id
    assert goal_id is not None
    sharing = Sharing(workspace, clock)
    sharing.accept(sharing.invite(ana, Role.COMMENTER).code, cole)
    return ana, cole, goal_id


def test_the_digest_lists_comments_from_the_past_week_on_what_they_are_about(
    workspace: Workspace, clock: FixedClock, shared: tuple[Identity, Identity, int]
) -> None:
    ana, cole, goal_id = shared
    sharing = Sharing(workspace, clock)
    sharing.comment(ana.user_id, cole, CommentOn.GOAL, goal_id, "An old word")
    clock.moment += timedelta(days=8)
    sharing.comment(ana.user_id, cole, CommentOn.GOAL, goal_id, "Who could introduce you?")
    sharing.comment(ana.user_id, ana, CommentOn.GOAL, goal_id, "My own reply")
    since = clock.now() - timedelta(days=7)
    comments = sharing.comments_since(ana.user_id, since)
    with workspace.as_owner(ana.user_id).unit() as uow:
        text = as_text(build_digest(uow, clock, comments))
    assert "New comments from the people you share your plan with" in text
    assert f"cole@example.org on “{GOAL}”" in text
    assert "Who could introduce you?" in text
    assert "An old word" not in text  # older than a week
    assert "My own reply" not in text  # the owner's own words are no news to them


def test_a_digest_without_comments_has_no_comment_section(
    workspace: Workspace, clock: FixedClock, shared: tuple[Identity, Identity, int]
) -> None:
    ana, _, _ = shared
    with workspace.as_owner(ana.user_id).unit() as uow:
        text = as_text(build_digest(uow, clock))
    assert "New comments" not in text


def test_the_digest_says_how_many_proposed_changes_wait_for_an_answer(
    workspace: Workspace, clock: FixedClock, shared: tuple[Identity, Identity, int]
) -> None:
    ana, cole, goal_id = shared
    sharing = Sharing(workspace, clock)
    sharing.revoke(ana, sharing.shares(ana.user_id)[0].id)
    sharing.accept(sharing.invite(ana, Role.EDITOR).code, cole)
    proposals = Proposals(workspace, clock)
    for wording in ["Lead a launch of 6 people by 2027-06-30", "Lead a launch of 7 by 2027-06-30"]:
        proposals.propose(ana.user_id, cole, goal_id, ChangeKind.EDIT_GOAL, text=wording)
    with workspace.as_owner(ana.user_id).unit() as uow:
        text = as_text(build_digest(uow, clock, proposals_waiting=proposals.waiting(ana.user_id)))
    assert "Changes proposed to your plan" in text
    assert "2 changes proposed by the people you share your plan with wait for your answer" in text
    with workspace.as_owner(ana.user_id).unit() as uow:
        assert "Changes proposed" not in as_text(build_digest(uow, clock))
