"""What is due when: overdue and upcoming items, repeating actions due now, and streaks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta

from careerplan.domain import recurrence
from careerplan.domain.entities import Action

# Streaks look back at most this far: three years of a daily habit is ~1,100 windows to check.
STREAK_LOOKBACK = timedelta(days=3 * 366)


@dataclass(frozen=True, slots=True)
class RepeatState:
    """Where a repeating action stands today."""

    current: date | None  # the occurrence whose window contains today
    next: date | None  # the next occurrence after today
    done_this_time: bool
    streak: int
    completions: int


def repeat_state(action: Action, anchor: date, today: date) -> RepeatState:
    """State of a repeating action that started on `anchor` (usually its creation date).

    Each occurrence opens a window that lasts until the next one; a completion inside a window
    counts for it. The streak is the run of completed windows ending with the latest one, where
    the open window does not break the streak until it has passed.
    """
    assert action.repeat is not None
    done_days = sorted({completion.done_on for completion in action.completions})
    current = recurrence.previous_occurrence(action.repeat, anchor, today)
    upcoming = recurrence.next_occurrence(action.repeat, anchor, today + timedelta(days=1))
    if current is None:
        return RepeatState(None, upcoming, False, 0, len(action.completions))
    first = max(anchor, current - STREAK_LOOKBACK)
    windows = recurrence.occurrences_between(action.repeat, anchor, first, current)
    ends = [*windows[1:], upcoming or date.max]
    completed = [
        _any_between(done_days, start, end) for start, end in zip(windows, ends, strict=True)
    ]
    done_now = completed[-1] if completed else False
    streak = 0
    index = len(completed) - 1
    if not done_now:
        index -= 1  # the open window may still be completed
    while index >= 0 and completed[index]:
        streak += 1
        index -= 1
    return RepeatState(current, upcoming, done_now, streak, len(action.completions))


def _any_between(days: Sequence[date], start: date, end: date) -> bool:
    return any(start <= day < end for day in days)


def week_end(today: date) -> date:
    """The last day of the coming seven days, today included."""
    return today + timedelta(days=6)


def repeat_anchor(action: Action) -> date:
    """Repeats count from the day the action was created (or its due date, if earlier).

    Times are stored in UTC; PostgreSQL hands them back in the server's time zone and SQLite
    without one, so both are read as UTC days, the same day whichever database holds them."""
    stamp = action.created_at
    if stamp is None:
        created = date.min
    elif stamp.tzinfo is None:
        created = stamp.date()
    else:
        created = stamp.astimezone(UTC).date()
    return min(created, action.due) if action.due else created
