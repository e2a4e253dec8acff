"""The snapshot the exports render: read in one transaction, with what the exports may not look
up themselves (the schema revision, the person's day) handed in by the reader."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
from tests.exports.readers import pdf_text

from careerplan.services.clock import FixedClock
from careerplan.services.exporting import export_plan, load_snapshot
from careerplan.services.workspace import Workspace
from careerplan.storage.schema_version import current_revision

SUNDAY = date(2026, 11, 29)


class SundayEvening:
    """Ten at night on Sunday where the person lives (UTC-5): already Monday in UTC. FixedClock
    cannot say this, since its day is always its moment's date."""

    def now(self) -> datetime:
        return datetime(2026, 11, 30, 3, 0, tzinfo=UTC)

    def today(self) -> date:
        return SUNDAY


def test_the_snapshot_carries_the_schema_revision_the_database_is_at(
    story: Workspace, clock: FixedClock
) -> None:
    with story.engine.connect() as connection:
        stamped = current_revision(connection)
    with story.unit() as uow:
        snapshot = load_snapshot(uow, clock)
    assert stamped is not None
    assert snapshot.schema_revision == stamped


def test_the_snapshot_day_is_the_clocks_today_not_the_utc_date(story: Workspace) -> None:
    with story.unit() as uow:
        snapshot = load_snapshot(uow, SundayEvening())
    assert (snapshot.today, snapshot.exported_at.date()) == (SUNDAY, date(2026, 11, 30))


def test_the_calendars_first_review_counts_from_the_persons_today(story: Workspace) -> None:
    calendar = icalendar.Calendar.from_ical(export_plan(story, SundayEvening(), "ics"))
    review = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("review-"))
    # Reviews fall on Sundays: this one is due tonight, not next week as the UTC date would say.
    assert review.decoded("DTSTART") == SUNDAY
    # The stamp of the calendar itself stays the UTC moment.
    assert review.decoded("DTSTAMP") == datetime(2026, 11, 30, 3, 0, tzinfo=UTC)


def test_the_written_plan_is_dated_the_persons_today(story: Workspace) -> None:
    markdown = export_plan(story, SundayEvening(), "markdown").decode("utf-8")
    assert markdown.splitlines()[2] == "Exported 29 Nov 2026."


def test_the_commitment_card_is_dated_the_persons_today(story: Workspace) -> None:
    assert pdf_text(export_plan(story, SundayEvening(), "card")).startswith("29 Nov 2026 ")
