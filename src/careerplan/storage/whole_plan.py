"""Statements about one person's whole plan at once: what it holds, emptying it, and the uids
its goals, actions and applications already use. Used by the restore, inside its single
transaction; each is a few statements whatever the plan's size (storage/plan_writer.py writes
the records back)."""

from __future__ import annotations

from sqlalchemy import Connection, Table, delete, func, select

from careerplan.storage import tables

# Everything a person's plan is made of, by the name a report uses, children before parents
# (the order they can be deleted in).
PLAN_TABLES: dict[str, Table] = {
    "application contacts": tables.application_contacts,
    "application stages": tables.application_stages,
    "applications": tables.applications,
    "résumés": tables.resumes,
    "skills": tables.skills,
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
    """The uids the person's goals, actions and applications hold, by kind ("goals", ...)."""
    found: dict[str, set[str]] = {}
    for kind in ("goals", "actions", "applications"):
        table = PLAN_TABLES[kind]
        query = select(table.c.uid).where(table.c.owner_id == owner_id, table.c.uid.is_not(None))
        found[kind] = set(connection.execute(query).scalars())
    return found


def delete_plan(connection: Connection, owner_id: int) -> None:
    """Delete every record of the person's plan (the account itself stays).

    One statement per table, children first. Each deleted row still makes the database look
    for the rows that point at it (to delete them, or set a sub-goal's parent to NULL); every
    foreign-key column leads an index (tables.py), so each look-up is one index probe and the
    whole delete takes time in proportion to the plan. Goals pointing at goals need no special
    order: deleting a parent sets its sub-goals' parent_id to NULL, whichever goes first."""
    for table in PLAN_TABLES.values():
        connection.execute(delete(table).where(table.c.owner_id == owner_id))
