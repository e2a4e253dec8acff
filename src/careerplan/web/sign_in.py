"""Who a request acts for, on a server with accounts (CAREERPLAN_ACCOUNTS=on).

Every request but a handful of open ones (the sign-in page, static files, probes, the calendar
feed, which carries its own secret) must show a session cookie or an API token. The identity is
put on the request before any route runs, and the routes reach the plan only through
`web/deps.py`, which opens it as that person: no route can read another person's rows, and none
falls back to a single built-in person.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import quote

from anyio import to_thread
from starlette.datastructures import Headers
from starlette.requests import cookie_parser

from careerplan.web.asgi import ASGIApp, Message, Receive, Scope, Send
from careerplan.web.security import UNSAFE_METHODS

if TYPE_CHECKING:
    from careerplan.domain.accounts import Identity
    from careerplan.services.accounts import Accounts

SESSION_COOKIE = "careerplan_session"
SIGN_IN_PATH = "/login"
# What anyone may open: signing in, the stylesheet, the probes, the API's description (it holds
# no data), the calendar feed, read-only share links and password-reset links (each address is
# its own secret, checked by its route).
OPEN_PATHS = frozenset(
    {
        SIGN_IN_PATH,
        "/login/code",
        "/login/forgot",
        "/livez",
        "/healthz",
        "/api/openapi.json",
        "/api/docs",
    }
)
OPEN_PREFIXES = ("/static/", "/calendar/", "/s/", "/login/reset/")


def is_open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


class Authentication:
    """Puts `identity` on the request's state, or answers 401 (the API) or sends the browser to
    the sign-in page (pages)."""

    def __init__(self, app: ASGIApp, accounts: Accounts) -> None:
        self.app = app
        self.accounts = accounts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        path: str = scope["path"]
        identity: Identity | None = None
        cookie = ""
        bearer = _bearer(headers.get("authorization", ""))
        if bearer is not None:
            identity = await to_thread.run_sync(self.accounts.token_identity, bearer)
            if identity is None:
                await _problem(
                    send,
                    401,
                    "Unknown token",
                    "This API token is unknown or revoked, or its account is disabled. Make a "
                    "new one on your account page (/account).",
                )
                return
            if identity.read_only and scope["method"] in UNSAFE_METHODS:
                await _problem(
                    send,
                    403,
                    "Read-only token",
                    "This API token may read the plan but not change it. Use a token made "
                    "without --read-only to make changes.",
                )
                return
        else:
            cookie = cookie_of(headers)
            if cookie:
                identity = await to_thread.run_sync(self.accounts.session, cookie)
        if identity is None and not is_open(path):
            if path.startswith("/api/"):
                await _problem(
                    send,
                    401,
                    "Sign-in required",
                    "This careerplan has accounts. Sign in on its pages, or send an API token "
                    "as `Authorization: Bearer TOKEN`.",
                    {"www-authenticate": 'Bearer realm="careerplan"'},
                )
            else:
                await _to_sign_in(scope, send, expired=bool(cookie))
            return
        scope.setdefault("state", {})["identity"] = identity
        if identity is None:
            await self.app(scope, receive, send)
            return

        async def private(message: Message) -> None:
            # One person's page must never be served to another by a cache between them (a
            # proxy, a shared browser profile): answers to a signed-in request are no-store
            # unless the route chose a policy of its own (a calendar feed, a download).
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"cache-control" for name, _ in headers):
                    headers.append((b"cache-control", b"private, no-store"))
                    message["headers"] = headers
            await send(message)

        await self.app(scope, receive, private)


def cookie_of(headers: Headers) -> str:
    return cookie_parser(headers.get("cookie", "")).get(SESSION_COOKIE, "")


def _bearer(header: str) -> str | None:
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip()


def safe_next(target: str) -> str:
    """A place on this site to return to after sign-in: a path, never another site's address
    ("//evil.example" and "/\\evil.example" are other sites to a browser)."""
    if not target.startswith("/") or target.startswith(("//", "/\\")) or SIGN_IN_PATH in target:
        return "/"
    return target


async def _to_sign_in(scope: Scope, send: Send, *, expired: bool) -> None:
    path = scope["path"]
    query = scope.get("query_string", b"").decode("latin-1")
    target = path + (f"?{query}" if query else "")
    location = f"{SIGN_IN_PATH}?next={quote(safe_next(target), safe='')}"
    if expired:
        location += "&ended=1"
    headers = [(b"location", location.encode()), (b"content-length", b"0")]
    if expired:  # the cookie opens nothing any more: drop it
        headers.append(
            (
                b"set-cookie",
                f"{SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax".encode(),
            )
        )
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


async def _problem(
    send: Send, status: int, title: str, detail: str, extra: dict[str, str] | None = None
) -> None:
    body = json.dumps(
        {"type": "about:blank", "title": title, "status": status, "detail": detail}
    ).encode()
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
    ] + [(name.encode(), value.encode()) for name, value in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
