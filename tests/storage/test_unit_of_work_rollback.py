"""A unit of work is one transaction: a refusal leaves nothing half-written, and the database
itself keeps references whole (foreign keys, also on SQLite)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from careerplan.domain.entities import Action, CheckIn, Completion
from careerplan.domain.errors import InvalidInput
from careerplan.services.actions import add_action
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, check_in
from careerplan.services.workspace import Workspace
from careerplan.storage import tables

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def test_a_refusal_after_writes_rolls_back_every_write_of_the_unit(
    story: Workspace, clock: FixedClock
) -> None:
    def add_goal_and_action_then_a_bad_check_in() -> None:
        with story.unit() as uow:
            goal = add_goal(uow, clock, text="Speak at a conference", parent_id=2).goal
            assert goal.id is not None
            add_action(uow, clock, goal.id, "Submit a talk")
            check_in(uow, clock, goal.id, note="nervous", confidence=9)

    with pytest.raises(InvalidInput, match="Confidence is from 1"):
        add_goal_and_action_then_a_bad_check_in()
    with story.unit() as uow:
        assert [g.id for g in uow.goals.all()] == [1, 2, 3]
        assert [a.id for a in uow.actions.all()] == [1]
        assert uow.checkins.all() == []


def test_any_exception_rolls_back_completions_and_version_bumps(story: Workspace) -> None:
    def write_then_fail() -> None:
        with story.unit() as uow:
            uow.actions.add_completion(Completion(1, date(2026, 11, 25)))
            goal = uow.goals.get(3)
            goal.text = "Half-written"
            uow.goals.save(goal)
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match=r"^power cut$"):
        write_then_fail()
    with story.unit() as uow:
        goal = uow.goals.get(3)
        assert uow.actions.get(1).completions == []
    assert (goal.text, goal.version) == (
        "Complete my PMP certification within the next 12 months",
        1,
    )


def test_an_action_under_a_goal_that_does_not_exist_is_refused_by_the_database(
    workspace: Workspace,
) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"), workspace.unit() as uow:
        uow.actions.add(Action(goal_id=999, text="Orphan", created_at=NOW))
    with workspace.unit() as uow:
        assert uow.actions.all() == []


def test_a_check_in_on_a_goal_that_does_not_exist_is_refused_by_the_database(
    workspace: Workspace,
) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"), workspace.unit() as uow:
        uow.checkins.add(CheckIn(goal_id=999, on=date(2026, 11, 25), note="x"), NOW)


def test_deleting_a_goal_cascades_to_its_actions_and_lets_children_go_free(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        check_in(uow, clock, 3, note="studying")
        uow.connection.execute(delete(tables.goals).where(tables.goals.c.id == 2))
    with story.unit() as uow:
        assert uow.goals.parent_map() == {1: None, 3: None}
        assert [a.goal_id for a in uow.actions.all()] == [3]
    with story.unit() as uow:
        uow.connection.execute(delete(tables.goals).where(tables.goals.c.id == 3))
    with story.engine.connect() as connection:
        assert connection.execute(select(tables.actions.c.id)).all() == []
        assert connection.execute(select(tables.checkins.c.id)).all() == []
        assert connection.execute(select(tables.action_completions.c.id)).all() == []
