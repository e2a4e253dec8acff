"""The pages write the S.M.A.R.T. letters in the one notation, so they read without colour (a
failing letter is small, an undecided one is `?`), and say the legend once."""

from __future__ import annotations

import re

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import hx_post

VAGUE = "Get better at networking"
LEGEND = "S.M.A.R.T.: a capital letter is met, a small letter is not, ? is not judged yet."
_LETTERS = re.compile(r'<span class="smart-letters"[^>]*>(.*?)</span>', re.S)
_ABBR = re.compile(r"<abbr [^>]*>(.*?)</abbr>")


def shown_letters(html: str) -> list[str]:
    """Every set of letters on the page, as the text a person (or a screen reader) gets."""
    return ["".join(_ABBR.findall(found)) for found in _LETTERS.findall(html)]


@pytest.fixture
def vague(browser: Browser, story: Workspace) -> Workspace:
    response = browser.post("/plan/goals", {"parent_id": "2", "text": VAGUE})
    assert response.status_code == 303
    return story


@pytest.mark.parametrize("url", ["/", "/plan", "/smart", "/review"])
def test_a_failing_goal_shows_small_letters_and_the_legend_once(
    browser: Browser, vague: Workspace, url: str
) -> None:
    html = browser.get(url).text
    assert "sm?Rt" in shown_letters(html)
    assert "SMART" in shown_letters(html)  # the PMP goal passes all five
    assert html.count(LEGEND) == 1


def test_each_letter_names_its_criterion_and_verdict(browser: Browser, vague: Workspace) -> None:
    html = browser.get("/smart").text
    assert (
        '<abbr class="fail" title="specific: not met">s</abbr>\n'
        '<abbr class="fail" title="measurable: not met">m</abbr>\n'
        '<abbr class="unknown" title="attainable: not judged">?</abbr>\n'
        '<abbr class="pass" title="relevant: met">R</abbr>\n'
        '<abbr class="fail" title="time-bound: not met">t</abbr>'
    ) in html


def test_the_live_check_writes_the_same_letters(browser: Browser, story: Workspace) -> None:
    html = hx_post(browser, "/smart/check", {"text": VAGUE, "parent_id": "2"}).text
    assert shown_letters(html) == ["sm?Rt"]
    assert LEGEND not in html  # the page around it says the legend once


def test_the_proposed_plan_gives_the_legend_with_its_letters(
    browser: Browser, story: Workspace
) -> None:
    browser.post("/explore/choose", {"code": "11-1011.00"})
    html = browser.get("/plan/propose").text
    assert shown_letters(html)
    assert html.count(LEGEND) == 1


def test_a_page_without_letters_has_no_legend(browser: Browser) -> None:
    assert LEGEND not in browser.get("/plan").text
