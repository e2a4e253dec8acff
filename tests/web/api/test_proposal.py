"""The proposed plan through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from careerplan.services.clock import FixedClock
from careerplan.services.explore import choose_dream_job, set_current_occupation
from careerplan.services.workspace import Workspace


def _choose(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        choose_dream_job(uow, clock, "11-1011.00")
        set_current_occupation(uow, "11-2021.00")


def test_without_a_dream_occupation_the_proposal_is_refused(
    client: TestClient, story: Workspace
) -> None:
    response = client.get("/api/v1/plan/proposal")
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == (
        "Choose your dream job from the catalogue first, so the proposal can plan back from "
        "what it asks. Set dream_occupation_code with PATCH /api/v1/vision."
    )


def test_the_proposal_lists_smart_goals_with_actions(
    client: TestClient, story: Workspace, clock: FixedClock
) -> None:
    _choose(story, clock)
    body = client.get("/api/v1/plan/proposal").json()
    assert body["dream_job"] == "Chief Executive"
    assert body["target_date"] == "2031-11-25"
    assert body["realistic_date"] is None
    assert [goal["number"] for goal in body["goals"]] == list(range(1, len(body["goals"]) + 1))
    for goal in body["goals"]:
        assert goal["smart"]["score"] == 5
        assert goal["actions"]
        assert goal["accepted_goal_id"] is None


def test_accepting_by_number_and_key_creates_goals(
    client: TestClient, story: Workspace, clock: FixedClock
) -> None:
    _choose(story, clock)
    goals = client.get("/api/v1/plan/proposal").json()["goals"]
    response = client.post("/api/v1/plan/proposal/accept", json={"goals": ["1", goals[1]["key"]]})
    assert response.status_code == 201
    accepted = response.json()
    assert [item["number"] for item in accepted] == [1, 2]
    created = client.get(f"/api/v1/goals/{accepted[0]['goal_id']}").json()
    assert created["text"] == goals[0]["text"]
    assert created["parent_id"] == 1
    again = client.get("/api/v1/plan/proposal").json()["goals"]
    assert [goal["accepted_goal_id"] for goal in again[:2]] == [
        item["goal_id"] for item in accepted
    ]
    repeat = client.post("/api/v1/plan/proposal/accept", json={"goals": ["1"]})
    assert repeat.status_code == 409


def test_an_empty_or_unknown_choice_is_refused(
    client: TestClient, story: Workspace, clock: FixedClock
) -> None:
    _choose(story, clock)
    assert client.post("/api/v1/plan/proposal/accept", json={"goals": []}).status_code == 422
    unknown = client.post("/api/v1/plan/proposal/accept", json={"goals": ["1", "nope"]})
    assert unknown.status_code == 422
    assert "There is no proposed goal 'nope'" in unknown.json()["detail"]
    with story.unit() as uow:
        assert uow.proposals.accepted() == {}
