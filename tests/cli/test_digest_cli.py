"""`careerplan digest`: printed by default, e-mailed with --send through the configured server,
and a clear message when no server is set or it cannot be reached."""

from __future__ import annotations

import pytest
from tests.cli.conftest import Invoke
from tests.services.smtp_server import Inbox, free_port, smtp_server

from careerplan.services.workspace import Workspace

NO_SERVER = (
    "Error: No SMTP server is configured, so the digest cannot be sent. Set CAREERPLAN_SMTP_HOST "
    "(and CAREERPLAN_SMTP_PORT, _USERNAME, _PASSWORD, _STARTTLS, _FROM as your provider says). "
    "Without --send the digest is printed instead.\n"
)


def _smtp_env(monkeypatch: pytest.MonkeyPatch, port: int) -> None:
    monkeypatch.setenv("CAREERPLAN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("CAREERPLAN_SMTP_PORT", str(port))
    monkeypatch.setenv("CAREERPLAN_SMTP_STARTTLS", "false")
    monkeypatch.setenv("CAREERPLAN_SMTP_FROM", "careerplan@example.org")


def test_without_send_the_digest_is_printed(cli: Invoke, story: Workspace) -> None:
    ran = cli("digest")
    assert ran.exit_code == 0
    assert ran.stdout.splitlines()[:6] == [
        "Hello Ana,",
        "here is your careerplan digest for Wed 25 Nov 2026.",
        "",
        "Dream job: COO of a high-tech startup by 2031-11-25",
        "Plan status: on track",
        "Next review: Sun 29 Nov 2026 (weekly)",
    ]
    assert "- Wed 25 Nov 2026: repeat — Attend one industry networking event" in ran.stdout


def test_send_goes_through_the_configured_server(
    cli: Invoke, story: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("review", "settings", "--email", "ana@example.org")
    inbox = Inbox()
    with smtp_server(inbox) as smtp:
        _smtp_env(monkeypatch, smtp.port)
        ran = cli("digest", "--send")
        other = cli("digest", "--send", "--to", "mentor@example.org")
    assert (ran.exit_code, ran.stdout) == (
        0,
        f"Digest sent to ana@example.org through 127.0.0.1:{smtp.port}.\n",
    )
    assert other.exit_code == 0
    assert [recipients for _, recipients, _ in inbox.received] == [
        ["ana@example.org"],
        ["mentor@example.org"],
    ]
    assert (
        b"Subject: careerplan: 0 goals at risk or behind, next review Sun 29 Nov 2026"
        in (inbox.received[0][2])
    )


def test_send_without_a_server_says_how_to_configure_one(
    cli: Invoke, story: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAREERPLAN_SMTP_HOST", raising=False)
    ran = cli("digest", "--send", "--to", "ana@example.org")
    assert (ran.exit_code, ran.stderr) == (1, NO_SERVER)


def test_send_to_a_server_that_is_down_says_so(
    cli: Invoke, story: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    _smtp_env(monkeypatch, port)
    ran = cli("digest", "--send", "--to", "ana@example.org")
    assert ran.exit_code == 1
    assert ran.stderr == (
        f"Error: Could not reach the SMTP server at 127.0.0.1:{port} (Connection refused). "
        "Check CAREERPLAN_SMTP_HOST and CAREERPLAN_SMTP_PORT, and that the server is running.\n"
    )


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (("--to", "a@example.org"), {}, "--to goes with --send; without it the digest is printed."),
        (("--send",), {"CAREERPLAN_SMTP_HOST": "127.0.0.1"}, "No address to send the digest to"),
        (("--send", "--to", "nobody"), {}, "'nobody' is not an e-mail address."),
        (
            ("--send", "--to", "a@example.org"),
            {"CAREERPLAN_SMTP_HOST": "127.0.0.1", "CAREERPLAN_SMTP_PORT": "x"},
            "CAREERPLAN_SMTP_PORT is 'x'; use a port number from 1 to 65535.",
        ),
    ],
)
def test_wrong_use_exits_2_with_the_fix(
    cli: Invoke,
    story: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    env: dict[str, str],
    message: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    ran = cli("digest", *args)
    assert ran.exit_code == 2
    assert message in ran.stderr
