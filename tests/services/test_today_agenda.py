"""The daily view: overdue, due this week, repeats due, and days left to the dream job."""

from __future__ import annotations

from datetime import UTC, date, datetime

from careerplan.domain.entities import GoalStatus
from careerplan.services.actions import add_action, complete_action
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, set_status
from careerplan.services.today import agenda
from careerplan.services.workspace import Workspace


def _on(day: date) -> FixedClock:
    return FixedClock(datetime(day.year, day.month, day.day, 9, 30, tzinfo=UTC))


def _goal(story: Workspace, clock: FixedClock, text: str, due: date) -> int:
    with story.unit() as uow:
        goal = add_goal(uow, clock, text=text, parent_id=3, due=due).goal
    assert goal.id is not None
    return goal.id


def _action(story: Workspace, clock: FixedClock, text: str, due: date, goal_id: int = 3) -> int:
    with story.unit() as uow:
        action = add_action(uow, clock, goal_id, text, due=due)
    assert action.id is not None
    return action.id


def test_the_story_shows_the_monthly_event_and_1826_days_left(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        day = agenda(uow, clock)
    assert (day.today, day.days_left) == (date(2026, 11, 25), 1826)
    assert day.vision is not None
    assert day.vision.commitment == "I will be COO of a startup by 2031."
    assert [
        (row.action.id, row.state.current if row.state else None) for row in day.repeats_due
    ] == [(1, date(2026, 11, 25))]
    assert (day.overdue_goals, day.overdue_actions, day.goals_this_week) == ([], [], [])
    assert day.is_clear is False


def test_overdue_and_this_weeks_items_are_sorted_by_date(
    story: Workspace, clock: FixedClock
) -> None:
    late_goal = _goal(story, clock, "Draft a study plan", date(2026, 11, 1))
    week_goal = _goal(story, clock, "Pick a PMP course", date(2026, 11, 30))
    _goal(story, clock, "Next month", date(2027, 1, 1))
    later_late = _action(story, clock, "Email Sam", date(2026, 11, 24))
    earlier_late = _action(story, clock, "Call HR", date(2026, 11, 20))
    today_action = _action(story, clock, "Read chapter 1", date(2026, 11, 25))
    last_day = _action(story, clock, "Read chapter 2", date(2026, 12, 1))
    _action(story, clock, "Read chapter 3", date(2026, 12, 2))
    with story.unit() as uow:
        day = agenda(uow, clock)
    assert [g.id for g in day.overdue_goals] == [late_goal]
    assert [g.id for g in day.goals_this_week] == [week_goal]
    assert [a.id for a in day.overdue_actions] == [earlier_late, later_late]
    assert [a.id for a in day.actions_this_week] == [today_action, last_day]


def test_finished_items_and_items_of_closed_goals_are_left_out(
    story: Workspace, clock: FixedClock
) -> None:
    done_goal = _goal(story, clock, "Old goal", date(2026, 11, 1))
    dropped_goal = _goal(story, clock, "Dropped goal", date(2026, 11, 2))
    _action(story, clock, "Under the dropped goal", date(2026, 11, 20), goal_id=dropped_goal)
    finished = _action(story, clock, "Already done", date(2026, 11, 20))
    with story.unit() as uow:
        set_status(uow, clock, done_goal, GoalStatus.DONE)
        set_status(uow, clock, dropped_goal, GoalStatus.DROPPED)
        complete_action(uow, clock, finished)
        complete_action(uow, clock, 1)
        day = agenda(uow, clock)
    assert day.is_clear is True


def test_a_repeat_done_this_time_is_not_due_again_until_its_next_window(story: Workspace) -> None:
    with story.unit() as uow:
        complete_action(uow, _on(date(2026, 11, 25)), 1)
        assert agenda(uow, _on(date(2026, 12, 24))).repeats_due == []
        due_again = agenda(uow, _on(date(2026, 12, 26))).repeats_due
    assert [(row.action.id, row.state.streak if row.state else None) for row in due_again] == [
        (1, 1)
    ]


def test_without_a_plan_there_is_no_vision_and_nothing_due(
    workspace: Workspace, clock: FixedClock
) -> None:
    with workspace.unit() as uow:
        day = agenda(uow, clock)
    assert (day.vision, day.days_left, day.is_clear) == (None, None, True)
