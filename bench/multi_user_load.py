"""Many people at once: a server with accounts on PostgreSQL holding 10,000 people's plans, 64 of
them signed in and using it together, against one person's plan on SQLite as the baseline.

The PostgreSQL database is made for the run (`careerplan_bench`, dropped at the end unless
`--keep`), brought up with careerplan's own migrations and filled server-side: each person has a
profile, a vision, review settings, `--goals` goals in a tree under the dream job (every fifth
with a measure), `--actions` actions per goal, three check-ins and one review. Then
`careerplan serve --accounts --workers 4` runs on it; 64 people sign in and each drives a mix of
the dashboard (half the requests), goal edits, check-ins and reviews on their own plan for
`--seconds`. The same mix runs against `careerplan serve` on SQLite with one person and one
worker, every client acting as that person (the single-user install the server mode grew from).

Also checked: that no route's query count grows with the number of people (the same routes
in-process, statements counted, on the full database and on one of 10 people; a difference
fails the run); whether any of those statements is planned as a read of a whole large table
(EXPLAIN, behind the row-level wall as the application runs them); which tables were read
whole during the run; the CPU each part used (the database, the server, the clients, and
whatever else runs on the machine); and the targets (dashboard p95 at most 50 ms, writes at
most 100 ms, no errors). Prints Markdown tables.

    python bench/multi_user_load.py [--people 10000] [--goals 100] [--actions 5] [--seconds 60]
        [--clients 64] [--workers 4] [--think-ms 0] [--keep] [--database-url ADMIN_URL]
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, select, text
from sqlalchemy.engine import make_url

ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BIG_DATABASE = "careerplan_bench"
SMALL_DATABASE = "careerplan_bench_small"
SMALL_PEOPLE = 10
PASSWORD = "correct horse battery staple"
# People are filled this many at a time: one transaction each, so progress shows and no single
# statement holds millions of rows in memory.
CHUNK_PEOPLE = 500
REQUEST_TIMEOUT_S = 60.0
# uvicorn closes a keep-alive connection idle for 5 s; a client that paused longer opens a new
# one, as a browser does, rather than send into a connection the server is closing.
IDLE_REOPEN_S = 4.0

# The mix each client draws from, with its weight, and the status that counts as a success.
ROUTES = {
    "dashboard": ("GET /", 50, 200),
    "goal edit": ("PATCH /api/v1/goals/{id}", 20, 200),
    "check-in": ("POST /api/v1/checkins", 20, 201),
    "review": ("POST /api/v1/reviews", 10, 201),
}
WRITES = ("goal edit", "check-in", "review")
TARGET_DASHBOARD_P95_MS = 50.0
TARGET_WRITE_P95_MS = 100.0

# --- the shape of one person's plan ---------------------------------------------------------
# Goal k (1-based) of a person: goal 1 is the dream job; the rest hang four to a parent, so the
# tree is as deep as real plans get. The PostgreSQL fill states the same rules in SQL, and the
# SQLite baseline uses these functions; `plan_signature` checks that both made the same plan.

CATEGORIES = ("skills", "experience", "education", "network", "job-search", "other")
CHECKIN_GOALS = (5, 10, 15)  # measured goals with a check-in each in the fill
REVIEW_GOALS = (2, 3, 4)  # unmeasured goals the fill's review (and the load's reviews) cover
SMART_REPORT = json.dumps(
    {"attainable": None, "measurable": True, "relevant": True, "score": 4, "specific": True,
     "time_bound": True},
    sort_keys=True,
)  # fmt: skip


def parent_of(k: int) -> int | None:
    return None if k == 1 else (k - 2) // 4 + 1


def horizon_of(k: int) -> str:
    return "long" if k == 1 else "2y" if k <= 5 else "12m" if k <= 21 else "6m"


def is_measured(k: int) -> bool:
    return k > 1 and k % 5 == 0


def checkin_value(k: int) -> float:
    return float(k // 5 * 2)


def goal_due(k: int, today: date) -> date:
    return date(2031, 12, 31) if k == 1 else today + timedelta(days=k * 7 % 540)


def action_repeats(k: int, a: int) -> bool:
    return (k + a) % 10 == 0


def action_due(k: int, a: int, today: date) -> date | None:
    return None if action_repeats(k, a) else today + timedelta(days=(k * 5 + a * 3) % 120 - 10)


# --- the PostgreSQL databases ---------------------------------------------------------------


def database_url(admin_url: str, name: str) -> str:
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def admin_engine(admin_url: str) -> Engine:
    return create_engine(admin_url, isolation_level="AUTOCOMMIT")


def drop_database(admin: Engine, name: str) -> None:
    # FORCE ends connections left by a run that was interrupted, which would block the drop.
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def create_database(admin: Engine, name: str) -> None:
    drop_database(admin, name)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))


@dataclass(frozen=True)
class Filled:
    """Where the fill put people: person n (1-based) is user `user_offset + n`, and goal k of
    person n is goal `goal_offset + (n - 1) * goals + k`."""

    url: str
    people: int
    goals: int
    actions: int
    user_offset: int
    goal_offset: int

    def email(self, n: int) -> str:
        return f"person{n:0{self.width}d}@example.org"

    @property
    def width(self) -> int:
        return max(5, len(str(self.people)))

    def goal_id(self, n: int, k: int) -> int:
        return self.goal_offset + (n - 1) * self.goals + k


FILL_STATEMENTS = (
    (
        "users",
        """INSERT INTO users (id, username, display_name, created_at, plan_revision,
               password_hash, is_admin)
           SELECT :uoff + n, 'person' || lpad(n::text, :width, '0') || '@example.org',
               'Person ' || n, :now, 0, :hash, false
           FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n""",
    ),
    (
        "profiles",
        """INSERT INTO profiles (owner_id, name, current_job_title, hours_per_week, version,
               education_field)
           SELECT :uoff + n, 'Person ' || n, 'Analyst', 5, 1, ''
           FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n""",
    ),
    (
        "visions",
        """INSERT INTO visions (owner_id, dream_job_title, industry, organisation_type, culture,
               location, life_difference, workplace, dress, daily_work, feelings,
               success_definition, target_date, commitment, version)
           SELECT :uoff + n, 'Chief Operating Officer', '', '', '', '', '', '', '', '', '', '',
               DATE '2031-12-31', 'I will.', 1
           FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n""",
    ),
    (
        "preferences",
        """INSERT INTO preferences (owner_id, review_cadence, review_weekday, reminder_days,
               digest_email, version)
           SELECT :uoff + n, 'weekly', 6, 1, '', 1
           FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n""",
    ),
    (
        "goals",
        """INSERT INTO goals (id, owner_id, parent_id, text, horizon, category, measure_metric,
               measure_unit, measure_baseline, measure_target, measure_current, due, repeat,
               status, smart_report, created_at, updated_at, version, uid)
           SELECT :goff + (n - 1) * :goals + k, :uoff + n,
               CASE WHEN k = 1 THEN NULL ELSE :goff + (n - 1) * :goals + (k - 2) / 4 + 1 END,
               CASE WHEN k = 1 THEN 'Work as Chief Operating Officer'
                    ELSE 'Finish module ' || k || ' of the operations course by June 2027' END,
               CASE WHEN k = 1 THEN 'long' WHEN k <= 5 THEN '2y' WHEN k <= 21 THEN '12m'
                    ELSE '6m' END,
               (ARRAY['skills', 'experience', 'education', 'network', 'job-search',
                      'other'])[1 + k % 6],
               CASE WHEN m THEN 'customer interviews' END,
               CASE WHEN m THEN '' END,
               CASE WHEN m THEN 0.0 END,
               CASE WHEN m THEN 20.0 END,
               CASE WHEN m AND k IN (5, 10, 15) THEN (k / 5 * 2)::float END,
               CASE WHEN k = 1 THEN DATE '2031-12-31' ELSE CURRENT_DATE + k * 7 % 540 END,
               NULL, 'active', :smart, :now, :now, 1, gen_random_uuid()::text
           FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n
           CROSS JOIN generate_series(1, CAST(:goals AS integer)) AS k
           CROSS JOIN LATERAL (SELECT k > 1 AND k % 5 = 0 AS m) AS measured""",
    ),
    (
        "actions",
        """INSERT INTO actions (owner_id, goal_id, text, due, repeat, done, created_at, version,
               uid)
           SELECT :uoff + n, :goff + (n - 1) * :goals + k, 'Action ' || a || ' of goal ' || k,
               CASE WHEN (k + a) % 10 = 0 THEN NULL
                    ELSE CURRENT_DATE + (k * 5 + a * 3) % 120 - 10 END,
               CASE WHEN (k + a) % 10 = 0 THEN 'FREQ=WEEKLY' END,
               (k + a) % 7 = 0, :now, 1, gen_random_uuid()::text
           FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n
           CROSS JOIN generate_series(1, CAST(:goals AS integer)) AS k
           CROSS JOIN generate_series(1, CAST(:actions AS integer)) AS a""",
    ),
    (
        "check-ins",
        """INSERT INTO checkins (owner_id, goal_id, on_date, value, note, confidence,
               created_at)
           SELECT :uoff + n, :goff + (n - 1) * :goals + k, CURRENT_DATE - (30 - k),
               (k / 5 * 2)::float, '', 3, :now
           FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n
           CROSS JOIN (VALUES (5), (10), (15)) AS measured (k)
           WHERE k <= :goals""",
    ),
    (
        "reviews",
        """INSERT INTO reviews (id, owner_id, held_on, cadence, went_well, got_in_the_way,
               created_at)
           SELECT :roff + n, :uoff + n, CURRENT_DATE - 7, 'weekly', 'Kept the weekly slot.', '',
               :now
           FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n""",
    ),
    (
        "review entries",
        """INSERT INTO review_entries (owner_id, review_id, goal_id, progress, confidence,
               decision, note)
           SELECT :uoff + n, :roff + n, :goff + (n - 1) * :goals + k, 10.0 * k, 3, 'keep', ''
           FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n
           CROSS JOIN (VALUES (2), (3), (4)) AS reviewed (k)
           WHERE k <= :goals""",
    ),
)


def migrate(url: str, folder: Path) -> None:
    """The schema as careerplan makes it: its own migrations, row-level wall included."""
    from careerplan.config import Settings
    from careerplan.services.workspace import open_workspace

    open_workspace(Settings(data_dir=folder, database_url=url)).close()


def fill_postgres(url: str, people: int, goals: int, actions: int, password_hash: str) -> Filled:
    engine = create_engine(url)
    started = time.perf_counter()
    try:
        with engine.connect() as connection:
            largest = {
                name: int(connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {name}"))
                          .scalar_one())
                for name in ("users", "goals", "reviews")
            }  # fmt: skip
            connection.commit()
            # The rows are consistent by construction, so the foreign-key triggers (two index
            # look-ups per action) are skipped, and a crash mid-fill only costs a re-run.
            connection.execute(text("SET session_replication_role = replica"))
            connection.execute(text("SET synchronous_commit = off"))
            filled = Filled(url, people, goals, actions, largest["users"], largest["goals"])
            base = {
                "uoff": filled.user_offset, "goff": filled.goal_offset, "roff": largest["reviews"],
                "goals": goals, "actions": actions, "width": filled.width,
                "hash": password_hash, "smart": SMART_REPORT, "now": datetime.now(UTC),
            }  # fmt: skip
            for first in range(1, people + 1, CHUNK_PEOPLE):
                last = min(people, first + CHUNK_PEOPLE - 1)
                for _name, statement in FILL_STATEMENTS:
                    connection.execute(text(statement), {**base, "first": first, "last": last})
                connection.commit()
                if people > CHUNK_PEOPLE:
                    print(
                        f"  {last:,} of {people:,} people ({time.perf_counter() - started:.0f} s)",
                        flush=True,
                    )
            for table in ("users", "goals", "reviews"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
            connection.commit()
        # Where autovacuum is on it would work through the new rows in the middle of the load,
        # and where it is off the planner would go without statistics: the run starts on a
        # settled database instead, statistics and visibility map made.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM (ANALYZE)"))
            # The fill's dirty pages are written now, not by a checkpoint during the run.
            connection.execute(text("CHECKPOINT"))
    finally:
        engine.dispose()
    return filled


def prepare_postgres(
    admin: Engine, url: str, name: str, people: int, goals: int, actions: int, hashed: str
) -> tuple[Filled, float]:
    create_database(admin, name)
    with tempfile.TemporaryDirectory() as folder:
        migrate(url, Path(folder))
    started = time.perf_counter()
    filled = fill_postgres(url, people, goals, actions, hashed)
    return filled, time.perf_counter() - started


# --- the SQLite baseline: one person, the same plan -----------------------------------------


def fill_sqlite(folder: Path, goals: int, actions: int) -> int:
    """One person's plan (the install's own person, no accounts), the same shape as each
    person's on PostgreSQL. Returns the owner's id."""
    from careerplan.config import Settings
    from careerplan.services.workspace import open_workspace
    from careerplan.storage import tables

    workspace = open_workspace(
        Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'careerplan.sqlite3'}")
    )
    owner, now, today = workspace.owner_id, datetime.now(UTC), date.today()
    try:
        with workspace.engine.begin() as connection:
            connection.execute(
                insert(tables.profiles),
                {"owner_id": owner, "name": "Person 1", "current_job_title": "Analyst",
                 "hours_per_week": 5, "version": 1, "education_field": ""},
            )  # fmt: skip
            blank = dict.fromkeys(
                ("industry", "organisation_type", "culture", "location", "life_difference",
                 "workplace", "dress", "daily_work", "feelings", "success_definition"),
                "",
            )  # fmt: skip
            connection.execute(
                insert(tables.visions),
                {"owner_id": owner, "dream_job_title": "Chief Operating Officer", **blank,
                 "target_date": date(2031, 12, 31), "commitment": "I will.", "version": 1},
            )  # fmt: skip
            connection.execute(
                insert(tables.preferences),
                {"owner_id": owner, "review_cadence": "weekly", "review_weekday": 6,
                 "reminder_days": 1, "digest_email": "", "version": 1},
            )  # fmt: skip
            goal_rows = []
            for k in range(1, goals + 1):
                measured = is_measured(k)
                goal_rows.append(
                    {
                        "id": k, "owner_id": owner, "parent_id": parent_of(k),
                        "text": "Work as Chief Operating Officer" if k == 1
                        else f"Finish module {k} of the operations course by June 2027",
                        "horizon": horizon_of(k), "category": CATEGORIES[k % 6],
                        "measure_metric": "customer interviews" if measured else None,
                        "measure_unit": "" if measured else None,
                        "measure_baseline": 0.0 if measured else None,
                        "measure_target": 20.0 if measured else None,
                        "measure_current": checkin_value(k)
                        if measured and k in CHECKIN_GOALS else None,
                        "due": goal_due(k, today), "repeat": None, "status": "active",
                        "smart_report": SMART_REPORT, "created_at": now, "updated_at": now,
                        "version": 1, "uid": str(uuid.uuid4()),
                    }
                )  # fmt: skip
            connection.execute(insert(tables.goals), goal_rows)
            connection.execute(
                insert(tables.actions),
                [
                    {"owner_id": owner, "goal_id": k, "text": f"Action {a} of goal {k}",
                     "due": action_due(k, a, today),
                     "repeat": "FREQ=WEEKLY" if action_repeats(k, a) else None,
                     "done": (k + a) % 7 == 0, "created_at": now, "version": 1,
                     "uid": str(uuid.uuid4())}
                    for k in range(1, goals + 1)
                    for a in range(1, actions + 1)
                ],
            )  # fmt: skip
            connection.execute(
                insert(tables.checkins),
                [
                    {"owner_id": owner, "goal_id": k, "on_date": today - timedelta(30 - k),
                     "value": checkin_value(k), "note": "", "confidence": 3, "created_at": now}
                    for k in CHECKIN_GOALS
                    if k <= goals
                ],
            )  # fmt: skip
            review = connection.execute(
                insert(tables.reviews)
                .values(owner_id=owner, held_on=today - timedelta(7), cadence="weekly",
                        went_well="Kept the weekly slot.", got_in_the_way="", created_at=now)
                .returning(tables.reviews.c.id)
            ).scalar_one()  # fmt: skip
            connection.execute(
                insert(tables.review_entries),
                [
                    {"owner_id": owner, "review_id": review, "goal_id": k, "progress": 10.0 * k,
                     "confidence": 3, "decision": "keep", "note": ""}
                    for k in REVIEW_GOALS
                    if k <= goals
                ],
            )  # fmt: skip
    finally:
        workspace.close()
    return owner


def plan_signature(connection: Connection, owner: int) -> dict[str, Any]:
    """Counts that tell two plans' shapes apart, read the same way from either database."""
    from careerplan.storage import tables

    goals, actions = tables.goals, tables.actions

    def count(table: Any, *where: Any) -> int:
        query = select(func.count()).select_from(table).where(table.c.owner_id == owner, *where)
        return int(connection.execute(query).scalar_one())

    by_horizon = connection.execute(
        select(goals.c.horizon, func.count())
        .where(goals.c.owner_id == owner)
        .group_by(goals.c.horizon)
    )
    return {
        "goals by horizon": dict(sorted((row[0], int(row[1])) for row in by_horizon)),
        "measured goals": count(goals, goals.c.measure_target.is_not(None)),
        "goals under a parent": count(goals, goals.c.parent_id.is_not(None)),
        "actions": count(actions),
        "repeating actions": count(actions, actions.c.repeat.is_not(None)),
        "done actions": count(actions, actions.c.done.is_(True)),
        "check-ins": count(tables.checkins),
        "reviews": count(tables.reviews),
        "review entries": count(tables.review_entries),
    }


