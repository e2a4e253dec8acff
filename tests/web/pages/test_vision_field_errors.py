"""Each refusal on the vision form names the field it stands beside, in the page's own words."""

from __future__ import annotations

from html import unescape

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import field_error, snapshot
from tests.web.pages.test_vision_page import ANA


@pytest.mark.parametrize("plan", ["workspace", "story"])
def test_an_empty_name_asks_for_the_persons_name(
    browser: Browser, request: pytest.FixtureRequest, plan: str
) -> None:
    workspace: Workspace = request.getfixturevalue(plan)
    form = {**ANA, "name": "   "}
    if plan == "story":
        form["version"] = "1"
    before = snapshot(workspace)
    response = browser.post("/vision", form)
    assert response.status_code == 422
    html = unescape(response.text)
    assert field_error("name", "Give your name, so the plan is addressed to you.") in html
    assert "Write what you want to achieve" not in html
    assert snapshot(workspace) == before


@pytest.mark.parametrize(
    ("field", "limit", "named"),
    [
        ("target_roles", 200, "list of roles you would take"),
        ("organisation_type", 200, "organisation type"),
        ("pay_range", 200, "pay range"),
        ("daily_work", 10_000, "answer to “What are you doing day to day?”"),
        ("feelings", 10_000, "answer to “How do you feel?”"),
        ("success_definition", 10_000, "definition of success"),
    ],
)
def test_a_field_too_long_is_named_as_the_page_asks_it(
    browser: Browser, workspace: Workspace, field: str, limit: int, named: str
) -> None:
    response = browser.post("/vision", {**ANA, field: "x" * (limit + 1)})
    assert response.status_code == 422
    message = f"The {named} is {limit + 1:,} characters long; the limit is {limit:,}."
    assert field_error(field, message) in unescape(response.text)
