"""Signing in to a server with accounts, through the app as a browser and a script reach it:
what an anonymous caller is told, where sign-in leads (never to another site), what the session
cookie is, and how sessions and API tokens stop working."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import argon2
import pyotp
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response

from careerplan.services import two_factor
from careerplan.services.accounts import WRONG_SIGN_IN, Accounts
from careerplan.services.calendar_feed import enable_feed
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.web.app import create_app
from careerplan.web.security import CSRF_COOKIE
from careerplan.web.sign_in import SESSION_COOKIE
from tests.web.conftest import local_client
from tests.web.pages.helpers import snapshot

FAST = argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
ANA = "ana@example.org"
BEN = "ben@example.org"
PASSWORD = "correct horse battery"
SECRET = pyotp.random_base32()


def earlier_code(clock: FixedClock) -> str:
    """The code of the step before now: turning two-factor on spends it, and the tests then sign
    in with the current one (a code is good once)."""
    return pyotp.TOTP(SECRET).at(clock.now() - timedelta(seconds=30))


PLAN_GOAL = "Complete my PMP certification"


@dataclass
class Server:
    """The app with accounts on, over Ana's plan, which her account has taken."""

    app: FastAPI
    accounts: Accounts
    workspace: Workspace
    ana: int

    def client(self) -> TestClient:
        return local_client(self.app)


def serve(story: Workspace, clock: FixedClock, **settings: Any) -> Server:
    workspace = replace(story, settings=replace(story.settings, accounts=True, **settings))
    app = create_app(workspace=workspace, clock=clock)
    accounts: Accounts = app.state.accounts
    # The middleware holds this same object: a cheaper hasher here is the one it uses.
    accounts.hasher = FAST
    ana = accounts.add(ANA, PASSWORD, take_local_plan=True)
    return Server(app, accounts, workspace, ana)


@pytest.fixture
def server(story: Workspace, clock: FixedClock) -> Server:
    return serve(story, clock)


@pytest.fixture
def browser(server: Server) -> Iterator[TestClient]:
    with server.client() as client:
        yield client


def csrf(client: TestClient) -> str:
    if CSRF_COOKIE not in client.cookies:
        assert client.get("/login").status_code == 200
    return client.cookies[CSRF_COOKIE]


def post_form(client: TestClient, url: str, data: dict[str, str]) -> Response:
    response = client.post(url, data={**data, "csrf_token": csrf(client)}, follow_redirects=False)
    assert response.status_code < 500, response.text
    return response


def sign_in(
    client: TestClient, email: str = ANA, password: str = PASSWORD, next_page: str = "/"
) -> Response:
    return post_form(client, "/login", {"email": email, "password": password, "next": next_page})


def get(client: TestClient, url: str, **headers: str) -> Response:
    response = client.get(url, headers=headers, follow_redirects=False)
    assert response.status_code < 500, response.text
    return response


def session_cookie(response: Response) -> str:
    """The Set-Cookie header that sets the session cookie (empty when there is none)."""
    return next(
        (h for h in response.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE + "=")),
        "",
    )


def cookie_value(header: str) -> str:
    return header.split(";", 1)[0].split("=", 1)[1]


def cookie_flags(header: str) -> set[str]:
    return {part.strip().lower() for part in header.split(";")[1:]}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def with_cookie(server: Server, value: str) -> TestClient:
    """Another browser, holding only the session cookie `value` (an old one, a stolen one)."""
    client = server.client()
    client.cookies.set(SESSION_COOKIE, value)
    return client


def message(response: Response) -> str:
    found = re.search(r'<p class="error" role="alert"[^>]*>(.*?)</p>', response.text, re.S)
    return found.group(1) if found else ""


# --- who is turned away, and how ----------------------------------------------------------


def test_an_anonymous_api_call_gets_a_401_problem_that_names_the_scheme(
    browser: TestClient,
) -> None:
    for method, url in [
        ("GET", "/api/v1/goals"),
        ("POST", "/api/v1/goals"),
        ("DELETE", "/api/v1/goals/3"),
        ("GET", "/api/v1/no-such-thing"),
    ]:
        response = browser.request(method, url, json={"text": "x"})
        assert response.status_code == 401, url
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"] == 'Bearer realm="careerplan"'
        assert response.json()["title"] == "Sign-in required"
        assert PLAN_GOAL not in response.text
        # The refusal still carries the security headers.
        assert response.headers["x-frame-options"] == "DENY"


