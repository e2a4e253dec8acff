"""Deleting from the plan: goals, actions, resources and check-ins.

A delete can carry the version the person saw, so a record someone changed in between is not
deleted by surprise. Deleting a goal takes its actions and check-ins with it; a goal that still
has sub-goals, and the dream job itself, are refused rather than leaving orphans behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerplan.domain.entities import Horizon
from careerplan.domain.errors import DomainRefusal

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork


def delete_goal(uow: UnitOfWork, goal_id: int, expected_version: int | None = None) -> None:
    goal = uow.goals.get(goal_id)
    if goal.horizon is Horizon.LONG and goal.parent_id is None:
        raise DomainRefusal(
            f"Goal {goal_id} is the dream job itself; change it through the vision instead."
        )
    children = uow.goals.children_of(goal_id)
    if children:
        listed = ", ".join(str(child) for child in children)
        raise DomainRefusal(
            f"Goal {goal_id} has sub-goals ({listed}); move or delete them first, "
            "or drop the goal to keep its history."
        )
    uow.goals.delete(goal_id, expected_version)


def delete_action(uow: UnitOfWork, action_id: int, expected_version: int | None = None) -> None:
    uow.actions.delete(action_id, expected_version)


def delete_resource(uow: UnitOfWork, resource_id: int, expected_version: int | None = None) -> None:
    uow.resources.delete(resource_id, expected_version)


def delete_checkin(uow: UnitOfWork, checkin_id: int) -> None:
    uow.checkins.delete(checkin_id)
