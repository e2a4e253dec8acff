"""Resources: the people, courses and programmes that help, linked to goals and actions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from careerplan.domain.bounds import MAX_ID
from careerplan.services.deletion import delete_resource
from careerplan.services.resources import (
    add_resource,
    edit_resource,
    link_resource,
    list_resources,
    show_resource,
)
from careerplan.web.api.responses import INVALID, READ_ONE, WRITE_ONE
from careerplan.web.api.schemas import LinkIn, ResourceIn, ResourceOut, ResourcePatch
from careerplan.web.deps import UnitsDep

router = APIRouter(prefix="/resources", tags=["resources"], responses=INVALID)

ResourceId = Annotated[int, Path(ge=1, description="The resource's id.")]
TargetId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


@router.get(
    "",
    summary="List resources, or those helping one goal",
    response_model=list[ResourceOut],
    responses=READ_ONE,
)
def resources_list(
    units: UnitsDep,
    goal_id: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Linked to this goal or one of its actions."),
    ] = None,
) -> list[ResourceOut]:
    with units() as uow:
        found = list_resources(uow, goal_id)
    return [ResourceOut.model_validate(resource) for resource in found]


@router.get(
    "/{resource_id}",
    summary="Show a resource",
    response_model=ResourceOut,
    responses=READ_ONE,
)
def resources_get(resource_id: ResourceId, units: UnitsDep) -> ResourceOut:
    with units() as uow:
        resource = show_resource(uow, resource_id)
    return ResourceOut.model_validate(resource)


@router.post(
    "",
    summary="Add a resource, optionally linked to goals and actions",
    status_code=status.HTTP_201_CREATED,
    response_model=ResourceOut,
    responses=WRITE_ONE,
)
def resources_create(body: ResourceIn, response: Response, units: UnitsDep) -> ResourceOut:
    with units() as uow:
        resource = add_resource(
            uow,
            body.kind,
            body.name,
            contact=body.contact,
            notes=body.notes,
            goal_ids=body.goal_ids,
            action_ids=body.action_ids,
        )
    response.headers["Location"] = f"/api/v1/resources/{resource.id}"
    return ResourceOut.model_validate(resource)


@router.patch(
    "/{resource_id}",
    summary="Change a resource",
    response_model=ResourceOut,
    responses=WRITE_ONE,
)
def resources_update(resource_id: ResourceId, body: ResourcePatch, units: UnitsDep) -> ResourceOut:
    with units() as uow:
        resource = edit_resource(
            uow,
            resource_id,
            expected_version=body.version,
            kind=body.kind,
            name=body.name,
            contact=body.contact,
            notes=body.notes,
        )
    return ResourceOut.model_validate(resource)


@router.post(
    "/{resource_id}/links",
    summary="Link a resource to a goal or an action",
    response_model=ResourceOut,
    responses=WRITE_ONE,
)
def resources_link(resource_id: ResourceId, body: LinkIn, units: UnitsDep) -> ResourceOut:
    with units() as uow:
        link_resource(uow, resource_id, goal_id=body.goal_id, action_id=body.action_id)
        resource = show_resource(uow, resource_id)
    return ResourceOut.model_validate(resource)


@router.delete(
    "/{resource_id}/links",
    summary="Unlink a resource from a goal or an action",
    response_model=ResourceOut,
    responses=WRITE_ONE,
)
def resources_unlink(
    resource_id: ResourceId,
    units: UnitsDep,
    goal_id: TargetId = None,
    action_id: TargetId = None,
) -> ResourceOut:
    with units() as uow:
        link_resource(uow, resource_id, goal_id=goal_id, action_id=action_id, unlink=True)
        resource = show_resource(uow, resource_id)
    return ResourceOut.model_validate(resource)


@router.delete(
    "/{resource_id}",
    summary="Delete a resource (its goals and actions stay)",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=WRITE_ONE,
)
def resources_delete(
    resource_id: ResourceId,
    units: UnitsDep,
    version: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Delete only if it is still at this version."),
    ] = None,
) -> Response:
    with units() as uow:
        delete_resource(uow, resource_id, version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