def test_an_anonymous_page_is_sent_to_sign_in_and_back(browser: TestClient) -> None:
    asked = get(browser, "/plan?goal=3&x=a%26b")
    assert asked.status_code == 303
    location = asked.headers["location"]
    assert location == "/login?next=%2Fplan%3Fgoal%3D3%26x%3Da%2526b"
    assert session_cookie(asked) == ""  # nothing to clear: there was no cookie
    page = get(browser, location)
    assert page.status_code == 200
    assert 'name="next" value="/plan?goal=3&amp;x=a%26b"' in page.text
    assert "Your session has ended" not in page.text
    assert PLAN_GOAL not in page.text
    signed = sign_in(browser, next_page="/plan?goal=3&x=a%26b")
    assert signed.status_code == 303
    assert signed.headers["location"] == "/plan?goal=3&x=a%26b"
    reached = get(browser, signed.headers["location"])
    assert reached.status_code == 200
    assert PLAN_GOAL in reached.text
    assert ANA in reached.text
    assert 'action="/logout"' in reached.text
    # Signed in, the sign-in page sends on to where it was going.
    assert get(browser, "/login?next=/actions").headers["location"] == "/actions"


def test_what_anyone_may_open_needs_no_sign_in(server: Server, browser: TestClient) -> None:
    for url in ["/livez", "/healthz", "/static/style.css", "/login"]:
        assert get(browser, url).status_code == 200, url
    with server.workspace.as_owner(server.ana).unit() as uow:
        token = enable_feed(uow)
    feed = get(browser, f"/calendar/{token}.ics")
    assert feed.status_code == 200
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "Attend one industry networking event" in feed.text
    # A wrong address is the feed's own 404, not a sign-in.
    assert get(browser, f"/calendar/{token[::-1]}.ics").status_code == 404
    # An open prefix is no way round: the path is never resolved past it.
    for url in [
        "/static/%2E%2E/api/v1/goals",
        "/calendar/%2E%2E/api/v1/goals",
        "/calendar/x/%2E%2E/%2E%2E/plan",
        "/static%2F..%2Fplan",
    ]:
        sneaked = get(browser, url)
        assert sneaked.status_code in {303, 401, 404}, url
        assert PLAN_GOAL not in sneaked.text


ELSEWHERE = [
    "//evil.example",
    "https://evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "///evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/login?next=//evil.example",
    "",
]


def test_a_next_page_on_another_site_lands_on_the_dashboard(browser: TestClient) -> None:
    for elsewhere in ELSEWHERE:
        browser.cookies.delete(SESSION_COOKIE)
        page = browser.get("/login", params={"next": elsewhere}, follow_redirects=False)
        assert page.status_code == 200, elsewhere
        assert 'name="next" value="/"' in page.text, elsewhere
        signed = sign_in(browser, next_page=elsewhere)
        assert signed.status_code == 303
        assert signed.headers["location"] == "/", elsewhere
        # Already signed in, the page itself sends on, and only home.
        again = browser.get("/login", params={"next": elsewhere}, follow_redirects=False)
        assert again.headers["location"] == "/", elsewhere


def test_a_next_page_with_hidden_characters_stays_on_this_site(browser: TestClient) -> None:
    # Browsers drop tabs and line breaks from addresses: "/\t/evil" would be "//evil".
    for elsewhere in ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example"]:
        signed = sign_in(browser, next_page=elsewhere)
        location = signed.headers["location"]
        assert location.startswith("/"), location
        assert not location.startswith(("//", "/\\")), location
        assert urlsplit(location).netloc == ""
        assert not re.search(r"[\x00-\x20]", location), location


# --- the session cookie --------------------------------------------------------------------


def test_the_session_cookie_is_http_only_and_same_site(browser: TestClient) -> None:
    signed = sign_in(browser)
    header = session_cookie(signed)
    flags = cookie_flags(header)
    assert {"httponly", "samesite=lax", "path=/", "max-age=604800"} <= flags
    assert "secure" not in flags  # plain http on this machine: a Secure cookie would be lost
    assert len(cookie_value(header)) >= 43


def test_behind_an_https_address_the_session_cookie_is_secure(
    story: Workspace, clock: FixedClock
) -> None:
    server = serve(story, clock, public_url="https://plan.example.org")
    with server.client() as client:
        signed = sign_in(client)
        assert signed.status_code == 303
        assert {"secure", "httponly", "samesite=lax"} <= cookie_flags(session_cookie(signed))
        signed_out = post_form(client, "/logout", {})
    assert signed_out.status_code == 303


