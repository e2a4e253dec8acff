"""`/account`: each person's own password, two-factor sign-in and API tokens, on a server with
accounts. The current password is asked before the password changes or two-factor goes off."""

from __future__ import annotations

import re
from datetime import timedelta

import pyotp
from fastapi.testclient import TestClient

from careerplan.services.clock import FixedClock
from tests.web.test_sign_in import (
    ANA,
    BEN,
    PASSWORD,
    Server,
    bearer,
    get,
    message,
    post_form,
    server,
    sign_in,
)

__all__ = ["server"]  # the fixture: Ana's plan on a server with accounts

NEW = "another long pass phrase"


def _signed_in(server: Server, email: str = ANA, password: str = PASSWORD) -> TestClient:
    client = server.client()
    assert sign_in(client, email, password).status_code == 303
    return client


def test_the_page_is_each_persons_own_and_needs_sign_in(server: Server) -> None:
    server.accounts.add(BEN, PASSWORD)
    assert get(server.client(), "/account").status_code == 303
    ana = _signed_in(server)
    page = get(ana, "/account")
    assert page.status_code == 200
    assert f"Signed in as {ANA}" in page.text
    assert BEN not in page.text


def test_changing_the_password_asks_for_the_current_one_and_ends_other_sessions(
    server: Server,
) -> None:
    elsewhere = _signed_in(server)
    here = _signed_in(server)
    wrong = post_form(
        here, "/account/password", {"current": "not it at all", "new": NEW, "again": NEW}
    )
    assert wrong.status_code == 422
    assert "current password is wrong" in message(wrong)
    differs = post_form(here, "/account/password", {"current": PASSWORD, "new": NEW, "again": "x"})
    assert differs.status_code == 422
    assert "differ" in message(differs)
    short = post_form(
        here, "/account/password", {"current": PASSWORD, "new": "short", "again": "short"}
    )
    assert short.status_code == 422
    assert "at least 12" in message(short)
    done = post_form(here, "/account/password", {"current": PASSWORD, "new": NEW, "again": NEW})
    assert done.status_code == 303
    assert done.headers["location"] == "/account?saved=password"
    # This browser goes on with a new session; the other one is signed out.
    assert "Your new password is saved" in get(here, "/account?saved=password").text
    assert get(elsewhere, "/account").status_code == 303
    assert sign_in(server.client(), ANA, PASSWORD).status_code == 401
    assert sign_in(server.client(), ANA, NEW).status_code == 303


def test_wrong_current_passwords_count_like_failed_sign_ins(server: Server) -> None:
    here = _signed_in(server)
    for _ in range(5):
        post_form(here, "/account/password", {"current": "guess " * 3, "new": NEW, "again": NEW})
    held = post_form(here, "/account/password", {"current": PASSWORD, "new": NEW, "again": NEW})
    assert held.status_code == 422
    assert "Too many failed sign-ins" in message(held)


def test_two_factor_is_set_up_with_a_code_and_turned_off_with_the_password(
    server: Server, clock: FixedClock
) -> None:
    here = _signed_in(server)
    started = post_form(here, "/account/two-factor/start", {})
    secret = re.search(r'name="secret" value="([A-Z2-7]+)"', started.text)
    assert secret is not None
    key = secret.group(1)
    assert "otpauth://totp/" in started.text
    wrong = post_form(here, "/account/two-factor/confirm", {"secret": key, "code": "000000"})
    assert wrong.status_code == 422
    assert f'value="{key}"' in wrong.text  # the same key again: the app need not start over
    code = pyotp.TOTP(key).at(clock.now())
    on = post_form(here, "/account/two-factor/confirm", {"secret": key, "code": code})
    assert on.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>", on.text)
    assert len(codes) == 10
    assert server.accounts.sign_in(ANA, PASSWORD, "127.0.0.1").needs_code
    refused = post_form(here, "/account/two-factor/off", {"current": "not the password"})
    assert refused.status_code == 422
    clock.moment += timedelta(minutes=16)  # past the wait the failed attempt began
    off = post_form(here, "/account/two-factor/off", {"current": PASSWORD})
    assert off.status_code == 200
    assert "Two-factor sign-in is off." in off.text
    assert not server.accounts.sign_in(ANA, PASSWORD, "127.0.0.1").needs_code


def test_a_token_made_on_the_page_is_shown_once_and_can_be_revoked(server: Server) -> None:
    here = _signed_in(server)
    made = post_form(here, "/account/tokens", {"label": "weekly export", "read_only": "yes"})
    token = re.search(r'id="new-token" type="text" readonly value="(cp_[^"]+)"', made.text)
    assert token is not None
    script = server.client()
    assert get(script, "/api/v1/goals", **bearer(token.group(1))).status_code == 200
    assert (
        script.post("/api/v1/goals", json={"text": "x"}, headers=bearer(token.group(1))).status_code
        == 403
    )
    page = get(here, "/account").text
    assert "weekly export" in page
    assert token.group(1) not in page  # shown once
    token_id = re.search(r"/account/tokens/(\d+)/revoke", page)
    assert token_id is not None
    assert post_form(here, f"/account/tokens/{token_id.group(1)}/revoke", {}).status_code == 303
    assert get(script, "/api/v1/goals", **bearer(token.group(1))).status_code == 401
    again = post_form(here, f"/account/tokens/{token_id.group(1)}/revoke", {})
    assert again.status_code == 404


def test_someone_elses_token_cannot_be_revoked_from_my_page(server: Server) -> None:
    server.accounts.add(BEN, PASSWORD)
    bens = server.accounts.create_token(BEN, label="Ben's")
    ben_token_id = server.accounts.tokens(BEN)[0].id
    ana = _signed_in(server)
    assert post_form(ana, f"/account/tokens/{ben_token_id}/revoke", {}).status_code == 404
    assert server.accounts.token_identity(bens) is not None
    for huge in ["99999999999999999999", "0", "-1"]:
        assert post_form(ana, f"/account/tokens/{huge}/revoke", {}).status_code in (404, 422)


def test_there_is_no_account_page_without_accounts(client: TestClient) -> None:
    assert client.get("/account").status_code == 404
