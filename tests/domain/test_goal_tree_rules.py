"""The goal tree: no loops, horizon due dates capped at the dream job, and date warnings."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.entities import Goal, GoalStatus, Horizon
from careerplan.domain.errors import DomainRefusal
from careerplan.domain.rules import ancestors, check_new_parent, date_warnings, default_due

TODAY = date(2026, 11, 25)
# 1 ─ 2 ─ 3 ─ 4, and 5 beside 2
PARENTS: dict[int, int | None] = {1: None, 2: 1, 3: 2, 4: 3, 5: 1}


def test_ancestors_run_from_the_parent_to_the_root() -> None:
    assert ancestors(4, PARENTS) == [3, 2, 1]
    assert ancestors(1, PARENTS) == []


def test_ancestors_stop_at_a_loop_already_in_the_data() -> None:
    assert ancestors(1, {1: 2, 2: 1}) == [2]


@pytest.mark.parametrize(("goal", "new_parent"), [(2, 3), (2, 4), (1, 4), (3, 4)])
def test_it_refuses_moving_a_goal_under_its_own_descendant(goal: int, new_parent: int) -> None:
    with pytest.raises(DomainRefusal) as refused:
        check_new_parent(goal, new_parent, PARENTS)
    assert str(refused.value) == (
        f"Goal {new_parent} sits under goal {goal}, so goal {goal} cannot move under "
        f"it (that would make a loop). Move goal {new_parent} elsewhere first."
    )


def test_it_refuses_a_goal_as_its_own_parent() -> None:
    with pytest.raises(DomainRefusal, match=r"^Goal 3 cannot be its own parent\.$"):
        check_new_parent(3, 3, PARENTS)


@pytest.mark.parametrize(
    ("goal", "new_parent", "chain"),
    [(4, 1, [1]), (4, 5, [5, 1]), (5, 4, [4, 3, 2, 1]), (2, 5, [5, 1]), (3, None, [])],
)
def test_it_allows_moves_that_keep_a_tree(
    goal: int, new_parent: int | None, chain: list[int]
) -> None:
    assert check_new_parent(goal, new_parent, PARENTS) is None
    # After the move the goal still leads up to a root, through its new parent.
    assert ancestors(goal, {**PARENTS, goal: new_parent}) == chain


@pytest.mark.parametrize(
    ("horizon", "target", "expected"),
    [
        (None, date(2031, 11, 25), None),
        (Horizon.SIX_MONTHS, None, date(2027, 5, 25)),
        (Horizon.TWELVE_MONTHS, None, date(2027, 11, 25)),
        (Horizon.TWO_YEARS, None, date(2028, 11, 25)),
        (Horizon.TWO_YEARS, date(2031, 11, 25), date(2028, 11, 25)),
        (Horizon.TWO_YEARS, date(2027, 9, 1), date(2027, 9, 1)),
        (Horizon.SIX_MONTHS, date(2027, 1, 31), date(2027, 1, 31)),
        (Horizon.LONG, date(2031, 11, 25), date(2031, 11, 25)),
        (Horizon.LONG, None, None),
    ],
)
def test_a_horizon_gives_a_due_date_capped_at_the_target_date(
    horizon: Horizon | None, target: date | None, expected: date | None
) -> None:
    assert default_due(horizon, TODAY, target) == expected


def _goal(
    due: date | None,
    horizon: Horizon | None = None,
    status: GoalStatus = GoalStatus.ACTIVE,
    ident: int = 10,
) -> Goal:
    return Goal(text="g", due=due, horizon=horizon, status=status, id=ident)


PARENT = _goal(date(2027, 6, 30), Horizon.TWELVE_MONTHS, ident=2)


@pytest.mark.parametrize(
    ("goal", "parent", "target", "expected"),
    [
        (_goal(date(2027, 3, 1), Horizon.SIX_MONTHS), PARENT, date(2031, 1, 1), []),
        (_goal(None), PARENT, date(2031, 1, 1), []),
        (
            _goal(date(2026, 11, 1)),
            None,
            None,
            ["The due date 2026-11-01 is already past."],
        ),
        (_goal(date(2026, 11, 1), status=GoalStatus.DONE), None, None, []),
        (_goal(TODAY), None, None, []),
        (
            _goal(date(2027, 7, 1)),
            PARENT,
            None,
            [
                "It is due 2027-07-01, after its parent goal 2 (2027-06-30). "
                "Bring it forward or move the parent's date."
            ],
        ),
        (
            _goal(date(2032, 1, 1)),
            None,
            date(2031, 11, 25),
            ["It is due 2032-01-01, after the dream job's target date 2031-11-25."],
        ),
        (
            _goal(date(2027, 3, 1), Horizon.TWO_YEARS),
            PARENT,
            None,
            [
                "A 2 years goal sits under a 12 months goal; "
                "sub-goals usually have a shorter horizon than their parent."
            ],
        ),
        (
            _goal(date(2027, 8, 1), Horizon.SIX_MONTHS),
            None,
            None,
            ["It is marked as a 6 months goal but is due 2027-08-01, later than 2027-05-25."],
        ),
    ],
)
def test_date_warnings(
    goal: Goal, parent: Goal | None, target: date | None, expected: list[str]
) -> None:
    assert date_warnings(goal, parent, TODAY, target) == expected


def test_several_warnings_are_all_given_in_order() -> None:
    goal = _goal(date(2032, 1, 1), Horizon.SIX_MONTHS)
    warnings = date_warnings(goal, PARENT, TODAY, date(2031, 11, 25))
    assert [w.split(",")[0] for w in warnings] == [
        "It is due 2032-01-01",
        "It is due 2032-01-01",
        "It is marked as a 6 months goal but is due 2032-01-01",
    ]
