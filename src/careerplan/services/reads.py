"""What the read-only views need from a plan: its goals, actions and vision. A unit of work
provides it, and so does the quick SQLite reader the daily commands use."""

from __future__ import annotations

from typing import Protocol

from careerplan.domain.entities import Action, Goal, Vision


class GoalReads(Protocol):
    def all(self) -> list[Goal]: ...


class ActionReads(Protocol):
    def all(self, goal_id: int | None = None) -> list[Action]: ...


class VisionReads(Protocol):
    def get(self) -> Vision | None: ...


class PlanReads(Protocol):
    @property
    def goals(self) -> GoalReads: ...

    @property
    def actions(self) -> ActionReads: ...

    @property
    def visions(self) -> VisionReads: ...
