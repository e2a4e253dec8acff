"""The plan writer puts whole lists of records in at once (COPY on PostgreSQL, one prepared
INSERT on SQLite) with ids handed out first: ascending in the order given, clear of the ids in
use, every parent linked even when it comes after its child, refusals raised as for any
INSERT, and the plan's revision moved as for any other write."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from careerplan.domain.entities import CheckIn, Goal
from careerplan.services.workspace import Workspace
from careerplan.storage.plan_writer import PlanWriter, goal_rows

MADE = datetime(2026, 11, 20, 8, 15, 30, 123456, tzinfo=UTC)


def in_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands times back without their zone; careerplan stores only UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment and moment.astimezone(UTC)
    return moment.replace(tzinfo=UTC)


def goals(count: int) -> list[Goal]:
    return [Goal(text=f"Goal {n}", created_at=MADE, updated_at=MADE) for n in range(count)]


def test_goals_get_ascending_ids_and_their_parents_even_one_made_after_its_child(
    workspace: Workspace,
) -> None:
    with workspace.unit() as uow:
        writer = PlanWriter(uow.connection, uow.owner_id, uow.mark_written)
        ids = writer.new_goal_ids(4)
        # The third goal sits under the fourth, which comes after it.
        parents = [None, ids[0], ids[3], ids[0]]
        writer.add_goals(ids, goal_rows(goals(4)), [None, None, None, None], parents)
    assert ids == sorted(ids)
    assert len(set(ids)) == 4
    with workspace.unit() as uow:
        assert uow.goals.parent_map() == dict(zip(ids, parents, strict=True))
        stored = uow.goals.all()
    assert [goal.text for goal in stored] == ["Goal 0", "Goal 1", "Goal 2", "Goal 3"]
    assert {goal.version for goal in stored} == {1}
    assert {in_utc(goal.created_at) for goal in stored} == {MADE}
    uids = [goal.uid for goal in stored]
    assert len({uuid.UUID(uid).version for uid in uids if uid}) == 1
    assert len(set(uids)) == 4


def test_the_ids_handed_out_follow_those_in_use_and_precede_the_next(
    workspace: Workspace,
) -> None:
    with workspace.unit() as uow:
        first = uow.goals.add(Goal(text="Made one by one", created_at=MADE, updated_at=MADE))
        writer = PlanWriter(uow.connection, uow.owner_id, uow.mark_written)
        ids = writer.new_goal_ids(3)
        writer.add_goals(ids, goal_rows(goals(3)), [None, None, None], [None, None, None])
        after = uow.goals.add(Goal(text="Made after", created_at=MADE, updated_at=MADE))
    assert first.id is not None
    assert after.id is not None
    assert first.id < ids[0] < ids[1] < ids[2] < after.id


def test_records_written_at_once_move_the_plans_revision(story: Workspace) -> None:
    before = story.revision()
    with story.unit() as uow:
        writer = PlanWriter(uow.connection, uow.owner_id, uow.mark_written)
        writer.add_checkins([CheckIn(3, date(2026, 11, 24), 2.0, "steady", 4, created_at=MADE)])
    assert story.revision() == before + 1
    with story.unit() as uow:
        assert [(c.goal_id, c.value, c.note) for c in uow.checkins.all()] == [(3, 2.0, "steady")]


def test_a_record_the_database_refuses_is_refused_like_any_insert(story: Workspace) -> None:
    def check_in_on_a_goal_not_there() -> None:
        with story.unit() as uow:
            writer = PlanWriter(uow.connection, uow.owner_id, uow.mark_written)
            writer.add_checkins([CheckIn(999, date(2026, 11, 24), created_at=MADE)])

    before = story.revision()
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"):
        check_in_on_a_goal_not_there()
    assert story.revision() == before
    with story.unit() as uow:
        assert uow.checkins.all() == []
