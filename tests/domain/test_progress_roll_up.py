"""Progress rolls up the tree: from measures and from children; done is 1, dropped is ignored."""

from __future__ import annotations

import pytest

from careerplan.domain.entities import Goal, GoalStatus, Measure
from careerplan.domain.rules import depth_first, progress_by_goal


def _goal(
    ident: int,
    parent: int | None = None,
    status: GoalStatus = GoalStatus.ACTIVE,
    measure: Measure | None = None,
) -> Goal:
    return Goal(text=f"goal {ident}", id=ident, parent_id=parent, status=status, measure=measure)


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        (Measure("people led", target=5, current=None), 0.0),
        (Measure("people led", target=5, current=2), 0.4),
        (Measure("people led", target=5, current=9), 1.0),
        (Measure("salary", target=120, baseline=80, current=100), 0.5),
        (Measure("salary", target=120, baseline=80, current=60), 0.0),
        (Measure("hours of overtime", target=5, baseline=20, current=10), 2 / 3),
        (Measure("same", target=3, baseline=3, current=3), 1.0),
        (Measure("same", target=3, baseline=3, current=2), 0.0),
    ],
)
def test_a_measure_gives_the_share_of_the_way_from_baseline_to_target(
    measure: Measure, expected: float
) -> None:
    assert measure.progress() == pytest.approx(expected)


def test_a_goal_with_neither_measure_nor_children_is_at_zero() -> None:
    assert progress_by_goal([_goal(1)]) == {1: 0.0}


def test_a_done_goal_is_complete_whatever_its_measure_says() -> None:
    done = _goal(1, status=GoalStatus.DONE, measure=Measure("m", target=10, current=1))
    assert progress_by_goal([done]) == {1: 1.0}


def test_progress_is_the_mean_of_the_measure_and_the_children() -> None:
    goals = [
        _goal(1, measure=Measure("m", target=10, current=4)),  # 0.4
        _goal(2, parent=1, status=GoalStatus.DONE),  # 1.0
        _goal(3, parent=1),  # 0.0
        _goal(4, parent=1, measure=Measure("m", target=4, current=2)),  # 0.5
    ]
    assert progress_by_goal(goals)[1] == pytest.approx((0.4 + 1.0 + 0.0 + 0.5) / 4)


def test_dropped_children_are_ignored() -> None:
    goals = [
        _goal(1),
        _goal(2, parent=1, status=GoalStatus.DONE),
        _goal(3, parent=1, status=GoalStatus.DROPPED),
    ]
    assert progress_by_goal(goals) == {1: 1.0, 2: 1.0, 3: 0.0}


def test_progress_rolls_up_through_grandchildren() -> None:
    goals = [
        _goal(1),
        _goal(2, parent=1),
        _goal(3, parent=2, status=GoalStatus.DONE),
        _goal(4, parent=2),
        _goal(5, parent=1, status=GoalStatus.DONE),
    ]
    result = progress_by_goal(goals)
    assert result[2] == pytest.approx(0.5)
    assert result[1] == pytest.approx(0.75)


def test_a_loop_in_stored_data_does_not_recurse_forever() -> None:
    assert progress_by_goal([_goal(1, parent=2), _goal(2, parent=1)]) == {1: 0.0, 2: 0.0}


def test_the_tree_is_listed_depth_first_with_depths() -> None:
    goals = [_goal(1), _goal(3, parent=2), _goal(2, parent=1), _goal(4, parent=1), _goal(5)]
    assert [(depth, g.id) for depth, g in depth_first(goals)] == [
        (0, 1),
        (1, 2),
        (2, 3),
        (1, 4),
        (0, 5),
    ]
