"""Résumés kept in the plan, and the applications the person tracks: each posting saved whole,
scored for now and for the dream job, moved through its stages with a dated history and a
follow-up, and counted by any goal of applying."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from careerplan.domain.entities import GoalStatus, ResourceKind
from careerplan.domain.errors import Hint, InvalidInput, Remedy
from careerplan.domain.job_search import (
    MAX_APPLICATIONS,
    Application,
    Resume,
    Skill,
    Stage,
    StageChange,
    applications_sent,
    counts_applications,
    follow_up_after,
)
from careerplan.domain.rules import MAX_DOCUMENT, MAX_NAME, MAX_NOTE, clean_optional, clean_text

if TYPE_CHECKING:
    from careerplan.catalog import Catalog
    from careerplan.catalog.resume import ResumeReading
    from careerplan.services.clock import Clock
    from careerplan.services.job_search import PostingFit
    from careerplan.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class Imported:
    resume: Resume
    reading: ResumeReading
    # Skills the résumé added to the inventory, waiting for the person to confirm them.
    added: list[Skill] = field(default_factory=list)


def import_resume(
    uow: UnitOfWork, clock: Clock, text: str, name: str, catalog: Catalog | None = None
) -> Imported:
    """Keep the résumé's text and add the skills it shows to the inventory, unconfirmed."""
    from careerplan.catalog.resume import read_resume
    from careerplan.services.documents import saveable
    from careerplan.services.skills_inventory import seed_from_resume

    body = saveable(text).strip()
    if not body:
        raise InvalidInput("The résumé has no text.")
    if len(body) > MAX_DOCUMENT:
        raise InvalidInput(
            f"The résumé is {len(body):,} characters long; the limit is {MAX_DOCUMENT:,}."
        )
    reading = read_resume(body, catalog)
    named = clean_optional(saveable(name), "résumé's name", MAX_NAME, field="name")
    resume = uow.resumes.add(Resume(named or "résumé", body, clock.now()))
    return Imported(resume, reading, seed_from_resume(uow, clock, reading.skills))


def resume_text_for(uow: UnitOfWork, resume: Resume | None) -> str:
    """What a posting is scored against: the résumé, and a skills line of the confirmed
    inventory, so a skill the person has but the résumé does not show still counts."""
    confirmed = [skill.label for skill in uow.skills.all() if skill.confirmed]
    text = resume.text if resume is not None else ""
    if confirmed:
        text += "\n\nSkills\n" + "\n".join(confirmed)
    return text


def score(
    uow: UnitOfWork, clock: Clock, application: Application, catalog: Catalog | None = None
) -> PostingFit:
    from careerplan.services.job_search import score_posting

    resume = (
        uow.resumes.get(application.resume_id)
        if application.resume_id is not None
        else uow.resumes.latest()
    )
    return score_posting(
        application.posting, resume_text_for(uow, resume), clock.today(), uow, catalog
    )


def add_application(
    uow: UnitOfWork,
    clock: Clock,
    posting: str,
    *,
    title: str | None = None,
    organisation: str = "",
    stage: Stage = Stage.SAVED,
    notes: str = "",
    contact_ids: list[int] | None = None,
    catalog: Catalog | None = None,
) -> Application:
    """Save a posting as an application, with the résumé imported last as the one to send."""
    from careerplan.catalog import best_occupation, open_catalog
    from careerplan.catalog.dream_fit import posting_title

    body = clean_text(posting, "posting", MAX_DOCUMENT, field="posting")
    if uow.applications.count() >= MAX_APPLICATIONS:
        raise InvalidInput(
            f"A plan tracks at most {MAX_APPLICATIONS:,} applications; remove old ones first."
        )
    named = (title or "").strip() or posting_title(body)
    if not named:
        raise InvalidInput(
            "The posting does not start with a job title.",
            field="title",
            hint=Hint(Remedy.GIVE_JOB_TITLE),
        )
    cat = catalog or open_catalog()
    occupation = best_occupation(named, cat)
    today = clock.today()
    latest = uow.resumes.latest()
    now = clock.now()
    application = Application(
        title=clean_text(named, "job title", MAX_NAME, field="title"),
        posting=body,
        organisation=clean_optional(organisation, "organisation", MAX_NAME, field="organisation"),
        occupation_code=occupation.code if occupation is not None else None,
        resume_id=latest.id if latest is not None else None,
        stage=stage,
        follow_up=follow_up_after(stage, today, None),
        notes=clean_optional(notes, "notes", MAX_NOTE, field="notes"),
        history=[StageChange(stage, today)],
        contact_ids=_contacts(uow, contact_ids or []),
        created_at=now,
        updated_at=now,
    )
    uow.applications.add(application)
    count_applying_goals(uow)
    return application


