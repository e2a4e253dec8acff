"""GET /api/v1/backup and POST /api/v1/backup/restore: the backup document out and back in,
a dry run that changes nothing, and problems (RFC 9457) that change nothing either."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.web.app import create_app
from careerplan.web.backup_transfer import MAX_BACKUP_BYTES
from tests.exports.rich_plan import backup_of, other_database, without_export_time
from tests.web.conftest import local_client
from tests.web.pages.helpers import snapshot

PROBLEM = "application/problem+json"


@pytest.fixture
def empty_client(settings: Settings, tmp_path: Path, clock: FixedClock) -> Iterator[TestClient]:
    """An app on a second, empty database of the same kind."""
    with (
        other_database(settings, tmp_path) as other,
        local_client(create_app(workspace=other, clock=clock)) as client,
    ):
        yield client


def restore(client: TestClient, data: bytes, **query: str) -> Response:
    return client.post(
        "/api/v1/backup/restore",
        params=query,
        content=data,
        headers={"content-type": "application/json"},
    )


def lines(body: dict[str, Any]) -> dict[str, list[int]]:
    return {
        line["what"]: [line["in_backup"], line["added"], line["replaced"], line["kept"]]
        for line in body["lines"]
    }


def test_the_backup_document_is_the_json_export(
    client: TestClient, rich: Workspace, clock: FixedClock
) -> None:
    response = client.get("/api/v1/backup")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-store"
    assert response.content == backup_of(rich, clock)
    assert response.json()["format"] == "careerplan-backup"


def test_a_backup_restores_whole_into_an_empty_plan(
    client: TestClient, rich: Workspace, empty_client: TestClient
) -> None:
    data = client.get("/api/v1/backup").content
    dry = restore(empty_client, data, dry_run="true")
    assert dry.status_code == 200
    body = dry.json()
    assert (body["mode"], body["dry_run"], body["notes"]) == ("refuse", True, [])
    assert lines(body)["goals"] == [6, 6, 0, 0]
    assert empty_client.get("/api/v1/goals").json() == []

    done = restore(empty_client, data)
    assert done.status_code == 200
    assert done.json()["dry_run"] is False
    again = empty_client.get("/api/v1/backup").content
    assert without_export_time(again) == without_export_time(data)


def test_over_a_plan_it_is_refused_with_409_and_what_the_plan_holds(
    client: TestClient, rich: Workspace, clock: FixedClock
) -> None:
    before = snapshot(rich)
    response = restore(client, backup_of(rich, clock))
    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["detail"].startswith("This plan already has a profile, a vision, ")
    assert "Send mode=replace" in problem["detail"]
    assert "careerplan import" not in problem["detail"]
    assert problem["held"]["goals"] == 6
    assert problem["instance"] == "/api/v1/backup/restore"
    assert snapshot(rich) == before


@pytest.mark.parametrize(("mode", "goals"), [("replace", [6, 6, 6, 0]), ("merge", [6, 5, 0, 6])])
def test_replace_and_merge_report_what_they_did_and_a_dry_run_changes_nothing(
    client: TestClient, rich: Workspace, clock: FixedClock, mode: str, goals: list[int]
) -> None:
    data = backup_of(rich, clock)
    before = snapshot(rich)
    dry = restore(client, data, mode=mode, dry_run="true").json()
    assert (dry["mode"], dry["dry_run"], lines(dry)["goals"]) == (mode, True, goals)
    assert snapshot(rich) == before
    done = restore(client, data, mode=mode).json()
    assert lines(done) == lines(dry)
    assert done["notes"] == dry["notes"]
    assert len(client.get("/api/v1/goals").json()) == 6 + goals[1] - goals[2]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"", "The file is empty, so it holds no backup. Make one with GET /api/v1/backup."),
        (b"[1, 2]", "This is not a careerplan backup: the file holds a list"),
        (b'{"format": "careerplan-backup", "format_version": 7', "looks cut off"),
        (b'{"format": "careerplan-backup", "format_version": 99}', "format version 99"),
        (b"\xff\xfe{}", "byte 0 is not UTF-8 text"),
    ],
)
def test_a_bad_body_is_a_422_problem_and_changes_nothing(
    client: TestClient, rich: Workspace, body: bytes, detail: str
) -> None:
    before = snapshot(rich)
    response = restore(client, body, mode="replace")
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert detail in response.json()["detail"]
    assert snapshot(rich) == before


def test_a_backup_over_the_cap_is_413_and_a_bigger_body_is_refused_unread(
    client: TestClient, rich: Workspace
) -> None:
    before = snapshot(rich)
    over_cap = restore(client, b" " * (MAX_BACKUP_BYTES + 1), mode="replace")
    assert over_cap.status_code == 413
    assert over_cap.json()["detail"].startswith("This file is 8.4 MB")
    over_body = restore(client, b" " * (16 * 1024 * 1024 + 1), mode="replace")
    assert over_body.status_code == 413
    assert snapshot(rich) == before


def test_an_unknown_mode_is_a_422_problem(client: TestClient, rich: Workspace) -> None:
    response = restore(client, b"{}", mode="overwrite")
    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == ["query", "mode"]


def test_a_cross_site_restore_is_refused(
    client: TestClient, rich: Workspace, clock: FixedClock
) -> None:
    before = snapshot(rich)
    response = client.post(
        "/api/v1/backup/restore?mode=replace",
        content=backup_of(rich, clock),
        headers={"Sec-Fetch-Site": "cross-site", "content-type": "application/json"},
    )
    assert response.status_code == 403
    assert snapshot(rich) == before


def test_the_openapi_description_names_the_body_the_modes_and_the_problems(
    client: TestClient,
) -> None:
    spec = client.get("/api/openapi.json").json()
    operation = spec["paths"]["/api/v1/backup/restore"]["post"]
    body = operation["requestBody"]
    assert body["required"] is True
    assert body["content"]["application/json"]["schema"]["type"] == "object"
    mode = next(p for p in operation["parameters"] if p["name"] == "mode")["schema"]
    assert mode["default"] == "refuse"
    choices = spec["components"]["schemas"][mode["$ref"].rsplit("/", 1)[1]]
    assert choices["enum"] == ["refuse", "replace", "merge"]
    assert {"409", "413", "422"} <= set(operation["responses"])
