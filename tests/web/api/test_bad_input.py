"""Bad input is a 422 problem naming the field, never a 500, and nothing is saved."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace

HUNDRED_KB = "x" * 100_000

CASES = [
    ("POST", "/api/v1/goals", {"text": ""}, "text"),
    ("POST", "/api/v1/goals", {"text": "   "}, "goal text is empty"),
    ("POST", "/api/v1/goals", {"text": HUNDRED_KB}, "text"),
    ("POST", "/api/v1/goals", {"text": "Lead", "due": "2027-02-30"}, "due"),
    ("POST", "/api/v1/goals", {"text": "Lead", "due": "30/06/2027"}, "due"),
    ("POST", "/api/v1/goals", {"text": "Lead", "due": 1_800_000_000}, "due"),
    ("POST", "/api/v1/goals", {"text": "Lead", "due": "0001-01-01"}, "due"),
    ("POST", "/api/v1/goals", {"text": "Lead", "parent_id": "two"}, "parent_id"),
    ("POST", "/api/v1/goals", {"text": "Lead", "parent_id": 2**40}, "parent_id"),
    ("POST", "/api/v1/goals", {"text": "Lead", "horizon": "5y"}, "horizon"),
    ("POST", "/api/v1/goals", {"text": "Lead", "horizon": "long"}, "dream job itself"),
    ("POST", "/api/v1/goals", {"text": "Lead", "repeat": "now and then"}, "not a repeat"),
    ("POST", "/api/v1/goals", {"text": "Lead\x00"}, "NUL"),
    ("POST", "/api/v1/goals", {"text": "Lead", "colour": "red"}, "colour"),
    ("POST", "/api/v1/goals", [1, 2], "body"),
    ("PATCH", "/api/v1/goals/2", {"text": "No version"}, "version"),
    ("PATCH", "/api/v1/goals/2", {"version": True, "text": "x"}, "version"),
    ("PATCH", "/api/v1/goals/2", {"version": 1, "measure": {"target": 1e300}}, "target"),
    ("POST", "/api/v1/actions", {"goal_id": 2, "text": ""}, "text"),
    ("POST", "/api/v1/actions", {"goal_id": 2, "text": "x", "due": "2026-13-01"}, "due"),
    ("POST", "/api/v1/checkins", {"goal_id": 2, "confidence": 9}, "confidence"),
    ("POST", "/api/v1/checkins", {"goal_id": 2, "value": "lots"}, "value"),
    ("POST", "/api/v1/checkins", {"goal_id": 2, "note": HUNDRED_KB}, "note"),
    ("POST", "/api/v1/resources", {"kind": "wizard", "name": "Merlin"}, "kind"),
    ("POST", "/api/v1/resources", {"kind": "person", "name": "x" * 201}, "name"),
    ("PATCH", "/api/v1/profile", {"version": 1, "hours_per_week": 0}, "hours_per_week"),
    ("PATCH", "/api/v1/vision", {"version": 1, "target_date": "soon"}, "target_date"),
    ("GET", "/api/v1/goals/0", None, "goal_id"),
    ("GET", "/api/v1/goals/abc", None, "goal_id"),
    ("GET", "/api/v1/occupations?q=", None, "q"),
    ("GET", "/api/v1/occupations?q=manager&limit=1000", None, "limit"),
]


@pytest.mark.parametrize(("method", "path", "body", "words"), CASES)
def test_bad_input_is_a_422_problem_and_saves_nothing(
    client: TestClient,
    story: Workspace,
    method: str,
    path: str,
    body: object,
    words: str,
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert (problem["status"], problem["title"]) == (422, "Invalid input")
    assert words in problem["detail"]
    assert len(client.get("/api/v1/goals").json()) == 3
    assert client.get("/api/v1/goals/2").json()["version"] == 1


def test_a_body_that_is_not_json_is_a_400_problem_in_words_and_saves_nothing(
    client: TestClient, story: Workspace
) -> None:
    response = client.post(
        "/api/v1/goals", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Bad request",
        "status": 400,
        "detail": "The request body is not valid JSON (at character 1: Expecting property name "
        "enclosed in double quotes).",
        "instance": "/api/v1/goals",
    }
    assert len(client.get("/api/v1/goals").json()) == 3


@pytest.mark.parametrize(
    ("body", "field", "remedy"),
    [
        ({"text": "Lead", "repeat": "FREQ=HOURLY"}, "repeat", None),
        ({"text": "Lead", "horizon": "long"}, "horizon", "edit_vision"),
    ],
)
def test_a_refusal_by_the_plan_names_its_field_and_remedy_as_members(
    client: TestClient, story: Workspace, body: dict[str, str], field: str, remedy: str | None
) -> None:
    problem = client.post("/api/v1/goals", json=body).json()
    assert problem["field"] == field
    assert (problem.get("hint") or {}).get("remedy") == remedy
    assert "`careerplan" not in problem["detail"]
