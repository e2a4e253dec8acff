"""Check-ins: a dated entry of progress; a value moves the goal's measure."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.domain.errors import InvalidInput, NotFound
from careerplan.services.clock import FixedClock
from careerplan.services.goals import check_in, edit_goal, show_goal
from careerplan.services.workspace import Workspace


@pytest.fixture
def measured(story: Workspace, clock: FixedClock) -> Workspace:
    with story.unit() as uow:
        edit_goal(uow, clock, 2, metric="people led", target=5, unit="people")
    return story


def test_a_value_becomes_the_measures_current_value(measured: Workspace, clock: FixedClock) -> None:
    with measured.unit() as uow:
        entry = check_in(uow, clock, 2, value=2, note="Hired two", confidence=4)
        detail = show_goal(uow, clock, 2)
    assert (entry.on, entry.value, entry.note, entry.confidence) == (
        date(2026, 11, 25),
        2,
        "Hired two",
        4,
    )
    assert detail.goal.measure is not None
    assert detail.goal.measure.current == 2
    assert detail.progress == pytest.approx((0.4 + 0.0) / 2)  # measure and goal 3
    assert [c.id for c in detail.checkins] == [entry.id]


def test_a_back_dated_check_in_does_not_overwrite_a_later_value(
    measured: Workspace, clock: FixedClock
) -> None:
    with measured.unit() as uow:
        check_in(uow, clock, 2, value=3, on=date(2026, 11, 20))
        check_in(uow, clock, 2, value=1, on=date(2026, 10, 1))
        goal = uow.goals.get(2)
        history = [(c.on, c.value) for c in uow.checkins.for_goal(2)]
    assert goal.measure is not None
    assert goal.measure.current == 3
    assert history == [(date(2026, 10, 1), 1), (date(2026, 11, 20), 3)]


def test_a_note_alone_is_a_check_in_and_leaves_the_measure(
    measured: Workspace, clock: FixedClock
) -> None:
    with measured.unit() as uow:
        check_in(uow, clock, 2, note="Talked to my manager")
        goal = uow.goals.get(2)
    assert goal.measure is not None
    assert (goal.measure.current, goal.version) == (None, 2)


@pytest.mark.parametrize("confidence", [1, 5])
def test_confidence_from_1_to_5_is_accepted(
    story: Workspace, clock: FixedClock, confidence: int
) -> None:
    with story.unit() as uow:
        assert check_in(uow, clock, 3, confidence=confidence).confidence == confidence


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"confidence": 0}, "Confidence is from 1 (not at all) to 5 (certain); got 0."),
        ({"confidence": 6}, "Confidence is from 1 (not at all) to 5 (certain); got 6."),
        ({"note": "   "}, "A check-in needs a value, a note or a confidence (1-5)."),
        (
            {"note": "x", "on": date(2026, 11, 26)},
            "A check-in records what happened; 2026-11-26 is in the future.",
        ),
        (
            {"note": "n" * 10_001},
            "The note is 10,001 characters long; the limit is 10,000.",
        ),
    ],
)
def test_bad_check_ins_are_refused_and_not_saved(
    story: Workspace, clock: FixedClock, values: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput) as refused, story.unit() as uow:
        check_in(uow, clock, 3, **values)  # type: ignore[arg-type]
    assert str(refused.value) == message
    with story.unit() as uow:
        assert uow.checkins.all() == []


def test_a_check_in_on_an_unknown_goal_names_goal_list(story: Workspace, clock: FixedClock) -> None:
    with pytest.raises(NotFound) as refused, story.unit() as uow:
        check_in(uow, clock, 99, note="x")
    assert str(refused.value) == "No goal with id 99."
