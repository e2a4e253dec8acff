"""Every page works at 375 px and at 1280 px: nothing pushes the page sideways, and every button
can be seen whole and pressed, on a plan with something on every page. The pages are taken from
the application's own routes, so a page added later is visited too (or this test says why not).
A screenshot of each page at each width lands in test-artifacts/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import APIRequestContext, Browser, Page, Playwright, ViewportSize

from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.explore import save_answers, save_reflection, set_current_occupation
from careerplan.services.workspace import open_workspace
from tests.browser.conftest import DESKTOP, PHONE, _open_page, serve
from tests.browser.fixed_clock import NOW, TODAY

pytestmark = pytest.mark.browser

Shot = Callable[[Page, str], Path]

DREAM = "11-1021.00"  # General and Operations Managers
CURRENT = "15-2051.00"  # Data Scientists
OTHER = "13-1082.00"  # Project Management Specialists
# Long words and addresses with no place to break: they must wrap, not widen the page.
LONG_URL = "https://www.example.org/courses/operations-management/finance-for-managers-2027"

# Each GET route outside the JSON API that answers with a page, and the addresses that show it
# with something in it ({goal}, {application} are the seeded plan's ids).
VISITS: dict[str, tuple[str, ...]] = {
    "/": ("/",),
    "/explore": ("/explore", f"/explore?chosen={DREAM}"),
    "/explore/quiz": ("/explore/quiz",),
    "/explore/reflection": ("/explore/reflection",),
    "/explore/current": ("/explore/current", "/explore/current?q=operations+manager"),
    "/explore/matches": ("/explore/matches", "/explore/matches?job_zone=4"),
    "/explore/occupations/{code}": (f"/explore/occupations/{DREAM}",),
    "/explore/compare": (
        f"/explore/compare?codes={DREAM},{CURRENT}",
        f"/explore/compare?codes={DREAM},{CURRENT},{OTHER}",
    ),
    "/explore/bridge": (f"/explore/bridge?from={CURRENT}&field=renewable+energy",),
    "/explore/path": (f"/explore/path?from={CURRENT}&to={DREAM}",),
    "/about": ("/about",),
    "/vision": ("/vision",),
    "/vision/card": ("/vision/card",),
    "/plan": ("/plan",),
    "/plan/propose": ("/plan/propose",),
    "/plan/goals/{goal_id}": ("/plan/goals/{goal}",),
    "/smart": ("/smart", "/smart?goal={goal}"),
    "/actions": ("/actions",),
    "/review": ("/review",),
    "/skills": ("/skills",),
    "/resume": ("/resume",),
    "/jobs": ("/jobs",),
    "/jobs/fit": ("/jobs/fit",),
    "/jobs/{application_id}": ("/jobs/{application}",),
    "/card": ("/card",),
    "/export": ("/export",),
    "/backup": ("/backup",),
}
# GET routes outside the JSON API that are not pages, and what they answer with instead; a
# route whose address ends in a file's extension (a chart, a PDF, a calendar) is a file.
NOT_PAGES = {
    "/healthz": "a JSON health check",
    "/livez": "plain text",
    "/docs/oauth2-redirect": "the API explorer's sign-in helper",
    "/export/{name}": "a download, named by its file's name",
}
FILE = re.compile(r"\.(svg|png|pdf|ics|csv|json|md|txt|zip)$")

# Run in the page: every way the layout can fail, as sentences. `exemptScrollers` are boxes
# that may scroll sideways on their own: a navigation strip may (the issue allows it), a table
# or a form may not, because then a row's buttons are only reachable by scrolling sideways.
LAYOUT_PROBLEMS = """
async (minFontPx) => {
  const width = window.innerWidth, height = window.innerHeight;
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > width) {
    // The culprits: the innermost boxes that reach past the edge, or whose text does.
    const past = e => e.getClientRects().length && (e.getBoundingClientRect().right > width + 1 ||
      (getComputedStyle(e).overflowX === 'visible' && e.scrollWidth > e.clientWidth + 1));
    const wide = [...document.querySelectorAll('body *')]
      .filter(e => past(e) && ![...e.children].some(past)).slice(0, 3).map(name);
    problems.push(`the page is ${doc.scrollWidth}px wide, wider than the screen (${width}px), ` +
                  `pushed by ${wide.join(', ')}`);
  }
  function name(e) {
    const text = (e.getAttribute('aria-label') || e.value || e.textContent || '')
      .replace(/\\s+/g, ' ').trim().slice(0, 40);
    const cls = e.classList.length ? '.' + [...e.classList].join('.') : '';
    return `<${e.tagName.toLowerCase()}${cls}> "${text}"`;
  }
  function scrollsSideways(style) {
    return ['auto', 'scroll'].includes(style.overflowX);
  }
  function clips(style) {
    return ['hidden', 'clip'].includes(style.overflowX);
  }
  // A navigation strip scrolling in its own box: its links may sit beyond the screen's edge.
  function inNavStrip(e) {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (scrollsSideways(getComputedStyle(a)) && a.closest('nav')) return true;
    }
    return false;
  }
  const controls = document.querySelectorAll(
    'button, input[type=submit], input[type=button], input[type=reset], a.button, ' +
    '[role=button], nav a');
  for (const control of controls) {
    const style = getComputedStyle(control);
    if (!control.getClientRects().length || style.visibility === 'hidden') continue;
    // Inside a closed <details>: laid out, but not shown (nor pressed) until it is opened.
    if (!control.checkVisibility()) continue;
    if (control.closest('.visually-hidden, [hidden], [aria-hidden=true]')) continue;
    const label = name(control);
    const rect = control.getBoundingClientRect();
    const strip = inNavStrip(control);
    if (!strip && (rect.left < -0.5 || rect.right > width + 0.5)) {
      problems.push(`${label} is off the screen (${Math.round(rect.left)}px to ` +
                    `${Math.round(rect.right)}px of ${width}px)`);
      continue;
    }
    if (control.scrollWidth > control.clientWidth + 1) {
      problems.push(`${label} is cut: its text needs ${control.scrollWidth}px, ` +
                    `it has ${control.clientWidth}px`);
    }
    let cut = false;
    for (let a = control.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (!clips(s) && !scrollsSideways(s)) continue;
      if (strip && scrollsSideways(s)) continue;
      const box = a.getBoundingClientRect();
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) {
        const how = clips(s) ? 'cut by' : 'only reachable by scrolling sideways in';
        problems.push(`${label} is ${how} ${name(a).slice(0, 60)}`);
        cut = true;
        break;
      }
    }
    if (cut) continue;
    // Bring it to the middle of the screen by scrolling the page down, never sideways.
    window.scrollTo(0, window.scrollY + rect.top + rect.height / 2 - height / 2);
    const now = control.getBoundingClientRect();
    const x = Math.min(Math.max(now.left + now.width / 2, 0), width - 1);
    const y = Math.min(Math.max(now.top + now.height / 2, 0), height - 1);
    const hit = document.elementFromPoint(x, y);
    if (!strip && hit && hit !== control && !control.contains(hit)) {
      problems.push(`${label} is covered by ${name(hit).slice(0, 60)}`);
    }
  }
  window.scrollTo(0, 0);
  // Content only reachable by scrolling a box sideways, such as a table wider than its wrapper.
  // A navigation strip and a block of code may scroll in their own box.
  for (const box of document.querySelectorAll('main *')) {
    if (box.matches('pre, textarea, select, input') || box.closest('nav, pre')) continue;
    if (!scrollsSideways(getComputedStyle(box)) || !box.getClientRects().length) continue;
    if (box.scrollWidth > box.clientWidth + 1) {
      problems.push(`${name(box).slice(0, 60)} scrolls sideways: ` +
                    `${box.scrollWidth - box.clientWidth}px of it is out of sight`);
    }
  }
  // A chart is an SVG image drawn for a fixed width: its smallest text, as shown, must be legible.
  for (const img of document.querySelectorAll('img.chart')) {
    // Read as text: parsed into a document, its <style> would break the page's security policy.
    const svg = await (await fetch(img.src)).text();
    const view = (svg.match(/viewBox="([^"]*)"/) || ['', ''])[1].split(/[ ,]+/).map(Number);
    const sizes = [...svg.matchAll(/font-size:\\s*([\\d.]+)px/g)].map(m => +m[1]);
    if (view.length !== 4 || !sizes.length) {
      problems.push(`the chart ${img.src} has no viewBox or no font sizes`);
      continue;
    }
    const shown = Math.min(...sizes) * img.getBoundingClientRect().width / view[2];
    if (shown < minFontPx) {
      problems.push(`the chart ${img.getAttribute('src')} shows ${shown.toFixed(1)}px text ` +
                    `(at least ${minFontPx}px is legible)`);
    }
  }
  return problems;
}
"""
MIN_CHART_FONT_PX = 11


@dataclass(frozen=True)
class Plan:
    """The seeded plan's ids, to fill the pages' addresses."""

    goal: int
    application: int


def _get_paths(routes: Sequence[Any], prefix: str = "") -> Iterator[str]:
    """The address of every GET route, inside included routers too."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:  # an included router, kept whole by newer FastAPI releases
            yield from _get_paths(included.routes, prefix + route.include_context.prefix)
        elif "GET" in (getattr(route, "methods", None) or ()):
            yield prefix + route.path


