"""Signing in and out, on a server with accounts: `/login`, the two-factor `/login/code`, and
`/logout`. The session cookie is HttpOnly, SameSite=Lax, Secure behind TLS, and its token is new
at every sign-in, so a token planted before sign-in never becomes a session."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerplan.config import SmtpSettings
from careerplan.domain.accounts import (
    SESSION_LIFETIME,
    SignInRefused,
    TooManyAttempts,
    normal_email,
)
from careerplan.domain.errors import CareerplanError
from careerplan.web.client_address import client_address
from careerplan.web.deps import accounts_service
from careerplan.web.forms import Form
from careerplan.web.pages.export import base_url
from careerplan.web.sign_in import SESSION_COOKIE, SIGN_IN_PATH, safe_next
from careerplan.web.templating import render

if TYPE_CHECKING:
    pass

router = APIRouter()
T = TypeVar("T")


def _address(request: Request) -> str:
    return client_address(request)


def _secure(request: Request) -> bool:
    public: str = request.app.state.settings.public_url
    return request.url.scheme == "https" or public.startswith("https://")


def _with_session(request: Request, target: str, token: str) -> RedirectResponse:
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )
    return response


def _page(
    request: Request,
    template: str,
    next_page: str,
    message: str = "",
    status: int = 200,
    email: str = "",
) -> HTMLResponse:
    context = {"next": safe_next(next_page), "message": message, "ended": False, "email": email}
    return render(request, template, context, status)


@router.get(SIGN_IN_PATH, response_class=HTMLResponse)
def sign_in_page(request: Request, next: str = "/", ended: str = "", reset: str = "") -> Response:
    accounts_service(request)
    if getattr(request.state, "identity", None) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    context = {
        "next": safe_next(next),
        "message": "",
        "ended": bool(ended),
        "email": "",
        "reset": bool(reset),
    }
    return render(request, "login.html", context)


@router.post(SIGN_IN_PATH, response_class=HTMLResponse)
async def sign_in(request: Request) -> Response:
    accounts = accounts_service(request)
    form = await Form.read(request)
    next_page = form.text("next") or "/"
    try:
        opened = await _run(
            accounts.sign_in,
            form.text("email"),
            form.values.get("password", ""),  # as typed: spaces may be part of it
            _address(request),
            cookie_of_request(request),
        )
    except TooManyAttempts as error:
        return _page(request, "login.html", next_page, error.what, 429, form.text("email"))
    except SignInRefused as error:
        # The address is kept, so only the password is typed again.
        return _page(request, "login.html", next_page, error.what, 401, form.text("email"))
    if opened.needs_code:
        target = f"/login/code?next={_quoted(safe_next(next_page))}"
        return _with_session(request, target, opened.token)
    return _with_session(request, safe_next(next_page), opened.token)


@router.get("/login/code", response_class=HTMLResponse)
def code_page(request: Request, next: str = "/") -> Response:
    accounts = accounts_service(request)
    if accounts.pending_user(cookie_of_request(request)) is None:
        return RedirectResponse(f"{SIGN_IN_PATH}?next={_quoted(safe_next(next))}", 303)
    return _page(request, "login_code.html", next)


@router.post("/login/code", response_class=HTMLResponse)
async def give_code(request: Request) -> Response:
    from careerplan.services.two_factor import finish_sign_in

    accounts = accounts_service(request)
    form = await Form.read(request)
    next_page = form.text("next") or "/"
    try:
        token = await _run(
            finish_sign_in,
            accounts,
            cookie_of_request(request),
            form.text("code"),
            _address(request),
        )
    except TooManyAttempts as error:
        return _page(request, "login_code.html", next_page, error.what, 429)
    except SignInRefused as error:
        template = "login_code.html" if error.field == "code" else "login.html"
        return _page(request, template, next_page, error.what, 401)
    return _with_session(request, safe_next(next_page), token)


@router.post("/logout")
def sign_out(request: Request) -> Response:
    accounts = accounts_service(request)
    accounts.sign_out(cookie_of_request(request))
    response = RedirectResponse(f"{SIGN_IN_PATH}?next=%2F", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response


def cookie_of_request(request: Request) -> str:
    return request.cookies.get(SESSION_COOKIE, "")


def _quoted(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="")


async def _run(function: Callable[..., T], *args: Any) -> T:
    # Hashing a password takes tens of milliseconds: off the event loop.
    from anyio import to_thread

    return await to_thread.run_sync(function, *args)


# --- a forgotten password ------------------------------------------------------------------

SENT = (
    "If there is an account for that address, an e-mail with a link to choose a new password "
    "is on its way. The link works once, within an hour."
)


@router.get("/login/forgot", response_class=HTMLResponse)
def forgot_page(request: Request) -> Response:
    accounts_service(request)
    mail = request.app.state.settings.smtp.configured
    return render(request, "login_forgot.html", {"message": "", "sent": False, "mail": mail})


@router.post("/login/forgot", response_class=HTMLResponse)
async def forgot(request: Request) -> Response:
    accounts = accounts_service(request)
    smtp = request.app.state.settings.smtp
    form = await Form.read(request)
    email = form.text("email")
    context = {"message": "", "sent": False, "mail": smtp.configured}
    if not smtp.configured:
        return render(request, "login_forgot.html", context, 409)
    try:
        code = await _run(accounts.reset_link, email, _address(request))
    except TooManyAttempts as error:
        return render(request, "login_forgot.html", {**context, "message": error.what}, 429)
    if code is not None:  # the address was then a well-formed one, with an account
        address = f"{base_url(request).rstrip('/')}/login/reset/{code}"
        await _run(_mail_reset, smtp, normal_email(email), address)
    return render(request, "login_forgot.html", {**context, "sent": True})


def _mail_reset(smtp: SmtpSettings, email: str, address: str) -> None:
    """Send the link; a mail server that refuses is not said on the page (that would tell
    which addresses have accounts), and the person can ask again."""
    from careerplan.services.mail import send_note

    try:
        send_note(
            smtp,
            email,
            "Choose a new careerplan password",
            "Someone (you, we hope) asked to choose a new password for careerplan.\n\n"
            f"Open this link within an hour to choose it (it works once):\n{address}\n\n"
            "If it was not you, ignore this e-mail: your password stays as it is.\n",
        )
    except CareerplanError:
        return


@router.get("/login/reset/{code}", response_class=HTMLResponse)
def reset_page(request: Request, code: str) -> Response:
    accounts_service(request)
    return render(request, "login_reset.html", {"code": code, "message": ""})


@router.post("/login/reset/{code}", response_class=HTMLResponse)
async def reset(request: Request, code: str) -> Response:
    accounts = accounts_service(request)
    form = await Form.read(request)
    password, again = form.values.get("password", ""), form.values.get("again", "")
    context = {"code": code, "message": ""}
    if password != again:
        message = "The two passwords differ. Type the same new password twice."
        return render(request, "login_reset.html", {**context, "message": message}, 422)
    try:
        await _run(accounts.reset_with_link, code, password)
    except CareerplanError as error:
        return render(request, "login_reset.html", {**context, "message": error.what}, 422)
    return RedirectResponse(f"{SIGN_IN_PATH}?next=%2F&reset=1", status_code=303)
