"""Occupation pages, comparison, bridges into a field, career paths and choosing the dream job."""

from __future__ import annotations

from html import unescape

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser

SALES = "41-4012.00"
SALES_MANAGERS = "11-2022.00"
OPERATIONS = "11-1021.00"
SOFTWARE = "15-1252.00"
NO_PATH = "11-9179.00"


def set_current(browser: Browser, code: str = SALES) -> None:
    assert browser.post("/explore/current", {"code": code}).status_code == 303


def test_an_occupation_page_shows_the_work_pay_outlook_and_what_it_takes(
    browser: Browser,
) -> None:
    html = unescape(browser.get(f"/explore/occupations/{SOFTWARE}").text)
    assert "<h1>Software Developers</h1>" in html
    for heading in (
        "What the work is",
        "Tasks",
        "Wages",
        "Outlook",
        "Education",
        "Skills",
        "Knowledge",
        "Technology",
        "Related occupations",
        "What a prime candidate has",
    ):
        assert f">{heading}</h" in html, heading
    assert "median a year" in html
    assert "90% earn less than" in html
    assert "Openings a year" in html
    assert "from 2024 to 2034" in html
    assert "<strong>hot</strong>" in html
    assert "Importance" in html
    assert "Level" in html
    assert "Pick your job today</a> to see your gap" in html
    assert 'action="/explore/choose"' in html


def test_with_a_current_job_the_page_shows_the_gap(browser: Browser, story: Workspace) -> None:
    set_current(browser)
    html = unescape(browser.get(f"/explore/occupations/{OPERATIONS}").text)
    assert "Your gap from Sales Representatives, Wholesale" in html
    assert "Transfer score: <strong>" in html
    assert f'href="/explore/compare?codes={SALES},{OPERATIONS}"' in html
    assert f'href="/explore/path?to={OPERATIONS}"' in html


@pytest.mark.parametrize(
    ("code", "status", "words"),
    [
        ("99-9999.00", 404, "No occupation with id 99-9999.00. Nearest codes: "),
        (
            "nurse",
            422,
            "'nurse' is not an occupation code (they look like 15-1252.00). Did you mean",
        ),
        ("15-12", 422, "'15-12' is not an occupation code"),
    ],
)
def test_an_unknown_or_malformed_code_shows_the_catalogues_suggestion(
    browser: Browser, code: str, status: int, words: str
) -> None:
    response = browser.get(f"/explore/occupations/{code}")
    assert response.status_code == status
    assert words in unescape(response.text)


@pytest.mark.parametrize(
    "codes", [f"{SALES},{SALES_MANAGERS}", f"{SALES},{SALES_MANAGERS},{OPERATIONS}"]
)
def test_two_or_three_occupations_are_compared_side_by_side(browser: Browser, codes: str) -> None:
    html = browser.get("/explore/compare", codes=codes).text
    assert html.count('<th scope="col"><a href="/explore/occupations/') == len(codes.split(","))
    for row in ("Median wage", "Growth", "Openings a year", "Typical education", "Top skills"):
        assert f'<th scope="row">{row}</th>' in html


def test_ticked_matches_are_compared_as_repeated_codes(browser: Browser) -> None:
    response = browser.client.get(
        "/explore/compare", params=[("codes", SALES), ("codes", OPERATIONS)]
    )
    assert response.status_code == 200
    assert "General and Operations Managers" in response.text


@pytest.mark.parametrize(
    ("codes", "words"),
    [
        (SALES, "Compare 2 or 3 occupations at a time; 1 was given."),
        (f"{SALES},{SALES_MANAGERS},{OPERATIONS},{SOFTWARE}", "4 were given"),
        ("", "0 were given"),
    ],
)
def test_comparing_fewer_than_two_or_more_than_three_is_refused(
    browser: Browser, codes: str, words: str
) -> None:
    response = browser.get("/explore/compare", codes=codes)
    assert response.status_code == 422
    assert words in response.text


def test_a_bad_code_in_a_comparison_is_named(browser: Browser) -> None:
    response = browser.get("/explore/compare", codes=f"{SALES},99-9999.00")
    assert response.status_code == 404
    assert "No occupation with id 99-9999.00." in response.text


def test_bridges_take_sales_experience_into_healthcare(browser: Browser) -> None:
    html = unescape(browser.get("/explore/bridge", field="healthcare", **{"from": SALES}).text)
    assert "From Sales Representatives, Wholesale" in html
    assert "into healthcare" in html
    assert "Healthcare is its field." in html
    assert "Uses what you already do: " in html
    assert html.count('action="/explore/choose"') == 10