def _get_routes_outside_the_api(folder: Path) -> set[str]:
    from careerplan.web.app import create_app

    app = create_app(Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'routes.db'}"))
    app.state.workspace.close()  # only the routes are wanted
    paths = set(_get_paths(app.routes))
    return {path for path in paths if not path.startswith("/api/") and not FILE.search(path)}


def test_every_page_of_the_app_is_visited_or_said_not_to_be_a_page(tmp_path: Path) -> None:
    from tests.browser.test_accounts_layout import ACCOUNT_VISITS

    routes = _get_routes_outside_the_api(tmp_path) - ACCOUNT_VISITS.keys()
    unvisited = routes - VISITS.keys() - NOT_PAGES.keys()
    assert not unvisited, f"add these routes to VISITS (or NOT_PAGES): {sorted(unvisited)}"
    assert VISITS.keys() | NOT_PAGES.keys() <= routes, "VISITS or NOT_PAGES name a lost route"
    assert not VISITS.keys() & NOT_PAGES.keys()


def _created(response: Any) -> dict[str, Any]:
    assert response.status in (200, 201), f"{response.url}: {response.status} {response.text()}"
    body: dict[str, Any] = response.json()
    return body


def _seed_through_the_api(api: APIRequestContext) -> Plan:
    """Ana's plan: a vision, goals at each horizon with measures, dated and repeating actions,
    people and courses, check-ins, a review, skills, a résumé and an application."""
    plan = _created(api.post("/api/v1/plan", data={
        "name": "Ana Lima-Fernandes",
        "current_job_title": "Senior data scientist",
        "hours_per_week": 5,
        "vision": {
            "dream_job_title": "Head of operations at a 50-person renewable-energy startup",
            "dream_occupation_code": DREAM,
            "target_date": (TODAY + timedelta(days=730)).isoformat(),
            "industry": "renewable energy",
            "location": "Lisbon or remote",
            "success_definition": "Running the day-to-day of a company I believe in",
            "commitment": "I will be running operations by November 2028, whatever it takes.",
        },
    }))  # fmt: skip
    root = plan["dream_goal"]["id"]
    goals = {}
    parent = root
    for horizon, text, due, measure in (
        ("2y", "Become head of operations at a 50-person startup in renewable energy",
         730, {"metric": "people managed", "target": 5, "unit": "people"}),
        ("12m", "Lead the cross-team launch of our mobile app with three squads",
         365, {"metric": "squads shipped", "target": 3}),
        ("6m", "Finish a course in finance for managers with a grade of at least 80 %",
         150, {"metric": "modules", "target": 12, "unit": "modules"}),
    ):  # fmt: skip
        goal = _created(api.post("/api/v1/goals", data={
            "text": text, "parent_id": parent, "horizon": horizon, "category": "experience",
            "due": (TODAY + timedelta(days=due)).isoformat(), "measure": measure,
        }))  # fmt: skip
        goals[horizon] = goal["id"]
        parent = goal["id"]
    loose = _created(api.post("/api/v1/goals", data={
        "text": "Get better at public speaking", "parent_id": goals["2y"], "horizon": "6m",
    }))  # fmt: skip
    dated = _created(api.post("/api/v1/actions", data={
        "goal_id": goals["6m"], "text": "Enrol in the finance course at the business school",
        "due": (TODAY + timedelta(days=10)).isoformat(),
    }))  # fmt: skip
    _created(api.post("/api/v1/actions", data={
        "goal_id": goals["6m"], "text": "Send the course fees form", "due": TODAY.isoformat(),
    }))  # fmt: skip
    weekly = _created(api.post("/api/v1/actions", data={
        "goal_id": goals["2y"], "text": "Ask one operations leader for coffee",
        "repeat": "FREQ=WEEKLY;BYDAY=MO",
    }))  # fmt: skip
    _created(api.post(f"/api/v1/actions/{weekly['id']}/completions", data={"note": "Met Priya"}))
    _created(api.post("/api/v1/resources", data={
        "kind": "person", "name": "Priya Raman, COO at a fintech", "contact": "priya@example.org",
        "notes": "Offered to review my plan", "goal_ids": [goals["2y"]],
    }))  # fmt: skip
    _created(api.post("/api/v1/resources", data={
        "kind": "course", "name": "Finance for managers", "contact": LONG_URL,
        "goal_ids": [goals["6m"]], "action_ids": [dated["id"]],
    }))  # fmt: skip
    for days_ago, value in ((60, 2), (30, 5), (7, 8)):
        _created(api.post("/api/v1/checkins", data={
            "goal_id": goals["6m"], "on": (TODAY - timedelta(days=days_ago)).isoformat(),
            "value": value, "confidence": 4, "note": f"{value} modules done",
        }))  # fmt: skip
    _created(api.post("/api/v1/reviews", data={
        "entries": [
            {"goal_id": goals["6m"], "progress": 60, "confidence": 4, "decision": "keep",
             "note": "On track"},
            {"goal_id": loose["id"], "progress": 10, "confidence": 2, "decision": "keep"},
        ],
        "went_well": "Studied three evenings a week",
        "got_in_the_way": "A product launch",
        "held_on": (TODAY - timedelta(days=8)).isoformat(),
    }))  # fmt: skip
    for label, level in (("SQL", 5), ("Project management", 3), ("Budgeting", None)):
        _created(api.post("/api/v1/skills", data={"label": label, "level": level}))
    _created(api.post("/api/v1/resumes", data={"name": "Ana's résumé", "text": RESUME}))
    job = _created(api.post("/api/v1/applications", data={
        "posting": POSTING, "organisation": "Globex Renewable Energy Holdings",
        "notes": f"Found on {LONG_URL}",
    }))  # fmt: skip
    return Plan(goal=goals["6m"], application=job["id"])


