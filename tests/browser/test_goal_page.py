"""A goal's page in a real browser, on a desktop and on a phone: every section in sight, the
chart drawn, nothing wider than the screen; and the goal marked done from the page."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from careerplan.config import Settings
from careerplan.domain.entities import Horizon, ResourceKind
from careerplan.services.actions import add_action
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal, check_in
from careerplan.services.resources import add_resource
from careerplan.services.vision import init_plan
from careerplan.services.workspace import open_workspace
from tests.browser.fixed_clock import NOW

pytestmark = pytest.mark.browser

Shot = Callable[[Page, str], Path]
EXAM = "Pass the PMP practice exam with 80% by May 2027"
COURSE = "https://www.pmi.org/certifications/project-management-pmp/exam-prep-resources"


def _measured_goal(folder: Path) -> None:
    """Ana's plan in the live server's database, with goal 4: a practice-exam score set two
    months ago, with check-ins, a repeating action and a course that helps."""
    data = folder / "data"
    settings = Settings(data_dir=data, database_url=f"sqlite:///{data / 'careerplan.sqlite3'}")
    now = FixedClock(NOW)
    then = FixedClock(NOW - timedelta(days=60))
    workspace = open_workspace(settings)
    try:
        with workspace.unit() as uow:
            init_plan(
                uow, then, name="Ana", current_job_title="Product manager", hours_per_week=5,
                dream_job_title="COO of a high-tech startup",
                vision_fields={"target_date": date(2031, 11, 25)},
            )  # fmt: skip
            lead = add_goal(
                uow, then, text="Lead a team of at least 5 people", parent_id=1,
                horizon=Horizon.TWO_YEARS,
            ).goal  # fmt: skip
            pmp = add_goal(
                uow, then, text="Complete my PMP certification within the next 12 months",
                parent_id=lead.id, horizon=Horizon.TWELVE_MONTHS,
            ).goal  # fmt: skip
            exam = add_goal(
                uow, then, text=EXAM, parent_id=pmp.id, metric="score", target=80, unit="%",
                baseline=40,
            ).goal  # fmt: skip
            assert exam.id == 4
            readings = ((date(2026, 10, 5), 48), (date(2026, 11, 2), 55), (date(2026, 11, 20), 62))
            for day, value in readings:
                check_in(uow, now, 4, value=value, on=day, note="Timed practice test")
            add_action(uow, then, 4, "Take one timed practice test", repeat="FREQ=WEEKLY")
            add_resource(uow, ResourceKind.COURSE, "PMI exam prep", contact=COURSE, goal_ids=[4])
    finally:
        workspace.close()


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("tab", "width"), [("page", 1280), ("phone_page", 375)])
def test_a_goal_page_shows_every_section_fits_the_screen_and_closes_the_goal(
    request: pytest.FixtureRequest, screenshot: Shot, tmp_path: Path, tab: str, width: int
) -> None:
    page: Page = request.getfixturevalue(tab)
    _measured_goal(tmp_path)
    page.goto("/plan")
    page.get_by_role("link", name=EXAM, exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(EXAM)
    expect(page.get_by_role("region", name="How S.M.A.R.T. it is")).to_contain_text("Specific:")
    measure = page.get_by_role("region", name="Measure and progress")
    expect(measure).to_contain_text("40 → 80")
    chart = measure.get_by_role("img")
    expect(chart).to_be_visible()
    # The chart is drawn: a broken image has no natural width, so this waits in vain.
    chart.evaluate(
        "image => image.complete ? image.naturalWidth > 0 || Promise.reject('broken')"
        " : new Promise((done, fail) => { image.onload = done; image.onerror = fail; })"
    )
    assert chart.evaluate("image => image.naturalWidth") > 0
    actions = page.get_by_role("region", name="Actions")
    expect(actions).to_contain_text("every week")
    expect(page.get_by_role("region", name="Check-ins").locator("li")).to_have_count(3)
    expect(page.get_by_role("region", name="Who and what can help")).to_contain_text(
        "PMI exam prep"
    )
    _fits(page, width)
    screenshot(page, "goal-page")

    practice = actions.get_by_role("row").filter(has_text="Take one timed practice test")
    practice.get_by_role("button", name=re.compile("^Done")).click()
    expect(page.get_by_role("status")).to_have_text("Action logged. Well done.")
    expect(page.get_by_role("region", name="Actions")).to_contain_text("streak 1")

    close = page.get_by_role("region", name="Finish or drop it")
    expect(close.get_by_role("button", name="Drop")).to_be_visible()
    close.get_by_role("button", name="Mark done").click()

    expect(page.get_by_role("status")).to_have_text("Marked done. Well done.")
    expect(page.locator(".goal-summary .badge")).to_have_text("done")
    reopen = page.get_by_role("region", name="Reopen it")
    expect(reopen.get_by_role("button", name="Reopen")).to_be_visible()
    expect(page.get_by_role("button", name="Mark done")).to_have_count(0)
    _fits(page, width)
    screenshot(page, "goal-done")
