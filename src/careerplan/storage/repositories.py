"""Repositories: the queries the services need, always scoped to one owner."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, Table, and_, delete, func, insert, select, update

from careerplan.domain.bounds import could_be_an_id
from careerplan.domain.entities import (
    Action,
    CheckIn,
    Completion,
    Goal,
    Horizon,
    Profile,
    Resource,
    Vision,
)
from careerplan.domain.errors import Hint, NotFound, Remedy, StaleEdit
from careerplan.storage import rows, tables
from careerplan.storage.read_memo import ReadMemo, remembered


class _Repository:
    table: Table
    kind: str

    def __init__(self, connection: Connection, owner_id: int, memo: ReadMemo | None = None) -> None:
        self.connection = connection
        self.owner_id = owner_id
        self.memo = memo  # kept whole-plan reads, in a unit of work that only reads

    def count(self) -> int:
        """How many rows of this kind the owner has."""
        return int(
            self.connection.execute(
                select(func.count()).select_from(self.table).where(self._mine())
            ).scalar_one()
        )

    def _mine(self, table: Table | None = None) -> Any:
        return (table if table is not None else self.table).c.owner_id == self.owner_id

    def _row_by_id(self, ident: int) -> RowMapping | None:
        """The owner's row with this id; None when there is none, or no row could have it (an
        id past the id columns' range is not found, never an error of the database)."""
        if not could_be_an_id(ident):
            return None
        return (
            self.connection.execute(
                select(self.table).where(self.table.c.id == ident, self._mine())
            )
            .mappings()
            .first()
        )

    def _insert(self, values: dict[str, Any]) -> int:
        result = self.connection.execute(
            insert(self.table).values(owner_id=self.owner_id, **values).returning(self.table.c.id)
        )
        return int(result.scalar_one())

    def _versioned_update(self, ident: int, expected: int, values: dict[str, Any]) -> int:
        """Write `values` only if the row is still at `expected`; return the new version.

        The version check and the write are one statement, so two writers can never both win.
        """
        table = self.table
        # Versions live in columns like the ids': one past their range is simply not current.
        if could_be_an_id(ident) and could_be_an_id(expected):
            result = self.connection.execute(
                update(table)
                .where(table.c.id == ident, self._mine(), table.c.version == expected)
                .values(version=table.c.version + 1, **values)
            )
            if result.rowcount == 1:
                return expected + 1
        raise self._refusal(ident, expected)

    def _delete(self, ident: int, expected: int | None = None) -> None:
        """Delete the row, only if it is still at `expected` when given; the check and the
        delete are one statement, like `_versioned_update`."""
        table = self.table
        if could_be_an_id(ident) and (expected is None or could_be_an_id(expected)):
            query = delete(table).where(table.c.id == ident, self._mine())
            if expected is not None:
                query = query.where(table.c.version == expected)
            if self.connection.execute(query).rowcount == 1:
                return
        raise self._refusal(ident, expected)

    def _refusal(self, ident: int, expected: int | None) -> NotFound | StaleEdit:
        """Why a write on a row at `expected` did not happen: the row is not there, or it is at
        another version."""
        actual = None
        if expected is not None and could_be_an_id(ident):
            actual = self.connection.execute(
                select(self.table.c.version).where(self.table.c.id == ident, self._mine())
            ).scalar()
        if actual is None or expected is None:
            return NotFound(self.kind, ident)
        return StaleEdit(self.kind, ident, expected, int(actual))


class _OnePerOwner(_Repository):
    """A record each person has at most one of (profile, vision): read it, insert or update it."""

    def _row(self) -> RowMapping | None:
        return self.connection.execute(select(self.table).where(self._mine())).mappings().first()

    def _store(self, record: Profile | Vision, fields: tuple[str, ...]) -> None:
        values = {name: getattr(record, name) for name in fields}
        if record.id is None:
            record.id = self._insert(values)
            record.version = 1
        else:
            record.version = self._versioned_update(record.id, record.version, values)


class ProfileRepository(_OnePerOwner):
    table = tables.profiles
    kind = "profile"

    def get(self) -> Profile | None:
        row = self._row()
        return rows.profile_from_row(row) if row else None

    def save(self, profile: Profile) -> Profile:
        self._store(profile, rows.PROFILE_FIELDS)
        return profile


class VisionRepository(_OnePerOwner):
    table = tables.visions
    kind = "vision"

    def get(self) -> Vision | None:
        return remembered(self.memo, "vision", self._read)

    def _read(self) -> Vision | None:
        row = self._row()
        return rows.vision_from_row(row) if row else None

    def save(self, vision: Vision) -> Vision:
        self._store(vision, rows.VISION_FIELDS)
        return vision


