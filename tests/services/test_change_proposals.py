"""Proposals, through the service: Ana shares her plan with Cole, her coach, as an editor; Cole
proposes new wording, a due date or an action, and Ana accepts or declines; Ben has no share.
An accepted proposal changes the plan through the goal and action services; everything else
that is refused leaves the plan, the proposals and the log as they were."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from tests.sharing_story import (
    ANA,
    COLE,
    DREAM,
    MANAGER,
    NETWORKING,
    NEW_WORDING,
    PASSWORD,
    PMP,
    PMP_TEXT,
    People,
    share_with_cole,
)

from careerplan.domain.accounts import Identity
from careerplan.domain.change_proposals import ChangeKind, ProposalStatus, kind_from
from careerplan.domain.entities import GoalStatus
from careerplan.domain.errors import DomainRefusal, InvalidInput, NotAllowed, NotFound
from careerplan.domain.sharing import Role
from careerplan.services.accounts import Accounts
from careerplan.services.actions import add_action
from careerplan.services.change_proposals import Proposals
from careerplan.services.clock import FixedClock
from careerplan.services.deletion import delete_goal
from careerplan.services.goals import add_goal, edit_goal, set_status
from careerplan.services.sharing import Sharing
from careerplan.services.workspace import Workspace
from careerplan.storage import tables

# Ana's plan as the story builds it.
PMP_DUE = date(2027, 11, 25)
EDIT, ACTION = ChangeKind.EDIT_GOAL, ChangeKind.ADD_ACTION
WATCHED = (tables.change_proposals, tables.audit_events, tables.goals, tables.actions, tables.users)


@pytest.fixture
def proposals(story: Workspace, clock: FixedClock) -> Proposals:
    return Proposals(story, clock)


@pytest.fixture
def editor(sharing: Sharing, people: People) -> People:
    """Ana's plan shared with Cole as an editor."""
    share_with_cole(sharing, people, Role.EDITOR)
    return people


def rows(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """The proposals, the log, and the plan's goals, actions and revision: a refusal changes
    none of them."""
    with workspace.engine.connect() as connection:
        return {
            table.name: [
                tuple(row) for row in connection.execute(select(table).order_by(table.c.id))
            ]
            for table in WATCHED
        }


def goal(workspace: Workspace, people: People, goal_id: int) -> tuple[str, date | None]:
    with workspace.as_owner(people.ana.user_id).unit() as uow:
        found = uow.goals.get(goal_id)
    return found.text, found.due


def revision(workspace: Workspace, people: People) -> int:
    with workspace.as_owner(people.ana.user_id).unit() as uow:
        return uow.revision()


def log(sharing: Sharing, people: People) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.subject) for e in sharing.audit(people.ana.user_id)]


# --- the whole way through ------------------------------------------------------------------


def test_cole_proposes_new_wording_and_a_date_and_ana_accepts(
    story: Workspace, sharing: Sharing, proposals: Proposals, editor: People, clock: FixedClock
) -> None:
    ana, cole = editor.ana, editor.cole
    made = proposals.propose(ana.user_id, cole, PMP, EDIT, f"  {NEW_WORDING} ", date(2027, 6, 30))
    assert (made.kind, made.status, made.text, made.due) == (
        EDIT,
        ProposalStatus.PENDING,
        NEW_WORDING,
        date(2027, 6, 30),
    )
    # What the goal said when Cole proposed it, for Ana to compare.
    assert (made.goal_id, made.goal_text, made.goal_due) == (PMP, PMP_TEXT, PMP_DUE)
    assert (made.owner, made.author, made.created_at, made.decided_at) == (
        ANA,
        COLE,
        clock.now(),
        None,
    )
    assert log(sharing, editor)[0] == (COLE, "proposed a change", f"goal {PMP}")
    # Nothing in the plan changes until Ana says so.
    assert goal(story, editor, PMP) == (PMP_TEXT, PMP_DUE)
    [waiting] = proposals.for_owner(ana.user_id)
    assert (waiting.id, waiting.changed) == (made.id, "")
    assert proposals.waiting(ana.user_id) == proposals.waiting(ana.user_id, PMP) == 1
    assert proposals.waiting(ana.user_id, MANAGER) == 0

    before = revision(story, editor)
    clock.moment += timedelta(hours=2)
    applied = proposals.accept(ana, made.id)
    assert (applied.proposal.status, applied.proposal.decided_at) == (
        ProposalStatus.ACCEPTED,
        clock.now(),
    )
    assert goal(story, editor, PMP) == (NEW_WORDING, date(2027, 6, 30))
    assert revision(story, editor) == before + 1
    with story.as_owner(ana.user_id).unit() as uow:
        report = uow.goals.get(PMP).smart_report
    assert report is not None  # checked again, as any edit is
    assert log(sharing, editor)[0] == (
        ANA,
        "accepted a proposal",
        f"proposal {made.id} on goal {PMP}, by {COLE}",
    )
    # Cole sees it answered; Ana has none waiting.
    [seen] = proposals.sent(cole, ana.user_id)
    assert (seen.id, seen.status, seen.goal_id) == (made.id, ProposalStatus.ACCEPTED, PMP)
    assert proposals.waiting(ana.user_id) == 0
    assert proposals.for_owner(ana.user_id, ProposalStatus.PENDING) == []


