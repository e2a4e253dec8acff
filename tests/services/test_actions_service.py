"""Actions: one-off ones are done once; repeating ones keep every completion for streaks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from careerplan.domain.entities import GoalStatus
from careerplan.domain.errors import DomainRefusal, InvalidInput, NotFound
from careerplan.services.actions import add_action, complete_action, list_actions
from careerplan.services.clock import FixedClock
from careerplan.services.goals import set_status
from careerplan.services.workspace import Workspace


def test_a_one_off_action_is_done_after_one_completion(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        action = add_action(uow, clock, 3, "Book the PMP exam", due=date(2026, 12, 15))
        assert action.id is not None
        row = complete_action(uow, clock, action.id, note="Booked for March")
    assert (row.action.done, row.state) == (True, None)
    assert [(c.done_on, c.note) for c in row.action.completions] == [
        (date(2026, 11, 25), "Booked for March")
    ]
    with pytest.raises(DomainRefusal, match=r"^Action 2 is already done\.$"), story.unit() as uow:
        complete_action(uow, clock, 2)


def test_a_repeating_action_keeps_each_completion_and_stays_open(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        complete_action(uow, clock, 1, on=date(2026, 11, 25))
        complete_action(uow, clock, 1, on=date(2026, 11, 25), note="and another")
        action = uow.actions.get(1)
    assert action.done is False
    assert [(c.done_on, c.note) for c in action.completions] == [
        (date(2026, 11, 25), ""),
        (date(2026, 11, 25), "and another"),
    ]


def test_the_completion_log_gives_counts_and_streaks(story: Workspace) -> None:
    # Come back three months later, having gone to an event each month.
    days = [date(2026, 12, 1), date(2027, 1, 3), date(2027, 2, 20)]
    later = FixedClock(datetime(2027, 2, 26, 8, 0, tzinfo=UTC))
    with story.unit() as uow:
        for day in days:
            complete_action(uow, later, 1, on=day)
        state = list_actions(uow, later)[0].state
    assert state is not None
    assert (state.current, state.next) == (date(2027, 2, 25), date(2027, 3, 25))
    assert (state.completions, state.streak, state.done_this_time) == (3, 3, False)


def test_a_missed_month_breaks_the_streak(story: Workspace) -> None:
    later = FixedClock(datetime(2027, 3, 1, 8, 0, tzinfo=UTC))
    with story.unit() as uow:
        complete_action(uow, later, 1, on=date(2026, 11, 30))
        complete_action(uow, later, 1, on=date(2027, 1, 30))
        row = complete_action(uow, later, 1, on=date(2027, 2, 28))
    assert row.state is not None
    assert (row.state.completions, row.state.streak, row.state.done_this_time) == (3, 2, True)


def test_open_actions_only_hides_finished_ones(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        done = add_action(uow, clock, 3, "Buy the PMP book")
        assert done.id is not None
        complete_action(uow, clock, done.id)
        add_action(uow, clock, 2, "Ask for a stretch project", due=clock.today() + timedelta(7))
        everything = [row.action.id for row in list_actions(uow, clock)]
        still_open = [row.action.id for row in list_actions(uow, clock, include_done=False)]
        for_goal_3 = [row.action.id for row in list_actions(uow, clock, goal_id=3)]
    assert (everything, still_open, for_goal_3) == ([1, 2, 3], [1, 3], [1, 2])


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda uow, clock: add_action(uow, clock, 99, "x"),
            NotFound,
            "No goal with id 99.",
        ),
        (
            lambda uow, clock: complete_action(uow, clock, 99),
            NotFound,
            "No action with id 99.",
        ),
        (
            lambda uow, clock: add_action(uow, clock, 3, " "),
            InvalidInput,
            "The action text is empty.",
        ),
        (
            lambda uow, clock: add_action(uow, clock, 3, "x", repeat="FREQ=SOMETIMES"),
            InvalidInput,
            "'FREQ=SOMETIMES' is not a valid RFC 5545 repeat rule: invalid 'FREQ': SOMETIMES. "
            "Words work too, such as 'every other Friday'.",
        ),
        (
            lambda uow, clock: complete_action(uow, clock, 1, on=date(2026, 11, 26)),
            InvalidInput,
            "2026-11-26 is in the future; log a completion once it happened.",
        ),
        (
            lambda uow, clock: list_actions(uow, clock, goal_id=99),
            NotFound,
            "No goal with id 99.",
        ),
    ],
)
def test_bad_action_requests_are_refused_with_a_named_fix(
    story: Workspace, clock: FixedClock, call: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as refused, story.unit() as uow:
        call(uow, clock)  # type: ignore[operator]
    assert str(refused.value) == message
    with story.unit() as uow:
        assert [(a.id, a.completions) for a in uow.actions.all()] == [(1, [])]


def test_a_finished_goal_takes_no_new_actions(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        set_status(uow, clock, 3, GoalStatus.DONE)
    with pytest.raises(DomainRefusal) as refused, story.unit() as uow:
        add_action(uow, clock, 3, "Too late")
    assert str(refused.value) == ("Goal 3 is done, so no action can be added to it.")


def test_the_same_completion_twice_is_refused_but_a_second_with_its_note_is_kept(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        complete_action(uow, clock, 1)
    with pytest.raises(DomainRefusal, match="already logged on 2026-11-25"), story.unit() as uow:
        complete_action(uow, clock, 1)
    with story.unit() as uow:
        complete_action(uow, clock, 1, note="a second meetup")
        assert [c.note for c in uow.actions.get(1).completions] == ["", "a second meetup"]