def _contacts(uow: UnitOfWork, ids: list[int]) -> list[int]:
    for ident in ids:
        if uow.resources.get(ident).kind is not ResourceKind.PERSON:
            raise InvalidInput(
                f"Resource {ident} is not a person: an application's contacts are people.",
                field="contacts",
            )
    return list(dict.fromkeys(ids))


def move_application(
    uow: UnitOfWork,
    clock: Clock,
    ident: int,
    stage: Stage,
    *,
    on: date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    """Move the application to `stage` on `on` (today), adding it to the dated history."""
    application = uow.applications.get(ident)
    if expected_version is not None:
        application.version = expected_version
    today = clock.today()
    day = on or today
    if day > today:
        raise InvalidInput(
            f"A stage is what has happened: {day.isoformat()} is after today.", field="on"
        )
    last = application.history[-1] if application.history else None
    # Saving a posting is bookkeeping: one sent before it was saved is dated when it was sent.
    if last is not None and last.stage is not Stage.SAVED and day < last.on:
        raise InvalidInput(
            f"The last stage was on {last.on.isoformat()}; a later one cannot be dated before it.",
            field="on",
        )
    change = StageChange(stage, day, clean_optional(note, "note", MAX_NOTE, field="note"))
    application.stage = stage
    application.follow_up = follow_up_after(stage, day, application.follow_up)
    application.updated_at = clock.now()
    application.history.append(change)
    uow.applications.save(application, [change])
    count_applying_goals(uow)
    return application


def edit_application(
    uow: UnitOfWork,
    clock: Clock,
    ident: int,
    *,
    expected_version: int | None = None,
    title: str | None = None,
    organisation: str | None = None,
    notes: str | None = None,
    follow_up: date | None = None,
    clear_follow_up: bool = False,
    resume_id: int | None = None,
    contact_ids: list[int] | None = None,
) -> Application:
    application = uow.applications.get(ident)
    if expected_version is not None:
        application.version = expected_version
    if title is not None:
        application.title = clean_text(title, "job title", MAX_NAME, field="title")
    if organisation is not None:
        application.organisation = clean_optional(
            organisation, "organisation", MAX_NAME, field="organisation"
        )
    if notes is not None:
        application.notes = clean_optional(notes, "notes", MAX_NOTE, field="notes")
    if clear_follow_up:
        application.follow_up = None
    elif follow_up is not None:
        application.follow_up = follow_up
    if resume_id is not None:
        application.resume_id = uow.resumes.get(resume_id).id
    application.updated_at = clock.now()
    uow.applications.save(application)
    if contact_ids is not None:
        application.contact_ids = _contacts(uow, contact_ids)
        assert application.id is not None
        uow.applications.set_contacts(application.id, application.contact_ids)
    return application


def remove_application(
    uow: UnitOfWork, ident: int, expected_version: int | None = None
) -> Application:
    application = uow.applications.get(ident)
    uow.applications.delete(ident, expected_version)
    count_applying_goals(uow)
    return application


def count_applying_goals(uow: UnitOfWork) -> None:
    """Set the measure of every open goal of applying ("10 applications sent") to the
    applications sent since the goal was set: the goal counts them by itself."""
    goals = [
        goal
        for goal in uow.goals.all()
        if goal.status is GoalStatus.ACTIVE
        and goal.measure is not None
        and counts_applications(goal.measure.metric)
    ]
    if not goals:
        return
    applications = uow.applications.all()
    for goal in goals:
        assert goal.measure is not None
        since = goal.created_at.date() if goal.created_at is not None else None
        sent = float(applications_sent(applications, since))
        if goal.measure.current != sent:
            goal.measure.current = sent
            uow.goals.save(goal)
