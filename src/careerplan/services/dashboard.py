"""The dashboard's figures: overall and per-horizon progress, progress over time, streaks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from careerplan.domain.entities import Goal, GoalStatus, Horizon
from careerplan.domain.rules import progress_by_goal
from careerplan.domain.status import review_estimates
from careerplan.services.actions import ActionRow, describe
from careerplan.services.clock import Clock
from careerplan.services.today import Agenda, agenda

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork


@dataclass
class Dashboard:
    agenda: Agenda
    overall: float
    by_horizon: list[tuple[Horizon, float, int]]  # horizon, mean progress, active goals
    goals: list[tuple[Goal, float]]
    history: list[tuple[date, float]]
    streaks: list[ActionRow] = field(default_factory=list)
    goal_count: int = 0  # all short-term goals; `goals` holds the next few of them


def dashboard(uow: UnitOfWork, clock: Clock) -> Dashboard:
    today = clock.today()
    goals = uow.goals.all()
    # A goal with no measure and no sub-goals shows the progress its last review estimated.
    progress = progress_by_goal(goals, review_estimates(uow.reviews.latest_entries_by_goal()))
    live = [g for g in goals if g.status is not GoalStatus.DROPPED and g.id is not None]
    roots = [g for g in live if g.horizon is Horizon.LONG] or [
        g for g in live if g.parent_id is None
    ]
    overall = sum(progress[g.id or 0] for g in roots) / len(roots) if roots else 0.0
    by_horizon = []
    for horizon in (Horizon.TWO_YEARS, Horizon.TWELVE_MONTHS, Horizon.SIX_MONTHS):
        members = [g for g in live if g.horizon is horizon]
        mean = sum(progress[g.id or 0] for g in members) / len(members) if members else 0.0
        by_horizon.append((horizon, mean, len(members)))
    described = {
        action.id or 0: describe(action, today)
        for action in uow.actions.all()
        if action.repeat and not action.done
    }
    streaks = sorted(described.values(), key=lambda row: -(row.state.streak if row.state else 0))
    return Dashboard(
        agenda=agenda(uow, clock, described),
        overall=overall,
        by_horizon=by_horizon,
        goals=_next_goals(live, progress),
        goal_count=sum(1 for g in live if g.horizon is not Horizon.LONG),
        history=progress_history(uow, goals),
        streaks=streaks,
    )


# The dashboard lists the goals due next; the plan page shows them all.
DASHBOARD_GOALS = 12


def _next_goals(live: list[Goal], progress: dict[int, float]) -> list[tuple[Goal, float]]:
    active = [g for g in live if g.horizon is not Horizon.LONG and g.status is GoalStatus.ACTIVE]
    active.sort(key=lambda g: (g.due or date.max, g.id or 0))
    return [(g, progress[g.id or 0]) for g in active[:DASHBOARD_GOALS]]


def progress_history(uow: UnitOfWork, goals: list[Goal]) -> list[tuple[date, float]]:
    """Mean progress of the measured goals after each check-in day, carrying values forward."""
    measured: dict[int, Goal] = {}
    for goal in goals:
        if (
            goal.id is not None
            and goal.measure is not None
            and goal.status is not GoalStatus.DROPPED
        ):
            measured[goal.id] = goal
    if not measured:
        return []
    latest: dict[int, float] = {}
    points: list[tuple[date, float]] = []
    for checkin in uow.checkins.all():
        found = measured.get(checkin.goal_id)
        if found is None or checkin.value is None or found.measure is None:
            continue
        m = found.measure
        span = m.target - m.baseline
        share = 1.0 if span == 0 else (checkin.value - m.baseline) / span
        latest[checkin.goal_id] = min(1.0, max(0.0, share))
        value = sum(latest.get(ident, 0.0) for ident in measured) / len(measured)
        if points and points[-1][0] == checkin.on:
            points[-1] = (checkin.on, value)
        else:
            points.append((checkin.on, value))
    return points
