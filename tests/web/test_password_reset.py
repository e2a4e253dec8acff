"""A forgotten password on a server with accounts: a link by e-mail (through a real SMTP server
on this machine), good once and for an hour, that ends every session; the same answer whether
or not the address has an account; and a plain refusal when the server sends no mail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from fastapi.testclient import TestClient

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from tests.services.smtp_server import Inbox, smtp_server
from tests.web.test_sign_in import (
    ANA,
    PASSWORD,
    Server,
    get,
    message,
    post_form,
    serve,
    server,
    sign_in,
)

__all__ = ["server"]  # the fixture: Ana's plan on a server with accounts, without mail

NEW = "a completely new pass phrase"
SENT = "If there is an account for that address, an e-mail with a link"


@pytest.fixture
def inbox() -> Inbox:
    return Inbox()


@pytest.fixture
def mailing(story: Workspace, clock: FixedClock, inbox: Inbox) -> Iterator[Server]:
    with smtp_server(inbox) as smtp:
        yield serve(story, clock, smtp=smtp)


def _link(inbox: Inbox) -> str:
    assert len(inbox.received) == 1
    _, recipients, data = inbox.received[0]
    assert recipients == [ANA]
    body = message_from_bytes(data, policy=policy.default).get_body().get_content()  # type: ignore[union-attr]
    found = re.search(r"http://\S+(/login/reset/\S+)", body)
    assert found is not None, body
    return found.group(1)


def test_a_link_by_e_mail_sets_a_new_password_once_and_ends_every_session(
    mailing: Server, inbox: Inbox
) -> None:
    elsewhere = mailing.client()
    assert sign_in(elsewhere).status_code == 303
    assert get(elsewhere, "/plan").status_code == 200
    with mailing.client() as browser:
        asked = post_form(browser, "/login/forgot", {"email": "  ANA@example.org "})
        assert asked.status_code == 200
        assert SENT in asked.text
        link = _link(inbox)
        assert get(browser, link).status_code == 200
        differs = post_form(browser, link, {"password": NEW, "again": NEW + "x"})
        assert differs.status_code == 422
        assert "The two passwords differ" in message(differs)
        short = post_form(browser, link, {"password": "short", "again": "short"})
        assert short.status_code == 422
        assert "at least 12" in message(short)
        done = post_form(browser, link, {"password": NEW, "again": NEW})
        assert done.status_code == 303
        assert done.headers["location"] == "/login?next=%2F&reset=1"
        assert "Your new password is saved" in get(browser, done.headers["location"]).text
        again = post_form(browser, link, {"password": NEW + "!", "again": NEW + "!"})
        assert again.status_code == 422
        assert "has been used or has expired" in message(again)
        assert sign_in(browser, password=PASSWORD).status_code == 401
        assert sign_in(browser, password=NEW).status_code == 303
    # The session opened before the reset is over.
    assert get(elsewhere, "/plan").status_code == 303


def test_an_unknown_address_gets_the_same_answer_and_no_mail(mailing: Server, inbox: Inbox) -> None:
    with mailing.client() as browser:
        for address in ["nobody@example.org", "not an address", ""]:
            asked = post_form(browser, "/login/forgot", {"email": address})
            assert asked.status_code == 200
            assert SENT in asked.text
    assert inbox.received == []


def test_a_link_an_hour_old_has_expired(mailing: Server, inbox: Inbox, clock: FixedClock) -> None:
    with mailing.client() as browser:
        post_form(browser, "/login/forgot", {"email": ANA})
        link = _link(inbox)
        clock.moment += timedelta(hours=1)
        late = post_form(browser, link, {"password": NEW, "again": NEW})
        assert late.status_code == 422
        assert "has been used or has expired" in message(late)
        assert sign_in(browser).status_code == 303  # the old password still holds


def test_asking_again_and_again_is_held_back(mailing: Server, inbox: Inbox) -> None:
    with mailing.client() as browser:
        for _ in range(5):
            assert post_form(browser, "/login/forgot", {"email": ANA}).status_code == 200
        held = post_form(browser, "/login/forgot", {"email": ANA})
        assert held.status_code == 429
        assert "Too many" in message(held)
    assert len(inbox.received) == 5


def test_a_made_up_link_is_refused(mailing: Server) -> None:
    with mailing.client() as browser:
        refused = post_form(browser, "/login/reset/made-up", {"password": NEW, "again": NEW})
        assert refused.status_code == 422
        assert "has been used or has expired" in message(refused)


def test_without_mail_the_page_says_to_ask_the_administrator(server: Server) -> None:
    with TestClient(server.app, base_url="http://localhost:8000") as browser:
        page = get(browser, "/login/forgot")
        assert "sends no e-mail" in page.text
        assert post_form(browser, "/login/forgot", {"email": ANA}).status_code == 409
