"""POST /api/v1/reviews: `adjust` may carry the measure's new `target`; a target for a goal
without a measure, or one that is not a sensible number, is a 422 problem that saves nothing."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from tests.services.courses_goal import add_courses_goal
from tests.web.pages.helpers import snapshot

FORTY = "Complete 40 hours of project management courses by June 2027"
TARGET = "entries.0.target: Input should be"


@pytest.fixture
def courses(story: Workspace, clock: FixedClock) -> Workspace:
    add_courses_goal(story, clock)
    return story


def test_adjust_moves_the_target_with_the_wording(client: TestClient, courses: Workspace) -> None:
    entry = {"goal_id": 4, "decision": "adjust", "text": FORTY, "target": 40, "version": 2}
    response = client.post("/api/v1/reviews", json={"entries": [entry]})
    assert response.status_code == 201, response.text
    goal = client.get("/api/v1/goals/4").json()
    assert (goal["text"], goal["version"]) == (FORTY, 3)
    assert (goal["measure"]["target"], goal["measure"]["current"]) == (40, 12)


def test_the_schema_describes_the_new_target(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["EntryIn"]
    target = schema["properties"]["target"]
    assert target["anyOf"][0] == {
        "type": "number",
        "minimum": 0.0,
        "maximum": 1e12,
        "description": "The measure's new target; with `adjust`, for a goal that has a measure.",
    }


@pytest.mark.parametrize(
    ("entry", "detail"),
    [
        ({"goal_id": 3, "decision": "adjust", "target": 40}, "Goal 3 has no measure"),
        ({"goal_id": 4, "target": 40}, "goes with the decision 'adjust', not 'keep'"),
        ({"goal_id": 4, "decision": "adjust", "target": "forty"}, f"{TARGET} a valid number"),
        ({"goal_id": 4, "decision": "adjust", "target": "40"}, f"{TARGET} a valid number"),
        (
            {"goal_id": 4, "decision": "adjust", "target": -1},
            f"{TARGET} greater than or equal to 0",
        ),
        ({"goal_id": 4, "decision": "adjust", "target": 1e13}, f"{TARGET} less than or equal to"),
    ],
)
def test_a_wrong_target_is_a_422_problem_that_saves_nothing(
    client: TestClient, courses: Workspace, entry: dict[str, Any], detail: str
) -> None:
    before = snapshot(courses)
    response = client.post("/api/v1/reviews", json={"entries": [entry]})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert detail in response.json()["detail"]
    assert snapshot(courses) == before
