"""Reviews: list them, record one (with its decisions, all or nothing), the plan's status, and
the review rhythm."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status
from pydantic import Field

from careerplan.domain.entities import Decision, Preferences, Review, ReviewCadence
from careerplan.services.review_status import PlanStatus, plan_status
from careerplan.services.reviews import (
    MAX_TARGET,
    EntryInput,
    ReviewInput,
    goal_texts,
    record_review,
    review_history,
    set_preferences,
)
from careerplan.web.api.responses import INVALID, READ_ONE, WRITE, WRITE_ONE
from careerplan.web.api.schemas import In, Out
from careerplan.web.api.types import (
    Confidence,
    Day,
    GoalText,
    Ident,
    Note,
    Number,
    Version,
)
from careerplan.web.deps import ClockDep, UnitsDep, smart_settings

router = APIRouter(prefix="/reviews", tags=["reviews"], responses=INVALID)

Percent = Annotated[
    float, Field(ge=0, le=100, allow_inf_nan=False, strict=True, description="0 to 100.")
]
Target = Annotated[
    float,
    Field(
        ge=0,
        le=MAX_TARGET,
        allow_inf_nan=False,
        strict=True,
        description="The measure's new target; with `adjust`, for a goal that has a measure.",
    ),
]
Weekday = Annotated[int, Field(ge=0, le=6, strict=True, description="0 is Monday, 6 Sunday.")]


class EntryIn(In):
    goal_id: Ident
    progress: Percent | None = Field(None, description="Your estimate, per cent.")
    confidence: Confidence | None = None
    decision: Decision = Decision.KEEP
    note: Note = ""
    version: Version | None = Field(None, description="The goal's version you reviewed.")
    text: GoalText | None = Field(None, description="New wording; with `adjust` only.")
    due: Day | None = Field(None, description="New due date; with `adjust` only.")
    measure_current: Number | None = Field(None, description="The goal's measure now.")
    target: Target | None = None


class ReviewIn(In):
    entries: list[EntryIn] = Field(default_factory=list, max_length=1000)
    went_well: Note = ""
    got_in_the_way: Note = ""
    held_on: Day | None = Field(None, description="Default: today. Never in the future.")


class EntryOut(Out):
    goal_id: int
    goal: str = Field(description="The goal's wording now.")
    progress: float | None
    confidence: int | None
    decision: Decision
    note: str


class ReviewOut(Out):
    id: int
    held_on: date
    cadence: ReviewCadence
    went_well: str
    got_in_the_way: str
    entries: list[EntryOut]


class ReviewCreatedOut(Out):
    review: ReviewOut
    warnings: list[str]


class GoalStatusOut(Out):
    goal_id: int
    text: str
    status: str = Field(description="done, on track, at risk, behind or no deadline.")
    progress: float = Field(description="0 to 1.")
    expected: float | None = Field(description="The share of the goal's time gone, 0 to 1.")
    reason: str


class PreferencesOut(Out):
    cadence: ReviewCadence
    weekday: int
    reminder_days: int
    digest_email: str
    version: int


class PreferencesPatch(In):
    cadence: ReviewCadence | None = None
    weekday: Weekday | None = None
    reminder_days: Annotated[int, Field(ge=0, le=30, strict=True)] | None = None
    digest_email: Annotated[str, Field(max_length=254)] | None = Field(
        None, description="Where the digest goes; empty to stop it."
    )
    version: Version | None = None


class StatusOut(Out):
    plan_status: str = Field(description="The dream job's: the worst of its top-level goals.")
    last_review: date | None
    next_review: date
    review_due: bool
    preferences: PreferencesOut
    attention: list[GoalStatusOut] = Field(description="Active goals at risk or behind.")
    goals: list[GoalStatusOut]


def _review_out(review: Review, texts: dict[int, str]) -> ReviewOut:
    assert review.id is not None
    return ReviewOut(
        id=review.id,
        held_on=review.held_on,
        cadence=review.cadence,
        went_well=review.went_well,
        got_in_the_way=review.got_in_the_way,
        entries=[
            EntryOut(
                goal_id=e.goal_id,
                goal=texts.get(e.goal_id, ""),
                progress=e.progress,
                confidence=e.confidence,
                decision=e.decision,
                note=e.note,
            )
            for e in review.entries
        ],
    )


def _preferences_out(preferences: Preferences) -> PreferencesOut:
    return PreferencesOut(
        cadence=preferences.review_cadence,
        weekday=preferences.review_weekday,
        reminder_days=preferences.reminder_days,
        digest_email=preferences.digest_email,
        version=preferences.version,
    )


def _status_out(found: PlanStatus, texts: dict[int, str]) -> StatusOut:
    def one(goal_id: int) -> GoalStatusOut:
        standing = found.standings[goal_id]
        return GoalStatusOut(
            goal_id=goal_id,
            text=texts.get(goal_id, ""),
            status=standing.standing.value,
            progress=round(standing.progress, 4),
            expected=None if standing.expected is None else round(standing.expected, 4),
            reason=standing.reason,
        )

    return StatusOut(
        plan_status=found.plan.value,
        last_review=found.last_review,
        next_review=found.next_review,
        review_due=found.review_due,
        preferences=_preferences_out(found.preferences),
        attention=[one(goal.id) for goal, _ in found.attention if goal.id is not None],
        goals=[one(goal_id) for goal_id in sorted(found.standings)],
    )


@router.get("", summary="List reviews, newest first", response_model=list[ReviewOut])
def reviews_list(units: UnitsDep) -> list[ReviewOut]:
    with units() as uow:
        reviews, texts = review_history(uow), goal_texts(uow)
    return [_review_out(review, texts) for review in reviews]


@router.post(
    "",
    summary="Record a review and apply its decisions (keep, adjust, drop, done)",
    status_code=status.HTTP_201_CREATED,
    response_model=ReviewCreatedOut,
    responses=WRITE_ONE,
)
def reviews_create(
    body: ReviewIn, request: Request, response: Response, units: UnitsDep, clock: ClockDep
) -> ReviewCreatedOut:
    data = ReviewInput(
        entries=[EntryInput(**entry.model_dump()) for entry in body.entries],
        went_well=body.went_well,
        got_in_the_way=body.got_in_the_way,
        held_on=body.held_on,
    )
    with units() as uow:
        recorded = record_review(uow, clock, data, smart_settings(request))
        texts = goal_texts(uow)
    response.headers["Location"] = f"/api/v1/reviews/{recorded.review.id}"
    return ReviewCreatedOut(review=_review_out(recorded.review, texts), warnings=recorded.warnings)


@router.get(
    "/status",
    summary="Each goal's status, the plan's, and the next review",
    response_model=StatusOut,
)
def reviews_status(units: UnitsDep, clock: ClockDep) -> StatusOut:
    with units() as uow:
        found, texts = plan_status(uow, clock.today()), goal_texts(uow)
    return _status_out(found, texts)


@router.get(
    "/settings", summary="The review rhythm and digest address", response_model=PreferencesOut
)
def reviews_settings(units: UnitsDep) -> PreferencesOut:
    with units() as uow:
        return _preferences_out(uow.preferences.get())


@router.patch(
    "/settings",
    summary="Change the review rhythm or the digest address",
    response_model=PreferencesOut,
    responses=WRITE,
)
def reviews_settings_update(body: PreferencesPatch, units: UnitsDep) -> PreferencesOut:
    with units() as uow:
        saved = set_preferences(
            uow,
            cadence=body.cadence,
            weekday=body.weekday,
            reminder_days=body.reminder_days,
            email=body.digest_email,
            expected_version=body.version,
        )
    return _preferences_out(saved)


@router.get("/{review_id}", summary="Show a review", response_model=ReviewOut, responses=READ_ONE)
def reviews_get(
    review_id: Annotated[int, Path(ge=1, description="The review's id.")],
    units: UnitsDep,
) -> ReviewOut:
    with units() as uow:
        found, texts = uow.reviews.get(review_id), goal_texts(uow)
    return _review_out(found, texts)
