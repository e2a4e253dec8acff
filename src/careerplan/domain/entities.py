"""The plan's entities: plain dataclasses, persisted by `storage`, ruled by `rules`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from careerplan.domain.education import Education


class Horizon(enum.StrEnum):
    """Where a goal sits on the way to the dream job. `long` is the dream job itself."""

    LONG = "long"
    TWO_YEARS = "2y"
    TWELVE_MONTHS = "12m"
    SIX_MONTHS = "6m"

    @property
    def months(self) -> int | None:
        return {"2y": 24, "12m": 12, "6m": 6}.get(self.value)

    @property
    def label(self) -> str:
        return {
            "long": "long-term",
            "2y": "2 years",
            "12m": "12 months",
            "6m": "6 months",
        }[self.value]


class Category(enum.StrEnum):
    SKILLS = "skills"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    NETWORK = "network"
    JOB_SEARCH = "job-search"
    OTHER = "other"


class GoalStatus(enum.StrEnum):
    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"


class ResourceKind(enum.StrEnum):
    PERSON = "person"
    COURSE = "course"
    PROGRAMME = "programme"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "person": "person",
            "course": "online tool or course",
            "programme": "programme at work",
            "other": "other",
        }[self.value]


@dataclass(slots=True)
class Profile:
    name: str
    current_job_title: str = ""
    current_occupation_code: str | None = None
    hours_per_week: float = 3.0
    id: int | None = None
    version: int = 1
    # Highest education (a credentials.Education value) and its field ("biology"): routes to
    # a licensed job start from them (a bachelor's opens an accelerated programme, say).
    education: Education | None = None
    education_field: str = ""


# The write-it-down prompts of step 2, in the order the article asks them.
VISION_PROMPTS: dict[str, str] = {
    "life_difference": "Once you have this job, how is your life different?",
    "workplace": "What does your workplace look like?",
    "dress": "How do you dress for work?",
    "daily_work": "What are you doing day to day?",
    "feelings": "How do you feel?",
}


@dataclass(slots=True)
class Vision:
    dream_job_title: str
    dream_occupation_code: str | None = None
    industry: str = ""
    organisation_type: str = ""
    culture: str = ""
    location: str = ""
    life_difference: str = ""
    workplace: str = ""
    dress: str = ""
    daily_work: str = ""
    feelings: str = ""
    success_definition: str = ""
    target_date: date | None = None
    commitment: str = ""
    id: int | None = None
    version: int = 1
    # What the person is looking for, beyond the dream job itself: the card their network reads.
    target_roles: str = ""
    organisation_size: str = ""
    pay_range: str = ""


@dataclass(slots=True)
class Measure:
    """A number that says how far a goal has come: from `baseline` to `target` in `unit`."""

    metric: str
    target: float
    unit: str = ""
    baseline: float = 0.0
    current: float | None = None

    def progress(self) -> float:
        """Share of the way from baseline to target, 0..1 (a target below baseline counts down)."""
        if self.current is None:
            return 0.0
        span = self.target - self.baseline
        if span == 0:
            return 1.0 if self.current == self.target else 0.0
        return min(1.0, max(0.0, (self.current - self.baseline) / span))


@dataclass(slots=True)
class Goal:
    text: str
    horizon: Horizon | None = None
    parent_id: int | None = None
    category: Category = Category.OTHER
    measure: Measure | None = None
    due: date | None = None
    repeat: str | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    smart_report: dict[str, object] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None
    version: int = 1
    # The goal's identity outside this database (its calendar UID): a uuid4 given when it is
    # first stored and kept through backups and restores, where `id` is renumbered.
    uid: str | None = None


@dataclass(slots=True)
class Completion:
    action_id: int
    done_on: date
    note: str = ""
    id: int | None = None


@dataclass(slots=True)
class Action:
    goal_id: int
    text: str
    due: date | None = None
    repeat: str | None = None
    done: bool = False
    completions: list[Completion] = field(default_factory=list)
    created_at: datetime | None = None
    id: int | None = None
    version: int = 1
    uid: str | None = None  # as a goal's: kept through backups and restores


@dataclass(slots=True)
class Resource:
    kind: ResourceKind
    name: str
    contact: str = ""
    notes: str = ""
    goal_ids: list[int] = field(default_factory=list)
    action_ids: list[int] = field(default_factory=list)
    id: int | None = None
    version: int = 1


@dataclass(slots=True)
class CheckIn:
    goal_id: int
    on: date
    value: float | None = None
    note: str = ""
    confidence: int | None = None
    id: int | None = None
    # When it was recorded (not the day it is about), kept so a backup restores it as it was.
    # Not compared: SQLite hands times back without their zone, and two records of the same
    # check-in are the same whenever they were read.
    created_at: datetime | None = field(default=None, compare=False)


# The Interest Profiler short form has 60 items; 0 marks an item not answered yet.
INTEREST_ITEMS = 60


@dataclass(slots=True)
class Exploration:
    """Step 1 in progress: interest answers (resumable), the reflection, the field of interest."""

    answers: tuple[int, ...] = (0,) * INTEREST_ITEMS
    reflection: str = ""
    job_zone: int | None = None
    interest_field: str = ""
    updated_at: datetime | None = None
    id: int | None = None
    version: int = 1

    @property
    def answered(self) -> int:
        return sum(1 for answer in self.answers if answer)

    @property
    def complete(self) -> bool:
        return self.answered == INTEREST_ITEMS


class ReviewCadence(enum.StrEnum):
    """How often the person sits down with the whole plan (step 5: revisit it often)."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class Decision(enum.StrEnum):
    """What a review decided for one goal."""

    KEEP = "keep"
    ADJUST = "adjust"
    DROP = "drop"
    DONE = "done"


@dataclass(slots=True)
class Preferences:
    """One per person: the review rhythm, reminders and where the digest goes."""

    review_cadence: ReviewCadence = ReviewCadence.WEEKLY
    review_weekday: int = 6  # 0 is Monday; Sunday evening is when most people plan a week
    reminder_days: int = 1
    calendar_token: str | None = None
    digest_email: str = ""
    id: int | None = None
    version: int = 1


@dataclass(slots=True)
class ReviewEntry:
    goal_id: int
    progress: float | None = None  # per cent, the person's own estimate
    confidence: int | None = None  # 1-5
    decision: Decision = Decision.KEEP
    note: str = ""
    id: int | None = None


@dataclass(slots=True)
class Review:
    held_on: date
    cadence: ReviewCadence
    went_well: str = ""
    got_in_the_way: str = ""
    entries: list[ReviewEntry] = field(default_factory=list)
    created_at: datetime | None = None
    id: int | None = None