# --- a small HTTP/1.1 client on keep-alive connections --------------------------------------


class KeepAliveConnection:
    """One keep-alive connection, one request at a time: a browser tab, or a script."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.last_used = 0.0

    async def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        content_type: str = "application/json",
        accept: str = "application/json",
        cookies: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, list[str]], bytes]:
        if self.writer is not None and time.monotonic() - self.last_used > IDLE_REOPEN_S:
            await self.close()
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", f"Accept: {accept}"]
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        if body is not None:
            lines += [f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b""))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers: dict[str, list[str]] = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers.setdefault(name.strip().lower(), []).append(value.strip())
        payload = await self._body(headers, status, method)
        self.last_used = time.monotonic()
        if "close" in headers.get("connection", [""])[0].lower():
            await self.close()
        return status, headers, payload

    async def _body(self, headers: dict[str, list[str]], status: int, method: str) -> bytes:
        assert self.reader is not None
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return b""
        if "content-length" in headers:
            return await self.reader.readexactly(int(headers["content-length"][0]))
        if "chunked" in headers.get("transfer-encoding", [""])[0].lower():
            parts: list[bytes] = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                if size == 0:
                    while await self.reader.readuntil(b"\r\n") != b"\r\n":
                        pass  # trailers
                    return b"".join(parts)
                parts.append((await self.reader.readexactly(size + 2))[:-2])
        payload = await self.reader.read()
        await self.close()
        return payload

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


def take_cookies(headers: dict[str, list[str]], jar: dict[str, str]) -> None:
    for line in headers.get("set-cookie", []):
        pair = line.split(";", 1)[0]
        name, _, value = pair.partition("=")
        if value:
            jar[name.strip()] = value.strip()
        else:
            jar.pop(name.strip(), None)


# --- the load ---------------------------------------------------------------------------------


@dataclass
class Player:
    """One client: the person it acts as, and the goals it may touch. Each client edits only
    goals no other client edits, and keeps their versions as the server returns them, so a
    stale edit (409) is a fault of the server, never of the benchmark."""

    cookies: dict[str, str]
    edit_goals: list[int]
    checkin_goals: list[int]
    review_goals: list[int]
    rng: random.Random
    versions: dict[int, int] = field(default_factory=dict)
    turns: int = 0

    def next_request(self, route: str) -> tuple[str, str, bytes | None, int | None]:
        self.turns += 1
        if route == "dashboard":
            return "GET", "/", None, None
        if route == "goal edit":
            goal = self.edit_goals[self.turns % len(self.edit_goals)]
            body = {
                "version": self.versions.get(goal, 1),
                "text": f"Finish module {self.turns} of the operations course by June 2027",
            }
            return "PATCH", f"/api/v1/goals/{goal}", json.dumps(body).encode(), goal
        if route == "check-in":
            goal = self.checkin_goals[self.turns % len(self.checkin_goals)]
            body = {"goal_id": goal, "value": float(self.turns % 20), "note": "Two more calls."}
            return "POST", "/api/v1/checkins", json.dumps(body).encode(), goal
        entries = [
            {"goal_id": goal, "progress": float(self.rng.randrange(0, 101)), "confidence": 3,
             "decision": "keep"}
            for goal in self.review_goals
        ]  # fmt: skip
        body = {"entries": entries, "went_well": "Kept the slot.", "got_in_the_way": ""}
        return "POST", "/api/v1/reviews", json.dumps(body).encode(), None


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {r: [] for r in ROUTES})
    errors: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)
    elapsed: float = 0.0

    def error(self, route: str, what: str, detail: str) -> None:
        self.errors[(route, what)] += 1
        self.examples.setdefault((route, what), detail[:300])

    def requests(self, route: str | None = None) -> int:
        routes = [route] if route else list(ROUTES)
        ok = sum(len(self.latencies[r]) for r in routes)
        return ok + sum(n for (r, _), n in self.errors.items() if r in routes)

    def error_count(self, route: str | None = None) -> int:
        return sum(n for (r, _), n in self.errors.items() if route in (None, r))


async def play(
    player: Player, port: int, until: float, tally: Tally | None, think: float = 0.0
) -> None:
    """Requests back to back (or after a pause of `think` seconds on average, as a person
    reading the page would) until `until`."""
    names, weights = list(ROUTES), [weight for _, weight, _ in ROUTES.values()]
    connection = KeepAliveConnection(port)
    try:
        while time.monotonic() < until:
            if think and player.turns:
                pause = player.rng.expovariate(1 / think)
                await asyncio.sleep(min(pause, max(0.0, until - time.monotonic())))
                if time.monotonic() >= until:
                    break
            route = player.rng.choices(names, weights)[0]
            method, path, body, goal = player.next_request(route)
            accept = "text/html" if route == "dashboard" else "application/json"
            started = time.perf_counter()
            try:
                status, headers, payload = await asyncio.wait_for(
                    connection.request(
                        method, path, body=body, accept=accept, cookies=player.cookies
                    ),
                    REQUEST_TIMEOUT_S,
                )
            except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
                await connection.close()
                if tally is not None:
                    tally.error(route, type(error).__name__, str(error))
                continue
            elapsed_ms = (time.perf_counter() - started) * 1000
            take_cookies(headers, player.cookies)
            if status == ROUTES[route][2]:
                if route == "goal edit" and goal is not None:
                    player.versions[goal] = int(json.loads(payload)["version"])
                if tally is not None:
                    tally.latencies[route].append(elapsed_ms)
                continue
            if tally is not None:
                tally.error(route, str(status), payload.decode(errors="replace"))
            if status == 409 and goal is not None:  # learn the version, so one fault is one
                with suppress(OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
                    _, _, found = await connection.request(
                        "GET", f"/api/v1/goals/{goal}", cookies=player.cookies
                    )
                    player.versions[goal] = int(json.loads(found)["version"])
    finally:
        await connection.close()


async def run_load(
    players: list[Player],
    port: int,
    warmup: float,
    seconds: float,
    on_start: Callable[[], None],
    think: float = 0.0,
) -> Tally:
    """Warm up (unrecorded), then every player for `seconds`; the run lasts until the last
    request started in time has its answer."""
    until = time.monotonic() + warmup
    await asyncio.gather(*(play(player, port, until, None, think) for player in players))
    tally = Tally()
    on_start()
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(play(player, port, until, tally, think) for player in players))
    tally.elapsed = time.monotonic() - started
    return tally


@dataclass
class SignInResult:
    cookies: list[dict[str, str]]
    burst_statuses: Counter[int]
    burst_seconds: float
    retried: int
    refusal: str  # what the first refused sign-in was told


async def sign_in_all(port: int, emails: list[str]) -> SignInResult:
    """Everyone signs in at once (people arriving at nine o'clock, behind one address); any
    refused is signed in again afterwards, one at a time."""

    async def one(email: str) -> tuple[int, dict[str, str], str]:
        connection = KeepAliveConnection(port)
        jar: dict[str, str] = {}
        try:
            status, headers, _ = await connection.request("GET", "/login", accept="text/html")
            take_cookies(headers, jar)
            form = urlencode(
                {"email": email, "password": PASSWORD, "csrf_token": jar.get("careerplan_csrf", ""),
                 "next": "/"}
            ).encode()  # fmt: skip
            status, headers, page = await connection.request(
                "POST", "/login", body=form, cookies=jar, accept="text/html",
                content_type="application/x-www-form-urlencoded",
            )  # fmt: skip
            take_cookies(headers, jar)
            said = re.search(r'id="sign-in-error">([^<]*)<', page.decode(errors="replace"))
            return status, jar, html.unescape(said.group(1)) if said else ""
        finally:
            await connection.close()

    started = time.perf_counter()
    outcomes = await asyncio.gather(*(one(email) for email in emails))
    burst = time.perf_counter() - started
    statuses = Counter(status for status, _, _ in outcomes)
    jars = [jar for _, jar, _ in outcomes]
    refusal = next((said for _, _, said in outcomes if said), "")
    retried = 0
    for index, (status, jar, _) in enumerate(outcomes):
        if status == 303 and "careerplan_session" in jar:
            continue
        retried += 1
        for _ in range(3):
            status, jar, _ = await one(emails[index])
            if status == 303 and "careerplan_session" in jar:
                jars[index] = jar
                break
            await asyncio.sleep(1.0)
        else:
            raise RuntimeError(f"{emails[index]} could not sign in (status {status})")
    return SignInResult(jars, statuses, burst, retried, refusal)


# --- the server and the CPU it and the database use ------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(env: dict[str, str], args: list[str], log: Path) -> Iterator[tuple[int, int]]:
    """`careerplan serve` in its own process group; yields its port and process id."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CAREERPLAN_")}
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "careerplan", "serve", "--host", "127.0.0.1",
             "--port", str(port), *args],
            env={**environment, **env},
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "the server did not start:\n" + log.read_text(errors="replace")[-3000:]
                    ) from None
                time.sleep(0.2)  # polling a server that is starting
        yield port, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        tail = log.read_text(errors="replace")
        if "Traceback" in tail:
            print(tail[-3000:], file=sys.stderr)


TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, int, int] | None:
    """A process's parent, its own CPU ticks and its reaped children's, or None if gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # Counted from the state (field 3 of the line): ppid is field 4, utime and stime 14 and 15,
    # cutime and cstime 16 and 17.
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def _machine_busy() -> int:
    """Ticks every core of the machine spent on anything but idling, since boot."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    # user, nice, system, irq and softirq: not idle, iowait or steal (another machine's turn),
    # nor guest time, which user already holds.
    return sum(fields[:7]) - fields[3] - fields[4]


def _processes() -> dict[int, tuple[str, str]]:
    """Every process's name and command line."""
    found = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                comm = Path(entry.path, "comm").read_text().strip()
                cmdline = Path(entry.path, "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            found[int(entry.name)] = (comm, cmdline.decode(errors="replace"))
    return found


class CpuWatch:
    """CPU seconds used while the load ran: by every PostgreSQL process (the postmaster counts
    the backends that ended, through its reaped children's time), by the bench database's own
    backends alone (sampled four times a second, so other databases' work on the same server is
    left out), by the careerplan server's processes, and by this process."""

    def __init__(self, database: str | None, server_pid: int) -> None:
        self.database = database
        self.server_pid = server_pid
        self.db_start: dict[int, int] = {}
        self.db_last: dict[int, int] = {}
        self.peak_connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    @staticmethod
    def _postgres_total() -> int:
        processes = _processes()
        total = 0
        for pid, (comm, _) in processes.items():
            stat = _stat(pid) if comm == "postgres" else None
            if stat is None:
                continue
            postmaster = processes.get(stat[0], ("", ""))[0] != "postgres"
            total += stat[1] + (stat[2] if postmaster else 0)
        return total

    def _server_total(self) -> int:
        stats = {pid: stat for pid in _processes() if (stat := _stat(pid)) is not None}
        tree, grew = {self.server_pid}, True
        while grew:
            grown = {pid for pid, stat in stats.items() if stat[0] in tree} | tree
            grew, tree = grown != tree, grown
        return sum(stats[pid][1] + stats[pid][2] for pid in tree if pid in stats)

    def _database_backends(self) -> dict[int, int]:
        marker = f" {self.database} "
        found = {}
        for pid, (comm, cmdline) in _processes().items():
            if comm == "postgres" and marker in cmdline:
                stat = _stat(pid)
                if stat is not None:
                    found[pid] = stat[1]
        return found

    def _sample(self) -> None:
        while not self.stop.wait(0.25):
            backends = self._database_backends()
            self.db_last.update(backends)
            self.peak_connections = max(self.peak_connections, len(backends))

    def start(self) -> None:
        self.started = time.monotonic()
        self.machine_start = _machine_busy()
        self.postgres_start = self._postgres_total()
        self.server_start = self._server_total()
        self.client_start = time.process_time()
        if self.database:
            self.db_start = self._database_backends()
            self.db_last = dict(self.db_start)
            self.thread.start()

    def finish(self) -> dict[str, float]:
        wall = time.monotonic() - self.started
        machine = (_machine_busy() - self.machine_start) / TICKS
        seconds = {
            "careerplan server": (self._server_total() - self.server_start) / TICKS,
            "load generator (this process)": time.process_time() - self.client_start,
        }
        if self.database:
            self.stop.set()
            self.thread.join()
            self.db_last.update(self._database_backends())
            seconds["PostgreSQL, all processes"] = (
                self._postgres_total() - self.postgres_start
            ) / TICKS
            seconds[f"PostgreSQL, {self.database} backends"] = (
                sum(last - self.db_start.get(pid, 0) for pid, last in self.db_last.items()) / TICKS
            )
        seconds["machine, every process"] = machine
        seconds["other processes on the machine"] = machine - sum(
            value
            for name, value in seconds.items()
            if name in ("careerplan server", "load generator (this process)")
            or name == "PostgreSQL, all processes"
        )
        seconds["wall"] = wall
        return seconds


# --- counting queries per route ---------------------------------------------------------------


Statement = tuple[str, Any]  # as sent to the driver: text and parameters


@dataclass
class Counted:
    queries: dict[str, int]
    statements: dict[str, list[Statement]]
    milliseconds: dict[str, float]  # the median time of the route alone, in-process


def count_queries(filled: Filled, person: int, passes: int = 4) -> Counted:
    """Each route of the mix once to warm up, then `passes - 1` times timed, in-process, as
    `person`, one request at a time; the last pass is counted."""
    from fastapi.testclient import TestClient

    from careerplan.config import Settings
    from careerplan.web.app import create_app
    from careerplan.web.cache import PageCache

    goal = filled.goal_id(person, 6)  # neither measured nor reviewed, as the load's edits
    measured = filled.goal_id(person, CHECKIN_GOALS[0])
    reviewed = [filled.goal_id(person, k) for k in REVIEW_GOALS if k <= filled.goals]
    statements: list[Statement] = []
    counted: dict[str, list[Statement]] = {}
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url=filled.url, accounts=True)
        app = create_app(settings)
        engine = app.state.workspace.engine

        def note(*args: Any) -> None:  # connection, cursor, statement, parameters, ...
            statements.append((" ".join(str(args[2]).split()), args[3]))

        event.listen(engine, "before_cursor_execute", note)
        version = 1

        with TestClient(app, base_url="http://127.0.0.1") as client:

            def measure(name: str, call: Callable[[], Any], expected: int) -> Any:
                statements.clear()
                started = time.perf_counter()
                response = call()
                times.setdefault(name, []).append((time.perf_counter() - started) * 1000)
                if response.status_code != expected:
                    raise RuntimeError(f"{name}: {response.status_code} {response.text[:300]}")
                counted[name] = list(statements)
                return response

            def edit() -> Any:
                return client.patch(
                    f"/api/v1/goals/{goal}",
                    json={"version": version, "text": "Finish module 2 of the course by June 2027"},
                )

            def fresh_dashboard() -> Any:
                app.state.page_cache = PageCache()  # computed, as after any change
                return client.get("/")

            client.get("/login")
            sign_in = {
                "email": filled.email(person), "password": PASSWORD, "next": "/",
                "csrf_token": client.cookies.get("careerplan_csrf", ""),
            }  # fmt: skip
            measure("sign-in (POST /login)", lambda: client.post(
                "/login", data=sign_in, follow_redirects=False), 303)  # fmt: skip
            for _ in range(passes):  # the first pass warms the per-process state
                measure("dashboard, computed (GET /)", fresh_dashboard, 200)
                measure("dashboard, cached (GET /)", lambda: client.get("/"), 200)
                version = measure("goal edit (PATCH)", edit, 200).json()["version"]
                measure("check-in (POST)", lambda: client.post(
                    "/api/v1/checkins", json={"goal_id": measured, "value": 3.0}), 201)  # fmt: skip
                measure("review (POST)", lambda: client.post("/api/v1/reviews", json={
                    "entries": [{"goal_id": g, "progress": 50.0, "decision": "keep"}
                                for g in reviewed]}), 201)  # fmt: skip
        event.remove(engine, "before_cursor_execute", note)
    milliseconds = {name: statistics.median(found[1:] or found) for name, found in times.items()}
    return Counted({name: len(found) for name, found in counted.items()}, counted, milliseconds)


