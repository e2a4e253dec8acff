"""Restoring the job search: skills, résumés and applications come back whole on both
databases, an application still names its résumé and its people after every id has changed, a
merge does not list a skill twice, and a file from before the job search still restores."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from tests.exports.rich_plan import (
    APPLICATION_UID,
    FOLLOW_UP,
    backup_of,
    other_database,
    without_export_time,
)

from careerplan.domain.entities import ResourceKind
from careerplan.domain.errors import InvalidInput
from careerplan.domain.job_search import Resume, Skill, Stage
from careerplan.services.clock import FixedClock
from careerplan.services.resources import add_resource
from careerplan.services.restore import RestoreMode, restore
from careerplan.services.vision import init_plan
from careerplan.services.workspace import Workspace

NEXT_WEEK = FixedClock(datetime(2026, 12, 2, 8, 0, tzinfo=UTC))
JOB_SEARCH = ("skills", "résumés", "applications", "application stages", "application contacts")


def lines_of(report: Any) -> dict[str, tuple[int, int, int, int]]:
    return {
        line.what: (line.in_backup, line.added, line.replaced, line.kept) for line in report.lines
    }


def start_bo(workspace: Workspace, clock: FixedClock) -> None:
    """Bo's plan, holding a résumé, a person and a skill already, so every id the restore hands
    out differs from the file's numbers."""
    with workspace.unit() as uow:
        init_plan(
            uow, clock, name="Bo", current_job_title="", hours_per_week=2, dream_job_title="Chef"
        )
        uow.resumes.add(Resume("Bo's CV", "Bo\nChef", clock.now()))
        add_resource(uow, ResourceKind.PERSON, "Carla", contact="carla@example.com")
        add_resource(uow, ResourceKind.OTHER, "Cookbook")
        uow.skills.add(Skill("PROJECT  Management", level=2, noted_on=clock.today()))


