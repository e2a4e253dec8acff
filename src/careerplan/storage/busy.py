"""Telling a database that is busy, or out of reach for a moment, from one that is broken.

A busy database is not a bug: another writer held the lock past the wait (SQLite's busy timeout,
PostgreSQL's lock timeout), a deadlock or a serialisation conflict was broken by giving up on one
side, or a record vanished under a write because a restore replaced the plan at that moment. The
person is told to try again shortly, and nothing was saved. Decided by the drivers' error codes,
never by their messages.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError

# SQLite's primary result codes (an extended code carries one in its low byte).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_CANTOPEN = 14
_SQLITE_BUSY_CODES = {_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CANTOPEN}
# PostgreSQL's SQLSTATEs for the same situations.
_POSTGRES_BUSY_STATES = {
    "40001",  # serialization_failure
    "40P01",  # deadlock_detected
    "55P03",  # lock_not_available (lock_timeout)
    "57014",  # query_canceled (statement_timeout)
    "57P01",  # admin_shutdown: the server is restarting
    "57P03",  # cannot_connect_now: the server is starting
    "23503",  # foreign_key_violation: the row written to was deleted by a concurrent restore
}
# How long to tell a client to wait before it tries again.
RETRY_AFTER_SECONDS = 2


def is_busy(error: BaseException) -> bool:
    """Whether `error` says the database was busy or briefly unreachable."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        return code is not None and code & 0xFF in _SQLITE_BUSY_CODES
    state = getattr(original, "sqlstate", None)
    if isinstance(state, str):
        return state in _POSTGRES_BUSY_STATES or state.startswith("08")  # 08: connection lost
    import psycopg

    # An OperationalError with no state: the server could not be reached at all.
    return isinstance(original, psycopg.OperationalError)
