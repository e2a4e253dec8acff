"""When another writer holds the plan past the wait, a change is answered honestly: 503 with
Retry-After and a problem document (or a page saying so), exit 75 at the command line, and
nothing saved. SQLite keeps write-ahead logging and a busy timeout; PostgreSQL a lock timeout."""

from __future__ import annotations

from sqlalchemy import text

from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.storage import engine as engine_module
from careerplan.web.app import create_app
from tests.busy_plan import goal_count, someone_else_writing
from tests.web.conftest import local_client

WAIT_MS = 150


def test_the_api_answers_503_with_retry_after_and_saves_nothing(
    impatient: Workspace, clock: FixedClock
) -> None:
    with local_client(create_app(workspace=impatient, clock=clock)) as client:
        with someone_else_writing(impatient):
            response = client.post("/api/v1/goals", json={"text": "Lead a team", "parent_id": 1})
        assert response.status_code == 503
        assert response.headers["retry-after"] == "2"
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"].startswith("The plan is busy: another change was being")
        assert goal_count(impatient) == 1
        # Once the other writer is done, the same request goes through.
        again = client.post("/api/v1/goals", json={"text": "Lead a team", "parent_id": 1})
        assert again.status_code == 201


def test_a_page_says_the_plan_is_busy_and_saves_nothing(
    impatient: Workspace, clock: FixedClock
) -> None:
    with local_client(create_app(workspace=impatient, clock=clock)) as client:
        client.get("/plan")
        token = client.cookies["careerplan_csrf"]
        form = {"text": "Lead a team", "parent_id": "1", "csrf_token": token}
        with someone_else_writing(impatient):
            response = client.post("/plan/goals", data=form, follow_redirects=False)
        assert response.status_code == 503
        assert response.headers["retry-after"] == "2"
        assert "The plan is busy" in response.text
    assert goal_count(impatient) == 1


def test_a_plan_waits_for_a_lock_no_longer_than_its_timeout(
    settings: Settings, clock: FixedClock
) -> None:
    """SQLite: write-ahead logging (readers never wait for a writer), foreign keys on, and a busy
    timeout; PostgreSQL: a lock timeout (it would otherwise wait for ever)."""
    opened = open_workspace(settings, clock=clock)
    try:
        with opened.engine.connect() as connection:
            if settings.is_sqlite:
                found = tuple(
                    connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("journal_mode", "busy_timeout", "foreign_keys")
                )
                assert found == ("wal", engine_module.SQLITE_BUSY_TIMEOUT_MS, 1)
            else:
                shown = connection.execute(text("SHOW lock_timeout")).scalar()
                assert shown == f"{engine_module.POSTGRES_LOCK_TIMEOUT_MS // 1000}s"
    finally:
        opened.close()
