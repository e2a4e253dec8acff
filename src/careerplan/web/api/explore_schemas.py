"""What the catalogue and S.M.A.R.T. endpoints read and write (the plan's are in `schemas`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from careerplan.domain.education import Education
from careerplan.domain.rules import MAX_NOTE, MAX_TEXT
from careerplan.web.api.schemas import In, Out
from careerplan.web.api.types import Day, OccupationCode, storable

Answer = Annotated[int, Field(ge=1, le=5, strict=True)]
LongText = Annotated[str, Field(min_length=1, max_length=MAX_NOTE), storable]


class OccupationHit(Out):
    code: str
    title: str
    matched_title: str = Field(description="The title (or alternate title) that matched.")
    score: float


class InterestItemOut(Out):
    position: int
    area: str = Field(description="R, I, A, S, E or C.")
    text: str


class InterestProfileOut(Out):
    scores: dict[str, float] = Field(description="Each RIASEC area, 0 to 1.")
    code: str = Field(description="The three strongest areas, e.g. ESC.")
    sources: list[str]


class ReadingOut(Out):
    profile: InterestProfileOut
    evidence: dict[str, list[str]] = Field(description="Per area, the words that pointed to it.")


class MatchesIn(In):
    """The 60 Interest Profiler answers, a reflection, or both."""

    answers: list[Answer] | None = Field(
        None, min_length=60, max_length=60, description="1 strongly dislike … 5 strongly like."
    )
    reflection: LongText | None = Field(None, description="What you loved doing, then and now.")
    current: OccupationCode | None = Field(None, description="Your occupation, to weigh skills.")
    job_zone: int | None = Field(
        None, ge=1, le=5, strict=True, description="Preparation level to match in."
    )
    limit: int = Field(10, ge=1, le=100, strict=True)
    education: Education | None = Field(
        None, description="Your highest education: jobs within its reach come first."
    )


class MatchOut(Out):
    code: str
    title: str
    fit: float
    reasons: list[str]


class MatchesOut(Out):
    profile: InterestProfileOut
    reflection: ReadingOut | None
    matches: list[MatchOut]


class BridgeOut(Out):
    code: str
    title: str
    score: float
    reasons: list[str]


class PathStepOut(Out):
    code: str
    title: str
    builds: list[str] = Field(description="What this step adds on the way.")


class PathOut(Out):
    steps: list[PathStepOut]
    score: float = Field(description="100 for a free move, lower as steps and gaps add up.")


class SmartCheckIn(In):
    text: LongText = Field(description="The goal; the first 1,000 characters are analysed.")
    parent: Annotated[str, Field(max_length=MAX_TEXT), storable] | None = Field(
        None, description="The longer-term goal this one serves."
    )
    today: Day | None = Field(None, description="Reference date (default: today).")
    hours_per_week: float | None = Field(None, gt=0, le=168, allow_inf_nan=False, strict=True)


class SpanOut(Out):
    text: str
    start: int
    end: int


class VerdictOut(Out):
    ok: bool | None = Field(description="null when the text gives no basis to decide.")
    reason: str
    evidence: list[SpanOut]


class WindowOut(Out):
    start: date
    end: date


class SmartMeasureOut(Out):
    kind: str
    value: float | None
    unit: str | None
    metric: str | None
    evidence: SpanOut


class SmartCheckOut(Out):
    specific: bool
    measurable: bool
    attainable: bool | None
    relevant: bool | None
    time_bound: bool
    deadline: date | None
    deadline_window: WindowOut | None
    recurrence: str | None = Field(description="An RFC 5545 RRULE when the goal repeats.")
    measure: SmartMeasureOut | None
    score: int = Field(ge=0, le=5)
    criteria: dict[str, VerdictOut]
    suggestions: list[str]
    rewrite: str | None
    language: str
    supported: bool
    notes: list[str]
