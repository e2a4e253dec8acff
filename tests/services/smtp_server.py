"""A real SMTP server on a free loopback port for the digest tests (aiosmtpd), which keeps what
it receives, or refuses recipients, or asks for a login."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from careerplan.config import SmtpSettings

USER = "ana"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Inbox:
    """Keeps every message it is given: the envelope's sender, recipients and bytes."""

    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    refuse_recipients: bool = False

    async def handle_RCPT(  # noqa: N802 (aiosmtpd's hook name)
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.refuse_recipients:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802
        self, server: Any, session: Any, envelope: Any
    ) -> str:
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def _login_checker(password: str) -> Any:
    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (
            data.login.decode() == USER and data.password.decode() == password
        )
        return AuthResult(success=ok, handled=False)

    return check


@contextmanager
def smtp_server(inbox: Inbox, *, password: str | None = None) -> Iterator[SmtpSettings]:
    """Run the server for the block; yield settings that reach it (no TLS: it is loopback).
    With a password, it asks for a login as USER."""
    port = free_port()
    options: dict[str, Any] = {}
    if password is not None:
        options = {
            "auth_required": True,
            "auth_require_tls": False,
            "authenticator": _login_checker(password),
        }
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield SmtpSettings(
            host="127.0.0.1",
            port=port,
            starttls=False,
            sender="careerplan@example.org",
            username=USER if password is not None else "",
            password=password or "",
        )
    finally:
        controller.stop()
