"""A new user goes through the five steps in a real browser and finds their plan on the dashboard:
on a desktop, starting from the 60-item interest profiler, and on a 375 px phone, starting from
the reflection and naming the dream job in their own words."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import WAIT_MS
from tests.browser.fixed_clock import TODAY

pytestmark = pytest.mark.browser

Shot = Callable[[Page, str], Path]

LIKES = ("Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like")
# Items 1-60 cycle through the six RIASEC areas; this person likes the enterprising and
# conventional activities (items 5, 6, 11, 12, ...) and is lukewarm about the rest.
ANSWERS = {n: "Strongly like" if n % 6 in (5, 0) else LIKES[n % 3] for n in range(1, 61)}

GOALS = (
    ("2 years", "Become head of operations at a 50-person startup", "experience"),
    ("12 months", "Lead the cross-team launch of our mobile app", "experience"),
    ("6 months", "Finish a course in finance for managers", "education"),
)
SMART_DRAFT = "Get better at public speaking"
ACTION = "Enrol in the finance course"
REPEATING = "Ask one operations leader for coffee"
RESOURCE = "Priya, COO at a fintech"
REFLECTION = (
    "I organised the class library and ran a lemonade stand with my brother, keeping the "
    "accounts in a notebook. I sold raffle tickets for the school fair, persuaded neighbours "
    "to buy them, and planned who did what."
)


def _fits(page: Page, width: int) -> None:
    """Nothing pushes the page sideways: no horizontal scrolling at this width."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width}px wide on a {width}px screen"


def _visit(page: Page, link: str, heading: str) -> None:
    """Follow a link of the step bar, as a person would, and wait for the step's heading."""
    page.get_by_role("navigation", name="The five steps").get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading, timeout=WAIT_MS)


def _option_value(select: Locator, text: str) -> str:
    value = select.locator("option", has_text=text).first.get_attribute("value")
    assert value, f"no option {text!r}"
    return value


def _answer_the_quiz(page: Page, shot: Shot) -> None:
    page.get_by_role("link", name="Start the interest profiler").click()
    expect(page.get_by_role("heading", name="What would you enjoy doing?")).to_be_visible()
    for number, answer in ANSWERS.items():
        page.locator(f"#q{number}").get_by_label(answer, exact=True).check()
    shot(page, "explore-quiz")
    page.get_by_role("button", name="See my matches").click()
    expect(page.get_by_role("heading", name="Occupations that fit you")).to_be_visible()


def _write_the_reflection(page: Page, shot: Shot) -> None:
    page.get_by_role("link", name="Write your reflection").click()
    page.get_by_label("Your reflection").fill(REFLECTION)
    page.get_by_label("A field that truly interests you").fill("renewable energy")
    page.get_by_role("button", name="Save my reflection").click()
    expect(page.get_by_role("status")).to_contain_text("Saved")
    expect(page.get_by_text("What your words point to")).to_be_visible()
    shot(page, "explore-reflection")
    page.get_by_role("link", name="See matches").click()
    expect(page.get_by_role("heading", name="Occupations that fit you")).to_be_visible()


def _write_the_vision(page: Page, shot: Shot, dream_job: str | None, target: date) -> None:
    """Step 2. With `dream_job` None, the job chosen on the Explore page is kept."""
    page.get_by_label("Your name").fill("Ana")
    page.get_by_label("Your job today").fill("Product manager")
    page.get_by_label("Hours a week for your career").fill("5")
    if dream_job is not None:
        page.get_by_label("Dream job", exact=False).first.fill(dream_job)
    page.get_by_label("Industry").fill("technology")
    page.get_by_label("Location").fill("Lisbon or remote")
    page.get_by_label("What success means to you").fill("Running the day-to-day of a company")
    page.get_by_label("Target date").fill(target.isoformat())
    page.get_by_label("Your commitment statement").fill(
        f"I will be running operations by {target:%B %Y}."
    )
    shot(page, "vision")
    page.get_by_role("button", name="Save my vision").click()
    expect(page.get_by_role("status")).to_contain_text("Saved")


