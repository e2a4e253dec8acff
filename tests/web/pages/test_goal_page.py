"""One goal's page: its words and S.M.A.R.T. reasons, measure and chart, status against time,
place in the tree, actions, resources, check-ins, reviews; then edit, move and close."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from html import unescape

import pytest

from careerplan.domain.entities import GoalStatus, ResourceKind
from careerplan.domain.smart.report import CRITERIA, SmartReport
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, check_in
from careerplan.services.resources import add_resource
from careerplan.services.reviews import EntryInput, ReviewInput, record_review
from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot

PMP = "Complete my PMP certification within the next 12 months"
EXAM = "Pass the PMP practice exam with 80% by May 2027"
SVG = "{http://www.w3.org/2000/svg}"
NAMES = {
    "specific": "Specific",
    "measurable": "Measurable",
    "attainable": "Attainable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}


@pytest.fixture
def measured(story: Workspace, clock: FixedClock) -> Workspace:
    """Goal 4 under the PMP goal, set 60 days ago: a practice-exam score from 40 to 80 %, three
    check-ins with a value on two days and one with a note only, a coach linked to it, and a
    review about it."""
    set_on = FixedClock(clock.now() - timedelta(days=60))
    with story.unit() as uow:
        exam = add_goal(
            uow, set_on, text=EXAM, parent_id=3, metric="score", target=80, unit="%", baseline=40
        ).goal
        assert exam.id == 4
        check_in(uow, clock, 4, value=50, on=date(2026, 11, 2), confidence=3)
        check_in(uow, clock, 4, value=55, on=date(2026, 11, 16))
        check_in(uow, clock, 4, value=60, on=date(2026, 11, 16), note="Second attempt that day")
        check_in(uow, clock, 4, note="Booked the real exam", on=date(2026, 11, 20))
        add_resource(
            uow, ResourceKind.PERSON, "María López", contact="maria@example.com", goal_ids=[4]
        )
        record_review(
            uow,
            clock,
            ReviewInput(
                entries=[EntryInput(goal_id=4, progress=50, confidence=4, note="On the way")]
            ),
        )
    return story


def _text(html: str) -> str:
    """The page's words with tags and runs of white space collapsed, as a person reads them."""
    words = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    return re.sub(r" ([.,:;])", r"\1", words)


