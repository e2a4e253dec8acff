"""Rules of the goal tree: text limits, no cycles, dates that agree with parents, horizons and
the vision's target date, and progress that rolls up from children and measures."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from careerplan.domain.bounds import check_text
from careerplan.domain.dates import add_months
from careerplan.domain.entities import Goal, GoalStatus, Horizon
from careerplan.domain.errors import DomainRefusal, InvalidInput

# A goal is a sentence or two; anything longer belongs in a note. Notes hold a page or so.
MAX_TEXT = 1_000
MAX_NOTE = 10_000
# A résumé or a job posting pasted whole: the analysis reads this much of each.
MAX_DOCUMENT = 100_000
MAX_NAME = 200
# The person's own name is asked for, not described: the plan and its card are addressed to it.
EMPTY_NAME = "Give your name, so the plan is addressed to you."


def clean_text(
    text: str,
    what: str = "goal text",
    limit: int = MAX_TEXT,
    *,
    field: str | None = None,
    empty: str = "",
) -> str:
    """Strip the text and refuse it when empty or over `limit` characters, naming the limit.
    `what` names the text in the message; `field` is the input it came from, when known;
    `empty` is the whole message for an empty text, when the field asks for it in its own way."""
    cleaned = check_text(text, f"The {what}", field).strip()
    if not cleaned:
        ask = " Write what you want to achieve." if what == "goal text" else ""
        raise InvalidInput(empty or f"The {what} is empty.{ask}", field=field)
    if len(cleaned) > limit:
        raise InvalidInput(
            f"The {what} is {len(cleaned):,} characters long; the limit is {limit:,}. "
            "Shorten it, and keep details in a check-in note.",
            field=field,
        )
    return cleaned


def clean_optional(text: str, what: str, limit: int = MAX_NOTE, *, field: str | None = None) -> str:
    cleaned = check_text(text, f"The {what}", field).strip()
    if len(cleaned) > limit:
        raise InvalidInput(
            f"The {what} is {len(cleaned):,} characters long; the limit is {limit:,}.",
            field=field,
        )
    return cleaned


def ancestors(goal_id: int, parent_of: Mapping[int, int | None]) -> list[int]:
    """Ids from the goal's parent up to its root. Stops if the data already holds a loop."""
    chain: list[int] = []
    seen = {goal_id}
    current = parent_of.get(goal_id)
    while current is not None and current not in seen:
        chain.append(current)
        seen.add(current)
        current = parent_of.get(current)
    return chain


def check_new_parent(
    goal_id: int, new_parent_id: int | None, parent_of: Mapping[int, int | None]
) -> None:
    """Refuse a move that would put a goal under itself or under one of its descendants."""
    if new_parent_id is None:
        return
    if new_parent_id == goal_id:
        raise DomainRefusal(f"Goal {goal_id} cannot be its own parent.")
    if goal_id in ancestors(new_parent_id, parent_of):
        raise DomainRefusal(
            f"Goal {new_parent_id} sits under goal {goal_id}, so goal {goal_id} cannot move under "
            f"it (that would make a loop). Move goal {new_parent_id} elsewhere first."
        )


def default_due(horizon: Horizon | None, today: date, target_date: date | None) -> date | None:
    """A horizon goal is due that far from today, but never after the dream job's target date."""
    if horizon is None:
        return None
    if horizon is Horizon.LONG:
        return target_date
    months = horizon.months
    assert months is not None
    due = add_months(today, months)
    if target_date is not None and due > target_date:
        return target_date
    return due


