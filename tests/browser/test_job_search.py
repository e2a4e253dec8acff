"""The job search in a real browser: a person imports a résumé from a file, confirms a skill it
shows, pastes a posting, reads its scores and moves it to applied."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

NEW_PLAN = {
    "name": "Ana",
    "current_job_title": "Product manager",
    "hours_per_week": 5,
    "vision": {"dream_job_title": "COO of a startup", "dream_occupation_code": "11-1011.00"},
}
RESUME = b"""Ana Lima
Experience
Product manager, Acme (2019-2026)
- Wrote SQL reports on churn
Skills
Project management
"""
POSTING = """Operations Manager
Requirements
- SQL
- Project management
Nice to have
- Tableau
"""


def test_a_person_imports_a_resume_confirms_a_skill_and_applies(
    page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    created = page.request.post("/api/v1/plan", data=NEW_PLAN)
    assert created.status == 201, created.text()

    page.goto("/jobs")
    page.get_by_role("contentinfo").get_by_role("link", name="résumé").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your résumé")
    page.get_by_label("A file").set_input_files(
        {"name": "ana.md", "mimeType": "text/markdown", "buffer": RESUME}
    )
    page.get_by_role("button", name="Import the résumé").click()
    expect(page.get_by_role("status")).to_contain_text("Résumé imported.")
    expect(page.get_by_text("“Wrote SQL reports on churn”")).to_be_visible()
    expect(page.get_by_role("heading", name="The real gaps")).to_be_visible()
    screenshot(page, "resume")

    page.get_by_role("link", name="confirm them on your skills page").click()
    page.get_by_role("button", name=re.compile(r"^Confirm\W+SQL$")).click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.locator("tr", has_text="SQL")).to_contain_text("confirmed")

    page.get_by_role("link", name="Applications").first.click()
    page.get_by_role("textbox", name="The posting", exact=False).first.fill(POSTING)
    page.get_by_label("Organisation", exact=True).fill("Globex")
    page.get_by_role("button", name="Save and score it").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Operations Manager")
    expect(page.locator("#scores-h")).to_contain_text("Qualified:")
    expect(page.get_by_text("Toward your dream job:")).to_be_visible()
    expect(page.get_by_text("a real gap")).to_be_visible()
    screenshot(page, "scored")

    page.get_by_label("Stage").select_option("applied")
    page.get_by_role("button", name="Move it").click()
    expect(page.get_by_role("status")).to_have_text("Moved to applied.")
    expect(page.locator("#history")).to_contain_text("25 Nov 2026: applied")
    page.get_by_role("link", name="Applications").first.click()
    expect(page.locator("tr", has_text="Globex")).to_contain_text("applied")
