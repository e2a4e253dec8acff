"""What the plan's endpoints read and write: pydantic models, separate from the domain entities.

`…In` bodies create, `…Patch` bodies change (and carry the `version` that was read), `…Out`
models are what comes back. Unknown fields are refused, so a typo is a 422, not a silent no-op.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from careerplan.domain.education import Education
from careerplan.domain.entities import Category, GoalStatus, Horizon, ResourceKind
from careerplan.web.api.types import (
    Confidence,
    Contact,
    Day,
    GoalText,
    Hours,
    Ident,
    Moment,
    Name,
    Note,
    Number,
    OccupationCode,
    Rule,
    ShortText,
    Version,
)

MAX_LINKS = 100


class In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# Goals


class MeasureIn(In):
    metric: Name = Field("progress", description="What is counted, e.g. 'people managed'.")
    target: Number
    unit: ShortText = Field("", max_length=50)
    baseline: Number = 0.0


class MeasurePatch(In):
    metric: Name | None = None
    target: Number | None = None
    unit: ShortText | None = Field(None, max_length=50)
    baseline: Number | None = None


class MeasureOut(Out):
    metric: str
    target: float
    unit: str
    baseline: float
    current: float | None


class GoalIn(In):
    text: GoalText
    parent_id: Ident | None = None
    horizon: Horizon | None = Field(
        None, description="2y, 12m or 6m; without a due date it gives one. `long` is the vision."
    )
    due: Day | None = None
    repeat: Rule | None = None
    category: Category = Category.OTHER
    measure: MeasureIn | None = None


class GoalPatch(In):
    """Only the fields sent change. `due`, `repeat` and `parent_id` sent as null clear them."""

    version: Version
    text: GoalText | None = None
    horizon: Horizon | None = None
    due: Day | None = None
    repeat: Rule | None = None
    category: Category | None = None
    measure: MeasurePatch | None = None
    parent_id: Ident | None = Field(None, description="Move under this goal (null: to the top).")
    status: GoalStatus | None = None


class GoalRef(Out):
    id: int
    text: str
    status: GoalStatus
    horizon: Horizon | None
    due: date | None


class GoalOut(Out):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: int
    parent_id: int | None
    text: str
    horizon: Horizon | None
    category: Category
    measure: MeasureOut | None
    due: date | None
    repeat: str | None
    status: GoalStatus
    smart: dict[str, Any] | None = Field(
        None, validation_alias="smart_report", description="The stored S.M.A.R.T. report."
    )
    created_at: Moment | None
    updated_at: Moment | None
    version: int
    progress: float = Field(0.0, ge=0, le=1, description="Rolled up from measure and sub-goals.")
    warnings: list[str] = Field(default_factory=list, description="Worth saying; never blocking.")


class GoalRowOut(GoalOut):
    depth: int = Field(ge=0, description="0 for a top goal, 1 under it, and so on.")


class GoalDetailOut(GoalOut):
    children: list[GoalRef]
    checkins: list[CheckInOut]


# Actions


class ActionIn(In):
    goal_id: Ident
    text: GoalText
    due: Day | None = None
    repeat: Rule | None = None


class ActionPatch(In):
    """Only the fields sent change; `due` and `repeat` sent as null clear them."""

    version: Version
    text: GoalText | None = None
    due: Day | None = None
    repeat: Rule | None = None


class CompletionIn(In):
    on: Day | None = Field(None, description="The day it was done (default: today).")
    note: Note = ""


class CompletionOut(Out):
    id: int | None
    done_on: date
    note: str


class RepeatStateOut(Out):
    current: date | None = Field(description="The occurrence whose window holds today.")
    next: date | None
    done_this_time: bool
    streak: int
    completions: int


class ActionOut(Out):
    id: int
    goal_id: int
    text: str
    due: date | None
    repeat: str | None
    done: bool
    completions: list[CompletionOut]
    created_at: Moment | None
    version: int
    repeat_state: RepeatStateOut | None = None


# Resources


class ResourceIn(In):
    kind: ResourceKind
    name: Name
    contact: Contact = ""
    notes: Note = ""
    goal_ids: list[Ident] = Field(default_factory=list, max_length=MAX_LINKS)
    action_ids: list[Ident] = Field(default_factory=list, max_length=MAX_LINKS)


class ResourcePatch(In):
    version: Version
    kind: ResourceKind | None = None
    name: Name | None = None
    contact: Contact | None = None
    notes: Note | None = None


class LinkIn(In):
    """Exactly one of `goal_id` and `action_id`."""

    goal_id: Ident | None = None
    action_id: Ident | None = None


class ResourceOut(Out):
    id: int
    kind: ResourceKind
    name: str
    contact: str
    notes: str
    goal_ids: list[int]
    action_ids: list[int]
    version: int


# Check-ins


class CheckInIn(In):
    """At least one of `value`, `note` and `confidence`. A value also moves the goal's measure."""

    goal_id: Ident
    on: Day | None = Field(None, description="The day it describes (default: today).")
    value: Number | None = None
    note: Note = ""
    confidence: Confidence | None = None


