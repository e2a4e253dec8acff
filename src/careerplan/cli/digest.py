"""`careerplan digest`: the week's digest printed, or e-mailed through the configured server."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from careerplan.cli.context import clock

if TYPE_CHECKING:
    from careerplan.domain.sharing import Comment
    from careerplan.services.workspace import Workspace


def digest(
    send: Annotated[
        bool, typer.Option("--send", help="E-mail it through CAREERPLAN_SMTP_HOST.")
    ] = False,
    to: Annotated[
        str | None,
        typer.Option("--to", help="Send to this address instead of the one in review settings."),
    ] = None,
    user: Annotated[
        str | None,
        typer.Option(
            "--user",
            help="On a server with accounts: this person's digest, with the comments left on "
            "their plan in the past week; sent to their address unless --to says otherwise.",
        ),
    ] = None,
) -> None:
    """The next review, goals at risk and what is due in the coming week. Printed unless
    --send is given."""
    from careerplan.config import Settings
    from careerplan.services.digest import as_text, build_digest, digest_message
    from careerplan.services.mail import send as send_mail

    opened, comments, address = _person(user)
    if not send:
        if to is not None:
            from careerplan.domain.errors import InvalidInput

            raise InvalidInput("--to goes with --send; without it the digest is printed.")
        with opened.unit() as uow:
            found = build_digest(uow, clock(), comments)
        typer.echo(as_text(found), nl=False)
        return
    smtp = Settings.from_env().smtp
    with opened.unit() as uow:
        if to is None and address and not uow.preferences.get().digest_email:
            to = address
        message = digest_message(uow, clock(), smtp, to, comments)
    send_mail(message, smtp)
    typer.echo(f"Digest sent to {message['To']} through {smtp.host}:{smtp.port}.")


def _person(user: str | None) -> tuple[Workspace, list[Comment], str]:
    """The plan the digest is about, the comments others left on it in the past week, and the
    person's own address (an account's e-mail; none for the single person of a local install)."""
    from careerplan.cli.context import workspace

    if user is None:
        return workspace(), [], ""
    from datetime import timedelta

    from careerplan.services.accounts import Accounts
    from careerplan.services.sharing import Sharing

    base = workspace()
    accounts = Accounts(base.engine, clock())
    with accounts.store() as store:
        owner = accounts.user_id_of(store, user)
    email = user.strip().lower()
    since = clock().now() - timedelta(days=7)
    comments = Sharing(base, clock()).comments_since(owner, since)
    return base.as_owner(owner), comments, email
