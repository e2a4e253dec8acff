"""The export page: a download for each format, read back with real readers, a friendly 404 for
an unknown one, and the buttons that turn the calendar feed on, renew it and turn it off."""

from __future__ import annotations

import re
from html import unescape

import icalendar
import pytest
from markdown_it import MarkdownIt

from careerplan.services.workspace import Workspace
from tests.exports.readers import pdf_text
from tests.web.conftest import local_client
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot

FEED = re.compile(r'id="feed-url" readonly value="([^"]+)"')
DOWNLOAD = re.compile(r'<a href="/export/(\w+)" download>')
MEDIA_TYPES = {
    "markdown": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
    "card": "application/pdf",
    "ics": "text/calendar; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}


def test_the_page_offers_every_format_and_is_linked_from_every_page(
    browser: Browser, story: Workspace
) -> None:
    html = browser.get("/export").text
    assert DOWNLOAD.findall(html) == list(MEDIA_TYPES)
    assert '<a href="/export">export, print and calendar</a>' in browser.get("/plan").text
    assert (
        '<a href="/export">Export, print or add them to your calendar</a>' in browser.get("/").text
    )


def test_every_offered_download_is_a_whole_file_with_its_media_type(
    browser: Browser, story: Workspace
) -> None:
    offered = DOWNLOAD.findall(browser.get("/export").text)
    assert offered == list(MEDIA_TYPES)
    for name in offered:
        response = browser.get(f"/export/{name}")
        assert response.status_code == 200, name
        assert response.headers["content-type"] == MEDIA_TYPES[name]
        assert response.headers["content-disposition"].startswith('attachment; filename="')
        assert response.headers["cache-control"] == "no-store"
        assert response.content, name


def test_the_markdown_download_is_the_written_plan(browser: Browser, story: Workspace) -> None:
    response = browser.get("/export/markdown")
    assert response.headers["content-disposition"] == 'attachment; filename="careerplan-plan.md"'
    tokens = MarkdownIt().parse(response.content.decode("utf-8"))
    titles = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert titles[0] == "Career plan of Ana"
    assert "Complete my PMP certification within the next 12 months" in titles


def test_the_calendar_download_parses_with_the_plans_events(
    browser: Browser, story: Workspace
) -> None:
    response = browser.get("/export/ics")
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    with story.unit() as uow:
        action = uow.actions.get(1)
    assert {f"action-{action.uid}@careerplan", "review-rhythm-p1@careerplan"} <= uids


@pytest.mark.parametrize(
    ("name", "filename", "expected"),
    [
        ("pdf", "careerplan-plan.pdf", "Complete my PMP certification within the next 12 months"),
        ("card", "careerplan-card.pdf", "I will be COO of a startup by 2031. Dream job: COO"),
    ],
)
def test_the_pdf_downloads_are_pdfs_of_the_plan_and_the_card(
    browser: Browser, story: Workspace, name: str, filename: str, expected: str
) -> None:
    response = browser.get(f"/export/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == f'attachment; filename="{filename}"'
    assert expected in pdf_text(response.content)


def test_an_empty_plan_downloads_too(browser: Browser) -> None:
    response = browser.get("/export/markdown")
    assert response.status_code == 200
    assert response.text.startswith("# Career plan\n")


@pytest.mark.parametrize("name", ["docx", "MARKDOWN", "pdf.exe", "x" * 500, "😀", "%00"])
def test_an_unknown_format_is_a_friendly_404(browser: Browser, name: str) -> None:
    response = browser.get(f"/export/{name}")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    message = re.search(r"<h1>Not found</h1>\s*<p>(.*?)</p>", response.text, re.S)
    assert message is not None
    assert unescape(message.group(1)).startswith("There is no export format '")
    assert unescape(message.group(1)).endswith(
        "'. Choose one of: markdown, pdf, card, ics, json, csv."
    )


def test_the_feed_is_off_until_turned_on(browser: Browser, workspace: Workspace) -> None:
    html = browser.get("/export").text
    assert '<button type="submit" name="feed" value="on">Turn on the calendar feed</button>' in html
    assert FEED.search(html) is None


def turn(browser: Browser, choice: str) -> str | None:
    """Press a feed button; the subscription address the page then shows, if any."""
    response = browser.post("/export/calendar", {"feed": choice})
    assert response.status_code == 303
    assert response.headers["location"].startswith("/export?feed=")
    found = FEED.search(browser.get(response.headers["location"]).text)
    return unescape(found.group(1)) if found else None


def test_turning_the_feed_on_shows_an_address_that_serves_the_plan(
    browser: Browser, story: Workspace
) -> None:
    address = turn(browser, "on")
    assert address is not None
    assert re.fullmatch(r"http://localhost:8000/calendar/[A-Za-z0-9_-]{43}\.ics", address)
    html = unescape(browser.get("/export?feed=on").text)
    assert "Your calendar feed is on." in html
    assert 'href="webcal://localhost:8000/calendar/' in html
    response = browser.get(address)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "private" in response.headers["cache-control"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Career plan of Ana"
    assert turn(browser, "on") == address  # pressing it again keeps the address


def test_a_new_address_retires_the_old_one(browser: Browser, story: Workspace) -> None:
    old = turn(browser, "on")
    new = turn(browser, "rotate")
    assert old is not None
    assert new is not None
    assert new != old
    assert browser.get(old).status_code == 404
    assert browser.get(new).status_code == 200
    assert "the old one no longer works" in unescape(browser.get("/export?feed=rotated").text)


def test_turning_the_feed_off_retires_its_address(browser: Browser, story: Workspace) -> None:
    address = turn(browser, "on")
    assert address is not None
    assert turn(browser, "off") is None
    assert browser.get(address).status_code == 404
    assert "Turn on the calendar feed" in browser.get("/export").text


def test_the_feed_buttons_need_the_pages_token(browser: Browser, workspace: Workspace) -> None:
    before = snapshot(workspace)
    response = browser.client.post("/export/calendar", data={"feed": "on"})
    assert response.status_code == 403
    assert snapshot(workspace) == before


def test_an_unknown_feed_choice_changes_nothing(browser: Browser, workspace: Workspace) -> None:
    before = snapshot(workspace)
    assert browser.post("/export/calendar", {"feed": "explode"}).status_code == 422
    assert snapshot(workspace) == before


def test_the_address_uses_the_public_url_when_one_is_set(
    workspace: Workspace, clock: object
) -> None:
    from dataclasses import replace

    from careerplan.web.app import create_app

    public = replace(
        workspace, settings=replace(workspace.settings, public_url="https://p.example")
    )
    with local_client(create_app(workspace=public, clock=clock)) as client:  # type: ignore[arg-type]
        address = turn(Browser(client), "on")
    assert address is not None
    assert address.startswith("https://p.example/calendar/")


def test_a_backup_download_is_named_by_its_day(browser: Browser, story: Workspace) -> None:
    response = browser.get("/export/json")
    assert response.headers["content-disposition"] == (
        'attachment; filename="careerplan-backup-2026-11-25.json"'
    )
