"""A measured goal for the review tests: Ana's hours of project-management courses, under the
PMP goal, 12 hours done of 50."""

from __future__ import annotations

from careerplan.domain.entities import Goal
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, check_in
from careerplan.services.workspace import Workspace

COURSES = "Complete 50 hours of project management courses by June 2027"


def add_courses_goal(workspace: Workspace, clock: FixedClock) -> Goal:
    """Goal 4 in Ana's plan, at version 2 after its first check-in."""
    with workspace.unit() as uow:
        goal = add_goal(
            uow, clock, text=COURSES, parent_id=3, metric="hours", target=50, unit="hours"
        ).goal
        assert goal.id is not None
        check_in(uow, clock, goal.id, value=12)
        return uow.goals.get(goal.id)
