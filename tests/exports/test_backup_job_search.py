"""The job search in the backup file: skills, résumés and applications numbered like the other
records, an application's résumé and contacts written as the file's own numbers, files from
before the job search still read, and a reference to nothing refused where it is."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from careerplan.domain.entities import Resource, ResourceKind, Vision
from careerplan.domain.errors import InvalidInput
from careerplan.domain.job_search import (
    Application,
    Evidence,
    Resume,
    Skill,
    Stage,
    StageChange,
)
from careerplan.exports.backup import line_of, parse_backup, render
from careerplan.exports.snapshot import PlanSnapshot
from tests.exports.test_backup_file import scattered

Document = dict[str, Any]
MADE = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
UID = "6f1c7b0e-0d5e-4c8a-9d6b-2a3f4e5d6c7b"


def job_search() -> PlanSnapshot:
    """The scattered plan (resource 8 is Maria, a person) with a course as resource 2, a vision,
    and the job search: résumés 7 and 3, the later-made one named by an application."""
    plan = scattered()
    return replace(
        plan,
        vision=Vision(
            "COO",
            target_roles="Head of Operations, COO",
            organisation_size="50-200 people",
            pay_range="£90k–£110k",
        ),
        resources=[*plan.resources, Resource(ResourceKind.COURSE, "PMP course", id=2)],
        skills=[
            Skill("Python", level=3, evidence=Evidence.RESUME, noted_on=date(2026, 11, 3), id=9),
            Skill("Budgeting", noted_on=date(2026, 11, 1), confirmed=True, id=4),
        ],
        resumes=[Resume("CV 2026", "Ana\nPM", MADE, id=7), Resume("CV 2025", "Ana", MADE, id=3)],
        applications=[
            Application(
                "COO",
                organisation="Fintech",
                resume_id=7,
                stage=Stage.APPLIED,
                follow_up=date(2026, 11, 27),
                history=[
                    StageChange(Stage.SAVED, date(2026, 11, 10)),
                    StageChange(Stage.APPLIED, date(2026, 11, 20), "sent"),
                ],
                contact_ids=[8],
                created_at=MADE,
                updated_at=MADE,
                id=40,
                uid=UID,
            ),
            Application("Head of Ops", created_at=MADE, updated_at=MADE, id=12),
        ],
    )


def document(snapshot: PlanSnapshot) -> Document:
    loaded: Document = json.loads(render(snapshot))
    return loaded


def refusal(change: Callable[[Document], object]) -> str:
    found = document(job_search())
    change(found)
    with pytest.raises(InvalidInput) as refused:
        parse_backup(json.dumps(found, indent=2, sort_keys=True).encode())
    return str(refused.value)


def test_job_search_records_are_numbered_and_their_references_follow() -> None:
    found = document(job_search())
    assert [skill["label"] for skill in found["skills"]] == ["Budgeting", "Python"]
    assert [(r["id"], r["name"]) for r in found["resumes"]] == [(1, "CV 2025"), (2, "CV 2026")]
    assert [(r["id"], r["name"]) for r in found["resources"]] == [(1, "PMP course"), (2, "Maria")]
    first, second = found["applications"]
    assert (first["id"], first["title"], second["id"], second["title"]) == (
        1,
        "Head of Ops",
        2,
        "COO",
    )
    # Résumé 7 is the file's second, Maria (resource 8) the second resource.
    assert (second["resume_id"], second["contact_ids"]) == (2, [2])
    assert (first["resume_id"], first["contact_ids"], first["uid"]) == (None, [], None)
    assert second["uid"] == UID
    assert second["history"] == [
        {"stage": "saved", "on": "2026-11-10", "note": ""},
        {"stage": "applied", "on": "2026-11-20", "note": "sent"},
    ]
    assert found["vision"]["pay_range"] == "£90k–£110k"


def test_job_search_records_read_back_to_the_same_bytes() -> None:
    data = render(job_search())
    assert render(parse_backup(data).snapshot()) == data


def test_a_file_from_before_the_job_search_reads_with_none_of_it() -> None:
    found = document(job_search())
    for key in ("skills", "resumes", "applications"):
        del found[key]
    for key in ("target_roles", "organisation_size", "pay_range"):
        del found["vision"][key]
    backup = parse_backup(json.dumps(found).encode())
    assert (backup.skills, backup.resumes, backup.applications) == ([], [], [])
    assert backup.vision is not None
    vision = backup.vision
    assert (vision.target_roles, vision.organisation_size, vision.pay_range) == ("", "", "")
    assert vision.dream_job_title == "COO"


def test_a_list_written_as_null_reads_as_empty_like_a_missing_one() -> None:
    found = document(job_search())
    found["applications"] = None
    assert parse_backup(json.dumps(found).encode()).applications == []


def _set(steps: tuple[str | int, ...], value: object) -> Callable[[Document], None]:
    def change(found: Document) -> None:
        target: Any = found
        for step in steps[:-1]:
            target = target[step]
        target[steps[-1]] = value

    return change


def _append(steps: tuple[str | int, ...], value: object) -> Callable[[Document], None]:
    def change(found: Document) -> None:
        target: Any = found
        for step in steps:
            target = target[step]
        target.append(value)

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _set(("applications", 1, "resume_id"), 3),
            "applications[1].resume_id refers to résumé 3, which is not in the backup.",
        ),
        (
            _set(("applications", 1, "contact_ids"), [5]),
            "applications[1].contact_ids[0] refers to resource 5, which is not in the backup.",
        ),
        (
            _set(("applications", 1, "contact_ids"), [1]),
            "applications[1].contact_ids[0] refers to resource 1, whose kind is 'course'; an "
            "application's contacts are people (kind 'person').",
        ),
        (
            _set(("applications", 1, "contact_ids"), [2, 2]),
            "applications[1].contact_ids names the same resource twice.",
        ),
        (
            _set(("applications", 0, "id"), 2),
            "applications[1].id is 2 again; application 2 is already applications[0].",
        ),
        (
            _set(("resumes", 1, "id"), 1),
            "resumes[1].id is 1 again; résumé 1 is already resumes[0].",
        ),
        (
            _set(("applications", 0, "uid"), UID),
            f"applications[1].uid is '{UID}' again; applications[0] has it",
        ),
        (
            _set(("skills", 1, "label"), " BUDGETING "),
            "skills[1].label is ' BUDGETING ' again (skills[0] has it); a skill is listed once.",
        ),
        (_set(("skills", 0, "level"), 8), "skills[0].level is 8; it must be from 0 to 7."),
        (_set(("skills", 0, "evidence"), "hunch"), "skills[0].evidence should be one of"),
        (_set(("applications", 1, "stage"), "ghosted"), "applications[1].stage should be one"),
        (
            _set(("applications", 1, "history", 0, "on"), "2026-13-01"),
            "applications[1].history[0].on is '2026-13-01', which is not a day",
        ),
        (_set(("resumes", 0, "text"), " "), "resumes[0].text is empty; it needs some text."),
        (_append(("skills",), {"label": "x"}), "skills[2] lacks 'level', 'evidence'"),
    ],
)
def test_a_damaged_job_search_record_is_refused_by_its_path(
    change: Callable[[Document], object], expected: str
) -> None:
    message = refusal(change)
    assert message.startswith("The backup is not valid: on line ")
    assert expected in message


def test_a_refused_reference_names_the_line_it_is_on() -> None:
    found = document(job_search())
    found["applications"][1]["resume_id"] = 9
    text = json.dumps(found, indent=2, sort_keys=True)
    line = line_of(text, ("applications", 1, "resume_id"))
    assert line is not None
    assert '"resume_id": 9' in text.splitlines()[line - 1]
    with pytest.raises(InvalidInput, match=rf"^The backup is not valid: on line {line}, "):
        parse_backup(text.encode())
