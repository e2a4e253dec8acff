"""Actions through the API: list, show, add, change with a version, complete, delete."""

from __future__ import annotations

from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace


def test_it_lists_actions_with_their_repeat_state(client: TestClient, story: Workspace) -> None:
    (action,) = client.get("/api/v1/actions", params={"goal_id": 3}).json()
    assert action["text"] == "Attend one industry networking event"
    assert action["repeat"] == "FREQ=MONTHLY"
    assert action["repeat_state"] == {
        "current": "2026-11-25",
        "next": "2026-12-25",
        "done_this_time": False,
        "streak": 0,
        "completions": 0,
    }


def test_listing_the_actions_of_an_unknown_goal_is_a_404(
    client: TestClient, story: Workspace
) -> None:
    assert client.get("/api/v1/actions", params={"goal_id": 999}).status_code == 404


def test_it_adds_a_one_off_action_and_completes_it(client: TestClient, story: Workspace) -> None:
    response = client.post(
        "/api/v1/actions", json={"goal_id": 3, "text": "Book the exam", "due": "2026-12-01"}
    )
    assert response.status_code == 201
    location = response.headers["location"]
    assert location == f"/api/v1/actions/{response.json()['id']}"
    done = client.post(f"{location}/completions", json={"on": "2026-11-24", "note": "Booked"})
    assert done.status_code == 200
    assert done.json()["done"] is True
    assert done.json()["completions"][0]["done_on"] == "2026-11-24"
    again = client.post(f"{location}/completions", json={})
    assert again.status_code == 409
    assert "already done" in again.json()["detail"]


def test_a_completion_in_the_future_is_refused(client: TestClient, story: Workspace) -> None:
    response = client.post("/api/v1/actions/1/completions", json={"on": "2026-11-26"})
    assert response.status_code == 422
    assert "in the future" in response.json()["detail"]


def test_it_changes_an_action_and_clears_its_repeat(client: TestClient, story: Workspace) -> None:
    response = client.patch(
        "/api/v1/actions/1", json={"version": 1, "text": "Attend two events", "repeat": None}
    )
    assert response.status_code == 200
    action = response.json()
    assert (action["text"], action["repeat"], action["repeat_state"], action["version"]) == (
        "Attend two events",
        None,
        None,
        2,
    )


def test_a_stale_action_edit_is_a_conflict_and_overwrites_nothing(
    client: TestClient, story: Workspace
) -> None:
    client.patch("/api/v1/actions/1", json={"version": 1, "text": "First"})
    response = client.patch("/api/v1/actions/1", json={"version": 1, "text": "Second"})
    assert response.status_code == 409
    assert response.json()["current_version"] == 2
    assert client.get("/api/v1/actions/1").json()["text"] == "First"


def test_it_deletes_an_action(client: TestClient, story: Workspace) -> None:
    assert client.delete("/api/v1/actions/1", params={"version": 1}).status_code == 204
    assert client.get("/api/v1/actions").json() == []
    assert client.delete("/api/v1/actions/1").status_code == 404


def test_an_action_on_a_dropped_goal_is_refused(client: TestClient, story: Workspace) -> None:
    client.patch("/api/v1/goals/3", json={"version": 1, "status": "dropped"})
    response = client.post("/api/v1/actions", json={"goal_id": 3, "text": "Study"})
    assert response.status_code == 409
    assert "is dropped" in response.json()["detail"]


def test_an_action_sent_with_a_repeat_in_words_comes_back_with_the_rule(
    client: TestClient, story: Workspace
) -> None:
    response = client.post(
        "/api/v1/actions",
        json={"goal_id": 3, "text": "Call a mentor", "repeat": "every other Friday"},
    )
    assert response.status_code == 201
    assert response.json()["repeat"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"
