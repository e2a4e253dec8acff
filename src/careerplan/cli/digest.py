"""`careerplan digest`: the week's digest printed, or e-mailed through the configured server."""

from __future__ import annotations

from dataclasses import dataclass, field
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
            "their plan in the past week and the proposed changes waiting for them; sent to "
            "their address unless --to says otherwise.",
        ),
    ] = None,
) -> None:
    """The next review, goals at risk and what is due in the coming week. Printed unless
    --send is given."""
    from careerplan.config import Settings
    from careerplan.services.digest import as_text, build_digest, digest_message
    from careerplan.services.mail import send as send_mail

    opened, news, address = _person(user)
    if not send:
        if to is not None:
            from careerplan.domain.errors import InvalidInput

            raise InvalidInput("--to goes with --send; without it the digest is printed.")
        with opened.unit() as uow:
            found = build_digest(uow, clock(), news.comments, news.proposals_waiting)
        typer.echo(as_text(found), nl=False)
        return
    smtp = Settings.from_env().smtp
    with opened.unit() as uow:
        if to is None and address and not uow.preferences.get().digest_email:
            to = address
        message = digest_message(uow, clock(), smtp, to, news.comments, news.proposals_waiting)
    send_mail(message, smtp)
    typer.echo(f"Digest sent to {message['To']} through {smtp.host}:{smtp.port}.")


@dataclass
class _News:
    """What the people a plan is shared with did: comments of the past week, and how many
    proposed changes wait for the owner."""

    comments: list[Comment] = field(default_factory=list)
    proposals_waiting: int = 0


def _person(user: str | None) -> tuple[Workspace, _News, str]:
    """The plan the digest is about, what others did on it, and the person's own address (an
    account's e-mail; none for the single person of a local install)."""
    from careerplan.cli.context import workspace

    if user is None:
        return workspace(), _News(), ""
    from datetime import timedelta

    from careerplan.services.accounts import Accounts
    from careerplan.services.change_proposals import Proposals
    from careerplan.services.sharing import Sharing

    base = workspace()
    accounts = Accounts(base.engine, clock())
    with accounts.store() as store:
        owner = accounts.user_id_of(store, user)
    email = user.strip().lower()
    since = clock().now() - timedelta(days=7)
    news = _News(
        Sharing(base, clock()).comments_since(owner, since),
        Proposals(base, clock()).waiting(owner),
    )
    return base.as_owner(owner), news, email