def test_cole_proposes_an_action_and_ana_accepts(
    story: Workspace, sharing: Sharing, proposals: Proposals, editor: People
) -> None:
    ana, cole = editor.ana, editor.cole
    made = proposals.propose(ana.user_id, cole, PMP, ACTION, "Book the PMP exam", date(2027, 3, 1))
    assert (made.text, made.due, made.goal_text) == (
        "Book the PMP exam",
        date(2027, 3, 1),
        PMP_TEXT,
    )
    assert log(sharing, editor)[0] == (COLE, "proposed an action", f"goal {PMP}")
    before = revision(story, editor)
    proposals.accept(ana, made.id)
    with story.as_owner(ana.user_id).unit() as uow:
        added = [(a.text, a.due) for a in uow.actions.all(PMP)]
    assert added == [(NETWORKING, None), ("Book the PMP exam", date(2027, 3, 1))]
    assert revision(story, editor) == before + 1
    # The wording only, or the date only, is a change too.
    wording = proposals.propose(ana.user_id, cole, PMP, EDIT, NEW_WORDING)
    proposals.accept(ana, wording.id)
    assert goal(story, editor, PMP)[0] == NEW_WORDING
    day = proposals.propose(ana.user_id, cole, PMP, EDIT, "", date(2027, 5, 31))
    assert day.text == ""
    proposals.accept(ana, day.id)
    assert goal(story, editor, PMP) == (NEW_WORDING, date(2027, 5, 31))


def test_ana_declines_and_the_plan_stays_as_it_was(
    story: Workspace, sharing: Sharing, proposals: Proposals, editor: People, clock: FixedClock
) -> None:
    ana, cole = editor.ana, editor.cole
    made = proposals.propose(ana.user_id, cole, MANAGER, ACTION, "Ask for a team lead role")
    before = revision(story, editor)
    clock.moment += timedelta(minutes=30)
    declined = proposals.decline(ana, made.id)
    assert (declined.status, declined.decided_at) == (ProposalStatus.DECLINED, clock.now())
    assert revision(story, editor) == before
    with story.as_owner(ana.user_id).unit() as uow:
        assert [a.text for a in uow.actions.all(MANAGER)] == []
    assert log(sharing, editor)[0] == (
        ANA,
        "declined a proposal",
        f"proposal {made.id} on goal {MANAGER}, by {COLE}",
    )
    assert [p.status for p in proposals.sent(cole)] == [ProposalStatus.DECLINED]
    # Answered once is answered: nothing more can be done with it.
    unchanged = rows(story)
    for answer in (
        lambda: proposals.accept(ana, made.id),
        lambda: proposals.decline(ana, made.id),
        lambda: proposals.withdraw(cole, made.id),
    ):
        with pytest.raises(DomainRefusal, match=f"Proposal {made.id} was declined already."):
            answer()
    assert rows(story) == unchanged


