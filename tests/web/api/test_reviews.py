"""Reviews through the API: record one with its decisions, list and show them, the plan's
status, the review rhythm; stale and malformed requests are problems that save nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace
from tests.web.pages.helpers import snapshot

PMP = "Complete my PMP certification within the next 12 months"


def test_it_records_a_review_and_applies_its_decisions(
    client: TestClient, story: Workspace
) -> None:
    body = {
        "entries": [
            {"goal_id": 3, "progress": 40, "confidence": 2, "note": "Exam booked", "version": 1},
            {"goal_id": 2, "decision": "adjust", "due": "2028-06-30"},
        ],
        "went_well": "Studied",
    }
    response = client.post("/api/v1/reviews", json=body)
    assert response.status_code == 201
    created = response.json()
    review_id = created["review"]["id"]
    assert response.headers["location"] == f"/api/v1/reviews/{review_id}"
    assert created["review"] == {
        "id": review_id,
        "held_on": "2026-11-25",
        "cadence": "weekly",
        "went_well": "Studied",
        "got_in_the_way": "",
        "entries": [
            {"goal_id": 3, "goal": PMP, "progress": 40.0, "confidence": 2, "decision": "keep",
             "note": "Exam booked"},
            {"goal_id": 2,
             "goal": "Obtain a management position leading a team of at least 5 people",
             "progress": None, "confidence": None, "decision": "adjust", "note": ""},
        ],
    }  # fmt: skip
    assert client.get("/api/v1/goals/2").json()["due"] == "2028-06-30"
    assert client.get(f"/api/v1/reviews/{review_id}").json() == created["review"]
    assert [r["id"] for r in client.get("/api/v1/reviews").json()] == [review_id]


def test_the_status_says_what_needs_attention_and_when_to_review(
    client: TestClient, story: Workspace
) -> None:
    client.post(
        "/api/v1/reviews", json={"entries": [{"goal_id": 3, "progress": 40, "confidence": 2}]}
    )
    found = client.get("/api/v1/reviews/status").json()
    assert (found["plan_status"], found["last_review"], found["next_review"]) == (
        "on track",
        "2026-11-25",
        "2026-11-29",
    )
    assert found["review_due"] is False
    assert found["attention"] == [
        {
            "goal_id": 3,
            "text": PMP,
            "status": "at risk",
            "progress": 0.4,
            "expected": 0.0,
            "reason": "40% done, 0% of the time gone, confidence 2 of 5",
        }
    ]
    assert [g["goal_id"] for g in found["goals"]] == [1, 2, 3]


def test_a_stale_review_is_a_409_and_saves_nothing(client: TestClient, story: Workspace) -> None:
    client.patch("/api/v1/goals/3", json={"version": 1, "text": "Pass the PMP exam by 2027"})
    before = snapshot(story)
    response = client.post(
        "/api/v1/reviews", json={"entries": [{"goal_id": 3, "progress": 10, "version": 1}]}
    )
    assert response.status_code == 409
    problem = response.json()
    assert problem["current_version"] == 2
    assert "you edited version 1, it is now version 2" in problem["detail"]
    assert snapshot(story) == before


def test_malformed_reviews_are_422_problems_that_save_nothing(
    client: TestClient, story: Workspace
) -> None:
    before = snapshot(story)
    for body in (
        {"entries": [{"goal_id": 3, "progress": 101}]},
        {"entries": [{"goal_id": 3, "confidence": "4"}]},
        {"entries": [{"goal_id": 3, "decision": "pause"}]},
        {"entries": [{"goal_id": 3, "text": "New words"}]},
        {"entries": [{"goal_id": 3, "note": "a\u0000b"}]},
        {"entries": [], "colour": "red"},
        {},
    ):
        response = client.post("/api/v1/reviews", json=body)
        assert response.status_code == 422, body
        assert response.headers["content-type"] == "application/problem+json"
    assert client.post("/api/v1/reviews", json={"entries": [{"goal_id": 99}]}).status_code == 404
    assert client.get("/api/v1/reviews/99").status_code == 404
    assert snapshot(story) == before


def test_the_review_rhythm_is_read_and_changed(client: TestClient, story: Workspace) -> None:
    assert client.get("/api/v1/reviews/settings").json() == {
        "cadence": "weekly",
        "weekday": 6,
        "reminder_days": 1,
        "digest_email": "",
        "version": 1,
    }
    changed = client.patch(
        "/api/v1/reviews/settings",
        json={
            "cadence": "quarterly",
            "weekday": 0,
            "digest_email": "ana@example.org",
            "version": 1,
        },
    )
    assert changed.status_code == 200
    assert changed.json()["cadence"] == "quarterly"
    assert client.get("/api/v1/reviews/status").json()["next_review"] == "2026-11-30"
    bad = client.patch("/api/v1/reviews/settings", json={"digest_email": "ana@"})
    assert bad.status_code == 422
    assert "is not an e-mail address" in bad.json()["detail"]
    stale = client.patch("/api/v1/reviews/settings", json={"weekday": 3, "version": 7})
    assert stale.status_code == 409