RESUME = """Ana Lima-Fernandes
Experience
Senior data scientist, Acme Analytics (2019-2026)
- Wrote SQL reports on churn for the board
- Led a team of 3 analysts through a data-platform migration
Education
MSc Statistics, University of Lisbon (2018)
Skills
SQL, Python, Project management, Stakeholder management
"""
POSTING = """Head of Operations
Requirements
- 5 years in operations or a related analytical role
- SQL
- Project management
- Budgeting and financial planning
Nice to have
- Experience in renewable energy
"""


def _seed_the_exploration(folder: Path) -> None:
    """The interest profiler, the reflection and the current job, straight into the database
    the server reads: the pages that save them are tested elsewhere."""
    data = folder / "data"
    settings = Settings(data_dir=data, database_url=f"sqlite:///{data / 'careerplan.sqlite3'}")
    workspace = open_workspace(settings)
    clock = FixedClock(NOW)
    try:
        with workspace.unit() as uow:
            save_answers(uow, clock, [5 if n % 6 in (5, 0) else 1 + n % 3 for n in range(1, 61)])
            save_reflection(uow, clock, REFLECTION, interest_field="renewable energy")
            set_current_occupation(uow, CURRENT)
    finally:
        workspace.close()


REFLECTION = (
    "I organised the class library and ran a lemonade stand with my brother, keeping the "
    "accounts in a notebook. I sold raffle tickets for the school fair and planned who did what."
)


