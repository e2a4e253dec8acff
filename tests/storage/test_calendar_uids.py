"""Goals and actions carry a uid (a uuid4) that outlives their database ids: given on insert,
read back on every path, filled in by migration 0005 for rows made before it, and unique
per person."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from careerplan.config import Settings
from careerplan.domain.entities import Action, Goal
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.storage import schema_version
from careerplan.storage.engine import make_engine
from careerplan.storage.quick_read import QuickReader
from careerplan.storage.unit_of_work import UnitOfWork, ensure_user

CREATED = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def is_uuid4(value: str | None) -> bool:
    return value is not None and str(uuid.UUID(value)) == value and uuid.UUID(value).version == 4


def test_a_new_goal_and_action_get_a_uuid4_that_reads_back(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        goal = uow.goals.add(Goal(text="Lead a team", created_at=CREATED, updated_at=CREATED))
        assert goal.id is not None
        action = uow.actions.add(Action(goal_id=goal.id, text="Ask", created_at=CREATED))
    assert is_uuid4(goal.uid)
    assert is_uuid4(action.uid)
    assert goal.uid != action.uid
    with workspace.unit() as uow:
        assert uow.goals.get(goal.id).uid == goal.uid
        assert [a.uid for a in uow.actions.all()] == [action.uid]


def test_a_given_uid_is_kept_and_an_edit_leaves_it_alone(workspace: Workspace) -> None:
    kept = "6f1c7b0e-0d5e-4c8a-9d6b-2a3f4e5d6c7b"
    with workspace.unit() as uow:
        goal = uow.goals.add(Goal(text="Lead", created_at=CREATED, updated_at=CREATED, uid=kept))
        goal.text = "Lead a team of five"
        uow.goals.save(goal)
    with workspace.unit() as uow:
        assert goal.id is not None
        assert uow.goals.get(goal.id).uid == kept


def test_one_person_cannot_hold_a_uid_twice_but_two_people_can(workspace: Workspace) -> None:
    same = "6f1c7b0e-0d5e-4c8a-9d6b-2a3f4e5d6c7b"
    with workspace.unit() as uow:
        uow.goals.add(Goal(text="One", created_at=CREATED, updated_at=CREATED, uid=same))
    with UnitOfWork(workspace.engine, ensure_user(workspace.engine, CREATED, "bob")) as uow:
        uow.goals.add(Goal(text="Bob's", created_at=CREATED, updated_at=CREATED, uid=same))
    with pytest.raises(IntegrityError, match=r"(?i)unique"), workspace.unit() as uow:
        uow.goals.add(Goal(text="Two", created_at=CREATED, updated_at=CREATED, uid=same))


def test_the_quick_sqlite_reader_reads_the_uids_too(tmp_path: Path) -> None:
    path = tmp_path / "plan.sqlite3"
    opened = open_workspace(Settings(data_dir=tmp_path, database_url=f"sqlite:///{path}"))
    with opened.unit() as uow:
        goal = uow.goals.add(Goal(text="Lead", created_at=CREATED, updated_at=CREATED))
        assert goal.id is not None
        action = uow.actions.add(Action(goal_id=goal.id, text="Ask", created_at=CREATED))
    opened.close()
    reader = QuickReader.open(path, schema_version.HEAD, "local")
    assert reader is not None
    try:
        assert [g.uid for g in reader.goals.all()] == [goal.uid]
        assert [a.uid for a in reader.actions.all()] == [action.uid]
    finally:
        reader.close()


@pytest.mark.bare_schema
def test_migration_0005_gives_every_existing_row_its_own_uid_and_loses_nothing(
    settings: Settings,
) -> None:
    engine = make_engine(settings)
    with engine.begin() as connection:
        command.upgrade(schema_version._alembic_config(connection), "0004")
    with engine.begin() as connection:
        for owner, name in ((1, "ana"), (2, "bob")):
            connection.execute(
                text(
                    "INSERT INTO users (id, username, display_name, created_at) "
                    "VALUES (:id, :name, '', :at)"
                ),
                {"id": owner, "name": name, "at": CREATED},
            )
        for ident in range(1, 5):
            connection.execute(
                text(
                    "INSERT INTO goals (id, owner_id, parent_id, text, category, status, "
                    "created_at, updated_at, version) VALUES (:id, :owner, :parent, :text, "
                    "'other', 'active', :at, :at, 1)"
                ),
                {
                    "id": ident,
                    "owner": 1 if ident < 4 else 2,
                    "parent": 1 if ident in (2, 3) else None,
                    "text": f"goal {ident}",
                    "at": CREATED,
                },
            )
        for ident, goal_id in ((1, 2), (2, 3), (3, 4)):
            connection.execute(
                text(
                    "INSERT INTO actions (id, owner_id, goal_id, text, done, created_at, version)"
                    " VALUES (:id, :owner, :goal, 'act', false, :at, 1)"
                ),
                {"id": ident, "owner": 1 if goal_id < 4 else 2, "goal": goal_id, "at": CREATED},
            )
        connection.execute(
            text(
                "INSERT INTO checkins (owner_id, goal_id, on_date, note, created_at) "
                "VALUES (1, 3, '2026-11-20', '', :at)"
            ),
            {"at": CREATED},
        )
    engine.dispose()

    opened = open_workspace(settings, "ana")
    with opened.engine.connect() as connection:
        goals = connection.execute(text("SELECT id, parent_id, uid FROM goals ORDER BY id")).all()
        actions = connection.execute(text("SELECT id, goal_id, uid FROM actions ORDER BY id")).all()
        checkins = connection.execute(text("SELECT goal_id FROM checkins")).scalars().all()
    opened.close()
    assert [(g.id, g.parent_id) for g in goals] == [(1, None), (2, 1), (3, 1), (4, None)]
    assert [(a.id, a.goal_id) for a in actions] == [(1, 2), (2, 3), (3, 4)]
    assert checkins == [3]
    uids = [row.uid for row in (*goals, *actions)]
    assert all(is_uuid4(uid) for uid in uids)
    assert len(set(uids)) == len(uids)
