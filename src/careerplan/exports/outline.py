"""The written plan as the documents lay it out: the vision, goals grouped by horizon and nested
under their parents, their actions and resources, the job search (skills and applications), and
the recent reviews. The Markdown and the PDF both render this outline, so the two say the same
things in the same order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from careerplan.domain.entities import (
    VISION_PROMPTS,
    Action,
    Goal,
    Horizon,
    Measure,
    Profile,
    Resource,
    ResourceKind,
    Review,
    ReviewEntry,
    Vision,
)
from careerplan.domain.job_search import Application, Skill, level_words
from careerplan.domain.repeat_words import describe
from careerplan.domain.rules import depth_first
from careerplan.exports.snapshot import PlanSnapshot

# Deeper goals are shown at this depth with the goal they serve named, so headings stay readable.
MAX_NESTING = 2
RECENT_REVIEWS = 5

GROUPS = (
    ("long", "The dream job (long term)"),
    (Horizon.TWO_YEARS.value, "In 2 years"),
    (Horizon.TWELVE_MONTHS.value, "In 12 months"),
    (Horizon.SIX_MONTHS.value, "In 6 months"),
    ("other", "Other goals"),
)
RESOURCE_GROUPS = (
    (ResourceKind.PERSON, "People"),
    (ResourceKind.COURSE, "Courses and online tools"),
    (ResourceKind.PROGRAMME, "Programmes at work"),
    (ResourceKind.OTHER, "Other resources"),
)


@dataclass(frozen=True, slots=True)
class ActionLine:
    action: Action
    repeat: str | None  # in words when they can be found, else the rule itself


@dataclass(frozen=True, slots=True)
class GoalEntry:
    goal: Goal
    depth: int  # nesting under a parent shown just above, 0..MAX_NESTING
    letters: str | None  # "SMA?T", from the stored S.M.A.R.T. report
    repeat: str | None
    towards: Goal | None  # the goal it serves, when that one is not shown just above it
    progress: float
    actions: tuple[ActionLine, ...]
    resources: tuple[Resource, ...]


@dataclass(frozen=True, slots=True)
class GoalGroup:
    key: str
    title: str
    goals: tuple[GoalEntry, ...]


@dataclass(frozen=True, slots=True)
class ResourceEntry:
    resource: Resource
    linked: tuple[str, ...]  # what it helps with: goal and action texts


@dataclass(frozen=True, slots=True)
class ResourceGroup:
    title: str
    entries: tuple[ResourceEntry, ...]


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    review: Review
    decisions: tuple[tuple[str, ReviewEntry], ...]  # (goal text, the entry about it)


@dataclass(frozen=True, slots=True)
class SkillLine:
    skill: Skill
    level: str  # in words: "5 · handle hard cases; others ask me"
    evidence: str  # what shows it, in words


@dataclass(frozen=True, slots=True)
class ApplicationLine:
    application: Application
    follow_up: date | None  # only while the application is open


@dataclass(frozen=True, slots=True)
class PlanOutline:
    title: str
    exported_on: date
    profile: Profile | None
    vision: Vision | None
    about_job: tuple[tuple[str, str], ...]
    vision_answers: tuple[tuple[str, str], ...]  # (question, answer), answered ones only
    groups: tuple[GoalGroup, ...]  # only groups that hold a goal
    resource_groups: tuple[ResourceGroup, ...]
    reviews: tuple[ReviewSummary, ...]  # newest first
    skills: tuple[SkillLine, ...] = ()
    applications: tuple[ApplicationLine, ...] = ()  # open ones first

    @property
    def empty(self) -> bool:
        return not (
            self.profile
            or self.vision
            or self.groups
            or self.resource_groups
            or self.skills
            or self.applications
        )


def outline(snapshot: PlanSnapshot) -> PlanOutline:
    vision = snapshot.vision
    about: tuple[tuple[str, str], ...] = ()
    answers: tuple[tuple[str, str], ...] = ()
    if vision is not None:
        about = _answered(
            ("Roles", vision.target_roles),
            ("Industry", vision.industry),
            ("Organisation", vision.organisation_type),
            ("Organisation size", vision.organisation_size),
            ("Pay", vision.pay_range),
            ("Culture", vision.culture),
            ("Location", vision.location),
            ("Success means", vision.success_definition),
        )
        answers = _answered(*((q, getattr(vision, key)) for key, q in VISION_PROMPTS.items()))
    profile = snapshot.profile
    return PlanOutline(
        title=f"Career plan of {profile.name}" if profile and profile.name else "Career plan",
        exported_on=snapshot.today,
        profile=profile,
        vision=vision,
        about_job=about,
        vision_answers=answers,
        groups=_goal_groups(snapshot),
        resource_groups=_resource_groups(snapshot),
        reviews=_reviews(snapshot),
        skills=tuple(
            SkillLine(skill, level_words(skill.level), skill.evidence.label)
            for skill in snapshot.skills
        ),
        applications=_applications(snapshot.applications),
    )


def repeat_in_words(rule: str | None) -> str | None:
    return None if rule is None else (describe(rule) or rule)


def day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def measure_words(measure: Measure) -> str:
    unit = f" {measure.unit}" if measure.unit else ""
    text = f"{measure.metric}: from {number(measure.baseline)} to {number(measure.target)}{unit}"
    if measure.current is not None:
        text += f", now {number(measure.current)}"
    return text


def smart_letters(goal: Goal) -> str | None:
    from careerplan.domain.smart import SmartReport

    report = SmartReport.stored(goal.smart_report)
    return report.letters if report else None


def group_key(goal: Goal) -> str:
    return goal.horizon.value if goal.horizon is not None else "other"


def _answered(*pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((label, value.strip()) for label, value in pairs if value and value.strip())


def _goal_groups(snapshot: PlanSnapshot) -> tuple[GoalGroup, ...]:
    by_id = {goal.id: goal for goal in snapshot.goals}
    progress = snapshot.progress()
    members: dict[str, list[GoalEntry]] = {key: [] for key, _ in GROUPS}
    nesting: dict[int | None, int] = {}
    for _, goal in depth_first(snapshot.goals):
        parent = by_id.get(goal.parent_id)
        key = group_key(goal)
        beside = parent is not None and group_key(parent) == key
        depth = nesting[parent.id] + 1 if parent is not None and beside else 0
        nesting[goal.id] = depth
        shown_under = beside and depth <= MAX_NESTING
        members[key].append(
            GoalEntry(
                goal=goal,
                depth=min(depth, MAX_NESTING),
                letters=smart_letters(goal),
                repeat=repeat_in_words(goal.repeat),
                towards=None if shown_under else parent,
                progress=progress.get(goal.id or 0, 0.0),
                actions=tuple(
                    ActionLine(action, repeat_in_words(action.repeat))
                    for action in snapshot.actions_of(goal.id or 0)
                ),
                resources=tuple(snapshot.resources_of_goal(goal.id or 0)),
            )
        )
    return tuple(
        GoalGroup(key, title, tuple(members[key])) for key, title in GROUPS if members[key]
    )


def _resource_groups(snapshot: PlanSnapshot) -> tuple[ResourceGroup, ...]:
    goals = {goal.id: goal.text for goal in snapshot.goals}
    actions = {action.id: action.text for action in snapshot.actions}
    groups = []
    for kind, title in RESOURCE_GROUPS:
        entries = tuple(
            ResourceEntry(resource, _linked(resource, goals, actions))
            for resource in snapshot.resources
            if resource.kind is kind
        )
        if entries:
            groups.append(ResourceGroup(title, entries))
    return tuple(groups)


def _linked(
    resource: Resource, goals: dict[int | None, str], actions: dict[int | None, str]
) -> tuple[str, ...]:
    return (
        *_texts("goal", resource.goal_ids, goals),
        *_texts("action", resource.action_ids, actions),
    )


def _texts(kind: str, ids: Iterable[int], texts: dict[int | None, str]) -> list[str]:
    return [f"{kind}: {texts[ident]}" for ident in ids if ident in texts]


def _reviews(snapshot: PlanSnapshot) -> tuple[ReviewSummary, ...]:
    recent = sorted(snapshot.reviews, key=lambda r: (r.held_on, r.id or 0))[-RECENT_REVIEWS:]
    texts = {goal.id: goal.text for goal in snapshot.goals}
    return tuple(
        ReviewSummary(
            review,
            tuple(
                (texts.get(entry.goal_id, f"goal {entry.goal_id}"), entry)
                for entry in review.entries
            ),
        )
        for review in reversed(recent)
    )


def _applications(applications: Iterable[Application]) -> tuple[ApplicationLine, ...]:
    """Open applications before the ones that have ended, each kind as it was saved."""
    ordered = sorted(applications, key=lambda a: (a.stage.closed, a.id or 0))
    return tuple(ApplicationLine(a, None if a.stage.closed else a.follow_up) for a in ordered)
