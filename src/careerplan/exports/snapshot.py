"""Everything in one person's plan, read in one transaction, for the exports to render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from careerplan.domain.entities import (
    Action,
    CheckIn,
    Exploration,
    Goal,
    Preferences,
    Profile,
    Resource,
    Review,
    Vision,
)
from careerplan.domain.job_search import Application, Resume, Skill
from careerplan.domain.rules import progress_by_goal
from careerplan.domain.status import latest_entries, review_estimates


@dataclass(slots=True)
class PlanSnapshot:
    exported_at: datetime
    # The database schema revision the plan was read at: the backup file records it. Handed in
    # by the reader, so the exports need nothing from storage.
    schema_revision: str
    # The person's calendar day when the plan was read (the clock's `today()`), which near
    # midnight is not `exported_at`'s UTC date: every "today" in an export is this day.
    today: date
    # Whose plan this is (the owner's id in this database): calendar UIDs carry it, so two
    # people's items never share an identifier.
    owner_id: int = 0
    profile: Profile | None = None
    vision: Vision | None = None
    exploration: Exploration | None = None
    preferences: Preferences = field(default_factory=Preferences)
    goals: list[Goal] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    # Accepted proposal keys and the goal each became.
    accepted_proposals: dict[str, int] = field(default_factory=dict)
    # The day each of those proposals was accepted.
    accepted_on: dict[str, date] = field(default_factory=dict)
    # The job search: the person's skills, the résumés imported, the applications tracked.
    skills: list[Skill] = field(default_factory=list)
    resumes: list[Resume] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)

    def goal(self, ident: int) -> Goal | None:
        return next((goal for goal in self.goals if goal.id == ident), None)

    def actions_of(self, goal_id: int) -> list[Action]:
        return [action for action in self.actions if action.goal_id == goal_id]

    def resources_of_goal(self, goal_id: int) -> list[Resource]:
        return [resource for resource in self.resources if goal_id in resource.goal_ids]

    def progress(self) -> dict[int, float]:
        """Each goal's progress 0..1 as the dashboard shows it: measures and sub-goals, else the
        latest review's estimate."""
        return progress_by_goal(self.goals, review_estimates(latest_entries(self.reviews)))
