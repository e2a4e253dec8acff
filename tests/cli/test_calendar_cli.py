"""`careerplan calendar feed [--rotate | --off]`: the subscription address, printed."""

from __future__ import annotations

import re

import pytest
from tests.cli.conftest import Invoke

from careerplan.services.calendar_feed import token_opens_feed
from careerplan.services.workspace import Workspace

ADDRESS = re.compile(r"^http://127\.0\.0\.1:8000/calendar/([A-Za-z0-9_-]{43})\.ics$")


def token_of(stdout: str) -> str:
    found = ADDRESS.match(stdout.strip())
    assert found is not None, stdout
    return found.group(1)


def test_it_turns_the_feed_on_and_prints_only_the_address(
    cli: Invoke, workspace: Workspace
) -> None:
    ran = cli("calendar", "feed")
    assert ran.exit_code == 0
    token = token_of(ran.stdout)
    assert ran.stdout.count("\n") == 1
    assert "Keep it private" in ran.stderr
    assert token_of(cli("calendar", "feed").stdout) == token  # the same address next time
    with workspace.unit() as uow:
        assert token_opens_feed(uow, token)


def test_rotate_prints_a_new_address_and_retires_the_old(cli: Invoke, workspace: Workspace) -> None:
    old = token_of(cli("calendar", "feed").stdout)
    ran = cli("calendar", "feed", "--rotate")
    new = token_of(ran.stdout)
    assert new != old
    assert ran.stderr.startswith("This is a new address: the old one no longer works.")
    with workspace.unit() as uow:
        assert token_opens_feed(uow, new)
        assert not token_opens_feed(uow, old)


def test_off_retires_the_address(cli: Invoke, workspace: Workspace) -> None:
    token = token_of(cli("calendar", "feed").stdout)
    ran = cli("calendar", "feed", "--off")
    assert (ran.exit_code, ran.stdout) == (
        0,
        "The calendar feed is off; its address no longer works.\n",
    )
    with workspace.unit() as uow:
        assert not token_opens_feed(uow, token)
    assert cli("calendar", "feed", "--off").stdout == "The calendar feed was already off.\n"


def test_rotate_and_off_together_are_refused(cli: Invoke, workspace: Workspace) -> None:
    ran = cli("calendar", "feed", "--rotate", "--off")
    assert ran.exit_code == 2
    assert "Choose --rotate or --off, not both." in ran.stderr
    with workspace.unit() as uow:
        assert uow.preferences.get().calendar_token is None


def test_the_address_uses_the_public_url(
    cli: Invoke, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERPLAN_PUBLIC_URL", "https://plan.example.org/")
    ran = cli("calendar", "feed")
    assert re.fullmatch(r"https://plan\.example\.org/calendar/[A-Za-z0-9_-]{43}\.ics\n", ran.stdout)


def test_the_calendar_commands_are_listed_in_the_help(cli: Invoke, workspace: Workspace) -> None:
    # A line of the command list, not the word in another command's help ("for a calendar").
    assert re.search(r"^  calendar  ", cli("--help").stdout, re.M)
    feed = cli("calendar", "feed", "--help")
    assert feed.exit_code == 0
    assert re.search(r"^  --rotate ", feed.stdout, re.M)
    assert re.search(r"^  --off ", feed.stdout, re.M)
