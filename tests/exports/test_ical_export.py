"""The calendar export, read back with the `icalendar` library and expanded with
`recurring-ical-events`: deadlines, repeating actions and reviews fall on the days careerplan
itself names, with alarms, under identifiers that stay the same from one export to the next."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplan.domain.entities import GoalStatus, Preferences, Review, ReviewCadence
from careerplan.domain.recurrence import occurrences_between
from careerplan.domain.status import next_review
from careerplan.exports.ical import render
from careerplan.exports.snapshot import PlanSnapshot
from tests.exports import plans


def goal_event(ident: int) -> str:
    """The UID of the event of the plan's goal `ident`, from its uid."""
    return f"goal-{plans.uid_of('goal', ident)}@careerplan"


def action_event(ident: int) -> str:
    return f"action-{plans.uid_of('action', ident)}@careerplan"


def parsed(snapshot: PlanSnapshot) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(render(snapshot))


def events(snapshot: PlanSnapshot) -> dict[str, icalendar.Event]:
    found = parsed(snapshot).walk("VEVENT")
    by_uid = {str(event["UID"]): event for event in found}
    assert len(by_uid) == len(found), "two events share a UID"
    return by_uid


def days_of(snapshot: PlanSnapshot, uid: str, first: date, last: date) -> list[date]:
    """The days the event `uid` falls on between `first` and `last` inclusive."""
    found = recurring_ical_events.of(parsed(snapshot)).between(first, last + timedelta(days=1))
    return sorted(event.decoded("DTSTART") for event in found if str(event["UID"]) == uid)


def test_it_is_a_named_calendar_of_all_day_goal_deadlines() -> None:
    calendar = parsed(plans.ana())
    assert str(calendar["X-WR-CALNAME"]) == "Career plan of Ana"
    assert str(calendar["VERSION"]) == "2.0"
    found = events(plans.ana())
    deadlines = {uid: e.decoded("DTSTART") for uid, e in found.items() if uid.startswith("goal-")}
    assert deadlines == {
        goal_event(1): date(2031, 11, 25),
        goal_event(2): date(2028, 11, 25),
        goal_event(3): date(2027, 11, 25),
        goal_event(4): date(2027, 5, 31),
        goal_event(5): date(2027, 6, 1),
    }
    pmp = found[goal_event(3)]
    assert type(pmp.decoded("DTSTART")) is date  # all-day: a date, not a time
    assert pmp.decoded("DTEND") == date(2027, 11, 26)
    assert (
        str(pmp["SUMMARY"]) == "Goal due: Complete my PMP certification within the next 12 months"
    )
    assert "S.M.A.R.T.: SMA?T" in str(pmp["DESCRIPTION"])
    assert str(found[goal_event(1)]["SUMMARY"]).startswith("Dream job target: ")


def test_repeating_actions_fall_on_the_days_careerplan_counts() -> None:
    snapshot = plans.ana()
    first, last = date(2026, 11, 1), date(2027, 2, 28)
    assert days_of(snapshot, action_event(1), first, last) == [
        date(2026, 11, 2),  # the day it was made, then monthly
        date(2026, 12, 2),
        date(2027, 1, 2),
        date(2027, 2, 2),
    ]
    saturdays = days_of(snapshot, action_event(4), first, last)
    assert saturdays[:3] == [date(2026, 11, 7), date(2026, 11, 14), date(2026, 11, 21)]
    assert saturdays == occurrences_between("FREQ=WEEKLY;BYDAY=SA", date(2026, 11, 2), first, last)
    assert {day.weekday() for day in saturdays} == {5}


def test_a_repeating_action_due_before_it_was_made_counts_from_its_due_date() -> None:
    snapshot = plans.ana()
    snapshot.actions = [
        plans.action(1, 3, "Run", repeat="FREQ=DAILY;INTERVAL=3", due=date(2026, 10, 30))
    ]
    assert days_of(snapshot, action_event(1), date(2026, 10, 1), date(2026, 11, 8)) == [
        date(2026, 10, 30),
        date(2026, 11, 2),
        date(2026, 11, 5),
        date(2026, 11, 8),
    ]


