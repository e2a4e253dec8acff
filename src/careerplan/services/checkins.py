"""Reading check-ins back: all of them, one goal's, or one. (Recording one is `goals.check_in`.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerplan.domain.entities import CheckIn

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork


def list_checkins(uow: UnitOfWork, goal_id: int | None = None) -> list[CheckIn]:
    """Oldest first; for an unknown goal a clear "no goal" beats an empty list."""
    if goal_id is None:
        return uow.checkins.all()
    uow.goals.get(goal_id)
    return uow.checkins.for_goal(goal_id)


def show_checkin(uow: UnitOfWork, checkin_id: int) -> CheckIn:
    return uow.checkins.get(checkin_id)
