"""Sending a message through the configured SMTP server, with a clear refusal for each way it
can fail (no server set, unreachable, TLS, login, address refused)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerplan.domain.errors import DomainRefusal, InvalidInput

if TYPE_CHECKING:
    from email.message import EmailMessage

    from careerplan.config import SmtpSettings

TIMEOUT_SECONDS = 20
IMPLICIT_TLS_PORT = 465
# Where a password may travel unencrypted: only to a server on this machine.
LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class MailNotSent(DomainRefusal):
    """The SMTP server could not be reached or refused the message; nothing was sent."""


def sender_for(smtp: SmtpSettings) -> str:
    """Who the digest is from: CAREERPLAN_SMTP_FROM, else the login when it is an address."""
    if smtp.sender:
        return smtp.sender
    if "@" in smtp.username:
        return smtp.username
    raise InvalidInput(
        "Set CAREERPLAN_SMTP_FROM to the address the digest comes from, "
        "e.g. careerplan@example.org."
    )


def check_ready(smtp: SmtpSettings) -> None:
    """Refuse before connecting when the settings cannot work."""
    if not smtp.configured:
        raise MailNotSent(
            "No SMTP server is configured, so the digest cannot be sent. Set CAREERPLAN_SMTP_HOST "
            "(and CAREERPLAN_SMTP_PORT, _USERNAME, _PASSWORD, _STARTTLS, _FROM as your provider "
            "says). Without --send the digest is printed instead."
        )
    if smtp.problem:
        raise InvalidInput(smtp.problem)
    encrypted = smtp.starttls or smtp.port == 465
    if smtp.username and not encrypted and smtp.host.lower() not in LOOPBACK:
        raise MailNotSent(
            f"Refusing to send the SMTP password to {smtp.host} unencrypted. Set "
            "CAREERPLAN_SMTP_STARTTLS=true, or use port 465."
        )


def _reply(code: int, text: bytes | str) -> str:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(said.split())}"


def _login(client: Any, username: str, password: str) -> None:
    """Log in; credentials beyond ASCII (which smtplib's login cannot encode) go as AUTH PLAIN
    in UTF-8, as RFC 4616 defines it."""
    import smtplib
    from base64 import b64encode

    if (username + password).isascii():
        client.login(username, password)
        return
    client.ehlo_or_helo_if_needed()
    token = b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = client.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def send_note(smtp: SmtpSettings, to: str, subject: str, text: str) -> None:
    """Send a short plain-text e-mail to one person (an invitation, a password-reset link).
    Raises a CareerplanError (MailNotSent, or InvalidInput when no sender is set) when the
    message could not go."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = subject
    message["To"] = to.strip()
    message["From"] = sender_for(smtp)
    message.set_content(text)
    send(message, smtp)


def send(message: EmailMessage, smtp: SmtpSettings, timeout: float = TIMEOUT_SECONDS) -> None:
    """Hand the message to the server; raise MailNotSent saying why when it does not take it."""
    import smtplib
    import ssl

    check_ready(smtp)
    where = f"the SMTP server at {smtp.host}:{smtp.port}"
    server = "T" + where[1:]  # the same, to start a sentence
    context = ssl.create_default_context()
    step = "connect"  # which step was under way, for a refusal that could come from several
    try:
        if smtp.port == IMPLICIT_TLS_PORT:
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                smtp.host, smtp.port, timeout=timeout, context=context
            )
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
        with client:
            if smtp.starttls and smtp.port != IMPLICIT_TLS_PORT:
                step = "starttls"
                client.starttls(context=context)
            if smtp.username:
                step = "login"
                _login(client, smtp.username, smtp.password)
            step = "send"
            client.send_message(message)
    except smtplib.SMTPAuthenticationError as error:
        raise MailNotSent(
            f"{server} refused the login for {smtp.username} "
            f"({_reply(error.smtp_code, error.smtp_error)}). Check CAREERPLAN_SMTP_USERNAME and "
            "CAREERPLAN_SMTP_PASSWORD."
        ) from None
    except smtplib.SMTPRecipientsRefused as error:
        said = "; ".join(
            f"{address}: {_reply(code, text)}" for address, (code, text) in error.recipients.items()
        )
        raise MailNotSent(f"{server} refused the address ({said}).") from None
    except smtplib.SMTPSenderRefused as error:
        raise MailNotSent(
            f"{server} refused the sender {error.sender} "
            f"({_reply(error.smtp_code, error.smtp_error)}). Check CAREERPLAN_SMTP_FROM."
        ) from None
    except smtplib.SMTPNotSupportedError as error:
        hint = (
            " Set CAREERPLAN_SMTP_STARTTLS=false only for a server on this machine."
            if step == "starttls"
            else ""
        )
        raise MailNotSent(f"{server} cannot do this: {error}{hint}") from None
    except smtplib.SMTPResponseException as error:
        raise MailNotSent(
            f"{server} refused the message ({_reply(error.smtp_code, error.smtp_error)})."
        ) from None
    except smtplib.SMTPException as error:
        raise MailNotSent(f"The digest was not sent: {where} said {error}.") from None
    except ssl.SSLError as error:
        raise MailNotSent(
            f"A secure connection to {where} failed ({error.reason or error}). Check the port: "
            "465 for TLS from the start, 587 with STARTTLS."
        ) from None
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise MailNotSent(
            f"Could not reach {where} ({reason}). Check CAREERPLAN_SMTP_HOST and "
            "CAREERPLAN_SMTP_PORT, and that the server is running."
        ) from None