def test_cole_withdraws_a_proposal_that_waits(
    story: Workspace, sharing: Sharing, proposals: Proposals, editor: People
) -> None:
    ana, cole, ben = editor.ana, editor.cole, editor.ben
    made = proposals.propose(ana.user_id, cole, PMP, ACTION, "Join a study group")
    unchanged = rows(story)
    # Only its author can withdraw it; to anyone else it is not there.
    for someone in (ana, ben):
        with pytest.raises(NotFound, match=f"No proposal with id {made.id}."):
            proposals.withdraw(someone, made.id)
    assert rows(story) == unchanged
    withdrawn = proposals.withdraw(cole, made.id)
    assert withdrawn.status is ProposalStatus.WITHDRAWN
    assert log(sharing, editor)[0] == (
        COLE,
        "withdrew a proposal",
        f"proposal {made.id} on goal {PMP}, by {COLE}",
    )
    with pytest.raises(DomainRefusal, match="was withdrawn already"):
        proposals.accept(ana, made.id)
    [listed] = proposals.for_owner(ana.user_id)
    assert listed.status is ProposalStatus.WITHDRAWN


# --- who may propose, and on what -----------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "message"),
    [
        (Role.VIEWER, "You can see the plan, but not propose changes"),
        (Role.COMMENTER, "You can see the plan and comment, but not propose changes"),
    ],
)
def test_a_viewer_or_a_commenter_may_not_propose(
    story: Workspace,
    sharing: Sharing,
    proposals: Proposals,
    people: People,
    role: Role,
    message: str,
) -> None:
    share_with_cole(sharing, people, role)
    unchanged = rows(story)
    for kind in ChangeKind:
        with pytest.raises(NotAllowed, match=message) as refused:
            proposals.propose(people.ana.user_id, people.cole, PMP, kind, NEW_WORDING)
        assert refused.value.what.endswith("only an editor of the plan can.")
    assert rows(story) == unchanged
    assert proposals.sent(people.cole) == []


def test_a_private_goal_is_not_found_like_a_goal_that_does_not_exist(
    story: Workspace, sharing: Sharing, proposals: Proposals, editor: People, clock: FixedClock
) -> None:
    ana, cole = editor.ana, editor.cole
    sharing.set_private(ana.user_id, MANAGER, True)  # and so PMP, under it
    with story.as_owner(ana.user_id).unit() as uow:
        set_status(uow, clock, DREAM, GoalStatus.DROPPED)
    unchanged = rows(story)
    answers = {}
    for goal_id in (MANAGER, PMP, DREAM, 999):
        for kind in ChangeKind:
            with pytest.raises(NotFound) as refused:
                proposals.propose(ana.user_id, cole, goal_id, kind, "Peek at it by 2027")
            answers[goal_id] = (type(refused.value), refused.value.what.replace(str(goal_id), "N"))
    assert set(answers.values()) == {(NotFound, "No goal with id N.")}
    assert rows(story) == unchanged


def test_a_stranger_finds_neither_the_plan_nor_its_proposals(
    story: Workspace, proposals: Proposals, editor: People
) -> None:
    ana, cole, ben = editor.ana, editor.cole, editor.ben
    made = proposals.propose(ana.user_id, cole, PMP, ACTION, "Join a study group")
    unchanged = rows(story)
    with pytest.raises(NotFound, match=f"No plan with id {ana.user_id}."):
        proposals.propose(ana.user_id, ben, PMP, ACTION, "Mine now")
    for act in (proposals.get, proposals.accept, proposals.decline, proposals.withdraw):
        with pytest.raises(NotFound, match=f"No proposal with id {made.id}."):
            act(ben, made.id)
    # Ana's proposal is no proposal of Ben's plan, and Ben has none to list.
    assert proposals.for_owner(ben.user_id) == []
    assert proposals.sent(ben) == []
    # Ids no row could have are simply not found, as is a plan no one has.
    for ident in (0, -1, 2**31, 10**30):
        for act in (proposals.get, proposals.accept, proposals.decline, proposals.withdraw):
            with pytest.raises(NotFound):
                act(ana, ident)
        with pytest.raises(NotFound):
            proposals.propose(ident, cole, PMP, ACTION, "Hello")
        with pytest.raises(NotFound):
            proposals.propose(ana.user_id, cole, ident, ACTION, "Hello")
        assert proposals.sent(cole, ident) == []
    assert rows(story) == unchanged