def test_a_cookie_set_before_sign_in_is_not_the_session_after_it(
    server: Server, browser: TestClient
) -> None:
    planted = "planted-by-a-page-on-another-subdomain-000000"
    browser.cookies.set(SESSION_COOKIE, planted)
    first = cookie_value(session_cookie(sign_in(browser)))
    assert first != planted
    with with_cookie(server, planted) as attacker:
        assert get(attacker, "/plan").status_code == 303
    # Signing in again, on top of a live session, makes a new one and ends the old.
    browser.cookies.set(SESSION_COOKIE, first)
    second = cookie_value(session_cookie(sign_in(browser)))
    assert second not in {first, planted}
    with with_cookie(server, first) as old:
        assert get(old, "/plan").status_code == 303
    with with_cookie(server, second) as new:
        assert get(new, "/plan").status_code == 200


# --- refusals ------------------------------------------------------------------------------


def test_a_wrong_password_or_unknown_address_gets_the_same_401_page_and_no_cookie(
    browser: TestClient,
) -> None:
    answers = []
    for email, password in [
        (ANA, "not the password"),
        ("nobody@example.org", PASSWORD),
        ("not an address", PASSWORD),
        ("x" * 5000, "y" * 5000),
        ("", ""),
    ]:
        refused = sign_in(browser, email, password, next_page="/actions")
        assert refused.status_code == 401
        assert session_cookie(refused) == ""
        assert 'name="next" value="/actions"' in refused.text
        if password:
            assert password not in refused.text  # only the address is kept in the form
        answers.append(message(refused))
    assert set(answers) == {WRONG_SIGN_IN}
    assert SESSION_COOKIE not in browser.cookies


def test_the_address_typed_is_kept_and_escaped(browser: TestClient) -> None:
    refused = sign_in(browser, "ana@example.org", "not the password")
    assert 'value="ana@example.org"' in refused.text
    hostile = '"><script>alert(1)</script>@example.org'
    refused = sign_in(browser, hostile, PASSWORD)
    assert refused.status_code == 401
    assert "<script>alert(1)" not in refused.text
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;@example.org"' in refused.text


def test_too_many_failures_get_a_429_page_even_for_the_right_password(
    server: Server, browser: TestClient, clock: FixedClock
) -> None:
    for _ in range(5):
        assert sign_in(browser, password="not the password").status_code == 401
    held = sign_in(browser)
    assert held.status_code == 429
    assert "Too many failed sign-ins. Wait 15 minutes" in message(held)
    assert session_cookie(held) == ""
    clock.moment += timedelta(minutes=15)
    assert sign_in(browser).status_code == 303


def test_the_form_without_its_csrf_token_is_refused(browser: TestClient) -> None:
    csrf(browser)
    form = {"email": ANA, "password": PASSWORD, "next": "/"}
    for data, headers in [
        (form, {}),
        ({**form, "csrf_token": "x" * 43}, {}),
        ({**form, "csrf_token": csrf(browser)}, {"Origin": "https://evil.example"}),
        ({**form, "csrf_token": csrf(browser)}, {"Sec-Fetch-Site": "cross-site"}),
    ]:
        refused = browser.post("/login", data=data, headers=headers, follow_redirects=False)
        assert refused.status_code == 403
        assert session_cookie(refused) == ""
    # Without the CSRF cookie at all: a page elsewhere posting to sign someone in as itself.
    with TestClient(browser.app, base_url="http://localhost:8000") as fresh:
        refused = fresh.post("/login", data={**form, "csrf_token": "x" * 43})
        assert refused.status_code == 403


def test_there_is_no_sign_in_without_accounts(client: TestClient) -> None:
    assert client.get("/login").status_code == 404
    assert client.get("/login/code").status_code == 404
    token = client.cookies[CSRF_COOKIE]  # set by the 404 page, as by any page
    for url in ["/login", "/login/code", "/logout"]:
        response = client.post(
            url, data={"csrf_token": token, "email": ANA}, follow_redirects=False
        )
        assert response.status_code == 404, url
    # The single person's plan opens as before, with no sign-in.
    home = get(client, "/")
    assert "/login" not in home.headers.get("location", "")


# --- how sessions end ----------------------------------------------------------------------


