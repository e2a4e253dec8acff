"""A large backup restores whole: replacing a plan with one of thousands of goals keeps every
parent link (parents made after their children too), every action, completion, resource link,
check-in and review, in the file's order, so backing it up again gives the same file. The time
it takes belongs to bench/restore_speed.py; this is the shape."""

from __future__ import annotations

import gc
import json
import uuid
from datetime import UTC, date, datetime, timedelta

from tests.exports.rich_plan import backup_of, without_export_time

from careerplan.domain.entities import (
    Action,
    CheckIn,
    Completion,
    Goal,
    Horizon,
    Preferences,
    Profile,
    Resource,
    ResourceKind,
    Review,
    ReviewCadence,
    ReviewEntry,
    Vision,
)
from careerplan.exports.backup import render
from careerplan.exports.snapshot import PlanSnapshot
from careerplan.services.clock import FixedClock
from careerplan.services.restore import RestoreMode, restore
from careerplan.services.workspace import Workspace
from careerplan.storage.schema_head import HEAD

GOALS = 3_000
NEXT_WEEK = FixedClock(datetime(2026, 12, 2, 8, 0, tzinfo=UTC))
MADE = datetime(2026, 11, 1, 7, 0, 0, 250000, tzinfo=UTC)


def parent_of(number: int) -> int | None:
    """A tree five wide under the dream job (goal 1); every 50th goal from 1,000 on sits under
    the goal made just after it, which has no goals under it."""
    if number == 1:
        return None
    if 1_000 <= number < GOALS and number % 50 == 0:
        return number + 1
    return (number - 2) // 5 + 1


def large_backup() -> bytes:
    def uid(n: int) -> str:
        return str(uuid.UUID(int=n, version=4))

    goals = [
        Goal(
            text=f"Goal {n}: finish module {n} of the operations course by June 2027",
            horizon=Horizon.LONG if n == 1 else Horizon.SIX_MONTHS,
            parent_id=parent_of(n),
            due=date(2027, 1 + n % 12, 1 + n % 28),
            created_at=MADE + timedelta(minutes=n),
            updated_at=MADE + timedelta(minutes=n),
            id=n,
            uid=uid(n),
        )
        for n in range(1, GOALS + 1)
    ]
    actions = [
        Action(
            goal_id=2 + (n * 3) % (GOALS - 1),
            text=f"Step {n}",
            repeat="FREQ=WEEKLY" if n % 10 == 0 else None,
            completions=[Completion(n, date(2026, 11, 2) + timedelta(weeks=w)) for w in range(2)]
            if n % 10 == 0
            else [],
            created_at=MADE,
            id=n,
            uid=uid(GOALS + n),
        )
        for n in range(1, GOALS // 2 + 1)
    ]
    snapshot = PlanSnapshot(
        exported_at=MADE,
        schema_revision=HEAD,
        today=MADE.date(),
        profile=Profile("Bo", "Chef", None, 4.0),
        vision=Vision("Head chef", target_date=date(2030, 6, 30)),
        preferences=Preferences(calendar_token="large-plan-feed"),
        goals=goals,
        actions=actions,
        resources=[
            Resource(ResourceKind.PERSON, f"Mentor {n}", goal_ids=[n + 1], action_ids=[n], id=n)
            for n in range(1, 21)
        ],
        checkins=[
            CheckIn(n, date(2026, 11, 20), float(n % 7), "", 3, id=n, created_at=MADE)
            for n in range(2, GOALS + 1, 10)
        ],
        reviews=[
            Review(
                date(2026, 11, 22),
                ReviewCadence.WEEKLY,
                entries=[ReviewEntry(goal_id=n, progress=40.0) for n in range(2, 12)],
                created_at=MADE,
                id=1,
            )
        ],
        accepted_proposals={"skills:cooking": 7},
        accepted_on={"skills:cooking": date(2026, 11, 3)},
    )
    return render(snapshot)


def test_replacing_a_plan_with_thousands_of_goals_keeps_every_link_and_record(
    rich: Workspace, clock: FixedClock
) -> None:
    data = large_backup()
    report = restore(rich, NEXT_WEEK, data, RestoreMode.REPLACE)
    lines = {line.what: (line.in_backup, line.added, line.replaced) for line in report.lines}
    assert lines["goals"] == (3000, 3000, 6)
    assert lines["actions"] == (1500, 1500, 2)
    assert lines["completions"] == (300, 300, 3)
    assert lines["resource links"] == (40, 40, 4)
    assert lines["check-ins"] == (300, 300, 2)
    assert lines["review entries"] == (10, 10, 2)
    with rich.unit() as uow:
        goals = uow.goals.all()
    assert len(goals) == 3000
    ids = [goal.id for goal in goals]
    assert ids == sorted(ids)
    number_of = {goal.id: n for n, goal in enumerate(goals, 1)}
    parents = {n: number_of.get(goal.parent_id) for n, goal in enumerate(goals, 1)}
    assert parents == {n: parent_of(n) for n in range(1, 3001)}
    assert parents[1000] == 1001  # a parent made after its child
    assert [goal.uid for goal in goals][:2] == [
        "00000000-0000-4000-8000-000000000001",
        "00000000-0000-4000-8000-000000000002",
    ]
    again = backup_of(rich, clock)
    assert without_export_time(again) == without_export_time(data)
    assert json.loads(again)["preferences"]["calendar_token"] == "large-plan-feed"
    assert gc.isenabled()  # paused for the restore, and on again after it
