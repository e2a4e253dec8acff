"""Check-ins through the API: list, show, record, delete (they are never edited)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace


def test_it_records_a_check_in_that_moves_the_measure(client: TestClient, story: Workspace) -> None:
    goal = client.post(
        "/api/v1/goals", json={"text": "Mentor 3 juniors", "measure": {"target": 3}}
    ).json()
    response = client.post(
        "/api/v1/checkins",
        json={"goal_id": goal["id"], "value": 2, "confidence": 4, "on": "2026-11-20"},
    )
    assert response.status_code == 201
    created = response.json()
    assert response.headers["location"] == f"/api/v1/checkins/{created['id']}"
    assert created == {
        "id": created["id"],
        "goal_id": goal["id"],
        "on": "2026-11-20",
        "value": 2.0,
        "note": "",
        "confidence": 4,
    }
    assert client.get(f"/api/v1/goals/{goal['id']}").json()["progress"] == 0.6667


def test_it_lists_and_shows_check_ins(client: TestClient, story: Workspace) -> None:
    client.post("/api/v1/checkins", json={"goal_id": 2, "note": "Spoke to my manager"})
    client.post("/api/v1/checkins", json={"goal_id": 3, "note": "Bought the book"})
    assert [c["note"] for c in client.get("/api/v1/checkins").json()] == [
        "Spoke to my manager",
        "Bought the book",
    ]
    (only,) = client.get("/api/v1/checkins", params={"goal_id": 3}).json()
    assert client.get(f"/api/v1/checkins/{only['id']}").json() == only


def test_an_empty_or_future_check_in_is_refused(client: TestClient, story: Workspace) -> None:
    empty = client.post("/api/v1/checkins", json={"goal_id": 2})
    assert empty.status_code == 422
    assert "needs a value, a note or a confidence" in empty.json()["detail"]
    future = client.post("/api/v1/checkins", json={"goal_id": 2, "note": "x", "on": "2027-01-01"})
    assert future.status_code == 422
    assert client.get("/api/v1/checkins").json() == []


def test_it_deletes_a_check_in(client: TestClient, story: Workspace) -> None:
    location = client.post("/api/v1/checkins", json={"goal_id": 2, "value": 1}).headers["location"]
    assert client.delete(location).status_code == 204
    assert client.get(location).status_code == 404
    assert client.delete(location).status_code == 404


def test_check_ins_of_an_unknown_goal_are_a_404(client: TestClient, story: Workspace) -> None:
    assert client.get("/api/v1/checkins", params={"goal_id": 99}).status_code == 404
    assert client.post("/api/v1/checkins", json={"goal_id": 99, "note": "x"}).status_code == 404
