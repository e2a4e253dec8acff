"""Step 3: the goal tree by horizon, and adding, editing, moving, finishing and dropping goals."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest

from careerplan.domain.entities import GoalStatus, Horizon
from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import expected_bar, field_error, snapshot, step_bar

PMP = "Complete my PMP certification within the next 12 months"


def test_a_fresh_plan_page_asks_for_the_vision_first(browser: Browser) -> None:
    response = browser.get("/plan")
    assert response.status_code == 200
    html = response.text
    assert '<a href="/vision">vision page</a>; goals hang under it.' in html
    assert "2 years: 0 goal(s) · 12 months: 0 goal(s) · 6 months: 0 goal(s)" in html
    assert '<p class="empty">No goals yet. Add your first below.</p>' in html
    assert step_bar(html) == expected_bar(set(), "plan")


def test_the_plan_shows_the_tree_by_horizon(browser: Browser, story: Workspace) -> None:
    html = browser.get("/plan").text
    assert "2 years: 1 goal(s) · 12 months: 1 goal(s) · 6 months: 0 goal(s)" in html
    tree = html[html.index('<ul class="tree">') :]
    order = [tree.index(f'<li id="goal-{n}" class="goal active">') for n in (1, 2, 3)]
    assert order == sorted(order)
    assert (
        '<span class="goal-text"><a href="/plan/goals/1">Work as COO of a high-tech startup</a>'
        "</span>" in html
    )
    assert (
        '<span class="tag horizon-12m">12 months</span><span class="muted">due 25 Nov 2027</span>'
        in html
    )
    assert "goals hang under it" not in html
    assert step_bar(html) == expected_bar({"vision", "plan", "smart", "actions"}, "plan")


@pytest.mark.parametrize(
    ("text", "horizon", "due", "expected_due", "expected_horizon"),
    [
        ("Lead a cross-team project", "6m", "", date(2027, 5, 25), Horizon.SIX_MONTHS),
        ("Lead a cross-team project", "2y", "", date(2028, 11, 25), Horizon.TWO_YEARS),
        ("Lead a cross-team project", "6m", "2027-01-15", date(2027, 1, 15), Horizon.SIX_MONTHS),
        ("Publish two articles on operations by 2027-03-31", "", "", date(2027, 3, 31), None),
        ("Speak at two meetups before the end of Q2 2027", "", "", date(2027, 6, 30), None),
        ("Lead a cross-team project", "", "", None, None),
    ],
    ids=["six-months", "two-years", "date-given", "date-in-words", "quarter-in-words", "no-date"],
)
def test_adding_a_goal_takes_its_due_date_from_the_form_the_words_or_the_horizon(
    browser: Browser,
    story: Workspace,
    text: str,
    horizon: str,
    due: str,
    expected_due: date | None,
    expected_horizon: Horizon | None,
) -> None:
    form = {"text": text, "parent_id": "2", "horizon": horizon, "due": due, "category": "skills"}
    response = browser.post("/plan/goals", form)
    assert response.status_code == 303
    assert response.headers["location"] == "/plan?saved=4#goal-4"
    with story.unit() as uow:
        goal = uow.goals.get(4)
    assert (goal.text, goal.parent_id, goal.horizon, goal.due) == (
        text,
        2,
        expected_horizon,
        expected_due,
    )
    html = browser.get("/plan", saved=4).text
    assert '<p class="notice ok" role="status">Saved goal 4.</p>' in html
    assert '<li id="goal-4" class="goal active">' in html


def test_a_goal_saved_with_a_date_worth_a_second_look_says_so_next_to_saved(
    browser: Browser, story: Workspace
) -> None:
    # The story's day is 2026-11-25: the date is accepted, and the page says it is past.
    form = {"text": "Finish the PMP course", "parent_id": "3", "due": "2026-01-15"}
    response = browser.post("/plan/goals", {**form, "category": "education"})
    assert response.headers["location"] == "/plan?saved=4#goal-4"
    html = browser.get("/plan", saved=4).text
    assert '<p class="notice ok" role="status">Saved goal 4.</p>' in html
    assert (
        '<p class="notice warn" role="status">Goal 4: The due date 2026-01-15 is already past.</p>'
        in html
    )
    # A goal whose dates are fine, or one that is not there, has nothing said of it.
    assert "notice warn" not in browser.get("/plan", saved=3).text
    assert "notice warn" not in browser.get("/plan", saved=99).text


@pytest.mark.parametrize(
    ("form", "errors", "kept"),
    [
        (
            {"text": " ", "due": "2027-02-30"},
            {
                "new-text": "The goal text is empty. Write what you want to achieve.",
                "new-due": "'2027-02-30' is not a date: February 2027 has 28 days.",
            },
            'value="2027-02-30"',
        ),
        (
            {"text": "Mentor a junior colleague", "repeat": "FREQ=SOMETIMES"},
            {
                "repeat": "'FREQ=SOMETIMES' is not a valid RFC 5545 repeat rule: "
                "invalid 'FREQ': SOMETIMES. Words work too, such as 'every other Friday'."
            },
            ">Mentor a junior colleague</textarea>",
        ),
    ],
    ids=["empty-text-and-impossible-date", "bad-repeat-rule"],
)
def test_a_wrong_new_goal_is_refused_inline_and_nothing_is_saved(
    browser: Browser, story: Workspace, form: dict[str, str], errors: dict[str, str], kept: str
) -> None:
    before = snapshot(story)
    response = browser.post("/plan/goals", {"parent_id": "2", "horizon": "6m", **form})
    assert response.status_code == 422
    html = unescape(response.text)
    for name, message in errors.items():
        assert field_error(name, message) in html
    assert kept in html
    assert snapshot(story) == before


def test_editing_a_goal_checks_the_version(browser: Browser, story: Workspace) -> None:
    form = {
        "text": "Complete my PMP certification",
        "horizon": "12m",
        "due": "2027-09-30",
        "category": "education",
    }
    response = browser.post("/plan/goals/3/edit", {**form, "version": "1"})
    assert response.status_code == 303
    assert response.headers["location"] == "/plan?saved=3#goal-3"
    with story.unit() as uow:
        goal = uow.goals.get(3)
    assert (goal.text, goal.due, goal.version) == (
        "Complete my PMP certification",
        date(2027, 9, 30),
        2,
    )


def test_a_stale_goal_edit_shows_both_versions_and_keeps_the_saved_one(
    browser: Browser, story: Workspace
) -> None:
    mine = {"horizon": "12m", "category": "education", "version": "1"}
    browser.post("/plan/goals/3/edit", {**mine, "text": "Pass the PMP exam", "due": "2027-09-30"})
    before = snapshot(story)
    response = browser.post(
        "/plan/goals/3/edit", {**mine, "text": "Get the CAPM", "due": "2027-06-30"}
    )
    assert response.status_code == 409
    html = response.text
    assert "<h2>Goal 3 was changed by someone else</h2>" in html
    assert "Saved version: “Pass the PMP exam”, due 30 Sep 2027." in html
    assert "Your version: “Get the CAPM”, due 2027-06-30." in html
    assert '<input type="hidden" name="text" value="Get the CAPM">' in html
    assert '<input type="hidden" name="version" value="2">' in html
    assert snapshot(story) == before

    kept = browser.post(
        "/plan/goals/3/edit", {**mine, "text": "Get the CAPM", "due": "2027-06-30", "version": "2"}
    )
    assert kept.status_code == 303
    with story.unit() as uow:
        goal = uow.goals.get(3)
    assert (goal.text, goal.due, goal.version) == ("Get the CAPM", date(2027, 6, 30), 3)


def test_an_invalid_edit_comes_back_on_the_goal_editor_keeping_what_was_typed(
    browser: Browser, story: Workspace
) -> None:
    before = snapshot(story)
    form = {"text": " ", "horizon": "12m", "due": "2027-02-30", "category": "education"}
    response = browser.post("/plan/goals/3/edit", {**form, "version": "1"})
    assert response.status_code == 422
    html = unescape(response.text)
    assert f'<h1 class="goal-title">{PMP}</h1>' in html
    assert field_error("g3-text", "The goal text is empty. Write what you want to achieve.") in html
    assert field_error("g3-due", "'2027-02-30' is not a date: February 2027 has 28 days.") in html
    assert 'name="due" value="2027-02-30"' in html
    assert snapshot(story) == before


@pytest.mark.parametrize(
    ("url", "starts"),
    [
        ("/plan/goals/3", "<!doctype html>"),
        ("/plan/goals/3?inline=1", '<div class="card goal-editor">'),
    ],
)
def test_each_goal_has_an_editor_as_a_page_and_as_a_fragment(
    browser: Browser, story: Workspace, url: str, starts: str
) -> None:
    response = browser.get(url)
    assert response.status_code == 200
    assert response.text.startswith(starts)
    assert f'name="text" rows="2" maxlength="1000" required >{PMP}</textarea>' in response.text
    assert (
        '<button type="submit" name="status" value="done" class="secondary">Mark done</button>'
        in response.text
    )


def test_moving_a_goal_puts_it_under_another(browser: Browser, story: Workspace) -> None:
    response = browser.post("/plan/goals/3/move", {"parent_id": "1", "version": "1"})
    assert response.status_code == 303
    with story.unit() as uow:
        assert uow.goals.get(3).parent_id == 1


@pytest.mark.parametrize(
    ("goal_id", "parent_id", "message"),
    [
        (
            2,
            "3",
            "Goal 3 sits under goal 2, so goal 2 cannot move under it (that would make a loop). "
            "Move goal 3 elsewhere first.",
        ),
        (2, "2", "Goal 2 cannot be its own parent."),
    ],
    ids=["under-its-child", "under-itself"],
)
def test_a_move_that_makes_a_loop_is_refused_with_the_reason(
    browser: Browser, story: Workspace, goal_id: int, parent_id: str, message: str
) -> None:
    before = snapshot(story)
    response = browser.post(f"/plan/goals/{goal_id}/move", {"parent_id": parent_id, "version": "1"})
    assert response.status_code == 409
    assert f'<p class="notice bad" role="alert">{message}</p>' in response.text
    assert snapshot(story) == before


@pytest.mark.parametrize("status", [GoalStatus.DONE, GoalStatus.DROPPED])
def test_a_closed_goal_can_be_reopened(
    browser: Browser, story: Workspace, status: GoalStatus
) -> None:
    response = browser.post("/plan/goals/3/status", {"status": status.value, "version": "1"})
    assert response.status_code == 303
    html = browser.get("/plan").text
    assert f'<li id="goal-3" class="goal {status.value}">' in html
    assert f'<span class="tag">{status.value}</span>' in html
    editor = browser.get("/plan/goals/3").text
    assert (
        '<button type="submit" name="status" value="active" class="secondary">Reopen</button>'
        in editor
    )

    assert (
        browser.post("/plan/goals/3/status", {"status": "active", "version": "2"}).status_code
        == 303
    )
    with story.unit() as uow:
        goal = uow.goals.get(3)
    assert (goal.status, goal.version) == (GoalStatus.ACTIVE, 3)


def test_an_unknown_status_is_refused(browser: Browser, story: Workspace) -> None:
    before = snapshot(story)
    response = browser.post("/plan/goals/3/status", {"status": "paused", "version": "1"})
    assert response.status_code == 422
    assert '<p class="notice bad" role="alert">Choose done, dropped or active.</p>' in response.text
    assert snapshot(story) == before