def test_an_expired_session_is_sent_to_sign_in_with_its_cookie_cleared(
    server: Server, browser: TestClient, clock: FixedClock
) -> None:
    sign_in(browser)
    assert get(browser, "/plan").status_code == 200
    clock.moment += timedelta(hours=12)
    ended = get(browser, "/plan")
    assert ended.status_code == 303
    location = ended.headers["location"]
    assert urlsplit(location).path == "/login"
    assert parse_qs(urlsplit(location).query) == {"next": ["/plan"], "ended": ["1"]}
    cleared = session_cookie(ended)
    assert cookie_value(cleared) in {"", '""'}
    assert "max-age=0" in cookie_flags(cleared)
    assert SESSION_COOKIE not in browser.cookies
    page = get(browser, location)
    assert "Your session has ended" in page.text


def test_an_expired_session_gets_a_401_from_the_api(
    server: Server, browser: TestClient, clock: FixedClock
) -> None:
    sign_in(browser)
    assert get(browser, "/api/v1/goals").status_code == 200
    clock.moment += timedelta(days=7)
    assert get(browser, "/api/v1/goals").status_code == 401


def test_signing_out_ends_the_session_on_the_server(server: Server, browser: TestClient) -> None:
    value = cookie_value(session_cookie(sign_in(browser)))
    # A form from elsewhere cannot sign anyone out.
    refused = browser.post("/logout", data={"csrf_token": "x" * 43}, follow_redirects=False)
    assert refused.status_code == 403
    assert get(browser, "/plan").status_code == 200
    out = post_form(browser, "/logout", {})
    assert out.status_code == 303
    assert urlsplit(out.headers["location"]).path == "/login"
    assert "max-age=0" in cookie_flags(session_cookie(out))
    # The old cookie, kept by someone (copied from the browser), opens nothing any more.
    with with_cookie(server, value) as kept:
        assert get(kept, "/plan").status_code == 303
        assert get(kept, "/api/v1/goals").status_code == 401
    assert server.accounts.accounts()[0].sessions == 0


def test_a_disabled_person_with_a_live_session_is_sent_to_sign_in(
    server: Server, browser: TestClient, clock: FixedClock
) -> None:
    value = cookie_value(session_cookie(sign_in(browser)))
    # Disabled while the session is live, by a direct change another process made.
    with server.accounts.store() as store:
        store.update_user(server.ana, disabled_at=clock.now())
    ended = get(browser, "/plan")
    assert ended.status_code == 303
    assert "ended=1" in ended.headers["location"]
    with with_cookie(server, value) as again:
        assert get(again, "/api/v1/goals").status_code == 401
    refused = sign_in(browser)
    assert refused.status_code == 401
    assert "This account is disabled" in message(refused)


def test_disabling_ends_the_sessions_at_once(server: Server, browser: TestClient) -> None:
    sign_in(browser)
    assert server.accounts.disable(ANA) == 1
    assert get(browser, "/plan").status_code == 303


# --- API tokens ----------------------------------------------------------------------------


def test_a_bearer_token_reaches_its_own_plan_through_the_api(
    server: Server, browser: TestClient
) -> None:
    token = server.accounts.create_token(ANA)
    for header in (bearer(token), {"Authorization": f"bearer  {token} "}):
        listed = get(browser, "/api/v1/goals", **header)
        assert listed.status_code == 200
        assert PLAN_GOAL in listed.text
    added = browser.post(
        "/api/v1/goals",
        json={"text": "Lead a team of five", "parent_id": 2, "horizon": "6m"},
        headers=bearer(token),
    )
    assert added.status_code == 201, added.text
    # Another account's token sees another (empty) plan, never Ana's.
    server.accounts.add(BEN, PASSWORD)
    bens = get(browser, "/api/v1/goals", **bearer(server.accounts.create_token(BEN)))
    assert bens.status_code == 200
    assert bens.json() == []


def test_an_unknown_or_revoked_token_gets_a_401(server: Server, browser: TestClient) -> None:
    token = server.accounts.create_token(ANA)
    assert get(browser, "/api/v1/goals", **bearer(token)).status_code == 200
    server.accounts.revoke_token(ANA, server.accounts.tokens(ANA)[0].id)
    for header in [
        bearer(token),
        bearer("cp_made-up"),
        bearer(""),
        bearer(token + "x"),
        {"Authorization": "Bearer"},
    ]:
        refused = get(browser, "/api/v1/goals", **header)
        assert refused.status_code == 401, header
        assert refused.json()["title"] == "Unknown token"
        assert PLAN_GOAL not in refused.text
    # A revoked token cannot ride on a good session cookie either.
    sign_in(browser)
    assert get(browser, "/api/v1/goals", **bearer(token)).status_code == 401


