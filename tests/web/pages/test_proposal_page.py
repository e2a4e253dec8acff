"""The proposed plan page: read the proposal, tick goals, add them; refusals keep everything."""

from __future__ import annotations

from html import unescape

from careerplan.services.clock import FixedClock
from careerplan.services.explore import choose_dream_job, set_current_occupation
from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot


def _choose(story: Workspace, clock: FixedClock) -> None:
    with story.unit() as uow:
        choose_dream_job(uow, clock, "11-1011.00")
        set_current_occupation(uow, "11-2021.00")


def test_without_a_vision_the_page_says_where_to_start(browser: Browser) -> None:
    html = unescape(browser.get("/plan/propose").text)
    assert "Choose your dream job from the catalogue first" in html
    assert '<a href="/vision">vision page</a>' in html


def test_with_a_chosen_dream_job_the_page_lists_unticked_goals(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    _choose(story, clock)
    html = unescape(browser.get("/plan/propose").text)
    assert "Becoming Chief Executive, from Marketing Manager" in html
    assert "Planned back from <strong>25 Nov 2031</strong>." in html
    assert html.count('type="checkbox" name="accept"') >= 6
    assert "Add the ticked goals to my plan" in html
    assert "Who and what can help:" in html
    assert "for a 20-minute call (every month)</li>" in html


def test_ticking_goals_adds_them_and_marks_them_in_the_plan(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    _choose(story, clock)
    html = browser.get("/plan/propose").text
    keys = [part.split('"')[0] for part in html.split('name="accept" value="')[1:]]
    response = browser.post("/plan/propose", {"accept": keys[:2]})
    assert response.status_code == 303
    assert response.headers["location"] == "/plan/propose?added=2"
    after = unescape(browser.get("/plan/propose", added=2).text)
    assert "Added 2 goal(s)" in after
    assert after.count("in your plan as") == 2
    with story.unit() as uow:
        assert set(uow.proposals.accepted()) == set(keys[:2])


def test_ticking_nothing_or_a_taken_goal_saves_nothing(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    _choose(story, clock)
    html = browser.get("/plan/propose").text
    key = html.split('name="accept" value="')[1].split('"')[0]
    browser.post("/plan/propose", {"accept": [key]})
    before = snapshot(story)
    empty = browser.post("/plan/propose", {})
    assert empty.status_code == 422
    assert "Tick at least one goal to add." in empty.text
    taken = browser.post("/plan/propose", {"accept": [key, "not-a-proposal"]})
    assert taken.status_code == 409
    assert "already goal" in unescape(taken.text)
    assert snapshot(story) == before


def test_the_plan_page_links_to_the_proposal(browser: Browser) -> None:
    assert '<a href="/plan/propose">' in browser.get("/plan").text
