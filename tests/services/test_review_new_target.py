"""A review's `adjust` can move a measure's target along with the wording and the due date, in
the review's one transaction; a target for a goal without a measure, or one that is not a
sensible number, saves nothing."""

from __future__ import annotations

import math
from datetime import date

import pytest
from tests.services.courses_goal import add_courses_goal
from tests.web.pages.helpers import snapshot

from careerplan.domain.entities import Decision
from careerplan.domain.errors import InvalidInput
from careerplan.services.clock import FixedClock
from careerplan.services.review_status import plan_status
from careerplan.services.reviews import EntryInput, ReviewInput, record_review, review_history
from careerplan.services.workspace import Workspace

FORTY = "Complete 40 hours of project management courses by June 2027"


def _record(workspace: Workspace, clock: FixedClock, *entries: EntryInput) -> list[str]:
    with workspace.unit() as uow:
        return record_review(uow, clock, ReviewInput(list(entries))).warnings


def test_adjust_rewords_the_goal_and_moves_its_target_in_one_edit(
    story: Workspace, clock: FixedClock
) -> None:
    before = add_courses_goal(story, clock)
    assert before.smart_report is not None
    assert before.smart_report["measure"]["value"] == 50
    _record(
        story,
        clock,
        EntryInput(4, progress=30, decision=Decision.ADJUST, text=FORTY, target=40, version=2),
    )
    with story.unit() as uow:
        after = uow.goals.get(4)
        (review,) = review_history(uow)
        status = plan_status(uow, clock.today())
    assert after.measure is not None
    assert (after.text, after.version, after.due) == (FORTY, 3, date(2027, 6, 30))
    assert (after.measure.metric, after.measure.target, after.measure.unit) == (
        "hours",
        40,
        "hours",
    )
    assert (after.measure.baseline, after.measure.current) == (0, 12)  # the hours done stay
    assert after.smart_report is not None
    assert after.smart_report["measure"]["value"] == 40  # checked again on the new words
    assert [(e.goal_id, e.decision) for e in review.entries] == [(4, Decision.ADJUST)]
    assert status.standings[4].progress == pytest.approx(12 / 40)


def test_a_new_target_alone_keeps_the_words_and_the_date(
    story: Workspace, clock: FixedClock
) -> None:
    add_courses_goal(story, clock)
    _record(story, clock, EntryInput(4, decision=Decision.ADJUST, target=60, measure_current=15))
    with story.unit() as uow:
        goal = uow.goals.get(4)
    assert goal.measure is not None
    assert (goal.text, goal.due, goal.measure.target, goal.measure.current) == (
        "Complete 50 hours of project management courses by June 2027",
        date(2027, 6, 30),
        60,
        15,
    )


def test_a_target_of_zero_is_a_target(story: Workspace, clock: FixedClock) -> None:
    add_courses_goal(story, clock)
    _record(story, clock, EntryInput(4, decision=Decision.ADJUST, target=0))
    with story.unit() as uow:
        measure = uow.goals.get(4).measure
    assert measure is not None
    assert measure.target == 0


E, ADJUST = EntryInput, Decision.ADJUST
OUT_OF_RANGE = "Goal 4: the new target is a number from 0 to 1,000,000,000,000; got"


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([E(3, decision=ADJUST, target=40)], "Goal 3 has no measure, so there is no target to "
         "change."),
        ([E(4, target=40)], "goes with the decision 'adjust', not 'keep'"),
        ([E(4, decision=Decision.DROP, target=40)], "not 'drop'"),
        ([E(4, decision=ADJUST, target=-1)], f"{OUT_OF_RANGE} -1."),
        ([E(4, decision=ADJUST, target=1e13)], f"{OUT_OF_RANGE} 1e+13."),
        ([E(4, decision=ADJUST, target=math.nan)], f"{OUT_OF_RANGE} nan."),
        ([E(4, decision=ADJUST, target=math.inf)], f"{OUT_OF_RANGE} inf."),
        # The first goal's valid adjustment is not kept when the second one's is refused.
        ([E(4, decision=ADJUST, text=FORTY, target=40), E(3, decision=ADJUST, target=5)],
         "Goal 3 has no measure"),
    ],
)  # fmt: skip
def test_a_wrong_new_target_is_refused_clearly_and_saves_nothing(
    story: Workspace, clock: FixedClock, entries: list[EntryInput], message: str
) -> None:
    add_courses_goal(story, clock)
    before = snapshot(story)
    with pytest.raises(InvalidInput) as refused:
        _record(story, clock, *entries)
    assert message in str(refused.value)
    assert snapshot(story) == before