def test_ana_cannot_propose_to_herself(
    story: Workspace, proposals: Proposals, editor: People
) -> None:
    unchanged = rows(story)
    with pytest.raises(DomainRefusal, match=r"This is your own plan: change the goal itself\."):
        proposals.propose(editor.ana.user_id, editor.ana, PMP, ACTION, "Do it")
    assert rows(story) == unchanged


# --- a plan that changed since --------------------------------------------------------------


def test_a_goal_reworded_since_is_refused_and_the_proposal_still_waits(
    story: Workspace, proposals: Proposals, editor: People, clock: FixedClock
) -> None:
    ana, cole = editor.ana, editor.cole
    action = proposals.propose(ana.user_id, cole, PMP, ACTION, "Book the exam")
    wording = proposals.propose(ana.user_id, cole, PMP, EDIT, NEW_WORDING)
    with story.as_owner(ana.user_id).unit() as uow:
        edit_goal(uow, clock, PMP, text="Pass the PMP exam this year")
    listed = {p.id: p.changed for p in proposals.for_owner(ana.user_id)}
    reworded = "The goal was reworded after this was proposed, so it would not apply as meant."
    assert listed == {action.id: reworded, wording.id: reworded}
    unchanged = rows(story)
    for made in (action, wording):
        with pytest.raises(DomainRefusal) as refused:
            proposals.accept(ana, made.id)
        assert refused.value.what == (
            f"{reworded} Nothing was changed: decline it, and ask for a new proposal on the "
            "goal as it stands if it still applies."
        )
    assert rows(story) == unchanged
    assert proposals.get(ana, wording.id).status is ProposalStatus.PENDING
    # Cole is not told what the goal says now: that is Ana's to show.
    assert proposals.get(cole, wording.id).changed == ""
    assert proposals.decline(ana, wording.id).status is ProposalStatus.DECLINED


def test_a_due_date_moved_since_is_refused_for_a_new_date(
    story: Workspace, proposals: Proposals, editor: People, clock: FixedClock
) -> None:
    ana, cole = editor.ana, editor.cole
    later = proposals.propose(ana.user_id, cole, PMP, EDIT, "", date(2027, 12, 31))
    action = proposals.propose(ana.user_id, cole, PMP, ACTION, "Book the exam")
    with story.as_owner(ana.user_id).unit() as uow:
        edit_goal(uow, clock, PMP, due=date(2027, 9, 30))
    with pytest.raises(DomainRefusal, match="The goal's due date changed after this was proposed"):
        proposals.accept(ana, later.id)
    # An action does not depend on the goal's date: it still applies.
    proposals.accept(ana, action.id)
    assert goal(story, editor, PMP) == (PMP_TEXT, date(2027, 9, 30))


def test_a_goal_deleted_since_leaves_its_proposal_for_ana_to_decline(
    story: Workspace, sharing: Sharing, proposals: Proposals, editor: People, clock: FixedClock
) -> None:
    ana, cole = editor.ana, editor.cole
    with story.as_owner(ana.user_id).unit() as uow:
        extra = add_goal(uow, clock, text="Shadow the COO for a week by March 2027", parent_id=2)
    assert extra.goal.id is not None
    made = proposals.propose(ana.user_id, cole, extra.goal.id, ACTION, "Ask HR about it")
    with story.as_owner(ana.user_id).unit(writes=True) as uow:
        delete_goal(uow, extra.goal.id)
    [listed] = proposals.for_owner(ana.user_id)
    assert (listed.goal_id, listed.goal_text) == (None, "Shadow the COO for a week by March 2027")
    assert listed.changed == "The goal was deleted after this was proposed."
    unchanged = rows(story)
    with pytest.raises(DomainRefusal, match=r"The goal was deleted after this was proposed\."):
        proposals.accept(ana, made.id)
    assert rows(story) == unchanged
    assert proposals.decline(ana, made.id).status is ProposalStatus.DECLINED
    assert log(sharing, editor)[0][2] == f"proposal {made.id} on a deleted goal, by {COLE}"


