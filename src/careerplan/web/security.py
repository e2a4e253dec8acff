"""Security basics: response headers, a bound on request size, and CSRF checks.

Pages use a double-submit token: a random value in a SameSite=Strict cookie that every form (and
every htmx request, through a header) must repeat, and the browser must say the form came from
this application's own pages (a page on another port could have planted the cookie). The JSON
API refuses unsafe requests that a browser marks as coming from anywhere else; scripts, which
send no such headers, are unaffected. Which names count as this application: web/hosts.py.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

from careerplan.web.asgi import ASGIApp, Message, Receive, Scope, Send
from careerplan.web.hosts import HostPolicy, sent_from_elsewhere

CSRF_COOKIE = "careerplan_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Forms and JSON are small; 1 MiB leaves room for a long reflection and refuses abuse.
MAX_BODY_BYTES = 1024 * 1024
# Except where a whole file comes in (a backup; a résumé or a posting): a plan of 200 goals and
# 1,000 actions backs up to about 0.8 MB, so a plan that keeps growing (reviews, check-ins, notes)
# passes 1 MiB. These paths take up to 16 MiB; the restore caps the file itself lower
# (web/backup_transfer.py), and a résumé or a posting is read up to 10 MB
# (services/documents.py), so a file somewhat too big gets a message that says so rather than a
# bare 413.
UPLOAD_BODY_BYTES = 16 * 1024 * 1024
# A posting and a résumé pasted whole into JSON (100,000 characters each, up to 12 bytes a
# character once escaped) pass 1 MiB too: their own limits then answer, in words.
UPLOAD_PATHS = frozenset(
    {
        "/backup/preview", "/api/v1/backup/restore", "/resume", "/jobs", "/api/v1/resumes",
        "/api/v1/jobs/fit", "/api/v1/applications",
    }
)  # fmt: skip
# Pages whose forms carry a file: a file past the limit gets a page that says so.
PAGE_UPLOAD_PATHS = frozenset({"/resume", "/jobs"})

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
# Charts are standalone SVG documents that carry their own <style>; they run no script.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'"
)


class SecurityHeaders:
    """Adds CSP, no-sniff, frame denial and a referrer policy to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                content_type = next(
                    (value for name, value in headers if name.lower() == b"content-type"), b""
                )
                if content_type.startswith(b"image/svg"):
                    policy = SVG_POLICY
                elif path.startswith("/api/docs"):
                    policy = DOCS_POLICY
                else:
                    policy = PAGE_POLICY
                headers += [
                    (b"content-security-policy", policy.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over MAX_BODY_BYTES (UPLOAD_BODY_BYTES on UPLOAD_PATHS) with 413,
    declared or streamed."""

    def __init__(
        self, app: ASGIApp, limit: int = MAX_BODY_BYTES, upload_limit: int = UPLOAD_BODY_BYTES
    ) -> None:
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path")
        limit = self.upload_limit if path in UPLOAD_PATHS else self.limit
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _refuse(scope, receive, send, limit)
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await _refuse(scope, receive, send, limit)


class _BodyTooLarge(Exception):
    pass


async def _refuse(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    if scope.get("path") in PAGE_UPLOAD_PATHS and scope.get("method") == "POST":
        await _too_large_page(scope, receive, send, limit)
    else:
        await _too_large(send, limit)


async def _too_large_page(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    """The page's own error page: a person who chose a file too big hears what to do."""
    from careerplan.services.documents import MAX_BYTES
    from careerplan.web.templating import render_error

    request = Request(scope)
    message = (
        f"That file is too large to read: the limit is {MAX_BYTES // 1024 // 1024} MB, and a "
        "résumé or a posting is rarely over 1 MB. Nothing was saved. Save it without images, or "
        "paste its text instead."
    )
    response = render_error(request, 413, message)
    await response(scope, receive, send)


async def _too_large(send: Send, limit: int) -> None:
    body = (
        '{"type":"about:blank","title":"Request too large","status":413,'
        f'"detail":"The request body is over {limit} bytes."}}'
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def csrf_token(request: Request) -> str:
    """The browser's token (made on first visit); the response sets the cookie if it is new."""
    token = request.cookies.get(CSRF_COOKIE)
    if not token or len(token) != 43:
        token = getattr(request.state, "new_csrf_token", None) or secrets.token_urlsafe(32)
        request.state.new_csrf_token = token
    return token


def _policy(request: Request) -> HostPolicy:
    policy: HostPolicy = request.app.state.host_policy
    return policy


async def verify_csrf(request: Request) -> None:
    """Dependency for page routes: unsafe requests must come from this application's own pages
    (as the browser says) and repeat the cookie's token."""
    if request.method not in UNSAFE_METHODS:
        return
    if sent_from_elsewhere(request.headers, _policy(request)):
        raise HTTPException(
            status_code=403,
            detail="This form came from another site or address. Open careerplan's own page "
            "and retry.",
        )
    expected = request.cookies.get(CSRF_COOKIE, "")
    sent = request.headers.get(CSRF_HEADER, "")
    form = None
    if not sent:
        form = await request.form()
        value = form.get(CSRF_FIELD, "")
        sent = value if isinstance(value, str) else ""
    if not expected or not hmac.compare_digest(expected, sent):
        if form is not None:
            await form.close()  # no route will read a file uploaded with it
        raise HTTPException(
            status_code=403,
            detail="This form has expired or came from another site. Reload the page and retry.",
        )


async def verify_same_origin(request: Request) -> None:
    """Dependency for the API: refuse unsafe calls a browser sends from any page but this
    application's own (checked against the names it answers to, never against `Host` alone)."""
    if request.method not in UNSAFE_METHODS:
        return
    if sent_from_elsewhere(request.headers, _policy(request)):
        raise HTTPException(status_code=403, detail="Cross-site requests to the API are refused.")
