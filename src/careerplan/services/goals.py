"""Goal actions: add, list, show, edit, finish, drop and move goals in the tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from careerplan.domain import recurrence
from careerplan.domain.bounds import check_day, check_number
from careerplan.domain.entities import Category, CheckIn, Goal, GoalStatus, Horizon, Measure
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy, StaleEdit
from careerplan.domain.repeat_words import describe
from careerplan.domain.rules import (
    check_new_parent,
    clean_optional,
    clean_text,
    date_warnings,
    default_due,
    depth_first,
    progress_by_goal,
)
from careerplan.services.clock import Clock
from careerplan.services.smart import SmartSettings, attach_report, check_text, wording_weakened

if TYPE_CHECKING:
    from careerplan.services.reads import PlanReads
    from careerplan.storage.unit_of_work import UnitOfWork


@dataclass
class GoalResult:
    """A goal after an action, with what is worth telling the person about it."""

    goal: Goal
    warnings: list[str] = field(default_factory=list)


@dataclass
class GoalRow:
    goal: Goal
    depth: int
    progress: float


@dataclass
class GoalDetail:
    goal: Goal
    progress: float
    parent: Goal | None
    children: list[Goal]
    checkins: list[CheckIn]
    warnings: list[str]


def _target_date(uow: UnitOfWork) -> date | None:
    vision = uow.visions.get()
    return vision.target_date if vision else None


def _parent(uow: UnitOfWork, parent_id: int | None) -> Goal | None:
    if parent_id is None:
        return None
    parent = uow.goals.get(parent_id)
    if parent.status is GoalStatus.DROPPED:
        raise DomainRefusal(f"Goal {parent_id} was dropped; choose an active goal as the parent.")
    return parent


def _measure(
    metric: str | None, target: float | None, unit: str, baseline: float | None
) -> Measure | None:
    if metric is None and target is None:
        return None
    if target is None:
        raise InvalidInput("A measure needs a target: the number to reach.", field="target")
    check_number(target, "The target", "target")
    if baseline is not None:
        check_number(baseline, "The starting value", "baseline")
    name = clean_text(metric or "progress", "metric name", 200)
    return Measure(
        metric=name,
        target=target,
        unit=clean_optional(unit, "unit", 50, field="unit"),
        baseline=baseline or 0.0,
    )


def add_goal(
    uow: UnitOfWork,
    clock: Clock,
    *,
    text: str,
    parent_id: int | None = None,
    horizon: Horizon | None = None,
    due: date | None = None,
    repeat: str | None = None,
    category: Category = Category.OTHER,
    metric: str | None = None,
    target: float | None = None,
    unit: str = "",
    baseline: float | None = None,
    smart: SmartSettings | None = None,
) -> GoalResult:
    """Add a goal and check it. Without a due date or repeat rule given, those the words state
    are used ("by Q3 2027", "every month"); else a horizon gives a due date (capped at the dream
    job's date)."""
    clean = clean_text(text, field="text")
    if horizon is Horizon.LONG:
        raise InvalidInput(
            "The long-term goal is the dream job itself.",
            field="horizon",
            hint=Hint(Remedy.EDIT_VISION),
        )
    parent = _parent(uow, parent_id)
    target_date = _target_date(uow)
    today = clock.today()
    due, repeat, notes = _schedule_from_words(uow, clock, clean, parent_id, smart, due, repeat)
    if due is None:
        due = default_due(horizon, today, target_date)
    if due is not None:
        check_day(due, "The due date", "due")
    now = clock.now()
    goal = Goal(
        text=clean,
        parent_id=parent_id,
        horizon=horizon,
        category=category,
        measure=_measure(metric, target, unit, baseline),
        due=due,
        repeat=recurrence.read_rule(repeat) if repeat else None,
        created_at=now,
        updated_at=now,
    )
    attach_report(uow, clock, goal, smart)
    uow.goals.add(goal)
    return GoalResult(goal, notes + date_warnings(goal, parent, today, target_date))


def _schedule_from_words(
    uow: UnitOfWork,
    clock: Clock,
    text: str,
    parent_id: int | None,
    smart: SmartSettings | None,
    due: date | None,
    repeat: str | None,
) -> tuple[date | None, str | None, list[str]]:
    """Fill a missing due date or repeat rule from what the words state, saying so."""
    notes: list[str] = []
    if due is not None and repeat is not None:
        return due, repeat, notes
    stated = check_text(uow, clock, text, parent_id=parent_id, settings=smart)
    if due is None and stated.deadline is not None:
        due = stated.deadline
        notes.append(f"Due date {due.isoformat()} taken from the goal's words.")
    if repeat is None and stated.recurrence is not None:
        repeat = stated.recurrence
        notes.append(f"Repeats {describe(repeat) or repeat}: taken from the goal's words.")
    return due, repeat, notes


def list_goals(uow: PlanReads, *, include_closed: bool = True) -> list[GoalRow]:
    """Every goal in tree order, with its depth and rolled-up progress."""
    goals = uow.goals.all()
    progress = progress_by_goal(goals)
    rows = [
        GoalRow(goal, depth, progress.get(goal.id or 0, 0.0)) for depth, goal in depth_first(goals)
    ]
    if not include_closed:
        rows = [row for row in rows if row.goal.status is GoalStatus.ACTIVE]
    return rows


def date_warnings_of(uow: UnitOfWork, clock: Clock, goal_id: int) -> list[str]:
    """What is worth saying about a goal's dates today (a due date past, after its parent's or
    after the dream job's target date); none for a goal that is not there."""
    goals = {goal.id: goal for goal in uow.goals.all()}
    goal = goals.get(goal_id)
    if goal is None:
        return []
    parent = goals.get(goal.parent_id) if goal.parent_id is not None else None
    return date_warnings(goal, parent, clock.today(), _target_date(uow))


def show_goal(uow: UnitOfWork, clock: Clock, goal_id: int) -> GoalDetail:
    goal = uow.goals.get(goal_id)
    goals = uow.goals.all()
    progress = progress_by_goal(goals)
    parent = next((g for g in goals if g.id == goal.parent_id), None)
    children = [g for g in goals if g.parent_id == goal_id]
    warnings = date_warnings(goal, parent, clock.today(), _target_date(uow))
    return GoalDetail(
        goal, progress.get(goal_id, 0.0), parent, children, uow.checkins.for_goal(goal_id), warnings
    )


def edit_goal(
    uow: UnitOfWork,
    clock: Clock,
    goal_id: int,
    *,
    expected_version: int | None = None,
    text: str | None = None,
    horizon: Horizon | None = None,
    due: date | None = None,
    clear_due: bool = False,
    repeat: str | None = None,
    clear_repeat: bool = False,
    category: Category | None = None,
    metric: str | None = None,
    target: float | None = None,
    unit: str | None = None,
    baseline: float | None = None,
    smart: SmartSettings | None = None,
) -> GoalResult:
    """Change a goal and check it again. With `expected_version`, an edit made on a stale copy
    is refused."""
    goal = uow.goals.get(goal_id)
    if expected_version is not None:
        goal.version = expected_version
    notes: list[str] = []
    before = goal.smart_report
    if text is not None:
        goal.text = clean_text(text, field="text")
        if not clear_due and not clear_repeat:
            # New words may state a new deadline or repeat: they count unless dates were given.
            due, repeat, notes = _schedule_from_words(
                uow, clock, goal.text, goal.parent_id, smart, due, repeat
            )
    if horizon is not None:
        if horizon is Horizon.LONG and goal.horizon is not Horizon.LONG:
            raise InvalidInput("Only the dream job is the long-term goal.")
        goal.horizon = horizon
    if clear_due:
        goal.due = None
    elif due is not None:
        goal.due = check_day(due, "The due date", "due")
    if clear_repeat:
        goal.repeat = None
    elif repeat is not None:
        goal.repeat = recurrence.read_rule(repeat)
    if category is not None:
        goal.category = category
    if metric is not None or target is not None:
        old = goal.measure
        goal.measure = _measure(
            metric or (old.metric if old else None),
            target if target is not None else (old.target if old else None),
            unit if unit is not None else (old.unit if old else ""),
            baseline if baseline is not None else (old.baseline if old else None),
        )
        if old is not None and goal.measure is not None:
            goal.measure.current = old.current
    goal.updated_at = clock.now()
    attach_report(uow, clock, goal, smart)
    uow.goals.save(goal)
    if text is not None:
        weaker = wording_weakened(before, goal.smart_report)
        notes += [weaker] if weaker else []
    parent = uow.goals.get(goal.parent_id) if goal.parent_id else None
    warnings = date_warnings(goal, parent, clock.today(), _target_date(uow))
    return GoalResult(goal, notes + warnings)


def set_status(
    uow: UnitOfWork,
    clock: Clock,
    goal_id: int,
    status: GoalStatus,
    expected_version: int | None = None,
) -> GoalResult:
    """Mark a goal done or dropped (or active again). Children keep their own status."""
    goal = uow.goals.get(goal_id)
    if expected_version is not None:
        goal.version = expected_version
    warnings: list[str] = []
    if goal.status is status:
        warnings.append(f"Goal {goal_id} was already {status.value}.")
    open_children = [
        g for g in uow.goals.all() if g.parent_id == goal_id and g.status is GoalStatus.ACTIVE
    ]
    if status is not GoalStatus.ACTIVE and open_children:
        warnings.append(
            f"{len(open_children)} sub-goal(s) are still active: "
            + ", ".join(str(g.id) for g in open_children)
            + "."
        )
    goal.status = status
    goal.updated_at = clock.now()
    uow.goals.save(goal)
    return GoalResult(goal, warnings)


def move_goal(
    uow: UnitOfWork,
    clock: Clock,
    goal_id: int,
    new_parent_id: int | None,
    expected_version: int | None = None,
) -> GoalResult:
    """Put a goal under another (or at the top). Refuses loops; warns about dates."""
    goal = uow.goals.get(goal_id)
    if expected_version is not None:
        goal.version = expected_version
    parent = _parent(uow, new_parent_id)
    check_new_parent(goal_id, new_parent_id, uow.goals.parent_map())
    goal.parent_id = new_parent_id
    goal.updated_at = clock.now()
    attach_report(uow, clock, goal)  # relevance is judged against the new parent
    uow.goals.save(goal)
    return GoalResult(goal, date_warnings(goal, parent, clock.today(), _target_date(uow)))


def check_in(
    uow: UnitOfWork,
    clock: Clock,
    goal_id: int,
    *,
    value: float | None = None,
    note: str = "",
    confidence: int | None = None,
    on: date | None = None,
) -> CheckIn:
    """Record progress on a goal; a value also becomes the measure's current value."""
    goal = uow.goals.get(goal_id)
    note = clean_optional(note, "note", 10_000, field="note")
    if value is None and not note and confidence is None:
        raise InvalidInput("A check-in needs a value, a note or a confidence (1-5).")
    if confidence is not None and not 1 <= confidence <= 5:
        raise InvalidInput(
            f"Confidence is from 1 (not at all) to 5 (certain); got {confidence}.",
            field="confidence",
        )
    if value is not None:
        check_number(value, "The value", "value")
    when = check_day(on or clock.today(), "The check-in's date", "on")
    if when > clock.today():
        raise InvalidInput(
            f"A check-in records what happened; {when.isoformat()} is in the future.", field="on"
        )
    checkin = CheckIn(goal_id=goal_id, on=when, value=value, note=note, confidence=confidence)
    uow.checkins.add(checkin, clock.now())
    if value is not None and goal.measure is not None:
        latest = max(uow.checkins.for_goal(goal_id), key=lambda c: (c.on, c.id or 0))
        if latest.id == checkin.id:
            goal.measure.current = value
            goal.updated_at = clock.now()
            uow.goals.save(goal)
    return checkin


def update_goal(
    uow: UnitOfWork,
    clock: Clock,
    goal_id: int,
    *,
    expected_version: int,
    text: str | None = None,
    horizon: Horizon | None = None,
    due: date | None = None,
    clear_due: bool = False,
    repeat: str | None = None,
    clear_repeat: bool = False,
    category: Category | None = None,
    metric: str | None = None,
    target: float | None = None,
    unit: str | None = None,
    baseline: float | None = None,
    move: bool = False,
    new_parent_id: int | None = None,
    status: GoalStatus | None = None,
) -> GoalResult:
    """One edit of a goal from a form or an API call: wording and dates, place in the tree and
    status together, all on the version the person saw (the unit of work keeps it all or
    nothing). Each kind of change advances the version once."""
    edits = (
        text is not None
        or horizon is not None
        or due is not None
        or clear_due
        or repeat is not None
        or clear_repeat
        or category is not None
        or metric is not None
        or target is not None
        or unit is not None
        or baseline is not None
    )
    if not (edits or move or status is not None):
        goal = uow.goals.get(goal_id)
        if goal.version != expected_version:
            raise StaleEdit("goal", goal_id, expected_version, goal.version)
        return GoalResult(goal)
    version = expected_version
    warnings: list[str] = []
    result: GoalResult | None = None
    if edits:
        result = edit_goal(
            uow,
            clock,
            goal_id,
            expected_version=version,
            text=text,
            horizon=horizon,
            due=due,
            clear_due=clear_due,
            repeat=repeat,
            clear_repeat=clear_repeat,
            category=category,
            metric=metric,
            target=target,
            unit=unit,
            baseline=baseline,
        )
        version = result.goal.version
    if move:
        result = move_goal(uow, clock, goal_id, new_parent_id, version)
        version = result.goal.version
    if status is not None:
        result = set_status(uow, clock, goal_id, status, version)
        warnings.extend(result.warnings)
    assert result is not None
    parent = uow.goals.get(result.goal.parent_id) if result.goal.parent_id else None
    warnings[:0] = date_warnings(result.goal, parent, clock.today(), _target_date(uow))
    return GoalResult(result.goal, warnings)