def test_a_change_the_services_refuse_leaves_the_proposal_waiting(
    story: Workspace, proposals: Proposals, editor: People, clock: FixedClock
) -> None:
    ana, cole = editor.ana, editor.cole
    made = proposals.propose(ana.user_id, cole, PMP, ACTION, "Book the exam")
    with story.as_owner(ana.user_id).unit() as uow:
        set_status(uow, clock, PMP, GoalStatus.DONE)
    unchanged = rows(story)
    with pytest.raises(DomainRefusal, match=f"Goal {PMP} is done, so no action can be added"):
        proposals.accept(ana, made.id)
    assert rows(story) == unchanged
    assert proposals.get(ana, made.id).pending
    # Nor can Cole propose an action on a goal that is done.
    with pytest.raises(DomainRefusal, match=f"Goal {PMP} is done, so no action can be added"):
        proposals.propose(ana.user_id, cole, PMP, ACTION, "Book it again")
    assert rows(story) == unchanged


def test_a_goal_made_private_since_reads_to_cole_as_one_deleted(
    story: Workspace, sharing: Sharing, proposals: Proposals, editor: People, clock: FixedClock
) -> None:
    ana, cole = editor.ana, editor.cole
    hidden = proposals.propose(ana.user_id, cole, PMP, ACTION, "Book the exam")
    with story.as_owner(ana.user_id).unit() as uow:
        extra = add_goal(uow, clock, text="Shadow the COO for a week by March 2027", parent_id=1)
    assert extra.goal.id is not None
    gone = proposals.propose(ana.user_id, cole, extra.goal.id, ACTION, "Ask HR")
    sharing.set_private(ana.user_id, MANAGER, True)
    with story.as_owner(ana.user_id).unit(writes=True) as uow:
        delete_goal(uow, extra.goal.id)
    seen = {p.id: (p.goal_id, p.goal_text, p.status) for p in proposals.sent(cole)}
    assert seen == {
        hidden.id: (None, PMP_TEXT, ProposalStatus.PENDING),
        gone.id: (None, "Shadow the COO for a week by March 2027", ProposalStatus.PENDING),
    }
    # Ana still sees which goal it is on, and may accept it.
    assert proposals.get(ana, hidden.id).goal_id == PMP
    proposals.accept(ana, hidden.id)


# --- a revoked share ------------------------------------------------------------------------


def test_revoking_the_share_puts_coles_proposals_out_of_his_reach(
    story: Workspace, sharing: Sharing, proposals: Proposals, editor: People
) -> None:
    ana, cole = editor.ana, editor.cole
    made = proposals.propose(ana.user_id, cole, PMP, ACTION, "Book the exam")
    [share] = sharing.shares(ana.user_id)
    sharing.revoke(ana, share.id)
    unchanged = rows(story)
    assert proposals.sent(cole) == []
    assert proposals.sent(cole, ana.user_id) == []
    for act in (proposals.get, proposals.withdraw):
        with pytest.raises(NotFound, match=f"No proposal with id {made.id}."):
            act(cole, made.id)
    with pytest.raises(NotFound, match=f"No plan with id {ana.user_id}."):
        proposals.propose(ana.user_id, cole, PMP, ACTION, "One more")
    assert rows(story) == unchanged
    # Ana still has it, and can answer it.
    assert [p.id for p in proposals.for_owner(ana.user_id, ProposalStatus.PENDING)] == [made.id]
    assert proposals.decline(ana, made.id).status is ProposalStatus.DECLINED


