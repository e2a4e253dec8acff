"""Everything one goal's page shows, read in one unit of work: its words and S.M.A.R.T. report,
its measure and how it moved, its status against time, its place in the tree, its actions,
resources and check-ins, and what reviews said about it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from careerplan.domain.entities import (
    CheckIn,
    Goal,
    GoalStatus,
    Measure,
    Resource,
    ReviewCadence,
    ReviewEntry,
)
from careerplan.domain.rules import date_warnings, depth_first, progress_by_goal
from careerplan.domain.smart.report import SmartReport
from careerplan.domain.status import GoalStanding, goal_standings, review_estimates
from careerplan.services.actions import ActionRow, list_actions
from careerplan.services.clock import Clock
from careerplan.services.goals import GoalRow
from careerplan.services.resources import list_resources
from careerplan.services.review_status import is_dream_job

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SubGoal:
    goal: Goal
    progress: float


@dataclass(frozen=True)
class ReviewMention:
    """What one review recorded for the goal."""

    held_on: date
    cadence: ReviewCadence
    entry: ReviewEntry


@dataclass
class GoalPage:
    goal: Goal
    progress: float
    standing: GoalStanding | None  # None once dropped: a dropped goal is no longer judged
    report: SmartReport | None  # None until the goal has been checked
    parent: Goal | None
    children: list[SubGoal]
    actions: list[ActionRow]
    resources: list[Resource]
    checkins: list[CheckIn]  # newest first
    reviews: list[ReviewMention]  # newest first
    history: list[tuple[date, float]]  # the measure's value after each day with a check-in
    parents: list[GoalRow]  # where the goal may move: active goals outside its own branch
    warnings: list[str]
    dream_job: bool


def goal_page(uow: UnitOfWork, clock: Clock, goal_id: int) -> GoalPage:
    """The goal's page; an unknown id is refused as `goal show` refuses it."""
    today = clock.today()
    goal = uow.goals.get(goal_id)
    goals = uow.goals.all()
    latest = uow.reviews.latest_entries_by_goal()
    # The same figures as the dashboard and the review: a goal without a measure or sub-goals
    # shows the progress its last review estimated.
    progress = progress_by_goal(goals, review_estimates(latest))
    parent = next((g for g in goals if g.id == goal.parent_id), None)
    vision = uow.visions.get()
    checkins = uow.checkins.for_goal(goal_id)
    return GoalPage(
        goal=goal,
        progress=progress.get(goal_id, 0.0),
        standing=goal_standings(goals, latest, today).get(goal_id),
        report=SmartReport.stored(goal.smart_report),
        parent=parent,
        children=[
            SubGoal(g, progress.get(g.id or 0, 0.0))
            for _, g in depth_first(goals)
            if g.parent_id == goal_id
        ],
        actions=list_actions(uow, clock, goal_id),
        resources=list_resources(uow, goal_id),
        checkins=sorted(checkins, key=lambda c: (c.on, c.id or 0), reverse=True),
        reviews=[
            ReviewMention(review.held_on, review.cadence, entry)
            for review in reversed(uow.reviews.all())
            for entry in review.entries
            if entry.goal_id == goal_id
        ],
        history=measure_history(checkins) if goal.measure else [],
        parents=_new_parents(goals, goal_id, progress),
        warnings=date_warnings(goal, parent, today, vision.target_date if vision else None),
        dream_job=is_dream_job(goal),
    )


def goal_measure(uow: UnitOfWork, goal_id: int) -> tuple[Measure | None, list[tuple[date, float]]]:
    """The goal's measure and its values by day, for the chart on its page."""
    goal = uow.goals.get(goal_id)
    if goal.measure is None:
        return None, []
    return goal.measure, measure_history(uow.checkins.for_goal(goal_id))


def measure_history(checkins: Iterable[CheckIn]) -> list[tuple[date, float]]:
    """The measure's value by day, oldest first: the last value recorded each day counts, as it
    does for the measure's current value."""
    points: list[tuple[date, float]] = []
    for checkin in sorted(checkins, key=lambda c: (c.on, c.id or 0)):
        if checkin.value is None:
            continue
        if points and points[-1][0] == checkin.on:
            points[-1] = (checkin.on, checkin.value)
        else:
            points.append((checkin.on, checkin.value))
    return points


def _new_parents(goals: list[Goal], goal_id: int, progress: dict[int, float]) -> list[GoalRow]:
    """Active goals the goal may move under: not itself and nothing below it (that would make a
    loop, which the move refuses)."""
    below = {goal_id}
    grew = True
    while grew:
        found = {g.id for g in goals if g.parent_id in below and g.id is not None} - below
        below |= found
        grew = bool(found)
    return [
        GoalRow(g, depth, progress.get(g.id or 0, 0.0))
        for depth, g in depth_first(goals)
        if g.status is GoalStatus.ACTIVE and g.id not in below
    ]
