"""A goal's measure set on the pages: the add form and the goal's editor take what is counted,
the unit, the starting value and the target; check-ins then move it. Empty fields add no measure
and leave one as it is; a half-given measure is refused beside its field, nothing saved."""

from __future__ import annotations

from html import unescape

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot

EDIT = {"text": "Complete my PMP certification", "horizon": "12m", "category": "education"}


def test_a_goal_is_added_with_its_measure(browser: Browser, story: Workspace) -> None:
    form = {
        "text": "Hold informational interviews with operations leaders",
        "parent_id": "2",
        "category": "network",
        "metric": "interviews held",
        "unit": "interviews",
        "baseline": "1",
        "target": "10",
    }
    assert browser.post("/plan/goals", form).status_code == 303
    with story.unit() as uow:
        (goal,) = [g for g in uow.goals.all() if g.text == form["text"]]
    assert goal.measure is not None
    measure = goal.measure
    assert (measure.metric, measure.unit, measure.baseline, measure.target) == (
        "interviews held",
        "interviews",
        1.0,
        10.0,
    )
    assert goal.smart_report is not None
    assert goal.smart_report["criteria"]["measurable"]["ok"] is True


def test_the_editor_shows_the_measure_and_a_changed_target_keeps_the_value_reached(
    browser: Browser, story: Workspace
) -> None:
    first = {**EDIT, "metric": "modules passed", "target": "8", "version": "1"}
    assert browser.post("/plan/goals/3/edit", first).status_code == 303
    browser.post("/checkins", {"goal_id": "3", "value": "3", "confidence": "4", "note": ""})
    page = unescape(browser.get("/plan/goals/3").text)
    assert 'name="metric" value="modules passed"' in page
    assert 'name="target" value="8"' in page
    with story.unit() as uow:
        version = uow.goals.get(3).version
    second = {**EDIT, "metric": "modules passed", "target": "10", "version": str(version)}
    assert browser.post("/plan/goals/3/edit", second).status_code == 303
    with story.unit() as uow:
        measure = uow.goals.get(3).measure
    assert measure is not None
    assert (measure.target, measure.current) == (10.0, 3.0)


def test_empty_measure_fields_leave_the_measure_as_it_is(
    browser: Browser, story: Workspace
) -> None:
    browser.post("/plan/goals/3/edit", {**EDIT, "metric": "modules", "target": "8", "version": "1"})
    with story.unit() as uow:
        version = uow.goals.get(3).version
    blank = {**EDIT, "metric": "", "target": "", "unit": "", "baseline": ""}
    assert browser.post("/plan/goals/3/edit", {**blank, "version": str(version)}).status_code == 303
    with story.unit() as uow:
        measure = uow.goals.get(3).measure
    assert measure is not None
    assert (measure.metric, measure.target) == ("modules", 8.0)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"metric": "hours"}, "target", "Give the target: the number that says the goal is"),
        ({"baseline": "3"}, "target", "Give the target: the number that says the goal is"),
        ({"target": "lots"}, "target", "'lots' is not a number."),
        ({"target": "1e99"}, "target", "Use a number of at most 1e+12."),
        (
            {"target": "5", "unit": "u" * 51},
            "unit",
            "The unit is 51 characters long; the limit is 50.",
        ),
    ],
)
def test_a_half_given_measure_is_refused_beside_its_field_and_nothing_saved(
    browser: Browser, story: Workspace, fields: dict[str, str], field: str, message: str
) -> None:
    before = snapshot(story)
    response = browser.post("/plan/goals/3/edit", {**EDIT, **fields, "version": "1"})
    assert response.status_code == 422
    html = unescape(response.text)
    assert f'id="g3-{field}-error"' in html
    assert message in html.split(f'id="g3-{field}-error"')[1][:200]
    for name, value in fields.items():
        assert f'name="{name}" value="{value}"' in html
    assert snapshot(story) == before
