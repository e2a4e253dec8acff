"""How long restoring a JSON backup in place of a plan takes, as the plan grows: 10k, 20k and 60k
goals, on SQLite and on PostgreSQL.

    python bench/restore_speed.py [--sizes 10000,20000,60000] [--databases sqlite,postgresql]

Each backup is a plan shaped like a real one, made in memory and written by the real exporter:
a tree of goals five wide (each with its S.M.A.R.T. report, as every goal careerplan stores has;
a measure on every fourth; a few moved under a goal made after them), 5 actions per 10 goals
(1 in 10 repeating, with 4 completions), a check-in per 10 goals, resources linked to goals and
actions, reviews with entries and accepted proposals. Each database first receives the backup
into an empty plan (not timed), then the same backup is restored with "replace", timed end to
end as `careerplan import --replace` runs it: reading the file, deleting the plan, writing the
backup. The write transaction is timed from the moment it starts writing (its BEGIN IMMEDIATE,
which takes SQLite's write lock, or else its first INSERT, UPDATE or DELETE) to the end of its
commit: on SQLite, how long other writers wait. Baseline, in the same command: the run of the
first size on the same database, so linear growth shows as ratios near 2 (20k) and 6 (60k).

PostgreSQL is CAREERPLAN_TEST_POSTGRES_URL (or the test suite's default); each run uses a fresh
schema, dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text

from careerplan.config import Settings
from careerplan.domain.entities import (
    Action,
    Category,
    CheckIn,
    Completion,
    Decision,
    Exploration,
    Goal,
    GoalStatus,
    Horizon,
    Measure,
    Preferences,
    Profile,
    Resource,
    ResourceKind,
    Review,
    ReviewCadence,
    ReviewEntry,
    Vision,
)
from careerplan.domain.smart import analyse
from careerplan.exports.backup import render
from careerplan.exports.snapshot import PlanSnapshot
from careerplan.services.clock import FixedClock
from careerplan.services.restore import RestoreMode, restore
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.storage.schema_head import HEAD

SIZES = (10_000, 20_000, 60_000)
TARGET_S = {60_000: 10.0}
POSTGRES_URL = os.environ.get(
    "CAREERPLAN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
CLOCK = FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
DREAM = "Chief Operating Officer of a high-tech startup"
TEXTS = (
    "Complete {n} hours of courses in operations strategy by 30 June 2027",
    "Have {n} conversations with chief operating officers by 31 March 2027",
    "Lead {n} cross-team projects as product manager by 31 December 2027",
    "Publish {n} articles on startup operations by 30 September 2027",
)
HORIZONS = (Horizon.TWO_YEARS, Horizon.TWELVE_MONTHS, Horizon.SIX_MONTHS)


def parent_of(number: int, goals: int) -> int | None:
    """Goal 1 is the dream job; the others form a tree five wide. One leaf in 97 was moved
    under the next goal, a leaf made after it (a restore must link a parent made later)."""
    if number == 1:
        return None
    is_leaf = 5 * (number - 1) + 2 > goals
    if is_leaf and number % 97 == 0 and number < goals and (number + 1) % 97:
        return number + 1
    return (number - 2) // 5 + 1


def make_backup(goals: int, seed: int = 6) -> bytes:
    rng = random.Random(seed)
    now = CLOCK.now()
    reports = [
        analyse(template.format(n=5), DREAM, today=CLOCK.today()).to_json() for template in TEXTS
    ]

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    goal_list = [
        Goal(
            text=f"Work as {DREAM}",
            horizon=Horizon.LONG,
            due=date(2031, 11, 30),
            created_at=now,
            updated_at=now,
            id=1,
            uid=uid(),
        )
    ]
    for number in range(2, goals + 1):
        made = now - timedelta(minutes=goals - number)
        goal_list.append(
            Goal(
                text=TEXTS[number % 4].format(n=5) + f" (#{number})",
                parent_id=parent_of(number, goals),
                horizon=HORIZONS[number % 3],
                category=Category.SKILLS,
                measure=Measure("hours", 10.0, "h", 0.0, float(number % 10))
                if number % 4 == 0
                else None,
                due=date(2027, 1 + number % 12, 1 + number % 28),
                status=GoalStatus.DONE if number % 20 == 0 else GoalStatus.ACTIVE,
                smart_report=reports[number % 4],
                created_at=made,
                updated_at=made,
                id=number,
                uid=uid(),
            )
        )
    actions = []
    for number in range(1, goals // 2 + 1):
        repeat = "FREQ=WEEKLY;BYDAY=MO" if number % 10 == 0 else None
        completions = (
            [Completion(number, CLOCK.today() - timedelta(weeks=w), "done") for w in range(4)]
            if repeat
            else []
        )
        actions.append(
            Action(
                goal_id=2 + (number * 2) % (goals - 1),
                text=f"Do step {number} of the plan",
                due=None if repeat else date(2027, 1 + number % 12, 1 + number % 28),
                repeat=repeat,
                done=number % 7 == 0,
                completions=completions,
                created_at=now,
                id=number,
                uid=uid(),
            )
        )
    checkins = [
        CheckIn(
            goal_id=number,
            on=CLOCK.today() - timedelta(days=number % 90),
            value=float(number % 10),
            note="steady",
            confidence=1 + number % 5,
            id=number,
            created_at=now,
        )
        for number in range(2, goals + 1, 10)
    ]
    resources = [
        Resource(
            ResourceKind.PERSON if number % 2 else ResourceKind.COURSE,
            f"Mentor or course {number}",
            contact=f"mentor{number}@example.com",
            goal_ids=[2 + number, 3 + number],
            action_ids=[1 + number],
            id=number,
        )
        for number in range(1, goals // 100 + 1)
    ]
    reviews = [
        Review(
            held_on=CLOCK.today() - timedelta(weeks=number),
            cadence=ReviewCadence.WEEKLY,
            went_well="Two chapters",
            got_in_the_way="Travel",
            entries=[
                ReviewEntry(goal_id=2 + number * 10 + k, progress=50.0, confidence=3)
                for k in range(10)
            ],
            created_at=now,
            id=number,
        )
        for number in range(1, goals // 1000 + 1)
    ]
    snapshot = PlanSnapshot(
        exported_at=now,
        schema_revision=HEAD,
        today=CLOCK.today(),
        profile=Profile("Bench", "Product manager", None, 5.0),
        vision=Vision(DREAM, target_date=date(2031, 11, 30), commitment="I will."),
        exploration=Exploration(answers=(3,) * 60, updated_at=now),
        preferences=Preferences(calendar_token="bench-token"),
        goals=goal_list,
        actions=actions,
        resources=resources,
        checkins=checkins,
        reviews=reviews,
        accepted_proposals={f"skills:{n}": 2 + n for n in range(5)},
        accepted_on={f"skills:{n}": CLOCK.today() for n in range(5)},
    )
    snapshot.reviews[0].entries.append(ReviewEntry(goal_id=2, decision=Decision.ADJUST))
    return render(snapshot)


@contextmanager
def database(kind: str, folder: Path) -> Iterator[Workspace]:
    """A fresh, migrated database of `kind`: a SQLite file, or a PostgreSQL schema of its own."""
    if kind == "sqlite":
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
        workspace = open_workspace(Settings(data_dir=folder, database_url=url), clock=CLOCK)
        try:
            yield workspace
        finally:
            workspace.close()
        return
    schema = "bench_" + uuid.uuid4().hex[:12]
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
        workspace = open_workspace(Settings(data_dir=folder, database_url=url), clock=CLOCK)
        try:
            yield workspace
        finally:
            workspace.close()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


class WriteStart:
    """When the engine's first transaction to write began writing: its BEGIN IMMEDIATE (which
    takes SQLite's write lock up front) or else its first INSERT, UPDATE or DELETE."""

    def __init__(self, engine: Engine) -> None:
        self.at: float | None = None
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *args: Any) -> None:
        statement, context = args[2], args[4]  # conn, cursor, statement, parameters, context, ...
        locks = statement.lstrip().upper().startswith("BEGIN IMMEDIATE")
        writes = context is not None and (context.isinsert or context.isupdate or context.isdelete)
        if (locks or writes) and self.at is None:
            self.at = time.perf_counter()


