"""Migrations apply themselves, agree with the tables, and refuse a newer database untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from careerplan.config import Settings
from careerplan.domain.errors import StorageProblem
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.storage import schema_version
from careerplan.storage.tables import metadata


def test_the_known_revisions_are_exactly_alembics_history() -> None:
    config = Config()
    config.set_main_option("script_location", str(schema_version.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    history = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(history) == schema_version.KNOWN_REVISIONS
    assert script.get_heads() == [schema_version.HEAD]


def test_the_migrated_database_matches_the_tables(workspace: Workspace) -> None:
    with workspace.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_opening_twice_leaves_the_revision_at_head(settings: Settings) -> None:
    first = open_workspace(settings)
    first.close()
    second = open_workspace(settings)
    with second.engine.connect() as connection:
        assert schema_version.current_revision(connection) == schema_version.HEAD
    second.close()


def test_a_database_from_a_newer_version_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "plan.sqlite3"
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{path}")
    open_workspace(settings).close()
    import sqlite3

    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StorageProblem, match=r"newer careerplan \(schema revision 9999\)"):
        open_workspace(settings)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_newer_postgres_database_is_refused_too(settings: Settings) -> None:
    opened = open_workspace(settings)
    with opened.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    opened.close()
    with pytest.raises(StorageProblem, match="Upgrade careerplan to open it"):
        open_workspace(settings)


def test_sqlite_runs_with_foreign_keys_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'p.sqlite3'}")
    opened = open_workspace(settings)
    with opened.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    opened.close()
