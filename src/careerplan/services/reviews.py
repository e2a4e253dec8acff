"""Reviews (step 5, revisit the plan often): start one, record it in one transaction, read the
history, and set the rhythm and where the digest goes."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from careerplan.domain.bounds import check_day, check_number
from careerplan.domain.entities import (
    Decision,
    Goal,
    GoalStatus,
    Preferences,
    Review,
    ReviewCadence,
    ReviewEntry,
)
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy, StaleEdit
from careerplan.domain.rules import MAX_NOTE, clean_optional, depth_first
from careerplan.domain.status import GoalStanding
from careerplan.services.clock import Clock
from careerplan.services.goals import check_in, edit_goal, set_status
from careerplan.services.review_status import PlanStatus, is_dream_job, plan_status

if TYPE_CHECKING:
    from careerplan.services.smart import SmartSettings
    from careerplan.storage.unit_of_work import UnitOfWork

# Reminders a month ahead at most: further out, a reminder is a plan of its own.
MAX_REMINDER_DAYS = 30
# A measure's new target: a count or amount to reach, never below zero; past a trillion no plan
# needs (the API's numbers stop there too).
MAX_TARGET = 1e12
MAX_EMAIL = 254  # the longest address SMTP can carry
# One @, something either side, a dot in the domain, no spaces or characters that would let an
# address smuggle in another header.
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"\\]+@[^@\s<>()\[\],;:\"\\.]+(\.[^@\s<>()\[\],;:\"\\.]+)+$")


class StaleSettings(StaleEdit):
    def __init__(self, expected: int, actual: int) -> None:
        DomainRefusal.__init__(
            self,
            f"Your review settings were changed elsewhere (you edited version {expected}, they "
            f"are now version {actual}). Nothing was saved: show them again and repeat your "
            "change.",
        )
        self.expected = expected
        self.actual = actual


@dataclass
class ReviewItem:
    """One active goal as a review shows it."""

    goal: Goal
    depth: int
    standing: GoalStanding
    latest: ReviewEntry | None

    @property
    def report(self) -> dict[str, Any] | None:
        return self.goal.smart_report

    @property
    def suggestions(self) -> list[str]:
        found = (self.report or {}).get("suggestions") or []
        return [str(item) for item in found] if isinstance(found, list) else []

    @property
    def progress_percent(self) -> int:
        return round(self.standing.progress * 100)


@dataclass
class ReviewDraft:
    today: date
    cadence: ReviewCadence
    items: list[ReviewItem]
    status: PlanStatus


@dataclass
class EntryInput:
    """What a review decided for one goal. `version` is the goal's version the person saw;
    `text`, `due` and `target` (the measure's new target) go with `adjust`; `measure_current`
    updates the goal's measure."""

    goal_id: int
    progress: float | None = None
    confidence: int | None = None
    decision: Decision = Decision.KEEP
    note: str = ""
    version: int | None = None
    text: str | None = None
    due: date | None = None
    measure_current: float | None = None
    target: float | None = None

    @property
    def adjustments(self) -> bool:
        return self.text is not None or self.due is not None or self.target is not None


@dataclass
class ReviewInput:
    entries: list[EntryInput] = field(default_factory=list)
    went_well: str = ""
    got_in_the_way: str = ""
    held_on: date | None = None


@dataclass
class RecordedReview:
    review: Review
    warnings: list[str]


def start_review(uow: UnitOfWork, clock: Clock) -> ReviewDraft:
    """The active goals in tree order (the dream job aside: its progress is its goals'), each
    with its status, progress, latest review entry and stored S.M.A.R.T. report."""
    status = plan_status(uow, clock.today())
    items = [
        ReviewItem(goal, depth, status.standings[goal.id], status.latest.get(goal.id))
        for depth, goal in depth_first(uow.goals.all())
        if goal.id is not None and goal.status is GoalStatus.ACTIVE and not is_dream_job(goal)
    ]
    return ReviewDraft(clock.today(), status.preferences.review_cadence, items, status)


def _check_entry(entry: EntryInput, goal: Goal) -> ReviewEntry:
    where = f"Goal {entry.goal_id}"
    if goal.status is not GoalStatus.ACTIVE:
        raise DomainRefusal(f"{where} is {goal.status.value}; a review covers active goals.")
    if is_dream_job(goal):
        raise DomainRefusal(
            f"{where} is the dream job itself; its progress comes from the goals under it."
        )
    if entry.version is not None and entry.version != goal.version:
        raise StaleEdit("goal", entry.goal_id, entry.version, goal.version)
    if entry.progress is not None and not 0 <= entry.progress <= 100:
        raise InvalidInput(
            f"{where}: progress is a percentage from 0 to 100; got {entry.progress:g}."
        )
    if entry.confidence is not None and not 1 <= entry.confidence <= 5:
        raise InvalidInput(
            f"{where}: confidence is from 1 (not at all) to 5 (certain); got {entry.confidence}."
        )
    if entry.adjustments and entry.decision is not Decision.ADJUST:
        raise InvalidInput(
            f"{where}: new wording, a new due date or a new target goes with the decision "
            f"'adjust', not '{entry.decision.value}'."
        )
    if entry.measure_current is not None:
        check_number(entry.measure_current, f"{where}: the measure's value", "measure_current")
    if entry.measure_current is not None and goal.measure is None:
        raise InvalidInput(
            f"{where} has no measure to update.",
            field="measure_current",
            hint=Hint(Remedy.SET_MEASURE, str(goal.id)),
        )
    if entry.target is not None:
        _check_target(entry.target, goal, where)
    return ReviewEntry(
        goal_id=entry.goal_id,
        progress=entry.progress,
        confidence=entry.confidence,
        decision=entry.decision,
        note=clean_optional(entry.note, f"note on goal {entry.goal_id}", MAX_NOTE),
    )


def clean_target(target: float, what: str = "The new target") -> float:
    """A measure's new target as a review may set it, or a message saying what it may be."""
    if not math.isfinite(target) or not 0 <= target <= MAX_TARGET:
        raise InvalidInput(f"{what} is a number from 0 to {MAX_TARGET:,.0f}; got {target:g}.")
    return target


def _check_target(target: float, goal: Goal, where: str) -> None:
    if goal.measure is None:
        raise InvalidInput(
            f"{where} has no measure, so there is no target to change.",
            field="target",
            hint=Hint(Remedy.SET_MEASURE, str(goal.id)),
        )
    clean_target(target, f"{where}: the new target")


def record_review(
    uow: UnitOfWork, clock: Clock, data: ReviewInput, smart: SmartSettings | None = None
) -> RecordedReview:
    """Save a review and apply its decisions, all in the caller's one transaction: `drop` and
    `done` close the goal, `adjust` rewords it, re-dates it or moves its measure's target (one
    edit, checked again), a measure's value is recorded as a check-in. Any refusal leaves
    nothing saved."""
    today = clock.today()
    held_on = check_day(data.held_on or today, "The review's date", "held_on")
    if held_on > today:
        raise InvalidInput(
            f"A review records what happened; {held_on.isoformat()} is in the future."
        )
    went_well = clean_optional(data.went_well, "answer to what went well", MAX_NOTE)
    in_the_way = clean_optional(data.got_in_the_way, "answer to what got in the way", MAX_NOTE)
    if not data.entries and not went_well and not in_the_way:
        raise InvalidInput(
            "The review is empty: give progress for at least one goal, or say what went well "
            "or what got in the way."
        )
    seen: set[int] = set()
    entries: list[ReviewEntry] = []
    for entry in data.entries:
        if entry.goal_id in seen:
            raise InvalidInput(f"Goal {entry.goal_id} appears twice in the review; give it once.")
        seen.add(entry.goal_id)
        entries.append(_check_entry(entry, uow.goals.get(entry.goal_id)))
    preferences = uow.preferences.get()
    review = Review(
        held_on=held_on,
        cadence=preferences.review_cadence,
        went_well=went_well,
        got_in_the_way=in_the_way,
        entries=entries,
    )
    uow.reviews.add(review, clock.now())
    warnings: list[str] = []
    for entry in data.entries:
        warnings.extend(_apply(uow, clock, entry, smart))
    return RecordedReview(review, warnings)


def _current(uow: UnitOfWork, entry: EntryInput) -> float | None:
    measure = uow.goals.get(entry.goal_id).measure
    return measure.current if measure is not None else None


def _apply(
    uow: UnitOfWork,
    clock: Clock,
    entry: EntryInput,
    smart: SmartSettings | None,
) -> list[str]:
    """One goal's decision, through the goal services (so the S.M.A.R.T. report follows)."""
    warnings: list[str] = []
    if entry.measure_current is not None and entry.measure_current != _current(uow, entry):
        # The review form shows the measure's value; only a changed value is a check-in.
        check_in(uow, clock, entry.goal_id, value=entry.measure_current, note="Review")
    if entry.decision is Decision.ADJUST and entry.adjustments:
        result = edit_goal(
            uow,
            clock,
            entry.goal_id,
            text=entry.text,
            due=entry.due,
            target=entry.target,
            smart=smart,
        )
        warnings.extend(f"Goal {entry.goal_id}: {w}" for w in result.warnings)
    if entry.decision in (Decision.DONE, Decision.DROP):
        status = GoalStatus.DONE if entry.decision is Decision.DONE else GoalStatus.DROPPED
        result = set_status(uow, clock, entry.goal_id, status)
        warnings.extend(f"Goal {entry.goal_id}: {w}" for w in result.warnings)
    return warnings


def review_history(uow: UnitOfWork) -> list[Review]:
    """Every review, newest first."""
    return list(reversed(uow.reviews.all()))


def goal_texts(uow: UnitOfWork) -> dict[int, str]:
    """Goal wording by id, for history views (a review names goals by id)."""
    return {goal.id: goal.text for goal in uow.goals.all() if goal.id is not None}


def clean_email(text: str) -> str:
    """An address to send the digest to, or "" to stop sending it."""
    address = text.strip()
    if not address:
        return ""
    if len(address) > MAX_EMAIL or not address.isprintable() or not _EMAIL.match(address):
        shown = address if len(address) <= 80 else address[:77] + "..."
        raise InvalidInput(f"'{shown}' is not an e-mail address. Write it as name@example.org.")
    return address


def set_preferences(
    uow: UnitOfWork,
    *,
    cadence: ReviewCadence | None = None,
    weekday: int | None = None,
    reminder_days: int | None = None,
    email: str | None = None,
    expected_version: int | None = None,
) -> Preferences:
    """Change the review rhythm, the reminder and the digest address. With `expected_version`,
    a change made on a stale copy is refused."""
    preferences = uow.preferences.get()
    if expected_version is not None and expected_version != preferences.version:
        raise StaleSettings(expected_version, preferences.version)
    if weekday is not None and not 0 <= weekday <= 6:
        raise InvalidInput(f"The weekday is 0 (Monday) to 6 (Sunday); got {weekday}.")
    if reminder_days is not None and not 0 <= reminder_days <= MAX_REMINDER_DAYS:
        raise InvalidInput(
            f"Remind 0 to {MAX_REMINDER_DAYS} days before a review; got {reminder_days}."
        )
    if cadence is not None:
        preferences.review_cadence = cadence
    if weekday is not None:
        preferences.review_weekday = weekday
    if reminder_days is not None:
        preferences.reminder_days = reminder_days
    if email is not None:
        preferences.digest_email = clean_email(email)
    return uow.preferences.save(preferences)
