"""Where a repeating action stands: the open window, the next date, streaks and counts."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.entities import Action, Completion
from careerplan.domain.schedule import RepeatState, repeat_state, week_end

TODAY = date(2026, 11, 25)  # a Wednesday
WEEKLY_ANCHOR = date(2026, 11, 2)  # a Monday: windows open 2, 9, 16 and 23 November
MONTHLY_ANCHOR = date(2026, 8, 25)  # windows open the 25th of August ... November


def _action(rule: str, *done_on: date) -> Action:
    return Action(
        goal_id=1,
        text="Attend one industry networking event",
        repeat=rule,
        completions=[Completion(action_id=1, done_on=day) for day in done_on],
        id=1,
    )


@pytest.mark.parametrize(
    ("done_on", "done_now", "streak"),
    [
        ((), False, 0),
        ((date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 17)), False, 3),
        ((date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 17), date(2026, 11, 24)), True, 4),
        ((date(2026, 11, 3), date(2026, 11, 17), date(2026, 11, 23)), True, 2),
        ((date(2026, 11, 3), date(2026, 11, 10)), False, 0),
        ((date(2026, 11, 25),), True, 1),
        ((date(2026, 11, 15), date(2026, 11, 16)), False, 2),
    ],
)
def test_weekly_streaks_count_completed_windows_and_the_open_one_does_not_break_them(
    done_on: tuple[date, ...], done_now: bool, streak: int
) -> None:
    state = repeat_state(_action("FREQ=WEEKLY;BYDAY=MO", *done_on), WEEKLY_ANCHOR, TODAY)
    assert state == RepeatState(
        current=date(2026, 11, 23),
        next=date(2026, 11, 30),
        done_this_time=done_now,
        streak=streak,
        completions=len(done_on),
    )


@pytest.mark.parametrize(
    ("done_on", "done_now", "streak"),
    [
        ((date(2026, 9, 1), date(2026, 10, 1), date(2026, 10, 30)), False, 3),
        ((date(2026, 9, 1), date(2026, 10, 1), date(2026, 10, 30), TODAY), True, 4),
        ((date(2026, 9, 1), date(2026, 10, 30)), False, 1),
        ((date(2026, 9, 1), date(2026, 10, 1)), False, 0),
    ],
)
def test_monthly_streaks(done_on: tuple[date, ...], done_now: bool, streak: int) -> None:
    state = repeat_state(_action("FREQ=MONTHLY", *done_on), MONTHLY_ANCHOR, TODAY)
    assert (state.current, state.next) == (date(2026, 11, 25), date(2026, 12, 25))
    assert (state.done_this_time, state.streak) == (done_now, streak)


def test_two_completions_in_one_window_count_once_for_the_streak_and_twice_in_the_log() -> None:
    action = _action("FREQ=WEEKLY;BYDAY=MO", date(2026, 11, 23), date(2026, 11, 24))
    state = repeat_state(action, WEEKLY_ANCHOR, TODAY)
    assert (state.streak, state.completions) == (1, 2)


def test_a_completion_before_the_first_window_does_not_count() -> None:
    state = repeat_state(
        _action("FREQ=WEEKLY;BYDAY=MO", date(2026, 11, 1)), WEEKLY_ANCHOR, date(2026, 11, 4)
    )
    assert (state.current, state.done_this_time, state.streak) == (WEEKLY_ANCHOR, False, 0)


def test_before_its_first_occurrence_an_action_is_not_due_yet() -> None:
    state = repeat_state(_action("FREQ=MONTHLY"), date(2026, 12, 1), TODAY)
    assert state == RepeatState(None, date(2026, 12, 1), False, 0, 0)


def test_a_finished_rule_keeps_its_last_window_open() -> None:
    state = repeat_state(
        _action("FREQ=WEEKLY;COUNT=2", date(2026, 11, 3), date(2026, 11, 10)),
        WEEKLY_ANCHOR,
        TODAY,
    )
    assert state == RepeatState(date(2026, 11, 9), None, True, 2, 2)


def test_the_week_ends_six_days_after_today() -> None:
    assert week_end(TODAY) == date(2026, 12, 1)