# --- reading the database's own statistics ----------------------------------------------------


def table_scans(url: str) -> dict[str, tuple[int, int, int]]:
    """Per table: sequential scans, rows they read, index scans (cumulative)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) "
                    "FROM pg_stat_user_tables"
                )
            )
            return {row[0]: (int(row[1]), int(row[2]), int(row[3])) for row in rows}
    finally:
        engine.dispose()


def table_sizes(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            names = connection.execute(
                text("SELECT relname FROM pg_stat_user_tables ORDER BY relname")
            ).scalars()
            # Counted, not the statistics' estimate: a few seconds for millions of rows.
            sizes = {
                name: int(connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one())
                for name in list(names)
            }
            sizes["(database bytes)"] = int(
                connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
            )
            return sizes
    finally:
        engine.dispose()


# Tables of one person's plan: the application reads them behind the row-level wall.
WALLED_TABLES = frozenset(
    {"profiles", "visions", "goals", "actions", "action_completions", "resources",
     "resource_links", "checkins", "explorations", "preferences", "reviews", "review_entries",
     "proposal_acceptances", "skills", "resumes", "applications", "application_stages",
     "application_contacts", "shares", "share_links", "private_goals", "comments",
     "audit_events"}
)  # fmt: skip
# A sequential scan of a table this large reads other people's rows: the plan of a query that
# should touch one person's.
MANY_ROWS = 1_000


def _scanned(plan: dict[str, Any]) -> Iterator[str]:
    if plan.get("Node Type") == "Seq Scan":
        yield str(plan["Relation Name"])
    for child in plan.get("Plans", []):
        yield from _scanned(child)


def whole_table_reads(
    url: str, owner: int, counted: Counted, sizes: dict[str, int]
) -> list[tuple[str, str, int, str]]:
    """The statements each route sent, planned again on `url` as the application runs them
    (behind the wall as `owner` for plan tables): (route, table, its rows, statement) for each
    sequential scan of a table with more than MANY_ROWS rows."""
    from careerplan.storage.row_wall import OWNER_SETTING, ROLE

    found = []
    engine = create_engine(url)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for route, statements in counted.statements.items():
            for statement, parameters in statements:
                if not statement.startswith(("SELECT", "UPDATE", "DELETE")) or (
                    statement.startswith("SELECT set_config")
                ):
                    continue
                named = set(re.findall(r"\b(?:FROM|JOIN|UPDATE)\s+(\w+)", statement))
                if named & WALLED_TABLES:
                    cursor.execute(
                        "SELECT set_config('role', %s, true), set_config(%s, %s, true)",
                        (ROLE, OWNER_SETTING, str(owner)),
                    )
                cursor.execute("EXPLAIN (FORMAT JSON) " + statement, parameters)
                row = cursor.fetchone()
                raw.rollback()  # nothing was run; this also leaves the wall's role
                assert row is not None
                for table in _scanned(row[0][0]["Plan"]):
                    if sizes.get(table, 0) > MANY_ROWS:
                        found.append((route, table, sizes[table], statement))
    finally:
        raw.close()
        engine.dispose()
    return found


# --- the report -------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def route_table(title: str, tally: Tally) -> list[str]:
    lines = [
        f"**{title}** ({tally.elapsed:.1f} s, {tally.requests() / tally.elapsed:.0f} requests/s)",
        "",
        "| route | requests | errors | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for route, (label, _, _) in ROUTES.items():
        found = tally.latencies[route]
        lines.append(
            f"| {route} ({label}) | {tally.requests(route):,} | {tally.error_count(route):,} | "
            f"{percentile(found, 0.5):.1f} | {percentile(found, 0.95):.1f} | "
            f"{percentile(found, 0.99):.1f} |"
        )
    every = [value for found in tally.latencies.values() for value in found]
    lines.append(
        f"| all | {tally.requests():,} | {tally.error_count():,} | {percentile(every, 0.5):.1f} "
        f"| {percentile(every, 0.95):.1f} | {percentile(every, 0.99):.1f} |"
    )
    return lines


def error_lines(tally: Tally) -> list[str]:
    if not tally.errors:
        return []
    lines = ["", "| route | answer | count | first seen |", "|---|---|---:|---|"]
    for (route, what), count in tally.errors.most_common():
        example = tally.examples[(route, what)].replace("|", "/").replace("\n", " ")
        lines.append(f"| {route} | {what} | {count:,} | {example[:160]} |")
    return lines


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}" if denominator else "—"


def comparison(pg: Tally, lite: Tally, pg_cpu: dict[str, float], lite_cpu: dict[str, float],
               people: int) -> list[str]:  # fmt: skip
    lines = [
        f"| measure | PostgreSQL, {people:,} people | SQLite, one person | ratio |",
        "|---|---:|---:|---:|",
    ]
    pg_rps, lite_rps = pg.requests() / pg.elapsed, lite.requests() / lite.elapsed
    lines.append(f"| throughput, requests/s | {pg_rps:.0f} | {lite_rps:.0f} | "
                 f"{ratio(pg_rps, lite_rps)} |")  # fmt: skip
    for route in ROUTES:
        for share, name in ((0.5, "p50"), (0.95, "p95")):
            a, b = percentile(pg.latencies[route], share), percentile(lite.latencies[route], share)
            lines.append(f"| {route} {name} ms | {a:.1f} | {b:.1f} | {ratio(a, b)} |")
    lines.append(f"| errors | {pg.error_count():,} | {lite.error_count():,} | |")
    return lines


def cpu_table(pg: Tally, lite: Tally, pg_cpu: dict[str, float], lite_cpu: dict[str, float],
              people: int) -> list[str]:  # fmt: skip
    """CPU while each run was recorded: cores used (CPU seconds over the run's wall time) and
    CPU milliseconds per request answered."""
    lines = [
        f"| CPU | PostgreSQL, {people:,} people: cores | ms per request "
        "| SQLite, one person: cores | ms per request |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in dict.fromkeys([*pg_cpu, *lite_cpu]):
        if name == "wall":
            continue
        cells = []
        for cpu, tally in ((pg_cpu, pg), (lite_cpu, lite)):
            if name in cpu:
                per_request = cpu[name] * 1000 / max(1, tally.requests())
                cells += [f"{cpu[name] / cpu['wall']:.2f}", f"{per_request:.1f}"]
            else:
                cells += ["—", "—"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


# --- putting it together ----------------------------------------------------------------------


def _interrupted(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def postgres_players(filled: Filled, sessions: list[dict[str, str]], people: list[int],
                     ) -> list[Player]:  # fmt: skip
    players = []
    for index, (n, jar) in enumerate(zip(people, sessions, strict=True)):
        editable = [filled.goal_id(n, k) for k in range(2, filled.goals + 1)
                    if not is_measured(k) and k not in REVIEW_GOALS]  # fmt: skip
        players.append(
            Player(
                cookies=jar,
                edit_goals=editable,
                checkin_goals=[filled.goal_id(n, k) for k in CHECKIN_GOALS if k <= filled.goals],
                review_goals=[filled.goal_id(n, k) for k in REVIEW_GOALS if k <= filled.goals],
                rng=random.Random(index),
            )
        )
    return players


def sqlite_players(clients: int, goals: int) -> tuple[list[Player], int]:
    """Every client acts as the one person; each edits its own share of the goals (so no two
    clients edit one goal), and all check in on the measured goals and review (neither of
    which carries a version)."""
    editable = [k for k in range(2, goals + 1) if not is_measured(k) and k not in REVIEW_GOALS]
    players = []
    for index in range(clients):
        share = editable[index::clients] or [editable[index % len(editable)]]
        players.append(
            Player(
                cookies={},
                edit_goals=share,
                checkin_goals=[k for k in CHECKIN_GOALS if k <= goals],
                review_goals=[k for k in REVIEW_GOALS if k <= goals],
                rng=random.Random(index),
            )
        )
    shared = sum(1 for index in range(clients) if not editable[index::clients])
    return players, shared


@dataclass
class Run:
    """What one load run measured."""

    tally: Tally
    cpu: dict[str, float]
    load_average: float
    peak_connections: int = 0


def postgres_run(
    args: argparse.Namespace, big: Filled, driven: list[int], think: float
) -> tuple[Run, SignInResult, dict[str, tuple[int, int, int]], dict[str, tuple[int, int, int]]]:
    with tempfile.TemporaryDirectory() as folder:
        env = {"CAREERPLAN_DATABASE_URL": big.url, "CAREERPLAN_DATA_DIR": folder}
        serve_args = ["--accounts", "--workers", str(args.workers)]
        with server(env, serve_args, Path(folder) / "server.log") as (port, pid):
            signed = asyncio.run(sign_in_all(port, [big.email(n) for n in driven]))
            players = postgres_players(big, signed.cookies, driven)
            scans_before = table_scans(big.url)
            load_average = os.getloadavg()[0]
            watch = CpuWatch(BIG_DATABASE, pid)
            tally = asyncio.run(
                run_load(players, port, args.warmup, args.seconds, watch.start, think)
            )
            cpu = watch.finish()
            connections = watch.peak_connections
        time.sleep(1.5)  # the backends' last statistics reach the server
        scans_after = table_scans(big.url)
    return Run(tally, cpu, load_average, connections), signed, scans_before, scans_after


def sqlite_run(
    args: argparse.Namespace, signature: dict[str, Any], think: float
) -> tuple[Run, int]:
    with tempfile.TemporaryDirectory() as folder:
        owner = fill_sqlite(Path(folder), args.goals, args.actions)
        lite_engine = create_engine(f"sqlite:///{Path(folder) / 'careerplan.sqlite3'}")
        with lite_engine.connect() as lite:
            lite_signature = plan_signature(lite, owner)
        lite_engine.dispose()
        if lite_signature != signature:
            raise RuntimeError(
                f"the SQLite plan ({lite_signature}) differs from each PostgreSQL one ({signature})"
            )
        players, shared = sqlite_players(args.clients, args.goals)
        with server({"CAREERPLAN_DATA_DIR": folder}, [], Path(folder) / "server.log") as (
            port,
            pid,
        ):
            load_average = os.getloadavg()[0]
            watch = CpuWatch(None, pid)
            tally = asyncio.run(
                run_load(players, port, args.warmup, args.seconds, watch.start, think)
            )
            cpu = watch.finish()
    return Run(tally, cpu, load_average), shared


def print_scans(
    before: dict[str, tuple[int, int, int]],
    after: dict[str, tuple[int, int, int]],
    sizes: dict[str, int],
) -> None:
    print("**Tables read whole during the PostgreSQL run** (pg_stat_user_tables)\n")
    print("| table | rows | sequential scans | rows they read | per scan | index scans |")
    print("|---|---:|---:|---:|---:|---:|")
    for table, (seq, read, index) in sorted(after.items()):
        was = before.get(table, (0, 0, 0))
        scans, rows = seq - was[0], read - was[1]
        if scans or rows:
            print(
                f"| {table} | {sizes.get(table, 0):,} | {scans:,} | {rows:,} | "
                f"{rows / max(1, scans):,.0f} | {index - was[2]:,} |"
            )
    print()


def print_query_counts(big: Counted, small: Counted, people: int) -> list[str]:
    """The table of queries per route at both sizes; returns the routes that differ."""
    print(
        "**Queries per request** (in-process, as one person untouched by the load, one request "
        "at a time; the time is the median of three, the sign-in's of one)\n"
    )
    print(
        f"| route | queries, {people:,} people | queries, {SMALL_PEOPLE} people | same "
        f"| ms alone, {people:,} people | ms alone, {SMALL_PEOPLE} people |"
    )
    print("|---|---:|---:|---|---:|---:|")
    differing = []
    for name, count in big.queries.items():
        other = small.queries.get(name, -1)
        print(
            f"| {name} | {count} | {other} | {'yes' if count == other else '**no**'} | "
            f"{big.milliseconds[name]:.1f} | {small.milliseconds.get(name, float('nan')):.1f} |"
        )
        if count != other:
            differing.append(name)
    for name in differing:
        print(f"\n{name}, {people:,} people:")
        print("\n".join(f"    {s[:200]}" for s, _ in big.statements[name]))
        print(f"{name}, {SMALL_PEOPLE} people:")
        print("\n".join(f"    {s[:200]}" for s, _ in small.statements.get(name, [])))
    print()
    return differing


def print_whole_reads(whole: list[tuple[str, str, int, str]]) -> None:
    print(
        f"**Statements of the mix planned as a sequential scan of a table of more than "
        f"{MANY_ROWS:,} rows** (EXPLAIN on the full database, behind the wall where the "
        "application is)\n"
    )
    if whole:
        print("| route | table | rows | statement |")
        print("|---|---|---:|---|")
        for route, table, rows, statement in whole:
            print(f"| {route} | {table} | {rows:,} | `{statement[:150]}` |")
    else:
        print("None.")
    print()


def print_targets(tally: Tally, differing: list[str], whole: list[Any]) -> None:
    print("**Targets** (PostgreSQL run)\n")
    print("| target | measured | met |")
    print("|---|---:|---|")
    p95 = percentile(tally.latencies["dashboard"], 0.95)
    print(f"| dashboard p95 ≤ {TARGET_DASHBOARD_P95_MS:g} ms | {p95:.1f} ms | "
          f"{'yes' if p95 <= TARGET_DASHBOARD_P95_MS else '**no**'} |")  # fmt: skip
    for route in WRITES:
        p95 = percentile(tally.latencies[route], 0.95)
        print(f"| {route} p95 ≤ {TARGET_WRITE_P95_MS:g} ms | {p95:.1f} ms | "
              f"{'yes' if p95 <= TARGET_WRITE_P95_MS else '**no**'} |")  # fmt: skip
    errors = tally.error_count()
    print(f"| no errors | {errors:,} | {'yes' if errors == 0 else '**no**'} |")
    print(
        f"| queries per request independent of the number of people | "
        f"{len(differing)} route(s) differ | {'yes' if not differing else '**no**'} |"
    )
    print(
        f"| no statement of the mix reads a whole table of many people's rows | "
        f"{len(whole)} statement(s) | {'yes' if not whole else '**no**'} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--goals", type=int, default=100, help="per person, the dream job included")
    parser.add_argument("--actions", type=int, default=5, help="per goal")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--warmup", type=float, default=5.0, help="unrecorded, before each run")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="mean pause between a client's requests (0: back to back)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the bench databases")
    parser.add_argument("--database-url", default=ADMIN_URL, help="a PostgreSQL admin URL")
    args = parser.parse_args()
    if args.goals < 15:
        parser.error("--goals: at least 15 (the measured, reviewed and edited goals need them)")
    if args.people <= max(args.clients, SMALL_PEOPLE):
        parser.error("--people: more than --clients (and than 10), so someone is left untouched")
    signal.signal(signal.SIGTERM, _interrupted)

    from argon2 import PasswordHasher

    # One hash for everyone: argon2 costs about 50 ms a hash, which 10,000 people would turn
    # into minutes. The default parameters, as the server's, so no sign-in rehashes.
    hashed = PasswordHasher().hash(PASSWORD)
    admin = admin_engine(args.database_url)
    shape = f"{args.goals} goals and {args.goals * args.actions:,} actions a person"
    think = args.think_ms / 1000
    # Each table is printed as soon as its figures exist, so a later failure loses nothing.
    try:
        print(f"Filling {BIG_DATABASE}: {args.people:,} people, {shape} ...", flush=True)
        big, fill_seconds = prepare_postgres(
            admin, database_url(args.database_url, BIG_DATABASE), BIG_DATABASE, args.people,
            args.goals, args.actions, hashed,
        )  # fmt: skip
        sizes = table_sizes(big.url)
        print(
            f"Filled in {fill_seconds:.1f} s (VACUUM ANALYZE and CHECKPOINT included): "
            f"{sizes.get('goals', 0):,} goals, {sizes.get('actions', 0):,} actions, "
            f"{sizes.get('users', 0):,} users, {sizes['(database bytes)'] / 2**30:.2f} GiB.\n",
            flush=True,
        )
        pg_engine = create_engine(big.url)
        with pg_engine.connect() as connection:  # before the load changes anyone's plan
            signature = plan_signature(connection, big.user_offset + 1)
        pg_engine.dispose()
        small, _ = prepare_postgres(
            admin, database_url(args.database_url, SMALL_DATABASE), SMALL_DATABASE,
            SMALL_PEOPLE, args.goals, args.actions, hashed,
        )  # fmt: skip

        # The people driven are spread over the whole table; the last person is kept untouched
        # for the query counts below.
        step = (args.people - 1) // args.clients
        driven = [1 + index * step for index in range(args.clients)]
        pg, signed, scans_before, scans_after = postgres_run(args, big, driven, think)
        pace = f"pausing {args.think_ms:g} ms on average between requests" if think else (
            "requests back to back")  # fmt: skip
        print(
            f"## {args.people:,} people on PostgreSQL, {args.clients} signed in at once\n\n"
            f"Each person: {shape}, every fifth goal measured, 3 check-ins, 1 review "
            f"(goals by horizon: {signature['goals by horizon']}). `careerplan serve "
            f"--accounts --workers {args.workers}`; {args.clients} clients, one per person, one "
            f"keep-alive connection each, {pace}, for {args.seconds:g} s after a "
            f"{args.warmup:g} s warm-up; mix: "
            + ", ".join(f"{route} {weight}%" for route, (_, weight, _) in ROUTES.items())
            + f". {os.cpu_count()} CPU cores shared by PostgreSQL, the server, the clients and "
            "anything else running.\n"
        )
        answers = ", ".join(f"{status}×{n}" for status, n in sorted(signed.burst_statuses.items()))
        again = (
            f'; {signed.retried} refused ("{signed.refusal}"), signed in again one at a time'
            if signed.retried
            else ""
        )
        print(
            f"Sign-in: {len(driven)} people at once took {signed.burst_seconds:.2f} s; "
            f"answers {answers}{again}.\n"
        )
        print(
            f"Load average (1 min) as the run started: {pg.load_average:.1f}; at most "
            f"{pg.peak_connections} connections to {BIG_DATABASE} at once.\n"
        )
        print("\n".join(route_table(f"PostgreSQL, {args.people:,} people", pg.tally)))
        print("\n".join(error_lines(pg.tally)))
        print()
        print_scans(scans_before, scans_after, sizes)
        sys.stdout.flush()

        counts_big = count_queries(big, args.people)
        counts_small = count_queries(small, SMALL_PEOPLE)
        differing = print_query_counts(counts_big, counts_small, args.people)
        whole = whole_table_reads(big.url, big.user_offset + args.people, counts_big, sizes)
        print_whole_reads(whole)
        sys.stdout.flush()

        lite, shared = sqlite_run(args, signature, think)
        print(
            f"Baseline: SQLite, one person with the same plan, `careerplan serve` (one worker, "
            f"no accounts), the same {args.clients} clients all acting as that person"
            + (f" ({shared} of them share a goal to edit with another)" if shared else "")
            + ".\n"
        )
        print(f"Load average (1 min) as the run started: {lite.load_average:.1f}.\n")
        print("\n".join(route_table("SQLite, one person", lite.tally)))
        print("\n".join(error_lines(lite.tally)))
        print()
        print("\n".join(comparison(pg.tally, lite.tally, pg.cpu, lite.cpu, args.people)))
        print()
        print("\n".join(cpu_table(pg.tally, lite.tally, pg.cpu, lite.cpu, args.people)))
        print()
        print_targets(pg.tally, differing, whole)
    finally:
        if args.keep:
            print(f"\nKept {BIG_DATABASE} and {SMALL_DATABASE}.")
        else:
            for name in (BIG_DATABASE, SMALL_DATABASE):
                drop_database(admin, name)
        admin.dispose()
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
