"""Reviews: started from the active goals, recorded in one transaction with their decisions,
read back newest first; a stale or malformed review saves nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.web.pages.helpers import snapshot

from careerplan.domain.entities import Decision, GoalStatus, ReviewCadence
from careerplan.domain.errors import DomainRefusal, InvalidInput, NotFound, StaleEdit
from careerplan.domain.status import Standing
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, edit_goal
from careerplan.services.review_status import plan_status
from careerplan.services.reviews import (
    EntryInput,
    ReviewInput,
    record_review,
    review_history,
    start_review,
)
from careerplan.services.workspace import Workspace

# Half-way through the PMP goal's year (it was set on 2026-11-25, due 2027-11-25).
HALF_YEAR = FixedClock(datetime(2027, 5, 27, 8, tzinfo=UTC))


def _record(workspace: Workspace, clock: FixedClock, *entries: EntryInput, **rest: str) -> None:
    with workspace.unit() as uow:
        record_review(uow, clock, ReviewInput(list(entries), **rest))


def test_a_review_starts_from_the_active_goals_with_status_and_smart_report(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        add_goal(uow, clock, text="Finish the Coursera finance course by March 2027", parent_id=2)
        draft = start_review(uow, clock)
    assert draft.cadence is ReviewCadence.WEEKLY
    assert [(item.goal.id, item.depth) for item in draft.items] == [(2, 1), (3, 2), (4, 2)]
    first = draft.items[0]
    assert (first.standing.standing, first.progress_percent, first.latest) == (
        Standing.ON_TRACK,
        0,
        None,
    )
    assert [
        (item.report["score"], item.report["deadline"]) if item.report else None
        for item in draft.items
    ] == [(5, "2028-11-25"), (5, "2027-11-25"), (5, "2027-03-31")]
    assert draft.status.next_review == date(2026, 11, 29)  # the Sunday after Wednesday 25th
    assert draft.status.review_due is False


def test_recording_a_review_keeps_each_entry_and_moves_the_next_review(
    story: Workspace, clock: FixedClock
) -> None:
    _record(
        story,
        clock,
        EntryInput(2, progress=10, confidence=4, note="Asked for a team lead role"),
        EntryInput(3, progress=35, confidence=2, note="Booked the exam — für März"),
        went_well="Studied three evenings",
        got_in_the_way="A product launch",
    )
    with story.unit() as uow:
        history = review_history(uow)
        status = plan_status(uow, clock.today())
    (review,) = history
    assert (review.held_on, review.cadence, review.went_well, review.got_in_the_way) == (
        date(2026, 11, 25),
        ReviewCadence.WEEKLY,
        "Studied three evenings",
        "A product launch",
    )
    assert [(e.goal_id, e.progress, e.confidence, e.decision, e.note) for e in review.entries] == [
        (2, 10, 4, Decision.KEEP, "Asked for a team lead role"),
        (3, 35, 2, Decision.KEEP, "Booked the exam — für März"),
    ]
    assert (status.last_review, status.next_review) == (date(2026, 11, 25), date(2026, 11, 29))
    # Goal 3 has no measure or children: its progress is the estimate; a confidence of 2 of 5
    # makes it at risk although it is ahead of its time.
    assert status.standings[3].progress == pytest.approx(0.35)
    assert status.standings[3].standing is Standing.AT_RISK
    # Goal 2's progress rolls up from goal 3, not from its own estimate.
    assert status.standings[2].progress == pytest.approx(0.35)
    assert [goal.id for goal, _ in status.attention] == [3]
    assert status.plan is Standing.ON_TRACK


def test_status_half_way_through_the_year_shows_what_is_behind(
    story: Workspace, clock: FixedClock
) -> None:
    _record(story, clock, EntryInput(3, progress=20, confidence=4))
    with story.unit() as uow:
        status = plan_status(uow, HALF_YEAR.today())
    assert status.standings[3].standing is Standing.BEHIND  # 20 % done, 50 % of the time gone
    assert status.standings[3].reason == "20% done, 50% of the time gone"
    assert status.standings[2].standing is Standing.ON_TRACK  # 20 % done, 25 % of its time gone
    assert [(goal.id, s.standing) for goal, s in status.attention] == [(3, Standing.BEHIND)]
    assert status.plan is Standing.ON_TRACK  # goal 2 is the only top-level goal
    assert (status.next_review, status.review_due) == (date(2026, 11, 29), True)
    assert status.review_overdue_days == 179


def test_done_and_drop_close_the_goals_through_the_goal_services(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        add_goal(uow, clock, text="Read one management book a month", parent_id=2)
    _record(
        story,
        clock,
        EntryInput(3, progress=100, decision=Decision.DONE),
        EntryInput(4, decision=Decision.DROP, note="Not the best use of my hours"),
    )
    with story.unit() as uow:
        goals = {g.id: g for g in uow.goals.all()}
        draft = start_review(uow, clock)
    assert (goals[3].status, goals[4].status) == (GoalStatus.DONE, GoalStatus.DROPPED)
    assert [item.goal.id for item in draft.items] == [2]
    assert draft.items[0].standing.progress == 1.0  # its only live child is done


def test_adjust_rewords_and_redates_the_goal_and_checks_it_again(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        before = uow.goals.get(3)
    assert before.smart_report is not None
    _record(
        story,
        clock,
        EntryInput(
            3,
            decision=Decision.ADJUST,
            text="Get better at project management",
            due=date(2027, 6, 30),
            version=1,
        ),
    )
    with story.unit() as uow:
        after = uow.goals.get(3)
    assert (after.text, after.due, after.version) == (
        "Get better at project management",
        date(2027, 6, 30),
        2,
    )
    assert after.smart_report is not None
    assert after.smart_report["measurable"] is False
    assert before.smart_report["measurable"] is True


def test_a_measure_is_updated_through_a_check_in(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        edit_goal(uow, clock, 2, metric="people led", target=5)
    _record(story, clock, EntryInput(2, measure_current=2, confidence=3))
    with story.unit() as uow:
        goal = uow.goals.get(2)
        checkins = uow.checkins.for_goal(2)
        status = plan_status(uow, clock.today())
    assert goal.measure is not None
    assert goal.measure.current == 2
    assert [(c.value, c.note, c.on) for c in checkins] == [(2, "Review", date(2026, 11, 25))]
    assert status.standings[2].progress == pytest.approx((0.4 + 0.0) / 2)  # measure and goal 3


def test_an_unchanged_measure_value_records_no_check_in(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        edit_goal(uow, clock, 2, metric="people led", target=5)
    _record(story, clock, EntryInput(2, measure_current=2, confidence=3))
    with story.unit() as uow:
        version = uow.goals.get(2).version
    # The review form shows the value as it stands; sending it back is not a new reading.
    _record(story, clock, EntryInput(2, measure_current=2, confidence=4))
    with story.unit() as uow:
        assert len(uow.checkins.for_goal(2)) == 1
        assert uow.goals.get(2).version == version


def test_a_review_made_on_a_stale_goal_is_refused_and_saves_nothing(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        edit_goal(uow, clock, 3, text="Pass the PMP exam by November 2027")
    before = snapshot(story)
    with pytest.raises(StaleEdit, match="you edited version 1, it is now version 2"):
        _record(
            story,
            clock,
            EntryInput(2, progress=10, version=1),
            EntryInput(3, progress=30, decision=Decision.DONE, version=1),
        )
    assert snapshot(story) == before


E, BAD = EntryInput, InvalidInput
ADJUST, DONE = Decision.ADJUST, Decision.DONE


@pytest.mark.parametrize(
    ("entries", "error", "message"),
    [
        ([E(3, progress=101)], BAD, "progress is a percentage from 0 to 100; got 101"),
        ([E(3, progress=-1)], BAD, "from 0 to 100; got -1"),
        ([E(3, confidence=0)], BAD, "confidence is from 1 (not at all) to 5"),
        ([E(3, confidence=6)], BAD, "got 6"),
        ([E(3, text="New words")], BAD, "goes with the decision 'adjust', not 'keep'"),
        ([E(3, due=date(2027, 1, 1), decision=DONE)], BAD, "not 'done'"),
        ([E(3, measure_current=4)], BAD, "Goal 3 has no measure to update"),
        ([E(3, note="x" * 10_001)], BAD, "10,001 characters long"),
        ([E(3), E(3)], BAD, "Goal 3 appears twice"),
        ([E(1, progress=5)], DomainRefusal, "Goal 1 is the dream job itself"),
        ([E(99, progress=5)], NotFound, "No goal with id 99"),
        ([], BAD, "The review is empty"),
        # A refusal from the goal services after the review row was written rolls it back too.
        ([E(2, progress=5), E(3, decision=ADJUST, text="   ")], BAD, "The goal text is empty"),
    ],
)
def test_a_malformed_review_is_refused_clearly_and_saves_nothing(
    story: Workspace,
    clock: FixedClock,
    entries: list[EntryInput],
    error: type[Exception],
    message: str,
) -> None:
    before = snapshot(story)
    with pytest.raises(error) as refused:
        _record(story, clock, *entries)
    assert message in str(refused.value)
    assert snapshot(story) == before


def test_closed_goals_and_future_days_are_refused(story: Workspace, clock: FixedClock) -> None:
    _record(story, clock, EntryInput(3, decision=Decision.DONE))
    with pytest.raises(DomainRefusal, match="Goal 3 is done; a review covers active goals"):
        _record(story, clock, EntryInput(3, progress=100))
    with pytest.raises(InvalidInput, match="2026-11-26 is in the future"), story.unit() as uow:
        record_review(uow, clock, ReviewInput(went_well="x", held_on=date(2026, 11, 26)))


def test_a_review_of_reflections_alone_is_kept(story: Workspace, clock: FixedClock) -> None:
    _record(story, clock, went_well="  Kept my Sunday hour  ")
    with story.unit() as uow:
        (review,) = review_history(uow)
    assert (review.went_well, review.entries) == ("Kept my Sunday hour", [])


def test_the_history_is_newest_first(story: Workspace, clock: FixedClock) -> None:
    for day in (date(2026, 11, 8), date(2026, 11, 22), date(2026, 11, 15)):
        with story.unit() as uow:
            record_review(uow, clock, ReviewInput([EntryInput(3, progress=day.day)], held_on=day))
    with story.unit() as uow:
        history = review_history(uow)
    assert [r.held_on.day for r in history] == [22, 15, 8]
    with story.unit() as uow:
        status = plan_status(uow, clock.today())
    assert status.latest[3].progress == 22  # the latest by date, not by entry