def _section(html: str, heading_id: str) -> str:
    """The card whose heading has this id, up to the next card."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    end = html.find('<section class="card"', start)
    return html[start : end if end != -1 else len(html)]


def test_the_heading_is_the_wording_with_each_criterion_and_its_reason(
    browser: Browser, measured: Workspace
) -> None:
    response = browser.get("/plan/goals/4")
    assert response.status_code == 200
    html = unescape(response.text)
    assert f'<h1 class="goal-title">{EXAM}</h1>' in html
    with measured.unit() as uow:
        stored = uow.goals.get(4).smart_report
    assert stored is not None
    report = SmartReport.from_json(stored)
    smart = _text(_section(response.text, "smart-h"))
    assert f"{report.score}/5" in smart
    for key in CRITERIA:
        verdict = report.verdict(key)
        said = {True: "met", False: "not met", None: "not judged yet"}[verdict.ok]
        assert f"{NAMES[key]}: {said}. {verdict.reason}" in smart
    assert 'aria-label="S.M.A.R.T. check"' in response.text


def test_when_and_where_it_sits_is_said_in_words(browser: Browser, measured: Workspace) -> None:
    html = _text(_section(browser.get("/plan/goals/4").text, "when-h"))
    assert "Horizon none (a sub-goal)" in html
    assert "Category Other" in html
    assert "Due 31 May 2027" in html
    assert "Repeats no" in html
    # Half done (the measure runs from 40 to 80 and stands at 60) with 60 of the 247 days from
    # 26 Sep 2026 to 31 May 2027 gone: progress ahead of the time is on track.
    assert "Status on track 50% done, 24% of the time gone" in html
    assert "Time gone: 24% · progress: 50%" in html
    assert f"Serves {PMP}" in html
    assert '<a href="/plan/goals/3">' in _section(browser.get("/plan/goals/4").text, "when-h")


def test_the_measure_shows_from_and_to_and_a_chart_of_the_check_in_days(
    browser: Browser, measured: Workspace
) -> None:
    html = browser.get("/plan/goals/4").text
    measure = _section(html, "measure-h")
    assert '<progress value="0.500" max="1" aria-label="Progress of this goal">50%</progress>' in (
        measure
    )
    words = _text(measure)
    assert "Counts score (%)" in words
    assert "From → to 40 → 80" in words
    assert "Now 60" in words
    assert (
        '<img class="chart goal-chart" src="/plan/goals/4/progress.svg" width="480" height="300" '
        'alt="Line chart of score over time: 2 reading(s), 60 on 16 Nov 2026, target 80.">'
    ) in measure

    chart = browser.get("/plan/goals/4/progress.svg")
    assert chart.headers["content-type"] == "image/svg+xml"
    root = ET.fromstring(chart.content)
    assert root.tag == f"{SVG}svg"
    assert "<script" not in chart.text
    readings = [
        len(group.findall(f".//{SVG}circle"))
        for group in root.iter(f"{SVG}g")
        if "serie-0" in group.get("class", "").split()
    ]
    # One dot a day with a value (the later of two the same day counts); none on the target.
    assert sum(readings) == 2
    labels = [t.text for t in root.iter(f"{SVG}text") if t.text and t.text.startswith("2026-")]
    assert labels == ["2026-11-02", "2026-11-16"]


def test_check_ins_and_reviews_are_listed_newest_first(
    browser: Browser, measured: Workspace
) -> None:
    html = browser.get("/plan/goals/4").text
    checkins = _text(_section(html, "checkins-h"))
    days = re.findall(r"\d{1,2} Nov 2026", checkins)
    assert days == ["20 Nov 2026", "16 Nov 2026", "16 Nov 2026", "2 Nov 2026"]
    assert "20 Nov 2026 Booked the real exam" in checkins
    assert "16 Nov 2026 · 60 % Second attempt that day" in checkins
    assert "2 Nov 2026 · 50 % · confidence 3/5" in checkins
    reviews = _text(_section(html, "reviews-h"))
    assert "25 Nov 2026 (weekly review): keep, 50% done, confidence 4/5 — On the way" in reviews


def test_resources_linked_to_the_goal_are_shown(browser: Browser, measured: Workspace) -> None:
    resources = _text(_section(browser.get("/plan/goals/4").text, "resources-h"))
    assert "María López (person) · maria@example.com" in resources
    # The PMP goal has no resource of its own.
    other = _text(_section(browser.get("/plan/goals/3").text, "resources-h"))
    assert "No people, courses or programmes linked yet." in other


def test_sub_goals_link_to_their_pages_with_letters_and_progress(
    browser: Browser, measured: Workspace
) -> None:
    html = browser.get("/plan/goals/3").text
    subgoals = _section(html, "subgoals-h")
    assert f'<a class="goal-text" href="/plan/goals/4">{EXAM}</a>' in unescape(subgoals)
    assert 'aria-label="Progress of ' in subgoals
    assert "50% · due 31 May 2027" in _text(subgoals)
    assert 'class="smart-letters"' in subgoals


def test_actions_show_their_repeat_and_streak_and_are_logged_from_the_page(
    browser: Browser, measured: Workspace
) -> None:
    actions = _text(_section(browser.get("/plan/goals/3").text, "actions-h"))
    assert "Attend one industry networking event repeats every month" in actions
    assert "due · streak 0 · 0×" in actions

    response = browser.post("/actions/1/done", {"back": "goal"})
    assert response.status_code == 303
    assert response.headers["location"] == "/plan/goals/3?saved=action#actions"
    html = browser.get("/plan/goals/3", saved="action").text
    assert '<p class="notice ok" role="status">Action logged. Well done.</p>' in html
    assert "done this time · streak 1 · 1×" in _text(_section(html, "actions-h"))


def test_logging_an_action_from_the_act_page_still_returns_there(
    browser: Browser, story: Workspace
) -> None:
    response = browser.post("/actions/1/done", {})
    assert response.headers["location"] == "/actions?saved=done-1"


def test_a_bare_goal_says_what_is_missing_and_where_to_add_it(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        add_goal(uow, clock, text="Read one book on operations", parent_id=3)
    text = _text(browser.get("/plan/goals/4").text)
    for empty in (
        "No measure yet: progress comes from its sub-goals or your review estimates.",
        "No sub-goals. Break it into smaller steps on the plan page.",
        "No actions yet. Add one on the Act page.",
        "No people, courses or programmes linked yet. Link one on the Act page.",
        "No check-ins yet. Record one on the Act page.",
        "No review has covered this goal yet. Hold one on the review page.",
        "Due no due date",
        "Status no deadline 0% done, no due date to measure against",
    ):
        assert empty in text


def test_a_measure_without_values_says_there_is_no_chart_yet(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        add_goal(uow, clock, text="Send 10 applications", parent_id=3, metric="sent", target=10)
        check_in(uow, clock, 4, note="Drafted the first one")
    html = browser.get("/plan/goals/4").text
    measure = _section(html, "measure-h")
    assert "progress.svg" not in measure
    assert "No check-ins with a value yet, so no chart. Record one on the Act page." in _text(
        measure
    )
    assert "Now nothing recorded yet" in _text(measure)


def test_marking_done_on_the_page_comes_back_to_it_closed(
    browser: Browser, story: Workspace
) -> None:
    html = browser.get("/plan/goals/3").text
    close = _section(html, "close-h")
    assert "Finish or drop it" in close
    assert (
        '<button type="submit" name="status" value="dropped" class="danger">Drop</button>' in close
    )
    assert '<input type="hidden" name="back" value="goal">' in close
    # Moving is a section of its own, apart from finishing and dropping.
    assert "/move" not in close
    assert "/status" not in _section(html, "move-h")

    response = browser.post(
        "/plan/goals/3/status", {"status": "done", "version": "1", "back": "goal"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/plan/goals/3?saved=done"
    html = browser.get("/plan/goals/3", saved="done").text
    assert '<p class="notice ok" role="status">Marked done. Well done.</p>' in html
    assert '<span class="badge done">done</span>' in html
    assert "This goal is done." in html
    close = _section(html, "close-h")
    assert (
        '<button type="submit" name="status" value="active" class="secondary">Reopen</button>'
        in (close)
    )
    assert 'value="done"' not in close
    assert "Status done marked done" in _text(_section(html, "when-h"))


def test_a_dropped_goal_says_so_and_is_not_judged_against_time(
    browser: Browser, story: Workspace
) -> None:
    browser.post("/plan/goals/3/status", {"status": "dropped", "version": "1", "back": "goal"})
    html = browser.get("/plan/goals/3").text
    assert '<span class="badge dropped">dropped</span>' in html
    assert "You dropped this goal." in html
    assert "Status dropped: not judged against time" in _text(_section(html, "when-h"))
    with story.unit() as uow:
        assert uow.goals.get(3).status is GoalStatus.DROPPED


def test_moving_from_the_page_offers_no_goal_below_it_and_comes_back(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        add_goal(uow, clock, text="Join a project management group", parent_id=1)
    move = _section(browser.get("/plan/goals/2").text, "move-h")
    offered = re.findall(r'<option value="(\d*)"', move)
    assert offered == ["", "1", "4"]  # not itself, nor goal 3 below it

    response = browser.post(
        "/plan/goals/3/move", {"parent_id": "4", "version": "1", "back": "goal"}
    )
    assert response.headers["location"] == "/plan/goals/3?saved=move"
    html = browser.get("/plan/goals/3", saved="move").text
    assert '<p class="notice ok" role="status">Goal moved.</p>' in html
    assert "Serves Join a project management group" in _text(_section(html, "when-h"))


def test_a_refused_move_from_the_page_is_explained_on_the_page(
    browser: Browser, story: Workspace
) -> None:
    before = snapshot(story)
    response = browser.post(
        "/plan/goals/2/move", {"parent_id": "3", "version": "1", "back": "goal"}
    )
    assert response.status_code == 409
    html = unescape(response.text)
    assert '<h1 class="goal-title">Obtain a management position' in html
    assert "Goal 3 sits under goal 2, so goal 2 cannot move under it" in html
    assert snapshot(story) == before


def test_an_edit_from_the_page_comes_back_to_it(browser: Browser, story: Workspace) -> None:
    form = {
        "text": "Complete my PMP certification",
        "horizon": "12m",
        "due": "2027-09-30",
        "category": "education",
        "version": "1",
        "back": "goal",
    }
    response = browser.post("/plan/goals/3/edit", form)
    assert response.headers["location"] == "/plan/goals/3?saved=edit"
    html = browser.get("/plan/goals/3", saved="edit").text
    assert '<h1 class="goal-title">Complete my PMP certification</h1>' in html
    assert "Due 30 Sep 2027" in _text(_section(html, "when-h"))


def test_the_dream_job_page_sends_changes_to_the_vision(browser: Browser, story: Workspace) -> None:
    html = browser.get("/plan/goals/1").text
    assert "This is your dream job" in html
    assert 'action="/plan/goals/1/edit"' not in html
    assert 'action="/plan/goals/1/status"' not in html
    assert '<a class="goal-text" href="/plan/goals/2">' in html


@pytest.mark.parametrize("path", ["/plan/goals/99", "/plan/goals/99/progress.svg"])
def test_an_unknown_goal_is_not_found(browser: Browser, story: Workspace, path: str) -> None:
    response = browser.get(path)
    assert response.status_code == 404
    assert "No goal with id 99." in response.text


def test_the_plan_and_the_dashboard_link_each_goal_to_its_page(
    browser: Browser, story: Workspace
) -> None:
    plan = browser.get("/plan").text
    assert f'<span class="goal-text"><a href="/plan/goals/3">{PMP}</a></span>' in plan
    dashboard = browser.get("/").text
    assert f'<td><a href="/plan/goals/3">{PMP}</a></td>' in dashboard
    fragment = browser.get("/plan/goals/3", inline=1).text
    assert '<a href="/plan/goals/3">Open the goal’s page' in fragment


def test_a_report_an_older_version_stored_leaves_the_page_whole(
    browser: Browser, story: Workspace
) -> None:
    """A report in a shape this version does not read is not shown, and nothing breaks: the
    goal is checked again at its next change."""
    with story.unit() as uow:
        goal = uow.goals.get(3)
        goal.smart_report = {"score": 4, "letters": "SMART"}
        uow.goals.save(goal)
    response = browser.get("/plan/goals/3")
    assert response.status_code == 200
    assert "Complete my PMP certification" in unescape(response.text)
