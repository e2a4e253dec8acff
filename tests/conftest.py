"""The story world shared by the tests: a database on SQLite and on PostgreSQL, a fixed clock,
and Ana, a product manager who wants to be COO of a high-tech startup (the article's example)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import create_engine, text

from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace, open_workspace

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
TODAY = NOW.date()
POSTGRES_URL = os.environ.get(
    "CAREERPLAN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# How long the `impatient` plan waits for another writer's lock (milliseconds).
LOCK_WAIT_MS = 150
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(autouse=True)
def no_plan_of_the_machine(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command run without a test database must not find the plan of whoever runs the
    tests (their data folder): every test starts with an empty one of its own."""
    monkeypatch.setenv("CAREERPLAN_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("CAREERPLAN_DATABASE_URL", raising=False)


def unavailable(missing: str) -> NoReturn:
    """A prerequisite of the test is missing: skip on a workstation, fail in CI, where every
    prerequisite is installed on purpose and a skip would hide a test that never ran."""
    if IN_CI:
        pytest.fail(f"{missing}: CI requires it, so the test fails instead of skipping.")
    pytest.skip(f"{missing} (CI runs this test)")


def _postgres_schema_url() -> Iterator[str]:
    """A fresh schema per test, dropped afterwards; the URL points the search path at it."""
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # the server is not there
        admin.dispose()
        unavailable(f"PostgreSQL is not reachable at {POSTGRES_URL}: {error}")
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'careerplan.sqlite3'}"
    else:
        yield from _postgres_schema_url()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=database_url)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def workspace(settings: Settings, clock: FixedClock) -> Iterator[Workspace]:
    opened = open_workspace(settings, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def story(workspace: Workspace, clock: FixedClock) -> Workspace:
    """Ana's plan: the dream job (goal 1), a 2-year goal, a 12-month goal under it, and a
    repeating networking action."""
    from careerplan.domain.entities import Category, Horizon
    from careerplan.services.actions import add_action
    from careerplan.services.goals import add_goal
    from careerplan.services.vision import init_plan

    with workspace.unit() as uow:
        init_plan(
            uow,
            clock,
            name="Ana",
            current_job_title="Product manager",
            hours_per_week=5,
            dream_job_title="COO of a high-tech startup",
            vision_fields={
                "target_date": date(2031, 11, 25),
                "commitment": "I will be COO of a startup by 2031.",
            },
        )
        two_years = add_goal(
            uow,
            clock,
            text="Obtain a management position leading a team of at least 5 people",
            parent_id=1,
            horizon=Horizon.TWO_YEARS,
            category=Category.EXPERIENCE,
        ).goal
        pmp = add_goal(
            uow,
            clock,
            text="Complete my PMP certification within the next 12 months",
            parent_id=two_years.id,
            horizon=Horizon.TWELVE_MONTHS,
            category=Category.EDUCATION,
        ).goal
        assert pmp.id is not None
        add_action(
            uow, clock, pmp.id, "Attend one industry networking event", repeat="FREQ=MONTHLY"
        )
    return workspace


@pytest.fixture
def rich(story: Workspace, clock: FixedClock) -> Workspace:
    """Ana's plan with something of every kind (for the backup and restore tests)."""
    from tests.exports.rich_plan import add_everything

    add_everything(story, clock)
    return story


@pytest.fixture
def empty(settings: Settings, tmp_path: Path) -> Iterator[Workspace]:
    """A second, empty database of the same kind."""
    from tests.exports.rich_plan import other_database

    with other_database(settings, tmp_path) as other:
        yield other


@pytest.fixture
def impatient(
    settings: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Workspace]:
    """A plan opened with short waits for locks: a held lock is felt in a fraction of a second."""
    from careerplan.services.vision import init_plan
    from careerplan.storage import engine as engine_module

    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", LOCK_WAIT_MS)
    monkeypatch.setattr(engine_module, "POSTGRES_LOCK_TIMEOUT_MS", LOCK_WAIT_MS)
    opened = open_workspace(settings, clock=clock)
    with opened.unit() as uow:
        init_plan(
            uow, clock, name="Ana", current_job_title="", hours_per_week=5,
            dream_job_title="COO of a high-tech startup",
        )  # fmt: skip
    yield opened
    opened.close()
