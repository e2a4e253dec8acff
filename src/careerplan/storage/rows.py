"""Conversions between table rows and domain entities."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from careerplan.domain.education import Education
from careerplan.domain.entities import (
    Action,
    Category,
    CheckIn,
    Completion,
    Decision,
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

if TYPE_CHECKING:
    # Read only for the job search's records: the daily views load it only when there are some.
    from careerplan.domain.job_search import Application, Skill, StageChange

# A row by column name: SQLAlchemy's RowMapping, or a dict from the quick SQLite reader.
Row = Mapping[Any, Any]


def new_uid() -> str:
    """A fresh identity for a goal or action, the same in every database it is restored to."""
    import uuid  # here, not above: the quick read path imports this module and never writes

    return str(uuid.uuid4())


def goal_from_row(row: Row) -> Goal:
    measure = None
    if row["measure_metric"] is not None and row["measure_target"] is not None:
        measure = Measure(
            metric=row["measure_metric"],
            target=row["measure_target"],
            unit=row["measure_unit"] or "",
            baseline=row["measure_baseline"] or 0.0,
            current=row["measure_current"],
        )
    stored = row["smart_report"]
    # JSON text as stored; the quick reader hands it over already read (or cut to its letters).
    report = json.loads(stored) if isinstance(stored, str) and stored else (stored or None)
    return Goal(
        id=row["id"],
        parent_id=row["parent_id"],
        text=row["text"],
        horizon=Horizon(row["horizon"]) if row["horizon"] else None,
        category=Category(row["category"]),
        measure=measure,
        due=row["due"],
        repeat=row["repeat"],
        status=GoalStatus(row["status"]),
        smart_report=report,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        version=row["version"],
        uid=row["uid"],
    )


def goal_values(goal: Goal) -> dict[str, Any]:
    measure = goal.measure
    return {
        "parent_id": goal.parent_id,
        "text": goal.text,
        "horizon": goal.horizon.value if goal.horizon else None,
        "category": goal.category.value,
        "measure_metric": measure.metric if measure else None,
        "measure_unit": measure.unit if measure else None,
        "measure_baseline": measure.baseline if measure else None,
        "measure_target": measure.target if measure else None,
        "measure_current": measure.current if measure else None,
        "due": goal.due,
        "repeat": goal.repeat,
        "status": goal.status.value,
        "smart_report": json.dumps(goal.smart_report, sort_keys=True)
        if goal.smart_report is not None
        else None,
        "updated_at": goal.updated_at,
    }


def action_values(action: Action) -> dict[str, Any]:
    """An action's columns as it is first stored (its owner, id and version aside)."""
    return {
        "uid": action.uid,
        "goal_id": action.goal_id,
        "text": action.text,
        "due": action.due,
        "repeat": action.repeat,
        "done": action.done,
        "created_at": action.created_at,
    }


def completion_values(completion: Completion) -> dict[str, Any]:
    return {
        "action_id": completion.action_id,
        "done_on": completion.done_on,
        "note": completion.note,
    }


def resource_values(resource: Resource) -> dict[str, Any]:
    return {
        "kind": resource.kind.value,
        "name": resource.name,
        "contact": resource.contact,
        "notes": resource.notes,
    }


def checkin_values(checkin: CheckIn) -> dict[str, Any]:
    return {
        "goal_id": checkin.goal_id,
        "on_date": checkin.on,
        "value": checkin.value,
        "note": checkin.note,
        "confidence": checkin.confidence,
        "created_at": checkin.created_at,
    }


def review_values(review: Review) -> dict[str, Any]:
    return {
        "held_on": review.held_on,
        "cadence": review.cadence.value,
        "went_well": review.went_well,
        "got_in_the_way": review.got_in_the_way,
        "created_at": review.created_at,
    }


def review_entry_values(review_id: int, entry: ReviewEntry) -> dict[str, Any]:
    return {
        "review_id": review_id,
        "goal_id": entry.goal_id,
        "progress": entry.progress,
        "confidence": entry.confidence,
        "decision": entry.decision.value,
        "note": entry.note,
    }


