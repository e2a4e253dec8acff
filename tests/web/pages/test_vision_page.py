"""Step 2: the vision form (create, edit, inline validation, stale edits) and the printable card."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import expected_bar, field_error, snapshot, step_bar

ANA = {
    "name": "Ana",
    "current_job_title": "Product manager",
    "hours_per_week": "5",
    "dream_job_title": "COO of a high-tech startup",
    "industry": "Technology",
    "target_date": "2031-11-25",
    "commitment": "I will be COO of a startup by 2031.",
}
KEEP_ALL = "Please correct the fields marked below; everything you typed is kept."


def test_a_fresh_vision_page_is_an_empty_form(browser: Browser) -> None:
    response = browser.get("/vision")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Step 2 · Write it down</h1>" in html
    assert '<input type="hidden" name="version" value="">' in html
    assert 'id="dream_job_title" name="dream_job_title" value=""' in html
    assert 'id="hours_per_week" name="hours_per_week" value="3"' in html
    assert "Printable commitment card" not in html
    assert step_bar(html) == expected_bar(set(), "vision")


def test_writing_the_vision_creates_the_plan_and_redirects(
    browser: Browser, workspace: Workspace
) -> None:
    response = browser.post("/vision", ANA)
    assert response.status_code == 303
    assert response.headers["location"] == "/vision?saved=1"
    with workspace.unit() as uow:
        vision, profile, goals = uow.visions.get(), uow.profiles.get(), uow.goals.all()
    assert vision is not None
    assert profile is not None
    assert (vision.dream_job_title, vision.industry, vision.target_date, vision.version) == (
        "COO of a high-tech startup",
        "Technology",
        date(2031, 11, 25),
        1,
    )
    assert vision.commitment == "I will be COO of a startup by 2031."
    assert (profile.name, profile.current_job_title, profile.hours_per_week) == (
        "Ana",
        "Product manager",
        5.0,
    )
    assert [(g.text, g.due) for g in goals] == [
        ("Work as COO of a high-tech startup", date(2031, 11, 25))
    ]
    html = browser.get("/vision", saved=1).text
    assert '<p class="notice ok" role="status">Saved. <a href="/vision/card">' in html
    assert 'name="industry" value="Technology"' in html
    assert step_bar(html) == expected_bar({"vision"}, "vision")


def test_editing_the_vision_saves_the_changes_and_renames_the_dream_goal(
    browser: Browser, story: Workspace
) -> None:
    html = browser.get("/vision").text
    assert '<input type="hidden" name="version" value="1">' in html
    edit = {
        **ANA,
        "dream_job_title": "COO of a fintech startup",
        "hours_per_week": "6",
        "version": "1",
    }
    response = browser.post("/vision", edit)
    assert response.status_code == 303
    assert response.headers["location"] == "/vision?saved=1"
    with story.unit() as uow:
        vision, profile, dream = uow.visions.get(), uow.profiles.get(), uow.goals.get(1)
    assert vision is not None
    assert profile is not None
    assert (vision.dream_job_title, vision.version) == ("COO of a fintech startup", 2)
    assert profile.hours_per_week == 6.0
    assert dream.text == "Work as COO of a fintech startup"


@pytest.mark.parametrize(
    ("change", "field", "message", "kept"),
    [
        (
            {"target_date": "2027-02-30"},
            "target_date",
            "'2027-02-30' is not a date: February 2027 has 28 days.",
            'name="target_date" value="2027-02-30"',
        ),
        (
            {"dream_job_title": "  ", "industry": "Fintech"},
            "dream_job_title",
            "The dream job title is empty.",
            'name="industry" value="Fintech"',
        ),
        (
            {"hours_per_week": "200"},
            "hours_per_week",
            "Use a number of at most 80.",
            'name="hours_per_week" value="200"',
        ),
        (
            {"hours_per_week": "0.25"},
            "hours_per_week",
            "Use a number of at least 0.5.",
            'name="hours_per_week" value="0.25"',
        ),
        (
            {"hours_per_week": "lots"},
            "hours_per_week",
            "'lots' is not a number.",
            'name="hours_per_week" value="lots"',
        ),
        (
            {"culture": "Calm. " * 20_000},
            "culture",
            "The culture is 119,999 characters long; the limit is 10,000.",
            ">" + "Calm. " * 20_000 + "</textarea>",
        ),
    ],
    ids=[
        "impossible-date",
        "empty-dream-job",
        "too-many-hours",
        "too-few-hours",
        "not-a-number",
        "120-kB",
    ],
)
@pytest.mark.parametrize("plan", ["fresh", "story"])
def test_a_wrong_field_is_refused_inline_keeping_what_was_typed(
    browser: Browser,
    workspace: Workspace,
    request: pytest.FixtureRequest,
    plan: str,
    change: dict[str, str],
    field: str,
    message: str,
    kept: str,
) -> None:
    form = {**ANA, "commitment": "I will get there."}
    if plan == "story":
        request.getfixturevalue("story")
        form["version"] = "1"
    before = snapshot(workspace)
    response = browser.post("/vision", {**form, **change})
    assert response.status_code == 422
    html = unescape(response.text)
    assert f'<p class="notice bad" role="alert">{KEEP_ALL}</p>' in html
    assert field_error(field, message) in html
    assert f'aria-invalid="true" aria-describedby="{field}-error"' in html
    assert kept in html
    assert ">I will get there.</textarea>" in html
    assert snapshot(workspace) == before


def test_a_stale_edit_shows_both_versions_and_overwrites_nothing(
    browser: Browser, story: Workspace
) -> None:
    first = browser.post("/vision", {**ANA, "industry": "Fintech", "version": "1"})
    assert first.status_code == 303
    stale = browser.post("/vision", {**ANA, "industry": "Healthcare", "version": "1"})
    assert stale.status_code == 409
    html = stale.text
    assert "<h2>Someone else saved this vision while you were editing</h2>" in html
    assert '<tr><td>Industry</td><td data-label="Saved version">Fintech</td></tr>' in html
    assert 'name="industry" value="Healthcare"' in html
    assert '<input type="hidden" name="version" value="2">' in html
    with story.unit() as uow:
        vision = uow.visions.get()
    assert vision is not None
    assert (vision.industry, vision.version) == ("Fintech", 2)

    again = browser.post("/vision", {**ANA, "industry": "Healthcare", "version": "2"})
    assert again.status_code == 303
    with story.unit() as uow:
        vision = uow.visions.get()
    assert vision is not None
    assert (vision.industry, vision.version) == ("Healthcare", 3)


def test_the_printable_card_shows_the_commitment(browser: Browser, story: Workspace) -> None:
    response = browser.get("/vision/card")
    assert response.status_code == 200
    html = response.text
    assert "<h1>I will be COO of a startup by 2031.</h1>" in html
    assert "<p><strong>Dream job:</strong> COO of a high-tech startup</p>" in html
    assert "<p><strong>By:</strong> 25 Nov 2031</p>" in html
    assert '<p class="signature">Signed: Ana ____________________</p>' in html
    assert step_bar(html) == expected_bar({"vision", "plan", "smart", "actions"}, "vision")


def test_a_card_without_a_commitment_promises_the_dream_job(browser: Browser) -> None:
    browser.post("/vision", {**ANA, "commitment": ""})
    html = browser.get("/vision/card").text
    assert "<h1>I will work as COO of a high-tech startup.</h1>" in html


def test_the_card_before_any_vision_says_where_to_write_one(browser: Browser) -> None:
    response = browser.get("/vision/card")
    assert response.status_code == 200
    assert "Nothing to print yet." in response.text
    assert step_bar(response.text) == expected_bar(set(), "vision")
