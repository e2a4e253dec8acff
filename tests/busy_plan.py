"""Another writer holding the plan (the `impatient` fixture in tests/conftest.py waits only
briefly for it): for the tests of how a busy database is answered on each surface."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Connection

from careerplan.services.workspace import Workspace


@contextmanager
def someone_else_writing(workspace: Workspace) -> Iterator[Connection]:
    """Another writer in the middle of a transaction: SQLite's write lock, or the owner's row
    on PostgreSQL (every change to a plan checks its owner)."""
    with workspace.engine.connect() as other:
        if workspace.engine.dialect.name == "sqlite":
            other.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            other.execute(text("SELECT id FROM users FOR UPDATE"))
        try:
            yield other
        finally:
            other.rollback()


def goal_count(workspace: Workspace) -> int:
    with workspace.unit() as uow:
        return len(uow.goals.all())