class GoalRepository(_Repository):
    table = tables.goals
    kind = "goal"

    def get(self, ident: int) -> Goal:
        row = self._row_by_id(ident)
        if row is None:
            raise NotFound("goal", ident, hint=Hint(Remedy.LIST_GOALS))
        return rows.goal_from_row(row)

    def all(self) -> list[Goal]:
        # A new list each time: a caller may sort or trim its own.
        return list(remembered(self.memo, "goals", self._read_all))

    def _read_all(self) -> list[Goal]:
        result = self.connection.execute(
            select(self.table).where(self._mine()).order_by(self.table.c.id)
        )
        return [rows.goal_from_row(row) for row in result.mappings()]

    def dream_goal_id(self) -> int | None:
        """The first goal at the top of the tree with the long horizon: the dream job."""
        table = self.table
        found = self.connection.execute(
            select(table.c.id)
            .where(self._mine(), table.c.parent_id.is_(None), table.c.horizon == Horizon.LONG.value)
            .order_by(table.c.id)
            .limit(1)
        ).scalar()
        return int(found) if found is not None else None

    def parent_map(self) -> dict[int, int | None]:
        result = self.connection.execute(
            select(self.table.c.id, self.table.c.parent_id).where(self._mine())
        )
        return {row.id: row.parent_id for row in result}

    def add(self, goal: Goal) -> Goal:
        values = rows.goal_values(goal)
        values["created_at"] = goal.created_at
        goal.uid = goal.uid or rows.new_uid()
        values["uid"] = goal.uid
        goal.id = self._insert(values)
        goal.version = 1
        return goal

    def save(self, goal: Goal) -> Goal:
        assert goal.id is not None
        goal.version = self._versioned_update(goal.id, goal.version, rows.goal_values(goal))
        return goal

    def children_of(self, ident: int) -> list[int]:
        if not could_be_an_id(ident):
            return []
        result = self.connection.execute(
            select(self.table.c.id)
            .where(self._mine(), self.table.c.parent_id == ident)
            .order_by(self.table.c.id)
        )
        return [int(row.id) for row in result]

    def delete(self, ident: int, expected_version: int | None = None) -> None:
        """Delete the goal; its actions, check-ins and resource links go with it."""
        self._delete(ident, expected_version)


class ActionRepository(_Repository):
    table = tables.actions
    kind = "action"

    def _completions(self, action_ids: Iterable[int] | None) -> dict[int, list[Completion]]:
        table = tables.action_completions
        query = select(table).where(self._mine(table)).order_by(table.c.done_on, table.c.id)
        if action_ids is not None:
            query = query.where(table.c.action_id.in_(list(action_ids)))
        grouped: dict[int, list[Completion]] = defaultdict(list)
        for row in self.connection.execute(query).mappings():
            grouped[row["action_id"]].append(rows.completion_from_row(row))
        return grouped

    def get(self, ident: int) -> Action:
        row = self._row_by_id(ident)
        if row is None:
            raise NotFound("action", ident, hint=Hint(Remedy.LIST_ACTIONS))
        return rows.action_from_row(row, self._completions([ident]).get(ident, []))

    def all(self, goal_id: int | None = None) -> list[Action]:
        if goal_id is None:
            return list(remembered(self.memo, "actions", self._read_all))
        return self._read_all(goal_id)

    def _read_all(self, goal_id: int | None = None) -> list[Action]:
        query = select(self.table).where(self._mine()).order_by(self.table.c.id)
        if goal_id is not None:
            if not could_be_an_id(goal_id):
                return []
            query = query.where(self.table.c.goal_id == goal_id)
        found = list(self.connection.execute(query).mappings())
        completions = self._completions(None if goal_id is None else [r["id"] for r in found])
        return [rows.action_from_row(row, completions.get(row["id"], [])) for row in found]

    def add(self, action: Action) -> Action:
        action.uid = action.uid or rows.new_uid()
        action.id = self._insert(rows.action_values(action))
        action.version = 1
        return action

    def save(self, action: Action) -> Action:
        assert action.id is not None
        values = {
            "text": action.text,
            "due": action.due,
            "repeat": action.repeat,
            "done": action.done,
        }
        action.version = self._versioned_update(action.id, action.version, values)
        return action

    def add_completion(self, completion: Completion) -> Completion:
        table = tables.action_completions
        result = self.connection.execute(
            insert(table)
            .values(owner_id=self.owner_id, **rows.completion_values(completion))
            .returning(table.c.id)
        )
        completion.id = int(result.scalar_one())
        return completion

    def delete(self, ident: int, expected_version: int | None = None) -> None:
        """Delete the action with its completions and resource links."""
        self._delete(ident, expected_version)


