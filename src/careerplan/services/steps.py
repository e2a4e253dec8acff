"""How far the person is through the five steps, for the step bar and the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerplan.domain.entities import GoalStatus, Horizon

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class StepState:
    number: int
    key: str
    label: str
    done: bool
    hint: str


def step_states(uow: UnitOfWork) -> list[StepState]:
    vision = uow.visions.get()
    goals = [g for g in uow.goals.all() if g.status is not GoalStatus.DROPPED]
    short_term = [g for g in goals if g.horizon is not Horizon.LONG]
    checked = [g for g in short_term if g.smart_report is not None]
    smart_ok = (
        bool(short_term)
        and all(
            isinstance(g.smart_report, dict) and g.smart_report.get("score", 0) == 5
            for g in checked
        )
        and len(checked) == len(short_term)
    )
    has_actions = uow.actions.count() > 0 if short_term else False
    return [
        StepState(
            1,
            "explore",
            "Explore",
            bool(vision and vision.dream_occupation_code),
            "Find occupations that fit your interests and skills.",
        ),
        StepState(
            2,
            "vision",
            "Write it down",
            bool(vision and vision.target_date and vision.commitment),
            "Describe the day you get there, a target date and your commitment.",
        ),
        StepState(
            3,
            "plan",
            "Break it down",
            len({g.horizon for g in short_term if g.horizon}) >= 2,
            "Set goals for 2 years, 12 months and 6 months.",
        ),
        StepState(
            4,
            "smart",
            "Make it S.M.A.R.T.",
            smart_ok,
            "Check every goal is specific, measurable, attainable, relevant and time-bound.",
        ),
        StepState(
            5,
            "actions",
            "Act",
            has_actions,
            "List actions and the people and resources that can help.",
        ),
    ]
