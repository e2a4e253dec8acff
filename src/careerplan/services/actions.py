"""Action-plan actions: steps under a goal, one-off or repeating, with a log of completions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from careerplan.domain import recurrence
from careerplan.domain.bounds import check_day
from careerplan.domain.entities import Action, Completion, GoalStatus
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.domain.rules import clean_optional, clean_text
from careerplan.domain.schedule import RepeatState, repeat_anchor, repeat_state
from careerplan.services.clock import Clock

if TYPE_CHECKING:
    from careerplan.storage.unit_of_work import UnitOfWork


@dataclass
class ActionRow:
    action: Action
    state: RepeatState | None  # None for one-off actions


def describe(action: Action, today: date) -> ActionRow:
    state = repeat_state(action, repeat_anchor(action), today) if action.repeat else None
    return ActionRow(action, state)


def add_action(
    uow: UnitOfWork,
    clock: Clock,
    goal_id: int,
    text: str,
    *,
    due: date | None = None,
    repeat: str | None = None,
) -> Action:
    goal = uow.goals.get(goal_id)
    if goal.status is not GoalStatus.ACTIVE:
        raise DomainRefusal(
            f"Goal {goal_id} is {goal.status.value}, so no action can be added to it.",
            hint=Hint(Remedy.REOPEN_GOAL, str(goal_id)),
        )
    action = Action(
        goal_id=goal_id,
        text=clean_text(text, "action text", field="text"),
        due=check_day(due, "The due date", "due") if due is not None else None,
        repeat=recurrence.read_rule(repeat) if repeat else None,
        created_at=clock.now(),
    )
    return uow.actions.add(action)


def list_actions(
    uow: UnitOfWork, clock: Clock, goal_id: int | None = None, include_done: bool = True
) -> list[ActionRow]:
    if goal_id is not None:
        uow.goals.get(goal_id)  # a clear "no goal" beats an empty list
    today = clock.today()
    rows = [describe(action, today) for action in uow.actions.all(goal_id)]
    if not include_done:
        rows = [row for row in rows if not row.action.done]
    return rows


def complete_action(
    uow: UnitOfWork, clock: Clock, action_id: int, *, on: date | None = None, note: str = ""
) -> ActionRow:
    """Log a completion. A one-off action is then done; a repeating one stays open for next time."""
    action = uow.actions.get(action_id)
    when = check_day(on or clock.today(), "The day it was done", "on")
    if when > clock.today():
        raise InvalidInput(
            f"{when.isoformat()} is in the future; log a completion once it happened."
        )
    if action.done:
        raise DomainRefusal(f"Action {action_id} is already done.")
    note = clean_optional(note, "note", field="note")
    if any(done.done_on == when and done.note == note for done in action.completions):
        # The same completion again is a second press of Done (a double click, a page sent
        # again), not a second time it was done: that one carries a note of its own.
        raise DomainRefusal(
            f"Action {action_id} is already logged on {when.isoformat()}. To log it twice "
            "that day, say what the second time was in a note."
        )
    completion = Completion(action_id=action_id, done_on=when, note=note)
    uow.actions.add_completion(completion)
    action.completions.append(completion)
    # The same order the repository reads them in, so a back-dated entry lands in its place.
    action.completions.sort(key=lambda entry: (entry.done_on, entry.id or 0))
    if action.repeat is None:
        action.done = True
        uow.actions.save(action)
    return describe(action, clock.today())


def show_action(uow: UnitOfWork, clock: Clock, action_id: int) -> ActionRow:
    return describe(uow.actions.get(action_id), clock.today())


def edit_action(
    uow: UnitOfWork,
    clock: Clock,
    action_id: int,
    *,
    expected_version: int | None = None,
    text: str | None = None,
    due: date | None = None,
    clear_due: bool = False,
    repeat: str | None = None,
    clear_repeat: bool = False,
) -> ActionRow:
    """Change an action's wording or schedule. With `expected_version`, a stale edit is refused."""
    action = uow.actions.get(action_id)
    if expected_version is not None:
        action.version = expected_version
    if text is not None:
        action.text = clean_text(text, "action text", field="text")
    if clear_due:
        action.due = None
    elif due is not None:
        action.due = check_day(due, "The due date", "due")
    if clear_repeat:
        action.repeat = None
    elif repeat is not None:
        action.repeat = recurrence.read_rule(repeat)
    uow.actions.save(action)
    return describe(action, clock.today())
