"""An open application's follow-up is a dated thing to do: the day's view lists it overdue or
due this week, the digest lists it in its week, and the calendar has it on its day under an
identity that a move, an edit and a backup restored elsewhere all keep."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import cast

import icalendar
from icalendar.cal import Component
from icalendar.prop import vCategory
from tests.exports.rich_plan import backup_of
from tests.services.follow_up_plan import AFTER, LAST_DAY, OVERDUE, THIS_WEEK, add_applications

from careerplan.domain.job_search import Stage
from careerplan.services.applications import edit_application, move_application
from careerplan.services.calendar_feed import enable_feed, feed_calendar
from careerplan.services.clock import FixedClock
from careerplan.services.digest import Due, as_text, build_digest
from careerplan.services.exporting import export_plan
from careerplan.services.restore import restore
from careerplan.services.today import agenda
from careerplan.services.workspace import Workspace

NEXT_DAY = FixedClock(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))


def follow_ups(workspace: Workspace, clock: FixedClock) -> dict[str, Component]:
    """The calendar export's follow-up events, by the title of their application."""
    with workspace.unit() as uow:
        titles = {f"follow-up-{a.uid}@careerplan": a.title for a in uow.applications.all()}
    calendar = icalendar.Calendar.from_ical(export_plan(workspace, clock, "ics"))
    found = [
        event
        for event in calendar.walk("VEVENT")
        if "follow-up" in cast(vCategory, event["CATEGORIES"]).cats
    ]
    by_title = {titles[str(event["UID"])]: event for event in found}
    assert len(by_title) == len(found)
    return by_title


def test_the_day_lists_open_follow_ups_overdue_and_this_week(
    story: Workspace, clock: FixedClock
) -> None:
    add_applications(story, clock)
    with story.unit() as uow:
        day = agenda(uow, clock)
    assert [(a.title, a.follow_up) for a in day.overdue_follow_ups] == [
        ("Head of Operations", OVERDUE)
    ]
    assert [(a.title, a.follow_up) for a in day.follow_ups_this_week] == [
        ("COO", THIS_WEEK),
        ("Chief of Staff", LAST_DAY),
    ]


def test_a_follow_up_alone_is_something_to_do(workspace: Workspace, clock: FixedClock) -> None:
    with workspace.unit() as uow:
        assert agenda(uow, clock).is_clear
    add_applications(workspace, clock)
    with workspace.unit() as uow:
        day = agenda(uow, clock)
    assert not day.is_clear


def test_moving_an_application_on_moves_its_follow_up_in_the_day(
    story: Workspace, clock: FixedClock
) -> None:
    ids = add_applications(story, clock)
    with story.unit() as uow:
        move_application(uow, clock, ids["Head of Operations"], Stage.WITHDRAWN)
        edit_application(uow, clock, ids["COO"], follow_up=AFTER)
    with story.unit() as uow:
        day = agenda(uow, clock)
    assert day.overdue_follow_ups == []
    assert [a.title for a in day.follow_ups_this_week] == ["Chief of Staff"]


def test_the_digest_lists_the_follow_ups_of_its_week(story: Workspace, clock: FixedClock) -> None:
    add_applications(story, clock)
    with story.unit() as uow:
        digest = build_digest(uow, clock)
    assert [item for item in digest.due if item.kind == "application"] == [
        Due(OVERDUE, "application", "Follow up: Head of Operations at Fintech Ltd", True),
        Due(THIS_WEEK, "application", "Follow up: COO at Acme «Labs»", False),
        Due(LAST_DAY, "application", "Follow up: Chief of Staff", False),
    ]
    text = as_text(digest)
    assert (
        "- Overdue since Fri 20 Nov 2026: application — Follow up: Head of Operations at "
        "Fintech Ltd\n"
    ) in text
    assert "- Tue 1 Dec 2026: application — Follow up: Chief of Staff\n" in text
    assert "VP Operations" not in text  # after the week
    assert "Operations Lead" not in text  # ended


def test_the_calendar_has_each_follow_up_on_its_day(story: Workspace, clock: FixedClock) -> None:
    add_applications(story, clock)
    found = follow_ups(story, clock)
    assert {title: event.decoded("DTSTART") for title, event in found.items()} == {
        "Head of Operations": OVERDUE,
        "COO": THIS_WEEK,
        "Chief of Staff": LAST_DAY,
        "VP Operations": AFTER,
        "Operations Lead": THIS_WEEK,
    }
    assert {title: str(event["STATUS"]) for title, event in found.items()} == {
        "Head of Operations": "CONFIRMED",
        "COO": "CONFIRMED",
        "Chief of Staff": "CONFIRMED",
        "VP Operations": "CONFIRMED",
        "Operations Lead": "CANCELLED",  # ended: a calendar that had it drops it
    }
    assert str(found["COO"]["SUMMARY"]) == "Follow up: COO at Acme «Labs»"


def test_a_follow_up_keeps_its_event_through_a_move_and_is_cancelled_when_it_ends(
    story: Workspace, clock: FixedClock
) -> None:
    ids = add_applications(story, clock)
    before = follow_ups(story, clock)["COO"]
    with story.unit() as uow:
        edit_application(uow, clock, ids["COO"], follow_up=date(2026, 12, 3))
    edited = follow_ups(story, clock)["COO"]
    assert str(edited["UID"]) == str(before["UID"])
    assert edited.decoded("DTSTART") == date(2026, 12, 3)
    assert edited.decoded("SEQUENCE") == before.decoded("SEQUENCE") + 1
    with story.unit() as uow:
        move_application(uow, NEXT_DAY, ids["COO"], Stage.REJECTED)
    ended = follow_ups(story, NEXT_DAY)["COO"]
    assert str(ended["UID"]) == str(before["UID"])
    assert str(ended["STATUS"]) == "CANCELLED"
    assert ended.decoded("DTSTART") == date(2026, 11, 26)
    assert ended.decoded("SEQUENCE") == edited.decoded("SEQUENCE") + 1


def test_the_calendar_feed_serves_the_follow_ups(story: Workspace, clock: FixedClock) -> None:
    add_applications(story, clock)
    with story.unit() as uow:
        token = enable_feed(uow)
    served = feed_calendar(story, clock, token)
    assert served is not None
    summaries = {
        str(event["SUMMARY"]) for event in icalendar.Calendar.from_ical(served).walk("VEVENT")
    }
    assert "Follow up: Head of Operations at Fintech Ltd" in summaries


def test_a_restored_plans_follow_ups_are_the_same_calendar_events(
    story: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    add_applications(story, clock)
    restore(empty, clock, backup_of(story, clock))
    original = {title: str(event["UID"]) for title, event in follow_ups(story, clock).items()}
    restored = {title: str(event["UID"]) for title, event in follow_ups(empty, clock).items()}
    assert restored == original
    assert len(set(original.values())) == 5
