"""What the page tests read back: the step bar, the database as rows, htmx requests."""

from __future__ import annotations

import re
from typing import Any

from httpx2 import Response
from sqlalchemy import select

from careerplan.services.workspace import Workspace
from careerplan.storage.tables import metadata
from careerplan.web.security import CSRF_COOKIE
from tests.web.pages.conftest import Browser

STEPS = ("explore", "vision", "plan", "smart", "actions")
_NAV = re.compile(r'<nav class="steps".*?</nav>\s*(<a class="dash[^>]*>)', re.S)
_STEP = re.compile(
    r'<a href="/(?P<key>\w+)" (?P<current>aria-current="page")?[^>]*>.*?'
    r'<span class="visually-hidden">\((?P<state>done|to do)\)</span>',
    re.S,
)


def step_bar(html: str) -> list[str]:
    """The step bar as one word per step: its key, `+done` when marked done, `+current` when it
    is the page's step, then `dashboard+current` when the dashboard is the page."""
    found = _NAV.search(html)
    assert found is not None, "no step bar"
    marks = [
        m["key"] + ("+done" if m["state"] == "done" else "") + ("+current" if m["current"] else "")
        for m in _STEP.finditer(found.group(0))
    ]
    if 'aria-current="page"' in found.group(1):
        marks.append("dashboard+current")
    return marks


def expected_bar(done: set[str], current: str) -> list[str]:
    marks = [
        key + ("+done" if key in done else "") + ("+current" if key == current else "")
        for key in STEPS
    ]
    return marks + (["dashboard+current"] if current == "dashboard" else [])


def snapshot(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove a refused request saved nothing."""
    with workspace.engine.connect() as connection:
        return {
            name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for name, table in metadata.tables.items()
        }


def hx_post(browser: Browser, url: str, data: dict[str, str]) -> Response:
    """A request as htmx sends it: the token in a header, marked as an htmx request."""
    if CSRF_COOKIE not in browser.client.cookies:
        browser.get("/")
    headers = {"HX-Request": "true", "X-CSRF-Token": browser.client.cookies[CSRF_COOKIE]}
    response = browser.client.post(url, data=data, headers=headers, follow_redirects=False)
    assert response.status_code < 500, response.text
    return response


def field_error(name: str, message: str) -> str:
    """The inline message under a form field, as the templates write it."""
    return f'<p class="field-error" id="{name}-error" role="alert">{message}</p>'
