"""A first plan, planned backwards from the dream job's date: pure rules, no catalogue access.

The service gathers the gap between what the person has and what the dream job asks (the
`Gap`), and this module turns it into goals on the 2-year, 12-month and 6-month horizons:

- learning goals for the largest skill, knowledge and technology gaps are laid end to end in the
  hours the person has each week, largest gap first, so each one's date follows from its size;
- a degree the dream job usually needs runs alongside, at a part-time programme's length;
- a climb in preparation (O*NET job zone) needs experience, which takes calendar time however many
  hours are free: a year per zone, spent in a stepping-stone job or in its duties;
- the final stretch before the target date is for the résumé and the job search.

When all that does not fit before the target date, the proposal says so and gives the date that
would work. Every text names its figure and its date, so it reads as S.M.A.R.T.; the service checks
each with the analyser anyway.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from careerplan.domain.dates import add_months, end_of_month
from careerplan.domain.entities import Category, Horizon, ResourceKind
from careerplan.domain.errors import Advice, Hint, Remedy
from careerplan.domain.titles import article, one_of

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

# Typical entry education (BLS categories), lowest first, with a part-time programme's length in
# weeks (see domain/smart/effort.py for the sources of the degree lengths).
EDUCATION_LADDER: tuple[tuple[str, int], ...] = (
    ("No formal educational credential", 0),
    ("High school diploma or equivalent", 0),
    ("Some college, no degree", 0),
    ("Postsecondary nondegree award", 40),
    ("Associate's degree", 104),
    ("Bachelor's degree", 200),
    ("Master's degree", 96),
    ("Doctoral or professional degree", 200),
)
_EDUCATION_RANK = {name: rank for rank, (name, _weeks) in enumerate(EDUCATION_LADDER)}


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
    """Part-time weeks to the education the dream job usually asks, 0 when already there."""
    if needed not in _EDUCATION_RANK:
        return 0
    if current in _EDUCATION_RANK and _EDUCATION_RANK[current] >= _EDUCATION_RANK[needed]:
        return 0
    return EDUCATION_LADDER[_EDUCATION_RANK[needed]][1]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "item"


class _Planner:
    def __init__(self, gap: Gap, today: date) -> None:
        self.gap = gap
        self.today = today
        self.study_per_week = max(
            MIN_STUDY_HOURS_PER_WEEK, gap.hours_per_week - NETWORK_HOURS_PER_WEEK
        )
        self.goals: list[ProposedGoal] = []
        # "a Chief Executive", not "Chief Executives": the person is to become one of them.
        self.title = one_of(gap.dream_title)
        self.one = f"{article(self.title)} {self.title}"

    def _weekly_hours(self, name: str, start: date) -> ProposedAction:
        """Study time each week: a weekly repeat for what starts now; for what starts later, a
        dated step to begin (a repeat would count from the day it is added)."""
        hours = f"{self.study_per_week:g}"
        if start <= self.today:
            return ProposedAction(f"Log {hours} hours on {name}", repeat="FREQ=WEEKLY")
        return ProposedAction(f"Start {name}: block {hours} hours a week for it", due=start)

    def _weeks(self, hours: float) -> int:
        return max(2, math.ceil(hours / self.study_per_week))

    def learning(self) -> date:
        """Skill and technology goals end to end; returns the day the last one ends."""
        start = self.today
        gaps = sorted(self.gap.skill_gaps, key=lambda g: -(g.importance - 1) * (g.needed - g.level))
        for gap in gaps[:SKILL_GOALS]:
            weeks = self._weeks(gap.hours)
            due = start + timedelta(weeks=weeks)
            verb = "practise" if gap.kind == "work activity" else "study"
            self.goals.append(
                ProposedGoal(
                    key=f"skill-{slug(gap.name)}",
                    text=(
                        f"Complete {gap.hours:.0f} hours of courses and practice in {gap.name} "
                        f"and use it in 2 pieces of work by {spoken(due)}"
                    ),
                    horizon=horizon_for(due, self.today),
                    category=Category.SKILLS,
                    due=due,
                    why=(
                        f"{gap.name} ({gap.kind}) is one of the largest gaps to "
                        f"{self.one}: level {gap.level:.1f} now, {gap.needed:.1f} "
                        f"needed, importance {gap.importance:.1f} of 5."
                    ),
                    hours=gap.hours,
                    metric="hours of study and practice",
                    target=gap.hours,
                    unit="hours",
                    actions=[
                        ProposedAction(
                            f"Choose a course or book on {gap.name} and block time to {verb} it",
                            due=start + timedelta(days=7),
                        ),
                        self._weekly_hours(gap.name, start),
                    ],
                    resources=[
                        ResourceHint(ResourceKind.COURSE, f"a course on {gap.name}"),
                        ResourceHint(
                            ResourceKind.PROGRAMME,
                            f"a training programme or stretch assignment at work in {gap.name}",
                        ),
                    ],
                )
            )
            start = due
        worth_learning = [
            tool for tool in self.gap.technologies if tool.lower() not in COMMONPLACE_TOOLS
        ]
        for technology in worth_learning[:TECHNOLOGY_GOALS]:
            weeks = self._weeks(TECHNOLOGY_HOURS)
            due = start + timedelta(weeks=weeks)
            self.goals.append(
                ProposedGoal(
                    key=f"technology-{slug(technology)}",
                    text=(
                        f"Learn {technology} for the work of {self.one}: finish 1 course and "
                        f"build 1 piece of work with it by {spoken(due)}"
                    ),
                    horizon=horizon_for(due, self.today),
                    category=Category.SKILLS,
                    due=due,
                    why=f"{technology} is used in the work of {self.one} and is not "
                    f"among the tools of {self.gap.current_title or 'your current job'}.",
                    hours=TECHNOLOGY_HOURS,
                    metric="pieces of work built",
                    target=1,
                    unit="",
                    actions=[
                        ProposedAction(
                            f"Find a beginner course on {technology}",
                            due=start + timedelta(days=7),
                        )
                    ],
                    resources=[ResourceHint(ResourceKind.COURSE, f"a course on {technology}")],
                )
            )
            start = due
        return start

    def education(self) -> date | None:
        weeks = education_weeks(self.gap.current_education, self.gap.dream_education)
        if not weeks:
            return None
        needed = self.gap.dream_education or ""
        enrol = end_of_month(add_months(self.today, 6))
        done = enrol + timedelta(weeks=weeks)
        self.goals.append(
            ProposedGoal(
                key=f"education-{slug(needed)}",
                text=(
                    f"Enrol in 1 part-time programme towards a {needed.lower()} relevant to "
                    f"{self.one} by {spoken(enrol)}"
                ),
                horizon=horizon_for(enrol, self.today),
                category=Category.EDUCATION,
                due=enrol,
                why=(
                    f"{self.title} usually asks for a {needed.lower()} on entry; "
                    f"{self.gap.current_title or 'your current job'} usually asks for "
                    f"{(self.gap.current_education or 'less').lower()}. Part time it takes about "
                    f"{weeks // 52 or 1} year(s) after enrolling."
                ),
                actions=[
                    ProposedAction(
                        "Shortlist 3 programmes and compare cost, length and entry requirements",
                        due=self.today + timedelta(days=30),
                    ),
                    ProposedAction(
                        "Ask my manager or HR whether work sponsors study",
                        due=self.today + timedelta(days=21),
                    ),
                ],
                resources=[
                    ResourceHint(
                        ResourceKind.PROGRAMME, "tuition support or a sponsored degree at work"
                    ),
                    ResourceHint(ResourceKind.PERSON, f"{self.one} who studied part time"),
                ],
            )
        )
        return done

    def experience(self) -> date | None:
        climb = (self.gap.dream_zone or 0) - (self.gap.current_zone or 0)
        stone = one_of(self.gap.stepping_stones[0]) if self.gap.stepping_stones else None
        stone_one = f"{article(stone)} {stone}" if stone else None
        if climb <= 0 and stone is None:
            return None
        months = MONTHS_PER_ZONE * max(1, climb)
        due = end_of_month(add_months(self.today, months))
        if stone:
            text = (
                f"Take on 2 main duties of {stone_one}, in my current role or a new job, "
                f"on the way to becoming {self.one} by {spoken(due)}"
            )
            why = f"{stone} is a step on the best career path to {self.one}."
        else:
            text = f"Lead 2 projects with the responsibilities of {self.one} by {spoken(due)}"
            why = f"The dream job asks for more preparation (job zone {self.gap.dream_zone})."
        if climb > 0:
            why += (
                f" Preparation climbs from job zone {self.gap.current_zone} to "
                f"{self.gap.dream_zone}, about {MONTHS_PER_ZONE} months of experience per zone."
            )
        if self.gap.dream_experience and self.gap.dream_experience != "None":
            why += f" Related experience usually asked: {self.gap.dream_experience.lower()}."
        self.goals.append(
            ProposedGoal(
                key=f"experience-{slug(stone or self.title)}",
                text=text,
                horizon=horizon_for(due, self.today),
                category=Category.EXPERIENCE,
                due=due,
                why=why,
                metric="projects or duties taken on",
                target=2,
                actions=[
                    ProposedAction(
                        "Ask my manager for a project that stretches me towards the dream job",
                        due=self.today + timedelta(days=14),
                    )
                ],
                resources=[
                    ResourceHint(
                        ResourceKind.PROGRAMME, "a job rotation or stretch assignment at work"
                    ),
                    ResourceHint(
                        ResourceKind.PERSON,
                        f"someone who works as {stone_one or self.one}",
                    ),
                ],
            )
        )
        return due

    def network(self) -> None:
        one = self.one
        due = end_of_month(add_months(self.today, 6))
        self.goals.append(
            ProposedGoal(
                key="network-conversations",
                text=f"Have 6 conversations with people who work as {one} by {spoken(due)}",
                horizon=horizon_for(due, self.today),
                category=Category.NETWORK,
                due=due,
                why="People who do the job know what the catalogue cannot: how they got there.",
                metric="conversations",
                target=6,
                actions=[
                    ProposedAction(
                        f"Ask one person who works as {one} for a 20-minute call",
                        repeat="FREQ=MONTHLY",
                    ),
                ],
                resources=[
                    ResourceHint(ResourceKind.PERSON, f"{one} in my network or a colleague's")
                ],
            )
        )
        mentor_due = end_of_month(add_months(self.today, 3))
        self.goals.append(
            ProposedGoal(
                key="network-mentor",
                text=(
                    f"Find 1 mentor close to the work of {one} and meet them once a month "
                    f"from {spoken(mentor_due)}"
                ),
                horizon=horizon_for(mentor_due, self.today),
                category=Category.NETWORK,
                due=mentor_due,
                why="A mentor who has made the move keeps the plan honest between reviews.",
                metric="mentors",
                target=1,
                actions=[
                    ProposedAction(
                        "List 5 people who could mentor me", due=self.today + timedelta(days=14)
                    ),
                ],
                resources=[
                    ResourceHint(ResourceKind.PERSON, f"a mentor who works as {one}"),
                    ResourceHint(ResourceKind.PROGRAMME, "a mentoring programme at work"),
                ],
            )
        )

    def final_stretch(self, target: date) -> None:
        title, one = self.title, self.one
        start = max(self.today + timedelta(days=30), add_months(target, -FINAL_STRETCH_MONTHS))
        resume_due = max(start, self.today + timedelta(days=30))
        search_due = max(target - timedelta(days=30), resume_due + timedelta(days=30))
        self.goals.append(
            ProposedGoal(
                key="job-search-resume",
                text=(
                    f"Rewrite my résumé and LinkedIn profile for {title} roles and get 2 people "
                    f"to review them by {spoken(resume_due)}"
                ),
                horizon=horizon_for(resume_due, self.today),
                category=Category.JOB_SEARCH,
                due=resume_due,
                why="The final stretch starts with telling the story of the plan on paper.",
                metric="reviews of my résumé",
                target=2,
                actions=[
                    ProposedAction(
                        f"Collect 5 job ads for {title} roles and note what they ask",
                        due=resume_due - timedelta(days=21),
                    )
                ],
                resources=[
                    ResourceHint(ResourceKind.PERSON, f"{one} or a recruiter to read my résumé")
                ],
            )
        )
        self.goals.append(
            ProposedGoal(
                key="job-search-applications",
                text=f"Apply for 10 {title} roles by {spoken(search_due)}",
                horizon=horizon_for(search_due, self.today),
                category=Category.JOB_SEARCH,
                due=search_due,
                why="Applications in the last months before the target date turn the plan "
                "into the job.",
                metric="applications",
                target=10,
                # A repeat counts from the day it is added, so one that belongs to the final
                # stretch is a dated step to start it, not a weekly reminder from today.
                actions=[
                    ProposedAction(
                        f"Start applying: 1 {title} role a week until {spoken(search_due)}",
                        due=resume_due,
                    )
                ],
                resources=[
                    ResourceHint(
                        ResourceKind.PERSON, "people from my conversations who can refer me"
                    )
                ],
            )
        )


def propose(gap: Gap, today: date) -> Proposal:
    """The proposed goals, the target date they were planned back from, and any warning."""
    planner = _Planner(gap, today)
    target_was_set = gap.target_date is not None and gap.target_date > today
    learning_end = planner.learning()
    education_end = planner.education()
    experience_end = planner.experience()
    planner.network()
    ready = max(day for day in (learning_end, education_end, experience_end) if day is not None)
    earliest = end_of_month(add_months(ready, FINAL_STRETCH_MONTHS))
    warnings: list[Advice] = []
    realistic: date | None = None
    if target_was_set:
        assert gap.target_date is not None
        target = gap.target_date
        if earliest > target:
            realistic = earliest
            warnings.append(
                Advice(
                    f"{spoken(target)} is too soon for this gap at {gap.hours_per_week:g} hours "
                    f"a week: the learning, experience and {FINAL_STRETCH_MONTHS}-month job "
                    f"search need until {spoken(earliest)}, so this plan aims there; more hours "
                    "a week would bring it closer.",
                    Hint(Remedy.SET_TARGET_DATE),
                )
            )
            target = earliest
    else:
        target = max(earliest, end_of_month(add_months(today, DEFAULT_HORIZON_MONTHS)))
        warnings.append(
            Advice(
                f"The vision has no target date in the future; this plan aims at {spoken(target)}.",
                Hint(Remedy.SET_TARGET_DATE),
            )
        )
    planner.final_stretch(target)
    goals = sorted(planner.goals, key=lambda g: (g.due, g.key))
    return Proposal(today, target, goals, warnings, realistic, target_was_set)