def test_a_read_only_token_can_read_but_changes_nothing(
    server: Server, browser: TestClient
) -> None:
    token = server.accounts.create_token(ANA, read_only=True)
    assert get(browser, "/api/v1/goals", **bearer(token)).status_code == 200
    assert get(browser, "/api/v1/goals/3", **bearer(token)).status_code == 200
    before = snapshot(server.workspace)
    for method, url, body in [
        ("POST", "/api/v1/goals", {"text": "Forged goal", "parent_id": 2}),
        ("PATCH", "/api/v1/goals/3", {"version": 1, "text": "Forged"}),
        ("PUT", "/api/v1/goals/3", {"version": 1}),
        ("DELETE", "/api/v1/goals/3", None),
        ("POST", "/logout", None),
    ]:
        refused = browser.request(method, url, json=body, headers=bearer(token))
        assert refused.status_code == 403, (method, url)
        assert refused.json()["title"] == "Read-only token"
    assert snapshot(server.workspace) == before


# --- two-factor sign-in --------------------------------------------------------------------


def test_two_factor_sign_in_goes_through_the_code_page(
    server: Server, browser: TestClient, clock: FixedClock
) -> None:
    recovery = two_factor.turn_on(server.accounts, ANA, SECRET, earlier_code(clock))
    assert get(browser, "/login/code").headers["location"] == "/login?next=%2F"
    signed = sign_in(browser, next_page="/plan")
    assert signed.status_code == 303
    assert signed.headers["location"] == "/login/code?next=%2Fplan"
    pending = cookie_value(session_cookie(signed))
    # The password alone opens nothing.
    with with_cookie(server, pending) as half:
        assert get(half, "/api/v1/goals").status_code == 401
    page = get(browser, "/login/code?next=%2Fplan")
    assert page.status_code == 200
    assert 'name="code"' in page.text
    wrong = post_form(browser, "/login/code", {"code": "000000x", "next": "/plan"})
    assert wrong.status_code == 401
    assert "That code is wrong" in message(wrong)
    assert 'action="/login/code"' in wrong.text
    done = post_form(
        browser, "/login/code", {"code": pyotp.TOTP(SECRET).at(clock.now()), "next": "/plan"}
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/plan"
    full = cookie_value(session_cookie(done))
    assert full != pending
    assert get(browser, "/plan").status_code == 200
    # The half-open session was used up with the code.
    with with_cookie(server, pending) as replay:
        again = post_form(replay, "/login/code", {"code": recovery[0], "next": "/"})
        assert again.status_code == 401
        assert 'action="/login"' in again.text


def test_two_factor_with_a_recovery_code_and_a_late_code(
    server: Server, browser: TestClient, clock: FixedClock
) -> None:
    recovery = two_factor.turn_on(server.accounts, ANA, SECRET, earlier_code(clock))
    sign_in(browser)
    assert post_form(browser, "/login/code", {"code": recovery[0]}).status_code == 303
    assert get(browser, "/plan").status_code == 200
    # Signed in again later, the code given over fifteen minutes after the password is late.
    sign_in(browser)
    clock.moment += timedelta(minutes=15)
    late = post_form(browser, "/login/code", {"code": pyotp.TOTP(SECRET).at(clock.now())})
    assert late.status_code == 401
    assert "The sign-in has expired" in message(late)
    assert 'action="/login"' in late.text


def test_wrong_codes_on_the_page_are_held_back(
    server: Server, browser: TestClient, clock: FixedClock
) -> None:
    two_factor.turn_on(server.accounts, ANA, SECRET, earlier_code(clock))
    sign_in(browser)
    for _ in range(5):
        assert post_form(browser, "/login/code", {"code": "abcdef"}).status_code == 401
    right = pyotp.TOTP(SECRET).at(clock.now())
    held = post_form(browser, "/login/code", {"code": right})
    assert held.status_code == 429
    assert "Too many failed sign-ins" in message(held)
    assert session_cookie(held) == ""


def test_answers_to_a_signed_in_person_are_not_kept_by_caches_between_people(
    server: Server, browser: TestClient
) -> None:
    """A proxy or a shared browser profile must not hand one person's page to another."""
    sign_in(browser)
    for url in ["/", "/plan", "/api/v1/goals"]:
        assert get(browser, url).headers["cache-control"] == "private, no-store", url
