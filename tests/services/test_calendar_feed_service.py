"""The calendar feed's secret address: turned on, rotated and turned off, on both databases."""

from __future__ import annotations

import re
from collections.abc import Callable

import icalendar
import pytest

from careerplan.config import Settings
from careerplan.services.calendar_feed import (
    disable_feed,
    enable_feed,
    feed_calendar,
    feed_token,
    feed_url,
    rotate_feed,
    token_opens_feed,
)
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace, open_workspace

TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def test_turning_the_feed_on_makes_a_random_token_and_keeps_it(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        assert feed_token(uow) is None
        token = enable_feed(uow)
    assert TOKEN.match(token)
    with workspace.unit() as uow:
        assert enable_feed(uow) == token  # people already subscribed keep their address
        assert feed_token(uow) == token
        assert token_opens_feed(uow, token)


def test_rotating_makes_a_new_token_and_the_old_one_stops_working(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        old = enable_feed(uow)
    with workspace.unit() as uow:
        new = rotate_feed(uow)
    assert new != old
    assert TOKEN.match(new)
    with workspace.unit() as uow:
        assert token_opens_feed(uow, new)
        assert not token_opens_feed(uow, old)


def test_turning_it_off_forgets_the_token(workspace: Workspace) -> None:
    with workspace.unit() as uow:
        token = enable_feed(uow)
    with workspace.unit() as uow:
        assert disable_feed(uow) is True
    with workspace.unit() as uow:
        assert feed_token(uow) is None
        assert not token_opens_feed(uow, token)
        assert disable_feed(uow) is False


@pytest.mark.parametrize("given", ["", "-" * 43, "x", "é" * 43, "\udcff"])
def test_no_token_opens_a_feed_that_is_off(workspace: Workspace, given: str) -> None:
    with workspace.unit() as uow:
        assert not token_opens_feed(uow, given)


@pytest.mark.parametrize("change", [lambda t: t[:-1], lambda t: t + "x", str.upper, str.lower])
def test_a_token_that_is_nearly_right_opens_nothing(
    workspace: Workspace, change: Callable[[str], str]
) -> None:
    with workspace.unit() as uow:
        token = enable_feed(uow)
        assert not token_opens_feed(uow, change(token))


def test_the_feed_serves_the_persons_plan_as_a_calendar(
    story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        token = enable_feed(uow)
        action = uow.actions.get(1)
    data = feed_calendar(story, clock, token)
    assert data is not None
    calendar = icalendar.Calendar.from_ical(data)
    uids = sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))
    assert f"action-{action.uid}@careerplan" in uids
    assert "review-rhythm-p1@careerplan" in uids
    assert feed_calendar(story, clock, token[::-1]) is None


def test_one_persons_token_does_not_open_anothers_feed(
    story: Workspace, settings: Settings, clock: FixedClock
) -> None:
    other = open_workspace(settings, username="bea")
    try:
        with story.unit() as uow:
            anas = enable_feed(uow)
        with other.unit() as uow:
            beas = enable_feed(uow)
        assert feed_calendar(other, clock, anas) is None
        bea_calendar = feed_calendar(other, clock, beas)
        assert bea_calendar is not None
        (review,) = icalendar.Calendar.from_ical(bea_calendar).walk("VEVENT")
        assert str(review["UID"]) == f"review-rhythm-p{other.owner_id}@careerplan"
    finally:
        other.close()


def test_the_address_is_the_public_url_or_where_serve_listens() -> None:
    assert feed_url("abc") == "http://127.0.0.1:8000/calendar/abc.ics"
    assert (
        feed_url("abc", "https://plan.example.org/") == "https://plan.example.org/calendar/abc.ics"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://plan.example.org/", "https://plan.example.org"),
        ("  http://10.0.0.2:8080  ", "http://10.0.0.2:8080"),
        ("plan.example.org", ""),
        ("javascript:alert(1)", ""),
        ("", ""),
    ],
)
def test_the_public_url_setting_takes_only_web_addresses(value: str, expected: str) -> None:
    settings = Settings.from_env({"CAREERPLAN_DATA_DIR": "/tmp/x", "CAREERPLAN_PUBLIC_URL": value})
    assert settings.public_url == expected