def test_one_off_actions_are_on_their_due_date_and_undated_ones_are_left_out() -> None:
    snapshot = plans.ana()
    snapshot.actions.append(plans.action(9, 3, "Think about it"))
    found = events(snapshot)
    assert found[action_event(2)].decoded("DTSTART") == date(2027, 3, 1)
    assert str(found[action_event(2)]["SUMMARY"]) == "Action due: Book the practice exam"
    assert action_event(9) not in found


@pytest.mark.parametrize(
    ("cadence", "weekday", "expected"),
    [
        (
            ReviewCadence.WEEKLY,
            6,
            [date(2026, 11, 29), date(2026, 12, 6), date(2026, 12, 13), date(2026, 12, 20)],
        ),
        (
            # A month after the last review (22 Nov) on the nearest Monday, then the third
            # Monday of each month.
            ReviewCadence.MONTHLY,
            0,
            [date(2026, 12, 21), date(2027, 1, 18), date(2027, 2, 15), date(2027, 3, 15)],
        ),
        (
            ReviewCadence.QUARTERLY,
            4,
            [date(2027, 2, 19), date(2027, 5, 21), date(2027, 8, 20), date(2027, 11, 19)],
        ),
    ],
)
def test_reviews_repeat_on_the_chosen_rhythm_from_the_next_review_careerplan_names(
    cadence: ReviewCadence, weekday: int, expected: list[date]
) -> None:
    preferences = Preferences(review_cadence=cadence, review_weekday=weekday)
    snapshot = plans.ana(preferences=preferences)
    days = days_of(snapshot, "review-rhythm-p1@careerplan", date(2026, 11, 1), expected[-1])
    assert days == expected
    assert days[0] == next_review(preferences, date(2026, 11, 22), plans.TODAY)
    assert {day.weekday() for day in days} == {weekday}


def test_before_the_first_review_the_rhythm_starts_on_the_next_chosen_weekday() -> None:
    snapshot = plans.ana(reviews=[], preferences=Preferences(review_weekday=2))
    days = days_of(snapshot, "review-rhythm-p1@careerplan", date(2026, 11, 1), date(2026, 12, 9))
    assert days == [date(2026, 11, 25), date(2026, 12, 2), date(2026, 12, 9)]


def test_a_fifth_weekday_review_becomes_the_last_one_of_each_month() -> None:
    last = Review(held_on=date(2026, 10, 29), cadence=ReviewCadence.MONTHLY)
    preferences = Preferences(review_cadence=ReviewCadence.MONTHLY, review_weekday=6)
    snapshot = plans.ana(reviews=[last], preferences=preferences)
    days = days_of(snapshot, "review-rhythm-p1@careerplan", date(2026, 11, 1), date(2027, 2, 28))
    assert days == [date(2026, 11, 29), date(2026, 12, 27), date(2027, 1, 31), date(2027, 2, 28)]


@pytest.mark.parametrize("reminder_days", [0, 1, 3, 30])
def test_every_live_event_has_an_alarm_reminder_days_before_at_nine(reminder_days: int) -> None:
    snapshot = plans.ana(preferences=Preferences(reminder_days=reminder_days))
    found = events(snapshot)
    before = timedelta(days=-reminder_days, hours=9)
    for uid in (goal_event(3), action_event(2), "review-rhythm-p1@careerplan"):
        (alarm,) = found[uid].walk("VALARM")
        assert alarm.decoded("TRIGGER") == before, uid
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]).startswith("Reminder: ")
    # A habit rings on its own day: a day ahead of a daily action is the day of the one before.
    (habit,) = found[action_event(4)].walk("VALARM")
    assert habit.decoded("TRIGGER") == timedelta(hours=9)


