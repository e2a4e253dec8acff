"""Sharing a plan, through the service: Ana shares her plan with Cole, her coach; Ben has no
share. Invitations are taken once, by the right person, in time; what Cole sees leaves out what
Ana keeps to herself; every refusal leaves the shares, comments and log as they were."""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from tests.sharing_story import (
    ANA,
    COLE,
    DAN,
    DREAM,
    DREAM_TEXT,
    ENTRY_NOTE,
    IN_THE_WAY,
    MANAGER,
    MANAGER_TEXT,
    NETWORKING,
    PASSWORD,
    PMP,
    PMP_TEXT,
    WENT_WELL,
    People,
    review_with_secrets,
    share_with_cole,
)

from careerplan.domain.accounts import Identity
from careerplan.domain.entities import GoalStatus
from careerplan.domain.errors import DomainRefusal, InvalidInput, NotFound
from careerplan.domain.rules import progress_by_goal
from careerplan.domain.sharing import MAX_COMMENT, CommentOn, Role, role_from
from careerplan.domain.status import Standing
from careerplan.services.accounts import Accounts
from careerplan.services.actions import add_action
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, set_status
from careerplan.services.reviews import EntryInput, ReviewInput, record_review, review_history
from careerplan.services.sharing import SharedPlan, Sharing
from careerplan.services.workspace import Workspace
from careerplan.storage import tables

SHARING_TABLES = (
    tables.shares,
    tables.share_links,
    tables.private_goals,
    tables.comments,
    tables.audit_events,
)


