"""Taking the plan anywhere: the export page, each format as a download, and the buttons that
turn the calendar feed on, give it a new address or turn it off."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.services.exporting import FORMATS
from careerplan.web.deps import ClockDep, UnitsDep, WorkspaceDep
from careerplan.web.forms import Form
from careerplan.web.templating import render, render_error

if TYPE_CHECKING:
    pass

router = APIRouter()

LABELS = {
    "markdown": "Markdown",
    "pdf": "PDF of the plan",
    "card": "Commitment card (PDF)",
    "ics": "Calendar file (.ics)",
    "json": "Backup (JSON)",
    "csv": "Spreadsheet (CSV)",
}
FILE_STEMS = {"card": "careerplan-card", "json": "careerplan-backup"}
NOTICES = {
    "on": "Your calendar feed is on. Subscribe to the address below.",
    "rotated": "This is a new address; the old one no longer works. Subscribe again with it.",
    "off": "The calendar feed is off: its address no longer works.",
}
FEED_CHOICES = {"on": "on", "rotate": "rotated", "off": "off"}


def base_url(request: Request) -> str:
    """The address people reach this application at: the setting, else this request's."""
    configured: str = getattr(request.app.state.settings, "public_url", "")
    return configured or str(request.base_url)


@router.get("/export", response_class=HTMLResponse)
def export_page(request: Request, units: UnitsDep, feed: str = "") -> HTMLResponse:
    from careerplan.services.calendar_feed import feed_token, feed_url

    with units() as uow:
        token = feed_token(uow)
    address = feed_url(token, base_url(request)) if token else None
    context: dict[str, Any] = {
        "formats": list(FORMATS.values()),
        "labels": LABELS,
        "feed": address,
        "webcal": "webcal://" + address.split("://", 1)[1] if address else None,
        "notice": NOTICES.get(feed),
    }
    return render(request, "export.html", context)


@router.get("/export/{name}")
def download(request: Request, name: str, workspace: WorkspaceDep, clock: ClockDep) -> Response:
    from careerplan.services.exporting import export_plan

    chosen = FORMATS.get(name)
    if chosen is None:
        shown = name if len(name) <= 40 else name[:37] + "..."
        choices = ", ".join(FORMATS)
        return render_error(
            request, 404, f"There is no export format '{shown}'. Choose one of: {choices}."
        )
    data = export_plan(workspace, clock, chosen.name)
    stem = FILE_STEMS.get(chosen.name, "careerplan-plan")
    if chosen.name == "json":  # people keep several backups: the day tells them apart
        stem += f"-{clock.today().isoformat()}"
    filename = stem + chosen.suffix
    return Response(
        data,
        media_type=chosen.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",  # a whole plan: not for shared or back-button caches
        },
    )


@router.post("/export/calendar", response_model=None)
async def change_feed(request: Request, units: UnitsDep) -> Response:
    from careerplan.services.calendar_feed import disable_feed, enable_feed, rotate_feed

    form = await Form.read(request)
    choice = form.text("feed")
    if choice not in FEED_CHOICES:
        return render_error(request, 422, "Choose to turn the calendar feed on, renew it or off.")
    with units() as uow:
        if choice == "on":
            enable_feed(uow)
        elif choice == "rotate":
            rotate_feed(uow)
        else:
            disable_feed(uow)
    return RedirectResponse(f"/export?feed={FEED_CHOICES[choice]}#calendar", status_code=303)
