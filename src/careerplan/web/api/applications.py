"""Résumés kept in the plan, the applications the person tracks (scored for now and for the
dream job, moved through dated stages), and the "What I'm looking for" card."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from careerplan.domain.bounds import MAX_ID
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.domain.job_search import Application, Resume
from careerplan.domain.rules import MAX_NAME, clean_optional
from careerplan.services.documents import MAX_BYTES
from careerplan.web.api.job_search_schemas import (
    ApplicationIn,
    ApplicationOut,
    ApplicationPatch,
    ApplicationRowOut,
    CardOut,
    DreamCheckOut,
    GapGoalIn,
    GapGoalOut,
    ImportedOut,
    ResumeIn,
    ResumeOut,
    ResumeRefOut,
    StageIn,
)
from careerplan.web.api.responses import (
    INVALID,
    NOT_FOUND,
    REFUSED,
    WRITE,
    WRITE_ONE,
    problem_response,
)
from careerplan.web.api.skills_inventory import skill_out
from careerplan.web.api.types import RemoveIfVersion
from careerplan.web.deps import ClockDep, UnitsDep

router = APIRouter(tags=["applications"], responses=INVALID)

ResumeId = Annotated[int, Path(ge=1, le=MAX_ID, description="The résumé's id.")]
ApplicationId = Annotated[int, Path(ge=1, le=MAX_ID, description="The application's id.")]

# Résumés


def resume_out(resume: Resume) -> ResumeOut:
    from careerplan.catalog.resume import read_resume

    reading = read_resume(resume.text)
    body = reading.to_dict()
    return ResumeOut.model_validate(
        {
            "id": resume.id,
            "name": resume.name,
            "imported_at": resume.imported_at,
            "text": resume.text,
            "sections": body["sections"],
            "skills": body["skills"],
        }
    )


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ResumeIn.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": f"PDF, DOCX, Markdown, HTML or text; up to "
                            f"{MAX_BYTES // 1024 // 1024} MB.",
                        },
                        "name": {"type": "string", "maxLength": 200},
                    },
                }
            },
        },
    }
}


def _unreadable(position: int, reason: str) -> RequestValidationError:
    """A body that is no JSON at all, refused as FastAPI refuses one for a declared body."""
    return RequestValidationError(
        [{"type": "json_invalid", "loc": ("body", position), "msg": "JSON decode error",
          "ctx": {"error": reason}}]
    )  # fmt: skip


async def _resume_body(request: Request) -> tuple[str, str]:
    """(name, text) from a multipart upload or a JSON body."""
    from careerplan.services.documents import saveable
    from careerplan.web.job_search_views import document_text

    kind = request.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        async with request.form() as form:
            upload = form.get("file")
            named = form.get("name")
            if not isinstance(upload, UploadFile):
                raise InvalidInput("Send the résumé as the form field `file`.", field="file")
            data = await upload.read(MAX_BYTES + 1)
            filename = upload.filename or "résumé"
        if isinstance(named, str):
            clean_optional(named, "name", MAX_NAME, field="name")
        name = named.strip() if isinstance(named, str) and named.strip() else filename
        return saveable(name), document_text(data, filename)
    raw = await request.body()
    try:
        loaded = json.loads(raw)
    except json.JSONDecodeError as error:
        raise _unreadable(error.pos, error.msg) from None
    except UnicodeDecodeError:
        raise _unreadable(0, "not UTF-8 text") from None
    try:
        body = ResumeIn.model_validate(loaded)
    except ValidationError as error:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in error.errors()]
        ) from None
    return body.name, body.text


@router.post(
    "/resumes",
    summary="Import a résumé (a file or its text): kept whole, its skills added to confirm",
    status_code=status.HTTP_201_CREATED,
    response_model=ImportedOut,
    responses=WRITE
    | {413: problem_response(f"The upload is over {MAX_BYTES // 1024 // 1024} MB.")},
    openapi_extra=UPLOAD_BODY,
)
async def resumes_create(
    request: Request, response: Response, units: UnitsDep, clock: ClockDep
) -> ImportedOut:
    from fastapi.concurrency import run_in_threadpool

    from careerplan.services.applications import import_resume

    name, text = await _resume_body(request)

    def save() -> ImportedOut:
        with units() as uow:
            imported = import_resume(uow, clock, text, name)
        return ImportedOut(
            resume=resume_out(imported.resume), added=[skill_out(s) for s in imported.added]
        )

    answer = await run_in_threadpool(save)
    response.headers["Location"] = f"/api/v1/resumes/{answer.resume.id}"
    return answer


@router.get("/resumes", summary="List the imported résumés", response_model=list[ResumeRefOut])
def resumes_list(units: UnitsDep) -> list[ResumeRefOut]:
    with units() as uow:
        found = uow.resumes.all()
    return [ResumeRefOut.model_validate(resume) for resume in found]


@router.get(
    "/resumes/{resume_id}",
    summary="Show a résumé, its sections and the skills it shows",
    response_model=ResumeOut,
    responses=NOT_FOUND,
)
def resumes_get(resume_id: ResumeId, units: UnitsDep) -> ResumeOut:
    with units() as uow:
        resume = uow.resumes.get(resume_id)
    return resume_out(resume)


# Applications


def row_data(application: Application) -> dict[str, Any]:
    return {
        "id": application.id,
        "title": application.title,
        "organisation": application.organisation,
        "occupation_code": application.occupation_code,
        "resume_id": application.resume_id,
        "stage": application.stage,
        "follow_up": application.follow_up,
        "applied_on": application.applied_on,
        "notes": application.notes,
        "history": [{"stage": c.stage, "on": c.on, "note": c.note} for c in application.history],
        "contact_ids": application.contact_ids,
        "created_at": application.created_at,
        "updated_at": application.updated_at,
        "version": application.version,
    }


def application_out(uow: Any, clock: ClockDep, application: Application) -> ApplicationOut:
    from careerplan.services.tailoring import scored

    found = scored(uow, clock, application, tailored=True)
    return ApplicationOut.model_validate(
        row_data(application) | {"posting": application.posting} | found.to_dict()
    )


@router.get(
    "/applications",
    summary="List the applications (without their scores)",
    response_model=list[ApplicationRowOut],
)
def applications_list(units: UnitsDep) -> list[ApplicationRowOut]:
    with units() as uow:
        found = uow.applications.all()
    return [ApplicationRowOut.model_validate(row_data(a)) for a in found]


@router.post(
    "/applications",
    summary="Save a posting as an application, scored against the résumé and the dream job",
    status_code=status.HTTP_201_CREATED,
    response_model=ApplicationOut,
    responses=WRITE_ONE,
)
def applications_create(
    body: ApplicationIn, response: Response, units: UnitsDep, clock: ClockDep
) -> ApplicationOut:
    from careerplan.services.applications import add_application

    with units() as uow:
        application = add_application(
            uow,
            clock,
            body.posting,
            title=body.title,
            organisation=body.organisation,
            stage=body.stage,
            notes=body.notes,
            contact_ids=body.contact_ids,
        )
        answer = application_out(uow, clock, application)
    response.headers["Location"] = f"/api/v1/applications/{application.id}"
    return answer


@router.get(
    "/applications/{application_id}",
    summary="Show an application with its scores",
    response_model=ApplicationOut,
    responses=NOT_FOUND,
)
def applications_get(application_id: ApplicationId, units: UnitsDep, clock: ClockDep) -> Any:
    with units() as uow:
        return application_out(uow, clock, uow.applications.get(application_id))


@router.patch(
    "/applications/{application_id}",
    summary="Change an application: title, organisation, notes, follow-up, résumé, contacts",
    response_model=ApplicationOut,
    responses=WRITE_ONE,
)
def applications_update(
    application_id: ApplicationId, body: ApplicationPatch, units: UnitsDep, clock: ClockDep
) -> ApplicationOut:
    from careerplan.services.applications import edit_application

    sent = body.model_fields_set
    with units() as uow:
        application = edit_application(
            uow,
            clock,
            application_id,
            expected_version=body.version,
            title=body.title,
            organisation=body.organisation,
            notes=body.notes,
            follow_up=body.follow_up,
            clear_follow_up="follow_up" in sent and body.follow_up is None,
            resume_id=body.resume_id,
            contact_ids=body.contact_ids,
        )
        return application_out(uow, clock, application)


@router.post(
    "/applications/{application_id}/stage",
    summary="Move an application to a stage, dated (today by default)",
    response_model=ApplicationOut,
    responses=WRITE_ONE,
)
def applications_move(
    application_id: ApplicationId, body: StageIn, units: UnitsDep, clock: ClockDep
) -> ApplicationOut:
    from careerplan.services.applications import move_application

    with units() as uow:
        application = move_application(
            uow,
            clock,
            application_id,
            body.stage,
            on=body.on,
            note=body.note,
            expected_version=body.version,
        )
        return application_out(uow, clock, application)


@router.delete(
    "/applications/{application_id}",
    summary="Remove an application and its history",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=WRITE_ONE,
)
def applications_delete(
    application_id: ApplicationId,
    units: UnitsDep,
    version: RemoveIfVersion = None,
) -> Response:
    from careerplan.services.applications import remove_application

    with units() as uow:
        remove_application(uow, application_id, version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# The résumé against the dream job


@router.get(
    "/dream-check",
    summary="The latest résumé against the dream job: proven, not shown, real gaps",
    response_model=DreamCheckOut,
    responses=REFUSED,
)
def dream_check(units: UnitsDep, clock: ClockDep) -> DreamCheckOut:
    from careerplan.services.tailoring import against_dream

    with units() as uow:
        check = against_dream(uow, clock)
    if check is None:
        raise _no_dream()
    return DreamCheckOut.model_validate(check.to_dict())


@router.post(
    "/dream-check/goals",
    summary="Make one of the real gaps a goal under the dream job",
    response_model=GapGoalOut,
    status_code=status.HTTP_201_CREATED,
    responses=WRITE,
)
def dream_check_goal(body: GapGoalIn, units: UnitsDep, clock: ClockDep) -> GapGoalOut:
    from careerplan.services.tailoring import add_gap_goal

    with units() as uow:
        goal = add_gap_goal(uow, clock, body.name)
    assert goal.id is not None
    return GapGoalOut(goal_id=goal.id, text=goal.text)


def _no_dream() -> DomainRefusal:
    return DomainRefusal(
        "Your plan names no dream occupation to compare your résumé with.",
        hint=Hint(Remedy.CHOOSE_DREAM_JOB),
    )


# The card


@router.get(
    "/card",
    summary="“What I'm looking for”: the card to hand the person's network",
    response_model=CardOut,
    responses=REFUSED,
)
def card_get(units: UnitsDep) -> CardOut:
    from careerplan.services.looking_for import looking_for

    with units() as uow:
        card = looking_for(uow)
    return CardOut.model_validate(card.to_dict())