def rows(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the sharing tables, to prove a refusal changed nothing."""
    with workspace.engine.connect() as connection:
        return {
            table.name: [
                tuple(row) for row in connection.execute(select(table).order_by(table.c.id))
            ]
            for table in SHARING_TABLES
        }


def action_id(workspace: Workspace, owner_id: int, goal_id: int) -> int:
    with workspace.as_owner(owner_id).unit() as uow:
        found = [a.id for a in uow.actions.all() if a.goal_id == goal_id]
    assert found
    assert found[0] is not None
    return found[0]


def texts(plan: SharedPlan) -> str:
    """Everything of the plan a member could read, as one string to search."""
    parts = [plan.dream_job]
    parts += [goal.text for goal, _ in plan.goals]
    parts += [a.text for items in plan.actions.values() for a in items]
    parts += [c.text for thread in plan.comments.values() for c in thread]
    for review in plan.reviews:
        parts += [review.went_well, review.got_in_the_way]
        parts += [entry.note for entry in review.entries]
    return "\n".join(parts)


# --- taking an invitation -----------------------------------------------------------------


def test_cole_accepts_and_follows_anas_plan(
    story: Workspace, sharing: Sharing, people: People
) -> None:
    invitation = sharing.invite(people.ana, Role.COMMENTER, " Cole@Example.org ")
    assert invitation.expires_at == sharing.clock.now() + timedelta(days=7)
    [open_one] = sharing.shares(people.ana.user_id)
    assert (open_one.member, open_one.accepted, open_one.role) == (COLE, False, Role.COMMENTER)

    assert sharing.accept(invitation.code, people.cole) == ANA
    assert sharing.role_of(people.cole.user_id, people.ana.user_id) is Role.COMMENTER
    assert sharing.role_of(people.ben.user_id, people.ana.user_id) is None
    [share] = sharing.shares(people.ana.user_id)
    assert (share.member, share.accepted, share.expires_at) == (COLE, True, None)

    # A new plan, nothing done yet and no time gone: on track; the first review falls on the
    # preferred weekday (Sunday) after today, Wednesday 25 November.
    [client] = sharing.clients(people.cole.user_id)
    assert (client.owner_id, client.email, client.role) == (people.ana.user_id, ANA, Role.COMMENTER)
    assert client.standing is Standing.ON_TRACK
    assert client.next_review == date(2026, 11, 29)
    assert client.last_review is None
    assert not client.review_due
    assert client.needs_attention == 0
    assert sharing.clients(people.ben.user_id) == []

    plan = sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER)
    assert [goal.text for goal, _ in plan.goals] == [DREAM_TEXT, MANAGER_TEXT, PMP_TEXT]
    assert [a.text for a in plan.actions[PMP]] == [NETWORKING]
    assert plan.dream_job == DREAM_TEXT
    assert plan.may_comment
    actions = [(e.actor, e.action) for e in sharing.audit(people.ana.user_id)]
    assert actions == [
        (COLE, "viewed the plan"),
        (COLE, "accepted an invitation"),
        (ANA, "invited"),
    ]


def test_the_standing_cole_sees_follows_the_plan(
    story: Workspace, sharing: Sharing, people: People, clock: FixedClock
) -> None:
    share_with_cole(sharing, people)
    review_with_secrets(story, clock, confidence=2)
    # Goal 2 is on time by the figures but Ana doubts it (confidence 2 of 5): at risk.
    [client] = sharing.clients(people.cole.user_id)
    assert client.standing is Standing.AT_RISK
    assert client.needs_attention == 1
    assert client.last_review == date(2026, 11, 25)
    # Weekly, a week after Wednesday's review, moved to the nearest Sunday.
    assert client.next_review == date(2026, 11, 29)
    plan = sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER)
    assert plan.standing is Standing.AT_RISK
    assert plan.next_review == date(2026, 11, 29)
    standings = {goal.id: s.standing for goal, s in plan.goals if s is not None}
    assert standings[MANAGER] is Standing.AT_RISK
    assert standings[PMP] is Standing.ON_TRACK


def test_two_owners_one_coach_each_plan_shows_only_its_own(
    story: Workspace,
    sharing: Sharing,
    people: People,
    accounts: Accounts,
    clock: FixedClock,
) -> None:
    dan = Identity(accounts.add(DAN, PASSWORD), DAN)
    # Dan set his goal 100 days ago, due in 10 days, and has done nothing: behind.
    today = clock.moment
    clock.moment = today - timedelta(days=100)
    with story.as_owner(dan.user_id).unit() as uow:
        dans = add_goal(uow, clock, text="Run a 10k race", due=today.date() + timedelta(days=10))
        assert dans.goal.id is not None
        add_action(uow, clock, dans.goal.id, "Train three times a week")
    clock.moment = today
    dans_goal = dans.goal.id

    share_with_cole(sharing, people)
    invitation = sharing.invite(dan, Role.VIEWER, COLE)
    assert sharing.accept(invitation.code, people.cole) == DAN

    # Worst first: Dan is behind, Ana on track.
    clients = sharing.clients(people.cole.user_id)
    assert [(c.email, c.standing, c.role) for c in clients] == [
        (DAN, Standing.BEHIND, Role.VIEWER),
        (ANA, Standing.ON_TRACK, Role.COMMENTER),
    ]
    anas = texts(sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER))
    dans_plan = sharing.shared_plan(dan.user_id, people.cole, Role.VIEWER)
    assert PMP_TEXT in anas
    assert NETWORKING in anas
    assert "Run a 10k race" not in anas
    assert "Train three times" not in anas
    assert [goal.text for goal, _ in dans_plan.goals] == ["Run a 10k race"]
    assert PMP_TEXT not in texts(dans_plan)
    assert not dans_plan.may_comment
    # Dan's goal, named on Ana's plan, is no goal of hers; nor is Ana's goal one of Dan's.
    with pytest.raises(NotFound):
        sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, dans_goal, "Hello")
    with pytest.raises(NotFound):
        sharing.comment(dan.user_id, dan, CommentOn.GOAL, PMP, "Hello")
    # Each log has only its own plan's events.
    assert {e.actor for e in sharing.audit(dan.user_id)} == {DAN, COLE}
    assert all(e.action != "commented" for e in sharing.audit(people.ana.user_id))


# --- invitations refused ------------------------------------------------------------------


def test_a_guessed_invitation_code_is_refused(
    story: Workspace, sharing: Sharing, people: People
) -> None:
    real = sharing.invite(people.ana, Role.COMMENTER, COLE)
    before = rows(story)
    for guess in [secrets.token_urlsafe(24), "", " ", real.code[:-1], real.code.upper()]:
        with pytest.raises(DomainRefusal, match="not valid"):
            sharing.accept(guess, people.ben)
    assert rows(story) == before
    assert sharing.role_of(people.ben.user_id, people.ana.user_id) is None


def test_an_invitation_works_once(story: Workspace, sharing: Sharing, people: People) -> None:
    invitation = sharing.invite(people.ana, Role.COMMENTER)  # no address: anyone may take it
    sharing.accept(invitation.code, people.cole)
    before = rows(story)
    for taker in [people.cole, people.ben]:
        with pytest.raises(DomainRefusal, match="used already"):
            sharing.accept(invitation.code, taker)
    assert rows(story) == before
    assert sharing.role_of(people.ben.user_id, people.ana.user_id) is None


def test_an_expired_invitation_is_refused(
    story: Workspace, sharing: Sharing, people: People, clock: FixedClock
) -> None:
    invitation = sharing.invite(people.ana, Role.COMMENTER, COLE)
    short = sharing.invite(people.ana, Role.VIEWER, COLE, days="1")
    clock.moment += timedelta(days=8)
    # Nobody took them in time: they are no longer listed as open.
    assert sharing.shares(people.ana.user_id) == []
    before = rows(story)
    for code in [invitation.code, short.code]:
        with pytest.raises(DomainRefusal, match="expired"):
            sharing.accept(code, people.cole)
    assert rows(story) == before
    assert sharing.clients(people.cole.user_id) == []


def test_an_invitation_for_cole_is_refused_to_ben_and_still_works_for_cole(
    story: Workspace, sharing: Sharing, people: People
) -> None:
    invitation = sharing.invite(people.ana, Role.COMMENTER, COLE)
    before = rows(story)
    with pytest.raises(DomainRefusal, match="for another address") as refused:
        sharing.accept(invitation.code, people.ben)
    assert not isinstance(refused.value, NotFound)
    assert rows(story) == before
    assert sharing.role_of(people.ben.user_id, people.ana.user_id) is None
    sharing.accept(invitation.code, people.cole)
    assert sharing.role_of(people.cole.user_id, people.ana.user_id) is Role.COMMENTER


def test_ana_cannot_take_her_own_invitation(
    story: Workspace, sharing: Sharing, people: People
) -> None:
    invitation = sharing.invite(people.ana, Role.EDITOR)
    before = rows(story)
    with pytest.raises(DomainRefusal, match="your own plan"):
        sharing.accept(invitation.code, people.ana)
    assert rows(story) == before
    with pytest.raises(InvalidInput, match="your own address"):
        sharing.invite(people.ana, Role.VIEWER, "ANA@example.org")
    assert rows(story) == before


def test_an_invitation_out_of_bounds_is_refused(
    story: Workspace, sharing: Sharing, people: People
) -> None:
    before = rows(story)
    for role in ["owner", "", "admin; drop table shares"]:
        with pytest.raises(InvalidInput, match="not a role"):
            role_from(role)
    for days, message in [
        ("0", "1 to 90 days, not 0"),
        ("91", "1 to 90 days, not 91"),
        ("-3", "1 to 90 days, not -3"),
        ("a week", "whole number of days"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            sharing.invite(people.ana, Role.COMMENTER, COLE, days)
    for address in ["cole", "cole@", "c" * 95 + "@example.org"]:
        with pytest.raises(InvalidInput):
            sharing.invite(people.ana, Role.COMMENTER, address)
    assert rows(story) == before


def test_a_second_invitation_replaces_the_first_share(sharing: Sharing, people: People) -> None:
    share_with_cole(sharing, people, Role.VIEWER)
    again = sharing.invite(people.ana, Role.COMMENTER, COLE)
    sharing.accept(again.code, people.cole)
    assert sharing.role_of(people.cole.user_id, people.ana.user_id) is Role.COMMENTER
    assert [(s.member, s.role) for s in sharing.shares(people.ana.user_id)] == [
        (COLE, Role.COMMENTER)
    ]
    assert len(sharing.clients(people.cole.user_id)) == 1


# --- what Cole never sees -----------------------------------------------------------------


def test_a_private_sub_goal_s_progress_does_not_show_through_its_parent(
    story: Workspace, sharing: Sharing, people: People, clock: FixedClock
) -> None:
    share_with_cole(sharing, people)
    # The PMP, the two-year goal's only step, is done: the two-year goal is complete to Ana.
    with story.unit(writes=True) as uow:
        set_status(uow, clock, PMP, GoalStatus.DONE)
    own = sharing.shared_plan(people.ana.user_id, people.ana, None)
    assert dict((g.id, s.progress) for g, s in own.goals if s)[MANAGER] == 1.0

    sharing.set_private(people.ana.user_id, PMP, True)
    plan = sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER)
    progress = {goal.id: standing.progress for goal, standing in plan.goals if standing}
    assert PMP not in progress
    assert progress[MANAGER] == 0.0
    with story.unit() as uow:  # her own plan still counts it
        assert progress_by_goal(uow.goals.all(), {})[MANAGER] == 1.0


def test_a_private_goal_hides_everything_under_it(
    story: Workspace, sharing: Sharing, people: People, clock: FixedClock
) -> None:
    share_with_cole(sharing, people)
    networking = action_id(story, people.ana.user_id, PMP)
    sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, PMP, "PMP-COMMENT-1")
    sharing.comment(people.ana.user_id, people.cole, CommentOn.ACTION, networking, "ACT-COMMENT")
    sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, DREAM, "DREAM-COMMENT")
    # Goal 3 needs attention (Ana doubts it), so Cole's count would show it if it leaked.
    with story.unit() as uow:
        record_review(uow, clock, ReviewInput(entries=[EntryInput(PMP, confidence=1)]))
    assert sharing.clients(people.cole.user_id)[0].needs_attention == 1

    sharing.set_private(people.ana.user_id, MANAGER, True)
    assert len(sharing.private_uids(people.ana.user_id)) == 1
    plan = sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER)
    seen = texts(plan)
    for hidden in [MANAGER_TEXT, PMP_TEXT, NETWORKING, "PMP-COMMENT-1", "ACT-COMMENT"]:
        assert hidden not in seen
    assert "DREAM-COMMENT" in seen
    assert [goal.id for goal, _ in plan.goals] == [DREAM]
    assert plan.actions == {}
    assert all(entry.goal_id not in {MANAGER, PMP} for r in plan.reviews for entry in r.entries)
    # Nor does the count of goals needing attention, or the plan's standing, give them away:
    # with its only step private, the plan has nothing with a date left to judge.
    [client] = sharing.clients(people.cole.user_id)
    assert client.needs_attention == 0
    assert client.standing is Standing.NO_DEADLINE
    assert plan.standing is Standing.NO_DEADLINE
    _, code = sharing.make_link(people.ana)
    owner = sharing.link_owner(code)
    assert owner == people.ana.user_id
    by_link = sharing.shared_plan(owner, None, Role.VIEWER, link=True)
    assert texts(by_link) == seen

    before = rows(story)
    for kind, subject in [
        (CommentOn.GOAL, MANAGER),
        (CommentOn.GOAL, PMP),
        (CommentOn.ACTION, networking),
    ]:
        with pytest.raises(NotFound):
            sharing.comment(people.ana.user_id, people.cole, kind, subject, "peek")
    assert rows(story) == before

    # Ana still sees all of it in her plan, and can share it again.
    with story.unit() as uow:
        assert {g.text for g in uow.goals.all()} >= {MANAGER_TEXT, PMP_TEXT}
    own = sharing.shared_plan(people.ana.user_id, people.ana, None)
    assert own.hidden_goals == 2
    # Only she can mark her goals, and only goals that exist.
    before = rows(story)
    with pytest.raises(NotFound):
        sharing.set_private(people.ben.user_id, PMP, True)
    with pytest.raises(NotFound):
        sharing.set_private(people.ana.user_id, 999, True)
    assert rows(story) == before
    sharing.set_private(people.ana.user_id, MANAGER, False)
    again = texts(sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER))
    assert PMP_TEXT in again
    assert "ACT-COMMENT" in again


def test_review_notes_and_reflections_stay_with_ana(
    story: Workspace, sharing: Sharing, people: People, clock: FixedClock
) -> None:
    share_with_cole(sharing, people)
    review_id = review_with_secrets(story, clock)
    plan = sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER)
    [review] = plan.reviews
    assert review.id == review_id
    assert [(e.goal_id, e.progress) for e in review.entries] == [(MANAGER, None), (PMP, 10)]
    seen = texts(plan)
    for secret in [WENT_WELL, IN_THE_WAY, ENTRY_NOTE]:
        assert secret not in seen
    # Her own history keeps every word.
    with story.unit() as uow:
        [own] = review_history(uow)
    assert (own.went_well, own.got_in_the_way) == (WENT_WELL, IN_THE_WAY)
    assert {e.note for e in own.entries} == {ENTRY_NOTE}
    # Cole may comment on the review itself.
    sharing.comment(people.ana.user_id, people.cole, CommentOn.REVIEW, review_id, "Good week")
    own_view = sharing.shared_plan(people.ana.user_id, people.ana, None)
    assert [c.text for c in own_view.comments[("review", review_id)]] == ["Good week"]


def test_a_dropped_goal_is_not_shown(
    story: Workspace, sharing: Sharing, people: People, clock: FixedClock
) -> None:
    share_with_cole(sharing, people)
    with story.unit() as uow:
        set_status(uow, clock, PMP, GoalStatus.DROPPED)
    plan = sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER)
    assert PMP_TEXT not in texts(plan)
    assert NETWORKING not in texts(plan)
    with pytest.raises(NotFound):
        sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, PMP, "Why?")


# --- revoking -----------------------------------------------------------------------------


def test_revoking_ends_the_share_at_once(
    story: Workspace, sharing: Sharing, people: People
) -> None:
    share_with_cole(sharing, people)
    [share] = sharing.shares(people.ana.user_id)
    # Only Ana can revoke it, and only once.
    before = rows(story)
    with pytest.raises(NotFound):
        sharing.revoke(people.ben, share.id)
    with pytest.raises(NotFound):
        sharing.revoke(people.cole, share.id)
    assert rows(story) == before

    sharing.revoke(people.ana, share.id)
    assert sharing.role_of(people.cole.user_id, people.ana.user_id) is None
    assert sharing.clients(people.cole.user_id) == []
    assert sharing.shares(people.ana.user_id) == []
    with pytest.raises(NotFound):
        sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, PMP, "Still here?")
    with pytest.raises(NotFound):
        sharing.revoke(people.ana, share.id)


def test_a_withdrawn_invitation_cannot_be_taken(
    story: Workspace, sharing: Sharing, people: People
) -> None:
    invitation = sharing.invite(people.ana, Role.COMMENTER, COLE)
    sharing.revoke(people.ana, invitation.id)
    before = rows(story)
    with pytest.raises(DomainRefusal, match="not valid"):
        sharing.accept(invitation.code, people.cole)
    assert rows(story) == before
    assert sharing.role_of(people.cole.user_id, people.ana.user_id) is None


def test_a_disabled_owners_plan_is_shared_with_nobody_until_enabled(
    sharing: Sharing, people: People, accounts: Accounts
) -> None:
    share_with_cole(sharing, people)
    _, code = sharing.make_link(people.ana)
    accounts.disable(ANA)
    assert sharing.role_of(people.cole.user_id, people.ana.user_id) is None
    assert sharing.clients(people.cole.user_id) == []
    assert sharing.link_owner(code) is None
    with pytest.raises(NotFound):
        sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, PMP, "Hello?")
    accounts.enable(ANA)
    assert sharing.role_of(people.cole.user_id, people.ana.user_id) is Role.COMMENTER
    assert sharing.link_owner(code) == people.ana.user_id


def test_an_id_no_row_could_have_is_simply_not_found(
    story: Workspace, sharing: Sharing, people: People
) -> None:
    share_with_cole(sharing, people)
    before = rows(story)
    for ident in [0, -1, 2**31, 10**30]:
        assert sharing.role_of(people.cole.user_id, ident) is None
        with pytest.raises(NotFound):
            sharing.revoke(people.ana, ident)
        with pytest.raises(NotFound):
            sharing.revoke_link(people.ana, ident)
        with pytest.raises(NotFound):
            sharing.set_private(people.ana.user_id, ident, True)
        with pytest.raises(NotFound):
            sharing.comment(ident, people.cole, CommentOn.GOAL, PMP, "Hello")
        with pytest.raises(NotFound):
            sharing.comment(people.ana.user_id, people.cole, CommentOn.ACTION, ident, "Hello")
    assert rows(story) == before


# --- read-only links ----------------------------------------------------------------------


def test_a_link_works_until_revoked(sharing: Sharing, people: People) -> None:
    link_id, code = sharing.make_link(people.ana)
    assert sharing.link_owner(code) == people.ana.user_id
    plan = sharing.shared_plan(people.ana.user_id, None, Role.VIEWER, link=True)
    assert PMP_TEXT in texts(plan)
    assert not plan.may_comment
    assert sharing.audit(people.ana.user_id)[0].actor == "someone with the read-only link"
    # Anyone may hold a link: it names Ana as her plan does, not by her sign-in address.
    assert plan.owner == "Ana"
    assert sharing.shared_plan(people.ana.user_id, None, None).owner == ANA
    # Cole's plan gives no name yet: his link names nobody.
    sharing.make_link(people.cole)
    assert sharing.shared_plan(people.cole.user_id, None, Role.VIEWER, link=True).owner == "Someone"
    for guess in [secrets.token_urlsafe(24), "", code[:-1], code + "x"]:
        assert sharing.link_owner(guess) is None
    # Ben cannot revoke Ana's link.
    with pytest.raises(NotFound):
        sharing.revoke_link(people.ben, link_id)
    assert sharing.link_owner(code) == people.ana.user_id
    sharing.revoke_link(people.ana, link_id)
    assert sharing.link_owner(code) is None
    [link] = sharing.links(people.ana.user_id)
    assert link.revoked
    with pytest.raises(NotFound):
        sharing.revoke_link(people.ana, link_id)


def test_a_link_with_an_end_stops_then(sharing: Sharing, people: People, clock: FixedClock) -> None:
    _, code = sharing.make_link(people.ana, days="3")
    clock.moment += timedelta(days=3) - timedelta(seconds=1)
    assert sharing.link_owner(code) == people.ana.user_id
    clock.moment += timedelta(seconds=1)
    assert sharing.link_owner(code) is None
    [link] = sharing.links(people.ana.user_id)
    assert link.revoked  # listed as no longer working
    for days in ["0", "366", "soon"]:
        with pytest.raises(InvalidInput):
            sharing.make_link(people.ana, days=days)


# --- comments -----------------------------------------------------------------------------


def test_a_comment_empty_or_too_long_is_refused(
    story: Workspace, sharing: Sharing, people: People
) -> None:
    share_with_cole(sharing, people)
    before = rows(story)
    for text, message in [
        ("", "Write something"),
        ("   \n\t ", "Write something"),
        ("x" * (MAX_COMMENT + 1), "The comment has 2,001 characters; keep it to 2,000."),
    ]:
        for author in [people.cole, people.ana]:
            with pytest.raises(InvalidInput, match=message):
                sharing.comment(people.ana.user_id, author, CommentOn.GOAL, PMP, text)
    assert rows(story) == before


def test_a_comment_is_kept_as_written_and_reaches_ana(
    story: Workspace, sharing: Sharing, people: People, clock: FixedClock
) -> None:
    share_with_cole(sharing, people)
    words = "Très bien, Ана — 目標 ✓ 🎯 <b>bold?</b>"
    longest = "y" * MAX_COMMENT
    sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, PMP, f"  {words}\n")
    sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, PMP, longest)
    clock.moment += timedelta(minutes=5)
    sharing.comment(people.ana.user_id, people.ana, CommentOn.GOAL, PMP, "Thank you!")

    thread = sharing.shared_plan(people.ana.user_id, people.ana, None).comments[("goal", PMP)]
    assert [(c.author, c.text, c.by_owner) for c in thread] == [
        (COLE, words, False),
        (COLE, longest, False),
        (ANA, "Thank you!", True),
    ]
    seen_by_cole = sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER)
    assert [c.text for c in seen_by_cole.comments[("goal", PMP)]] == [
        words,
        longest,
        "Thank you!",
    ]
    # The owner's digest hears of Cole's comments, not her own answer.
    assert [c.text for c in sharing.comments_since(people.ana.user_id, clock.now())] == []
    since = clock.now() - timedelta(minutes=5)
    assert [c.text for c in sharing.comments_since(people.ana.user_id, since)] == [words, longest]


def test_who_may_not_comment_is_refused(story: Workspace, sharing: Sharing, people: People) -> None:
    share_with_cole(sharing, people, Role.VIEWER)
    before = rows(story)
    with pytest.raises(DomainRefusal, match="not comment") as refused:
        sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, PMP, "Hello")
    assert not isinstance(refused.value, NotFound)
    with pytest.raises(NotFound):
        sharing.comment(people.ana.user_id, people.ben, CommentOn.GOAL, PMP, "Hello")
    for kind, subject in [(CommentOn.GOAL, 999), (CommentOn.ACTION, 999), (CommentOn.REVIEW, 1)]:
        with pytest.raises(NotFound):
            sharing.comment(people.ana.user_id, people.ana, kind, subject, "Hello")
    assert rows(story) == before


def test_the_log_names_who_viewed_and_commented_and_when(
    sharing: Sharing, people: People, clock: FixedClock
) -> None:
    share_with_cole(sharing, people)
    clock.moment += timedelta(hours=1)
    sharing.shared_plan(people.ana.user_id, people.cole, Role.COMMENTER)
    clock.moment += timedelta(minutes=2)
    sharing.comment(people.ana.user_id, people.cole, CommentOn.GOAL, PMP, "Nice")
    # Ana looking at her own plan, and answering, is not logged as someone else's doing.
    sharing.shared_plan(people.ana.user_id, people.ana, None)
    sharing.comment(people.ana.user_id, people.ana, CommentOn.GOAL, PMP, "Thanks")
    events = sharing.audit(people.ana.user_id)
    start = sharing.clock.now() - timedelta(hours=1, minutes=2)
    assert [(e.actor, e.action, e.subject, e.at) for e in events[:2]] == [
        (COLE, "commented", f"goal {PMP}", start + timedelta(hours=1, minutes=2)),
        (COLE, "viewed the plan", "", start + timedelta(hours=1)),
    ]
    assert sharing.audit(people.cole.user_id) == []
