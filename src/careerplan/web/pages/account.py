"""`/account` on a server with accounts: the signed-in person's own password, two-factor
sign-in and API tokens. What an administrator does for everyone is on the command line
(`careerplan users`); this page is each person's own.

Changing the password or turning two-factor sign-in off asks for the current password first:
a session left open on a shared computer must not be enough to take the account over."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.domain.accounts import Identity
from careerplan.domain.errors import CareerplanError
from careerplan.web.deps import accounts_service, signed_in
from careerplan.web.forms import Form
from careerplan.web.pages.sign_in import _address, _run, _with_session, cookie_of_request
from careerplan.web.templating import render

if TYPE_CHECKING:
    from careerplan.services.accounts import Accounts

router = APIRouter()


def _mine(request: Request) -> tuple[Accounts, Identity]:
    return accounts_service(request), signed_in(request)


def _page(
    request: Request, accounts: Accounts, me: Identity, status: int = 200, **extra: Any
) -> HTMLResponse:
    person = next((a for a in accounts.accounts() if a.id == me.user_id), None)
    context: dict[str, Any] = {
        "me": me,
        "two_factor": bool(person and person.two_factor),
        "tokens": accounts.tokens(me.email),
        "message": "",
        "notice": "",
        "secret": None,
        "codes": [],
        "token": "",
        **extra,
    }
    return render(request, "account.html", context, status)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, saved: str = "") -> HTMLResponse:
    accounts, me = _mine(request)
    notice = {"password": "Your new password is saved; you are signed out everywhere else."}
    return _page(request, accounts, me, notice=notice.get(saved, ""))


@router.post("/account/password", response_class=HTMLResponse)
async def change_password(request: Request) -> Response:
    accounts, me = _mine(request)
    form = await Form.read(request)
    new, again = form.values.get("new", ""), form.values.get("again", "")
    if new != again:
        message = "The two new passwords differ. Type the same new password twice."
        return _page(request, accounts, me, 422, message=message)
    try:
        token = await _run(
            accounts.change_password,
            me.email,
            form.values.get("current", ""),
            new,
            _address(request),
            cookie_of_request(request),
        )
    except CareerplanError as error:
        return _page(request, accounts, me, 422, message=error.what)
    return _with_session(request, "/account?saved=password", token)


@router.post("/account/two-factor/start", response_class=HTMLResponse)
def start_two_factor(request: Request) -> HTMLResponse:
    from careerplan.services.two_factor import new_secret

    accounts, me = _mine(request)
    return _page(request, accounts, me, secret=new_secret(me.email))


@router.post("/account/two-factor/confirm", response_class=HTMLResponse)
async def confirm_two_factor(request: Request) -> HTMLResponse:
    from careerplan.services.two_factor import offer, turn_on

    accounts, me = _mine(request)
    form = await Form.read(request)
    secret = form.text("secret")
    try:
        codes = turn_on(accounts, me.email, secret, form.text("code"))
    except CareerplanError as error:
        # The same secret again, so an app already set up with it need not start over.
        offered = offer(secret, me.email) if secret else None
        return _page(request, accounts, me, 422, message=error.what, secret=offered)
    return _page(request, accounts, me, codes=codes)


@router.post("/account/two-factor/off", response_class=HTMLResponse)
async def two_factor_off(request: Request) -> HTMLResponse:
    from careerplan.services.two_factor import turn_off

    accounts, me = _mine(request)
    form = await Form.read(request)
    try:
        current = form.values.get("current", "")
        await _run(accounts.check_password, me.email, current, _address(request))
        turn_off(accounts, me.email)
    except CareerplanError as error:
        return _page(request, accounts, me, 422, message=error.what)
    return _page(request, accounts, me, notice="Two-factor sign-in is off.")


@router.post("/account/tokens", response_class=HTMLResponse)
async def create_token(request: Request) -> HTMLResponse:
    accounts, me = _mine(request)
    form = await Form.read(request)
    try:
        token = accounts.create_token(
            me.email, read_only=form.text("read_only") == "yes", label=form.text("label")
        )
    except CareerplanError as error:
        return _page(request, accounts, me, 422, message=error.what)
    return _page(request, accounts, me, token=token)


@router.post("/account/tokens/{token_id}/revoke", response_class=HTMLResponse)
def revoke_token(request: Request, token_id: int) -> Response:
    accounts, me = _mine(request)
    try:
        accounts.revoke_token(me.email, token_id)
    except CareerplanError:
        raise HTTPException(status_code=404) from None
    return RedirectResponse("/account#tokens", status_code=303)
