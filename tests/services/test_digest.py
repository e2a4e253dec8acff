"""The e-mail digest: what it says, and a real SMTP server on this machine receiving it, or
refusing it, or not being there."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from tests.services.smtp_server import Inbox, free_port, smtp_server

from careerplan.config import Settings, SmtpSettings
from careerplan.domain.errors import InvalidInput
from careerplan.services.actions import add_action
from careerplan.services.clock import FixedClock
from careerplan.services.digest import as_text, build_digest, digest_message
from careerplan.services.goals import add_goal
from careerplan.services.mail import MailNotSent, send
from careerplan.services.reviews import EntryInput, ReviewInput, record_review, set_preferences
from careerplan.services.workspace import Workspace

PMP = "Complete my PMP certification within the next 12 months"
BAD_PORT = "CAREERPLAN_SMTP_PORT is '{}'; use a port number from 1 to 65535."


def _busy_week(workspace: Workspace, clock: FixedClock) -> None:
    with workspace.unit() as uow:
        add_goal(uow, clock, text="Draft a study plan", parent_id=3, due=date(2026, 11, 20))
        add_action(uow, clock, 3, "Book the exam <today>", due=date(2026, 11, 27))
        add_action(uow, clock, 3, "Pick a study group", due=date(2026, 12, 9))  # after the week
        record_review(uow, clock, ReviewInput([EntryInput(3, progress=30, confidence=1)]))
        set_preferences(uow, email="ana@example.org")


def test_the_digest_says_the_status_the_next_review_and_the_coming_week(
    story: Workspace, clock: FixedClock
) -> None:
    _busy_week(story, clock)
    with story.unit() as uow:
        text = as_text(build_digest(uow, clock))
    assert text == (
        "Hello Ana,\n"
        "here is your careerplan digest for Wed 25 Nov 2026.\n"
        "\n"
        "Dream job: COO of a high-tech startup by 2031-11-25\n"
        "Plan status: on track\n"
        "Next review: Sun 29 Nov 2026 (weekly)\n"
        "\n"
        "Goals at risk or behind\n"
        "- Draft a study plan — behind (0% done, the due date 2026-11-20 has passed)\n"
        f"- {PMP} — at risk (0% done, 0% of the time gone, confidence 1 of 5)\n"
        "\n"
        "Due in the coming week (Wed 25 Nov 2026 to Tue 1 Dec 2026)\n"
        "- Overdue since Fri 20 Nov 2026: goal — Draft a study plan\n"
        "- Wed 25 Nov 2026: repeat — Attend one industry networking event\n"
        "- Fri 27 Nov 2026: action — Book the exam <today>\n"
    )


def test_an_empty_plan_still_makes_a_digest(workspace: Workspace, clock: FixedClock) -> None:
    with workspace.unit() as uow:
        text = as_text(build_digest(uow, clock))
    assert "Plan status: no deadline" in text
    assert "- None: every goal with a due date is on track." in text
    assert "- Nothing falls due this week." in text


def _received(inbox: Inbox) -> tuple[str, list[str], EmailMessage]:
    ((sender, recipients, data),) = inbox.received
    parsed = message_from_bytes(data, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return sender, recipients, parsed


def test_the_digest_reaches_a_real_smtp_server_with_its_headers_and_both_parts(
    story: Workspace, clock: FixedClock
) -> None:
    _busy_week(story, clock)
    inbox = Inbox()
    with smtp_server(inbox) as smtp:
        with story.unit() as uow:
            message = digest_message(uow, clock, smtp)
        send(message, smtp)
    sender, recipients, received = _received(inbox)
    assert (sender, recipients) == ("careerplan@example.org", ["ana@example.org"])
    assert received["From"] == "careerplan@example.org"
    assert received["To"] == "ana@example.org"
    assert (
        received["Subject"] == "careerplan: 2 goals at risk or behind, next review Sun 29 Nov 2026"
    )
    assert received["Date"] == "Wed, 25 Nov 2026 09:30:00 +0000"
    assert received["Auto-Submitted"] == "auto-generated"
    assert received["Message-ID"].endswith("@example.org>")
    assert received.get_content_type() == "multipart/alternative"
    plain = received.get_body(("plain",))
    html = received.get_body(("html",))
    assert plain is not None
    assert html is not None
    # SMTP carries lines ending in CRLF.
    assert plain.get_content().replace("\r\n", "\n") == as_text(_digest_of(story, clock))
    html_text = html.get_content()
    assert "<h2>Goals at risk or behind</h2>" in html_text
    assert "<li>Fri 27 Nov 2026: action — Book the exam &lt;today&gt;</li>" in html_text


def _digest_of(story: Workspace, clock: FixedClock) -> object:
    with story.unit() as uow:
        return build_digest(uow, clock)


# The test server asks for a login over plain text, which it rightly warns about; it is loopback.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
@pytest.mark.parametrize("password", ["plain-ascii-1", "s3cret-ü ключ"])
def test_a_login_is_sent_when_configured_and_a_wrong_one_is_named(
    story: Workspace, clock: FixedClock, password: str
) -> None:
    inbox = Inbox()
    with smtp_server(inbox, password=password) as smtp:
        with story.unit() as uow:
            message = digest_message(uow, clock, smtp, to="ana.silva@example.org")
        send(message, smtp)
        wrong = SmtpSettings(**{**_fields(smtp), "password": password + "x"})
        with pytest.raises(MailNotSent) as refused:
            send(message, wrong)
    assert [recipients for _, recipients, _ in inbox.received] == [["ana.silva@example.org"]]
    assert str(refused.value) == (
        f"The SMTP server at 127.0.0.1:{smtp.port} refused the login for ana (535 5.7.8 "
        "Authentication credentials invalid). Check CAREERPLAN_SMTP_USERNAME and "
        "CAREERPLAN_SMTP_PASSWORD."
    )


def _fields(smtp: SmtpSettings) -> dict[str, object]:
    return {name: getattr(smtp, name) for name in SmtpSettings.__slots__}


def _message() -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", "Hi"
    message.set_content("Hello")
    return message


def test_a_server_that_refuses_the_address_says_so() -> None:
    inbox = Inbox(refuse_recipients=True)
    with smtp_server(inbox) as smtp, pytest.raises(MailNotSent) as refused:
        send(_message(), smtp)
    assert str(refused.value) == (
        f"The SMTP server at 127.0.0.1:{smtp.port} refused the address "
        "(b@example.org: 550 5.1.1 No such user here)."
    )
    assert inbox.received == []


def test_a_server_that_is_down_is_named_with_the_reason() -> None:
    port = free_port()  # nothing listens there
    smtp = SmtpSettings(host="127.0.0.1", port=port, starttls=False, sender="a@example.org")
    with pytest.raises(MailNotSent) as refused:
        send(_message(), smtp, timeout=5)
    assert str(refused.value) == (
        f"Could not reach the SMTP server at 127.0.0.1:{port} (Connection refused). Check "
        "CAREERPLAN_SMTP_HOST and CAREERPLAN_SMTP_PORT, and that the server is running."
    )


def test_a_server_without_starttls_is_not_sent_the_message_in_clear() -> None:
    inbox = Inbox()
    with smtp_server(inbox) as smtp, pytest.raises(MailNotSent) as refused:
        send(_message(), SmtpSettings(**{**_fields(smtp), "starttls": True}))
    assert "cannot do this: STARTTLS extension not supported by server." in str(refused.value)
    assert "Set CAREERPLAN_SMTP_STARTTLS=false only for a server on this machine." in str(
        refused.value
    )
    assert inbox.received == []


ELSEWHERE = "mail.example.org"


@pytest.mark.parametrize(
    ("smtp", "error", "message"),
    [
        (SmtpSettings(), MailNotSent, "No SMTP server is configured, so the digest cannot be"),
        (
            SmtpSettings(host=ELSEWHERE, problem="CAREERPLAN_SMTP_PORT is 'x'; use a port"),
            InvalidInput,
            "CAREERPLAN_SMTP_PORT is 'x'",
        ),
        (
            SmtpSettings(host=ELSEWHERE, username="ana", starttls=False, port=25),
            MailNotSent,
            "Refusing to send the SMTP password to mail.example.org unencrypted.",
        ),
    ],
)
def test_settings_that_cannot_work_are_refused_before_connecting(
    smtp: SmtpSettings, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as refused:
        send(_message(), smtp)
    assert message in str(refused.value)


def test_without_an_address_or_a_sender_the_digest_is_not_made(
    story: Workspace, clock: FixedClock
) -> None:
    smtp = SmtpSettings(host="127.0.0.1", starttls=False)
    with story.unit() as uow, pytest.raises(InvalidInput, match="No address to send the digest"):
        digest_message(uow, clock, smtp)
    with story.unit() as uow, pytest.raises(InvalidInput, match="Set CAREERPLAN_SMTP_FROM"):
        digest_message(uow, clock, smtp, to="ana@example.org")
    with story.unit() as uow, pytest.raises(InvalidInput, match="is not an e-mail address"):
        digest_message(uow, clock, smtp, to="ana@example.org\nBcc: eve@example.org")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, SmtpSettings()),
        (
            {
                "CAREERPLAN_SMTP_HOST": " smtp.example.org ",
                "CAREERPLAN_SMTP_PORT": "465",
                "CAREERPLAN_SMTP_USERNAME": "ana@example.org",
                "CAREERPLAN_SMTP_PASSWORD": " spaces kept ",
                "CAREERPLAN_SMTP_STARTTLS": "false",
                "CAREERPLAN_SMTP_FROM": "Careerplan <plan@example.org>",
            },
            SmtpSettings("smtp.example.org", 465, "ana@example.org", " spaces kept ", False,
                         "Careerplan <plan@example.org>"),
        ),
        ({"CAREERPLAN_SMTP_STARTTLS": "0"}, SmtpSettings(starttls=False)),
        ({"CAREERPLAN_SMTP_STARTTLS": "yes"}, SmtpSettings(starttls=True)),
        ({"CAREERPLAN_SMTP_PORT": "99999"}, SmtpSettings(problem=BAD_PORT.format("99999"))),
        ({"CAREERPLAN_SMTP_PORT": "smtp"}, SmtpSettings(problem=BAD_PORT.format("smtp"))),
    ],
)  # fmt: skip
def test_mail_settings_come_from_the_environment(
    env: dict[str, str], expected: SmtpSettings, tmp_path: object
) -> None:
    settings = Settings.from_env({"CAREERPLAN_DATA_DIR": str(tmp_path), **env})
    assert settings.smtp == expected
    assert settings.smtp.configured is bool(expected.host)
