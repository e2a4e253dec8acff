"""What a backup file holds, record by record: one table drives both writing and reading, so
the two can never disagree about a field.

JSON keys are the entities' attribute names. Ids are the file's own numbers (goals 1..n in the
order they were made, and so on), and references (`parent_id`, `goal_id`, ...) use them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from careerplan.domain.education import Education
from careerplan.domain.entities import (
    INTEREST_ITEMS,
    Action,
    Category,
    CheckIn,
    Completion,
    Decision,
    Exploration,
    Goal,
    GoalStatus,
    Horizon,
    Measure,
    Preferences,
    Profile,
    Resource,
    ResourceKind,
    Review,
    ReviewCadence,
    ReviewEntry,
    Vision,
)
from careerplan.domain.job_search import (
    MAX_LEVEL,
    Application,
    Evidence,
    Resume,
    Skill,
    Stage,
    StageChange,
)
from careerplan.domain.recurrence import MAX_RULE_LENGTH, normalise_rule
from careerplan.domain.rules import MAX_DOCUMENT, MAX_NAME, MAX_NOTE, MAX_TEXT
from careerplan.domain.smart.report import SmartReport
from careerplan.exports.backup_fields import (
    Checked,
    Choice,
    Day,
    Digits,
    Document,
    Field,
    Flag,
    Moment,
    Number,
    Problem,
    Ref,
    RefList,
    Refs,
    Steps,
    Text,
    Uid,
    describe,
)
from careerplan.exports.snapshot import PlanSnapshot

FORMAT = "careerplan-backup"
# Raise it when a field changes meaning or a required one is added; older careerplans then
# refuse the file instead of misreading it. Still 1 with goals' and actions' `uid`: it is
# optional, so files from before it restore (each record gets a new uid), and a careerplan from
# before it refuses the newer file by naming `uid` as a field it does not know. The same holds
# for the job search (skills, résumés, applications) and the vision's fields about it: files
# from before them restore without them, and an older careerplan names them and refuses.
FORMAT_VERSION = 1
# Hours a week a person could give (the same bound `careerplan init` keeps).
MAX_HOURS_PER_WEEK = 80.0


@dataclass(frozen=True)
class Layout:
    """A record's fields by JSON key; `make` builds the entity from them."""

    make: Callable[..., Any]
    fields: Mapping[str, Field]

    # A backup holds tens of thousands of records of one layout: the key sets are worked out
    # once, so a record with every field it needs and no other passes two set comparisons.
    @functools.cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(self.fields)

    @functools.cached_property
    def _required(self) -> frozenset[str]:
        return frozenset(key for key, kind in self.fields.items() if not kind.optional)

    def dump(self, record: Any, refs: Refs, steps: Steps) -> dict[str, Any]:
        return {
            key: kind.write(getattr(record, key), refs, (*steps, key))
            for key, kind in self.fields.items()
        }

    def load(self, value: Any, steps: Steps) -> Any:
        if not isinstance(value, dict):
            raise Problem(steps, f"should be an object, not {describe(value)}.")
        keys = value.keys()
        if not keys <= self._keys:
            unknown = sorted(keys - self._keys)
            raise Problem((*steps, unknown[0]), "is not a field careerplan knows here.")
        if not keys >= self._required:
            missing = [key for key in self.fields if key in self._required and key not in value]
            listed = ", ".join(repr(key) for key in missing)
            raise Problem(steps, f"lacks {listed}.")
        return self.make(
            **{key: kind.read(value.get(key), (*steps, key)) for key, kind in self.fields.items()}
        )


@dataclass(frozen=True)
class Nested(Field):
    layout: Layout
    nullable: bool = False

    def expected(self) -> str:
        return "an object"

    def dump(self, value: Any, refs: Refs, steps: Steps) -> Any:
        return self.layout.dump(value, refs, steps)

    def load(self, value: Any, steps: Steps) -> Any:
        return self.layout.load(value, steps)


@dataclass(frozen=True)
class Many(Field):
    layout: Layout

    def expected(self) -> str:
        return "a list"

    def dump(self, value: Any, refs: Refs, steps: Steps) -> list[Any]:
        return [self.layout.dump(item, refs, (*steps, n)) for n, item in enumerate(value)]

    def load(self, value: Any, steps: Steps) -> list[Any]:
        if not isinstance(value, list):
            raise self.wrong(value, steps)
        return [self.layout.load(item, (*steps, n)) for n, item in enumerate(value)]


@dataclass(slots=True)
class AcceptedProposal:
    key: str
    goal_id: int
    accepted_on: date


