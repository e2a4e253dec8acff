"""Two edits of one record: the second, made on a stale copy, is refused and loses nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from careerplan.domain.entities import Goal, GoalStatus
from careerplan.domain.errors import NotFound, StaleEdit
from careerplan.services.workspace import Workspace

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def test_the_second_of_two_units_of_work_gets_stale_edit(story: Workspace) -> None:
    with story.unit() as second:
        theirs = second.goals.get(2)
        with story.unit() as first:
            mine = first.goals.get(2)
            mine.text = "Lead a team of 5 people"
            first.goals.save(mine)
        theirs.status = GoalStatus.DROPPED
        with pytest.raises(StaleEdit) as refused:
            second.goals.save(theirs)
    assert str(refused.value) == (
        "The goal 2 was changed by someone else (you edited version 1, it is now version 2). "
        "Nothing was saved: show it again and repeat your edit."
    )
    assert (refused.value.expected, refused.value.actual) == (1, 2)
    with story.unit() as uow:
        kept = uow.goals.get(2)
    assert (kept.text, kept.status, kept.version) == (
        "Lead a team of 5 people",
        GoalStatus.ACTIVE,
        2,
    )


def test_a_refused_stale_edit_rolls_back_its_unit_of_work(story: Workspace) -> None:
    with story.unit() as uow:
        stale = uow.goals.get(3)
    with story.unit() as uow:
        fresh = uow.goals.get(3)
        fresh.text = "Pass the PMP exam by November 2027"
        uow.goals.save(fresh)

    def add_a_goal_then_save_the_stale_copy() -> None:
        with story.unit() as uow:
            uow.goals.add(
                Goal(text="Written in the same unit", parent_id=3, created_at=NOW, updated_at=NOW)
            )
            stale.text = "Overwrite"
            uow.goals.save(stale)

    with pytest.raises(StaleEdit):
        add_a_goal_then_save_the_stale_copy()
    with story.unit() as uow:
        assert uow.goals.get(3).text == "Pass the PMP exam by November 2027"
        assert [g.text for g in uow.goals.all() if g.text == "Written in the same unit"] == []


@pytest.mark.parametrize("repository", ["profiles", "visions"])
def test_profiles_and_visions_refuse_stale_saves_too(story: Workspace, repository: str) -> None:
    with story.unit() as uow:
        stale = getattr(uow, repository).get()
    with story.unit() as uow:
        getattr(uow, repository).save(getattr(uow, repository).get())
    with (
        pytest.raises(StaleEdit, match="you edited version 1, it is now version 2"),
        story.unit() as uow,
    ):
        getattr(uow, repository).save(stale)


def test_an_action_saved_from_a_stale_copy_is_refused(story: Workspace) -> None:
    with story.unit() as uow:
        stale = uow.actions.get(1)
        fresh = uow.actions.get(1)
        fresh.text = "Attend two events"
        uow.actions.save(fresh)
        stale.done = True
        with pytest.raises(StaleEdit, match=r"^The action 1 was changed by someone else"):
            uow.actions.save(stale)


def test_saving_a_goal_that_does_not_exist_is_not_found(story: Workspace) -> None:
    with story.unit() as uow:
        ghost = uow.goals.get(3)
        ghost.id = 999
        with pytest.raises(NotFound, match=r"^No goal with id 999"):
            uow.goals.save(ghost)
