"""A unit of work that only reads reads the whole plan once, however many services ask; a write
in it, or a unit that writes, reads afresh."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event

from careerplan.domain.entities import Category, Horizon
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.workspace import Workspace


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def note(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", note)


def _reads_of(statements: list[str], table: str) -> int:
    return sum(
        1 for s in statements if s.lstrip().upper().startswith("SELECT") and f"FROM {table}" in s
    )


def test_a_reading_unit_reads_goals_actions_vision_and_reviews_once(story: Workspace) -> None:
    with story.unit() as uow, counted(story.engine) as statements:
        first = uow.goals.all()
        assert uow.goals.all() == first
        assert uow.actions.all() == uow.actions.all()
        assert uow.visions.get() == uow.visions.get()
        assert uow.preferences.get() == uow.preferences.get()
        assert uow.reviews.latest_entries_by_goal() == uow.reviews.latest_entries_by_goal()
    assert _reads_of(statements, "goals") == 1
    assert _reads_of(statements, "actions") == 1
    assert _reads_of(statements, "visions") == 1
    assert _reads_of(statements, "preferences") == 1
    assert _reads_of(statements, "review_entries") == 1


def test_each_caller_gets_a_list_of_its_own(story: Workspace) -> None:
    with story.unit() as uow:
        mine = uow.goals.all()
        mine.clear()
        assert len(uow.goals.all()) == 3
        entries = uow.reviews.latest_entries_by_goal()
        entries[999] = None  # type: ignore[assignment]
        assert 999 not in uow.reviews.latest_entries_by_goal()


def test_a_write_in_the_unit_makes_the_next_read_fresh(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        assert len(uow.goals.all()) == 3
        add_goal(
            uow, clock, text="Lead a product launch by June 2027", parent_id=2,
            horizon=Horizon.TWELVE_MONTHS, category=Category.EXPERIENCE,
        )  # fmt: skip
        assert len(uow.goals.all()) == 4


def test_a_unit_that_writes_reads_afresh_each_time(story: Workspace) -> None:
    with story.unit(writes=True) as uow, counted(story.engine) as statements:
        uow.goals.all()
        uow.goals.all()
    assert _reads_of(statements, "goals") == 2


def test_a_new_unit_sees_what_another_wrote_since(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as reader:
        before = len(reader.goals.all())
    with story.unit(writes=True) as writer:
        add_goal(
            writer, clock, text="Lead a product launch by June 2027", parent_id=2,
            horizon=Horizon.TWELVE_MONTHS, category=Category.EXPERIENCE,
        )  # fmt: skip
    with story.unit() as reader:
        assert len(reader.goals.all()) == before + 1
