"""The plan's head through the API: starting a plan, profile, vision, agenda."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace

NEW_PLAN = {
    "name": "Ana",
    "current_job_title": "Product manager",
    "hours_per_week": 5,
    "vision": {"dream_job_title": "COO of a high-tech startup", "target_date": "2031-11-25"},
}


def test_it_starts_a_plan_with_the_dream_job_as_the_long_term_goal(client: TestClient) -> None:
    response = client.post("/api/v1/plan", json=NEW_PLAN)
    assert response.status_code == 201
    assert response.headers["location"] == "/api/v1/vision"
    plan = response.json()
    assert plan["profile"]["hours_per_week"] == 5.0
    assert plan["vision"]["target_date"] == "2031-11-25"
    assert (plan["dream_goal"]["text"], plan["dream_goal"]["horizon"]) == (
        "Work as COO of a high-tech startup",
        "long",
    )
    assert plan["warnings"] == []


def test_a_second_plan_is_refused(client: TestClient, story: Workspace) -> None:
    response = client.post("/api/v1/plan", json=NEW_PLAN)
    assert response.status_code == 409
    assert response.json()["detail"].startswith("A plan already exists here.")


@pytest.mark.parametrize("path", ["/api/v1/profile", "/api/v1/vision"])
def test_without_a_plan_profile_and_vision_say_how_to_start(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 409
    problem = response.json()
    assert problem["detail"] == "There is no plan yet. Create it with POST /api/v1/plan."
    assert problem["hint"] == {
        "remedy": "start_plan",
        "subject": "",
        "text": "Create it with POST /api/v1/plan.",
    }


def test_it_changes_the_profile_on_the_version_read(client: TestClient, story: Workspace) -> None:
    changed = client.patch(
        "/api/v1/profile",
        json={
            "version": 1,
            "hours_per_week": 8,
            "current_occupation_code": "11-2021.00",
            "education": "bachelor's",
            "education_field": "Economics",
        },
    )
    assert changed.status_code == 200
    assert changed.json() == {
        "name": "Ana",
        "current_job_title": "Product manager",
        "current_occupation_code": "11-2021.00",
        "hours_per_week": 8.0,
        "education": "bachelor's",
        "education_field": "Economics",
        "version": 2,
    }
    stale = client.patch("/api/v1/profile", json={"version": 1, "name": "Someone"})
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert client.get("/api/v1/profile").json()["name"] == "Ana"


def test_changing_the_vision_moves_the_dream_goal(client: TestClient, story: Workspace) -> None:
    response = client.patch(
        "/api/v1/vision",
        json={"version": 1, "dream_job_title": "COO of a fintech", "target_date": "2030-06-30"},
    )
    assert response.status_code == 200
    assert response.json()["version"] == 2
    dream = client.get("/api/v1/goals/1").json()
    assert (dream["text"], dream["due"]) == ("Work as COO of a fintech", "2030-06-30")


def test_a_stale_vision_edit_overwrites_nothing(client: TestClient, story: Workspace) -> None:
    client.patch("/api/v1/vision", json={"version": 1, "culture": "Small and fast"})
    stale = client.patch("/api/v1/vision", json={"version": 1, "culture": "Large", "dress": "Suit"})
    assert stale.status_code == 409
    vision = client.get("/api/v1/vision").json()
    assert (vision["culture"], vision["dress"], vision["version"]) == ("Small and fast", "", 2)


def test_a_null_clears_the_target_date_but_leaves_other_fields(
    client: TestClient, story: Workspace
) -> None:
    vision = client.patch(
        "/api/v1/vision", json={"version": 1, "target_date": None, "commitment": None}
    ).json()
    assert vision["target_date"] is None
    assert vision["commitment"] == "I will be COO of a startup by 2031."


def test_the_agenda_lists_what_is_due(client: TestClient, story: Workspace) -> None:
    client.post(
        "/api/v1/actions", json={"goal_id": 2, "text": "Ask for a team", "due": "2026-11-20"}
    )
    agenda = client.get("/api/v1/agenda").json()
    assert (agenda["today"], agenda["days_left"]) == ("2026-11-25", 1826)
    assert [a["text"] for a in agenda["overdue_actions"]] == ["Ask for a team"]
    assert [a["text"] for a in agenda["repeats_due"]] == ["Attend one industry networking event"]
