"""`careerplan digest`: the week's digest printed, or e-mailed through the configured server."""

from __future__ import annotations

from typing import Annotated

import typer

from careerplan.cli.context import clock, unit


def digest(
    send: Annotated[
        bool, typer.Option("--send", help="E-mail it through CAREERPLAN_SMTP_HOST.")
    ] = False,
    to: Annotated[
        str | None,
        typer.Option("--to", help="Send to this address instead of the one in review settings."),
    ] = None,
) -> None:
    """The next review, goals at risk and what is due in the coming week. Printed unless
    --send is given."""
    from careerplan.config import Settings
    from careerplan.services.digest import as_text, build_digest, digest_message
    from careerplan.services.mail import send as send_mail

    if not send:
        if to is not None:
            from careerplan.domain.errors import InvalidInput

            raise InvalidInput("--to goes with --send; without it the digest is printed.")
        with unit() as uow:
            found = build_digest(uow, clock())
        typer.echo(as_text(found), nl=False)
        return
    smtp = Settings.from_env().smtp
    with unit() as uow:
        message = digest_message(uow, clock(), smtp, to)
    send_mail(message, smtp)
    typer.echo(f"Digest sent to {message['To']} through {smtp.host}:{smtp.port}.")
