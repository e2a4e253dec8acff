"""The job search's records: the person's skills, imported résumés and applications."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import RowMapping, delete, insert, select

from careerplan.domain.job_search import Application, Resume, Skill, Stage, StageChange
from careerplan.storage import rows, tables
from careerplan.storage.repositories import _Repository

_CLOSED = [stage.value for stage in Stage if stage.closed]


class SkillRepository(_Repository):
    table = tables.skills
    kind = "skill"

    def all(self) -> list[Skill]:
        query = select(self.table).where(self._mine()).order_by(self.table.c.id)
        return [rows.skill_from_row(row) for row in self.connection.execute(query).mappings()]

    def get(self, ident: int) -> Skill:
        row = self._row_by_id(ident)
        if row is None:
            raise self._refusal(ident, None)
        return rows.skill_from_row(row)

    def add(self, skill: Skill) -> Skill:
        skill.id = self._insert(rows.skill_values(skill))
        skill.version = 1
        return skill

    def save(self, skill: Skill) -> Skill:
        assert skill.id is not None
        skill.version = self._versioned_update(skill.id, skill.version, rows.skill_values(skill))
        return skill

    def delete(self, ident: int, expected_version: int | None = None) -> None:
        self._delete(ident, expected_version)


class ResumeRepository(_Repository):
    table = tables.resumes
    kind = "résumé"

    def _resume(self, row: RowMapping) -> Resume:
        return Resume(row["name"], row["text"], row["imported_at"], row["id"])

    def all(self) -> list[Resume]:
        query = select(self.table).where(self._mine()).order_by(self.table.c.id)
        return [self._resume(row) for row in self.connection.execute(query).mappings()]

    def latest(self) -> Resume | None:
        query = select(self.table).where(self._mine()).order_by(self.table.c.id.desc()).limit(1)
        row = self.connection.execute(query).mappings().first()
        return self._resume(row) if row else None

    def get(self, ident: int) -> Resume:
        row = self._row_by_id(ident)
        if row is None:
            raise self._refusal(ident, None)
        return self._resume(row)

    def add(self, resume: Resume) -> Resume:
        resume.id = self._insert(
            {"name": resume.name, "text": resume.text, "imported_at": resume.imported_at}
        )
        return resume


def application_values(application: Application) -> dict[str, Any]:
    """An application's own columns (its owner, id, version and uid aside)."""
    return {
        "title": application.title,
        "organisation": application.organisation,
        "posting": application.posting,
        "occupation_code": application.occupation_code,
        "resume_id": application.resume_id,
        "stage": application.stage.value,
        "follow_up": application.follow_up,
        "notes": application.notes,
        "created_at": application.created_at,
        "updated_at": application.updated_at,
    }


def stage_values(application_id: int, change: StageChange) -> dict[str, Any]:
    return {
        "application_id": application_id,
        "stage": change.stage.value,
        "on_date": change.on,
        "note": change.note,
    }


class ApplicationRepository(_Repository):
    table = tables.applications
    kind = "application"

    def _details(
        self, ids: Iterable[int] | None
    ) -> tuple[dict[int, list[StageChange]], dict[int, list[int]]]:
        """Each application's stage history and contacts, for `ids` (all when None)."""
        stages, contacts = tables.application_stages, tables.application_contacts
        history: dict[int, list[StageChange]] = defaultdict(list)
        query = select(stages).where(self._mine(stages)).order_by(stages.c.id)
        people: dict[int, list[int]] = defaultdict(list)
        linked = select(contacts).where(self._mine(contacts)).order_by(contacts.c.id)
        if ids is not None:
            wanted = list(ids)
            query = query.where(stages.c.application_id.in_(wanted))
            linked = linked.where(contacts.c.application_id.in_(wanted))
        for row in self.connection.execute(query).mappings():
            history[row["application_id"]].append(
                StageChange(Stage(row["stage"]), row["on_date"], row["note"])
            )
        for row in self.connection.execute(linked).mappings():
            people[row["application_id"]].append(row["resource_id"])
        return history, people

    def all(self) -> list[Application]:
        query = select(self.table).where(self._mine()).order_by(self.table.c.id)
        found = list(self.connection.execute(query).mappings())
        history, contacts = self._details(None)
        return [
            rows.application_from_row(row, history.get(row["id"], []), contacts.get(row["id"], []))
            for row in found
        ]

    def get(self, ident: int) -> Application:
        row = self._row_by_id(ident)
        if row is None:
            raise self._refusal(ident, None)
        history, contacts = self._details([ident])
        return rows.application_from_row(row, history.get(ident, []), contacts.get(ident, []))

    def add(self, application: Application) -> Application:
        application.uid = application.uid or rows.new_uid()
        application.id = self._insert({**application_values(application), "uid": application.uid})
        application.version = 1
        self._add_history(application.id, application.history)
        self.set_contacts(application.id, application.contact_ids)
        return application

    def save(self, application: Application, new_stages: Iterable[StageChange] = ()) -> None:
        """Write the application's columns (refused on a stale version) and append stages."""
        assert application.id is not None
        application.version = self._versioned_update(
            application.id, application.version, application_values(application)
        )
        self._add_history(application.id, list(new_stages))

    def _add_history(self, ident: int, changes: list[StageChange]) -> None:
        if changes:
            self.connection.execute(
                insert(tables.application_stages),
                [{**stage_values(ident, c), "owner_id": self.owner_id} for c in changes],
            )

    def set_contacts(self, ident: int, resource_ids: Iterable[int]) -> None:
        contacts = tables.application_contacts
        self.connection.execute(
            delete(contacts).where(self._mine(contacts), contacts.c.application_id == ident)
        )
        wanted = list(dict.fromkeys(resource_ids))
        if wanted:
            self.connection.execute(
                insert(contacts),
                [
                    {"owner_id": self.owner_id, "application_id": ident, "resource_id": r}
                    for r in wanted
                ],
            )

    def delete(self, ident: int, expected_version: int | None = None) -> None:
        self._delete(ident, expected_version)

    def follow_ups(self, until: date) -> list[Application]:
        """Open applications with a follow-up on or before `until`, soonest first."""
        table = self.table
        query = (
            select(table.c.id)
            .where(self._mine(), table.c.follow_up.is_not(None), table.c.follow_up <= until)
            .where(table.c.stage.not_in(_CLOSED))
            .order_by(table.c.follow_up, table.c.id)
        )
        wanted = list(self.connection.execute(query).scalars())
        return [self.get(ident) for ident in wanted]