def test_each_expanded_occurrence_keeps_its_alarm() -> None:
    found = recurring_ical_events.of(parsed(plans.ana())).between(
        date(2026, 12, 1), date(2027, 1, 1)
    )
    reviews = [event for event in found if str(event["UID"]).startswith("review-")]
    assert len(reviews) == 4
    assert all(len(event.walk("VALARM")) == 1 for event in reviews)


def test_finished_items_are_cancelled_without_alarms() -> None:
    snapshot = plans.ana()
    snapshot.goals[3] = replace(snapshot.goals[3], status=GoalStatus.DONE, version=2)
    found = events(snapshot)
    for uid in (
        goal_event(5),  # dropped
        goal_event(4),  # done
        action_event(2),  # under a done goal
        action_event(3),  # done itself
        action_event(4),  # a repeating action under a done goal: the whole series
    ):
        assert str(found[uid]["STATUS"]) == "CANCELLED", uid
        assert found[uid].walk("VALARM") == [], uid
    assert str(found[goal_event(3)]["STATUS"]) == "CONFIRMED"
    # The goal's change reaches its actions' events, so a calendar takes the cancellation.
    assert found[action_event(2)].decoded("SEQUENCE") == 1


def test_uids_stay_the_same_across_exports_of_a_changed_plan() -> None:
    before = events(plans.ana())
    changed = plans.ana(exported_at=datetime(2026, 12, 3, 8, 0, tzinfo=UTC))
    edited_at = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    changed.goals[1] = replace(
        changed.goals[1], text="Lead a team of 6 people", version=3, updated_at=edited_at
    )
    changed.goals.append(plans.goal(6, "Give a talk at a meetup", None, due=date(2027, 4, 1)))
    changed.actions = changed.actions[1:]  # the networking action was deleted
    changed.reviews.append(Review(held_on=date(2026, 11, 29), cadence=ReviewCadence.WEEKLY))
    after = events(changed)
    assert set(after) == (set(before) - {action_event(1)}) | {goal_event(6)}
    edited = after[goal_event(2)]
    assert str(edited["SUMMARY"]) == "Goal due: Lead a team of 6 people"
    assert edited.decoded("SEQUENCE") == before[goal_event(2)].decoded("SEQUENCE") + 2
    assert edited.decoded("LAST-MODIFIED") == edited_at
    assert edited.decoded("DTSTAMP") == datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
    review = "review-rhythm-p1@careerplan"
    assert after[review].decoded("SEQUENCE") > before[review].decoded("SEQUENCE")
    assert after[review].decoded("DTSTART") == date(2026, 12, 6)
    unchanged = goal_event(3)
    assert after[unchanged].decoded("SEQUENCE") == before[unchanged].decoded("SEQUENCE")


def renumbered(snapshot: PlanSnapshot, by: int, owner_id: int) -> PlanSnapshot:
    """The same plan as a restore elsewhere gives it: new ids, a new owner, the same uids."""
    goals = [
        replace(g, id=(g.id or 0) + by, parent_id=g.parent_id and g.parent_id + by)
        for g in snapshot.goals
    ]
    actions = [replace(a, id=(a.id or 0) + by, goal_id=a.goal_id + by) for a in snapshot.actions]
    return replace(snapshot, goals=goals, actions=actions, owner_id=owner_id)


def test_goal_and_action_uids_follow_their_uid_not_their_id_or_owner() -> None:
    ana = events(plans.ana())
    restored = events(renumbered(plans.ana(), by=40, owner_id=7))
    assert len(ana) == 10
    assert set(restored) - set(ana) == {"review-rhythm-p7@careerplan"}
    assert goal_event(3) == "goal-00000000-0000-4000-8000-000000000003@careerplan"


