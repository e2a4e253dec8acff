"""What the read-only views need from a plan: its goals, actions, vision and profile, the
applications' follow-ups and the proposals accepted. A unit of work provides them, and so does
the quick SQLite reader that the commands which only read use."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from careerplan.domain.entities import Action, Goal, Profile, Vision
from careerplan.domain.job_search import Application, Skill


class GoalReads(Protocol):
    def all(self) -> list[Goal]: ...


class GoalLookup(GoalReads, Protocol):
    def get(self, ident: int) -> Goal: ...


class ProfileReads(Protocol):
    def get(self) -> Profile | None: ...


class AcceptedReads(Protocol):
    def accepted(self) -> dict[str, int]: ...


class ActionReads(Protocol):
    def all(self, goal_id: int | None = None) -> list[Action]: ...


class VisionReads(Protocol):
    def get(self) -> Vision | None: ...


class FollowUpReads(Protocol):
    def follow_ups(self, until: date) -> list[Application]: ...


class PlanReads(Protocol):
    @property
    def goals(self) -> GoalReads: ...

    @property
    def actions(self) -> ActionReads: ...

    @property
    def visions(self) -> VisionReads: ...

    @property
    def applications(self) -> FollowUpReads: ...


class SmartReads(Protocol):
    """What the S.M.A.R.T. check of a goal reads: its parent, the vision, the profile."""

    @property
    def goals(self) -> GoalLookup: ...

    @property
    def visions(self) -> VisionReads: ...

    @property
    def profiles(self) -> ProfileReads: ...


class SkillReads(Protocol):
    def all(self) -> list[Skill]: ...


class ProposalReads(SmartReads, Protocol):
    """What `plan propose` reads; it writes nothing."""

    @property
    def proposals(self) -> AcceptedReads: ...

    @property
    def skills(self) -> SkillReads: ...