def time_replace(kind: str, data: bytes, goals: int) -> tuple[float, float]:
    """Seconds for the whole replace, and for its write transaction."""
    with tempfile.TemporaryDirectory() as folder, database(kind, Path(folder)) as workspace:
        restore(workspace, CLOCK, data)  # the plan the replace deletes
        writing = WriteStart(workspace.engine)
        started = time.perf_counter()
        report = restore(workspace, CLOCK, data, RestoreMode.REPLACE)
        ended = time.perf_counter()  # the commit is the last thing restore() does
        assert writing.at is not None
        goals_line = next(line for line in report.lines if line.what == "goals")
        assert (goals_line.added, goals_line.replaced) == (goals, goals), goals_line
        return ended - started, ended - writing.at


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(size) for size in SIZES))
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    kinds = args.databases.split(",")
    backups = {goals: make_backup(goals) for goals in sizes}
    print(
        f"| goals | database | backup | replace s | s per 1k goals | × {sizes[0]:,} run | "
        "write transaction s | target |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    longest = 0.0
    for kind in kinds:
        baseline: float | None = None
        for goals in sizes:
            data = backups[goals]
            seconds, writing = time_replace(kind, data, goals)
            baseline = baseline or seconds
            longest = max(longest, writing)
            target = TARGET_S.get(goals)
            verdict = (
                ""
                if target is None
                else f"< {target:g} s: {'met' if seconds < target else 'NOT met'}"
            )
            print(
                f"| {goals:,} | {kind} | {len(data) / 2**20:.1f} MiB | {seconds:.2f} | "
                f"{seconds / goals * 1000:.3f} | {seconds / baseline:.2f} | {writing:.2f} | "
                f"{verdict} |"
            )
    print(f"\nLongest write transaction: {longest:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
