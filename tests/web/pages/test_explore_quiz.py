"""The 60-item interest profiler on one screen: resumable, and complete before matching."""

from __future__ import annotations

import re

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser, answers_form

ALL = [1, 1, 2, 2, 3, 3, 5, 5, 2, 2, 1, 1] * 5
NOTICE = (
    "Items from the O*NET® Interest Profiler™ Short Form, U.S. Department of Labor, "
    "Employment and Training Administration. O*NET is a trademark of USDOL/ETA."
)


def checked(html: str) -> dict[int, int]:
    return {int(n): int(v) for n, v in re.findall(r'name="q(\d+)" value="(\d)" checked', html)}


def test_the_quiz_shows_sixty_items_with_five_choices_each_and_the_notice(
    browser: Browser,
) -> None:
    html = browser.get("/explore/quiz").text
    assert html.count("<fieldset") == 60
    assert html.count('type="radio"') == 300
    assert html.count("<legend>") == 60
    assert "Strongly dislike" in html
    assert "Strongly like" in html
    assert NOTICE in html
    assert checked(html) == {}


def test_partial_answers_are_saved_and_pre_checked_when_the_quiz_is_resumed(
    browser: Browser, workspace: Workspace
) -> None:
    partial = [5, 4, 0, 3] + [0] * 56
    response = browser.post("/explore/quiz", answers_form(partial))
    assert (response.status_code, response.headers["location"]) == (303, "/explore/quiz?saved=1")
    page = browser.get("/explore/quiz?saved=1").text
    assert "Saved: 3 of 60 answered." in page
    assert checked(page) == {1: 5, 2: 4, 4: 3}
    with workspace.unit() as uow:
        assert uow.explorations.get().answers[:5] == (5, 4, 0, 3, 0)  # type: ignore[union-attr]
    assert "3 of 60 activities rated." in browser.get("/explore").text


def test_seeing_matches_needs_all_sixty_and_names_the_missing_items(
    browser: Browser, workspace: Workspace
) -> None:
    answers = list(ALL)
    for number in (3, 58, 59, 60):
        answers[number - 1] = 0
    response = browser.post("/explore/quiz", answers_form(answers, finish=True))
    assert response.status_code == 422
    assert (
        "Your 56 answers are saved. To see your matches, answer all 60: still to answer, "
        "items 3, 58, 59 and 60."
    ) in response.text
    assert "Item 58 is not answered yet." in response.text
    assert len(checked(response.text)) == 56
    with workspace.unit() as uow:
        assert uow.explorations.get().answered == 56  # type: ignore[union-attr]


def test_one_missing_item_is_named_alone(browser: Browser) -> None:
    answers = [*ALL[:59], 0]
    response = browser.post("/explore/quiz", answers_form(answers, finish=True))
    assert "still to answer, item 60." in response.text


def test_all_sixty_answers_lead_to_the_matches(browser: Browser) -> None:
    response = browser.post("/explore/quiz", answers_form(ALL, finish=True))
    assert (response.status_code, response.headers["location"]) == (303, "/explore/matches")
    matches = browser.get("/explore/matches")
    assert matches.status_code == 200
    assert "From your 60 answers." in matches.text
    assert matches.text.count('action="/explore/choose"') == 10


@pytest.mark.parametrize("value", ["6", "-1", "like", "3.5"])
def test_an_answer_outside_the_scale_is_refused_and_nothing_is_saved(
    browser: Browser, workspace: Workspace, value: str
) -> None:
    form = answers_form(ALL)
    form["q7"] = value
    response = browser.post("/explore/quiz", form)
    assert response.status_code == 422
    assert "Item 7: " in response.text
    assert "is not an answer" in response.text
    with workspace.unit() as uow:
        assert uow.explorations.get() is None


def test_answers_saved_elsewhere_meanwhile_are_not_overwritten_silently(
    browser: Browser,
) -> None:
    browser.post("/explore/quiz", answers_form([5] + [0] * 59))
    version = re.search(r'name="version" value="(\d+)"', browser.get("/explore/quiz").text)
    assert version is not None
    browser.post("/explore/quiz", {**answers_form([4] + [0] * 59), "version": version[1]})
    stale = browser.post("/explore/quiz", {**answers_form([1] + [0] * 59), "version": version[1]})
    assert stale.status_code == 409
    assert "Nothing was overwritten" in stale.text
    assert checked(stale.text) == {1: 1}
    assert checked(browser.get("/explore/quiz").text) == {1: 4}
