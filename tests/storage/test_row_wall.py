"""PostgreSQL's row-level wall: a query that forgets its owner still finds only the owner's rows,
and every owner-scoped table has the wall, so a table added later without it fails here."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, inspect, select, text, update
from sqlalchemy.exc import DBAPIError

from careerplan.services.workspace import Workspace
from careerplan.storage import tables
from careerplan.storage.row_wall import has_wall
from careerplan.storage.unit_of_work import ensure_user

MOMENT = datetime(2026, 12, 5, 9, tzinfo=UTC)
# The wall is PostgreSQL's row-level security: these tests run on PostgreSQL only.
ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def _goal(owner_id: int, words: str) -> dict[str, object]:
    return {
        "owner_id": owner_id,
        "text": words,
        "category": "other",
        "status": "active",
        "version": 1,
        "created_at": MOMENT,
        "updated_at": MOMENT,
    }


@pytest.fixture
def two_people(workspace: Workspace) -> tuple[Workspace, Workspace]:
    other = ensure_user(workspace.engine, MOMENT, "ben@example.org")
    with workspace.engine.begin() as connection:  # outside any unit: the migrations' user
        connection.execute(insert(tables.goals), [_goal(workspace.owner_id, "Ana's goal")])
        connection.execute(insert(tables.goals), [_goal(other, "Ben's goal")])
    return workspace, workspace.as_owner(other)


def test_postgresql_has_the_wall_and_sqlite_does_not(workspace: Workspace) -> None:
    assert has_wall(workspace.engine) == (workspace.engine.dialect.name == "postgresql")


@ON_POSTGRESQL
def test_every_owner_scoped_table_is_behind_the_wall(workspace: Workspace) -> None:
    inspector = inspect(workspace.engine)
    scoped = {
        table
        for table in inspector.get_table_names()
        if any(column["name"] == "owner_id" for column in inspector.get_columns(table))
    }
    assert len(scoped) >= 18
    with workspace.engine.connect() as connection:
        walled = set(
            connection.execute(
                text(
                    "SELECT c.relname FROM pg_class c JOIN pg_policies p "
                    "ON p.tablename = c.relname AND p.schemaname = current_schema() "
                    "WHERE c.relrowsecurity AND p.policyname = 'owner_rows' "
                    "AND c.relnamespace = current_schema()::regnamespace"
                )
            ).scalars()
        )
    assert scoped | {"users"} <= walled, sorted(scoped | {"users"} - walled)


def test_a_query_that_forgets_its_owner_sees_only_the_owners_rows(
    two_people: tuple[Workspace, Workspace],
) -> None:
    ana, ben = two_people
    with ben.unit() as uow:
        texts = uow.connection.execute(select(tables.goals.c.text)).scalars().all()
        everyone = uow.connection.execute(select(func.count()).select_from(tables.users))
        seen_people = everyone.scalar_one()
    if ana.engine.dialect.name == "postgresql":
        assert texts == ["Ben's goal"]
        assert seen_people == 1
    else:  # SQLite has no wall: the repositories' own scoping is the only one
        assert sorted(texts) == ["Ana's goal", "Ben's goal"]


@ON_POSTGRESQL
def test_the_wall_refuses_a_row_written_for_someone_else(
    two_people: tuple[Workspace, Workspace],
) -> None:
    ana, ben = two_people
    with pytest.raises(DBAPIError, match="row-level security"), ben.unit(writes=True) as uow:
        uow.connection.execute(insert(tables.goals), [_goal(ana.owner_id, "planted")])
    with ben.unit(writes=True) as uow:
        changed = uow.connection.execute(
            update(tables.goals).where(tables.goals.c.text == "Ana's goal").values(text="x")
        )
        assert changed.rowcount == 0
    with ana.unit() as uow:
        assert [goal.text for goal in uow.goals.all()] == ["Ana's goal"]
