"""The job search in the plan's exports: each open application's follow-up is a dated event in
the calendar (read back with `icalendar`) under an identifier made from the application's uid,
and the Markdown lists the skills and the applications after the resources."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import cast

import icalendar
from icalendar.cal import Component
from icalendar.prop import vCategory

from careerplan.domain.entities import Preferences
from careerplan.domain.job_search import (
    Application,
    Evidence,
    Skill,
    Stage,
    StageChange,
)
from careerplan.exports.ical import render as render_ical
from careerplan.exports.markdown import render as render_markdown
from careerplan.exports.snapshot import PlanSnapshot
from tests.exports import plans

MADE = datetime(2026, 11, 13, 8, 0, tzinfo=UTC)
OPEN_UID = "00000000-0000-4000-b000-000000000001"
ENDED_UID = "00000000-0000-4000-b000-000000000002"
SAVED_UID = "00000000-0000-4000-b000-000000000003"


def follow_up_event(uid: str) -> str:
    return f"follow-up-{uid}@careerplan"


def applications() -> list[Application]:
    sent = StageChange(Stage.APPLIED, date(2026, 11, 13))
    return [
        Application(
            "Head of Operations",
            organisation="Fintech Ltd",
            stage=Stage.INTERVIEWING,
            follow_up=date(2026, 11, 30),
            history=[sent, StageChange(Stage.INTERVIEWING, date(2026, 11, 20))],
            contact_ids=[1],  # Maria Lopez, a person of the plan
            created_at=MADE,
            updated_at=MADE,
            id=1,
            version=3,
            uid=OPEN_UID,
        ),
        Application(
            "COO",
            organisation="Acme",
            stage=Stage.REJECTED,
            history=[sent, StageChange(Stage.REJECTED, date(2026, 11, 21))],
            created_at=MADE,
            updated_at=MADE,
            id=2,
            version=2,
            uid=ENDED_UID,
        ),
        Application(
            "Programme Manager",
            history=[StageChange(Stage.SAVED, date(2026, 11, 10))],
            created_at=MADE,
            updated_at=MADE,
            id=3,
            uid=SAVED_UID,
        ),
    ]


def with_job_search(**changes: object) -> PlanSnapshot:
    skills = [
        Skill("Budgeting", level=5, evidence=Evidence.GOAL, confirmed=True, id=1),
        Skill("SQL *reports*", evidence=Evidence.RESUME, id=2),
    ]
    changes.setdefault("applications", applications())
    return plans.ana(skills=skills, **changes)


def events(snapshot: PlanSnapshot) -> dict[str, Component]:
    found = icalendar.Calendar.from_ical(render_ical(snapshot)).walk("VEVENT")
    by_uid = {str(event["UID"]): event for event in found}
    assert len(by_uid) == len(found), "two events share a UID"
    return by_uid


def test_an_open_applications_follow_up_is_an_all_day_event_on_its_day() -> None:
    found = events(with_job_search(preferences=Preferences(reminder_days=2)))
    event = found[follow_up_event(OPEN_UID)]
    assert event.decoded("DTSTART") == date(2026, 11, 30)
    assert type(event.decoded("DTSTART")) is date
    assert event.decoded("DTEND") == date(2026, 12, 1)
    assert str(event["SUMMARY"]) == "Follow up: Head of Operations at Fintech Ltd"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("SEQUENCE") == 2
    categories = cast(vCategory, event["CATEGORIES"])
    assert [str(c) for c in categories.cats] == ["careerplan", "follow-up"]
    description = str(event["DESCRIPTION"])
    assert "Stage: interviewing" in description
    assert "Applied on 2026-11-13" in description
    assert "Contacts: Maria Lopez" in description
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(days=-2, hours=9)


def test_an_ended_application_keeps_its_event_cancelled_and_a_saved_one_has_none() -> None:
    found = events(with_job_search())
    ended = found[follow_up_event(ENDED_UID)]
    assert str(ended["STATUS"]) == "CANCELLED"
    assert ended.decoded("DTSTART") == date(2026, 11, 21)  # the day it ended
    assert ended.walk("VALARM") == []
    assert "This application has ended (rejected)." in str(ended["DESCRIPTION"])
    assert follow_up_event(SAVED_UID) not in found


def test_the_follow_ups_identity_is_its_applications_uid_whatever_its_id_or_owner() -> None:
    before = events(with_job_search())
    moved = applications()
    moved[0] = replace(moved[0], id=41, follow_up=date(2026, 12, 4), version=4)
    after = events(with_job_search(applications=moved, owner_id=7))
    event = after[follow_up_event(OPEN_UID)]
    assert event.decoded("DTSTART") == date(2026, 12, 4)
    assert event.decoded("SEQUENCE") == before[follow_up_event(OPEN_UID)].decoded("SEQUENCE") + 1


def test_an_application_never_stored_is_named_by_its_id_and_owner() -> None:
    unsaved = replace(applications()[0], uid=None, id=5)
    found = events(with_job_search(applications=[unsaved]))
    assert "follow-up-5-p1@careerplan" in found


def test_the_markdown_lists_the_skills_and_the_applications_after_the_resources() -> None:
    text = render_markdown(with_job_search()).decode()
    resources, skills, applications_at = (
        text.index("## Resources"),
        text.index("## Skills"),
        text.index("## Applications"),
    )
    assert resources < skills < applications_at
    section = text[skills : text.index("## Recent reviews")]
    assert section.splitlines() == [
        "## Skills",
        "",
        "- **Budgeting** — 5 · handle hard cases; others ask me (shown by a goal or action I "
        "completed)",
        "- **SQL \\*reports\\*** — level not set (shown by a line of my résumé, not confirmed yet)",
        "",
        "## Applications",
        "",
        "- **Head of Operations** at Fintech Ltd — interviewing, follow up 30 Nov 2026",
        "- **Programme Manager** — saved",
        "- **COO** at Acme — rejected",
        "",
    ]


def test_a_plan_without_a_job_search_has_no_such_sections() -> None:
    text = render_markdown(plans.ana()).decode()
    assert "## Skills" not in text
    assert "## Applications" not in text


def test_what_the_person_is_looking_for_is_in_the_visions_facts() -> None:
    vision = replace(
        plans.ana().vision,  # type: ignore[type-var]
        target_roles="Head of Operations, COO",
        organisation_size="50-200 people",
        pay_range="£90k–£110k",
    )
    text = render_markdown(plans.ana(vision=vision)).decode()
    assert "- Roles: Head of Operations, COO" in text
    assert "- Organisation size: 50-200 people" in text
    assert "- Pay: £90k–£110k" in text
