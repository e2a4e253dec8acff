"""The calendar feed: `/calendar/{token}.ics`, which calendar apps poll with no login.

A wrong or retired token gets the same 404 as any unknown address, saying nothing of why. The
calendar is rendered once per plan revision and day (a rotated token changes the revision too)
and answered with validators, so a calendar app that polls often costs little."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from careerplan.services.workspace import Workspace
from careerplan.web.deps import ClockDep

router = APIRouter()

MEDIA_TYPE = "text/calendar; charset=utf-8"


# HEAD too: some calendar apps ask whether the feed exists before they subscribe.
@router.api_route("/calendar/{token}.ics", methods=["GET", "HEAD"])
def calendar_feed(request: Request, token: str, clock: ClockDep) -> Response:
    from careerplan.services.calendar_feed import feed_calendar, feed_owner, token_opens_feed

    # No sign-in: the token says whose feed this is (on a single-person install, theirs).
    workspace: Workspace = request.app.state.workspace
    if workspace.settings.accounts:
        owner = feed_owner(workspace, token)
        if owner is None:
            raise HTTPException(status_code=404)
        workspace = workspace.as_owner(owner)
    with workspace.unit() as uow:
        if not token_opens_feed(uow, token):
            raise HTTPException(status_code=404)
        revision = uow.revision()
    day = clock.today()
    tag = f'"{revision}-{day.isoformat()}"'
    headers = {
        "Cache-Control": "private, max-age=300",  # the address is a secret: no shared caches
        "ETag": tag,
        "Content-Disposition": 'inline; filename="careerplan.ics"',
        "X-Robots-Tag": "noindex",
    }
    if tag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    cache = request.app.state.page_cache
    key = ("calendar", workspace.owner_id, revision, day)
    text = cache.get(key)
    if text is None:
        data = feed_calendar(workspace, clock, token)
        if data is None:  # rotated or turned off a moment ago
            raise HTTPException(status_code=404)
        text = data.decode("utf-8")
        cache.put(key, text)
    return Response(text, media_type=MEDIA_TYPE, headers=headers)
