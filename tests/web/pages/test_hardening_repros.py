"""The attacks and heavy use that once broke careerplan, replayed exactly against the pages and
the API, on SQLite and on PostgreSQL: each is refused cleanly and the plan is left whole. (The
DNS rebinding restore and the planted cookie: test_host_names.py; a busy database:
test_busy_database_answers.py; the command line's cases: tests/cli/test_hardening_repros_cli.py.)"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from tests.bad_values import snapshot
from tests.exports.rich_plan import backup_of
from tests.web.pages.conftest import Browser


def test_a_check_in_of_1e400_from_the_page_is_refused_and_the_backup_still_works(
    browser: Browser, client: TestClient, story: Workspace, clock: FixedClock
) -> None:
    before = snapshot(story, clock)
    response = browser.post("/checkins", {"goal_id": "3", "value": "1e400", "note": "Huge"})
    assert response.status_code == 422
    assert "The value is inf; use a finite number." in response.text
    assert snapshot(story, clock) == before
    assert client.get("/api/v1/backup").status_code == 200


@pytest.mark.parametrize("path", ["/plan/goals/2147483648", "/plan/goals/99999999999999999999"])
def test_a_goal_page_past_the_id_range_is_not_found(
    browser: Browser, story: Workspace, path: str
) -> None:
    response = browser.get(path)
    assert response.status_code == 404
    assert "No goal with id" in response.text


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/plan/goals", {"text": "Lead\x00 a team", "parent_id": "1"}),
        ("/actions", {"goal_id": "3", "text": "Book\x00 the exam"}),
        ("/resources", {"kind": "person", "name": "Maria\x00 Lopez"}),
        ("/vision", {"name": "Ana\x00", "dream_job_title": "COO", "version": "1"}),
        ("/explore/reflection", {"reflection": "Pickup\x00 games"}),
        ("/checkins", {"goal_id": "3", "note": "Kept\x00 going"}),
    ],
    ids=["goal", "action", "resource", "vision", "reflection", "check-in"],
)
def test_a_nul_character_in_any_form_is_refused_and_saves_nothing(
    browser: Browser, story: Workspace, clock: FixedClock, path: str, form: dict[str, str]
) -> None:
    before = snapshot(story, clock)
    response = browser.post(path, form)
    assert response.status_code == 422, response.text[:300]
    assert "it contains a NUL character" in response.text
    assert snapshot(story, clock) == before


def _with_a_lone_surrogate(story: Workspace, clock: FixedClock) -> bytes:
    """Ana's backup, its profile name starting with half of a character pair, as JSON can
    spell it ("\\ud800Maria") and no database can store."""
    document = json.loads(backup_of(story, clock))
    document["profile"]["name"] = "\ud800Maria"
    return json.dumps(document).encode()


def test_a_backup_with_a_lone_surrogate_is_refused_by_the_api(
    client: TestClient, story: Workspace, clock: FixedClock
) -> None:
    before = snapshot(story, clock)
    response = client.post(
        "/api/v1/backup/restore?mode=replace",
        content=_with_a_lone_surrogate(story, clock),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert "profile.name cannot be restored" in response.json()["detail"]
    assert snapshot(story, clock) == before


def test_a_backup_with_a_lone_surrogate_is_refused_by_the_preview_page(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    before = snapshot(story, clock)
    browser.get("/backup")
    token = browser.client.cookies["careerplan_csrf"]
    response = browser.client.post(
        "/backup/preview",
        data={"csrf_token": token, "mode": "replace"},
        files={"backup": ("backup.json", _with_a_lone_surrogate(story, clock), "application/json")},
        follow_redirects=False,
    )
    assert response.status_code == 422
    assert "profile.name cannot be restored" in response.text
    assert snapshot(story, clock) == before


def test_a_restore_with_a_target_of_1e400_is_refused_by_the_api(
    client: TestClient, story: Workspace, clock: FixedClock
) -> None:
    before = snapshot(story, clock)
    document = json.loads(backup_of(story, clock))
    document["goals"][-1]["measure"] = {
        "metric": "exams", "target": 1.0, "unit": "", "baseline": 0.0, "current": None,
    }  # fmt: skip
    data = json.dumps(document).replace('"target": 1.0', '"target": 1e400').encode()
    response = client.post(
        "/api/v1/backup/restore?mode=replace",
        content=data,
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert "use a finite number" in response.json()["detail"]
    assert snapshot(story, clock) == before


@pytest.mark.parametrize("due", ["9999-12-31", "1800-01-01"])
def test_a_restore_with_a_due_date_outside_the_plans_years_is_refused(
    client: TestClient, story: Workspace, clock: FixedClock, due: str
) -> None:
    before = snapshot(story, clock)
    document = json.loads(backup_of(story, clock))
    document["goals"][-1]["due"] = due
    response = client.post(
        "/api/v1/backup/restore?mode=replace",
        content=json.dumps(document).encode(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert "dates run from 1900-01-01 to 2999-12-31" in response.json()["detail"]
    assert snapshot(story, clock) == before
    assert client.get("/export/ics").status_code == 200
