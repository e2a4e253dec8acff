"""The page forms refuse the values no plan holds (tests/bad_values.py) with a 4xx page and the
plan unchanged: never a 500."""

from __future__ import annotations

import pytest
from hypothesis import given

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from tests.bad_values import HYPOTHESIS, bad_days, bad_ids, bad_number_texts, snapshot
from tests.web.pages.conftest import Browser


def _refused_by_a_page(response_status: int) -> None:
    assert 400 <= response_status < 500, response_status


@given(day=bad_days, value=bad_number_texts)
@HYPOTHESIS
def test_the_page_forms_refuse_days_and_numbers_out_of_range(
    browser: Browser, story: Workspace, clock: FixedClock, day: str, value: str
) -> None:
    before = snapshot(story, clock)
    _refused_by_a_page(browser.post("/plan/goals", {"text": "Lead", "due": day}).status_code)
    _refused_by_a_page(browser.post("/checkins", {"goal_id": "3", "value": value}).status_code)
    assert snapshot(story, clock) == before


@given(ident=bad_ids)
@HYPOTHESIS
def test_a_page_for_an_impossible_id_is_not_found(
    browser: Browser, story: Workspace, ident: int
) -> None:
    assert browser.get(f"/plan/goals/{ident}").status_code == 404
    # A form naming a goal that is not there is refused on the form's own page, as for any
    # unknown goal.
    posted = browser.post("/actions", {"goal_id": str(ident), "text": "Book the exam"})
    assert posted.status_code == 409
    assert f"No goal with id {ident}." in posted.text


def _post_raw(browser: Browser, body: bytes) -> int:
    """A form body as given, byte for byte (a browser encodes what was typed as UTF-8)."""
    browser.get("/plan")
    token = browser.client.cookies["careerplan_csrf"]
    response = browser.client.post(
        "/plan/goals",
        content=body + b"&parent_id=1&csrf_token=" + token.encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )
    return response.status_code


def test_a_nul_character_in_a_form_is_refused_and_saves_nothing(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    before = snapshot(story, clock)
    assert _post_raw(browser, b"text=Lead%00a+team") == 422
    assert snapshot(story, clock) == before


@pytest.mark.parametrize("bad", [b"%ED%A0%80", b"%FF"], ids=["encoded-surrogate", "stray-byte"])
def test_bytes_that_are_not_utf8_are_read_as_replacement_characters(
    browser: Browser, story: Workspace, clock: FixedClock, bad: bytes
) -> None:
    """Form parsing decodes what cannot be read as U+FFFD, so nothing unstorable gets through:
    the goal is saved and the plan still backs up."""
    assert _post_raw(browser, b"text=Lead" + bad) == 303
    texts = [line for line in snapshot(story, clock) if '"text": "Lead' in line]
    assert len(texts) == 1
    assert "\ufffd" in texts[0]
