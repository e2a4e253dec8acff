"""The story world shared by the tests: a database on SQLite and on PostgreSQL, a fixed clock,
and Ana, a product manager who wants to be COO of a high-tech startup (the article's example)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

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


# Migrating a new schema to the head revision costs a quarter of a second or more, and about
# half the suite's tests run on PostgreSQL. So each test process keeps the schemas its tests
# have finished with, emptied, and hands them out again. A schema is kept only if its shape
# is still exactly that of a freshly migrated one (tables, columns, indexes, policies, grants,
# revision): a test that altered it, or left it unmigrated, gets it dropped instead. A test
# thus gets a migrated, empty schema, which opening a workspace finds at the head revision, or
# a new, bare one when no spare is at hand.
# Read from the system catalogue by the schema's oid (the information_schema views are slower).
# Names the schema carries (sequence defaults, qualified table names) are replaced by "~", so
# two schemas of the same shape measure the same.
_SHAPE_OF_A_SCHEMA = """
    SELECT md5(string_agg(replace(part, CAST(:schema AS text), '~'), ',' ORDER BY part)) FROM (
        SELECT c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod)
               || ':' || a.attnotnull::text || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
               AS part
          FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
          LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
         WHERE c.relnamespace = to_regnamespace(CAST(:schema AS text))
           AND a.attnum > 0 AND NOT a.attisdropped
        UNION ALL SELECT pg_get_indexdef(i.indexrelid)
          FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
         WHERE c.relnamespace = to_regnamespace(CAST(:schema AS text))
        UNION ALL SELECT conrelid::regclass::text || ':' || conname || ':'
                         || pg_get_constraintdef(oid)
          FROM pg_constraint WHERE connamespace = to_regnamespace(CAST(:schema AS text))
        UNION ALL SELECT c.relname || ':' || p.polname || ':'
                         || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ':'
                         || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
          FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
         WHERE c.relnamespace = to_regnamespace(CAST(:schema AS text))
        UNION ALL SELECT 'rel:' || relname || ':' || relkind::text || ':'
                         || relrowsecurity::text || relforcerowsecurity::text || ':'
                         || coalesce(relacl::text, '')
          FROM pg_class WHERE relnamespace = to_regnamespace(CAST(:schema AS text))
        UNION ALL SELECT t.tgname || ':' || c.relname
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE c.relnamespace = to_regnamespace(CAST(:schema AS text)) AND NOT t.tgisinternal
    ) AS shape
"""
# Emptied rows stay in the tables as dead rows until a vacuum, which this server may not run
# by itself; a schema is dropped after this many tests so they cannot pile up.
_USES_OF_A_SCHEMA = 25
_uses: dict[str, int] = {}
_spare_schemas: list[str] = []
_migrated_shape: list[str] = []  # the shape of a schema at the head revision, once known


def _postgres_schema_url(bare: bool = False) -> Iterator[str]:
    """An empty schema for one test (a migrated one when a spare is at hand, unless it must be
    bare); the URL points the search path at it. Afterwards it is emptied for the next test, or
    dropped."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    spare = _spare_schemas and not bare
    schema = _spare_schemas.pop() if spare else "t_" + uuid.uuid4().hex[:12]
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    except Exception as error:  # the server is not there
        admin.dispose()
        unavailable(f"PostgreSQL is not reachable at {POSTGRES_URL}: {error}")
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        try:
            _uses[schema] = _uses.get(schema, 0) + 1
            if _uses[schema] < _USES_OF_A_SCHEMA and _emptied_for_reuse(admin, schema):
                _spare_schemas.append(schema)
            else:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        finally:
            admin.dispose()


def _emptied_for_reuse(admin: Engine, schema: str) -> bool:
    """Empty the schema if it is shaped like a freshly migrated one; False if it is not."""
    from careerplan.storage.schema_version import HEAD

    with admin.connect() as connection:
        tables = (
            connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = :schema"),
                {"schema": schema},
            )
            .scalars()
            .all()
        )
        if "alembic_version" not in tables:
            return False
        revision = connection.execute(
            text(f"SELECT string_agg(version_num, ',') FROM \"{schema}\".alembic_version")
        ).scalar()
        if revision != HEAD:
            return False
        shape = connection.execute(text(_SHAPE_OF_A_SCHEMA), {"schema": schema}).scalar()
        if shape != _shape_of_a_migrated_schema(admin):
            return False
        connection.execute(text("SET lock_timeout = '2s'"))
        try:
            _delete_every_row(connection, schema, tables)
        except DBAPIError:  # a row another test's connection still holds: drop the schema
            return False
    return True


def _delete_every_row(connection: Connection, schema: str, tables: Sequence[str]) -> None:
    others = [name for name in tables if name != "alembic_version"]
    filled = (
        connection.execute(
            text(
                " UNION ALL ".join(
                    f'SELECT \'{name}\' WHERE EXISTS (SELECT 1 FROM "{schema}"."{name}")'
                    for name in others
                )
            )
        )
        .scalars()
        .all()
    )
    # DELETE, not TRUNCATE: a truncated table gets new files and new catalogue rows, and
    # the catalogue would bloat over a run as it does when schemas are made and dropped.
    # With the foreign keys' triggers set aside (replica), the order does not matter.
    connection.execute(text("SET session_replication_role = replica"))
    for name in filled:
        connection.execute(text(f'DELETE FROM "{schema}"."{name}"'))
    connection.execute(text("SET session_replication_role = DEFAULT"))
    # Identities start at 1 again, as in a new schema (setval to 1, not yet called).
    connection.execute(
        text(
            "SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, 1, false) "
            "FROM pg_sequences WHERE schemaname = :schema AND last_value IS NOT NULL"
        ),
        {"schema": schema},
    )


def _shape_of_a_migrated_schema(admin: Engine) -> str:
    """The shape of a schema just brought to the head revision, measured once per process on a
    schema of its own, which then joins the spares."""
    if not _migrated_shape:
        from careerplan.storage.schema_version import upgrade

        schema = "t_" + uuid.uuid4().hex[:12]
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine = create_engine(f"{POSTGRES_URL}?options=-csearch_path%3D{schema}")
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        with admin.connect() as connection:
            shape = connection.execute(text(_SHAPE_OF_A_SCHEMA), {"schema": schema}).scalar()
        _migrated_shape.append(str(shape))
        _spare_schemas.append(schema)
    return _migrated_shape[0]


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'careerplan.sqlite3'}"
    else:
        yield from _postgres_schema_url(
            bare=request.node.get_closest_marker("bare_schema") is not None
        )


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
