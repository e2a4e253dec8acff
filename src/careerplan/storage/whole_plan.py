"""Statements about one person's whole plan at once: what it holds, emptying it, the uids its
goals and actions already use, and tying restored goals to their parents. Used by the restore,
inside its single transaction."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, Table, delete, func, select, update

from careerplan.storage import tables

# Everything a person's plan is made of, by the name a report uses, children before parents
# (the order they can be deleted in).
PLAN_TABLES: dict[str, Table] = {
    "review entries": tables.review_entries,
    "reviews": tables.reviews,
    "accepted proposals": tables.proposal_acceptances,
    "resource links": tables.resource_links,
    "resources": tables.resources,
    "completions": tables.action_completions,
    "check-ins": tables.checkins,
    "actions": tables.actions,
    "goals": tables.goals,
    "exploration": tables.explorations,
    "preferences": tables.preferences,
    "vision": tables.visions,
    "profile": tables.profiles,
}


def count_plan(connection: Connection, owner_id: int) -> dict[str, int]:
    """How many rows of each kind the person has."""
    return {
        kind: int(
            connection.execute(
                select(func.count()).select_from(table).where(table.c.owner_id == owner_id)
            ).scalar_one()
        )
        for kind, table in PLAN_TABLES.items()
    }


def uids_in_plan(connection: Connection, owner_id: int) -> dict[str, set[str]]:
    """The uids the person's goals and actions hold, by kind ("goals", "actions")."""
    found: dict[str, set[str]] = {}
    for kind in ("goals", "actions"):
        table = PLAN_TABLES[kind]
        query = select(table.c.uid).where(table.c.owner_id == owner_id, table.c.uid.is_not(None))
        found[kind] = set(connection.execute(query).scalars())
    return found


def delete_plan(connection: Connection, owner_id: int) -> None:
    """Delete every record of the person's plan (the account itself stays)."""
    goals = tables.goals
    # Goals point at goals: unhook them first, so no delete order can trip over a parent.
    connection.execute(update(goals).where(goals.c.owner_id == owner_id).values(parent_id=None))
    for table in PLAN_TABLES.values():
        connection.execute(delete(table).where(table.c.owner_id == owner_id))


def set_parents(connection: Connection, owner_id: int, parents: Mapping[int, int]) -> None:
    """Put restored goals under their parents without touching their versions or times
    (a parent may have been made after its child, so this comes once all goals exist)."""
    goals = tables.goals
    for goal_id, parent_id in parents.items():
        connection.execute(
            update(goals)
            .where(goals.c.id == goal_id, goals.c.owner_id == owner_id)
            .values(parent_id=parent_id)
        )
