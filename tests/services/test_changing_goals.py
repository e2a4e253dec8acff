"""Editing, finishing, dropping and moving goals; a stale edit is refused and loses nothing."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.entities import GoalStatus, Horizon
from careerplan.domain.errors import DomainRefusal, InvalidInput, StaleEdit
from careerplan.services.clock import FixedClock
from careerplan.services.goals import edit_goal, list_goals, move_goal, set_status, show_goal
from careerplan.services.workspace import Workspace


def test_an_edit_changes_only_what_was_given_and_bumps_the_version(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        result = edit_goal(uow, clock, 3, text="Pass the PMP exam", due=date(2027, 9, 30))
    with story.unit() as uow:
        goal = uow.goals.get(3)
    assert result.warnings == []
    assert (goal.text, goal.due, goal.horizon, goal.parent_id, goal.version) == (
        "Pass the PMP exam",
        date(2027, 9, 30),
        Horizon.TWELVE_MONTHS,
        2,
        2,
    )


def test_an_edit_with_a_stale_expected_version_is_refused_and_nothing_is_lost(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        edit_goal(uow, clock, 3, expected_version=1, text="Pass the PMP exam")
    with pytest.raises(StaleEdit) as refused, story.unit() as uow:
        edit_goal(uow, clock, 3, expected_version=1, text="Something else", clear_due=True)
    assert "you edited version 1, it is now version 2" in str(refused.value)
    with story.unit() as uow:
        goal = uow.goals.get(3)
    assert (goal.text, goal.due, goal.version) == ("Pass the PMP exam", date(2027, 11, 25), 2)


def test_an_edit_at_the_current_version_is_accepted(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        result = edit_goal(uow, clock, 2, expected_version=1, clear_due=True)
    assert (result.goal.due, result.goal.version) == (None, 2)


def test_an_edit_that_puts_the_child_after_its_parent_warns(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        result = edit_goal(uow, clock, 3, due=date(2029, 1, 1))
    assert result.warnings == [
        "It is due 2029-01-01, after its parent goal 2 (2028-11-25). "
        "Bring it forward or move the parent's date.",
        "It is marked as a 12 months goal but is due 2029-01-01, later than 2027-11-25.",
    ]


def test_a_new_target_keeps_the_measured_current_value(story: Workspace, clock: FixedClock) -> None:
    from careerplan.services.goals import check_in

    with story.unit() as uow:
        edit_goal(uow, clock, 2, metric="people led", target=5)
        check_in(uow, clock, 2, value=2)
        result = edit_goal(uow, clock, 2, target=8)
    assert result.goal.measure is not None
    assert (result.goal.measure.target, result.goal.measure.current) == (8, 2)


def test_only_the_dream_job_is_long_term(story: Workspace, clock: FixedClock) -> None:
    with (
        pytest.raises(InvalidInput, match=r"^Only the dream job is the long-term goal\.$"),
        story.unit() as uow,
    ):
        edit_goal(uow, clock, 2, horizon=Horizon.LONG)


def test_marking_done_warns_about_active_sub_goals(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        result = set_status(uow, clock, 2, GoalStatus.DONE)
        again = set_status(uow, clock, 2, GoalStatus.DONE)
        child = uow.goals.get(3)
    assert result.warnings == ["1 sub-goal(s) are still active: 3."]
    assert again.warnings[0] == "Goal 2 was already done."
    assert (result.goal.status, child.status) == (GoalStatus.DONE, GoalStatus.ACTIVE)


def test_a_stale_status_change_is_refused(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        edit_goal(uow, clock, 3, text="Pass the PMP exam")
    with pytest.raises(StaleEdit), story.unit() as uow:
        set_status(uow, clock, 3, GoalStatus.DROPPED, expected_version=1)
    with story.unit() as uow:
        assert uow.goals.get(3).status is GoalStatus.ACTIVE


def test_dropping_a_goal_takes_it_out_of_its_parents_progress(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        set_status(uow, clock, 3, GoalStatus.DONE)
        before = show_goal(uow, clock, 2).progress
        set_status(uow, clock, 3, GoalStatus.DROPPED)
        after = show_goal(uow, clock, 2).progress
        rows = list_goals(uow, include_closed=False)
    assert (before, after) == (1.0, 0.0)
    assert [row.goal.id for row in rows] == [1, 2]


def test_moving_a_goal_under_its_own_descendant_is_refused_and_the_tree_is_unchanged(
    story: Workspace, clock: FixedClock
) -> None:
    with pytest.raises(DomainRefusal) as refused, story.unit() as uow:
        move_goal(uow, clock, 2, 3)
    assert str(refused.value) == (
        "Goal 3 sits under goal 2, so goal 2 cannot move under it (that would make a loop). "
        "Move goal 3 elsewhere first."
    )
    with story.unit() as uow:
        assert uow.goals.parent_map() == {1: None, 2: 1, 3: 2}
        assert uow.goals.get(2).version == 1


def test_a_goal_moves_to_another_parent_or_to_the_top(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        moved = move_goal(uow, clock, 3, 1)
        topped = move_goal(uow, clock, 2, None)
        parents = uow.goals.parent_map()
    assert (moved.warnings, topped.warnings) == ([], [])
    assert parents == {1: None, 2: None, 3: 1}


def test_the_tree_lists_in_order_with_depth(story: Workspace) -> None:
    with story.unit() as uow:
        rows = list_goals(uow)
    assert [(row.goal.id, row.depth, row.progress) for row in rows] == [
        (1, 0, 0.0),
        (2, 1, 0.0),
        (3, 2, 0.0),
    ]
