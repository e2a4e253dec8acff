"""Migrations apply themselves at start. Reading the version is cheap; Alembic is imported only
when there is something to upgrade, to keep the command line quick."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from careerplan.domain.errors import StorageProblem
from careerplan.storage.schema_head import HEAD, KNOWN_REVISIONS

__all__ = ["HEAD", "KNOWN_REVISIONS", "MIGRATIONS_DIR", "current_revision", "upgrade"]
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, or None when it has no careerplan tables yet."""
    try:
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except (OperationalError, ProgrammingError):
        connection.rollback()
        return None
    return row[0] if row else None


def _alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine) -> str | None:
    """Bring the database to HEAD. Refuses, without touching it, a database from a newer release."""
    with engine.connect() as connection:
        before = current_revision(connection)
        if before == HEAD:
            _after_upgrade(engine)
            return before
        if before is not None and before not in KNOWN_REVISIONS:
            raise StorageProblem(
                f"This database was written by a newer careerplan (schema revision {before}); "
                f"this version knows revisions up to {HEAD}. Upgrade careerplan to open it. "
                "The database was not changed."
            )
        if before is None and _has_foreign_tables(connection):
            raise StorageProblem(
                "This database already holds tables that are not careerplan's. Point "
                "CAREERPLAN_DATABASE_URL at an empty database. Nothing was changed."
            )
    from alembic import command
    from alembic.config import Config

    with engine.begin() as connection:
        config = _alembic_config(connection)
        assert isinstance(config, Config)
        command.upgrade(config, "head")
    _after_upgrade(engine)
    return before


def _has_foreign_tables(connection: Connection) -> bool:
    names = set(inspect(connection).get_table_names())
    return bool(names - {"alembic_version"})


def _after_upgrade(engine: Engine) -> None:
    # WAL lets a reader (the web page) and a writer (the CLI) work at once. It is set only after
    # the version check, so a database we refuse is left byte for byte as it was.
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        with engine.connect() as connection:
            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
            if str(mode).lower() != "wal":
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")
