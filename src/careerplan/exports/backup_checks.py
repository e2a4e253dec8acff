"""Checks across a backup's records: every reference points at a record in the file, numbers
and uids are not used twice, and the goals form a tree. A file that fails them would restore a
plan the database (or careerplan's screens) could not hold."""

from __future__ import annotations

from collections.abc import Iterable

from careerplan.domain.entities import ResourceKind
from careerplan.domain.job_search import skill_key
from careerplan.exports.backup_fields import Problem, Steps
from careerplan.exports.backup_layout import Backup


def check_references(backup: Backup) -> None:
    goals = _numbers("goals", "goal", (goal.id for goal in backup.goals))
    actions = _numbers("actions", "action", (action.id for action in backup.actions))
    resources = _numbers("resources", "resource", (resource.id for resource in backup.resources))
    _uids("goals", "goal", (goal.uid for goal in backup.goals))
    _uids("actions", "action", (action.uid for action in backup.actions))

    for n, goal in enumerate(backup.goals):
        if goal.parent_id is not None:
            _points_at(goals, goal.parent_id, ("goals", n, "parent_id"), "goal")
    _check_tree(backup)
    for n, action in enumerate(backup.actions):
        _points_at(goals, action.goal_id, ("actions", n, "goal_id"), "goal")
    for n, resource in enumerate(backup.resources):
        for m, goal_id in enumerate(resource.goal_ids):
            _points_at(goals, goal_id, ("resources", n, "goal_ids", m), "goal")
        for m, action_id in enumerate(resource.action_ids):
            _points_at(actions, action_id, ("resources", n, "action_ids", m), "action")
    for n, checkin in enumerate(backup.checkins):
        _points_at(goals, checkin.goal_id, ("checkins", n, "goal_id"), "goal")
    for n, review in enumerate(backup.reviews):
        for m, entry in enumerate(review.entries):
            _points_at(goals, entry.goal_id, ("reviews", n, "entries", m, "goal_id"), "goal")
    keys: dict[str, int] = {}
    for n, proposal in enumerate(backup.accepted_proposals):
        _points_at(goals, proposal.goal_id, ("accepted_proposals", n, "goal_id"), "goal")
        if proposal.key in keys:
            raise Problem(
                ("accepted_proposals", n, "key"),
                f"is {proposal.key!r} again (accepted_proposals[{keys[proposal.key]}] has it); "
                "a proposal is accepted once.",
            )
        keys[proposal.key] = n
    _check_job_search(backup, resources)


def _check_job_search(backup: Backup, resources: dict[int, int]) -> None:
    """Each skill once, and applications that point at the file's résumés and people."""
    labels: dict[str, int] = {}
    for n, skill in enumerate(backup.skills):
        key = skill_key(skill.label)
        if key in labels:
            raise Problem(
                ("skills", n, "label"),
                f"is {skill.label!r} again (skills[{labels[key]}] has it); a skill is listed once.",
            )
        labels[key] = n
    resumes = _numbers("resumes", "résumé", (resume.id for resume in backup.resumes))
    _numbers("applications", "application", (a.id for a in backup.applications))
    _uids("applications", "application", (a.uid for a in backup.applications))
    for n, application in enumerate(backup.applications):
        if application.resume_id is not None:
            _points_at(resumes, application.resume_id, ("applications", n, "resume_id"), "résumé")
        for m, contact in enumerate(application.contact_ids):
            steps = ("applications", n, "contact_ids", m)
            _points_at(resources, contact, steps, "resource")
            kind = backup.resources[resources[contact]].kind
            if kind is not ResourceKind.PERSON:
                raise Problem(
                    steps,
                    f"refers to resource {contact}, whose kind is {kind.value!r}; an "
                    "application's contacts are people (kind 'person').",
                )


def _numbers(where: str, kind: str, idents: Iterable[int | None]) -> dict[int, int]:
    """Each number's position in its list; a number used twice is refused."""
    seen: dict[int, int] = {}
    for n, ident in enumerate(idents):
        assert ident is not None  # the layout reads every id
        if ident in seen:
            raise Problem(
                (where, n, "id"),
                f"is {ident} again; {kind} {ident} is already {where}[{seen[ident]}].",
            )
        seen[ident] = n
    return seen


def _uids(where: str, kind: str, uids: Iterable[str | None]) -> None:
    """A uid is a record's identity in calendars: two records sharing one would be one event."""
    seen: dict[str, int] = {}
    for n, uid in enumerate(uids):
        if uid is None:
            continue
        if uid in seen:
            raise Problem(
                (where, n, "uid"),
                f"is {uid!r} again; {where}[{seen[uid]}] has it, and no two {kind}s may share "
                "a uid.",
            )
        seen[uid] = n


def _points_at(known: dict[int, int], ident: int, steps: Steps, kind: str) -> None:
    if ident not in known:
        raise Problem(steps, f"refers to {kind} {ident}, which is not in the backup.")


def _check_tree(backup: Backup) -> None:
    """No goal may sit under itself, however far up the chain."""
    parent_of = {goal.id: goal.parent_id for goal in backup.goals}
    position = {goal.id: n for n, goal in enumerate(backup.goals)}
    settled: set[int | None] = set()
    for goal in backup.goals:
        chain: list[int | None] = []
        current: int | None = goal.id
        while current is not None and current not in settled:
            if current in chain:
                loop = [*chain[chain.index(current) :], current]
                shown = " → ".join(f"goal {ident}" for ident in loop)
                raise Problem(
                    ("goals", position[current], "parent_id"),
                    f"makes a loop ({shown}); a goal cannot sit under itself.",
                )
            chain.append(current)
            current = parent_of.get(current)
        settled.update(chain)