class ResourceRepository(_Repository):
    table = tables.resources
    kind = "resource"

    def _links(self, resource_ids: list[int] | None) -> dict[int, tuple[list[int], list[int]]]:
        table = tables.resource_links
        query = select(table).where(self._mine(table)).order_by(table.c.id)
        if resource_ids is not None:
            query = query.where(table.c.resource_id.in_(resource_ids))
        links: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for row in self.connection.execute(query).mappings():
            goals, actions = links[row["resource_id"]]
            if row["goal_id"] is not None:
                goals.append(row["goal_id"])
            else:
                actions.append(row["action_id"])
        return links

    def get(self, ident: int) -> Resource:
        row = self._row_by_id(ident)
        if row is None:
            raise NotFound("resource", ident, hint=Hint(Remedy.LIST_RESOURCES))
        goals, actions = self._links([ident]).get(ident, ([], []))
        return rows.resource_from_row(row, goals, actions)

    def all(self) -> list[Resource]:
        found = list(
            self.connection.execute(
                select(self.table).where(self._mine()).order_by(self.table.c.id)
            ).mappings()
        )
        links = self._links(None)
        return [rows.resource_from_row(row, *links.get(row["id"], ([], []))) for row in found]

    def add(self, resource: Resource) -> Resource:
        resource.id = self._insert(rows.resource_values(resource))
        resource.version = 1
        return resource

    def link(
        self, resource_id: int, *, goal_id: int | None = None, action_id: int | None = None
    ) -> bool:
        """Link once; return False when the link was already there."""
        table = tables.resource_links
        target = (
            table.c.goal_id == goal_id if goal_id is not None else table.c.action_id == action_id
        )
        exists = self.connection.execute(
            select(table.c.id).where(self._mine(table), table.c.resource_id == resource_id, target)
        ).first()
        if exists:
            return False
        self.connection.execute(
            insert(table).values(
                owner_id=self.owner_id,
                resource_id=resource_id,
                goal_id=goal_id,
                action_id=action_id,
            )
        )
        return True

    def unlink(
        self, resource_id: int, *, goal_id: int | None = None, action_id: int | None = None
    ) -> bool:
        table = tables.resource_links
        target = (
            table.c.goal_id == goal_id if goal_id is not None else table.c.action_id == action_id
        )
        result = self.connection.execute(
            delete(table).where(and_(self._mine(table), table.c.resource_id == resource_id, target))
        )
        return result.rowcount > 0

    def save(self, resource: Resource) -> Resource:
        assert resource.id is not None
        values = rows.resource_values(resource)
        resource.version = self._versioned_update(resource.id, resource.version, values)
        return resource

    def delete(self, ident: int, expected_version: int | None = None) -> None:
        """Delete the resource and its links (the goals and actions stay)."""
        self._delete(ident, expected_version)


class CheckInRepository(_Repository):
    table = tables.checkins
    kind = "check-in"

    def add(self, checkin: CheckIn, created_at: datetime) -> CheckIn:
        checkin.created_at = created_at
        checkin.id = self._insert(rows.checkin_values(checkin))
        return checkin

    def for_goal(self, goal_id: int) -> list[CheckIn]:
        if not could_be_an_id(goal_id):
            return []
        table = self.table
        result = self.connection.execute(
            select(table)
            .where(self._mine(), table.c.goal_id == goal_id)
            .order_by(table.c.on_date, table.c.id)
        )
        return [rows.checkin_from_row(row) for row in result.mappings()]

    def all(self, since: date | None = None) -> list[CheckIn]:
        table = self.table
        query = select(table).where(self._mine()).order_by(table.c.on_date, table.c.id)
        if since is not None:
            query = query.where(table.c.on_date >= since)
        return [rows.checkin_from_row(row) for row in self.connection.execute(query).mappings()]

    def get(self, ident: int) -> CheckIn:
        row = self._row_by_id(ident)
        if row is None:
            raise NotFound("check-in", ident)
        return rows.checkin_from_row(row)

    def delete(self, ident: int) -> None:
        """Check-ins carry no version: they are records of what happened, never edited."""
        self._delete(ident)