def test_two_peoples_items_never_share_a_uid() -> None:
    # Stored records get random uids, so two people's plans never share one.
    other = plans.ana(owner_id=2)
    other.goals = [replace(g, uid=str(uuid.uuid4())) for g in other.goals]
    other.actions = [replace(a, uid=str(uuid.uuid4())) for a in other.actions]
    ana, bea = events(plans.ana(owner_id=1)), events(other)
    assert len(ana) == len(bea) == 10
    assert not set(ana) & set(bea)


def test_a_record_never_stored_has_no_uid_and_its_id_and_owner_stand_in() -> None:
    snapshot = plans.ana(owner_id=4)
    snapshot.goals[2] = replace(snapshot.goals[2], uid=None)
    snapshot.actions[1] = replace(snapshot.actions[1], uid=None)
    found = events(snapshot)
    assert "goal-3-p4@careerplan" in found
    assert "action-2-p4@careerplan" in found


def test_times_stored_without_a_zone_are_read_as_utc() -> None:
    snapshot = plans.ana()
    snapshot.goals[2] = replace(snapshot.goals[2], updated_at=datetime(2026, 11, 20, 7, 15))
    modified = events(snapshot)[goal_event(3)].decoded("LAST-MODIFIED")
    assert modified == datetime(2026, 11, 20, 7, 15, tzinfo=UTC)


def test_long_and_unicode_text_survives_with_a_short_summary() -> None:
    text = "Führungsrolle übernehmen — 管理 😀; a, b\\c " + "x" * 900
    snapshot = plans.ana(goals=[plans.goal(1, text, None, due=date(2027, 1, 1))], actions=[])
    event = events(snapshot)[goal_event(1)]
    summary = str(event["SUMMARY"])
    assert summary.startswith("Goal due: Führungsrolle übernehmen — 管理 😀; a, b\\c xxx")
    assert len(summary) == 120
    assert summary.endswith("…")
    assert str(event["DESCRIPTION"]).startswith(text)


@pytest.mark.parametrize(
    "text", ["C:\\Notes\\next; a, b", "ends with a backslash \\", "\\N and \\n", "a\nb\r\nc"]
)
def test_backslashes_separators_and_line_breaks_read_back_as_written(text: str) -> None:
    snapshot = plans.ana(goals=[plans.goal(1, text, None, due=date(2027, 1, 1))], actions=[])
    event = events(snapshot)[goal_event(1)]
    assert str(event["SUMMARY"]) == "Goal due: " + " ".join(text.split())
    assert str(event["DESCRIPTION"]).startswith(text.replace("\r\n", "\n") + "\n")


def test_an_empty_plan_is_a_calendar_with_only_the_review_rhythm() -> None:
    found = events(plans.empty())
    assert list(found) == ["review-rhythm-p1@careerplan"]
    assert str(parsed(plans.empty())["X-WR-CALNAME"]) == "Career plan"


def test_an_action_whose_rule_cannot_be_read_is_left_out_not_fatal() -> None:
    snapshot = plans.ana()
    snapshot.actions = [plans.action(1, 3, "Broken", repeat="FREQ=WEEKLY;BYDAY=XX")]
    assert sorted(events(snapshot)) == sorted(
        [*(goal_event(ident) for ident in range(1, 6)), "review-rhythm-p1@careerplan"]
    )


def test_every_line_is_at_most_75_octets_and_ends_in_crlf() -> None:
    text = "Ünïcødé goal, with; commas\\ and 😀 emoji " * 20
    data = render(plans.ana(goals=[plans.goal(1, text, None, due=date(2027, 1, 1))]))
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # no line was cut inside a character


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300).map(str.strip).filter(bool))  # goal texts are stored stripped
def test_any_goal_text_reads_back_as_written(text: str) -> None:
    snapshot = plans.ana(goals=[plans.goal(1, text, None, due=date(2027, 1, 1))])
    event = events(snapshot)[goal_event(1)]
    written = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    written = written.replace("\r\n", "\n").replace("\r", "\n")
    assert str(event["DESCRIPTION"]).split("\nS.M.A.R.T.: ")[0] == written