@dataclass(slots=True)
class Backup:
    """A whole plan as the file holds it, in the file's order and with the file's numbers."""

    format: str
    format_version: int
    schema: str
    exported_at: datetime
    profile: Profile | None
    vision: Vision | None
    exploration: Exploration | None
    preferences: Preferences
    goals: list[Goal] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    accepted_proposals: list[AcceptedProposal] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    resumes: list[Resume] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)

    def snapshot(self) -> PlanSnapshot:
        return PlanSnapshot(
            exported_at=self.exported_at,
            schema_revision=self.schema,
            # The file keeps no local day; the day it was written in UTC is the nearest.
            today=self.exported_at.date(),
            profile=self.profile,
            vision=self.vision,
            exploration=self.exploration,
            preferences=self.preferences,
            goals=self.goals,
            actions=self.actions,
            resources=self.resources,
            checkins=self.checkins,
            reviews=self.reviews,
            accepted_proposals={p.key: p.goal_id for p in self.accepted_proposals},
            accepted_on={p.key: p.accepted_on for p in self.accepted_proposals},
            skills=self.skills,
            resumes=self.resumes,
            applications=self.applications,
        )


def _action(**values: Any) -> Action:
    action = Action(**values)
    for completion in action.completions:
        completion.action_id = action.id or 0
    return action


def _text(limit: int = MAX_NOTE) -> Text:
    return Text(limit)


def _name() -> Text:
    return Text(MAX_NAME, required=True)


_REPEAT = Checked(MAX_RULE_LENGTH, nullable=True, check=normalise_rule)
_CONFIDENCE = Number(1, 5, integer=True, nullable=True)


@dataclass(frozen=True)
class Since(Field):
    """A field added after a file format was fixed: files written before it lack it, and it
    reads as null (a careerplan from before it refuses a newer file by naming the field)."""

    inner: Field
    nullable = True
    optional = True

    def expected(self) -> str:
        return self.inner.expected()

    def dump(self, value: Any, refs: Refs, steps: Steps) -> Any:
        return self.inner.dump(value, refs, steps)

    def load(self, value: Any, steps: Steps) -> Any:
        return self.inner.load(value, steps)


def _profile(education_field: str | None, **values: Any) -> Profile:
    return Profile(education_field=education_field or "", **values)


PROFILE = Layout(
    _profile,
    {
        "name": _name(),
        "current_job_title": _text(MAX_NAME),
        "current_occupation_code": Text(20, required=True, nullable=True),
        "hours_per_week": Number(high=MAX_HOURS_PER_WEEK, above=0),
        "education": Since(Choice(Education)),
        "education_field": Since(_text(MAX_NAME)),
    },
)


def _vision(
    target_roles: str | None, organisation_size: str | None, pay_range: str | None, **values: Any
) -> Vision:
    return Vision(
        target_roles=target_roles or "",
        organisation_size=organisation_size or "",
        pay_range=pay_range or "",
        **values,
    )


