"""A repeat given in words is stored as the RRULE it says, for goals and actions alike."""

from __future__ import annotations

import pytest

from careerplan.domain.errors import InvalidInput
from careerplan.services.actions import add_action, edit_action
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, edit_goal
from careerplan.services.workspace import Workspace


def test_an_action_repeating_every_other_friday_is_stored_as_its_rule(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        action = add_action(uow, clock, 3, "Call a mentor", repeat="every other Friday")
    with story.unit() as uow:
        assert uow.actions.get(action.id or 0).repeat == "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"
        row = edit_action(uow, clock, action.id or 0, repeat="weekdays")
    assert row.action.repeat == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


def test_a_goal_added_and_edited_in_words_keeps_the_rules(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        goal = add_goal(uow, clock, text="Write a post", parent_id=2, repeat="every quarter").goal
    assert goal.repeat == "FREQ=MONTHLY;INTERVAL=3"
    with story.unit() as uow:
        edited = edit_goal(uow, clock, goal.id or 0, repeat="every month on the last Friday")
    assert edited.goal.repeat == "FREQ=MONTHLY;BYDAY=-1FR"


def test_words_that_say_no_repeat_are_refused_and_nothing_is_saved(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        before = len(uow.actions.all())
    with pytest.raises(InvalidInput) as refused, story.unit() as uow:
        add_action(uow, clock, 3, "Call a mentor", repeat="now and then")
    assert refused.value.field == "repeat"
    assert refused.value.what.startswith("'now and then' is not a repeat careerplan can read.")
    with story.unit() as uow:
        assert len(uow.actions.all()) == before