# --- what a proposal may say ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "due", "message"),
    [
        (EDIT, "", None, "Propose new wording for the goal, a new due date, or both."),
        (EDIT, "   \n ", None, "Propose new wording for the goal, a new due date, or both."),
        (ACTION, "", date(2027, 1, 1), "The action text is empty."),
        (ACTION, " \t ", None, "The action text is empty."),
        (
            EDIT,
            "x" * 1001,
            None,
            "The new wording is 1,001 characters long; the limit is 1,000.",
        ),
        (
            ACTION,
            "y" * 5000,
            None,
            "The action text is 5,000 characters long; the limit is 1,000.",
        ),
        (EDIT, "Pass it\x00", None, "The new wording cannot be saved: it contains a NUL"),
        (ACTION, "Book it \ud800", None, "The action text cannot be saved: character 9 is half"),
        (ACTION, "Book it", date(1899, 12, 31), "The due date is 1899-12-31;"),
        (EDIT, "", date(3000, 1, 1), "The due date is 3000-01-01;"),
        (EDIT, PMP_TEXT, None, "The goal says that already"),
        (EDIT, f" {PMP_TEXT} ", PMP_DUE, "The goal says that already"),
        (EDIT, "", PMP_DUE, "The goal says that already"),
    ],
)
def test_a_proposal_out_of_bounds_is_refused_with_the_reason(
    story: Workspace,
    proposals: Proposals,
    editor: People,
    kind: ChangeKind,
    text: str,
    due: date | None,
    message: str,
) -> None:
    unchanged = rows(story)
    with pytest.raises(InvalidInput) as refused:
        proposals.propose(editor.ana.user_id, editor.cole, PMP, kind, text, due)
    assert refused.value.what.startswith(message)
    assert refused.value.field in {"text", "due"}
    assert rows(story) == unchanged


@pytest.mark.parametrize("text", ["remove_goal", "", "EDIT GOAL"])
def test_only_two_kinds_of_change_can_be_proposed(text: str) -> None:
    with pytest.raises(InvalidInput, match="is not something to propose") as refused:
        kind_from(text)
    assert refused.value.field == "kind"
    assert kind_from(" Add_Action ") is ACTION


def test_words_in_any_script_are_kept_as_written(
    story: Workspace, proposals: Proposals, editor: People
) -> None:
    ana, cole = editor.ana, editor.cole
    words = "Réussir l’examen PMP — 目標 ✓ 🎯 <b>by June 2027</b>"
    longest = "z" * 1000
    made = proposals.propose(ana.user_id, cole, PMP, EDIT, words)
    action = proposals.propose(ana.user_id, cole, PMP, ACTION, longest)
    assert [p.text for p in proposals.for_owner(ana.user_id)] == [longest, words]
    # The action first: once the goal is reworded, a proposal made on the old words waits.
    proposals.accept(ana, action.id)
    proposals.accept(ana, made.id)
    assert goal(story, editor, PMP)[0] == words
    with story.as_owner(ana.user_id).unit() as uow:
        assert [a.text for a in uow.actions.all(PMP)][-1] == longest


def test_an_editor_of_two_plans_sees_each_plans_own(
    story: Workspace,
    sharing: Sharing,
    proposals: Proposals,
    editor: People,
    accounts: Accounts,
    clock: FixedClock,
) -> None:
    dan = Identity(accounts.add("dan@example.org", PASSWORD), "dan@example.org")
    with story.as_owner(dan.user_id).unit() as uow:
        dans = add_goal(uow, clock, text="Run a 10k race by May 2027").goal
        assert dans.id is not None
        add_action(uow, clock, dans.id, "Train three times a week")
    invitation = sharing.invite(dan, Role.EDITOR, COLE)
    sharing.accept(invitation.code, editor.cole)
    anas = proposals.propose(editor.ana.user_id, editor.cole, PMP, ACTION, "Book the exam")
    dans_one = proposals.propose(dan.user_id, editor.cole, dans.id, ACTION, "Buy shoes")
    assert [p.id for p in proposals.sent(editor.cole)] == [dans_one.id, anas.id]
    assert [p.id for p in proposals.sent(editor.cole, dan.user_id)] == [dans_one.id]
    assert [p.id for p in proposals.for_owner(editor.ana.user_id)] == [anas.id]
    # Dan's goal named on Ana's plan is no goal of hers, and Ana cannot answer Dan's.
    with pytest.raises(NotFound):
        proposals.propose(editor.ana.user_id, editor.cole, dans.id, ACTION, "Cross over")
    with pytest.raises(NotFound):
        proposals.accept(editor.ana, dans_one.id)
    assert proposals.get(dan, dans_one.id).owner == "dan@example.org"
