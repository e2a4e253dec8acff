"""A plan with something of every kind, stored in a real database, for the backup tests: Ana's
story plus a measured goal whose parent was made after it, a dropped goal, completions with
notes, resources linked to goals and actions, check-ins, a review with entries, preferences
with a calendar token, an accepted proposal, the exploration, what she is looking for, her
skills, two résumés and applications (one sent through María with the newer résumé, one
ended), unicode and multi-line text, and times with microseconds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from careerplan.config import Settings
from careerplan.domain.entities import (
    Decision,
    GoalStatus,
    Horizon,
    Preferences,
    ResourceKind,
    Review,
    ReviewCadence,
    ReviewEntry,
)
from careerplan.domain.job_search import (
    Application,
    Evidence,
    Resume,
    Skill,
    Stage,
    StageChange,
)
from careerplan.services.actions import add_action, complete_action
from careerplan.services.clock import FixedClock
from careerplan.services.explore import save_answers, save_reflection
from careerplan.services.exporting import export_plan
from careerplan.services.goals import add_goal, check_in, move_goal, set_status
from careerplan.services.resources import add_resource
from careerplan.services.workspace import Workspace, open_workspace

# Later than the story's clock, with microseconds, so times are seen to survive exactly.
LATER = FixedClock(datetime(2026, 11, 25, 17, 45, 12, 345678, tzinfo=UTC))
TOKEN = "feed-3f9c2a7b1d"
MULTI_LINE = "Réseau : rencontrer 3 mentors 🚀\nsecond line, «quoted», 中文\r\nthird"
# The sent application's calendar identity and its follow-up day.
APPLICATION_UID = "5b0c1d2e-3f40-4152-8364-758697a8b9ca"
FOLLOW_UP = date(2026, 11, 27)


def add_everything(workspace: Workspace, clock: FixedClock) -> None:
    """On top of the `story` fixture (goals 1-3, action 1)."""
    with workspace.unit() as uow:
        exam = add_goal(
            uow,
            clock,
            text="Pass the PMP practice exam with 80% by May 2027",
            parent_id=3,
            horizon=Horizon.SIX_MONTHS,
            metric="score",
            target=80,
            unit="%",
        ).goal
        network = add_goal(uow, LATER, text=MULTI_LINE, parent_id=1).goal
        assert exam.id is not None
        assert network.id is not None
        move_goal(uow, LATER, exam.id, network.id)  # the parent now has the higher id
        spanish = add_goal(uow, clock, text="Learn Spanish", parent_id=1).goal
        assert spanish.id is not None
        set_status(uow, LATER, spanish.id, GoalStatus.DROPPED)
        booking = add_action(uow, clock, exam.id, "Book the practice exam — ünïcode")
        assert booking.id is not None
        complete_action(uow, clock, booking.id, on=date(2026, 11, 20), note="booked\nfor March")
        complete_action(uow, clock, 1, on=date(2026, 10, 1), note="Meetup «Tech»")
        complete_action(uow, clock, 1, on=date(2026, 11, 1))
        add_resource(
            uow,
            ResourceKind.PERSON,
            "María López",
            contact="maria@example.com",
            notes="COO at a fintech\nmet at a meetup",
            goal_ids=[2],
            action_ids=[1],
        )
        add_resource(
            uow, ResourceKind.COURSE, "PMP prep course", goal_ids=[exam.id], action_ids=[booking.id]
        )
        check_in(uow, clock, exam.id, value=40, note="first mock\n40%", on=date(2026, 11, 10))
        check_in(uow, LATER, exam.id, value=55.5, confidence=4, on=date(2026, 11, 20))
        uow.reviews.add(
            Review(
                held_on=date(2026, 11, 22),
                cadence=ReviewCadence.WEEKLY,
                went_well="Two chapters ✓",
                got_in_the_way="Travel\nand a cold",
                entries=[
                    ReviewEntry(goal_id=exam.id, progress=55.5, confidence=4, note="on track"),
                    ReviewEntry(goal_id=spanish.id, decision=Decision.DROP),
                ],
            ),
            LATER.now(),
        )
        uow.preferences.save(
            Preferences(
                review_cadence=ReviewCadence.MONTHLY,
                review_weekday=2,
                reminder_days=3,
                calendar_token=TOKEN,
                digest_email="ana@example.com",
            )
        )
        uow.proposals.accept("skills:project-management", exam.id, date(2026, 11, 21))
        save_answers(uow, clock, [(n % 5) + 1 if n % 7 else 0 for n in range(60)])
        save_reflection(
            uow, LATER, "Ich führe gern Menschen.\nZweite Zeile", interest_field="Enterprising"
        )
    add_job_search(workspace, clock)


def add_job_search(workspace: Workspace, clock: FixedClock) -> None:
    """Skills, two résumés and two applications, the sent one naming María (a resource of kind
    person) and the second résumé, so references that are not the first of their kind show."""
    with workspace.unit() as uow:
        vision = uow.visions.get()
        assert vision is not None
        vision.target_roles = "Head of Operations, COO"
        vision.organisation_size = "50-200 people"
        vision.pay_range = "£90,000–£110,000"
        uow.visions.save(vision)
        uow.skills.add(
            Skill(
                "Project management",
                level=5,
                evidence=Evidence.RESUME,
                shown_by="Led a team of 6\nengineers and designers",
                noted_on=date(2026, 11, 20),
                uri="http://data.europa.eu/esco/skill/project-management",
                element="Management of Personnel Resources",
            )
        )
        uow.skills.add(Skill("Négociation «B2B»", confirmed=True, noted_on=date(2026, 11, 21)))
        uow.resumes.add(Resume("CV 2025", "Ana Lima\nProduct manager", clock.now()))
        newer = uow.resumes.add(Resume("CV — 2026", "Ana Lima\n" + MULTI_LINE, LATER.now()))
        maria = next(r for r in uow.resources.all() if r.kind is ResourceKind.PERSON)
        uow.applications.add(
            Application(
                title="Head of Operations",
                posting="Head of Operations\nLead a team of 12 — £100k",
                organisation="Fintech Ltd",
                occupation_code="11-1021.00",
                resume_id=newer.id,
                stage=Stage.APPLIED,
                follow_up=FOLLOW_UP,
                notes="Referred by María",
                history=[
                    StageChange(Stage.SAVED, date(2026, 11, 18)),
                    StageChange(Stage.APPLIED, date(2026, 11, 20), "sent «today»"),
                ],
                contact_ids=[maria.id or 0],
                created_at=clock.now(),
                updated_at=LATER.now(),
                uid=APPLICATION_UID,
            )
        )
        uow.applications.add(
            Application(
                title="COO",
                stage=Stage.REJECTED,
                history=[
                    StageChange(Stage.APPLIED, date(2026, 10, 1)),
                    StageChange(Stage.REJECTED, date(2026, 10, 20)),
                ],
                created_at=clock.now(),
                updated_at=clock.now(),
            )
        )


def backup_of(workspace: Workspace, clock: FixedClock) -> bytes:
    return export_plan(workspace, clock, "json")


def without_export_time(backup: bytes) -> list[str]:
    """The backup's lines, less the one that says when it was made."""
    return [line for line in backup.decode().splitlines() if '"exported_at"' not in line]


@contextmanager
def other_database(settings: Settings, tmp_path: Path) -> Iterator[Workspace]:
    """A second, empty database on the same kind of server as `settings`."""
    if settings.is_sqlite:
        folder = tmp_path / "other"
        urls: Iterator[str] = iter([f"sqlite:///{folder / 'careerplan.sqlite3'}"])
    else:
        from tests.conftest import _postgres_schema_url

        folder = tmp_path
        urls = _postgres_schema_url()
    url = next(urls)
    opened = open_workspace(Settings(data_dir=folder, database_url=url))
    try:
        yield opened
    finally:
        opened.close()
        for _ in urls:  # lets the PostgreSQL schema be dropped
            pass