class CheckInOut(Out):
    id: int
    goal_id: int
    on: date
    value: float | None
    note: str
    confidence: int | None


# Profile, vision, plan, agenda

EDUCATION_DESCRIPTION = (
    "Highest education: routes to licensed jobs start from it (a bachelor's opens accelerated "
    "programmes, say)."
)


class ProfilePatch(In):
    """`current_occupation_code` sent as null clears it."""

    version: Version
    name: Name | None = None
    current_job_title: ShortText | None = None
    current_occupation_code: OccupationCode | None = None
    hours_per_week: Hours | None = None
    education: Education | None = Field(None, description=EDUCATION_DESCRIPTION)
    education_field: ShortText | None = None


class ProfileOut(Out):
    name: str
    current_job_title: str
    current_occupation_code: str | None
    hours_per_week: float
    education: Education | None
    education_field: str
    version: int


class VisionFields(In):
    dream_occupation_code: OccupationCode | None = None
    industry: ShortText | None = None
    organisation_type: ShortText | None = None
    culture: Note | None = None
    location: ShortText | None = None
    life_difference: Note | None = Field(None, description="How is your life different?")
    workplace: Note | None = Field(None, description="What does your workplace look like?")
    dress: Note | None = Field(None, description="How do you dress for work?")
    daily_work: Note | None = Field(None, description="What are you doing day to day?")
    feelings: Note | None = Field(None, description="How do you feel?")
    success_definition: Note | None = None
    target_date: Day | None = None
    commitment: Note | None = None
    target_roles: Note | None = Field(None, description="The roles you would take.")
    organisation_size: ShortText | None = Field(None, description="e.g. 20-200 people.")
    pay_range: ShortText | None = Field(None, description="The pay you are looking for.")


class VisionIn(VisionFields):
    dream_job_title: Name


class VisionPatch(VisionFields):
    """Only the fields sent change; `target_date` and `dream_occupation_code` null clear them."""

    version: Version
    dream_job_title: Name | None = None


class VisionOut(Out):
    dream_job_title: str
    dream_occupation_code: str | None
    industry: str
    organisation_type: str
    culture: str
    location: str
    life_difference: str
    workplace: str
    dress: str
    daily_work: str
    feelings: str
    success_definition: str
    target_date: date | None
    commitment: str
    target_roles: str
    organisation_size: str
    pay_range: str
    version: int


class PlanIn(In):
    name: Name
    current_job_title: ShortText = ""
    hours_per_week: Hours = 3.0
    education: Education | None = Field(None, description=EDUCATION_DESCRIPTION)
    education_field: ShortText = ""
    vision: VisionIn


class PlanOut(Out):
    profile: ProfileOut
    vision: VisionOut
    dream_goal: GoalOut
    warnings: list[str]


class ActionRef(Out):
    id: int
    goal_id: int
    text: str
    due: date | None


class AgendaOut(Out):
    today: date
    dream_job_title: str | None
    target_date: date | None
    days_left: int | None
    overdue_goals: list[GoalRef]
    overdue_actions: list[ActionRef]
    goals_this_week: list[GoalRef]
    actions_this_week: list[ActionRef]
    repeats_due: list[ActionOut]


GoalDetailOut.model_rebuild()
