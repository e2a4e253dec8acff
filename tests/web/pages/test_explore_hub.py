"""The hub of step 1, the matches, the interest chart, the credits, CSRF and no 500s."""

from __future__ import annotations

from html import unescape

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser, answers_form

ALL = [1, 1, 2, 2, 3, 3, 5, 5, 2, 2, 1, 1] * 5
SALES = "41-4012.00"


def test_an_empty_hub_says_what_to_do_first(browser: Browser) -> None:
    html = browser.get("/explore").text
    assert "<h1>Step 1 · Define your dream job</h1>" in html
    assert "0 of 60 activities rated." in html
    assert '<a class="button" href="/explore/quiz">Start the interest profiler</a>' in html
    assert "Not written yet." in html
    assert '<a href="/vision">Write down your vision</a> first' in html
    assert "No dream job chosen yet" in html
    assert "no data yet, answer all 60 items first" in html


def test_the_hub_shows_progress_scores_and_the_current_job(
    browser: Browser, story: Workspace
) -> None:
    browser.post("/explore/quiz", answers_form(ALL))
    browser.post("/explore/current", {"code": SALES})
    html = unescape(browser.get("/explore").text)
    assert "60 of 60 activities rated." in html
    assert "Your interest code: <strong>" in html
    assert "Realistic " in html
    assert " of 100" in html
    assert "Sales Representatives, Wholesale" in html


def test_the_interest_chart_says_no_data_yet_before_the_answers(browser: Browser) -> None:
    response = browser.get("/charts/riasec.svg")
    assert response.headers["content-type"] == "image/svg+xml"
    assert 'class="no_data"' in response.text
    assert ">No data yet</text>" in response.text
    # Small enough to sit inside the chart (pygal's default fills it edge to edge).
    assert "no_data{font-family:system-ui,sans-serif;font-size:20px}" in response.text


def test_the_interest_chart_draws_the_six_areas_and_the_dashboard_shows_it(
    browser: Browser, story: Workspace
) -> None:
    browser.post("/explore/quiz", answers_form(ALL))
    svg = browser.get("/charts/riasec.svg").text
    assert 'class="no_data"' not in svg
    for area in (
        "Realistic",
        "Investigative",
        "Artistic",
        "Social",
        "Enterprising",
        "Conventional",
    ):
        assert area in svg
    dashboard = browser.get("/").text
    assert '<img class="chart" src="/charts/riasec.svg"' in dashboard
    assert (
        'alt="Radar chart of your interest profile: Realistic 0 of 100, Investigative 25 of 100, '
        "Artistic 50 of 100, Social 100 of 100, Enterprising 25 of 100, Conventional 0 of 100."
    ) in dashboard


def test_matches_need_answers_or_a_reflection(browser: Browser) -> None:
    html = browser.get("/explore/matches").text
    assert "Nothing to match yet." in html
    assert "(0 done so far)" in html


def test_matches_use_the_job_zone_and_the_current_job(browser: Browser, story: Workspace) -> None:
    browser.post("/explore/quiz", answers_form(ALL))
    browser.post("/explore/current", {"code": SALES})
    html = unescape(browser.get("/explore/matches", job_zone="4").text)
    assert '<option value="4" selected>' in html
    assert "and the skills of Sales Representatives, Wholesale" in html
    assert html.count("; job zone 4.") == 10
    assert "Keeps " in html
    assert "of the skill level it needs from Sales" in html
    assert html.count('form="compare"') == 10
    assert '<form method="get" action="/explore/compare" id="compare"' in html


@pytest.mark.parametrize("zone", ["9", "zero", "0"])
def test_a_job_zone_outside_one_to_five_is_refused(browser: Browser, zone: str) -> None:
    browser.post("/explore/reflection", {"reflection": "crossword puzzles and drawing"})
    response = browser.get("/explore/matches", job_zone=zone)
    assert response.status_code == 422
    assert "A job zone is from 1 (little preparation) to 5 (extensive)" in unescape(response.text)


def test_the_credits_page_shows_the_data_licences(browser: Browser) -> None:
    html = unescape(browser.get("/about").text)
    assert "O*NET (CC BY 4.0)" in html
    assert "O*NET 30.1 Database by the U.S. Department of Labor" in html
    assert "USDOL/ETA has not approved, endorsed, or tested these modifications." in html
    assert (
        "Items from the O*NET® Interest Profiler™ Short Form, U.S. Department of Labor, "
        "Employment and Training Administration. O*NET is a trademark of USDOL/ETA."
    ) in html
    assert "Source: U.S. Bureau of Labor Statistics" in html
    assert "Entry gates: careerplan's curated table of US licences" in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/explore/quiz", {"q1": "5", "finish": "0"}),
        ("/explore/reflection", {"reflection": "drawing"}),
        ("/explore/current", {"code": SALES}),
        ("/explore/choose", {"code": SALES}),
    ],
)
def test_a_form_without_the_csrf_token_is_refused(
    browser: Browser, workspace: Workspace, url: str, data: dict[str, str]
) -> None:
    browser.get("/explore")
    response = browser.client.post(url, data=data, follow_redirects=False)
    assert response.status_code == 403
    assert "This form has expired or came from another site." in response.text
    with workspace.unit() as uow:
        assert uow.explorations.get() is None


@pytest.mark.parametrize(
    "url",
    [
        "/explore?chosen=<b>x</b>",
        "/explore/quiz?saved=x",
        "/explore/current?q=%00%01",
        "/explore/current?q=RN - ICU nights",
        "/explore/matches?job_zone=%20",
        "/explore/occupations/%20",
        "/explore/occupations/11-1021.00.00",
        "/explore/compare?codes=,,,",
        "/explore/compare?codes=a,b",
        "/explore/bridge?field=&from=nurse",
        "/explore/bridge?field=healthcare&from=99-9999.00",
        "/explore/path?to=abc&from=41-4012.00",
        f"/explore/path?to={SALES}&from={SALES}",
        "/vision?occupation=nurse",
        "/charts/riasec.svg?x=1",
    ],
)
def test_no_odd_request_is_a_server_error(browser: Browser, url: str) -> None:
    assert browser.client.get(url).status_code < 500
