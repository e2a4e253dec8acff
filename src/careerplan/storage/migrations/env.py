"""Alembic environment: runs on the connection careerplan hands over, or on the configured URL."""

from __future__ import annotations

from alembic import context

from careerplan.storage.tables import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Run from the `alembic` command line (maintainers writing a new revision).
        from careerplan.config import Settings
        from careerplan.storage.engine import make_engine

        engine = make_engine(Settings.from_env())
        with engine.begin() as fresh:
            _migrate(fresh)
        return
    _migrate(connection)


def _migrate(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
