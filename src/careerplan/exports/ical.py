"""The plan as an iCalendar file (RFC 5545): goal deadlines and one-off actions as all-day events,
repeating actions with their RRULE, the review rhythm as one repeating event, and each open
application's follow-up on its day, each with an alarm `reminder_days` before it (a repeating
action's rings on its own day).

Every item keeps its UID across exports, so importing a newer file updates events instead of
adding copies; SEQUENCE rises with the record's version so calendars accept the update. A goal's
or action's UID is built from its uid, a uuid4 that a JSON backup and restore keep while they
renumber ids (`goal-6f1c7b0e-0d5e-4c8a-9d6b-2a3f4e5d6c7b@careerplan`; being random, it needs no
owner to stay apart from other people's). An application's follow-up is built the same way from
the application's uid (`follow-up-<uid>@careerplan`). The review rhythm, one per person, is
`review-rhythm-p1@careerplan` (the owner's id).

Finished items (a done or dropped goal, a done action, an action of a finished goal, the follow-up
of an application that has ended or no longer has one) are kept with STATUS:CANCELLED and no
alarm rather than left out: a calendar that imported an earlier file would
otherwise keep the stale deadline and its alarm for ever, since leaving an event out of a later
file deletes nothing there. Subscribed calendars show cancelled events struck through or hide them.

All events are all-day (dates, no time zone): a deadline is a day, and a day means the same
wherever the calendar is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from careerplan.domain import recurrence
from careerplan.domain.entities import Action, Goal, GoalStatus, Preferences, ReviewCadence
from careerplan.domain.follow_ups import follow_up_text
from careerplan.domain.job_search import Application
from careerplan.domain.schedule import repeat_anchor
from careerplan.domain.smart_notation import LEGEND
from careerplan.domain.status import next_review
from careerplan.exports.ical_lines import ContentLines, moment
from careerplan.exports.outline import measure_words, repeat_in_words, smart_letters
from careerplan.exports.snapshot import PlanSnapshot

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


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One all-day event (a series when it has a rule)."""

    uid: str
    summary: str
    start: date
    description: str
    sequence: int
    kind: str  # goal, action, review or follow-up: the event's category
    cancelled: bool = False
    alarm_days: int = 0  # how many days before it the alarm rings (none when cancelled)
    rule: str | None = None
    created: datetime | None = None
    modified: datetime | None = None


def render(snapshot: PlanSnapshot) -> bytes:
    lines = ContentLines()
    lines.begin("VCALENDAR")
    lines.raw("VERSION", "2.0")
    lines.text("PRODID", PRODUCT)
    lines.raw("CALSCALE", "GREGORIAN")
    lines.raw("METHOD", "PUBLISH")
    profile = snapshot.profile
    lines.text(
        "X-WR-CALNAME",
        f"Career plan of {profile.name}" if profile and profile.name else "Career plan",
    )
    lines.text(
        "X-WR-CALDESC", "Deadlines, repeating actions, reviews and follow-ups from careerplan."
    )
    lines.duration("REFRESH-INTERVAL", REFRESH, ";VALUE=DURATION")
    lines.duration("X-PUBLISHED-TTL", REFRESH)
    stamp = moment(snapshot.exported_at)
    for event in events(snapshot):
        _write(lines, event, stamp)
    lines.end("VCALENDAR")
    return lines.to_ical()


def events(snapshot: PlanSnapshot) -> list[CalendarEvent]:
    goals = {goal.id: goal for goal in snapshot.goals}
    found = [_goal_event(snapshot, goal, goals) for goal in snapshot.goals if goal.due]
    for action in snapshot.actions:
        goal = goals.get(action.goal_id)
        event = _action_event(snapshot, action, goal) if goal is not None else None
        if event is not None:
            found.append(event)
    found.append(_review_event(snapshot))
    people = {resource.id: resource.name for resource in snapshot.resources}
    for application in snapshot.applications:
        follow_up = _follow_up_event(snapshot, application, people)
        if follow_up is not None:
            found.append(follow_up)
    return found


def uid(kind: str, ident: object, owner_id: int) -> str:
    return f"{kind}-{ident}-p{owner_id}@{UID_DOMAIN}"


def record_uid(kind: str, record: Goal | Action | Application, owner_id: int) -> str:
    """The UID of a goal's, action's or application's event. Stored records always have a uid;
    one built in memory and never stored may not, and then its id stands in."""
    if record.uid is None:
        return uid(kind, record.id, owner_id)
    return f"{kind}-{record.uid}@{UID_DOMAIN}"


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


def _write(lines: ContentLines, event: CalendarEvent, stamp: str) -> None:
    summary = _summary(event.summary)
    lines.begin("VEVENT")
    lines.text("UID", event.uid)
    lines.raw("DTSTAMP", stamp)
    lines.text("SUMMARY", summary)
    lines.day("DTSTART", event.start)
    lines.day("DTEND", event.start + timedelta(days=1))
    if event.rule is not None:
        lines.rule("RRULE", event.rule)
    lines.raw("TRANSP", "TRANSPARENT")  # a deadline does not make the person busy all day
    lines.raw("SEQUENCE", str(max(0, event.sequence)))
    lines.raw("STATUS", "CANCELLED" if event.cancelled else "CONFIRMED")
    lines.text("DESCRIPTION", event.description)
    lines.texts("CATEGORIES", ("careerplan", event.kind))
    if event.created is not None:
        lines.moment("CREATED", event.created)
    if event.modified is not None:
        lines.moment("LAST-MODIFIED", event.modified)
    if not event.cancelled:
        lines.begin("VALARM")
        lines.raw("ACTION", "DISPLAY")
        lines.text("DESCRIPTION", f"Reminder: {summary}")
        lines.duration("TRIGGER", timedelta(days=-event.alarm_days, hours=ALARM_HOUR))
        lines.end("VALARM")
    lines.end("VEVENT")