def test_the_job_search_restores_whole_into_another_database(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    restore(empty, NEXT_WEEK, backup_of(rich, clock))
    with empty.unit() as uow:
        sent = next(a for a in uow.applications.all() if a.uid == APPLICATION_UID)
        vision = uow.visions.get()
        assert [s.label for s in uow.skills.all()] == ["Project management", "Négociation «B2B»"]
        assert sent.stage is Stage.APPLIED
        assert sent.follow_up == FOLLOW_UP
        assert [(c.stage, c.note) for c in sent.history] == [
            (Stage.SAVED, ""),
            (Stage.APPLIED, "sent «today»"),
        ]
        assert sent.resume_id is not None
        assert uow.resumes.get(sent.resume_id).name == "CV — 2026"
        assert [uow.resources.get(ident).name for ident in sent.contact_ids] == ["María López"]
    assert vision is not None
    assert (vision.target_roles, vision.organisation_size, vision.pay_range) == (
        "Head of Operations, COO",
        "50-200 people",
        "£90,000–£110,000",
    )


def test_an_application_names_its_resume_and_people_after_every_id_has_changed(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    start_bo(empty, clock)
    restore(empty, NEXT_WEEK, backup_of(rich, clock), RestoreMode.MERGE)
    with empty.unit() as uow:
        sent = next(a for a in uow.applications.all() if a.uid == APPLICATION_UID)
        resumes = {resume.id: resume.name for resume in uow.resumes.all()}
        people = {r.id: r.name for r in uow.resources.all()}
    # Bo's résumé is 1 and his two resources 1 and 2: the file's résumé 2 and resource 1 are now
    # résumé 3 and María's new id, whatever the database hands out.
    assert sent.resume_id not in (None, 2)
    assert resumes[sent.resume_id] == "CV — 2026"
    assert len(sent.contact_ids) == 1
    assert sent.contact_ids[0] != 1
    assert people[sent.contact_ids[0]] == "María López"


def test_a_merge_keeps_the_plans_own_skill_and_says_so(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    start_bo(empty, clock)
    report = restore(empty, NEXT_WEEK, backup_of(rich, clock), RestoreMode.MERGE)
    lines = lines_of(report)
    assert lines["skills"] == (2, 1, 0, 1)
    assert lines["résumés"] == (2, 2, 0, 1)
    assert lines["applications"] == (2, 2, 0, 0)
    assert lines["application stages"] == (4, 4, 0, 0)
    assert lines["application contacts"] == (1, 1, 0, 0)
    assert (
        "1 of the backup's skills were in your plan already (by name); yours were kept."
        in report.notes
    )
    with empty.unit() as uow:
        skills = {skill.label: skill.level for skill in uow.skills.all()}
    assert skills == {"PROJECT  Management": 2, "Négociation «B2B»": None}


def test_merging_a_backup_into_its_own_plan_adds_no_skill_twice(
    rich: Workspace, clock: FixedClock
) -> None:
    report = restore(rich, NEXT_WEEK, backup_of(rich, clock), RestoreMode.MERGE)
    assert lines_of(report)["skills"] == (2, 0, 0, 2)
    assert lines_of(report)["applications"] == (2, 2, 0, 2)
    assert (
        "2 of the backup's skills were in your plan already (by name); yours were kept."
        in report.notes
    )
    with rich.unit() as uow:
        assert len(uow.skills.all()) == 2
        uids = [a.uid for a in uow.applications.all()]
    assert len(uids) == len(set(uids)) == 4  # the copies got calendar identities of their own


@pytest.mark.parametrize("mode", [RestoreMode.MERGE, RestoreMode.REPLACE])
def test_a_dry_run_reports_the_job_search_exactly_and_changes_nothing(
    rich: Workspace, empty: Workspace, clock: FixedClock, mode: RestoreMode
) -> None:
    start_bo(empty, clock)
    data = backup_of(rich, clock)
    before = backup_of(empty, clock)
    dry = restore(empty, NEXT_WEEK, data, mode, dry_run=True)
    assert backup_of(empty, clock) == before
    real = restore(empty, NEXT_WEEK, data, mode)
    assert (dry.lines, dry.notes) == (real.lines, real.notes)
    assert {kind for kind in JOB_SEARCH} <= {line.what for line in real.lines}


def test_a_backup_from_before_the_job_search_restores(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    document = json.loads(backup_of(rich, clock))
    for key in ("skills", "resumes", "applications"):
        del document[key]
    for key in ("target_roles", "organisation_size", "pay_range"):
        del document["vision"][key]
    old = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2).encode()
    report = restore(empty, NEXT_WEEK, old)
    assert not set(JOB_SEARCH) & {line.what for line in report.lines}
    assert lines_of(report)["goals"] == (6, 6, 0, 0)
    with empty.unit() as uow:
        assert (uow.skills.all(), uow.resumes.all(), uow.applications.all()) == ([], [], [])
        vision = uow.visions.get()
    assert vision is not None
    assert (vision.target_roles, vision.organisation_size, vision.pay_range) == ("", "", "")
    # Its next backup is whole: the lists are there, empty, and it restores to the same bytes.
    again = backup_of(empty, NEXT_WEEK)
    assert json.loads(again)["applications"] == []
    with other_database(empty.settings, empty.settings.data_dir / "third") as third:
        restore(third, NEXT_WEEK, again)
        assert without_export_time(backup_of(third, NEXT_WEEK)) == without_export_time(again)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("resume_id", 5, "applications[0].resume_id refers to résumé 5, which is not in the"),
        ("contact_ids", [7], "applications[0].contact_ids[0] refers to resource 7, which is not"),
        ("contact_ids", [2], "applications[0].contact_ids[0] refers to resource 2, whose kind"),
    ],
)
def test_a_reference_to_nothing_in_the_file_is_refused_and_changes_nothing(
    rich: Workspace, empty: Workspace, clock: FixedClock, field: str, value: object, expected: str
) -> None:
    document = json.loads(backup_of(rich, clock))
    document["applications"][0][field] = value
    with pytest.raises(InvalidInput) as refused:
        restore(empty, NEXT_WEEK, json.dumps(document).encode())
    assert expected in str(refused.value)
    with empty.unit() as uow:
        assert uow.applications.all() == []
        assert uow.goals.all() == []
