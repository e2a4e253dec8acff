"""Where each goal stands: progress set against the share of its time already gone, rolled up
to the dream job; and when the next review falls on the person's rhythm.

Pure functions of the goals, the person's latest review entries and `today`."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from careerplan.domain.dates import add_months
from careerplan.domain.entities import (
    Goal,
    GoalStatus,
    Horizon,
    Preferences,
    Review,
    ReviewCadence,
    ReviewEntry,
)
from careerplan.domain.errors import InvalidInput
from careerplan.domain.rules import progress_by_goal


class Standing(enum.StrEnum):
    """A goal's status on the way to its due date.

    `no deadline` exists because a goal without a due date (often a repeating habit) has no
    elapsed time to measure against: calling it on track or behind would be invented. There is
    no `not started`: a goal with nothing recorded counts as 0 % done, so it is on track while
    its time is young and behind once the time has gone, which is the honest answer."""

    DONE = "done"
    ON_TRACK = "on track"
    AT_RISK = "at risk"
    BEHIND = "behind"
    NO_DEADLINE = "no deadline"

    @property
    def needs_attention(self) -> bool:
        return self in (Standing.AT_RISK, Standing.BEHIND)


# Worst first: the plan takes the worst standing among its top-level goals.
SEVERITY = (Standing.BEHIND, Standing.AT_RISK, Standing.ON_TRACK, Standing.DONE)

# Progress may trail the share of time gone by up to 10 points and still be on track: progress
# comes in lumps (a course finished, a job landed), not as a smooth line, so a small lag is
# normal. Up to 25 points behind is a warning worth a look at the next review; more than that
# needs a changed plan (more hours, a later date, a smaller goal).
ON_TRACK_LAG = 0.10
AT_RISK_LAG = 0.25
# A person who rates their confidence 1 or 2 of 5 expects to miss; the figures may not show it
# yet, so such a goal is at least "at risk".
LOW_CONFIDENCE = 2


@dataclass(frozen=True, slots=True)
class GoalStanding:
    goal_id: int
    standing: Standing
    progress: float  # 0..1
    expected: float | None  # the share of the time gone, 0..1; None without a due date
    reason: str


def started(stamp: datetime | None) -> date | None:
    """The day a goal was set. Times are stored in UTC and PostgreSQL returns them in the
    server's zone, so both databases are read as UTC days."""
    if stamp is None:
        return None
    return (stamp.astimezone(UTC) if stamp.tzinfo else stamp).date()


def elapsed_share(start: date, due: date, today: date) -> float:
    """How much of the time from `start` to `due` has gone by `today`, 0..1."""
    span = (due - start).days
    if span <= 0:
        return 1.0 if today >= due else 0.0
    return min(1.0, max(0.0, (today - start).days / span))


def judge(
    progress: float,
    start: date,
    due: date | None,
    today: date,
    confidence: int | None = None,
    *,
    done: bool = False,
) -> tuple[Standing, float | None, str]:
    """The standing of one goal, the share of time gone, and a sentence that says why."""
    done_text = f"{round(progress * 100)}% done"
    if done:
        return Standing.DONE, None, "marked done"
    if due is None:
        return Standing.NO_DEADLINE, None, f"{done_text}, no due date to measure against"
    if today > due:
        return Standing.BEHIND, 1.0, f"{done_text}, the due date {due.isoformat()} has passed"
    expected = elapsed_share(start, due, today)
    # Rounded to whole points so a reading of 39.999 % is not judged apart from 40 %.
    lag = round((expected - progress) * 100) / 100
    reason = f"{done_text}, {round(expected * 100)}% of the time gone"
    if lag <= ON_TRACK_LAG:
        standing = Standing.ON_TRACK
    elif lag <= AT_RISK_LAG:
        standing = Standing.AT_RISK
    else:
        standing = Standing.BEHIND
    if standing is Standing.ON_TRACK and confidence is not None and confidence <= LOW_CONFIDENCE:
        standing = Standing.AT_RISK
        reason += f", confidence {confidence} of 5"
    return standing, expected, reason


def latest_entries(reviews: Iterable[Review]) -> dict[int, ReviewEntry]:
    """Each goal's entry in the most recent review that has one (by date, then by id): what the
    repositories' `latest_entries_by_goal` reads, for a plan already in memory."""
    latest: dict[int, ReviewEntry] = {}
    for review in sorted(reviews, key=lambda r: (r.held_on, r.id or 0)):
        for entry in sorted(review.entries, key=lambda e: e.id or 0):
            latest[entry.goal_id] = entry
    return latest