def _goal_event(snapshot: PlanSnapshot, goal: Goal, goals: dict[int | None, Goal]) -> CalendarEvent:
    assert goal.due is not None
    finished = goal.status is not GoalStatus.ACTIVE
    lines = [goal.text]
    if goal.horizon is not None:
        lines.append(f"Horizon: {goal.horizon.label}")
    letters = smart_letters(goal)
    if letters:
        # A calendar shows one event at a time, so each event carries the legend itself.
        lines += [f"S.M.A.R.T.: {letters}", LEGEND]
    if goal.measure is not None:
        lines.append(f"Measure: {measure_words(goal.measure)}")
    parent = goals.get(goal.parent_id)
    if parent is not None:
        lines.append(f"Towards: {parent.text}")
    if finished:
        lines.append(f"This goal is {goal.status.value}.")
    label = "Dream job target" if goal.horizon is not None and goal.horizon.months is None else ""
    return CalendarEvent(
        uid=record_uid("goal", goal, snapshot.owner_id),
        summary=f"{label or 'Goal due'}: {goal.text}",
        start=goal.due,
        description="\n".join(lines),
        sequence=goal.version - 1,
        kind="goal",
        cancelled=finished,
        alarm_days=snapshot.preferences.reminder_days,
        created=goal.created_at,
        modified=goal.updated_at,
    )


def _action_event(snapshot: PlanSnapshot, action: Action, goal: Goal) -> CalendarEvent | None:
    """A repeating action from the day `careerplan today` counts its repeats from; a one-off
    action on its due date; None for a one-off action with no date, or a rule that has ended
    (or that the checks on the way in would have refused)."""
    lines = [action.text, f"For the goal: {goal.text}"]
    start = action.due
    if action.repeat:
        anchor = repeat_anchor(action)
        try:
            # The first day the rule falls on: RFC 5545 counts DTSTART as an occurrence even
            # when the rule would not, so starting anywhere else adds a day the app never asks.
            start = recurrence.next_occurrence(action.repeat, anchor, anchor)
            from icalendar import vRecur

            vRecur.from_ical(action.repeat)
        except (ValueError, TypeError):
            return None
        lines.insert(1, f"Repeats {repeat_in_words(action.repeat)}")
    if start is None:
        return None
    return CalendarEvent(
        uid=record_uid("action", action, snapshot.owner_id),
        summary=action.text if action.repeat else f"Action due: {action.text}",
        start=start,
        description="\n".join(lines),
        # Either record changing changes the event (a dropped goal cancels its actions).
        sequence=(action.version - 1) + (goal.version - 1),
        kind="action",
        cancelled=action.done or goal.status is not GoalStatus.ACTIVE,
        # The reminder days are for deadlines and reviews; a habit's alarm rings on its day,
        # since a day ahead of a daily action would ring on the day of the one before.
        alarm_days=0 if action.repeat else snapshot.preferences.reminder_days,
        rule=action.repeat,
        created=action.created_at,
    )


def _follow_up_event(
    snapshot: PlanSnapshot, application: Application, people: dict[int | None, str]
) -> CalendarEvent | None:
    """An open application's follow-up on its day. One that has been sent but owes no follow-up
    now (it ended, or the follow-up was cleared) had one once: its event is cancelled, on the
    day of its latest stage, so a calendar that holds the follow-up drops it. An application
    never sent and without a follow-up has no event."""
    start = application.follow_up
    ended = application.stage.closed
    if start is None:
        if application.applied_on is None:
            return None
        start = application.history[-1].on
    lines = [follow_up_text(application), f"Stage: {application.stage.label}"]
    if application.applied_on is not None:
        lines.append(f"Applied on {application.applied_on.isoformat()}")
    contacts = [people[ident] for ident in application.contact_ids if ident in people]
    if contacts:
        lines.append("Contacts: " + ", ".join(contacts))
    if ended:
        lines.append(f"This application has ended ({application.stage.label}).")
    return CalendarEvent(
        uid=record_uid("follow-up", application, snapshot.owner_id),
        summary=follow_up_text(application),
        start=start,
        description="\n".join(lines),
        sequence=application.version - 1,
        kind="follow-up",
        cancelled=ended or application.follow_up is None,
        alarm_days=snapshot.preferences.reminder_days,
        created=application.created_at,
        modified=application.updated_at,
    )


def _review_event(snapshot: PlanSnapshot) -> CalendarEvent:
    preferences = snapshot.preferences
    held = [review.held_on for review in snapshot.reviews]
    first = next_review(preferences, max(held, default=None), snapshot.today)
    return CalendarEvent(
        uid=uid("review", "rhythm", snapshot.owner_id),
        summary=f"{preferences.review_cadence.value.capitalize()} career plan review",
        start=first,
        description=(
            "Go through each active goal: record progress and confidence, look at its "
            "S.M.A.R.T. report again, adjust or drop it, and note what went well and what got "
            "in the way. Open the review page, or run careerplan review on the command line."
        ),
        # The series moves when the rhythm changes or after each review held.
        sequence=(preferences.version - 1) + len(held),
        kind="review",
        alarm_days=preferences.reminder_days,
        rule=review_rule(preferences, first),
    )
