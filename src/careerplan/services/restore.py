"""`careerplan import`: put a JSON backup back into the database, in one transaction.

A plan that already holds something is never overwritten by surprise: the restore refuses and
says what is there, unless told to replace it (delete it, then restore) or merge (keep it and
add the backup's goals, actions, resources, check-ins, reviews, skills, résumés and applications
beside it). Every record gets a new id; times, completions, links, reviews, accepted proposals,
the calendar token and the uids of goals, actions and applications (their calendar identities)
are kept as the backup has them. A merge gives a record a new uid when the plan already holds
its uid (it was restored there before), and leaves out a skill the plan already names.
A dry run does all of it and rolls back, so its report is exact.

The time it takes grows with the size of the backup and no faster: each kind of record is
written in batches (storage/plan_writer.py), and the file is read and the goals encoded before
the transaction begins, so the write lock (on SQLite, other writers wait for it) is held only
for deleting and writing.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DataError, IntegrityError

from careerplan.domain.entities import Goal, Horizon
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy, StorageProblem
from careerplan.domain.job_search import skill_key
from careerplan.exports.backup import Backup, collector_paused, parse_backup
from careerplan.services.clock import Clock
from careerplan.storage.engine import hold_write_lock
from careerplan.storage.plan_writer import PlanWriter, goal_rows
from careerplan.storage.schema_head import HEAD, KNOWN_REVISIONS
from careerplan.storage.whole_plan import PLAN_TABLES, count_plan, delete_plan, uids_in_plan

if TYPE_CHECKING:
    from careerplan.services.workspace import Workspace
    from careerplan.storage.unit_of_work import UnitOfWork


class RestoreMode(enum.StrEnum):
    NEW = "new"  # only into a plan that holds nothing yet
    REPLACE = "replace"
    MERGE = "merge"


@dataclass(slots=True)
class RestoreLine:
    """One kind of record: how many the backup holds, and what happened (or would)."""

    what: str
    in_backup: int = 0
    added: int = 0
    replaced: int = 0
    kept: int = 0


@dataclass(slots=True)
class RestoreReport:
    mode: RestoreMode
    dry_run: bool
    exported_at: datetime
    restored_at: datetime
    lines: list[RestoreLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class PlanNotEmpty(DomainRefusal):
    """The plan holds something and the restore was told to go only into an empty one.
    `held` counts what is there, so each front end can word its own way out."""

    def __init__(self, held: dict[str, int]) -> None:
        super().__init__(
            f"This plan already has {held_in_words(held)}, so the backup was not restored and "
            "nothing changed.",
            hint=Hint(Remedy.REPLACE_OR_MERGE),
        )
        self.held = held


class _DryRun(Exception):
    """Raised inside the unit of work so that it rolls back; carries the finished report."""

    def __init__(self, report: RestoreReport) -> None:
        super().__init__("dry run")
        self.report = report


def restore(
    workspace: Workspace,
    clock: Clock,
    data: bytes,
    mode: RestoreMode = RestoreMode.NEW,
    dry_run: bool = False,
) -> RestoreReport:
    """Restore the backup in `data`; InvalidInput for a bad file, DomainRefusal for a plan
    that is not empty in NEW mode. Nothing is written unless all of it is."""
    # Reading, encoding and writing a large backup all make objects by the million; the
    # collector walking them over and over took a fifth of a restore's time.
    with collector_paused():
        backup = parse_backup(data)
        _check_schema(backup.schema)
        report = RestoreReport(mode, dry_run, backup.exported_at, clock.now())
        encoded = goal_rows(backup.goals)
        try:
            with workspace.unit(writes=True) as uow:
                _restore(uow, clock, backup, encoded, report)
                if dry_run:
                    raise _DryRun(report)
        except _DryRun as rolled_back:
            return rolled_back.report
        except (IntegrityError, DataError) as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
            raise StorageProblem(
                f"The database refused part of the backup ({reason}). Nothing was changed."
            ) from None
        return report


def _check_schema(stamp: str) -> None:
    """A backup says which revision of the database it was made from. One this careerplan does
    not know was made by a newer one, which may hold what this one would drop without a word."""
    if stamp not in KNOWN_REVISIONS:
        raise InvalidInput(
            f"This backup was made by a careerplan whose plans are at revision {stamp!r}; this "
            f"careerplan knows revisions {KNOWN_REVISIONS[0]} to {HEAD}. Restore it with the "
            "careerplan that made it, or a newer one.",
            field="schema",
        )


def _restore(
    uow: UnitOfWork,
    clock: Clock,
    backup: Backup,
    encoded: list[dict[str, Any]],
    report: RestoreReport,
) -> None:
    # From here the plan cannot change under the restore: what it counts is what it replaces.
    hold_write_lock(uow.connection)
    existing = count_plan(uow.connection, uow.owner_id)
    if report.mode is RestoreMode.NEW and any(existing.values()):
        raise PlanNotEmpty(existing)
    lines = {kind: RestoreLine(kind, count) for kind, count in backup_counts(backup).items()}
    for kind, count in existing.items():
        if report.mode is RestoreMode.REPLACE:
            lines[kind].replaced = count
        elif report.mode is RestoreMode.MERGE:
            lines[kind].kept = count
    if report.mode is RestoreMode.REPLACE:
        delete_plan(uow.connection, uow.owner_id)
    _Writer(uow, clock, backup, encoded, report, lines, existing).write()
    report.lines = [line for line in lines.values() if line.in_backup or line.replaced or line.kept]


def backup_counts(backup: Backup) -> dict[str, int]:
    """The records in the backup, by kind, in the order a report lists them."""
    counts = {
        "profile": int(backup.profile is not None),
        "vision": int(backup.vision is not None),
        "exploration": int(backup.exploration is not None),
        "preferences": 1,
        "goals": len(backup.goals),
        "actions": len(backup.actions),
        "completions": sum(len(action.completions) for action in backup.actions),
        "resources": len(backup.resources),
        "resource links": sum(len(r.goal_ids) + len(r.action_ids) for r in backup.resources),
        "check-ins": len(backup.checkins),
        "reviews": len(backup.reviews),
        "review entries": sum(len(review.entries) for review in backup.reviews),
        "accepted proposals": len(backup.accepted_proposals),
        "skills": len(backup.skills),
        "résumés": len(backup.resumes),
        "applications": len(backup.applications),
        "application stages": sum(len(a.history) for a in backup.applications),
        "application contacts": sum(len(a.contact_ids) for a in backup.applications),
    }
    assert set(counts) == set(PLAN_TABLES)
    return counts


_NAMES = {
    "profile": ("a profile", "a profile"),
    "vision": ("a vision", "a vision"),
    "exploration": ("an exploration", "an exploration"),
    "preferences": ("saved preferences", "saved preferences"),
    "goals": ("1 goal", "{} goals"),
    "actions": ("1 action", "{} actions"),
    "resources": ("1 resource", "{} resources"),
    "check-ins": ("1 check-in", "{} check-ins"),
    "reviews": ("1 review", "{} reviews"),
    "accepted proposals": ("1 accepted proposal", "{} accepted proposals"),
    "skills": ("1 skill", "{} skills"),
    "résumés": ("1 résumé", "{} résumés"),
    "applications": ("1 application", "{} applications"),
}


def held_in_words(existing: dict[str, int]) -> str:
    """What a plan holds, as a list people read: 'a profile, a vision and 3 goals'."""
    held = [
        (one if count == 1 else many.format(count))
        for kind, (one, many) in _NAMES.items()
        if (count := existing.get(kind, 0))
    ]
    return in_words(held) or "nothing"


def in_words(items: list[str]) -> str:
    """'a, b and c' (empty for no items)."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Writer:
    """Writes the backup's records with new ids, mapping the file's numbers as it goes: a kind
    at a time, in batches, each kind after the ones it refers to."""

    def __init__(
        self,
        uow: UnitOfWork,
        clock: Clock,
        backup: Backup,
        encoded: list[dict[str, Any]],
        report: RestoreReport,
        lines: dict[str, RestoreLine],
        existing: dict[str, int],
    ) -> None:
        self.uow, self.clock, self.backup, self.encoded = uow, clock, backup, encoded
        self.writer = PlanWriter(uow.connection, uow.owner_id, uow.mark_written)
        self.report, self.lines = report, lines
        self.merging = report.mode is RestoreMode.MERGE
        self.existing = existing
        self.goal_ids: dict[int, int] = {}
        self.action_ids: dict[int, int] = {}
        self.resource_ids: dict[int, int] = {}
        self.resume_ids: dict[int, int] = {}
        # Replace and new restores go into a plan that is empty by then; only a merge can meet
        # its own uids again.
        self.taken = uids_in_plan(uow.connection, uow.owner_id) if self.merging else {}
        self.renewed = {"goals": 0, "actions": 0, "applications": 0}

    def write(self) -> None:
        self._one_each()
        self._goals()
        self._actions()
        self._resources()
        self._checkins_and_reviews()
        self._skills()
        self._resumes()
        self._applications()
        self._note_renewed()
        self._proposals()

    def _added(self, kind: str, count: int = 1) -> None:
        self.lines[kind].added += count

    def _one_each(self) -> None:
        uow, backup = self.uow, self.backup
        preferences = backup.preferences
        token = preferences.calendar_token
        if token is not None and uow.owner_of_feed_token(token) not in (None, uow.owner_id):
            preferences.calendar_token = None
            self.report.notes.append(
                "The backup's calendar feed address is in use by another person here, so it "
                "was not restored; turn the feed on again to get a new address."
            )
        records: dict[str, tuple[object | None, Callable[[Any], object]]] = {
            "profile": (backup.profile, uow.profiles.save),
            "vision": (backup.vision, uow.visions.save),
            "exploration": (backup.exploration, uow.explorations.save),
            "preferences": (preferences, uow.preferences.save),
        }
        kept = []
        for kind, (record, save) in records.items():
            if record is None:
                continue
            if self.merging and self.existing[kind]:
                kept.append(kind)
                continue
            save(record)
            self._added(kind)
        if kept:
            self.report.notes.append(
                f"Kept your {in_words(kept)} as they are; the backup's were not used."
            )

    def _goals(self) -> None:
        dream = self.uow.goals.dream_goal_id() if self.merging else None
        written: list[Goal] = []
        values: list[dict[str, Any]] = []
        for goal, encoded in zip(self.backup.goals, self.encoded, strict=True):
            assert goal.id is not None
            if dream is not None and goal.horizon is Horizon.LONG and goal.parent_id is None:
                self.goal_ids[goal.id] = dream
                self.report.notes.append(
                    f"The backup's dream-job goal ({goal.text!r}) was folded into yours "
                    f"(goal {dream}): what sat under it now sits under yours."
                )
                dream = None
                continue
            written.append(goal)
            values.append(encoded)
        ids = self.writer.new_goal_ids(len(written))
        for goal, ident in zip(written, ids, strict=True):
            assert goal.id is not None
            self.goal_ids[goal.id] = ident
        uids = [self._uid("goals", goal.uid) for goal in written]
        parents = [None if g.parent_id is None else self.goal_ids[g.parent_id] for g in written]
        self.writer.add_goals(ids, values, uids, parents)
        self._added("goals", len(ids))

    def _uid(self, kind: str, uid: str | None) -> str | None:
        """The backup's uid, or None (the writer then makes one) when the plan holds it."""
        if uid is not None and uid in self.taken.get(kind, ()):
            self.renewed[kind] += 1
            return None
        return uid

    def _note_renewed(self) -> None:
        counts = [
            (one if count == 1 else many.format(count))
            for kind, (one, many) in _NAMES.items()
            if (count := self.renewed.get(kind, 0))
        ]
        if counts:
            self.report.notes.append(
                f"Your plan already had {in_words(counts)} with the same calendar identity "
                "as the backup's (restored here before?), so the backup's copies got new ones; "
                "a calendar shows them as new events."
            )

    def _actions(self) -> None:
        goal_ids = self.goal_ids
        restored = [
            replace(
                action,
                id=None,
                goal_id=goal_ids[action.goal_id],
                version=1,
                uid=self._uid("actions", action.uid),
            )
            for action in self.backup.actions
        ]
        ids = self.writer.add_actions(restored)
        for action, ident in zip(self.backup.actions, ids, strict=True):
            assert action.id is not None
            self.action_ids[action.id] = ident
        self._added("actions", len(ids))
        self._added("completions", sum(len(action.completions) for action in restored))

    def _resources(self) -> None:
        restored = [
            replace(
                resource,
                id=None,
                goal_ids=[self.goal_ids[goal_id] for goal_id in resource.goal_ids],
                action_ids=[self.action_ids[action_id] for action_id in resource.action_ids],
                version=1,
            )
            for resource in self.backup.resources
        ]
        ids = self.writer.add_resources(restored)
        for resource, ident in zip(self.backup.resources, ids, strict=True):
            assert resource.id is not None
            self.resource_ids[resource.id] = ident
        self._added("resources", len(restored))
        self._added("resource links", sum(len(r.goal_ids) + len(r.action_ids) for r in restored))

    def _checkins_and_reviews(self) -> None:
        now = self.clock.now()
        checkins = [
            replace(
                checkin,
                id=None,
                goal_id=self.goal_ids[checkin.goal_id],
                created_at=checkin.created_at or now,
            )
            for checkin in self.backup.checkins
        ]
        self.writer.add_checkins(checkins)
        self._added("check-ins", len(checkins))
        reviews = [
            replace(
                review,
                id=None,
                created_at=review.created_at or now,
                entries=[
                    replace(entry, id=None, goal_id=self.goal_ids[entry.goal_id])
                    for entry in review.entries
                ],
            )
            for review in self.backup.reviews
        ]
        self.writer.add_reviews(reviews)
        self._added("reviews", len(reviews))
        self._added("review entries", sum(len(review.entries) for review in reviews))

    def _skills(self) -> None:
        """The backup's skills, less those a merge finds the plan already names (by label,
        whatever the case): the person's own entry, with its level, is the one to keep."""
        known = (
            {skill_key(skill.label) for skill in self.uow.skills.all()} if self.merging else set()
        )
        restored = [
            replace(skill, id=None, version=1)
            for skill in self.backup.skills
            if skill_key(skill.label) not in known
        ]
        self.writer.add_skills(restored)
        self._added("skills", len(restored))
        skipped = len(self.backup.skills) - len(restored)
        if skipped:
            self.report.notes.append(
                f"{skipped} of the backup's skills were in your plan already (by name); yours "
                "were kept."
            )

    def _resumes(self) -> None:
        ids = self.writer.add_resumes([replace(r, id=None) for r in self.backup.resumes])
        for resume, ident in zip(self.backup.resumes, ids, strict=True):
            assert resume.id is not None
            self.resume_ids[resume.id] = ident
        self._added("résumés", len(ids))

    def _applications(self) -> None:
        restored = [
            replace(
                application,
                id=None,
                version=1,
                uid=self._uid("applications", application.uid),
                resume_id=(
                    None
                    if application.resume_id is None
                    else self.resume_ids[application.resume_id]
                ),
                contact_ids=[self.resource_ids[ident] for ident in application.contact_ids],
            )
            for application in self.backup.applications
        ]
        self.writer.add_applications(restored)
        self._added("applications", len(restored))
        self._added("application stages", sum(len(a.history) for a in restored))
        self._added("application contacts", sum(len(a.contact_ids) for a in restored))

    def _proposals(self) -> None:
        already = self.uow.proposals.accepted()
        # The file names each key once (the reader checks), so the keys left are all new here.
        accepted = [
            (proposal.key, self.goal_ids[proposal.goal_id], proposal.accepted_on)
            for proposal in self.backup.accepted_proposals
            if proposal.key not in already
        ]
        self.writer.accept_proposals(accepted)
        self._added("accepted proposals", len(accepted))
        skipped = len(self.backup.accepted_proposals) - len(accepted)
        if skipped:
            self.report.notes.append(
                f"{skipped} of the backup's accepted proposals had been accepted in your plan "
                "already; yours were kept."
            )
