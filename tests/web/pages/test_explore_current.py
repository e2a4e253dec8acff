"""The current job: search a title, pick the occupation (which needs a plan)."""

from __future__ import annotations

from html import unescape

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser

SALES = "41-4012.00"


def test_a_title_search_lists_occupations_with_the_matched_title(browser: Browser) -> None:
    html = browser.get("/explore/current", q="sofware developer").text
    assert 'href="/explore/occupations/15-1252.00">Software Developers</a>' in html
    assert "Occupations for “sofware developer”" in html


def test_without_a_plan_the_page_says_to_write_the_vision_first(browser: Browser) -> None:
    html = browser.get("/explore/current", q="sales representative").text
    assert '<a href="/vision">write down your vision first</a>' in html
    assert "This is my job" not in html
    response = browser.post("/explore/current", {"code": SALES})
    assert response.status_code == 409
    assert '<a href="/vision">write down your vision first</a>' in response.text


def test_picking_an_occupation_makes_it_the_current_job(browser: Browser, story: Workspace) -> None:
    search = browser.get("/explore/current", q="sales representative").text
    assert "This is my job" in search
    response = browser.post("/explore/current", {"code": SALES})
    assert (response.status_code, response.headers["location"]) == (303, "/explore?current=1")
    hub = browser.get("/explore?current=1").text
    assert "Your current job is saved" in hub
    assert f'<a href="/explore/occupations/{SALES}">Sales Representatives, Wholesale' in hub
    with story.unit() as uow:
        assert uow.profiles.get().current_occupation_code == SALES  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("code", "status", "words"),
    [
        ("sales rep", 422, "'sales rep' is not an occupation code (they look like 15-1252.00)."),
        ("99-9999.00", 404, "No occupation with id 99-9999.00. Nearest codes:"),
        ("", 422, "'' is not an occupation code"),
    ],
)
def test_a_bad_code_is_refused_with_the_catalogues_suggestion(
    browser: Browser, story: Workspace, code: str, status: int, words: str
) -> None:
    response = browser.post("/explore/current", {"code": code})
    assert response.status_code == status
    assert words in unescape(response.text)


def test_an_overlong_search_says_what_is_wrong(browser: Browser) -> None:
    response = browser.get("/explore/current", q="x" * 300)
    assert response.status_code == 422
    assert 'class="field-error" id="q-error"' in response.text


def test_the_gap_bridges_and_paths_from_the_job_today_count_the_persons_skills(
    browser: Browser, story: Workspace
) -> None:
    from careerplan.services.clock import FixedClock
    from careerplan.services.skills_inventory import add_skill
    from tests.conftest import NOW

    assert browser.post("/explore/current", {"code": SALES}).status_code == 303
    pages = ["/explore/occupations/11-1021.00", "/explore/bridge?field=healthcare",
             "/explore/path?to=11-1021.00"]  # fmt: skip
    job = [browser.get(page).text for page in pages]
    assert not any("Counting the levels of your own skills" in html for html in job)
    with story.unit() as uow:
        add_skill(uow, FixedClock(NOW), "Speaking", level=0)
    own = [browser.get(page).text for page in pages]
    assert all("Counting the levels of your own skills" in html for html in own)
    given = browser.get("/explore/bridge", **{"field": "healthcare", "from": SALES}).text
    assert "Counting the levels of your own skills" not in given