def date_warnings(
    goal: Goal,
    parent: Goal | None,
    today: date,
    target_date: date | None,
) -> list[str]:
    """Things worth saying about a goal's dates; none of them blocks the edit."""
    warnings: list[str] = []
    if goal.due is not None and goal.due < today and goal.status is GoalStatus.ACTIVE:
        warnings.append(f"The due date {goal.due.isoformat()} is already past.")
    if (
        parent is not None
        and parent.due is not None
        and goal.due is not None
        and goal.due > parent.due
    ):
        warnings.append(
            f"It is due {goal.due.isoformat()}, after its parent goal {parent.id} "
            f"({parent.due.isoformat()}). Bring it forward or move the parent's date."
        )
    if target_date is not None and goal.due is not None and goal.due > target_date:
        warnings.append(
            f"It is due {goal.due.isoformat()}, after the dream job's target date "
            f"{target_date.isoformat()}."
        )
    horizon_order = list(Horizon)
    if (
        parent is not None
        and parent.horizon is not None
        and goal.horizon is not None
        and horizon_order.index(goal.horizon) < horizon_order.index(parent.horizon)
    ):
        warnings.append(
            f"A {goal.horizon.label} goal sits under a {parent.horizon.label} goal; "
            "sub-goals usually have a shorter horizon than their parent."
        )
    if goal.horizon is not None and goal.horizon.months is not None and goal.due is not None:
        latest = add_months(today, goal.horizon.months)
        if goal.due > latest:
            warnings.append(
                f"It is marked as a {goal.horizon.label} goal but is due {goal.due.isoformat()}, "
                f"later than {latest.isoformat()}."
            )
    return warnings


def progress_by_goal(
    goals: Iterable[Goal], estimates: Mapping[int, float] | None = None
) -> dict[int, float]:
    """Progress 0..1 for every goal: done is 1; otherwise the mean of its measure (if any) and
    its active or done children. Dropped children do not count. A goal with neither takes its
    entry in `estimates` (the person's own 0..1 estimate from a review), else 0. A measure with
    no value recorded yet gives way to that estimate too: it says nothing of the progress so
    far, and every proposed goal has one, so a review's estimate would otherwise never show."""
    found = estimates or {}
    goal_list = [goal for goal in goals if goal.id is not None]
    children: dict[int, list[Goal]] = {}
    for goal in goal_list:
        if goal.parent_id is not None:
            children.setdefault(goal.parent_id, []).append(goal)
    result: dict[int, float] = {}

    def visit(goal: Goal, path: frozenset[int]) -> float:
        assert goal.id is not None
        if goal.id in result:
            return result[goal.id]
        if goal.status is GoalStatus.DONE:
            value = 1.0
        else:
            parts: list[float] = []
            if goal.measure is not None:
                unrecorded = goal.measure.current is None and goal.id in found
                parts.append(_share(found[goal.id]) if unrecorded else goal.measure.progress())
            for child in children.get(goal.id, []):
                if child.status is GoalStatus.DROPPED or child.id in path:
                    continue
                parts.append(visit(child, path | {goal.id}))
            value = sum(parts) / len(parts) if parts else _share(found.get(goal.id, 0.0))
        result[goal.id] = value
        return value

    for goal in goal_list:
        visit(goal, frozenset())
    return result


def _share(value: float) -> float:
    return min(1.0, max(0.0, value))


def depth_first(goals: Iterable[Goal]) -> list[tuple[int, Goal]]:
    """Goals in tree order with their depth: roots by due date, then each one's children."""
    goal_list = list(goals)
    ids = {goal.id for goal in goal_list}
    children: dict[int | None, list[Goal]] = {}
    for goal in goal_list:
        parent = goal.parent_id if goal.parent_id in ids else None
        children.setdefault(parent, []).append(goal)

    def order(goal: Goal) -> tuple[int, date, int]:
        horizon_rank = list(Horizon).index(goal.horizon) if goal.horizon else len(Horizon)
        return (horizon_rank, goal.due or date.max, goal.id or 0)

    out: list[tuple[int, Goal]] = []
    seen: set[int | None] = set()
    stack: list[tuple[int, Goal]] = [(0, g) for g in sorted(children.get(None, []), key=order)]
    stack.reverse()
    while stack:
        depth, goal = stack.pop()
        if goal.id in seen:
            continue
        seen.add(goal.id)
        out.append((depth, goal))
        kids = sorted(children.get(goal.id, []), key=order)
        stack.extend((depth + 1, kid) for kid in reversed(kids))
    return out
