"""The parts a proposal is made of: the gap it plans across, the goals, actions and resources it
proposes, and the small rules of dates and sizes the planner and the route's spine share."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from careerplan.domain.credentials import BLS_EDUCATION
from careerplan.domain.dates import add_months
from careerplan.domain.education import Education
from careerplan.domain.entities import Category, Horizon, ResourceKind
from careerplan.domain.errors import Advice
from careerplan.domain.route import Route

# Study hours per point of O*NET level (0-7) to close a gap: a point is roughly the difference
# between using a skill with help and using it alone, which short courses put at 20-40 hours of
# study and practice. The low end keeps the first plan encouraging; reviews correct it.
HOURS_PER_LEVEL = 20.0
MIN_LEARNING_HOURS = 20.0
MAX_LEARNING_HOURS = 80.0
TECHNOLOGY_HOURS = 30.0
# Time that goes to conversations with people in the field, not to study.
NETWORK_HOURS_PER_WEEK = 0.5
MIN_STUDY_HOURS_PER_WEEK = 1.0
MONTHS_PER_ZONE = 12
FINAL_STRETCH_MONTHS = 6
DEFAULT_HORIZON_MONTHS = 36
SKILL_GOALS = 3
TECHNOLOGY_GOALS = 2
# Office tools nearly every job lists: learning them is not a step towards a particular job.
COMMONPLACE_TOOLS = frozenset(
    {
        "microsoft outlook", "microsoft office software", "microsoft word", "microsoft excel",
        "microsoft powerpoint", "microsoft teams", "adobe acrobat", "email software",
        "web browser software", "zoom", "google workspace software", "microsoft sharepoint",
    }
)  # fmt: skip

# A part-time programme's length in weeks, by the level it leads to (see domain/smart/effort.py
# for the sources of the degree lengths); levels below a certificate need no programme.
PROGRAMME_WEEKS = {
    Education.CERTIFICATE: 40,
    Education.ASSOCIATE: 104,
    Education.BACHELOR: 200,
    Education.MASTER: 96,
    Education.DOCTORAL: 200,
}


@dataclass(frozen=True, slots=True)
class SkillGap:
    name: str
    kind: str  # "skill", "knowledge" or "work activity"
    level: float
    needed: float
    importance: float

    @property
    def hours(self) -> float:
        raw = (self.needed - self.level) * HOURS_PER_LEVEL
        return float(min(MAX_LEARNING_HOURS, max(MIN_LEARNING_HOURS, 10 * math.ceil(raw / 10))))


@dataclass(frozen=True, slots=True)
class Gap:
    """What the dream job asks and what the person has, as the catalogue sees it."""

    dream_title: str
    target_date: date | None
    hours_per_week: float
    current_title: str = ""
    current_zone: int | None = None
    dream_zone: int | None = None
    current_education: str | None = None
    dream_education: str | None = None
    dream_experience: str | None = None
    skill_gaps: tuple[SkillGap, ...] = ()
    technologies: tuple[str, ...] = ()
    # The intermediate occupations of the best career path, nearest first.
    stepping_stones: tuple[str, ...] = ()
    # The gates to the dream job, in order (a programme, an exam, a licence...): the plan's spine.
    route: Route | None = None
    # The dream job in the person's own words ("COO of a high-tech startup"), for the job search.
    dream_words: str = ""
    # Office tools the dream job lists and the current one does not: one checklist, not courses.
    office_tools: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProposedAction:
    text: str
    due: date | None = None
    repeat: str | None = None


@dataclass(frozen=True, slots=True)
class ResourceHint:
    kind: ResourceKind
    suggestion: str


@dataclass(slots=True)
class ProposedGoal:
    key: str
    text: str
    horizon: Horizon | None
    category: Category
    due: date
    why: str
    hours: float = 0.0
    parent_key: str | None = None
    metric: str | None = None
    target: float | None = None
    unit: str = ""
    actions: list[ProposedAction] = field(default_factory=list)
    resources: list[ResourceHint] = field(default_factory=list)


@dataclass(slots=True)
class Proposal:
    today: date
    target_date: date
    goals: list[ProposedGoal]
    warnings: list[Advice] = field(default_factory=list)
    # The earliest date the whole plan fits, when the target date is too soon (else None).
    realistic_date: date | None = None
    target_was_set: bool = True


def horizon_for(due: date, today: date) -> Horizon | None:
    """The shortest horizon whose window holds `due`; None beyond two years."""
    for horizon in (Horizon.SIX_MONTHS, Horizon.TWELVE_MONTHS, Horizon.TWO_YEARS):
        months = horizon.months
        assert months is not None
        if due <= add_months(today, months):
            return horizon
    return None


def spoken(day: date) -> str:
    """ "31 May 2027": unambiguous whatever the reader's date order."""
    return f"{day.day} {day:%B %Y}"


def education_weeks(current: str | None, needed: str | None) -> int:
    """Part-time weeks to the education the dream job usually asks (BLS names), 0 when already
    there or when the BLS gives none."""
    if needed not in BLS_EDUCATION:
        return 0
    wanted = BLS_EDUCATION[needed]
    if current in BLS_EDUCATION and BLS_EDUCATION[current].rank >= wanted.rank:
        return 0
    return PROGRAMME_WEEKS.get(wanted, 0)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "item"
