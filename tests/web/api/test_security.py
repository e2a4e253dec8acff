"""The API's security basics: cross-site writes refused, bodies bounded, headers set."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace
from careerplan.web.security import MAX_BODY_BYTES


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/v1/goals", {"text": "Sneaky"}),
        ("PATCH", "/api/v1/goals/2", {"version": 1, "text": "Sneaky"}),
        ("DELETE", "/api/v1/goals/3", None),
        ("POST", "/api/v1/smart/check", {"text": "Sneaky"}),
    ],
)
def test_a_cross_site_unsafe_request_is_refused(
    client: TestClient, story: Workspace, method: str, path: str, body: object
) -> None:
    response = client.request(method, path, json=body, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert client.get("/api/v1/goals/2").json()["version"] == 1
    assert len(client.get("/api/v1/goals").json()) == 3


def test_a_request_from_another_origin_is_refused(client: TestClient, story: Workspace) -> None:
    response = client.post(
        "/api/v1/goals", json={"text": "Sneaky"}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert [g["id"] for g in client.get("/api/v1/goals").json()] == [1, 2, 3]


def test_a_cross_site_read_is_allowed(client: TestClient, story: Workspace) -> None:
    response = client.get("/api/v1/goals", headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert [(g["id"], g["parent_id"], g["text"], g["version"]) for g in response.json()] == [
        (1, None, "Work as COO of a high-tech startup", 1),
        (2, 1, "Obtain a management position leading a team of at least 5 people", 1),
        (3, 2, "Complete my PMP certification within the next 12 months", 1),
    ]


def test_a_same_origin_write_from_a_browser_is_accepted(
    client: TestClient, story: Workspace
) -> None:
    response = client.post(
        "/api/v1/goals",
        json={"text": "Fine"},
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost:8000"},
    )
    assert response.status_code == 201
    assert (response.json()["id"], response.json()["text"]) == (4, "Fine")
    assert client.get("/api/v1/goals/4").json()["text"] == "Fine"


def test_a_body_over_one_mebibyte_is_refused(client: TestClient, story: Workspace) -> None:
    padding = "x" * MAX_BODY_BYTES
    response = client.post(
        "/api/v1/goals",
        content=f'{{"text": "{padding}"}}'.encode(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert len(client.get("/api/v1/goals").json()) == 3


def test_api_responses_carry_the_security_headers(client: TestClient) -> None:
    response = client.get("/api/v1/explore/interest-items")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_the_openapi_description_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    operations = {
        f"{method.upper()} {path}" for path, item in spec["paths"].items() for method in item
    }
    for entity in ("goals", "actions", "resources"):
        for operation in (
            "GET {p}",
            "POST {p}",
            "GET {p}/{{id}}",
            "PATCH {p}/{{id}}",
            "DELETE {p}/{{id}}",
        ):
            path = f"/api/v1/{entity}"
            name = operation.format(p=path).replace("{id}", "{" + entity[:-1] + "_id}")
            assert name in operations
    assert {"GET /api/v1/checkins/{checkin_id}", "POST /api/v1/smart/check"} <= operations
    assert client.get("/api/docs").status_code == 200