VISION = Layout(
    _vision,
    {
        "dream_job_title": _name(),
        "dream_occupation_code": Text(20, required=True, nullable=True),
        **{key: _text(MAX_NAME) for key in ("industry", "organisation_type", "location")},
        **{
            key: _text()
            for key in (
                "culture",
                "life_difference",
                "workplace",
                "dress",
                "daily_work",
                "feelings",
                "success_definition",
                "commitment",
            )
        },
        "target_date": Day(nullable=True),
        # What the person is looking for, added with the job search.
        "target_roles": Since(_text()),
        "organisation_size": Since(_text(MAX_NAME)),
        "pay_range": Since(_text(MAX_NAME)),
    },
)
EXPLORATION = Layout(
    Exploration,
    {
        "answers": Digits(INTEREST_ITEMS, 5),
        "reflection": _text(),
        "job_zone": Number(1, 5, integer=True, nullable=True),
        "interest_field": _text(MAX_NAME),
        "updated_at": Moment(),
    },
)
PREFERENCES = Layout(
    Preferences,
    {
        "review_cadence": Choice(ReviewCadence),
        "review_weekday": Number(0, 6, integer=True),
        "reminder_days": Number(0, 30, integer=True),
        "calendar_token": Text(64, required=True, nullable=True),
        "digest_email": _text(320),
    },
)
MEASURE = Layout(
    Measure,
    {
        "metric": Text(200, required=True),
        "target": Number(),
        "unit": _text(50),
        "baseline": Number(),
        "current": Number(nullable=True),
    },
)
GOAL = Layout(
    Goal,
    {
        "id": Ref("goal"),
        "uid": Uid(),
        "parent_id": Ref("goal", nullable=True),
        "text": Text(MAX_TEXT, required=True),
        "horizon": Choice(Horizon, nullable=True),
        "category": Choice(Category),
        "measure": Nested(MEASURE, nullable=True),
        "due": Day(nullable=True),
        "repeat": _REPEAT,
        "status": Choice(GoalStatus),
        "smart_report": Document(SmartReport.from_json, nullable=True),
        "created_at": Moment(),
        "updated_at": Moment(),
    },
)
COMPLETION = Layout(
    lambda **values: Completion(action_id=0, **values),
    {"done_on": Day(), "note": _text()},
)
ACTION = Layout(
    _action,
    {
        "id": Ref("action"),
        "uid": Uid(),
        "goal_id": Ref("goal"),
        "text": Text(MAX_TEXT, required=True),
        "due": Day(nullable=True),
        "repeat": _REPEAT,
        "done": Flag(),
        "created_at": Moment(),
        "completions": Many(COMPLETION),
    },
)
RESOURCE = Layout(
    Resource,
    {
        "id": Ref("resource"),
        "kind": Choice(ResourceKind),
        "name": _name(),
        "contact": _text(500),
        "notes": _text(),
        "goal_ids": RefList("goal"),
        "action_ids": RefList("action"),
    },
)
CHECKIN = Layout(
    CheckIn,
    {
        "goal_id": Ref("goal"),
        "on": Day(),
        "value": Number(nullable=True),
        "note": _text(),
        "confidence": _CONFIDENCE,
        "created_at": Moment(),
    },
)
REVIEW_ENTRY = Layout(
    ReviewEntry,
    {
        "goal_id": Ref("goal"),
        "progress": Number(0, 100, nullable=True),
        "confidence": _CONFIDENCE,
        "decision": Choice(Decision),
        "note": _text(),
    },
)
REVIEW = Layout(
    Review,
    {
        "held_on": Day(),
        "cadence": Choice(ReviewCadence),
        "went_well": _text(),
        "got_in_the_way": _text(),
        "created_at": Moment(),
        "entries": Many(REVIEW_ENTRY),
    },
)
PROPOSAL = Layout(
    AcceptedProposal,
    {"key": Text(120, required=True), "goal_id": Ref("goal"), "accepted_on": Day()},
)
SKILL = Layout(
    Skill,
    {
        "label": _name(),
        "level": Number(0, MAX_LEVEL, integer=True, nullable=True),
        "evidence": Choice(Evidence),
        "shown_by": _text(),
        "noted_on": Day(),
        "confirmed": Flag(),
        "uri": Text(MAX_NAME, nullable=True),
        "element": Text(MAX_NAME, nullable=True),
    },
)
RESUME = Layout(
    Resume,
    {
        "id": Ref("résumé"),
        "name": _name(),
        "text": Text(MAX_DOCUMENT, required=True),
        "imported_at": Moment(),
    },
)
STAGE_CHANGE = Layout(StageChange, {"stage": Choice(Stage), "on": Day(), "note": _text()})
APPLICATION = Layout(
    Application,
    {
        "id": Ref("application"),
        "uid": Uid(),
        "title": _name(),
        "organisation": _text(MAX_NAME),
        "posting": _text(MAX_DOCUMENT),
        "occupation_code": Text(20, required=True, nullable=True),
        "resume_id": Ref("résumé", nullable=True),
        "stage": Choice(Stage),
        "follow_up": Day(nullable=True),
        "notes": _text(),
        "history": Many(STAGE_CHANGE),
        "contact_ids": RefList("resource"),
        "created_at": Moment(),
        "updated_at": Moment(),
    },
)


def _backup(
    skills: list[Skill] | None,
    resumes: list[Resume] | None,
    applications: list[Application] | None,
    **values: Any,
) -> Backup:
    return Backup(
        skills=skills or [], resumes=resumes or [], applications=applications or [], **values
    )


BACKUP = Layout(
    _backup,
    {
        "format": Text(100),
        "format_version": Number(1, integer=True),
        "schema": Text(20, required=True),
        "exported_at": Moment(),
        "profile": Nested(PROFILE, nullable=True),
        "vision": Nested(VISION, nullable=True),
        "exploration": Nested(EXPLORATION, nullable=True),
        "preferences": Nested(PREFERENCES),
        "goals": Many(GOAL),
        "actions": Many(ACTION),
        "resources": Many(RESOURCE),
        "checkins": Many(CHECKIN),
        "reviews": Many(REVIEW),
        "accepted_proposals": Many(PROPOSAL),
        # The job search, added after the format was fixed: older files lack these lists.
        "skills": Since(Many(SKILL)),
        "resumes": Since(Many(RESUME)),
        "applications": Since(Many(APPLICATION)),
    },
)
