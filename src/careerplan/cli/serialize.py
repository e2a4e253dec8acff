"""Entities as plain JSON-ready dictionaries, for `--json` output."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from careerplan.domain.entities import Action, CheckIn, Goal, Profile, Resource, Vision
from careerplan.domain.job_search import Application, Resume, Skill, level_words
from careerplan.domain.schedule import RepeatState


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def goal(item: Goal, progress: float | None = None, depth: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "parent_id": item.parent_id,
        "text": item.text,
        "horizon": item.horizon.value if item.horizon else None,
        "category": item.category.value,
        "due": _iso(item.due),
        "repeat": item.repeat,
        "status": item.status.value,
        "measure": asdict(item.measure) if item.measure else None,
        "created_at": _iso(item.created_at),
        "updated_at": _iso(item.updated_at),
        "version": item.version,
    }
    if progress is not None:
        data["progress"] = round(progress, 4)
    if depth is not None:
        data["depth"] = depth
    if item.smart_report is not None:
        data["smart"] = item.smart_report
    return data


def repeat_state(state: RepeatState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "current": _iso(state.current),
        "next": _iso(state.next),
        "done_this_time": state.done_this_time,
        "streak": state.streak,
        "completions": state.completions,
    }


def action(item: Action, state: RepeatState | None = None) -> dict[str, Any]:
    return {
        "id": item.id,
        "goal_id": item.goal_id,
        "text": item.text,
        "due": _iso(item.due),
        "repeat": item.repeat,
        "done": item.done,
        "completions": [{"done_on": _iso(c.done_on), "note": c.note} for c in item.completions],
        "repeat_state": repeat_state(state),
        "version": item.version,
    }


def resource(item: Resource) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind.value,
        "name": item.name,
        "contact": item.contact,
        "notes": item.notes,
        "goal_ids": item.goal_ids,
        "action_ids": item.action_ids,
        "version": item.version,
    }


def checkin(item: CheckIn) -> dict[str, Any]:
    return {
        "id": item.id,
        "goal_id": item.goal_id,
        "on": _iso(item.on),
        "value": item.value,
        "note": item.note,
        "confidence": item.confidence,
    }


def profile(item: Profile) -> dict[str, Any]:
    return {key: _iso(value) for key, value in asdict(item).items()}


def vision(item: Vision) -> dict[str, Any]:
    return {key: _iso(value) for key, value in asdict(item).items()}


def skill(item: Skill) -> dict[str, Any]:
    return {
        "id": item.id,
        "label": item.label,
        "level": item.level,
        "level_words": level_words(item.level),
        "evidence": item.evidence.value,
        "shown_by": item.shown_by,
        "noted_on": _iso(item.noted_on),
        "confirmed": item.confirmed,
        "uri": item.uri,
        "element": item.element,
        "version": item.version,
    }


def resume(item: Resume, *, with_text: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "name": item.name,
        "imported_at": _iso(item.imported_at),
    }
    if with_text:
        data["text"] = item.text
    return data


def application(
    item: Application, contacts: dict[int, str] | None = None, *, with_posting: bool = True
) -> dict[str, Any]:
    """An application; `contacts` names its contacts by id when known."""
    names = contacts or {}
    data: dict[str, Any] = {
        "id": item.id,
        "title": item.title,
        "organisation": item.organisation,
        "occupation_code": item.occupation_code,
        "resume_id": item.resume_id,
        "stage": item.stage.value,
        "follow_up": _iso(item.follow_up),
        "applied_on": _iso(item.applied_on),
        "notes": item.notes,
        "history": [
            {"stage": change.stage.value, "on": _iso(change.on), "note": change.note}
            for change in item.history
        ],
        "contacts": [{"id": ident, "name": names.get(ident)} for ident in item.contact_ids],
        "created_at": _iso(item.created_at),
        "updated_at": _iso(item.updated_at),
        "version": item.version,
    }
    if with_posting:
        data["posting"] = item.posting
    return data
