"""Goals through the API: list, show, add, change with a version, delete."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace

PROBLEM = "application/problem+json"


def test_it_lists_goals_in_tree_order_with_depth(client: TestClient, story: Workspace) -> None:
    response = client.get("/api/v1/goals")
    assert response.status_code == 200
    assert [(g["id"], g["depth"], g["horizon"]) for g in response.json()] == [
        (1, 0, "long"),
        (2, 1, "2y"),
        (3, 2, "12m"),
    ]


def test_it_shows_a_goal_with_children_and_checkins(client: TestClient, story: Workspace) -> None:
    client.post("/api/v1/checkins", json={"goal_id": 2, "note": "Asked for a team"})
    goal = client.get("/api/v1/goals/2").json()
    assert goal["text"] == "Obtain a management position leading a team of at least 5 people"
    assert goal["due"] == "2028-11-25"
    assert [child["id"] for child in goal["children"]] == [3]
    assert [c["note"] for c in goal["checkins"]] == ["Asked for a team"]


def test_it_adds_a_goal_with_a_location_and_a_measure(client: TestClient, story: Workspace) -> None:
    response = client.post(
        "/api/v1/goals",
        json={
            "text": "Run 3 cross-team projects",
            "parent_id": 2,
            "horizon": "6m",
            "category": "experience",
            "measure": {"metric": "projects", "target": 3},
        },
    )
    assert response.status_code == 201
    created = response.json()
    assert response.headers["location"] == f"/api/v1/goals/{created['id']}"
    assert (created["due"], created["version"], created["progress"]) == ("2027-05-25", 1, 0.0)
    assert created["measure"] == {
        "metric": "projects",
        "target": 3.0,
        "unit": "",
        "baseline": 0.0,
        "current": None,
    }
    assert client.get(response.headers["location"]).json()["text"] == "Run 3 cross-team projects"


def test_it_changes_text_clears_due_and_moves_in_one_edit(
    client: TestClient, story: Workspace
) -> None:
    response = client.patch(
        "/api/v1/goals/3",
        json={"version": 1, "text": "Pass the PMP exam", "due": None, "parent_id": 1},
    )
    assert response.status_code == 200
    goal = response.json()
    assert (goal["text"], goal["due"], goal["parent_id"]) == ("Pass the PMP exam", None, 1)
    assert goal["version"] == 3  # one for the edit, one for the move


def test_it_marks_a_goal_done_and_warns_about_active_children(
    client: TestClient, story: Workspace
) -> None:
    goal = client.patch("/api/v1/goals/2", json={"version": 1, "status": "done"}).json()
    assert goal["status"] == "done"
    assert goal["progress"] == 1.0
    assert "1 sub-goal(s) are still active: 3." in goal["warnings"]


def test_a_stale_version_is_a_conflict_and_overwrites_nothing(
    client: TestClient, story: Workspace
) -> None:
    assert client.patch("/api/v1/goals/3", json={"version": 1, "text": "First"}).status_code == 200
    response = client.patch("/api/v1/goals/3", json={"version": 1, "text": "Second", "due": None})
    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["current_version"] == 2
    goal = client.get("/api/v1/goals/3").json()
    assert (goal["text"], goal["version"], goal["due"]) == ("First", 2, "2027-11-25")


def test_a_patch_with_only_the_version_checks_it(client: TestClient, story: Workspace) -> None:
    assert client.patch("/api/v1/goals/2", json={"version": 1}).json()["version"] == 1
    assert client.patch("/api/v1/goals/2", json={"version": 7}).status_code == 409


def test_it_refuses_a_move_that_makes_a_loop(client: TestClient, story: Workspace) -> None:
    response = client.patch("/api/v1/goals/2", json={"version": 1, "parent_id": 3})
    assert response.status_code == 409
    assert "loop" in response.json()["detail"]
    assert client.get("/api/v1/goals/2").json()["parent_id"] == 1


def test_it_deletes_a_leaf_goal_with_its_actions(client: TestClient, story: Workspace) -> None:
    response = client.delete("/api/v1/goals/3")
    assert response.status_code == 204
    assert response.content == b""
    assert client.get("/api/v1/goals/3").status_code == 404
    assert client.get("/api/v1/actions/1").status_code == 404


@pytest.mark.parametrize(
    ("goal_id", "words"),
    [(1, "dream job itself"), (2, "has sub-goals (3)")],
)
def test_it_refuses_to_delete_the_dream_job_or_a_goal_with_sub_goals(
    client: TestClient, story: Workspace, goal_id: int, words: str
) -> None:
    response = client.delete(f"/api/v1/goals/{goal_id}")
    assert response.status_code == 409
    assert words in response.json()["detail"]
    assert client.get(f"/api/v1/goals/{goal_id}").status_code == 200


def test_a_delete_with_a_stale_version_deletes_nothing(
    client: TestClient, story: Workspace
) -> None:
    client.patch("/api/v1/goals/3", json={"version": 1, "text": "Changed"})
    response = client.delete("/api/v1/goals/3", params={"version": 1})
    assert response.status_code == 409
    assert response.json()["current_version"] == 2
    assert client.delete("/api/v1/goals/3", params={"version": 2}).status_code == 204


@pytest.mark.parametrize(
    ("method", "body"),
    [("GET", None), ("PATCH", {"version": 1, "text": "x"}), ("DELETE", None)],
)
def test_an_unknown_goal_is_a_404_problem(
    client: TestClient, story: Workspace, method: str, body: dict[str, object] | None
) -> None:
    response = client.request(method, "/api/v1/goals/999", json=body)
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["detail"].startswith("No goal with id 999.")


def test_a_goal_under_an_unknown_parent_is_a_404(client: TestClient, story: Workspace) -> None:
    response = client.post("/api/v1/goals", json={"text": "Orphan", "parent_id": 999})
    assert response.status_code == 404
    assert len(client.get("/api/v1/goals").json()) == 3
