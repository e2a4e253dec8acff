"""Plans built in memory for the pure export tests: Ana's plan (the article's example) with a
goal under every horizon, repeating and one-off actions, a resource and a review."""

from __future__ import annotations

from datetime import UTC, date, datetime

from careerplan.domain.entities import (
    Action,
    Decision,
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
from careerplan.exports.snapshot import PlanSnapshot
from careerplan.storage.schema_head import HEAD

TODAY = date(2026, 11, 25)
EXPORTED_AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
CREATED = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
# What the reader hands the exports: the schema revision the plan was read at.
SCHEMA_REVISION = HEAD


def uid_of(kind: str, ident: int) -> str:
    """A record's uid, fixed so a test can name its calendar event (goal 3's ends in 3)."""
    return f"00000000-0000-4000-{'8000' if kind == 'goal' else 'a000'}-{ident:012d}"


def goal(
    ident: int,
    text: str,
    horizon: Horizon | None,
    parent: int | None = None,
    due: date | None = None,
    **fields: object,
) -> Goal:
    fields.setdefault("smart_report", analyse(text, today=TODAY).to_json())
    fields.setdefault("uid", uid_of("goal", ident))
    return Goal(
        text=text,
        horizon=horizon,
        parent_id=parent,
        due=due,
        id=ident,
        created_at=CREATED,
        updated_at=CREATED,
        **fields,  # type: ignore[arg-type]
    )


def action(ident: int, goal_id: int, text: str, **fields: object) -> Action:
    fields.setdefault("uid", uid_of("action", ident))
    return Action(goal_id=goal_id, text=text, id=ident, created_at=CREATED, **fields)  # type: ignore[arg-type]


def ana(**changes: object) -> PlanSnapshot:
    snapshot = PlanSnapshot(
        exported_at=EXPORTED_AT,
        schema_revision=SCHEMA_REVISION,
        today=TODAY,
        owner_id=1,
        profile=Profile(name="Ana", current_job_title="Product manager", hours_per_week=5, id=1),
        vision=Vision(
            dream_job_title="COO of a high-tech startup",
            industry="technology",
            target_date=date(2031, 11, 25),
            life_difference="I set the direction of a whole company.",
            feelings="Proud, and a little tired.",
            commitment="I will be COO of a startup by 2031.",
            id=1,
        ),
        preferences=Preferences(id=1),
        goals=[
            goal(1, "COO of a high-tech startup", Horizon.LONG, due=date(2031, 11, 25)),
            goal(
                2,
                "Obtain a management position leading a team of at least 5 people",
                Horizon.TWO_YEARS,
                1,
                date(2028, 11, 25),
                measure=Measure("people led", 5, "people", 0, 2),
            ),
            goal(
                3,
                "Complete my PMP certification within the next 12 months",
                Horizon.TWELVE_MONTHS,
                2,
                date(2027, 11, 25),
            ),
            goal(
                4,
                "Pass the PMP practice exam with 80% by May 2027",
                Horizon.SIX_MONTHS,
                3,
                date(2027, 5, 31),
            ),
            goal(5, "Learn Spanish", None, status=GoalStatus.DROPPED, due=date(2027, 6, 1)),
        ],
        actions=[
            action(1, 3, "Attend one industry networking event", repeat="FREQ=MONTHLY"),
            action(2, 4, "Book the practice exam", due=date(2027, 3, 1)),
            action(3, 4, "Buy the PMP guide", due=date(2026, 11, 20), done=True),
            action(4, 4, "Study two chapters", repeat="FREQ=WEEKLY;BYDAY=SA"),
        ],
        resources=[
            Resource(
                kind=ResourceKind.PERSON,
                name="Maria Lopez",
                contact="maria@example.com",
                notes="COO at a fintech; met at a meetup",
                goal_ids=[2],
                action_ids=[1],
                id=1,
            ),
            Resource(kind=ResourceKind.COURSE, name="PMP prep course", goal_ids=[3], id=2),
        ],
        reviews=[
            Review(
                held_on=date(2026, 11, 22),
                cadence=ReviewCadence.WEEKLY,
                went_well="Two chapters done",
                got_in_the_way="Travel",
                entries=[ReviewEntry(goal_id=3, progress=20, confidence=4, decision=Decision.KEEP)],
                id=1,
            )
        ],
    )
    for name, value in changes.items():
        setattr(snapshot, name, value)
    return snapshot


def empty() -> PlanSnapshot:
    return PlanSnapshot(
        exported_at=EXPORTED_AT, schema_revision=SCHEMA_REVISION, today=TODAY, owner_id=1
    )
