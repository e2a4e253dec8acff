"""Which names the application answers to, and which pages may send it changes.

A page on another site can point its own name at 127.0.0.1 (DNS rebinding). Its requests then
reach this server with the attacker's name in `Host`, and their `Origin` matches that `Host`, so
comparing the two proves nothing. Every request is therefore checked against a list of names
this application answers to (the loopback names, the public URL's, and any configured), and a
change sent by a browser must come from a page of this application itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from careerplan.config import LOOPBACK_HOSTS, Settings, host_of
from careerplan.web.asgi import ASGIApp, Receive, Scope, Send

# Probes that reveal nothing: a load balancer may address them by the machine's own address.
UNCHECKED_PATHS = frozenset({"/livez", "/healthz"})


@dataclass(frozen=True, slots=True)
class HostPolicy:
    names: frozenset[str]
    any_host: bool = False
    # host[:port] of CAREERPLAN_PUBLIC_URL: behind a proxy that rewrites Host, pages there
    # still send their own origin.
    public_netloc: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> HostPolicy:
        names = set(LOOPBACK_HOSTS) | set(settings.allowed_hosts)
        public = urlsplit(settings.public_url) if settings.public_url else None
        if public is not None and public.hostname:
            names.add(public.hostname.lower())
        return cls(
            names=frozenset(names - {"*"}),
            any_host="*" in settings.allowed_hosts,
            public_netloc=public.netloc.lower() if public is not None else "",
        )

    def allows_host(self, host_header: str) -> bool:
        name = host_of(host_header)
        return bool(name) and (self.any_host or name in self.names)

    def allows_origin(self, origin: str, host_header: str) -> bool:
        """Whether a browser's `Origin` is this application: the address the request was sent
        to (port included, so another service on this machine is another origin) or the
        public URL, under a name this application answers to."""
        parts = urlsplit(origin)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            return False  # "null" (a sandboxed frame, a file) or something stranger
        netloc = parts.netloc.lower()
        if netloc not in {host_header.lower(), self.public_netloc}:
            return False
        return self.allows_host(netloc)


def sent_from_elsewhere(headers: Mapping[str, str], policy: HostPolicy) -> bool:
    """Whether a browser says the request comes from a page that is not this application:
    another site, another port or name of this one (which could have planted a cookie), or an
    origin under a name this application does not answer to. Scripts send neither header."""
    if headers.get("sec-fetch-site") in {"cross-site", "same-site"}:
        return True
    origin = headers.get("origin")
    return origin is not None and not policy.allows_origin(origin, headers.get("host", ""))


class TrustedHosts:
    """Answers 421 to a request addressed to a name the application does not answer to."""

    def __init__(self, app: ASGIApp, policy: HostPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in UNCHECKED_PATHS:
            await self.app(scope, receive, send)
            return
        host = next(
            (value.decode("latin-1") for name, value in scope["headers"] if name == b"host"), ""
        )
        if self.policy.allows_host(host):
            await self.app(scope, receive, send)
            return
        await _misdirected(send, host_of(host))


async def _misdirected(send: Send, name: str) -> None:
    detail = (
        f"This careerplan does not answer to the name {name!r}. If that is how people reach "
        "it, add the name to CAREERPLAN_ALLOWED_HOSTS (or set CAREERPLAN_PUBLIC_URL)."
        if name
        else "The request names no host. Send a Host header."
    )
    body = json.dumps(
        {"type": "about:blank", "title": "Misdirected request", "status": 421, "detail": detail}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 421,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
