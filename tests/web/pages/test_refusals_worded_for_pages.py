"""A refusal on a page says what the person can do on the pages, never which command to run,
and stands beside the field the refusal names (read from the error, not from its words)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import field_error

# A command as the command line would name it: `careerplan` followed by a sub-command.
COMMAND = re.compile(
    r"careerplan (init|vision|goal|plan|action|resource|explore|review|export|import)"
)


def _shown(html: str) -> str:
    return unescape(html)


def test_the_proposal_without_a_dream_occupation_points_to_the_explore_pages(
    browser: Browser, story: Workspace
) -> None:
    html = _shown(browser.get("/plan/propose").text)
    assert (
        "Choose your dream job from the catalogue first, so the proposal can plan back from what "
        "it asks. Choose it with “Choose as my dream job” on the page of the occupation under "
        "Explore."
    ) in html
    assert not COMMAND.search(html)


def test_the_proposals_notes_name_the_page_that_sets_the_current_job(
    browser: Browser, story: Workspace
) -> None:
    browser.post("/explore/choose", {"code": "11-1011.00"})
    html = _shown(browser.get("/plan/propose").text)
    assert (
        "Your current job “Product manager” was read as Marketing Managers; if that is wrong, "
        "say which it is. Set yours under Explore, on the “Your job today” page."
    ) in html
    assert "The vision has no target date" not in html  # Ana's vision has one
    assert not COMMAND.search(html)


def test_an_action_for_a_finished_goal_says_how_to_reopen_it_on_the_pages(
    browser: Browser, story: Workspace
) -> None:
    browser.post("/plan/goals/3/status", {"status": "done", "version": "1"})
    response = browser.post("/actions", {"goal_id": "3", "text": "Book the exam"})
    assert response.status_code == 409
    assert (
        "Goal 3 is done, so no action can be added to it. Reopen it on the “Break it down” "
        "page, or choose an active goal."
    ) in _shown(response.text)


def test_an_unknown_goal_page_names_the_page_that_lists_the_goals(
    browser: Browser, story: Workspace
) -> None:
    response = browser.get("/plan/goals/99")
    assert response.status_code == 404
    html = _shown(response.text)
    assert "No goal with id 99. The “Break it down” page lists your goals." in html
    assert not COMMAND.search(html)


@pytest.mark.parametrize(
    ("form", "described_by", "message"),
    [
        (
            {"text": "Speak at a meetup", "parent_id": "1", "repeat": "EVERY=DAY"},
            "repeat-error",
            "'EVERY=DAY' is not a repeat rule: it needs FREQ=, e.g. FREQ=MONTHLY or "
            "FREQ=WEEKLY;INTERVAL=2 (RFC 5545 RRULE). Words work too, such as 'every other "
            "Friday'.",
        ),
        (
            {"text": "Speak at a meetup", "parent_id": "1", "repeat": "FREQ=HOURLY"},
            "repeat-error",
            "'FREQ=HOURLY' repeats more often than daily; careerplan plans in days. Use "
            "FREQ=DAILY, WEEKLY, MONTHLY or YEARLY. Words work too, such as 'every other "
            "Friday'.",
        ),
        (
            {"text": "x" * 1001, "parent_id": "1"},
            "new-text-error",
            "The goal text is 1,001 characters long; the limit is 1,000. Shorten it, and keep "
            "details in a check-in note.",
        ),
    ],
    ids=["repeat", "repeat-too-often", "text"],
)
def test_a_refused_goal_shows_the_message_beside_the_field_it_names(
    browser: Browser, story: Workspace, form: dict[str, str], described_by: str, message: str
) -> None:
    response = browser.post("/plan/goals", form)
    assert response.status_code == 422
    html = _shown(response.text)
    assert f'<p class="field-error" id="{described_by}" role="alert">{message}</p>' in html
    assert f'aria-invalid="true" aria-describedby="{described_by}"' in html


def test_a_field_of_interest_too_long_is_refused_beside_that_field(
    browser: Browser, story: Workspace
) -> None:
    response = browser.post(
        "/explore/reflection", {"reflection": "Pickup basketball", "interest_field": "x" * 201}
    )
    assert response.status_code == 422
    assert field_error(
        "interest_field", "The field of interest is 201 characters long; the limit is 200."
    ) in _shown(response.text)
