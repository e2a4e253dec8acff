"""A review's progress estimate counts for a goal whose measure has no value recorded yet (every
proposed goal comes with such a measure), and gives way once a value is recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from careerplan.domain.entities import Goal, Horizon, Measure, ReviewEntry
from careerplan.domain.rules import progress_by_goal
from careerplan.domain.status import Standing, goal_standings

TODAY = date(2026, 7, 2)  # half the time from 1 Jan to 31 Dec gone


def _goal(ident: int, measure: Measure | None, parent: int | None = None) -> Goal:
    return Goal(
        text=f"goal {ident}",
        id=ident,
        parent_id=parent,
        measure=measure,
        due=date(2026, 12, 31),
        horizon=Horizon.TWELVE_MONTHS,
        created_at=datetime(2026, 1, 1, 9, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("current", "estimate", "progress"),
    [
        (None, 0.3, 0.3),  # nothing measured yet: the person's estimate stands
        (None, None, 0.0),  # nothing measured and nothing estimated
        (20.0, 0.9, 0.4),  # a recorded value (20 of 50) outweighs the estimate
        (0.0, 0.9, 0.0),  # a recorded zero is a value too
    ],
)
def test_an_estimate_stands_in_for_a_measure_with_nothing_recorded(
    current: float | None, estimate: float | None, progress: float
) -> None:
    goal = _goal(2, Measure("hours of study", target=50, baseline=0, current=current))
    estimates = {} if estimate is None else {2: estimate}
    assert progress_by_goal([goal], estimates)[2] == pytest.approx(progress)


def test_the_estimate_of_a_measured_goal_rolls_up_and_sets_its_status() -> None:
    goals = [
        _goal(1, None),
        _goal(2, Measure("hours of study", target=50), parent=1),
        _goal(3, Measure("mentors", target=1), parent=1),
    ]
    latest = {2: ReviewEntry(goal_id=2, progress=60), 3: ReviewEntry(goal_id=3, progress=20)}
    found = goal_standings(goals, latest, TODAY)
    assert (found[2].progress, found[2].standing) == (pytest.approx(0.6), Standing.ON_TRACK)
    assert (found[3].progress, found[3].standing) == (pytest.approx(0.2), Standing.BEHIND)
    assert found[1].progress == pytest.approx(0.4)
