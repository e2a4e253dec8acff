"""Facts about the database for `careerplan db info`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from careerplan.config import Settings
from careerplan.services.workspace import Workspace
from careerplan.storage import tables
from careerplan.storage.engine import make_engine, sqlite_path
from careerplan.storage.schema_version import HEAD, current_revision, upgrade


@dataclass
class DatabaseInfo:
    url: str
    backend: str
    path: str | None
    revision: str | None
    head: str
    counts: dict[str, int]


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def database_info(workspace: Workspace) -> DatabaseInfo:
    engine = workspace.engine
    counts: dict[str, int] = {}
    with engine.connect() as connection:
        revision = current_revision(connection)
        for table in (tables.goals, tables.actions, tables.resources, tables.checkins):
            counts[table.name] = int(
                connection.execute(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.owner_id == workspace.owner_id)
                ).scalar_one()
            )
    path = sqlite_path(workspace.settings.database_url)
    return DatabaseInfo(
        url=_safe_url(workspace.settings.database_url),
        backend=engine.dialect.name,
        path=str(path) if path else None,
        revision=revision,
        head=HEAD,
        counts=counts,
    )


def upgrade_database(settings: Settings) -> tuple[str | None, str]:
    """Apply any pending migrations; report the revision before and after."""
    engine = make_engine(settings)
    try:
        before = upgrade(engine)
    finally:
        engine.dispose()
    return before, HEAD