@dataclass(frozen=True)
class Server:
    url: str
    plan: Plan


@pytest.fixture(scope="module")
def seeded(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the module, with a plan that puts something on every page."""
    folder = tmp_path_factory.mktemp("layout")
    for url in serve(folder):
        api = playwright.request.new_context(base_url=url)
        try:
            plan = _seed_through_the_api(api)
        finally:
            api.dispose()
        _seed_the_exploration(folder)
        yield Server(url, plan)


def _addresses(plan: Plan) -> list[str]:
    ids = {"goal": plan.goal, "application": plan.application}
    return [address.format(**ids) for addresses in VISITS.values() for address in addresses]


def _slug(address: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", address).strip("-") or "dashboard"


def _problems_on(page: Page, address: str, shot: Shot) -> list[str]:
    response = page.goto(address)
    assert response is not None
    if response.status >= 400:
        return [f"answered {response.status}"]
    # Every folded section open: what it holds must fit too.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.wait_for_load_state("networkidle")
    problems: list[str] = page.evaluate(LAYOUT_PROBLEMS, MIN_CHART_FONT_PX)
    shot(page, _slug(address))
    return problems


def _check_every_page(browser: Browser, seeded: Server, viewport: ViewportSize, shot: Shot) -> None:
    report: list[str] = []
    with _open_page(browser, seeded.url, viewport) as page:
        for address in _addresses(seeded.plan):
            report += [f"{address}: {problem}" for problem in _problems_on(page, address, shot)]
        # A page with results that only a form shows: the fit of a posting to a résumé.
        page.goto("/jobs/fit")
        page.get_by_label("The job posting").fill(POSTING)
        page.get_by_label("Your résumé").fill(RESUME)
        page.get_by_role("button", name="Check the fit").click()
        page.wait_for_load_state("networkidle")
        problems = page.evaluate(LAYOUT_PROBLEMS, MIN_CHART_FONT_PX)
        shot(page, "jobs-fit-result")
        report += [f"/jobs/fit (checked): {problem}" for problem in problems]
    width = viewport["width"]
    assert not report, f"{len(report)} layout problem(s) at {width}px:\n" + "\n".join(report)


def test_every_page_fits_a_phone_and_every_button_can_be_pressed(
    browser: Browser, seeded: Server, screenshot: Shot
) -> None:
    _check_every_page(browser, seeded, PHONE, screenshot)


def test_every_page_fits_a_desktop_and_every_button_can_be_pressed(
    browser: Browser, seeded: Server, screenshot: Shot
) -> None:
    _check_every_page(browser, seeded, DESKTOP, screenshot)
