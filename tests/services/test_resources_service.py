"""Resources: who or what can help, linked to goals and actions."""

from __future__ import annotations

import pytest

from careerplan.domain.entities import ResourceKind
from careerplan.domain.errors import InvalidInput, NotFound
from careerplan.services.resources import add_resource, link_resource, list_resources
from careerplan.services.workspace import Workspace


def test_a_resource_is_added_with_its_links(story: Workspace) -> None:
    with story.unit() as uow:
        resource = add_resource(
            uow,
            ResourceKind.PERSON,
            "  Sam (COO at Acme)  ",
            contact="sam@example.org",
            notes="Met at the product meetup",
            goal_ids=[2],
            action_ids=[1],
        )
    assert (resource.id, resource.name, resource.goal_ids, resource.action_ids) == (
        1,
        "Sam (COO at Acme)",
        [2],
        [1],
    )


def test_linking_twice_changes_nothing_and_unlinking_removes_it(story: Workspace) -> None:
    with story.unit() as uow:
        resource = add_resource(uow, ResourceKind.COURSE, "PMP prep course")
        assert resource.id is not None
        assert link_resource(uow, resource.id, goal_id=3) is True
        assert link_resource(uow, resource.id, goal_id=3) is False
        assert uow.resources.get(resource.id).goal_ids == [3]
        assert link_resource(uow, resource.id, goal_id=3, unlink=True) is True
        assert link_resource(uow, resource.id, goal_id=3, unlink=True) is False
        assert uow.resources.get(resource.id).goal_ids == []


def test_listing_for_a_goal_includes_resources_linked_to_its_actions(story: Workspace) -> None:
    with story.unit() as uow:
        add_resource(uow, ResourceKind.PERSON, "Sam", goal_ids=[2])
        add_resource(uow, ResourceKind.PROGRAMME, "Leadership track", action_ids=[1])
        add_resource(uow, ResourceKind.OTHER, "Library")
        for_goal_3 = [r.name for r in list_resources(uow, 3)]
        for_goal_2 = [r.name for r in list_resources(uow, 2)]
        everything = [r.name for r in list_resources(uow)]
    assert for_goal_3 == ["Leadership track"]
    assert for_goal_2 == ["Sam"]
    assert everything == ["Sam", "Leadership track", "Library"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ({"goal_id": 99}, "No goal with id 99."),
        (
            {"action_id": 99},
            "No action with id 99.",
        ),
    ],
)
def test_a_link_to_an_unknown_id_is_refused(
    story: Workspace, target: dict[str, int], message: str
) -> None:
    with story.unit() as uow:
        resource = add_resource(uow, ResourceKind.PERSON, "Sam")
    assert resource.id is not None
    with pytest.raises(NotFound) as refused, story.unit() as uow:
        link_resource(uow, resource.id, **target)
    assert str(refused.value) == message


def test_an_unknown_resource_is_refused(story: Workspace) -> None:
    with pytest.raises(NotFound) as refused, story.unit() as uow:
        link_resource(uow, 7, goal_id=2)
    assert str(refused.value) == "No resource with id 7."


@pytest.mark.parametrize("target", [{}, {"goal_id": 2, "action_id": 1}])
def test_a_link_needs_exactly_one_target(story: Workspace, target: dict[str, int]) -> None:
    with story.unit() as uow:
        resource = add_resource(uow, ResourceKind.PERSON, "Sam")
        assert resource.id is not None
        with pytest.raises(InvalidInput) as refused:
            link_resource(uow, resource.id, **target)
    assert str(refused.value) == "Link a resource to exactly one goal or one action."


def test_adding_with_an_unknown_goal_saves_nothing(story: Workspace) -> None:
    with pytest.raises(NotFound), story.unit() as uow:
        add_resource(uow, ResourceKind.PERSON, "Sam", goal_ids=[2, 99])
    with story.unit() as uow:
        assert uow.resources.all() == []


def test_a_resource_needs_a_name_within_200_characters(story: Workspace) -> None:
    with pytest.raises(InvalidInput) as refused, story.unit() as uow:
        add_resource(uow, ResourceKind.PERSON, "S" * 201)
    assert str(refused.value) == (
        "The resource name is 201 characters long; the limit is 200. "
        "Shorten it, and keep details in a check-in note."
    )