def _add_goals(page: Page, shot: Shot) -> None:
    """Step 3: a goal for each horizon, each serving the one before."""
    form = page.get_by_role("region", name="Add a goal")
    serves = form.get_by_label("It serves")
    for number, (horizon, text, category) in enumerate(GOALS):
        if number:
            serves.select_option(_option_value(serves, GOALS[number - 1][1]))
        form.get_by_role("textbox", name="Goal", exact=True).fill(text)
        form.get_by_label("Horizon", exact=True).select_option(label=horizon)
        form.get_by_label("Category", exact=True).select_option(category)
        if horizon == "6 months":
            form.get_by_label("Due date").fill((TODAY + timedelta(150)).isoformat())
        form.get_by_role("button", name="Add goal").click()
        expect(page.get_by_role("status")).to_contain_text("Saved goal")
        expect(page.locator(".tree .goal-text", has_text=text)).to_be_visible()
    counts = "2 years: 1 goal(s) · 12 months: 1 goal(s) · 6 months: 1 goal(s)"
    expect(page.get_by_text(counts)).to_be_visible()
    # The editor opens in place, under its goal.
    first = page.locator(".tree li.goal", has_text=GOALS[0][1]).first
    first.get_by_role("link", name=re.compile("^Edit, move or close")).first.click()
    expect(first.get_by_role("button", name="Save goal")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/plan(\?|#|$)"))
    shot(page, "plan")


def _make_it_smart(page: Page, shot: Shot) -> None:
    """Step 4: feedback while typing, the proposed wording applied, saved as a goal."""
    box = page.get_by_role("textbox", name="Your goal")
    box.press_sequentially(SMART_DRAFT, delay=15)
    feedback = page.locator("#smart-feedback")
    expect(feedback.get_by_label("S.M.A.R.T. check")).to_be_visible(timeout=WAIT_MS)
    expect(feedback.locator(".criterion")).to_have_count(5)
    rewrite = feedback.locator(".rewrite")
    expect(rewrite).to_be_visible()
    proposed = rewrite.inner_text().strip()
    assert proposed
    assert proposed != SMART_DRAFT
    shot(page, "smart-feedback")
    feedback.get_by_role("button", name="Use this wording").click()
    expect(page.get_by_role("textbox", name="Your goal")).to_have_value(proposed)
    page.get_by_role("button", name="Save as a goal").click()
    expect(page.get_by_role("status")).to_contain_text("Saved goal")
    expect(page.get_by_role("cell", name=proposed, exact=True)).to_be_visible()
    shot(page, "smart-saved")


def _act(page: Page, shot: Shot) -> None:
    """Step 5: an action with a date, a repeating one marked done, a resource, a check-in."""
    course = GOALS[2][1]
    goal = page.get_by_label("For goal", exact=True)
    goal.select_option(_option_value(goal, course))
    page.get_by_label("Action", exact=True).fill(ACTION)
    page.locator("#a-due").fill((TODAY + timedelta(10)).isoformat())
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("status")).to_have_text("Action added.")

    goal.select_option(_option_value(goal, GOALS[0][1]))
    page.get_by_label("Action", exact=True).fill(REPEATING)
    page.get_by_label("How often").select_option(label="Every week on…")
    # Today's weekday, so the first time it falls due is today and can be logged at once.
    page.get_by_label(f"{TODAY:%A}", exact=True).check()
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("cell", name=REPEATING, exact=True)).to_be_visible()
    row = page.get_by_role("row").filter(has_text=REPEATING)
    row.get_by_role("button", name=re.compile("^Done")).click()
    expect(page.get_by_role("status")).to_contain_text("Well done")
    expect(row).to_contain_text("streak 1")

    page.get_by_label("Kind").select_option(index=0)
    page.get_by_label("Name", exact=True).fill(RESOURCE)
    page.get_by_label("Contact or link").fill("priya@example.org")
    helps = page.get_by_label("Helps with")
    helps.select_option(_option_value(helps, GOALS[0][1]))
    page.get_by_role("button", name="Add resource").click()
    expect(page.get_by_role("status")).to_have_text("Resource added.")
    expect(page.get_by_role("cell", name=RESOURCE, exact=True)).to_be_visible()

    checkin = page.get_by_label("Goal", exact=True)
    checkin.select_option(_option_value(checkin, course))
    page.get_by_label("Confidence").select_option(label="4")
    page.get_by_label("What happened").fill("Signed up; the first module starts on Monday.")
    page.get_by_role("button", name="Record check-in").click()
    expect(page.get_by_role("status")).to_have_text("Check-in recorded.")
    shot(page, "actions")