def action_from_row(row: Row, completions: list[Completion]) -> Action:
    return Action(
        id=row["id"],
        goal_id=row["goal_id"],
        text=row["text"],
        due=row["due"],
        repeat=row["repeat"],
        done=bool(row["done"]),
        completions=completions,
        created_at=row["created_at"],
        version=row["version"],
        uid=row["uid"],
    )


def completion_from_row(row: Row) -> Completion:
    return Completion(
        id=row["id"], action_id=row["action_id"], done_on=row["done_on"], note=row["note"]
    )


def resource_from_row(row: Row, goal_ids: list[int], action_ids: list[int]) -> Resource:
    return Resource(
        id=row["id"],
        kind=ResourceKind(row["kind"]),
        name=row["name"],
        contact=row["contact"],
        notes=row["notes"],
        goal_ids=goal_ids,
        action_ids=action_ids,
        version=row["version"],
    )


def checkin_from_row(row: Row) -> CheckIn:
    return CheckIn(
        id=row["id"],
        goal_id=row["goal_id"],
        on=row["on_date"],
        value=row["value"],
        note=row["note"],
        confidence=row["confidence"],
        created_at=row["created_at"],
    )


PROFILE_FIELDS = (
    "name",
    "current_job_title",
    "current_occupation_code",
    "hours_per_week",
    "education",
    "education_field",
)
VISION_FIELDS = (
    "dream_job_title",
    "dream_occupation_code",
    "industry",
    "organisation_type",
    "culture",
    "location",
    "life_difference",
    "workplace",
    "dress",
    "daily_work",
    "feelings",
    "success_definition",
    "target_date",
    "commitment",
    "target_roles",
    "organisation_size",
    "pay_range",
)


def profile_from_row(row: Row) -> Profile:
    values = {name: row[name] for name in PROFILE_FIELDS}
    values["education"] = Education(values["education"]) if values["education"] else None
    values["education_field"] = values["education_field"] or ""
    return Profile(id=row["id"], version=row["version"], **values)


def vision_from_row(row: Row) -> Vision:
    return Vision(
        id=row["id"], version=row["version"], **{name: row[name] for name in VISION_FIELDS}
    )


def preferences_from_row(row: Row) -> Preferences:
    return Preferences(
        review_cadence=ReviewCadence(row["review_cadence"]),
        review_weekday=row["review_weekday"],
        reminder_days=row["reminder_days"],
        calendar_token=row["calendar_token"],
        digest_email=row["digest_email"],
        id=row["id"],
        version=row["version"],
    )


def review_entry_from_row(row: Row) -> ReviewEntry:
    return ReviewEntry(
        goal_id=row["goal_id"],
        progress=row["progress"],
        confidence=row["confidence"],
        decision=Decision(row["decision"]),
        note=row["note"],
        id=row["id"],
    )


def skill_values(skill: Skill) -> dict[str, Any]:
    return {
        "label": skill.label,
        "level": skill.level,
        "evidence": skill.evidence.value,
        "shown_by": skill.shown_by,
        "noted_on": skill.noted_on,
        "confirmed": skill.confirmed,
        "uri": skill.uri,
        "element": skill.element,
    }


def skill_from_row(row: Row) -> Skill:
    from careerplan.domain.job_search import Evidence, Skill

    return Skill(
        label=row["label"],
        level=row["level"],
        evidence=Evidence(row["evidence"]),
        shown_by=row["shown_by"],
        noted_on=row["noted_on"],
        confirmed=bool(row["confirmed"]),
        uri=row["uri"],
        element=row["element"],
        id=row["id"],
        version=row["version"],
    )


def application_from_row(
    row: Row, history: list[StageChange] | None = None, contacts: list[int] | None = None
) -> Application:
    from careerplan.domain.job_search import Application, Stage

    return Application(
        title=row["title"],
        posting=row["posting"],
        organisation=row["organisation"],
        occupation_code=row["occupation_code"],
        resume_id=row["resume_id"],
        stage=Stage(row["stage"]),
        follow_up=row["follow_up"],
        notes=row["notes"],
        history=history or [],
        contact_ids=contacts or [],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        id=row["id"],
        version=row["version"],
        uid=row["uid"],
    )
