"""Step 5's job search, kept: the person's skills, their résumé (and what it proves of the dream
job), the applications they track with scores and stages, and the "What I'm looking for" card.
The /jobs/fit page (web/pages/job_search.py) stays the quick check that saves nothing."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from careerplan.domain.bounds import check_text
from careerplan.domain.errors import CareerplanError, DomainRefusal, InvalidInput
from careerplan.domain.job_search import LEVEL_WORDS, MAX_LEVEL, Evidence, Stage, level_words
from careerplan.domain.rules import MAX_DOCUMENT
from careerplan.services.documents import MAX_BYTES, saveable
from careerplan.web.deps import ClockDep, UnitsDep
from careerplan.web.forms import Form
from careerplan.web.hints import for_page
from careerplan.web.job_search_views import UPLOAD_KINDS
from careerplan.web.problems import status_for
from careerplan.web.templating import render

router = APIRouter()

STEP = "actions"
LEVELS = [(level, f"{level} · {words}") for level, words in LEVEL_WORDS.items()]
COMMON = {
    "levels": LEVELS,
    "level_words": level_words,
    "max_level": MAX_LEVEL,
    "evidences": list(Evidence),
    "stages": list(Stage),
    "max_document": MAX_DOCUMENT,
    "max_megabytes": MAX_BYTES // 1024 // 1024,
    "upload_kinds": UPLOAD_KINDS,
}


def _status(error: CareerplanError) -> int:
    return status_for(error)


async def _text_or_file(form: FormData, text_field: str, what: str) -> str:
    """The text pasted into `text_field`, or the text of the file chosen in `file`."""
    from careerplan.web.job_search_views import document_text

    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(MAX_BYTES + 1)
        return document_text(data, upload.filename)
    pasted = form.get(text_field)
    text = pasted.strip() if isinstance(pasted, str) else ""
    check_text(text, f"The {what}", text_field)
    if not text:
        raise InvalidInput(f"Choose a file or paste the {what}'s text.", field=text_field)
    if len(text) > MAX_DOCUMENT:
        raise InvalidInput(
            f"The {what} is {len(text):,} characters long; it is read up to {MAX_DOCUMENT:,}.",
            field=text_field,
        )
    return text


def _values(form: FormData) -> dict[str, str]:
    return {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}


# Skills


def _skills_context(uow: Any, extra: dict[str, Any]) -> dict[str, Any]:
    skills = uow.skills.all()
    profile = uow.profiles.get()
    context: dict[str, Any] = {
        **COMMON,
        "skills": sorted(skills, key=lambda s: (s.confirmed, s.label.casefold())),
        "waiting": sum(1 for s in skills if not s.confirmed),
        "has_job": bool(profile and (profile.current_occupation_code or profile.current_job_title)),
        "values": {},
        "errors": {},
    }
    context.update(extra)
    return context


def _skills_page(
    request: Request, units: UnitsDep, extra: dict[str, Any], status: int = 200
) -> Response:
    with units() as uow:
        context = _skills_context(uow, extra)
    return render(request, "skills.html", context, status, step=STEP)


@router.get("/skills", response_class=HTMLResponse)
def skills_page(request: Request, units: UnitsDep, saved: str = "", added: int = -1) -> Response:
    return _skills_page(request, units, {"saved": saved, "added": added})


@router.post("/skills", response_model=None)
async def add_skill_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.skills_inventory import add_skill

    form = await Form.read(request)
    level = _level(form)
    try:
        evidence = Evidence(form.text("evidence") or Evidence.SAID.value)
    except ValueError:
        form.errors["evidence"] = "Choose what shows that you have it."
        evidence = Evidence.SAID
    if not form.text("label"):
        form.errors["label"] = "Name the skill."
    if form.errors:
        return _skills_page(request, units, form.context(), 422)
    try:
        with units() as uow:
            add_skill(
                uow,
                clock,
                form.text("label"),
                level=level,
                evidence=evidence,
                shown_by=form.text("shown_by"),
            )
    except InvalidInput as error:
        form.refuse(error, "label")
        return _skills_page(request, units, form.context(), 422)
    return RedirectResponse("/skills?saved=added", status_code=303)


def _level(form: Form) -> int | None:
    level = form.integer("level")
    if level is not None and not 0 <= level <= MAX_LEVEL:
        form.errors["level"] = f"A level is from 0 to {MAX_LEVEL}."
        return None
    return level


@router.post("/skills/seed", response_model=None)
async def seed_skills_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.skills_inventory import seed_from_goals, seed_from_job

    form = await Form.read(request)
    source = form.text("from")
    try:
        with units() as uow:
            if source == "job":
                added = seed_from_job(uow, clock)
            elif source == "goals":
                added = seed_from_goals(uow, clock)
            else:
                raise InvalidInput("Choose to take skills from your job or from completed goals.")
    except CareerplanError as error:
        return _skills_page(request, units, {"form_error": for_page(error)}, _status(error))
    return RedirectResponse(f"/skills?saved={source}&added={len(added)}", status_code=303)


@router.post("/skills/{skill_id}", response_model=None)
async def save_skill_form(
    request: Request, skill_id: int, units: UnitsDep, clock: ClockDep
) -> Response:
    from careerplan.services.skills_inventory import set_skill

    form = await Form.read(request)
    level = _level(form)
    version = form.integer("version")
    if form.errors:
        return _skills_page(request, units, {"form_error": "; ".join(form.errors.values())}, 422)
    try:
        with units() as uow:
            set_skill(
                uow,
                clock,
                skill_id,
                expected_version=version,
                level=level,
                clear_level=level is None and "level" in form.values,
                confirmed=True,
            )
    except CareerplanError as error:
        return _skills_page(request, units, {"form_error": for_page(error)}, _status(error))
    return RedirectResponse(f"/skills?saved=skill-{skill_id}#skill-{skill_id}", status_code=303)


@router.post("/skills/{skill_id}/remove", response_model=None)
async def remove_skill_form(request: Request, skill_id: int, units: UnitsDep) -> Response:
    from careerplan.services.skills_inventory import remove_skill

    form = await Form.read(request)
    try:
        with units() as uow:
            remove_skill(uow, skill_id, form.integer("version"))
    except CareerplanError as error:
        return _skills_page(request, units, {"form_error": for_page(error)}, _status(error))
    return RedirectResponse("/skills?saved=removed", status_code=303)


# The résumé


def _resume_context(uow: Any, clock: ClockDep, extra: dict[str, Any]) -> dict[str, Any]:
    from careerplan.catalog.resume import read_resume
    from careerplan.domain.job_search import skill_key as key
    from careerplan.services.tailoring import against_dream

    resume = uow.resumes.latest()
    skills = uow.skills.all()
    by_label = {key(s.label): s for s in skills}
    found = []
    if resume is not None:
        for shown in read_resume(resume.text).skills:
            found.append((shown, by_label.get(key(shown.label[:200]))))
    vision = uow.visions.get()
    context: dict[str, Any] = {
        **COMMON,
        "resume": resume,
        "resumes": len(uow.resumes.all()),
        "found": found,
        "waiting": sum(1 for s in skills if not s.confirmed),
        "vision": vision,
        "check": against_dream(uow, clock),
        "added": -1,
        "goal_added": 0,
        "values": {},
        "errors": {},
    }
    context.update(extra)
    return context


def _resume_page(
    request: Request, units: UnitsDep, clock: ClockDep, extra: dict[str, Any], status: int = 200
) -> Response:
    with units() as uow:
        context = _resume_context(uow, clock, extra)
    return render(request, "resume.html", context, status, step=STEP)


@router.get("/resume", response_class=HTMLResponse)
def resume_page(
    request: Request, units: UnitsDep, clock: ClockDep, added: int = -1, goal: int = 0
) -> Response:
    return _resume_page(request, units, clock, {"added": added, "goal_added": goal})


@router.post("/resume", response_model=None)
async def import_resume_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from fastapi.concurrency import run_in_threadpool

    from careerplan.services.applications import import_resume

    async with request.form() as form:
        values = _values(form)
        try:
            text = await _text_or_file(form, "text", "résumé")
        except InvalidInput as error:
            return _resume_page(
                request, units, clock, {"values": values, "form_error": for_page(error)}, 422
            )
        upload = form.get("file")
        filename = upload.filename if isinstance(upload, UploadFile) and upload.filename else ""
    name = saveable(values.get("name", "").strip() or filename or "résumé")

    def save() -> int:
        with units() as uow:
            return len(import_resume(uow, clock, text, name).added)

    try:
        added = await run_in_threadpool(save)
    except InvalidInput as error:
        return _resume_page(
            request, units, clock, {"values": values, "form_error": for_page(error)}, 422
        )
    return RedirectResponse(f"/resume?added={added}", status_code=303)


@router.post("/resume/goals", response_model=None)
async def gap_goal_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from careerplan.services.tailoring import add_gap_goal

    form = await Form.read(request)
    try:
        with units() as uow:
            goal = add_gap_goal(uow, clock, form.text("name"))
    except CareerplanError as error:
        return _resume_page(request, units, clock, {"goal_error": for_page(error)}, _status(error))
    return RedirectResponse(f"/resume?goal={goal.id}#dream", status_code=303)


# Applications


def _jobs_context(uow: Any, clock: ClockDep, extra: dict[str, Any]) -> dict[str, Any]:
    from careerplan.catalog.job_fit import QUALIFIED
    from careerplan.services.tailoring import scored

    applications = uow.applications.all()
    rows = [(a, scored(uow, clock, a)) for a in reversed(applications)]
    context: dict[str, Any] = {
        **COMMON,
        "rows": rows,
        "today": clock.today(),
        "qualified_at": QUALIFIED,
        "has_resume": uow.resumes.latest() is not None,
        "values": {},
        "errors": {},
    }
    context.update(extra)
    return context


def _jobs_page(
    request: Request, units: UnitsDep, clock: ClockDep, extra: dict[str, Any], status: int = 200
) -> Response:
    with units() as uow:
        context = _jobs_context(uow, clock, extra)
    return render(request, "jobs.html", context, status, step=STEP)


@router.get("/jobs", response_class=HTMLResponse)
def jobs_page(request: Request, units: UnitsDep, clock: ClockDep, saved: str = "") -> Response:
    return _jobs_page(request, units, clock, {"saved": saved})


@router.post("/jobs", response_model=None)
async def add_job_form(request: Request, units: UnitsDep, clock: ClockDep) -> Response:
    from fastapi.concurrency import run_in_threadpool

    from careerplan.services.applications import add_application

    async with request.form() as form:
        values = _values(form)
        try:
            posting = await _text_or_file(form, "posting", "posting")
        except InvalidInput as error:
            return _jobs_page(
                request, units, clock, {"values": values, "form_error": for_page(error)}, 422
            )
    title = values.get("title", "").strip() or None

    def save() -> int | None:
        with units() as uow:
            return add_application(
                uow,
                clock,
                posting,
                title=title,
                organisation=values.get("organisation", ""),
            ).id

    try:
        ident = await run_in_threadpool(save)
    except InvalidInput as error:
        errors = {error.field: for_page(error)} if error.field in ("title", "organisation") else {}
        extra = {"values": values, "errors": errors, "form_error": for_page(error)}
        return _jobs_page(request, units, clock, extra, 422)
    except DomainRefusal as error:
        return _jobs_page(request, units, clock, {"form_error": for_page(error)}, 409)
    return RedirectResponse(f"/jobs/{ident}", status_code=303)


def _job_context(
    uow: Any, clock: ClockDep, application_id: int, extra: dict[str, Any]
) -> dict[str, Any]:
    from careerplan.catalog.job_fit import QUALIFIED
    from careerplan.services.tailoring import resume_for, scored, tailoring

    application = uow.applications.get(application_id)
    found = scored(uow, clock, application)
    rows = [] if found.fit is None else tailoring(uow, clock, application, found.fit.fit)
    context: dict[str, Any] = {
        **COMMON,
        "application": application,
        "scores": found,
        "tailoring": rows,
        "resume": resume_for(uow, application),
        "today": clock.today(),
        "qualified_at": QUALIFIED,
        "values": {},
        "errors": {},
    }
    context.update(extra)
    return context


def _job_page(
    request: Request,
    units: UnitsDep,
    clock: ClockDep,
    application_id: int,
    extra: dict[str, Any],
    status: int = 200,
) -> Response:
    with units() as uow:
        context = _job_context(uow, clock, application_id, extra)
    return render(request, "job.html", context, status, step=STEP)


@router.get("/jobs/{application_id}", response_class=HTMLResponse)
def job_page(
    request: Request, application_id: int, units: UnitsDep, clock: ClockDep, saved: str = ""
) -> Response:
    return _job_page(request, units, clock, application_id, {"saved": saved})


@router.post("/jobs/{application_id}/stage", response_model=None)
async def move_job_form(
    request: Request, application_id: int, units: UnitsDep, clock: ClockDep
) -> Response:
    from careerplan.services.applications import move_application

    form = await Form.read(request)
    try:
        stage: Stage | None = Stage(form.text("stage"))
    except ValueError:
        form.errors["stage"] = "Choose the stage it has reached."
        stage = None
    on = form.day("on", clock.today())
    version = form.integer("version")
    if form.errors or stage is None:
        extra = {**form.context(), "form": "stage"}
        return _job_page(request, units, clock, application_id, extra, 422)
    try:
        with units() as uow:
            move_application(
                uow,
                clock,
                application_id,
                stage,
                on=on,
                note=form.text("note"),
                expected_version=version,
            )
    except InvalidInput as error:
        form.refuse(error, "note")
        extra = {**form.context(), "form": "stage"}
        return _job_page(request, units, clock, application_id, extra, 422)
    except DomainRefusal as error:
        return _refused_job(request, units, clock, application_id, error)
    return RedirectResponse(f"/jobs/{application_id}?saved=stage#history", status_code=303)


def _refused_job(
    request: Request, units: UnitsDep, clock: ClockDep, application_id: int, error: DomainRefusal
) -> Response:
    from careerplan.domain.errors import NotFound

    if isinstance(error, NotFound):
        raise error
    extra = {"form_error": for_page(error)}
    return _job_page(request, units, clock, application_id, extra, _status(error))


@router.post("/jobs/{application_id}/edit", response_model=None)
async def edit_job_form(
    request: Request, application_id: int, units: UnitsDep, clock: ClockDep
) -> Response:
    from careerplan.services.applications import edit_application

    form = await Form.read(request)
    follow_up = form.day("follow_up", clock.today())
    version = form.integer("version")
    if not form.text("title"):
        form.errors["title"] = "Give the job's title."
    if form.errors:
        extra = {**form.context(), "form": "edit"}
        return _job_page(request, units, clock, application_id, extra, 422)
    try:
        with units() as uow:
            edit_application(
                uow,
                clock,
                application_id,
                expected_version=version,
                title=form.text("title"),
                organisation=form.text("organisation"),
                notes=form.text("notes"),
                follow_up=follow_up,
                clear_follow_up=follow_up is None,
            )
    except InvalidInput as error:
        form.refuse(error, "notes")
        extra = {**form.context(), "form": "edit"}
        return _job_page(request, units, clock, application_id, extra, 422)
    except DomainRefusal as error:
        return _refused_job(request, units, clock, application_id, error)
    return RedirectResponse(f"/jobs/{application_id}?saved=edit", status_code=303)


@router.post("/jobs/{application_id}/remove", response_model=None)
async def remove_job_form(
    request: Request, application_id: int, units: UnitsDep, clock: ClockDep
) -> Response:
    from careerplan.services.applications import remove_application

    form = await Form.read(request)
    try:
        with units() as uow:
            remove_application(uow, application_id, form.integer("version"))
    except DomainRefusal as error:
        return _refused_job(request, units, clock, application_id, error)
    return RedirectResponse("/jobs?saved=removed", status_code=303)


# The card


@router.get("/card", response_class=HTMLResponse)
def looking_for_page(request: Request, units: UnitsDep) -> Response:
    from careerplan.services.looking_for import looking_for

    with units() as uow:
        card = looking_for(uow) if uow.visions.get() is not None else None
    return render(request, "looking_for.html", {"card": card, "pdf": True}, step=STEP)


@router.get("/card.pdf", response_model=None)
async def looking_for_pdf(request: Request, units: UnitsDep) -> Response:
    from fastapi.concurrency import run_in_threadpool

    from careerplan.exports.pdf import render_looking_for
    from careerplan.services.looking_for import looking_for

    with units() as uow:
        card = looking_for(uow)  # no plan yet: the error page says where to start
    data = await run_in_threadpool(render_looking_for, card)
    return Response(
        data,
        media_type="application/pdf",
        headers={
            "Content-Disposition": 'attachment; filename="what-i-am-looking-for.pdf"',
            "Cache-Control": "no-store",
        },
    )
