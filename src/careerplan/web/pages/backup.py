"""Back up and restore: download the whole plan as a file, and put a backup back in two steps,
a preview of exactly what would change (a dry run) and then the restore itself.

The file chosen at the preview travels on to the confirm step sealed (web/backup_transfer.py
says how and why), so the restore is always the one the person saw previewed.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData, UploadFile

from careerplan.domain.errors import InvalidInput
from careerplan.exports.backup import parse_backup
from careerplan.services.restore import PlanNotEmpty, RestoreReport, restore
from careerplan.services.workspace import Workspace
from careerplan.storage.server_secrets import server_secret
from careerplan.web.backup_transfer import (
    Carried,
    RestoreChoice,
    carry,
    check_size,
    seal_key,
    unpack,
)
from careerplan.web.deps import ClockDep, WorkspaceDep
from careerplan.web.hints import for_page
from careerplan.web.templating import render

router = APIRouter()

CHOICES = (
    (
        RestoreChoice.REFUSE,
        "Only into an empty plan",
        "If this plan already has anything in it, nothing is changed and you are told what is "
        "there. The safe choice on a new computer or a fresh install.",
    ),
    (
        RestoreChoice.REPLACE,
        "Replace this plan with the backup",
        "Everything in this plan now is deleted and the backup takes its place. Use it to go "
        "back to the plan as it was when the backup was made.",
    ),
    (
        RestoreChoice.MERGE,
        "Add the backup to this plan",
        "This plan stays, and the backup's goals, actions, resources, check-ins and reviews "
        "are added beside it. Your profile, vision, exploration and preferences stay as they are.",
    ),
)
CONFIRM_FIELDS = ("payload", "seal", "mode", "revision", "approval")
STALE = (
    "Nothing was restored: this confirm does not match the preview (the plan has changed since, "
    "the form was changed, or this restore was already done). Here is what restoring would do "
    "now; confirm again if it is what you want."
)


@router.get("/backup", response_class=HTMLResponse)
def backup_page(request: Request) -> HTMLResponse:
    return _start(request, 200)


@router.post("/backup/preview", response_class=HTMLResponse)
async def preview(request: Request, workspace: WorkspaceDep, clock: ClockDep) -> HTMLResponse:
    async with request.form() as form:  # closes the spooled upload when done
        choice = _choice(_text(form, "mode"))
        try:
            carried, data = await _file(form, _key(request, workspace))
        except InvalidInput as error:
            return _start(request, 422, _for_people(error), choice)
    if choice is None:
        return _carried_page(request, 422, carried, problem="Choose what to do with the backup.")
    return await _preview(request, workspace, clock, carried, data, choice)


@router.post("/backup/restore", response_class=HTMLResponse)
async def confirm(request: Request, workspace: WorkspaceDep, clock: ClockDep) -> HTMLResponse:
    async with request.form() as form:
        sent = {name: _text(form, name) for name in CONFIRM_FIELDS}
    try:
        carried, data = unpack(sent["payload"], sent["seal"], _key(request, workspace))
    except InvalidInput as error:
        return _start(request, 422, _for_people(error))
    choice = _choice(sent["mode"])
    if choice is None:
        return _carried_page(request, 422, carried, problem="Choose what to do with the backup.")
    current = workspace.revision()
    if sent["revision"] != str(current) or not carried.approves(sent["approval"], choice, current):
        # An edited form, a plan changed since the preview, or a confirm sent twice: show what
        # restoring would do now instead, and restore nothing.
        return await _preview(request, workspace, clock, carried, data, choice, 409, STALE)
    try:
        report = await run_in_threadpool(restore, workspace, clock, data, choice.mode)
    except PlanNotEmpty as refused:
        return _refused(request, carried, refused)
    except InvalidInput as error:
        return _start(request, 422, _for_people(error), choice)
    return _render(request, 200, "done", report=report, choice=choice)


async def _preview(
    request: Request,
    workspace: WorkspaceDep,
    clock: ClockDep,
    carried: Carried,
    data: bytes,
    choice: RestoreChoice,
    status: int = 200,
    notice: str = "",
) -> HTMLResponse:
    revision = workspace.revision()  # read first: a change after it makes the confirm stale
    try:
        report = await run_in_threadpool(restore, workspace, clock, data, choice.mode, True)
    except PlanNotEmpty as refused:
        return _refused(request, carried, refused)
    except InvalidInput as error:
        return _start(request, 422, _for_people(error), choice)
    return _render(
        request,
        status,
        "preview",
        report=report,
        choice=choice,
        carried=carried,
        revision=revision,
        approval=carried.approval(choice, revision),
        notice=notice,
    )


def _key(request: Request, workspace: Workspace) -> bytes:
    # Read when the app started, unless the database was down then (web/app.py). Two requests
    # reading it at once read the same secret.
    server_key: bytes | None = getattr(request.app.state, "seal_key", None)
    if server_key is None:
        server_key = server_secret(workspace.engine, "backup-seal")
        request.app.state.seal_key = server_key
    return seal_key(server_key, workspace.owner_id)


async def _file(form: FormData, key: bytes) -> tuple[Carried, bytes]:
    """The chosen file, or the one a refused preview carried on; checked for size and sealed."""
    if "payload" in form:
        return unpack(_text(form, "payload"), _text(form, "seal"), key)
    upload = form.get("backup")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise InvalidInput("Choose a backup file to restore (a .json file made by careerplan).")
    # The upload is already spooled (to disk past 1 MB), so its size is known before reading.
    check_size(upload.size or 0)
    data = await upload.read()
    check_size(len(data))
    try:
        return carry(data, key), data
    except InvalidInput:
        parse_backup(data)  # a file that is no backup at all hears that instead
        raise


def _choice(value: str) -> RestoreChoice | None:
    try:
        return RestoreChoice(value)
    except ValueError:
        return None


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _for_people(error: InvalidInput) -> str:
    return for_page(error)


def _start(
    request: Request, status: int, problem: str = "", choice: RestoreChoice | None = None
) -> HTMLResponse:
    return _render(request, status, "start", problem=problem, choice=choice)


def _refused(request: Request, carried: Carried, refused: PlanNotEmpty) -> HTMLResponse:
    return _carried_page(request, 409, carried, problem=for_page(refused))


def _carried_page(request: Request, status: int, carried: Carried, problem: str) -> HTMLResponse:
    """The choices again for a file already chosen, so it need not be chosen twice."""
    return _render(request, status, "choose", carried=carried, problem=problem)


def _render(request: Request, status: int, stage: str, **context: Any) -> HTMLResponse:
    report: RestoreReport | None = context.get("report")
    context.update(
        stage=stage,
        choices=CHOICES,
        chosen=context.get("choice") or RestoreChoice.REFUSE,
        lines=_lines(report) if report else [],
    )
    return render(request, "backup.html", context, status)


def _lines(report: RestoreReport) -> list[tuple[str, int, int, int, int]]:
    return [
        (line.what, line.in_backup, line.added, line.replaced, line.kept) for line in report.lines
    ]
