"""Every query is scoped to one owner: a second user never sees or changes Ana's rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from careerplan.domain.entities import Goal, GoalStatus, ResourceKind
from careerplan.domain.errors import NotFound
from careerplan.services.actions import add_action
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, move_goal
from careerplan.services.resources import add_resource, link_resource
from careerplan.services.vision import init_plan
from careerplan.services.workspace import Workspace
from careerplan.storage.unit_of_work import UnitOfWork, ensure_user

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def _bob(story: Workspace) -> UnitOfWork:
    return UnitOfWork(story.engine, ensure_user(story.engine, NOW, "bob"))


def test_ensure_user_returns_the_same_id_each_time(story: Workspace) -> None:
    bob = ensure_user(story.engine, NOW, "bob")
    assert ensure_user(story.engine, NOW, "bob") == bob
    assert bob != story.owner_id


def test_a_second_user_sees_an_empty_plan(story: Workspace) -> None:
    with _bob(story) as uow:
        assert uow.profiles.get() is None
        assert uow.visions.get() is None
        assert uow.goals.all() == []
        assert uow.goals.parent_map() == {}
        assert uow.goals.count() == 0
        assert uow.actions.all() == []
        assert uow.resources.all() == []
        assert uow.checkins.all() == []
    with story.unit() as uow:
        assert uow.goals.count() == 3


@pytest.mark.parametrize(
    ("kind", "read"),
    [
        ("goal", lambda uow: uow.goals.get(1)),
        ("action", lambda uow: uow.actions.get(1)),
    ],
)
def test_a_second_user_gets_not_found_for_anas_ids(
    story: Workspace, kind: str, read: Callable[[UnitOfWork], object]
) -> None:
    with _bob(story) as uow, pytest.raises(NotFound, match=f"^No {kind} with id 1"):
        read(uow)


def test_a_second_user_cannot_overwrite_anas_goal_by_id(story: Workspace) -> None:
    with _bob(story) as uow, pytest.raises(NotFound) as refused:
        uow.goals.save(Goal(text="Hijacked", id=2, status=GoalStatus.DROPPED))
    assert (refused.value.kind, refused.value.ident) == ("goal", 2)
    with story.unit() as uow:
        goal = uow.goals.get(2)
    assert (goal.text, goal.status, goal.version) == (
        "Obtain a management position leading a team of at least 5 people",
        GoalStatus.ACTIVE,
        1,
    )


def test_services_refuse_to_hang_things_on_anas_goals(story: Workspace, clock: FixedClock) -> None:
    with _bob(story) as uow:
        own = add_goal(uow, clock, text="Learn SQL").goal
        resource = add_resource(uow, ResourceKind.PERSON, "Sam")
        assert own.id is not None
        assert resource.id is not None
        with pytest.raises(NotFound, match=r"^No goal with id 2"):
            add_action(uow, clock, 2, "Sneak in")
        with pytest.raises(NotFound, match=r"^No goal with id 2"):
            add_goal(uow, clock, text="Under Ana", parent_id=2)
        with pytest.raises(NotFound, match=r"^No goal with id 2"):
            move_goal(uow, clock, own.id, 2)
        with pytest.raises(NotFound, match=r"^No goal with id 2"):
            link_resource(uow, resource.id, goal_id=2)
    with story.unit() as uow:
        assert [a.text for a in uow.actions.all()] == ["Attend one industry networking event"]
        assert all(goal.text != "Under Ana" for goal in uow.goals.all())
        assert uow.resources.all() == []


def test_each_user_has_a_plan_of_their_own(story: Workspace, clock: FixedClock) -> None:
    with _bob(story) as uow:
        init_plan(
            uow,
            clock,
            name="Bob",
            current_job_title="Nurse",
            hours_per_week=2,
            dream_job_title="Nurse practitioner",
        )
        bob_goals = [goal.text for goal in uow.goals.all()]
    with story.unit() as uow:
        vision = uow.visions.get()
        assert vision is not None
        assert vision.dream_job_title == "COO of a high-tech startup"
        assert len(uow.goals.all()) == 3
    assert bob_goals == ["Work as Nurse practitioner"]
