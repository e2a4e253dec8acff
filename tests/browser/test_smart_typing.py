"""Step 4 in a real browser: the S.M.A.R.T. feedback follows the typing, no button pressed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import WAIT_MS

pytestmark = pytest.mark.browser


def test_feedback_appears_while_a_goal_is_typed(
    page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    page.goto("/smart")
    feedback = page.locator("#smart-feedback")
    expect(feedback).to_contain_text("Type a goal to see how it measures up")

    checks: list[str] = []
    page.on("request", lambda r: checks.append(r.url) if r.url.endswith("/smart/check") else None)
    typed = "Get better at networking"
    page.get_by_role("textbox", name="Your goal").press_sequentially(typed, delay=20)

    letters = feedback.get_by_label("S.M.A.R.T. check")
    expect(letters).to_be_visible(timeout=WAIT_MS)
    # The case carries each verdict (small: not met, ?: not judged), not the colour alone.
    expect(letters.locator("abbr")).to_have_text(["s", "m", "?", "?", "t"])
    expect(feedback.locator(".criterion")).to_have_count(5)
    expect(feedback).to_contain_text("Time-bound")
    screenshot(page, "vague")
    # Debounced: a burst of keystrokes asks the server a few times, not once per key.
    assert 1 <= len(checks) < len(typed) // 3

    # Typing on refines the report: a deadline and a number make the goal time-bound.
    page.get_by_role("textbox", name="Your goal").press_sequentially(
        " by meeting 10 product leaders within the next 6 months", delay=10
    )
    expect(feedback.get_by_text("✓ Time-bound")).to_be_visible(timeout=WAIT_MS)
    expect(feedback.locator("dl.schedule")).not_to_contain_text("none found")
    screenshot(page, "refined")
