"""Adding goals: horizons give due dates, dates that disagree are flagged but saved."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.entities import Category, GoalStatus, Horizon, Measure
from careerplan.domain.errors import DomainRefusal, InvalidInput, NotFound
from careerplan.services.clock import FixedClock
from careerplan.services.goals import GoalResult, add_goal, set_status
from careerplan.services.workspace import Workspace


def _add(story: Workspace, clock: FixedClock, **values: object) -> GoalResult:
    with story.unit() as uow:
        return add_goal(uow, clock, **{"text": "Run a cross-team project", **values})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("horizon", "due"),
    [
        (Horizon.SIX_MONTHS, date(2027, 5, 25)),
        (Horizon.TWELVE_MONTHS, date(2027, 11, 25)),
        (Horizon.TWO_YEARS, date(2028, 11, 25)),
    ],
)
def test_a_horizon_without_a_date_is_due_that_far_ahead(
    story: Workspace, clock: FixedClock, horizon: Horizon, due: date
) -> None:
    result = _add(story, clock, parent_id=1, horizon=horizon)
    assert (result.goal.due, result.warnings) == (due, [])
    with story.unit() as uow:
        assert uow.goals.get(result.goal.id or 0).due == due


def test_the_default_due_date_never_passes_the_dream_jobs_target_date(
    workspace: Workspace, clock: FixedClock
) -> None:
    from careerplan.services.vision import init_plan

    with workspace.unit() as uow:
        init_plan(
            uow,
            clock,
            name="Ana",
            current_job_title="",
            hours_per_week=3,
            dream_job_title="Team lead",
            vision_fields={"target_date": date(2027, 9, 1)},
        )
        result = add_goal(uow, clock, text="Lead a project", parent_id=1, horizon=Horizon.TWO_YEARS)
    assert result.goal.due == date(2027, 9, 1)


def test_an_explicit_due_date_wins_over_the_horizon(story: Workspace, clock: FixedClock) -> None:
    result = _add(story, clock, parent_id=3, horizon=Horizon.SIX_MONTHS, due=date(2027, 2, 1))
    assert (result.goal.due, result.warnings) == (date(2027, 2, 1), [])


def test_a_child_due_after_its_parent_is_saved_with_a_warning(
    story: Workspace, clock: FixedClock
) -> None:
    result = _add(story, clock, parent_id=3, due=date(2028, 1, 15))
    assert result.warnings == [
        "It is due 2028-01-15, after its parent goal 3 (2027-11-25). "
        "Bring it forward or move the parent's date."
    ]
    with story.unit() as uow:
        assert uow.goals.get(result.goal.id or 0).due == date(2028, 1, 15)


def test_a_due_date_in_the_past_is_allowed_but_flagged(story: Workspace, clock: FixedClock) -> None:
    result = _add(story, clock, parent_id=3, due=date(2026, 11, 1))
    assert result.warnings == ["The due date 2026-11-01 is already past."]
    with story.unit() as uow:
        assert uow.goals.get(result.goal.id or 0).status is GoalStatus.ACTIVE


def test_a_goal_keeps_its_category_measure_and_normalised_repeat(
    story: Workspace, clock: FixedClock
) -> None:
    result = _add(
        story,
        clock,
        text="  Mentor two junior PMs  ",
        parent_id=2,
        category=Category.NETWORK,
        metric="mentees",
        target=2,
        unit="people",
        repeat="rrule:freq=weekly",
    )
    with story.unit() as uow:
        goal = uow.goals.get(result.goal.id or 0)
    assert (goal.text, goal.category, goal.repeat, goal.parent_id) == (
        "Mentor two junior PMs",
        Category.NETWORK,
        "FREQ=WEEKLY",
        2,
    )
    assert goal.measure == Measure("mentees", target=2, unit="people", baseline=0.0, current=None)


@pytest.mark.parametrize(
    ("values", "error", "message"),
    [
        ({"text": ""}, InvalidInput, "The goal text is empty. Write what you want to achieve."),
        (
            {"text": "x" * 100_000},
            InvalidInput,
            "The goal text is 100,000 characters long; the limit is 1,000. "
            "Shorten it, and keep details in a check-in note.",
        ),
        (
            {"horizon": Horizon.LONG},
            InvalidInput,
            "The long-term goal is the dream job itself.",
        ),
        ({"metric": "people"}, InvalidInput, "A measure needs a target: the number to reach."),
        (
            {"parent_id": 42},
            NotFound,
            "No goal with id 42.",
        ),
    ],
)
def test_bad_goals_are_refused_and_nothing_is_saved(
    story: Workspace,
    clock: FixedClock,
    values: dict[str, object],
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error) as refused:
        _add(story, clock, **values)
    assert str(refused.value) == message
    with story.unit() as uow:
        assert uow.goals.count() == 3


def test_a_dropped_goal_cannot_take_new_sub_goals(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        set_status(uow, clock, 3, GoalStatus.DROPPED)
    with pytest.raises(DomainRefusal) as refused:
        _add(story, clock, parent_id=3)
    assert str(refused.value) == "Goal 3 was dropped; choose an active goal as the parent."
