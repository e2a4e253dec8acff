"""Security basics on the pages: headers, CSRF on every form, bounded bodies, escaping, and
friendly pages instead of errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerplan.services.workspace import Workspace
from careerplan.web.security import CSRF_COOKIE
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot

PAGES = [
    "/",
    "/vision",
    "/vision/card",
    "/plan",
    "/smart",
    "/smart?goal=3",
    "/actions",
    "/review",
    "/no-such-page",
]
# Every form the pages post, with a body that would be accepted with the right token.
POSTS = [
    ("/vision", {"name": "Eve", "dream_job_title": "CEO", "hours_per_week": "5", "version": "1"}),
    ("/plan/goals", {"text": "Forged goal", "parent_id": "2", "horizon": "6m"}),
    (
        "/plan/goals/3/edit",
        {"text": "Forged", "horizon": "12m", "category": "other", "version": "1"},
    ),
    ("/plan/goals/3/move", {"parent_id": "1", "version": "1"}),
    ("/plan/goals/3/status", {"status": "dropped", "version": "1"}),
    ("/smart/check", {"text": "Forged goal", "parent_id": "2"}),
    ("/smart/save", {"text": "Forged goal by 2027-06-30", "parent_id": "2"}),
    ("/actions", {"goal_id": "3", "text": "Forged action"}),
    ("/actions/1/done", {}),
    ("/resources", {"kind": "person", "name": "Forged"}),
    ("/resources/1/link", {"goal_id": "2"}),
    ("/checkins", {"goal_id": "3", "note": "Forged"}),
    ("/review", {"g3_version": "1", "g3_progress": "40", "went_well": "Forged"}),
    ("/review/settings", {"cadence": "monthly", "weekday": "4", "digest_email": "e@evil.org"}),
]
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def policy(header: str) -> dict[str, str]:
    directives = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in directives}


@pytest.mark.parametrize("url", PAGES)
def test_every_page_carries_the_security_headers(
    browser: Browser, story: Workspace, url: str
) -> None:
    response = browser.get(url)
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    csp = policy(response.headers["content-security-policy"])
    assert csp["script-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "<script>" not in response.text
    assert " on" + "click=" not in response.text


@pytest.mark.parametrize("url", ["/charts/progress.svg", "/charts/horizons.svg"])
def test_charts_are_served_under_a_policy_that_runs_no_script(
    browser: Browser, story: Workspace, url: str
) -> None:
    response = browser.get(url)
    csp = policy(response.headers["content-security-policy"])
    assert csp["default-src"] == "'none'"
    assert "script-src" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(("url", "form"), POSTS, ids=[url for url, _ in POSTS])
def test_every_form_refuses_a_missing_or_wrong_csrf_token(
    browser: Browser, story: Workspace, url: str, form: dict[str, str]
) -> None:
    client: TestClient = browser.client
    browser.get("/")
    good = client.cookies[CSRF_COOKIE]
    wrong = ("x" if good[0] != "x" else "y") + good[1:]
    before = snapshot(story)
    attempts = [
        ({}, {}),
        ({"csrf_token": wrong}, {}),
        ({"csrf_token": ""}, {}),
        ({}, {"X-CSRF-Token": wrong}),
    ]
    for extra, headers in attempts:
        response = client.post(url, data={**form, **extra}, headers=headers, follow_redirects=False)
        assert response.status_code == 403, (extra, headers)
        assert "<h1>Refused</h1>" in response.text
        assert (
            "<p>This form has expired or came from another site. Reload the page and retry.</p>"
            in response.text
        )
        assert response.headers["x-frame-options"] == "DENY"
    client.cookies.delete(CSRF_COOKIE)
    response = client.post(url, data={**form, "csrf_token": good}, follow_redirects=False)
    assert response.status_code == 403, "a token without its cookie"
    assert snapshot(story) == before


def test_the_same_form_with_the_token_goes_through(browser: Browser, story: Workspace) -> None:
    """The control for the refusals above: only the token differs."""
    response = browser.post("/plan/goals", {"text": "Real goal", "parent_id": "2"})
    assert (response.status_code, response.headers["location"]) == (303, "/plan?saved=4#goal-4")
    with story.unit() as uow:
        goal = uow.goals.get(4)
    assert (goal.text, goal.parent_id) == ("Real goal", 2)


def test_a_body_over_one_mebibyte_is_refused_and_nothing_saved(
    browser: Browser, story: Workspace
) -> None:
    browser.get("/")
    token = browser.client.cookies[CSRF_COOKIE]
    before = snapshot(story)
    form = {"text": "x" * (2 * 1024 * 1024), "parent_id": "2", "csrf_token": token}
    response = browser.client.post("/plan/goals", data=form, follow_redirects=False)
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body is over 1048576 bytes."
    assert response.headers["x-content-type-options"] == "nosniff"
    assert snapshot(story) == before


@pytest.mark.parametrize("url", ["/", "/plan", "/smart", "/actions", "/review"])
def test_a_goal_written_as_markup_is_shown_as_text(
    browser: Browser, story: Workspace, url: str
) -> None:
    assert browser.post("/plan/goals", {"text": SCRIPT, "parent_id": "2"}).status_code == 303
    html = browser.get(url).text
    assert SCRIPT not in html
    assert ESCAPED in html


def test_a_dream_job_written_as_markup_is_shown_as_text(browser: Browser) -> None:
    form = {"name": "Eve", "dream_job_title": SCRIPT, "hours_per_week": "5", "commitment": SCRIPT}
    assert browser.post("/vision", form).status_code == 303
    for url in ("/", "/vision", "/vision/card", "/plan"):
        html = browser.get(url).text
        assert SCRIPT not in html, url
        assert ESCAPED in html, url


def test_an_unknown_page_is_a_not_found_page(browser: Browser) -> None:
    response = browser.get("/no-such-page")
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "<h1>Not found</h1>" in response.text
    assert "<p>There is nothing at /no-such-page.</p>" in response.text


@pytest.mark.parametrize(
    ("url", "form", "status", "message"),
    [
        ("/plan/goals/99/edit", {"text": "x", "version": "1"}, 404, "No goal with id 99."),
        ("/plan/goals/99/move", {"parent_id": "1", "version": "1"}, 409, "No goal with id 99."),
        ("/plan/goals/99/status", {"status": "done", "version": "1"}, 409, "No goal with id 99."),
        ("/plan/goals", {"text": "x", "parent_id": "99"}, 409, "No goal with id 99."),
        ("/smart/save", {"text": "x", "goal_id": "99"}, 409, "No goal with id 99."),
        ("/actions", {"goal_id": "99", "text": "x"}, 409, "No goal with id 99."),
        ("/actions/99/done", {}, 409, "No action with id 99."),
        ("/resources/99/link", {"goal_id": "2"}, 409, "No resource with id 99."),
        ("/resources/1/link", {"goal_id": "99"}, 409, "No goal with id 99."),
        ("/checkins", {"goal_id": "99", "note": "x"}, 409, "No goal with id 99."),
    ],
)
def test_an_unknown_id_in_a_form_gives_a_friendly_page(
    browser: Browser,
    story: Workspace,
    url: str,
    form: dict[str, str],
    status: int,
    message: str,
) -> None:
    browser.post("/resources", {"kind": "person", "name": "Maria"})
    before = snapshot(story)
    response = browser.post(url, form)
    assert response.status_code == status
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert message in response.text
    assert "Traceback" not in response.text
    assert snapshot(story) == before
