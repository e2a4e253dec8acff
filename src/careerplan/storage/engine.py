"""Opening the database: SQLite in the data folder by default, PostgreSQL by URL."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from careerplan.config import Settings
from careerplan.domain.errors import StorageProblem

# Wait this long for another writer's lock before giving up (milliseconds): SQLite's busy
# timeout, PostgreSQL's lock timeout. Past it the person is told the plan is busy (storage/busy.py).
SQLITE_BUSY_TIMEOUT_MS = 5_000
POSTGRES_LOCK_TIMEOUT_MS = 5_000
# Each process keeps up to 5 PostgreSQL connections open and opens 10 more at a peak (the pool
# SQLAlchemy would choose, said here so `serve --workers` can check the server has room).
POSTGRES_POOL_SIZE = 5
POSTGRES_POOL_OVERFLOW = 10
CONNECTIONS_PER_PROCESS = POSTGRES_POOL_SIZE + POSTGRES_POOL_OVERFLOW


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL points at, or None for memory databases and other back ends."""
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def ensure_data_folder(path: Path) -> None:
    """Create the database's folder, or explain why it cannot be used."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageProblem(
            f"Cannot create the data folder {folder}: {error.strerror or error}. "
            "Set CAREERPLAN_DATA_DIR to a folder you can write to."
        ) from None
    writable = os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
    if not writable:
        raise StorageProblem(
            f"The data folder {folder} is read-only, so careerplan cannot save your plan there. "
            "Set CAREERPLAN_DATA_DIR to a folder you can write to."
        )


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _on_postgres_connect(dbapi_connection: Any, _record: Any) -> None:
    # PostgreSQL would wait for a lock for ever; a bounded wait becomes an honest "busy".
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = {POSTGRES_LOCK_TIMEOUT_MS}")
    dbapi_connection.commit()


def make_engine(settings: Settings) -> Engine:
    """An engine for the configured database. No connection is made yet."""
    url = settings.database_url
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageProblem(
            f"CAREERPLAN_DATABASE_URL is not a database URL: {url!r}. "
            "Use sqlite:///path/to/file.sqlite3 or postgresql+psycopg://user@host/dbname."
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            ensure_data_folder(path)
        # A small pool: the web server reuses connections (and their pragmas) across requests.
        engine = create_engine(url, pool_size=5, max_overflow=10)
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    if backend == "postgresql":
        if parsed.get_driver_name() not in {"psycopg", ""}:
            raise StorageProblem(
                "careerplan talks to PostgreSQL through psycopg 3: use a URL that starts with "
                "postgresql+psycopg://"
            )
        engine = create_engine(
            url.replace("postgresql://", "postgresql+psycopg://", 1),
            pool_pre_ping=True,
            pool_size=POSTGRES_POOL_SIZE,
            max_overflow=POSTGRES_POOL_OVERFLOW,
        )
        event.listen(engine, "connect", _on_postgres_connect)
        return engine
    raise StorageProblem(
        f"careerplan supports SQLite and PostgreSQL, not {backend!r}. "
        "Set CAREERPLAN_DATABASE_URL to sqlite:///... or postgresql+psycopg://..."
    )


def connection_room(engine: Engine) -> tuple[int, int]:
    """PostgreSQL's max_connections and how many connections are open now, by anyone."""
    with engine.connect() as connection:
        limit = int(connection.exec_driver_sql("SHOW max_connections").scalar_one())
        taken = int(
            connection.exec_driver_sql("SELECT count(*) FROM pg_stat_activity").scalar_one()
        )
    return limit, taken


def hold_write_lock(connection: Connection) -> None:
    """On SQLite, take the database's write lock now, unless this transaction holds it already
    (it has written): what is read from here on cannot change under the transaction, and ids
    past the largest are free. PostgreSQL locks rows as they are written, and its sequences hand
    out ids safely, so it needs nothing."""
    if connection.dialect.name != "sqlite":
        return
    if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


# One queue of writers per SQLite file in this process. SQLite lets a waiting writer poll for the
# lock with growing sleeps, so under many writers an unlucky one can wait past the busy timeout
# while others come and go; waiting in line here first makes the wait fair, and SQLite's own
# busy timeout still covers writers in other processes.
_SQLITE_WRITERS: dict[str, threading.Lock] = {}
_SQLITE_WRITERS_GUARD = threading.Lock()


def writer_turn(engine: Engine) -> threading.Lock | None:
    """Wait for this process's turn to write to a SQLite database, at most the busy timeout;
    the lock to release when the transaction ends, or None (PostgreSQL, or the wait ran out:
    SQLite then decides)."""
    if engine.dialect.name != "sqlite":
        return None
    with _SQLITE_WRITERS_GUARD:
        turn = _SQLITE_WRITERS.setdefault(str(engine.url), threading.Lock())
    return turn if turn.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000) else None
