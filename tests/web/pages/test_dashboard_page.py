"""The dashboard: the vision and days left, what is due, streaks, and the charts it draws."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from html import unescape

import pytest

from careerplan.services.actions import add_action
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import expected_bar, step_bar

SVG = "{http://www.w3.org/2000/svg}svg"


def test_a_fresh_dashboard_welcomes_and_points_to_the_vision(browser: Browser) -> None:
    response = browser.get("/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Welcome to careerplan</h1>" in html
    assert '<a class="button" href="/vision">Start by writing down your dream job</a>' in html
    assert "Days left" not in html
    assert step_bar(html) == expected_bar(set(), "dashboard")


def test_the_dashboard_shows_the_dream_job_days_left_and_commitment(
    browser: Browser, story: Workspace
) -> None:
    html = browser.get("/").text
    assert "<h1>COO of a high-tech startup</h1>" in html
    assert '<p class="big">1826</p>' in html
    assert '<p class="muted">until 25 Nov 2031</p>' in html
    assert '<p class="commitment">I will be COO of a startup by 2031.</p>' in html
    assert step_bar(html) == expected_bar({"vision", "plan", "smart", "actions"}, "dashboard")


def test_the_dashboard_lists_overdue_and_due_items_in_that_order(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        add_goal(
            uow, clock, text="Finish the PMP application form", parent_id=3, due=date(2026, 11, 20)
        )
        add_goal(
            uow,
            clock,
            text="Ask two colleagues for PMP references",
            parent_id=3,
            due=date(2026, 11, 28),
        )
        add_action(uow, clock, 3, "Email the PMI chapter", due=date(2026, 11, 23))
        add_action(uow, clock, 3, "Buy the PMBOK guide", due=date(2026, 11, 27))
        add_action(uow, clock, 3, "Plan the 2027 budget", due=date(2027, 1, 10))
    html = browser.get("/").text
    assert (
        '<li class="overdue"><strong>Overdue</strong> goal: Finish the PMP application form'
        " (20 Nov 2026)</li>"
        "<li><strong>Overdue</strong>: Email the PMI chapter (23 Nov 2026)</li>"
        "<li>Goal due 28 Nov 2026: Ask two colleagues for PMP references</li>"
        "<li>Due 27 Nov 2026: Buy the PMBOK guide</li>"
        "<li>Repeat due: Attend one industry networking event</li>"
    ) in html
    assert "Plan the 2027 budget" not in html


def test_a_plan_with_nothing_due_says_so(browser: Browser, story: Workspace) -> None:
    browser.post("/actions/1/done", {})
    html = browser.get("/").text
    assert '<p class="empty">Nothing due this week.</p>' in html


def test_a_logged_repeat_shows_its_streak_and_count(browser: Browser, story: Workspace) -> None:
    before = browser.get("/").text
    assert (
        '<tr><td data-label="Repeating action">Attend one industry networking event</td>'
        '<td data-label="Streak">0</td><td data-label="Done">0×</td></tr>'
    ) in before
    assert browser.post("/actions/1/done", {}).status_code == 303
    after = browser.get("/").text
    assert (
        '<tr><td data-label="Repeating action">Attend one industry networking event</td>'
        '<td data-label="Streak">1</td><td data-label="Done">1×</td></tr>'
    ) in after


def test_a_plan_without_repeats_says_there_are_no_streaks(browser: Browser) -> None:
    browser.post(
        "/vision",
        {"name": "Ana", "dream_job_title": "COO", "hours_per_week": "5", "target_date": ""},
    )
    html = browser.get("/").text
    assert '<p class="empty">No repeating actions yet.</p>' in html
    assert '<p class="empty">No target date yet. <a href="/vision">Set one</a>.</p>' in html
    assert (
        '<p class="empty">No goals yet. <a href="/plan">Break your dream job down</a>.</p>' in html
    )


def test_the_charts_carry_text_alternatives_with_their_figures(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        add_goal(
            uow,
            clock,
            text="Run 10 stakeholder interviews",
            parent_id=2,
            metric="interviews",
            target=10,
        )
    assert browser.post("/checkins", {"goal_id": "4", "value": "4"}).status_code == 303
    html = browser.get("/").text
    assert (
        '<img class="chart" src="/charts/progress.svg" alt="Line chart of progress over time:'
        ' 40% on 25 Nov 2026" width="480" height="300">'
    ) in html
    assert (
        '<img class="chart" src="/charts/horizons.svg" alt="Bar chart of progress by horizon:'
        ' 2 years 20%, 12 months 0%, 6 months 0%" width="480" height="300">'
    ) in html


def test_before_any_check_in_the_progress_chart_says_so(browser: Browser, story: Workspace) -> None:
    html = browser.get("/").text
    assert 'alt="Line chart of progress over time: no check-ins yet"' in html
    assert 'alt="Bar chart of progress by horizon: 2 years 0%, 12 months 0%, 6 months 0%"' in html


@pytest.mark.parametrize("url", ["/charts/progress.svg", "/charts/horizons.svg"])
@pytest.mark.parametrize("plan", ["fresh", "story"])
def test_each_chart_is_an_svg_document_without_script(
    browser: Browser, request: pytest.FixtureRequest, url: str, plan: str
) -> None:
    if plan == "story":
        request.getfixturevalue("story")
    response = browser.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    root = ET.fromstring(response.content)
    assert root.tag == SVG
    assert "<script" not in response.text
    assert not [element for element in root.iter() if element.tag.endswith("script")]


def test_the_horizon_chart_names_each_horizon_with_its_goal_count(
    browser: Browser, story: Workspace
) -> None:
    svg = browser.get("/charts/horizons.svg").text
    for label in ("2 years (1)", "12 months (1)", "6 months (0)"):
        assert f">{label}</text>" in svg


def test_the_dashboard_lists_follow_ups_due_with_the_actions(
    browser: Browser, story: Workspace
) -> None:
    from datetime import timedelta

    from careerplan.domain.job_search import Stage
    from careerplan.services.applications import add_application, edit_application
    from tests.conftest import NOW, TODAY

    clock = FixedClock(NOW)
    with story.unit() as uow:
        late = add_application(uow, clock, "Nurse\nRequirements\n- BLS\n", stage=Stage.APPLIED)
        soon = add_application(
            uow, clock, "Clerk\nRequirements\n- Excel\n", organisation="Acme", stage=Stage.APPLIED
        )
        edit_application(uow, clock, late.id or 0, follow_up=TODAY - timedelta(days=1))
        edit_application(uow, clock, soon.id or 0, follow_up=TODAY + timedelta(days=2))
    html = unescape(browser.get("/").text)
    assert f'<a href="/jobs/{late.id}">follow up: Nurse</a>' in html
    assert f'<a href="/jobs/{soon.id}">follow up: Clerk at Acme</a>' in html
