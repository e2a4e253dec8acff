"""The health endpoints: `/healthz` asks the database, `/livez` only the process."""

from __future__ import annotations

from fastapi.testclient import TestClient

from careerplan.config import Settings


def test_healthz_names_the_database_it_reached(client: TestClient, settings: Settings) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    backend = settings.database_url.split(":", 1)[0].split("+", 1)[0]
    assert response.json() == {"status": "ok", "database": backend}


def test_livez_answers_without_the_database(client: TestClient) -> None:
    response = client.get("/livez")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == "ok"
