"""A weekly review in a real browser: from the dashboard to the review page, each goal's
progress, confidence and decision, saved; the dashboard then shows the plan's new status."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from careerplan.config import Settings
from careerplan.domain.entities import Horizon
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.vision import init_plan
from careerplan.services.workspace import open_workspace
from tests.browser.fixed_clock import NOW, TODAY

pytestmark = pytest.mark.browser

Shot = Callable[[Page, str], Path]
LEAD = "Obtain a management position leading a team of at least 5 people"
PMP = "Complete my PMP certification within the next 12 months"


def _plan_set_nine_months_ago(folder: Path) -> None:
    """Ana's plan as she wrote it 270 days ago, in the live server's database: three quarters of
    the 12-month goal's time has gone, and over a third of the 2-year goal's."""
    data = folder / "data"
    settings = Settings(data_dir=data, database_url=f"sqlite:///{data / 'careerplan.sqlite3'}")
    then = FixedClock(NOW - timedelta(days=270))
    workspace = open_workspace(settings)
    try:
        with workspace.unit() as uow:
            init_plan(
                uow, then, name="Ana", current_job_title="Product manager", hours_per_week=5,
                dream_job_title="COO of a high-tech startup",
                vision_fields={"target_date": TODAY + timedelta(days=1500)},
            )  # fmt: skip
            lead = add_goal(uow, then, text=LEAD, parent_id=1, horizon=Horizon.TWO_YEARS).goal
            add_goal(uow, then, text=PMP, parent_id=lead.id, horizon=Horizon.TWELVE_MONTHS)
    finally:
        workspace.close()


def test_a_weekly_review_on_the_page_changes_the_status_on_the_dashboard(
    page: Page, screenshot: Shot, tmp_path: Path
) -> None:
    _plan_set_nine_months_ago(tmp_path)
    page.goto("/")
    status = page.get_by_role("region", name="Status and review")
    # Nothing recorded counts as 0 % done: both goals, and so the plan, are behind.
    expect(status.locator(".badge").first).to_have_text("behind")
    expect(status.locator(".attention li")).to_have_count(2)
    screenshot(page, "dashboard-before-review")
    status.get_by_role("link", name="Review now").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Review your plan")
    expect(page.get_by_role("heading", name=re.compile("^Weekly review"))).to_be_visible()
    pmp = page.get_by_role("region", name=PMP)
    expect(pmp.locator(".badge")).to_have_text("behind")
    expect(pmp.get_by_label("S.M.A.R.T. check")).to_be_visible()
    pmp.get_by_label("Progress %").fill("70")
    pmp.get_by_label("Confidence").select_option("4")
    pmp.get_by_label("Keep", exact=True).check()
    pmp.get_by_label("Note").fill("Booked the exam for next month")

    lead = page.get_by_role("region", name=LEAD)
    lead.get_by_label("Confidence").select_option("2")
    lead.get_by_label("Adjust", exact=True).check()
    lead.get_by_text("Adjust the wording or the due date").click()
    lead.get_by_label("New wording").fill("Lead a team of at least 5 people in my company")
    lead.get_by_label("Note").fill("No opening on my team this year")
    page.get_by_label("What went well?").fill("Studied three evenings a week")
    page.get_by_label("What got in the way?").fill("A product launch")
    screenshot(page, "review-form")
    page.get_by_role("button", name="Save the review").click()

    expect(page.get_by_role("status")).to_contain_text("Review saved. Plan status: at risk.")
    # The saved review is not offered again as a form to fill in twice.
    expect(page.get_by_role("region", name="Today's review is saved")).to_be_visible()
    expect(page.get_by_role("button", name="Save the review")).to_have_count(0)
    history = page.get_by_role("region", name="Past reviews")
    expect(history).to_contain_text("Lead a team of at least 5 people in my company")
    expect(history).to_contain_text(f"{PMP}: keep, 70%, confidence 4/5 — Booked the exam")
    expect(history).to_contain_text("Got in the way: A product launch")
    screenshot(page, "review-saved")

    page.get_by_role("link", name="Dashboard").click()
    status = page.get_by_role("region", name="Status and review")
    expect(status.locator(".badge").first).to_have_text("at risk")
    attention = status.locator(".attention li")
    # 70 % done with 74 % of the time gone is on track; so is the 2-year goal's progress, which
    # it takes from the 12-month goal, but its owner doubts it (2 of 5): at risk, and the plan.
    expect(attention).to_have_count(1)
    expect(attention.first).to_contain_text("at risk")
    expect(attention.first).to_contain_text("Lead a team of at least 5 people in my company")
    expect(status).to_contain_text("Next review")
    due_next = page.get_by_role("region", name="Progress of the goals due next")
    expect(due_next.get_by_role("row").filter(has_text=PMP)).to_contain_text("70%")
    screenshot(page, "dashboard-after-review")