def test_bridges_start_from_the_current_job_and_the_saved_field(
    browser: Browser, story: Workspace
) -> None:
    set_current(browser)
    browser.post(
        "/explore/reflection", {"reflection": "pickup basketball", "interest_field": "healthcare"}
    )
    html = unescape(browser.get("/explore/bridge").text)
    assert 'value="healthcare"' in html
    assert "Healthcare is its field." in html


def test_a_field_with_no_occupations_suggests_broader_words(browser: Browser) -> None:
    response = browser.get("/explore/bridge", field="zzqx blorp", **{"from": SALES})
    assert response.status_code == 200
    assert "No occupations found for the field 'zzqx blorp'. Try broader words, such as:" in (
        unescape(response.text)
    )


def test_bridges_without_a_starting_job_say_what_to_do(browser: Browser) -> None:
    html = browser.get("/explore/bridge", field="healthcare").text
    assert "Bridges start from your job today." in html


def test_a_career_path_is_drawn_as_a_sequence_of_steps(browser: Browser) -> None:
    html = unescape(browser.get("/explore/path", to=OPERATIONS, **{"from": SALES}).text)
    assert html.count('<ol class="path">') == 3
    assert "Path 1" in html
    assert "Path 3" in html
    assert "Where you start" in html
    assert "Builds Developing and Building Teams" in html


def test_no_path_shows_the_closest_reachable(browser: Browser) -> None:
    response = browser.get("/explore/path", to=NO_PATH, **{"from": SALES})
    assert response.status_code == 200
    assert "through related occupations. Closest reachable: " in unescape(response.text)


def test_paths_run_from_the_current_job_to_the_dream_job(
    browser: Browser, story: Workspace
) -> None:
    assert "Paths start from your job today" in browser.get("/explore/path").text
    set_current(browser)
    assert "Choose a dream job" in browser.get("/explore/path").text
    browser.post("/explore/choose", {"code": OPERATIONS})
    html = browser.get("/explore/path").text
    assert "to General and Operations Managers</h2>" in html


def test_choosing_a_dream_job_saves_it_to_the_vision(browser: Browser, story: Workspace) -> None:
    response = browser.post("/explore/choose", {"code": OPERATIONS})
    assert (response.status_code, response.headers["location"]) == (
        303,
        f"/explore?chosen={OPERATIONS}",
    )
    hub = browser.get(f"/explore?chosen={OPERATIONS}").text
    assert "General and Operations Managers is now your dream job." in hub
    with story.unit() as uow:
        vision = uow.visions.get()
        assert vision is not None
        assert (vision.dream_occupation_code, vision.dream_job_title) == (
            OPERATIONS,
            "COO of a high-tech startup",
        )
    page = browser.get(f"/explore/occupations/{OPERATIONS}").text
    assert '<span class="tag">your dream job</span>' in page


def test_choosing_before_a_vision_exists_opens_the_vision_form_with_the_occupation(
    browser: Browser, workspace: Workspace
) -> None:
    response = browser.post("/explore/choose", {"code": "11-1021"})
    assert response.headers["location"] == f"/vision?occupation={OPERATIONS}"
    form = browser.get(response.headers["location"]).text
    assert f'<input type="hidden" name="dream_occupation_code" value="{OPERATIONS}">' in form
    assert 'name="dream_job_title" value="General and Operations Managers"' in form
    saved = browser.post(
        "/vision",
        {
            "name": "Ana",
            "hours_per_week": "5",
            "dream_job_title": "COO of a startup",
            "dream_occupation_code": OPERATIONS,
        },
    )
    assert saved.status_code == 303
    with workspace.unit() as uow:
        vision = uow.visions.get()
        assert vision is not None
        assert (vision.dream_occupation_code, vision.dream_job_title) == (
            OPERATIONS,
            "COO of a startup",
        )


def test_a_bad_occupation_on_the_vision_form_is_refused_keeping_the_text(
    browser: Browser, workspace: Workspace
) -> None:
    response = browser.post(
        "/vision",
        {"name": "Ana", "dream_job_title": "COO", "dream_occupation_code": "99-9999.00"},
    )
    assert response.status_code == 422
    assert "No occupation with id 99-9999.00." in response.text
    assert 'value="COO"' in response.text
    with workspace.unit() as uow:
        assert uow.visions.get() is None


@pytest.mark.parametrize(("code", "status"), [("nurse", 422), ("99-9999.00", 404)])
def test_choosing_a_bad_code_is_refused(
    browser: Browser, story: Workspace, code: str, status: int
) -> None:
    assert browser.post("/explore/choose", {"code": code}).status_code == status
