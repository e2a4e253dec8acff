"""Opening a plan: the engine, migrations brought up to date, and the owner whose rows we see."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from careerplan.config import LOCAL_USERNAME, Settings
from careerplan.domain.errors import StorageProblem
from careerplan.services.clock import Clock, SystemClock
from careerplan.storage.engine import make_engine
from careerplan.storage.schema_version import upgrade
from careerplan.storage.unit_of_work import UnitOfWork, ensure_user


@dataclass
class Workspace:
    settings: Settings
    engine: Engine
    owner_id: int

    def unit(self, *, writes: bool = False) -> UnitOfWork:
        """A unit of work; one that `writes` takes SQLite's write lock from the start."""
        return UnitOfWork(self.engine, self.owner_id, writes=writes)

    def as_owner(self, owner_id: int) -> Workspace:
        """The same database seen as another person (a server with accounts, per request)."""
        return self if owner_id == self.owner_id else replace(self, owner_id=owner_id)

    def revision(self) -> int:
        """The plan's revision, read on its own (no unit of work): pages check it per request."""
        from careerplan.storage.unit_of_work import plan_revision

        with self.engine.connect() as connection:
            return plan_revision(connection, self.owner_id)

    def close(self) -> None:
        self.engine.dispose()


def open_workspace(
    settings: Settings, username: str = LOCAL_USERNAME, clock: Clock | None = None
) -> Workspace:
    """Open the configured database, migrating it first; refuse clearly when it cannot be used.
    `clock` dates the owner's record when this is their first visit (the system's by default)."""
    engine = make_engine(settings)
    try:
        upgrade(engine)
        owner = ensure_user(engine, (clock or SystemClock()).now(), username)
    except OperationalError as error:
        engine.dispose()
        raise StorageProblem(_describe(settings, error)) from None
    except BaseException:
        engine.dispose()
        raise
    return Workspace(settings, engine, owner)


def _describe(settings: Settings, error: OperationalError) -> str:
    reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    where = "the SQLite file" if settings.is_sqlite else "the PostgreSQL server"
    hint = (
        "Check that the data folder is writable, or set CAREERPLAN_DATA_DIR."
        if settings.is_sqlite
        else "Check that it is running and that CAREERPLAN_DATABASE_URL is right."
    )
    return f"Cannot open {where} ({reason}). {hint}"
