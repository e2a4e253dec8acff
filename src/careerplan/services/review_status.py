"""Where the plan stands: each goal's status, the dream job's, what needs attention, and when
the next review is due. Read-only and light: `careerplan today` calls it through the quick
SQLite reader, so it imports nothing beyond the domain."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from careerplan.domain.entities import Goal, GoalStatus, Horizon, Preferences, ReviewEntry
from careerplan.domain.status import (
    SEVERITY,
    GoalStanding,
    Standing,
    goal_standings,
    next_review,
    plan_standing,
    review_is_due,
)

if TYPE_CHECKING:
    from careerplan.services.reads import GoalReads, PlanReads


class PreferenceReads(Protocol):
    def get(self) -> Preferences: ...


class ReviewReads(Protocol):
    def last_held_on(self) -> date | None: ...

    def latest_entries_by_goal(self) -> dict[int, ReviewEntry]: ...


class StatusReads(Protocol):
    """What the status needs: the goals, the review rhythm and the latest review entries. A
    unit of work provides it, and so does the quick SQLite reader."""

    @property
    def goals(self) -> GoalReads: ...

    @property
    def preferences(self) -> PreferenceReads: ...

    @property
    def reviews(self) -> ReviewReads: ...


if TYPE_CHECKING:

    class DailyReads(PlanReads, StatusReads, Protocol):
        """What `careerplan today` reads: the plan and its review status."""


@dataclass
class PlanStatus:
    today: date
    preferences: Preferences
    last_review: date | None
    next_review: date
    review_due: bool
    plan: Standing  # the dream job's status, from its top-level goals
    standings: dict[int, GoalStanding]
    latest: dict[int, ReviewEntry]
    # Active goals at risk or behind (the dream job itself aside), the worst and soonest first.
    attention: list[tuple[Goal, GoalStanding]] = field(default_factory=list)

    @property
    def review_overdue_days(self) -> int:
        return max(0, (self.today - self.next_review).days)


def is_dream_job(goal: Goal) -> bool:
    return goal.parent_id is None and goal.horizon is Horizon.LONG


def needing_attention(
    goals: list[Goal], standings: dict[int, GoalStanding]
) -> list[tuple[Goal, GoalStanding]]:
    """Active goals at risk or behind (the dream job itself aside), the worst and soonest first."""
    attention = [
        (goal, standings[goal.id])
        for goal in goals
        if goal.id in standings
        and goal.status is GoalStatus.ACTIVE
        and not is_dream_job(goal)
        and standings[goal.id].standing.needs_attention
    ]
    attention.sort(
        key=lambda pair: (SEVERITY.index(pair[1].standing), pair[0].due or date.max, pair[0].id)
    )
    return attention


def plan_status(reads: StatusReads, today: date) -> PlanStatus:
    goals = reads.goals.all()
    preferences = reads.preferences.get()
    last = reads.reviews.last_held_on()
    latest = reads.reviews.latest_entries_by_goal()
    standings = goal_standings(goals, latest, today)
    upcoming = next_review(preferences, last, today)
    attention = needing_attention(goals, standings)
    return PlanStatus(
        today=today,
        preferences=preferences,
        last_review=last,
        next_review=upcoming,
        review_due=review_is_due(upcoming, today),
        plan=plan_standing(goals, standings),
        standings=standings,
        latest=latest,
        attention=attention,
    )
