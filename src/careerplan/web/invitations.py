"""What sharing hands out, for the sharing pages and the API alike: the address that accepts an
invitation, the address of a read-only link, and the e-mail that carries an invitation."""

from __future__ import annotations

from fastapi import Request

from careerplan.domain.errors import CareerplanError
from careerplan.domain.sharing import Role


def join_address(request: Request, code: str) -> str:
    return f"{_base(request)}/shared/join/{code}"


def link_address(request: Request, code: str) -> str:
    return f"{_base(request)}/s/{code}"


def _base(request: Request) -> str:
    # Imported here: the pages import this module while their package is still loading.
    from careerplan.web.pages.export import base_url

    return base_url(request).rstrip("/")


def send_invitation(request: Request, email: str, owner: str, address: str, role: Role) -> str:
    """Send the address by e-mail when an address was given and mail is set up; say what
    happened either way, so the owner knows whether to pass the address on themself."""
    if not email.strip():
        return "Pass this address on to the person you invite; it is shown only now."
    smtp = request.app.state.settings.smtp
    if not smtp.configured:
        return "This server sends no mail, so pass this address on yourself; it is shown only now."
    from careerplan.services.mail import send_note

    try:
        send_note(
            smtp,
            email,
            f"{owner} shares their career plan with you",
            f"{owner} invites you to see their career plan on careerplan: you {role.says}.\n\n"
            f"Sign in and accept the invitation here (it works once):\n{address}\n",
        )
    except CareerplanError as error:
        return f"The e-mail could not be sent ({error}); pass this address on yourself."
    return f"An e-mail with this address went to {email.strip()}."
