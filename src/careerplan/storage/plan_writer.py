"""Writing many records of one person's plan at once, for the restore.

A restore of tens of thousands of goals must take time in proportion to its size, and little of
it, so each kind of record is written in one pass instead of one statement per record:

- Ids are handed out before the rows are written (PostgreSQL's sequence; on SQLite, past the
  largest id, under the write lock `hold_write_lock` takes), in the order the records come, so
  references (a goal's parent, an action's goal) are known up front and a backup of the
  restored plan lists the records as the file did. Nothing has to be read back or updated
  afterwards, except the few goals whose parent comes after them.
- The rows go in with COPY on PostgreSQL (one stream; a batched INSERT costs the driver a
  parse of its huge statement, and a statement per row costs a round trip each) and with one
  prepared INSERT run over all of them on SQLite, where there is no round trip to save.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, func, select, text, update
from sqlalchemy.exc import DBAPIError

from careerplan.domain.entities import Action, CheckIn, Goal, Resource, Review
from careerplan.domain.job_search import Application, Resume, Skill
from careerplan.storage import rows, tables
from careerplan.storage.engine import hold_write_lock
from careerplan.storage.job_search import application_values, stage_values
from careerplan.storage.row_wall import past_wall

Row = dict[str, Any]


def goal_rows(goals: Iterable[Goal]) -> list[Row]:
    """Each goal's columns, its id, parent and uid aside (`PlanWriter.add_goals` takes those).
    Encoding the S.M.A.R.T. reports is most of a restore's work per goal: made before the
    transaction, it does not hold the write lock."""
    return [{**rows.goal_values(goal), "created_at": goal.created_at} for goal in goals]


@functools.cache
def _defaults(table: Table) -> dict[str, Any]:
    """The table's fixed column defaults (version 1, ...): SQLAlchemy fills them in for an
    INSERT, but COPY leaves a missing column NULL."""
    return {
        column.name: column.default.arg  # type: ignore[attr-defined]
        for column in table.columns
        if column.default is not None and column.default.is_scalar
    }


class PlanWriter:
    """Adds records to the owner's plan on the caller's connection and transaction.

    `on_write` is called whenever it writes: COPY goes past SQLAlchemy's statement events, and
    the unit of work counts on them to move the plan's revision."""

    def __init__(self, connection: Connection, owner_id: int, on_write: Callable[[], None]) -> None:
        self.connection = connection
        self.owner_id = owner_id
        self.on_write = on_write
        self.postgres = connection.dialect.name == "postgresql"

    def new_goal_ids(self, count: int) -> list[int]:
        """Ids for `count` goals, for `add_goals`: a goal's sub-goals need its id first."""
        return self._new_ids(tables.goals, count)

    def _new_ids(self, table: Table, count: int) -> list[int]:
        """`count` unused ids for `table`, ascending."""
        if count == 0:
            return []
        if self.postgres:
            # Named once: nextval(pg_get_serial_sequence(...)) looks the sequence up again for
            # every id, which took three times as long.
            sequence = self.connection.execute(
                select(func.pg_get_serial_sequence(table.name, "id"))
            ).scalar_one()
            found = self.connection.execute(
                text("SELECT nextval(CAST(:sequence AS regclass)) FROM generate_series(1, :count)"),
                {"sequence": sequence, "count": count},
            ).scalars()
            return sorted(int(ident) for ident in found)
        hold_write_lock(self.connection)
        largest = self.connection.execute(select(func.max(table.c.id))).scalar()
        start = int(largest or 0) + 1
        return list(range(start, start + count))

    def _write(self, table: Table, values: Sequence[Mapping[str, Any]]) -> None:
        if not values:
            return
        full = [{**_defaults(table), **row, "owner_id": self.owner_id} for row in values]
        if self.postgres:
            self._copy(table, full)
        else:
            self._insert_many(table, full)
        self.on_write()

    def _insert_many(self, table: Table, values: Sequence[Row]) -> None:
        """SQLite: one INSERT run over every row by the driver. The values go through the
        columns' own SQLAlchemy conversions (times to text, ...), as in any INSERT, but without
        SQLAlchemy building a parameter set per row, which cost as much as SQLite's own work."""
        dialect = self.connection.dialect
        quote = dialect.identifier_preparer.quote
        names = list(values[0])
        statement = "INSERT INTO {} ({}) VALUES ({})".format(
            quote(table.name), ", ".join(map(quote, names)), ", ".join("?" for _ in names)
        )
        columns = [(name, table.c[name].type.bind_processor(dialect)) for name in names]
        self.connection.exec_driver_sql(
            statement,
            [
                tuple(
                    row[name] if convert is None else convert(row[name])
                    for name, convert in columns
                )
                for row in values
            ],
        )

    def _copy(self, table: Table, values: Sequence[Row]) -> None:
        import psycopg  # PostgreSQL only: SQLite never needs the driver
        from psycopg import sql

        names = list(values[0])
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, names))
        )
        raw = cast("psycopg.Connection[Any]", self.connection.connection.dbapi_connection)
        # PostgreSQL refuses COPY under row-level security, so the copy steps past the wall
        # (storage/row_wall.py): every row is this writer's own, stamped with its owner, which
        # is checked here rather than trusted.
        if any(row["owner_id"] != self.owner_id for row in values):
            raise ValueError(f"{table.name}: a row for another owner reached the plan writer")
        cursor = raw.cursor()
        try:
            with past_wall(self.connection), cursor.copy(statement) as copy:
                for row in values:
                    copy.write_row([row[name] for name in names])
        except psycopg.Error as error:
            # As SQLAlchemy words a refusal for its own statements (IntegrityError, DataError,
            # ...), so callers handle a refused COPY like any refused INSERT.
            raise DBAPIError.instance(
                statement.as_string(raw), None, error, psycopg.Error
            ) from error
        finally:
            cursor.close()

    def add_goals(
        self,
        ids: Sequence[int],
        goal_values: Sequence[Row],
        uids: Sequence[str | None],
        parent_ids: Sequence[int | None],
    ) -> None:
        """Goals from `goal_rows` with the ids from `new_goal_ids`, each with its uid (None: a new
        one) and its parent's id. A goal whose parent comes after it goes in without one and is
        linked once its parent is there (each row's foreign keys are checked as it goes in)."""
        batch = set(ids)
        later: dict[int, int] = {}
        values = []
        for ident, row, uid, parent in zip(ids, goal_values, uids, parent_ids, strict=True):
            if parent is not None and parent > ident and parent in batch:
                later[ident] = parent
                parent = None
            values.append({**row, "id": ident, "parent_id": parent, "uid": uid or rows.new_uid()})
        self._write(tables.goals, values)
        self.set_parents(later)

    def set_parents(self, parents: Mapping[int, int]) -> None:
        """Put goals (by id) under their parents, leaving their versions and times alone."""
        if not parents:
            return
        goals = tables.goals
        self.connection.execute(
            update(goals)
            .where(goals.c.id == bindparam("child"), goals.c.owner_id == self.owner_id)
            .values(parent_id=bindparam("parent")),
            [{"child": child, "parent": parent} for child, parent in parents.items()],
        )

    def add_actions(self, actions: Sequence[Action]) -> list[int]:
        """Actions (each with its uid, or None for a new one) and their completions; their ids."""
        ids = self._new_ids(tables.actions, len(actions))
        self._write(
            tables.actions,
            [
                {**rows.action_values(action), "id": ident, "uid": action.uid or rows.new_uid()}
                for action, ident in zip(actions, ids, strict=True)
            ],
        )
        self._write(
            tables.action_completions,
            [
                {**rows.completion_values(completion), "action_id": ident}
                for action, ident in zip(actions, ids, strict=True)
                for completion in action.completions
            ],
        )
        return ids

    def add_resources(self, resources: Sequence[Resource]) -> list[int]:
        """Resources and their links to the goals and actions they name (by id); their ids."""
        ids = self._new_ids(tables.resources, len(resources))
        self._write(
            tables.resources,
            [
                {**rows.resource_values(resource), "id": ident}
                for resource, ident in zip(resources, ids, strict=True)
            ],
        )
        links: list[Row] = []
        for resource, ident in zip(resources, ids, strict=True):
            links += [
                {"resource_id": ident, "goal_id": goal_id, "action_id": None}
                for goal_id in resource.goal_ids
            ]
            links += [
                {"resource_id": ident, "goal_id": None, "action_id": action_id}
                for action_id in resource.action_ids
            ]
        self._write(tables.resource_links, links)
        return ids

    def add_checkins(self, checkins: Sequence[CheckIn]) -> None:
        self._write(tables.checkins, [rows.checkin_values(checkin) for checkin in checkins])

    def add_reviews(self, reviews: Sequence[Review]) -> None:
        """Reviews with their entries."""
        ids = self._new_ids(tables.reviews, len(reviews))
        self._write(
            tables.reviews,
            [
                {**rows.review_values(review), "id": ident}
                for review, ident in zip(reviews, ids, strict=True)
            ],
        )
        self._write(
            tables.review_entries,
            [
                rows.review_entry_values(ident, entry)
                for review, ident in zip(reviews, ids, strict=True)
                for entry in review.entries
            ],
        )

    def accept_proposals(self, accepted: Iterable[tuple[str, int, date]]) -> None:
        """Accepted proposals as (key, goal id, day accepted)."""
        self._write(
            tables.proposal_acceptances,
            [
                {"proposal_key": key, "goal_id": goal_id, "accepted_on": on}
                for key, goal_id, on in accepted
            ],
        )

    def add_skills(self, skills: Sequence[Skill]) -> None:
        self._write(tables.skills, [rows.skill_values(skill) for skill in skills])

    def add_resumes(self, resumes: Sequence[Resume]) -> list[int]:
        """Résumés, whole; their ids, for the applications that name them."""
        ids = self._new_ids(tables.resumes, len(resumes))
        self._write(
            tables.resumes,
            [
                {"id": ident, "name": r.name, "text": r.text, "imported_at": r.imported_at}
                for r, ident in zip(resumes, ids, strict=True)
            ],
        )
        return ids

    def add_applications(self, applications: Sequence[Application]) -> None:
        """Applications (each with its uid, or None for a new one), their stage histories and
        their contacts (résumés and resources by id)."""
        ids = self._new_ids(tables.applications, len(applications))
        pairs = list(zip(applications, ids, strict=True))
        self._write(
            tables.applications,
            [
                {**application_values(a), "id": ident, "uid": a.uid or rows.new_uid()}
                for a, ident in pairs
            ],
        )
        self._write(
            tables.application_stages,
            [stage_values(ident, change) for a, ident in pairs for change in a.history],
        )
        self._write(
            tables.application_contacts,
            [
                {"application_id": ident, "resource_id": resource_id}
                for a, ident in pairs
                for resource_id in a.contact_ids
            ],
        )
