"""The plan as an iCalendar file (RFC 5545): goal deadlines and one-off actions as all-day events,
repeating actions with their RRULE, and the review rhythm as one repeating event, each with an
alarm `reminder_days` before it (a repeating action's rings on its own day).

Every item keeps its UID across exports (`goal-3-p1@careerplan`: the kind, the record's id and the
owner's id, so two people's items never collide), so importing a newer file updates events instead
of adding copies; SEQUENCE rises with the record's version so calendars accept the update.

Finished items (a done or dropped goal, a done action, an action of a finished goal) are kept with
STATUS:CANCELLED and no alarm rather than left out: a calendar that imported an earlier file would
otherwise keep the stale deadline and its alarm for ever, since leaving an event out of a later
file deletes nothing there. Subscribed calendars show cancelled events struck through or hide them.

All events are all-day (dates, no time zone): a deadline is a day, and a day means the same
wherever the calendar is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from careerplan.domain import recurrence
from careerplan.domain.entities import Action, Goal, GoalStatus, Preferences, ReviewCadence
from careerplan.domain.status import next_review
from careerplan.exports.outline import measure_words, repeat_in_words, smart_letters
from careerplan.exports.snapshot import PlanSnapshot
from careerplan.services.actions import _anchor as repeat_anchor

if TYPE_CHECKING:
    from icalendar import Event

PRODUCT = "-//careerplan//careerplan plan//EN"
UID_DOMAIN = "careerplan"
MAX_SUMMARY = 120
# Alarms ring at 9:00 on the day `reminder_days` before the event: a trigger of whole days
# before an all-day event would ring at midnight.
ALARM_HOUR = 9
# Subscribed calendars are asked to look for changes this often.
REFRESH = timedelta(hours=6)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_PERIOD_MONTHS = {ReviewCadence.MONTHLY: 1, ReviewCadence.QUARTERLY: 3}


def render(snapshot: PlanSnapshot) -> bytes:
    from icalendar import Calendar, vDuration

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    profile = snapshot.profile
    name = f"Career plan of {profile.name}" if profile and profile.name else "Career plan"
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", "Deadlines, repeating actions and reviews from careerplan.")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    goals = {goal.id: goal for goal in snapshot.goals}
    for goal in snapshot.goals:
        if goal.due is not None:
            calendar.add_component(_goal_event(snapshot, goal, goals))
    for action in snapshot.actions:
        owner = goals.get(action.goal_id)
        event = _action_event(snapshot, action, owner) if owner is not None else None
        if event is not None:
            calendar.add_component(event)
    calendar.add_component(_review_event(snapshot))
    return bytes(calendar.to_ical())


def uid(kind: str, ident: object, owner_id: int) -> str:
    return f"{kind}-{ident}-p{owner_id}@{UID_DOMAIN}"


def review_rule(preferences: Preferences, first: date) -> str:
    """The review rhythm as an RRULE whose first occurrence is `first` (the next review).

    Weekly: that weekday every week. Monthly and quarterly: the same weekday of the same week of
    the month (the 2nd Sunday, or the last one), every one or three months; the app plans a
    review a period after the last one on the nearest such weekday, which this follows."""
    weekday = _WEEKDAYS[preferences.review_weekday]
    if preferences.review_cadence is ReviewCadence.WEEKLY:
        return f"FREQ=WEEKLY;BYDAY={weekday}"
    week = (first.day - 1) // 7 + 1
    if week == 5:
        week = -1  # a fifth Sunday is missing from most months; the last one never is
    interval = _PERIOD_MONTHS[preferences.review_cadence]
    spacing = f";INTERVAL={interval}" if interval > 1 else ""
    return f"FREQ=MONTHLY{spacing};BYDAY={week}{weekday}"


def _summary(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MAX_SUMMARY else line[: MAX_SUMMARY - 1].rstrip() + "…"


def _utc(stamp: datetime) -> datetime:
    # SQLite hands times back without a zone; they were stored in UTC.
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def _all_day(
    snapshot: PlanSnapshot,
    ident: str,
    summary: str,
    start: date,
    *,
    description: str,
    sequence: int,
    cancelled: bool = False,
    days_ahead: int | None = None,
) -> Event:
    """An all-day event with an alarm `days_ahead` days before it (the person's reminder days
    when None); a cancelled event has none."""
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", ident)
    event.add("dtstamp", _utc(snapshot.exported_at))
    event.add("summary", _summary(summary))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a deadline does not make the person busy all day
    event.add("sequence", max(0, sequence))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("description", description)
    if not cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Reminder: {_summary(summary)}")
        days = snapshot.preferences.reminder_days if days_ahead is None else days_ahead
        alarm.add("trigger", timedelta(days=-days, hours=ALARM_HOUR))
        event.add_component(alarm)
    return event


def _goal_event(snapshot: PlanSnapshot, goal: Goal, goals: dict[int | None, Goal]) -> Event:
    assert goal.due is not None
    finished = goal.status is not GoalStatus.ACTIVE
    lines = [goal.text]
    if goal.horizon is not None:
        lines.append(f"Horizon: {goal.horizon.label}")
    letters = smart_letters(goal)
    if letters:
        lines.append(f"S.M.A.R.T.: {letters}")
    if goal.measure is not None:
        lines.append(f"Measure: {measure_words(goal.measure)}")
    parent = goals.get(goal.parent_id)
    if parent is not None:
        lines.append(f"Towards: {parent.text}")
    if finished:
        lines.append(f"This goal is {goal.status.value}.")
    label = "Dream job target" if goal.horizon is not None and goal.horizon.months is None else ""
    event = _all_day(
        snapshot,
        uid("goal", goal.id, snapshot.owner_id),
        f"{label or 'Goal due'}: {goal.text}",
        goal.due,
        description="\n".join(lines),
        sequence=goal.version - 1,
        cancelled=finished,
    )
    event.add("categories", ["careerplan", "goal"])
    if goal.created_at is not None:
        event.add("created", _utc(goal.created_at))
    if goal.updated_at is not None:
        event.add("last-modified", _utc(goal.updated_at))
    return event


def _action_event(snapshot: PlanSnapshot, action: Action, goal: Goal) -> Event | None:
    """A repeating action from the day `careerplan today` counts its repeats from; a one-off
    action on its due date; None for a one-off action with no date, or a rule that has ended."""
    from icalendar import vRecur

    cancelled = action.done or goal.status is not GoalStatus.ACTIVE
    lines = [action.text, f"For the goal: {goal.text}"]
    if action.repeat:
        # The first day the rule falls on: RFC 5545 counts DTSTART as an occurrence even when
        # the rule would not, so starting anywhere else would add a day the app never asks for.
        anchor = repeat_anchor(action)
        try:
            start = recurrence.next_occurrence(action.repeat, anchor, anchor)
        except (ValueError, TypeError):
            return None  # a rule the checks on the way in would have refused: nothing to show
        lines.insert(1, f"Repeats {repeat_in_words(action.repeat)}")
        summary = action.text
    else:
        start = action.due
        summary = f"Action due: {action.text}"
    if start is None:
        return None
    event = _all_day(
        snapshot,
        uid("action", action.id, snapshot.owner_id),
        summary,
        start,
        description="\n".join(lines),
        # Either record changing changes the event (a dropped goal cancels its actions).
        sequence=(action.version - 1) + (goal.version - 1),
        cancelled=cancelled,
        # The reminder days are for deadlines and reviews; a habit's alarm rings on its day,
        # since a day ahead of a daily action would ring on the day of the one before.
        days_ahead=0 if action.repeat else None,
    )
    if action.repeat:
        event.add("rrule", vRecur.from_ical(action.repeat))
    event.add("categories", ["careerplan", "action"])
    if action.created_at is not None:
        event.add("created", _utc(action.created_at))
    return event


def _review_event(snapshot: PlanSnapshot) -> Event:
    from icalendar import vRecur

    preferences = snapshot.preferences
    held = [review.held_on for review in snapshot.reviews]
    first = next_review(preferences, max(held, default=None), snapshot.exported_at.date())
    cadence = preferences.review_cadence.value
    event = _all_day(
        snapshot,
        uid("review", "rhythm", snapshot.owner_id),
        f"{cadence.capitalize()} career plan review",
        first,
        description=(
            "Go through each active goal: record progress and confidence, look at its "
            "S.M.A.R.T. report again, adjust or drop it, and note what went well and what got "
            "in the way. Run `careerplan review` or open the review page."
        ),
        # The series moves when the rhythm changes or after each review held.
        sequence=(preferences.version - 1) + len(held),
    )
    event.add("rrule", vRecur.from_ical(review_rule(preferences, first)))
    event.add("categories", ["careerplan", "review"])
    return event
