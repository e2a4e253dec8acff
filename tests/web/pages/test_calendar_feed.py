"""The calendar feed's address: served with no login to the right token only, cached by plan
revision, and always up to date."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import icalendar
import pytest
from fastapi.testclient import TestClient

from careerplan.services.calendar_feed import enable_feed, rotate_feed
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace


@pytest.fixture
def token(story: Workspace) -> str:
    with story.unit() as uow:
        return enable_feed(uow)


def summaries(body: bytes) -> set[str]:
    return {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def test_the_right_token_gets_the_calendar_with_no_login(client: TestClient, token: str) -> None:
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["cache-control"] == "private, max-age=300"
    assert response.headers["content-disposition"] == 'inline; filename="careerplan.ics"'
    assert "Attend one industry networking event" in summaries(response.content)
    assert "set-cookie" not in response.headers
    head = client.head(f"/calendar/{token}.ics")
    assert head.status_code == 200
    assert head.headers["content-type"] == "text/calendar; charset=utf-8"


@pytest.mark.parametrize(
    "path",
    [
        "/calendar/{wrong}.ics",
        "/calendar/{token}x.ics",
        "/calendar/{short}.ics",
        "/calendar/{token}.ICS",
        "/calendar/{token}",
        "/calendar/.ics",
    ],
)
def test_any_other_address_is_an_unexplained_404(client: TestClient, token: str, path: str) -> None:
    url = path.format(token=token, wrong=token[::-1], short=token[:20])
    response = client.get(url)
    assert response.status_code == 404
    message = re.search(r"<h1>Not found</h1>\s*<p>(.*?)</p>", response.text, re.S)
    assert message is not None
    assert message.group(1).startswith("There is nothing at /calendar/")
    assert "text/calendar" not in response.headers["content-type"]


def test_a_rotated_token_no_longer_opens_the_feed(
    client: TestClient, story: Workspace, token: str
) -> None:
    assert client.get(f"/calendar/{token}.ics").status_code == 200
    with story.unit() as uow:
        new = rotate_feed(uow)
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200


def test_a_change_to_the_plan_reaches_the_feed_at_once(
    client: TestClient,
    story: Workspace,
    token: str,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from careerplan.services import calendar_feed
    from careerplan.services.goals import add_goal

    rendered: list[str] = []
    render = calendar_feed.feed_calendar

    def counted(*args: Any) -> bytes | None:
        rendered.append(args[2])
        return render(*args)

    monkeypatch.setattr(calendar_feed, "feed_calendar", counted)
    first = client.get(f"/calendar/{token}.ics")
    again = client.get(f"/calendar/{token}.ics")
    assert again.content == first.content
    assert rendered == [token]  # the second answer came from the cache
    with story.unit() as uow:
        add_goal(uow, clock, text="Give a talk at a meetup", due=date(2027, 4, 1))
    changed = client.get(f"/calendar/{token}.ics")
    assert rendered == [token, token]
    assert "Goal due: Give a talk at a meetup" in summaries(changed.content)
    assert "Goal due: Give a talk at a meetup" not in summaries(first.content)
    assert changed.headers["etag"] != first.headers["etag"]


def test_a_calendar_that_has_the_latest_version_gets_304(client: TestClient, token: str) -> None:
    first = client.get(f"/calendar/{token}.ics")
    tag = first.headers["etag"]
    unchanged = client.get(f"/calendar/{token}.ics", headers={"If-None-Match": tag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    wrong = client.get(f"/calendar/{token[::-1]}.ics", headers={"If-None-Match": tag})
    assert wrong.status_code == 404


def test_the_feed_is_not_served_once_it_is_off(
    client: TestClient, story: Workspace, token: str
) -> None:
    from careerplan.services.calendar_feed import disable_feed

    with story.unit() as uow:
        disable_feed(uow)
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    assert client.get("/calendar/" + "-" * 43 + ".ics").status_code == 404
