"""Resources through the API: list, show, add, change with a version, link, delete."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace


@pytest.fixture
def mentor(client: TestClient, story: Workspace) -> str:
    response = client.post(
        "/api/v1/resources",
        json={"kind": "person", "name": "Maria, COO at Acme", "goal_ids": [2], "action_ids": [1]},
    )
    assert response.status_code == 201
    location: str = response.headers["location"]
    return location


def test_it_adds_a_resource_with_links(client: TestClient, mentor: str) -> None:
    resource = client.get(mentor).json()
    assert resource == {
        "id": 1,
        "kind": "person",
        "name": "Maria, COO at Acme",
        "contact": "",
        "notes": "",
        "goal_ids": [2],
        "action_ids": [1],
        "version": 1,
    }


@pytest.mark.parametrize(("goal_id", "count"), [(None, 1), (2, 1), (3, 1), (1, 0)])
def test_it_lists_resources_helping_a_goal_or_its_actions(
    client: TestClient, mentor: str, goal_id: int | None, count: int
) -> None:
    params = {} if goal_id is None else {"goal_id": goal_id}
    assert len(client.get("/api/v1/resources", params=params).json()) == count


def test_it_changes_a_resource_on_the_version_read(client: TestClient, mentor: str) -> None:
    changed = client.patch(mentor, json={"version": 1, "contact": "maria@example.org"})
    assert changed.status_code == 200
    assert (changed.json()["contact"], changed.json()["version"]) == ("maria@example.org", 2)
    stale = client.patch(mentor, json={"version": 1, "name": "Someone else"})
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert client.get(mentor).json()["name"] == "Maria, COO at Acme"


def test_it_links_and_unlinks_a_goal(client: TestClient, mentor: str) -> None:
    linked = client.post(f"{mentor}/links", json={"goal_id": 3})
    assert linked.json()["goal_ids"] == [2, 3]
    unlinked = client.delete(f"{mentor}/links", params={"goal_id": 2})
    assert unlinked.json()["goal_ids"] == [3]


@pytest.mark.parametrize("body", [{}, {"goal_id": 2, "action_id": 1}])
def test_a_link_needs_exactly_one_target(
    client: TestClient, mentor: str, body: dict[str, int]
) -> None:
    response = client.post(f"{mentor}/links", json=body)
    assert response.status_code == 422
    assert "exactly one goal or one action" in response.json()["detail"]


def test_it_deletes_a_resource_but_keeps_its_goals(client: TestClient, mentor: str) -> None:
    assert client.delete(mentor).status_code == 204
    assert client.get(mentor).status_code == 404
    assert client.get("/api/v1/goals/2").status_code == 200


def test_an_unknown_resource_is_a_404(client: TestClient, story: Workspace) -> None:
    assert client.get("/api/v1/resources/42").status_code == 404
    assert client.patch("/api/v1/resources/42", json={"version": 1}).status_code == 404
    assert client.delete("/api/v1/resources/42").status_code == 404
