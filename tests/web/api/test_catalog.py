"""The catalogue and explore operations through the API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

SOFTWARE = "15-1252.00"
OPERATIONS = "11-1021.00"


def test_it_finds_occupations_by_title(client: TestClient) -> None:
    hits = client.get("/api/v1/occupations", params={"q": "software developer", "limit": 3})
    assert hits.status_code == 200
    assert len(hits.json()) <= 3
    assert hits.json()[0]["code"] == SOFTWARE


def test_it_shows_an_occupation_page(client: TestClient) -> None:
    page = client.get(f"/api/v1/occupations/{OPERATIONS}").json()
    assert (page["code"], page["title"]) == (OPERATIONS, "General and Operations Managers")


@pytest.mark.parametrize(
    ("code", "status", "words"),
    [
        ("99-9999.00", 404, "No occupation with id 99-9999.00."),
        ("nurse", 422, "not an occupation code"),
    ],
)
def test_an_unknown_or_malformed_code_is_a_problem(
    client: TestClient, code: str, status: int, words: str
) -> None:
    response = client.get(f"/api/v1/occupations/{code}")
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert words in response.json()["detail"]


def test_it_shows_requirements_and_the_gap(client: TestClient) -> None:
    response = client.get(
        f"/api/v1/occupations/{OPERATIONS}/requirements", params={"from": SOFTWARE}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["code"], body["title"]) == (OPERATIONS, "General and Operations Managers")
    gap = body["gap"]
    assert (gap["from"], gap["target"], gap["score"]) == (
        {"code": SOFTWARE, "title": "Software Developers"},
        OPERATIONS,
        62.5,
    )
    assert [item["name"] for item in gap["gaps"][:2]] == [
        "Coordination",
        "Guiding, Directing, and Motivating Subordinates",
    ]


def test_it_lists_the_sixty_interest_items(client: TestClient) -> None:
    items = client.get("/api/v1/explore/interest-items").json()
    assert [item["position"] for item in items] == list(range(1, 61))


def test_it_matches_occupations_to_answers_and_a_reflection(client: TestClient) -> None:
    answers = [5 if n % 6 == 4 else 1 for n in range(60)]
    response = client.post(
        "/api/v1/explore/matches",
        json={"answers": answers, "reflection": "I loved organising teams", "limit": 5},
    )
    assert response.status_code == 200
    result = response.json()
    assert result["profile"]["sources"]
    assert 1 <= len(result["matches"]) <= 5
    assert all(match["reasons"] for match in result["matches"])


@pytest.mark.parametrize(
    "body",
    [{}, {"answers": [3] * 59}, {"answers": [6] * 60}, {"reflection": ""}],
)
def test_matches_need_sixty_answers_or_a_reflection(
    client: TestClient, body: dict[str, object]
) -> None:
    assert client.post("/api/v1/explore/matches", json=body).status_code == 422


def test_it_bridges_into_a_field(client: TestClient) -> None:
    response = client.get(
        "/api/v1/explore/bridges", params={"from": SOFTWARE, "field": "healthcare", "limit": 2}
    )
    assert response.status_code == 200
    bridges = response.json()
    assert [bridge["code"] for bridge in bridges] == ["29-2036.00", "31-9094.00"]
    assert [bridge["reasons"][0] for bridge in bridges] == ["Healthcare is its field."] * 2


def test_it_finds_career_paths(client: TestClient) -> None:
    response = client.get(
        "/api/v1/explore/paths", params={"from": SOFTWARE, "to": OPERATIONS, "alternatives": 2}
    )
    assert response.status_code == 200
    paths = response.json()
    assert 1 <= len(paths) <= 2
    assert paths[0]["steps"][0]["code"] == SOFTWARE
    assert paths[0]["steps"][-1]["code"] == OPERATIONS
