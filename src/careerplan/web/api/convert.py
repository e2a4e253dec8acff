"""Service results to response models: the one place that knows both shapes."""

from __future__ import annotations

from collections.abc import Sequence

from careerplan.services.actions import ActionRow
from careerplan.services.goals import GoalDetail, GoalRow
from careerplan.services.today import Agenda
from careerplan.web.api.schemas import (
    ActionOut,
    ActionRef,
    AgendaOut,
    CheckInOut,
    GoalDetailOut,
    GoalOut,
    GoalRef,
    GoalRowOut,
    RepeatStateOut,
)


def action_out(row: ActionRow) -> ActionOut:
    out = ActionOut.model_validate(row.action)
    out.repeat_state = RepeatStateOut.model_validate(row.state) if row.state else None
    return out


def goal_row_out(row: GoalRow) -> GoalRowOut:
    base = dict(GoalOut.model_validate(row.goal))
    return GoalRowOut(**base | {"depth": row.depth, "progress": round(row.progress, 4)})


def goal_detail_out(detail: GoalDetail, warnings: Sequence[str] | None = None) -> GoalDetailOut:
    """The goal as GET shows it; after a write, `warnings` are the write's own (they include
    the date warnings the detail computes)."""
    base = dict(GoalOut.model_validate(detail.goal))
    return GoalDetailOut(
        **base
        | {
            "progress": round(detail.progress, 4),
            "warnings": detail.warnings if warnings is None else list(warnings),
            "children": [GoalRef.model_validate(child) for child in detail.children],
            "checkins": [CheckInOut.model_validate(c) for c in detail.checkins],
        }
    )


def agenda_out(agenda: Agenda) -> AgendaOut:
    vision = agenda.vision
    return AgendaOut(
        today=agenda.today,
        dream_job_title=vision.dream_job_title if vision else None,
        target_date=vision.target_date if vision else None,
        days_left=agenda.days_left,
        overdue_goals=[GoalRef.model_validate(g) for g in agenda.overdue_goals],
        overdue_actions=[ActionRef.model_validate(a) for a in agenda.overdue_actions],
        goals_this_week=[GoalRef.model_validate(g) for g in agenda.goals_this_week],
        actions_this_week=[ActionRef.model_validate(a) for a in agenda.actions_this_week],
        repeats_due=[action_out(row) for row in agenda.repeats_due],
    )