def _see_the_dashboard(page: Page, shot: Shot, dream_job: str, target: date) -> None:
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(dream_job)
    days = page.locator("section", has=page.get_by_role("heading", name="Days left"))
    expect(days.locator(".big")).to_have_text(str((target - TODAY).days))
    goals = page.get_by_role("region", name=re.compile(r"^Progress (of|per)"))
    for horizon, text, _category in GOALS:
        expect(goals.get_by_role("row").filter(has_text=text)).to_contain_text(horizon)
    expect(
        page.get_by_role("img", name=re.compile("Bar chart of progress by horizon"))
    ).to_be_visible()
    shot(page, "dashboard")


def _check_a_posting(page: Page, shot: Shot) -> None:
    """Step 5's job search: a posting and a résumé pasted, the fit shown."""
    page.get_by_role("link", name="check a job posting").click()
    heading = "Check a job posting against your résumé"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    page.get_by_label("The job posting").fill("Requirements\n- SQL\n- 2 years as a data analyst")
    page.get_by_label("Your résumé").fill("Skills\n- SQL\nExperience\n- Data analyst (2020 - 2021)")
    page.get_by_role("button", name="Check the fit").click()
    expect(
        page.get_by_role("heading", name="Qualified: 37/100 (not qualified yet)")
    ).to_be_visible()
    expect(page.get_by_label("missing, a must-have")).to_be_visible()
    shot(page, "job-fit")


def _journey(page: Page, shot: Shot, *, width: int, quiz: bool) -> None:
    target = TODAY + timedelta(days=730)
    page.goto("/")
    expect(page.get_by_role("heading", name="Welcome to careerplan")).to_be_visible()
    shot(page, "welcome")

    _visit(page, "Explore", "Define your dream job")
    shot(page, "explore")
    _fits(page, width)
    if quiz:
        _answer_the_quiz(page, shot)
    else:
        _write_the_reflection(page, shot)
    first = page.locator("ol.matches > li").first
    expect(first).to_be_visible()
    _fits(page, width)
    shot(page, "explore-matches")

    if quiz:  # choose the best match: it becomes the dream job of the vision
        chosen = first.get_by_role("heading", level=2).inner_text().strip()
        first.get_by_role("button", name="Choose as my dream job").click()
        expect(page.get_by_text(f"You chose {chosen}")).to_be_visible()
        dream_job = chosen
        _write_the_vision(page, shot, None, target)
    else:  # in their own words
        dream_job = "COO of a high-tech startup"
        _visit(page, "Write it down", "Write it down")
        _write_the_vision(page, shot, dream_job, target)
    _fits(page, width)
    expect(page.get_by_label("Dream job", exact=False).first).to_have_value(dream_job)

    _visit(page, "Break it down", "Break it down")
    _add_goals(page, shot)
    _fits(page, width)

    _visit(page, "S.M.A.R.T.", "S.M.A.R.T.")
    _make_it_smart(page, shot)
    _fits(page, width)

    _visit(page, "Act", "Create an action plan")
    _act(page, shot)
    _fits(page, width)

    _see_the_dashboard(page, shot, dream_job, target)
    _fits(page, width)
    _check_a_posting(page, shot)
    _fits(page, width)
    page.goto("/")
    # The step bar shows what is done: S.M.A.R.T. waits until every goal scores five.
    steps = page.get_by_role("navigation", name="The five steps")
    for label in ("Write it down", "Break it down", "Act"):
        expect(steps.get_by_role("link", name=f"{label} (done)")).to_be_visible()
    explored = "Explore (done)" if quiz else "Explore (to do)"
    expect(steps.get_by_role("link", name=explored)).to_be_visible()


def test_a_new_user_plans_their_dream_job_on_a_desktop(page: Page, screenshot: Shot) -> None:
    _journey(page, screenshot, width=1280, quiz=True)


def test_a_new_user_plans_their_dream_job_on_a_phone(phone_page: Page, screenshot: Shot) -> None:
    _journey(phone_page, screenshot, width=375, quiz=False)
