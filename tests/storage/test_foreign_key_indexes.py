"""Every foreign-key column leads an index, on SQLite and on PostgreSQL, whether the database was
made new or brought up from the revision before the indexes: deleting a row looks up the rows
that point at it, and without an index each look-up reads the whole table (a restore's delete of
60,000 goals read the goals table 60,000 times)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import Engine, inspect

from careerplan.config import Settings
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.storage import schema_version
from careerplan.storage.engine import make_engine
from careerplan.storage.tables import metadata

# The look-ups revision 0006 added an index for.
NEW_INDEXES = {
    ("goals", "ix_goals_parent_id", ("parent_id",)),
    ("resource_links", "ix_resource_links_goal_id", ("goal_id",)),
    ("resource_links", "ix_resource_links_action_id", ("action_id",)),
}


def leading_columns(engine: Engine) -> dict[str, list[tuple[str, ...]]]:
    """Per table, the column lists that lead an index (unique constraints and the primary key
    count: they are indexes too)."""
    inspector = inspect(engine)
    found: dict[str, list[tuple[str, ...]]] = {}
    for table in inspector.get_table_names():
        lists = [tuple(index["column_names"]) for index in inspector.get_indexes(table)]
        lists += [tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)]
        lists.append(tuple(inspector.get_pk_constraint(table)["constrained_columns"]))
        found[table] = lists
    return found


def unindexed_foreign_keys(engine: Engine) -> list[str]:
    inspector = inspect(engine)
    indexed = leading_columns(engine)
    missing = []
    for table in inspector.get_table_names():
        for key in inspector.get_foreign_keys(table):
            columns = tuple(key["constrained_columns"])
            if not any(lead[: len(columns)] == columns for lead in indexed[table]):
                missing.append(f"{table}.{', '.join(columns)} -> {key['referred_table']}")
    return sorted(missing)


def named_indexes(engine: Engine) -> set[tuple[str, str, tuple[str, ...]]]:
    inspector = inspect(engine)
    return {
        (table, str(index["name"]), tuple(str(c) for c in index["column_names"]))
        for table in ("goals", "resource_links")
        for index in inspector.get_indexes(table)
    }


def test_every_foreign_key_column_leads_an_index(workspace: Workspace) -> None:
    inspector = inspect(workspace.engine)
    keys = sum(len(inspector.get_foreign_keys(table)) for table in inspector.get_table_names())
    assert keys == sum(len(table.foreign_keys) for table in metadata.tables.values()) == 47
    assert unindexed_foreign_keys(workspace.engine) == []
    assert named_indexes(workspace.engine) >= NEW_INDEXES


def test_the_check_finds_a_foreign_key_without_an_index(workspace: Workspace) -> None:
    with workspace.engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_goals_parent_id")
    assert unindexed_foreign_keys(workspace.engine) == ["goals.parent_id -> goals"]


@pytest.mark.bare_schema
def test_upgrading_from_the_revision_before_adds_the_indexes(settings: Settings) -> None:
    engine = make_engine(settings)
    with engine.begin() as connection:
        command.upgrade(schema_version._alembic_config(connection), "0005")
    assert not named_indexes(engine) & NEW_INDEXES
    assert unindexed_foreign_keys(engine) == [
        "goals.parent_id -> goals",
        "resource_links.action_id -> actions",
        "resource_links.goal_id -> goals",
    ]
    engine.dispose()
    opened = open_workspace(settings)
    try:
        assert named_indexes(opened.engine) >= NEW_INDEXES
        assert unindexed_foreign_keys(opened.engine) == []
    finally:
        opened.close()
