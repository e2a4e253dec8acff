"""Resources: the people, courses and programmes that can help, linked to goals and actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerplan.domain.entities import Resource, ResourceKind
from careerplan.domain.errors import InvalidInput
from careerplan.domain.rules import MAX_NAME, clean_optional, clean_text

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork


def add_resource(
    uow: UnitOfWork,
    kind: ResourceKind,
    name: str,
    *,
    contact: str = "",
    notes: str = "",
    goal_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
) -> Resource:
    resource = Resource(
        kind=kind,
        name=clean_text(name, "resource name", MAX_NAME, field="name"),
        contact=clean_optional(contact, "contact", 500, field="contact"),
        notes=clean_optional(notes, "notes", field="notes"),
    )
    uow.resources.add(resource)
    assert resource.id is not None
    for goal_id in goal_ids or []:
        link_resource(uow, resource.id, goal_id=goal_id)
    for action_id in action_ids or []:
        link_resource(uow, resource.id, action_id=action_id)
    return uow.resources.get(resource.id)


def list_resources(uow: UnitOfWork, goal_id: int | None = None) -> list[Resource]:
    resources = uow.resources.all()
    if goal_id is not None:
        uow.goals.get(goal_id)
        action_ids = {a.id for a in uow.actions.all(goal_id)}
        resources = [
            r for r in resources if goal_id in r.goal_ids or action_ids.intersection(r.action_ids)
        ]
    return resources


def link_resource(
    uow: UnitOfWork,
    resource_id: int,
    *,
    goal_id: int | None = None,
    action_id: int | None = None,
    unlink: bool = False,
) -> bool:
    """Link (or unlink) a resource and a goal or an action; returns whether anything changed."""
    if (goal_id is None) == (action_id is None):
        raise InvalidInput("Link a resource to exactly one goal or one action.")
    uow.resources.get(resource_id)
    if goal_id is not None:
        uow.goals.get(goal_id)
    if action_id is not None:
        uow.actions.get(action_id)
    if unlink:
        return uow.resources.unlink(resource_id, goal_id=goal_id, action_id=action_id)
    return uow.resources.link(resource_id, goal_id=goal_id, action_id=action_id)


def show_resource(uow: UnitOfWork, resource_id: int) -> Resource:
    return uow.resources.get(resource_id)


def edit_resource(
    uow: UnitOfWork,
    resource_id: int,
    *,
    expected_version: int | None = None,
    kind: ResourceKind | None = None,
    name: str | None = None,
    contact: str | None = None,
    notes: str | None = None,
) -> Resource:
    """Change a resource. With `expected_version`, an edit made on a stale copy is refused."""
    resource = uow.resources.get(resource_id)
    if expected_version is not None:
        resource.version = expected_version
    if kind is not None:
        resource.kind = kind
    if name is not None:
        resource.name = clean_text(name, "resource name", MAX_NAME, field="name")
    if contact is not None:
        resource.contact = clean_optional(contact, "contact", 500, field="contact")
    if notes is not None:
        resource.notes = clean_optional(notes, "notes", field="notes")
    return uow.resources.save(resource)
