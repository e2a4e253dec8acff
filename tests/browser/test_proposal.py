"""The proposed plan in a real browser: read it, tick two goals, find them in the plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

NEW_PLAN = {
    "name": "Ana",
    "current_job_title": "Product manager",
    "hours_per_week": 5,
    "vision": {
        "dream_job_title": "COO of a high-tech startup",
        "target_date": "2031-11-25",
        "dream_occupation_code": "11-1011.00",
    },
}


def test_a_person_accepts_two_proposed_goals(
    page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    created = page.request.post("/api/v1/plan", data=NEW_PLAN)
    assert created.status == 201, created.text()

    page.goto("/plan")
    page.get_by_role("link", name="See a plan proposed from what your dream job asks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Step 3 · A proposed plan")
    expect(page.locator("#about-h")).to_contain_text("Becoming Chief Executive")
    boxes = page.get_by_role("checkbox")
    first_two = [boxes.nth(0), boxes.nth(1)]
    texts = [
        page.locator(f"label[for='{box.get_attribute('id')}']").inner_text() for box in first_two
    ]
    for box in first_two:
        box.check()
    screenshot(page, "ticked")
    page.get_by_role("button", name="Add the ticked goals to my plan").click()

    expect(page.get_by_role("status").first).to_contain_text("Added 2 goal(s)")
    expect(page.get_by_text("in your plan as")).to_have_count(2)
    page.goto("/plan")
    for text in texts:
        expect(page.locator(".goal-text", has_text=text)).to_be_visible()
    screenshot(page, "in-the-plan")
