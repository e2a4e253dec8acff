"""The whole plan as a backup document, and restoring one (with a dry run that changes nothing)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import Field

from careerplan.domain.errors import InvalidInput
from careerplan.services.restore import PlanNotEmpty, RestoreReport, restore
from careerplan.web.api.responses import INVALID, WRITE, problem_response
from careerplan.web.api.schemas import Out
from careerplan.web.backup_transfer import (
    MAX_BACKUP_BYTES,
    RestoreChoice,
    TooLarge,
    check_size,
)
from careerplan.web.deps import ClockDep, WorkspaceDep
from careerplan.web.problems import refusal

router = APIRouter(prefix="/backup", tags=["backup"], responses=INVALID)

BACKUP_DOCUMENT: dict[str, Any] = {
    "type": "object",
    "description": "A careerplan backup (format careerplan-backup), exactly as GET /api/v1/backup "
    "returns it. It is read strictly: a problem names the JSON path and line.",
}


class RestoreLineOut(Out):
    what: str = Field(description="A kind of record, e.g. 'goals' or 'check-ins'.")
    in_backup: int
    added: int
    replaced: int = Field(description="Deleted from the plan that was here (mode=replace).")
    kept: int = Field(description="Left as they were (mode=merge).")


class RestoreReportOut(Out):
    mode: RestoreChoice
    dry_run: bool = Field(description="True: this is what would happen; nothing was changed.")
    exported_at: datetime = Field(description="When the backup was made.")
    restored_at: datetime
    lines: list[RestoreLineOut]
    notes: list[str]


@router.get(
    "",
    summary="The whole plan as a backup document (the file the command line's JSON export writes)",
    response_class=Response,
    responses={
        200: {
            "description": "The backup, canonical JSON.",
            "content": {"application/json": {"schema": BACKUP_DOCUMENT}},
        }
    },
)
async def backup_read(workspace: WorkspaceDep, clock: ClockDep) -> Response:
    from careerplan.services.exporting import export_plan

    data = await run_in_threadpool(export_plan, workspace, clock, "json")
    return Response(data, media_type="application/json", headers={"Cache-Control": "no-store"})


@router.post(
    "/restore",
    summary="Restore a backup into this plan: all of it or, if anything fails, none",
    response_model=RestoreReportOut,
    responses=WRITE
    | {
        409: problem_response(
            "The plan is not empty and mode=refuse; `held` counts what is there. Nothing changed."
        ),
        413: problem_response(f"The backup is over {MAX_BACKUP_BYTES} bytes."),
        422: problem_response("The body is not a backup this version can restore whole."),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": BACKUP_DOCUMENT}},
        }
    },
)
async def backup_restore(
    request: Request,
    workspace: WorkspaceDep,
    clock: ClockDep,
    mode: Annotated[
        RestoreChoice,
        Query(
            description="When the plan already has something: refuse (change nothing), replace "
            "it, or merge the backup into it."
        ),
    ] = RestoreChoice.REFUSE,
    dry_run: Annotated[bool, Query(description="Report what would change; change nothing.")] = (
        False
    ),
) -> Any:
    # Read as bytes, not as a model: the backup's own reader gives the exact path and line of
    # any problem, and the report counts what the file holds.
    data = await request.body()
    try:
        check_size(len(data))
        report = await run_in_threadpool(restore, workspace, clock, data, mode.mode, dry_run)
    except TooLarge as error:
        return refusal(413, error, request)
    except PlanNotEmpty as refused:
        return refusal(409, refused, request, held=refused.held)
    except InvalidInput as error:
        return refusal(422, error, request)
    return report_out(report)


def report_out(report: RestoreReport) -> RestoreReportOut:
    return RestoreReportOut(
        mode=RestoreChoice.of(report.mode),
        dry_run=report.dry_run,
        exported_at=report.exported_at,
        restored_at=report.restored_at,
        lines=[RestoreLineOut.model_validate(line) for line in report.lines],
        notes=report.notes,
    )
