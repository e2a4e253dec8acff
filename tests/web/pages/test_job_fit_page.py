"""Step 5's job search on the web: a posting and a résumé pasted, what is met and missing shown,
nothing saved."""

from __future__ import annotations

from tests.web.pages.conftest import Browser

POSTING = "Requirements\n- SQL\n- 2 years as a data analyst\nNice to have\n- Tableau\n"
RESUME = "Skills\n- SQL\nExperience\n- Data analyst, Acme (2020 - 2021)\n"


def test_the_empty_page_explains_what_to_paste(browser: Browser) -> None:
    html = browser.get("/jobs/fit").text
    assert "Check a job posting against your résumé" in html
    assert 'name="posting"' in html
    assert 'name="resume"' in html
    assert "Qualified:" not in html
    assert 'href="/jobs/fit"' in browser.get("/about").text  # reachable from every page


def test_a_pasted_pair_shows_the_requirements_met_and_missing(browser: Browser) -> None:
    response = browser.post("/jobs/fit", {"posting": POSTING, "resume": RESUME})
    assert response.status_code == 200
    html = response.text
    assert "Qualified: 30/100 (not qualified yet)" in html
    assert '<span aria-label="met">✓</span> SQL' in html
    assert '<span aria-label="missing, a must-have">✗</span> 2 years as a data analyst' in html
    assert "<em>(nice to have)</em>" in html
    assert "Must-haves your résumé does not show: 2 years as a data analyst." in html
    assert "2 years as data analyst (the résumé shows 1); Tableau" in html
    assert ">Skills\n- SQL\n" in html  # the texts stay in the form


def test_bad_input_is_a_message_not_an_error_page(browser: Browser) -> None:
    for data, message in [
        ({"posting": "", "resume": RESUME}, "The posting is empty"),
        ({"posting": "We are friendly.", "resume": RESUME}, "No requirements were found"),
        ({"posting": POSTING, "resume": "x" * 100_001}, "read up to 100,000 characters"),
        ({"posting": POSTING}, "The résumé is empty"),
    ]:
        response = browser.post("/jobs/fit", data)
        assert response.status_code == 422
        assert message in response.text
        assert 'role="alert"' in response.text
