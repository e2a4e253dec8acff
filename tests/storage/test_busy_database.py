"""A busy database is told apart from a broken one by the drivers' codes: a lock held past the
wait, a server out of reach, a row removed under a write. Real errors from real databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from tests.conftest import POSTGRES_URL

from careerplan.storage.busy import is_busy


def _sqlite_error(path: Path) -> sqlite3.Error:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE IF NOT EXISTS t (x)")
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        waiter.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        return error
    finally:
        holder.rollback()
        holder.close()
        waiter.close()
    raise AssertionError("the second writer was not refused")


def test_a_sqlite_lock_held_past_the_wait_is_busy(tmp_path: Path) -> None:
    error = _sqlite_error(tmp_path / "plan.sqlite3")
    assert is_busy(error)
    assert is_busy(OperationalError("BEGIN IMMEDIATE", {}, error))


def test_a_sqlite_constraint_is_not_busy(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "plan.sqlite3")
    connection.execute("CREATE TABLE t (x NOT NULL)")
    with pytest.raises(sqlite3.IntegrityError) as refused:
        connection.execute("INSERT INTO t VALUES (NULL)")
    connection.close()
    assert not is_busy(IntegrityError("INSERT", {}, refused.value))


def test_a_postgresql_server_out_of_reach_is_busy() -> None:
    engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:9/plans")
    with pytest.raises(DBAPIError) as refused, engine.connect():
        pass
    engine.dispose()
    assert is_busy(refused.value)


def _postgres_or_skip() -> None:
    from tests.conftest import unavailable

    probe = create_engine(POSTGRES_URL)
    try:
        with probe.connect():
            pass
    except DBAPIError as error:
        unavailable(f"PostgreSQL is not reachable at {POSTGRES_URL}: {error}")
    finally:
        probe.dispose()


@pytest.mark.postgres
def test_a_postgresql_lock_timeout_and_a_vanished_parent_are_busy_but_a_bad_value_is_not() -> None:
    _postgres_or_skip()
    holder_engine = create_engine(POSTGRES_URL)
    waiter_engine = create_engine(POSTGRES_URL, connect_args={"options": "-c lock_timeout=50"})
    try:
        with holder_engine.connect() as holder, waiter_engine.connect() as waiter:
            holder.execute(text("CREATE TABLE IF NOT EXISTS busy_parent (id int PRIMARY KEY)"))
            holder.execute(
                text(
                    "CREATE TABLE IF NOT EXISTS busy_child (parent int REFERENCES busy_parent (id))"
                )
            )
            holder.commit()
            holder.execute(text("LOCK TABLE busy_parent IN ACCESS EXCLUSIVE MODE"))
            with pytest.raises(DBAPIError) as locked:
                waiter.execute(text("SELECT * FROM busy_parent"))
            waiter.rollback()
            holder.rollback()
            with pytest.raises(IntegrityError) as vanished:
                waiter.execute(text("INSERT INTO busy_child VALUES (42)"))
            waiter.rollback()
            with pytest.raises(DBAPIError) as wrong:
                waiter.execute(text("SELECT 1 / 0"))
            waiter.rollback()
            holder.execute(text("DROP TABLE busy_child, busy_parent"))
            holder.commit()
    finally:
        holder_engine.dispose()
        waiter_engine.dispose()
    assert is_busy(locked.value)
    assert is_busy(vanished.value)
    assert not is_busy(wrong.value)
