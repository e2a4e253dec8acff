"""The daily view: overdue, due this week (goals, actions and the follow-ups of open
applications), repeats due, and the days left to the dream job."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from careerplan.domain.entities import Action, Goal, GoalStatus, Vision
from careerplan.domain.follow_ups import follow_ups_due
from careerplan.domain.schedule import week_end
from careerplan.services.actions import ActionRow, describe
from careerplan.services.clock import Clock

if TYPE_CHECKING:
    from careerplan.domain.job_search import Application
    from careerplan.services.reads import PlanReads


@dataclass
class Agenda:
    today: date
    vision: Vision | None
    days_left: int | None
    overdue_goals: list[Goal] = field(default_factory=list)
    overdue_actions: list[Action] = field(default_factory=list)
    goals_this_week: list[Goal] = field(default_factory=list)
    actions_this_week: list[Action] = field(default_factory=list)
    repeats_due: list[ActionRow] = field(default_factory=list)
    # Open applications whose follow-up day has passed, or falls this week.
    overdue_follow_ups: list[Application] = field(default_factory=list)
    follow_ups_this_week: list[Application] = field(default_factory=list)

    @property
    def is_clear(self) -> bool:
        return not (
            self.overdue_goals
            or self.overdue_actions
            or self.goals_this_week
            or self.actions_this_week
            or self.repeats_due
            or self.overdue_follow_ups
            or self.follow_ups_this_week
        )


def agenda(
    uow: PlanReads, clock: Clock, described: Mapping[int, ActionRow] | None = None
) -> Agenda:
    """`described`: repeating actions already described for today, by id (the dashboard has
    them), so their streaks are not worked out twice."""
    today = clock.today()
    described = described or {}
    last = week_end(today)
    vision = uow.visions.get()
    days_left = (vision.target_date - today).days if vision and vision.target_date else None
    result = Agenda(today, vision, days_left)
    active_goal_ids: set[int] = set()
    for goal in uow.goals.all():
        if goal.status is not GoalStatus.ACTIVE or goal.id is None:
            continue
        active_goal_ids.add(goal.id)
        if goal.due is None:
            continue
        if goal.due < today:
            result.overdue_goals.append(goal)
        elif goal.due <= last:
            result.goals_this_week.append(goal)
    for action in uow.actions.all():
        if action.done or action.goal_id not in active_goal_ids:
            continue
        if action.repeat:
            row = described.get(action.id or 0) or describe(action, today)
            if row.state and row.state.current and not row.state.done_this_time:
                result.repeats_due.append(row)
            continue
        if action.due is None:
            continue
        if action.due < today:
            result.overdue_actions.append(action)
        elif action.due <= last:
            result.actions_this_week.append(action)
    for application in follow_ups_due(uow.applications.follow_ups(last), last):
        assert application.follow_up is not None
        if application.follow_up < today:
            result.overdue_follow_ups.append(application)
        else:
            result.follow_ups_this_week.append(application)
    result.overdue_goals.sort(key=lambda g: g.due or today)
    result.overdue_actions.sort(key=lambda a: a.due or today)
    result.goals_this_week.sort(key=lambda g: g.due or today)
    result.actions_this_week.sort(key=lambda a: a.due or today)
    return result