def review_estimates(latest: Mapping[int, ReviewEntry]) -> dict[int, float]:
    """The person's latest progress estimates, 0..1, for goals progress cannot be measured on."""
    return {
        ident: entry.progress / 100 for ident, entry in latest.items() if entry.progress is not None
    }


def goal_standings(
    goals: Iterable[Goal], latest: Mapping[int, ReviewEntry], today: date
) -> dict[int, GoalStanding]:
    """Every goal that is not dropped, judged. Progress rolls up children and measures; a goal
    with neither takes the person's latest review estimate."""
    goal_list = [g for g in goals if g.id is not None]
    progress = progress_by_goal(goal_list, review_estimates(latest))
    result: dict[int, GoalStanding] = {}
    for goal in goal_list:
        assert goal.id is not None
        if goal.status is GoalStatus.DROPPED:
            continue
        entry = latest.get(goal.id)
        standing, expected, reason = judge(
            progress.get(goal.id, 0.0),
            started(goal.created_at) or today,
            goal.due,
            today,
            entry.confidence if entry else None,
            done=goal.status is GoalStatus.DONE,
        )
        result[goal.id] = GoalStanding(
            goal.id, standing, progress.get(goal.id, 0.0), expected, reason
        )
    return result


def top_level(goals: Iterable[Goal]) -> list[Goal]:
    """The goals straight under the dream job (or, without one, the roots), not dropped."""
    live = [g for g in goals if g.status is not GoalStatus.DROPPED and g.id is not None]
    dream = {g.id for g in live if g.horizon is Horizon.LONG and g.parent_id is None}
    if dream:
        return [g for g in live if g.parent_id in dream]
    return [g for g in live if g.parent_id is None]


def plan_standing(goals: Iterable[Goal], standings: Mapping[int, GoalStanding]) -> Standing:
    """The dream job's status: the worst of its top-level goals. Each of those few steps is
    needed for the dream job, so the plan is only as on track as its weakest one. Goals without
    a due date do not count unless nothing else does."""
    goal_list = list(goals)
    for dream in goal_list:
        own = standings.get(dream.id) if dream.id is not None else None
        if own is None or dream.horizon is not Horizon.LONG or dream.parent_id is not None:
            continue
        # Reached, or its own date has passed without it: the steps no longer decide.
        past_due = own.standing is Standing.BEHIND and own.expected == 1.0
        if own.standing is Standing.DONE or past_due:
            return own.standing
    found = [
        standings[g.id] for g in top_level(goal_list) if g.id is not None and g.id in standings
    ]
    judged = [s.standing for s in found if s.standing is not Standing.NO_DEADLINE]
    if not judged:
        return Standing.NO_DEADLINE
    return min(judged, key=SEVERITY.index)


def _nearest_weekday(around: date, weekday: int) -> date:
    """The day with `weekday` within three days either side of `around`."""
    first = around - timedelta(days=3)
    return first + timedelta(days=(weekday - first.weekday()) % 7)


def next_review(preferences: Preferences, last_held_on: date | None, today: date) -> date:
    """When the next review is due. Before the first one: the preferred weekday, today or
    after. Then one period after the last, moved to the nearest preferred weekday, so the
    rhythm stays on that day even when a review was held a day early or late. The answer may
    be in the past: the review is overdue."""
    weekday = preferences.review_weekday
    if last_held_on is None:
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    cadence = preferences.review_cadence
    if cadence is ReviewCadence.WEEKLY:
        target = last_held_on + timedelta(days=7)
    elif cadence is ReviewCadence.MONTHLY:
        target = add_months(last_held_on, 1)
    else:
        target = add_months(last_held_on, 3)
    return _nearest_weekday(target, weekday)


def review_is_due(next_on: date, today: date) -> bool:
    return next_on <= today


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_name(weekday: int) -> str:
    return WEEKDAYS[weekday].capitalize()


def parse_weekday(text: str) -> int:
    """`fri`, `Friday` or `4` (0 is Monday) as a weekday number."""
    cleaned = text.strip().lower()
    if cleaned.isdigit() and int(cleaned) < 7:
        return int(cleaned)
    if len(cleaned) >= 2:
        for number, name in enumerate(WEEKDAYS):
            if name.startswith(cleaned):
                return number
    raise InvalidInput(
        f"'{text}' is not a weekday. Use a name such as fri or friday, or 0 (Monday) to 6."
    )
