"""The pages with a keyboard only: the skip link, the step bar with a visible focus, and forms
filled and sent without a mouse."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import serve
from tests.browser.fixed_clock import TODAY

pytestmark = pytest.mark.browser

Shot = Callable[[Page, str], Path]
STEPS = ("Explore", "Write it down", "Break it down", "Make it S.M.A.R.T.", "Act")
MAX_TABS = 60  # every page here is reached within this many presses of Tab


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server for these tests: they read the same pages, and only the last two write."""
    yield from serve(tmp_path_factory.mktemp("keyboard"))


def _focus_ring(page: Page) -> str:
    """The focused element's outline, e.g. '3px solid rgb(255, 191, 71)'; 'none' when unseen."""
    return str(
        page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return s.outlineStyle === 'none' ? 'none' :"
            " `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`; }"
        )
    )


def _textbox(page: Page, label: str) -> Locator:
    """The text field whose label starts with `label` (the rest is a hint)."""
    return page.get_by_role("textbox", name=re.compile(f"^{re.escape(label)}"))


def _tab_to(page: Page, target: Locator) -> None:
    """Press Tab until `target` has the focus; fail if it never does (unreachable or trapped)."""
    for _ in range(MAX_TABS):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{target} was not reached in {MAX_TABS} presses of Tab")


def test_the_skip_link_comes_first_and_moves_to_the_content(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert _focus_ring(page) != "none"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    expect(page.locator("main")).to_be_focused()
    # The next Tab goes on from the content, not back to the header.
    page.keyboard.press("Tab")
    expect(page.get_by_role("main").get_by_role("link").first).to_be_focused()


def test_tab_walks_the_step_bar_in_order_with_a_visible_focus(page: Page, screenshot: Shot) -> None:
    page.goto("/")
    bar = page.get_by_role("navigation", name="The five steps")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand, home
    expect(page.get_by_role("link", name="careerplan", exact=True)).to_be_focused()
    for label in STEPS:
        page.keyboard.press("Tab")
        expect(bar.get_by_role("link", name=re.compile(f"^{re.escape(label)} "))).to_be_focused()
        assert _focus_ring(page) != "none", f"no visible focus on {label}"
        if label == "Break it down":
            screenshot(page, "step-bar-focus")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Dashboard")).to_be_focused()

    # Enter follows the focused step.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/smart$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("S.M.A.R.T.")
    current = bar.get_by_role("link", name=re.compile("^Make it S.M.A.R.T."))
    expect(current).to_have_attribute("aria-current", "page")


def test_the_vision_form_is_filled_and_saved_with_the_keyboard(
    page: Page, screenshot: Shot
) -> None:
    target = TODAY + timedelta(days=500)
    page.goto("/")
    _tab_to(page, page.get_by_role("link", name=re.compile("^Write it down")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Write it down")

    typed = {
        "Your name": "Ana",
        "Your job today": "Product manager",
        "Dream job": "COO of a high-tech startup",
        "What success means to you": "Running the day-to-day of a growing company",
        "Your commitment statement": "I will be COO by the target date.",
    }
    for label, text in typed.items():
        _tab_to(page, _textbox(page, label))
        assert _focus_ring(page) != "none", f"no visible focus on {label}"
        page.keyboard.type(text)
    hours = page.get_by_label("Hours a week for your career")
    _tab_to(page, hours)
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    # A date field takes its parts typed in order (month, day, year in an en-US browser).
    _tab_to(page, page.get_by_label("Target date"))
    page.keyboard.type(f"{target:%m%d%Y}")
    expect(page.get_by_label("Target date")).to_have_value(target.isoformat())

    _tab_to(page, page.get_by_role("button", name="Save my vision"))
    screenshot(page, "vision-filled")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Saved")
    for label, text in typed.items():
        expect(_textbox(page, label)).to_have_value(text)
    expect(hours).to_have_value("5")
    expect(page.get_by_label("Target date")).to_have_value(target.isoformat())
    screenshot(page, "vision-saved")


def test_a_goal_is_added_and_checked_with_the_keyboard(page: Page) -> None:
    page.goto("/vision")
    page.get_by_label("Your name").fill("Ana")
    _textbox(page, "Dream job").fill("COO of a high-tech startup")
    page.get_by_role("button", name="Save my vision").click()
    expect(page.get_by_role("status")).to_contain_text("Saved")

    page.goto("/plan")
    form = page.get_by_role("region", name="Add a goal")
    _tab_to(page, form.get_by_role("textbox", name="Goal", exact=True))
    page.keyboard.type("Lead the cross-team launch of our mobile app")
    _tab_to(page, form.get_by_label("Horizon", exact=True))
    page.keyboard.type("12")  # a closed select takes the option whose label starts so
    expect(form.get_by_label("Horizon", exact=True)).to_have_value("12m")
    _tab_to(page, form.get_by_role("button", name="Add goal"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Saved goal")
    expect(page.locator(".tree .goal-text", has_text="cross-team launch")).to_be_visible()

    # On the S.M.A.R.T. page the live-checked box lets Tab move on: no focus trap.
    _tab_to(page, page.get_by_role("link", name=re.compile("^Make it S.M.A.R.T.")))
    page.keyboard.press("Enter")
    box = page.get_by_role("textbox", name="Your goal")
    _tab_to(page, box)
    page.keyboard.type("Present the launch plan to the board by the end of March")
    expect(page.locator("#smart-feedback").get_by_label("S.M.A.R.T. check")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Check", exact=True)).to_be_focused()
