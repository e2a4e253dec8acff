"""A goal's status is its progress set against the share of its time gone; the plan takes the
worst of its top-level goals; reviews fall on the person's weekday."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from careerplan.domain.entities import (
    Goal,
    GoalStatus,
    Horizon,
    Measure,
    Preferences,
    ReviewCadence,
    ReviewEntry,
)
from careerplan.domain.errors import InvalidInput
from careerplan.domain.status import (
    Standing,
    elapsed_share,
    goal_standings,
    judge,
    next_review,
    parse_weekday,
    plan_standing,
    review_is_due,
)

START = date(2026, 1, 1)
JULY_1 = date(2026, 7, 1)
DUE = date(2026, 12, 31)  # 364 days after START
TODAY = date(2026, 7, 2)  # 182 days in: exactly half the time gone


@pytest.mark.parametrize(
    ("progress", "confidence", "standing"),
    [
        (0.50, None, Standing.ON_TRACK),  # progress equals the time gone
        (0.90, None, Standing.ON_TRACK),  # ahead
        (0.40, None, Standing.ON_TRACK),  # 10 points behind: still on track
        (0.39, None, Standing.AT_RISK),  # 11 points behind
        (0.25, None, Standing.AT_RISK),  # 25 points behind: the edge of at risk
        (0.24, None, Standing.BEHIND),  # 26 points behind
        (0.00, None, Standing.BEHIND),  # nothing recorded halfway through
        (0.60, 2, Standing.AT_RISK),  # ahead on paper, but the person doubts it
        (0.60, 1, Standing.AT_RISK),
        (0.60, 3, Standing.ON_TRACK),  # a middling confidence changes nothing
        (0.30, 1, Standing.AT_RISK),  # low confidence never improves a status
        (0.10, 2, Standing.BEHIND),  # nor softens behind
    ],
)
def test_progress_against_the_time_gone_gives_the_status(
    progress: float, confidence: int | None, standing: Standing
) -> None:
    found, expected, _ = judge(progress, START, DUE, TODAY, confidence)
    assert expected == pytest.approx(0.5)
    assert found is standing


@pytest.mark.parametrize(
    ("progress", "due", "done", "standing", "reason"),
    [
        (0.2, None, False, Standing.NO_DEADLINE, "20% done, no due date to measure against"),
        (0.9, JULY_1, False, Standing.BEHIND, "90% done, the due date 2026-07-01 has passed"),
        (0.0, JULY_1, True, Standing.DONE, "marked done"),
        (0.95, TODAY, False, Standing.ON_TRACK, "95% done, 100% of the time gone"),
        (0.5, DUE, False, Standing.ON_TRACK, "50% done, 50% of the time gone"),
    ],
)  # fmt: skip
def test_no_due_date_a_past_due_date_and_done_are_judged_before_the_arithmetic(
    progress: float, due: date | None, done: bool, standing: Standing, reason: str
) -> None:
    assert judge(progress, START, due, TODAY, None, done=done)[0::2] == (standing, reason)


@pytest.mark.parametrize(
    ("start", "due", "today", "share"),
    [
        (START, DUE, START, 0.0),
        (START, DUE, TODAY, 0.5),
        (START, DUE, DUE, 1.0),
        (START, DUE, date(2025, 12, 1), 0.0),  # a clock before the start counts as no time gone
        (DUE, DUE, DUE, 1.0),  # set on its due date
        (DUE, START, TODAY, 1.0),  # set after its due date (typed late)
        (DUE, START, date(2025, 1, 1), 0.0),
    ],
)
def test_the_share_of_time_gone_stays_between_zero_and_one(
    start: date, due: date, today: date, share: float
) -> None:
    assert elapsed_share(start, due, today) == pytest.approx(share)


def _goal(
    ident: int,
    parent: int | None = 1,
    *,
    due: date | None = DUE,
    status: GoalStatus = GoalStatus.ACTIVE,
    measure: Measure | None = None,
    horizon: Horizon | None = Horizon.TWELVE_MONTHS,
    created: datetime = datetime(2026, 1, 1, 9, tzinfo=UTC),
) -> Goal:
    return Goal(
        text=f"goal {ident}",
        id=ident,
        parent_id=parent,
        due=due,
        status=status,
        measure=measure,
        horizon=horizon,
        created_at=created,
    )


DREAM = _goal(1, None, due=date(2031, 1, 1), horizon=Horizon.LONG)


def test_a_goal_without_measure_or_children_takes_the_latest_review_estimate() -> None:
    goals = [DREAM, _goal(2)]
    found = goal_standings(goals, {2: ReviewEntry(goal_id=2, progress=45, confidence=4)}, TODAY)
    assert (found[2].standing, found[2].progress) == (Standing.ON_TRACK, pytest.approx(0.45))
    assert found[2].reason == "45% done, 50% of the time gone"


def test_a_measure_outweighs_the_review_estimate_and_children_roll_up() -> None:
    goals = [
        DREAM,
        _goal(2, measure=Measure("people led", target=5, current=1)),  # 20 %
        _goal(3, 1),
        _goal(4, 3),  # estimated at 80 %
        _goal(5, 3, status=GoalStatus.DROPPED),
    ]
    latest = {
        2: ReviewEntry(goal_id=2, progress=90),
        4: ReviewEntry(goal_id=4, progress=80),
        5: ReviewEntry(goal_id=5, progress=0),
    }
    found = goal_standings(goals, latest, TODAY)
    assert found[2].progress == pytest.approx(0.2)
    assert found[2].standing is Standing.BEHIND
    assert found[3].progress == pytest.approx(0.8)  # its one live child; the dropped one is out
    assert found[3].standing is Standing.ON_TRACK
    assert 5 not in found


def test_creation_times_are_read_as_utc_days_whatever_zone_the_database_returns() -> None:
    # 23:30 in New York on 31 Dec is 1 Jan in UTC: the goal started on 1 Jan either way.
    new_york = timezone(timedelta(hours=-5))
    goals = [_goal(2, created=datetime(2025, 12, 31, 23, 30, tzinfo=new_york))]
    found = goal_standings(goals, {2: ReviewEntry(goal_id=2, progress=50)}, TODAY)
    assert found[2].expected == pytest.approx(0.5)


def test_a_low_confidence_in_the_latest_review_turns_on_track_into_at_risk() -> None:
    goals = [_goal(2)]
    found = goal_standings(goals, {2: ReviewEntry(goal_id=2, progress=70, confidence=2)}, TODAY)
    assert found[2].standing is Standing.AT_RISK
    assert found[2].reason == "70% done, 50% of the time gone, confidence 2 of 5"


@pytest.mark.parametrize(
    ("estimates", "statuses", "plan"),
    [
        ({2: 50, 3: 50}, {}, Standing.ON_TRACK),
        ({2: 50, 3: 30}, {}, Standing.AT_RISK),  # the weakest step sets the pace
        ({2: 50, 3: 0}, {}, Standing.BEHIND),
        ({2: 0, 3: 0}, {2: GoalStatus.DONE, 3: GoalStatus.DONE}, Standing.DONE),
        ({2: 50, 3: 0}, {3: GoalStatus.DROPPED}, Standing.ON_TRACK),  # dropped steps are out
        ({2: 0, 3: 60}, {2: GoalStatus.DONE}, Standing.ON_TRACK),
    ],
)
def test_the_dream_job_takes_the_worst_status_of_its_top_level_goals(
    estimates: dict[int, int], statuses: dict[int, GoalStatus], plan: Standing
) -> None:
    goals = [DREAM] + [_goal(i, status=statuses.get(i, GoalStatus.ACTIVE)) for i in (2, 3)]
    latest = {i: ReviewEntry(goal_id=i, progress=p) for i, p in estimates.items()}
    found = goal_standings(goals, latest, TODAY)
    assert plan_standing(goals, found) is plan


def test_a_plan_of_goals_without_due_dates_or_without_goals_has_no_deadline() -> None:
    goals = [DREAM, _goal(2, due=None)]
    assert plan_standing(goals, goal_standings(goals, {}, TODAY)) is Standing.NO_DEADLINE
    assert plan_standing([], {}) is Standing.NO_DEADLINE


def test_without_a_dream_job_goal_the_roots_are_the_top_level() -> None:
    goals = [_goal(2, None), _goal(3, 2)]
    found = goal_standings(goals, {3: ReviewEntry(goal_id=3, progress=0)}, TODAY)
    assert plan_standing(goals, found) is Standing.BEHIND


SUNDAY, FRIDAY, MONDAY = 6, 4, 0
WEEKLY, MONTHLY, QUARTERLY = ReviewCadence


@pytest.mark.parametrize(
    ("cadence", "weekday", "last", "today", "expected"),
    [
        # Never reviewed: the preferred weekday, today or later (25 Nov 2026 is a Wednesday).
        (WEEKLY, SUNDAY, None, date(2026, 11, 25), date(2026, 11, 29)),
        (WEEKLY, 2, None, date(2026, 11, 25), date(2026, 11, 25)),
        (QUARTERLY, MONDAY, None, date(2026, 11, 25), date(2026, 11, 30)),
        # Weekly: a week after the last one, on the preferred day.
        (WEEKLY, SUNDAY, date(2026, 11, 22), date(2026, 11, 25), date(2026, 11, 29)),
        # Held a day early or late, the rhythm stays on Sundays.
        (WEEKLY, SUNDAY, date(2026, 11, 21), date(2026, 11, 25), date(2026, 11, 29)),
        (WEEKLY, SUNDAY, date(2026, 11, 23), date(2026, 11, 25), date(2026, 11, 29)),
        # Overdue: the date is in the past.
        (WEEKLY, SUNDAY, date(2026, 11, 1), date(2026, 11, 25), date(2026, 11, 8)),
        # Monthly and quarterly: the preferred weekday nearest a month (three months) on.
        (MONTHLY, FRIDAY, date(2026, 11, 27), date(2026, 11, 28), date(2026, 12, 25)),
        (MONTHLY, FRIDAY, date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 27)),
        (MONTHLY, SUNDAY, date(2026, 12, 27), date(2026, 12, 28), date(2027, 1, 24)),
        (QUARTERLY, MONDAY, date(2026, 11, 30), date(2026, 12, 1), date(2027, 3, 1)),
        (QUARTERLY, SUNDAY, date(2026, 11, 25), date(2026, 11, 25), date(2027, 2, 28)),
    ],
)  # fmt: skip
def test_the_next_review_falls_on_the_preferred_weekday(
    cadence: ReviewCadence, weekday: int, last: date | None, today: date, expected: date
) -> None:
    preferences = Preferences(review_cadence=cadence, review_weekday=weekday)
    found = next_review(preferences, last, today)
    assert found == expected
    assert found.weekday() == weekday


@pytest.mark.parametrize(
    ("next_on", "due"),
    [(date(2026, 11, 24), True), (date(2026, 11, 25), True), (date(2026, 11, 26), False)],
)
def test_a_review_is_due_on_its_day_and_after(next_on: date, due: bool) -> None:
    assert review_is_due(next_on, date(2026, 11, 25)) is due


@pytest.mark.parametrize(
    ("text", "weekday"),
    [("mon", 0), ("Friday", 4), (" SU ", 6), ("th", 3), ("tu", 1), ("0", 0), ("6", 6)],
)
def test_weekdays_are_read_by_name_or_number(text: str, weekday: int) -> None:
    assert parse_weekday(text) == weekday


@pytest.mark.parametrize("text", ["", "t", "s", "7", "-1", "funday", "lundi"])
def test_anything_else_is_not_a_weekday(text: str) -> None:
    with pytest.raises(InvalidInput, match="is not a weekday"):
        parse_weekday(text)


def test_a_dream_job_past_its_date_is_behind_whatever_its_steps_say() -> None:
    late_dream = _goal(1, None, due=date(2026, 3, 1), horizon=Horizon.LONG)
    goals = [late_dream, _goal(2)]
    found = goal_standings(goals, {2: ReviewEntry(goal_id=2, progress=90)}, TODAY)
    assert found[2].standing is Standing.ON_TRACK
    assert plan_standing(goals, found) is Standing.BEHIND


def test_a_dream_job_marked_done_makes_the_plan_done() -> None:
    reached = _goal(1, None, due=date(2031, 1, 1), horizon=Horizon.LONG, status=GoalStatus.DONE)
    goals = [reached, _goal(2)]
    assert plan_standing(goals, goal_standings(goals, {}, TODAY)) is Standing.DONE
