"""The review page: a measured goal's card offers a "New target" beside the new wording and due
date; a wrong target is marked, keeps what was typed and saves nothing."""

from __future__ import annotations

from html import unescape

import pytest

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from tests.services.courses_goal import add_courses_goal
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import field_error, snapshot

FORTY = "Complete 40 hours of project management courses by June 2027"


@pytest.fixture
def courses(story: Workspace, clock: FixedClock) -> Workspace:
    add_courses_goal(story, clock)
    return story


def _form(**changes: str) -> dict[str, str]:
    """The review form as the page opens with the courses goal (4), with `changes` typed in."""
    form = {"went_well": "", "got_in_the_way": ""}
    for goal_id, version in ((2, "1"), (3, "1"), (4, "2")):
        form |= {f"g{goal_id}_version": version, f"g{goal_id}_progress": "0",
                 f"g{goal_id}_confidence": "3", f"g{goal_id}_decision": "keep"}  # fmt: skip
    return form | changes


def test_only_a_measured_goal_offers_a_new_target(browser: Browser, courses: Workspace) -> None:
    html = browser.get("/review").text
    assert '<label for="g4_target">New target<span class="hint">now 50 hours</span></label>' in html
    assert 'name="g4_target" value="" min="0" step="any"' in html
    assert "<summary>Adjust the wording, the due date or the target</summary>" in html
    assert "<summary>Adjust the wording or the due date</summary>" in html  # goals 2 and 3
    assert 'name="g3_target"' not in html


def test_adjust_saves_the_new_wording_and_target_together(
    browser: Browser, courses: Workspace
) -> None:
    form = _form(g4_decision="adjust", g4_text=FORTY, g4_target="40", g4_progress="30")
    response = browser.post("/review", form)
    assert (response.status_code, response.headers["location"]) == (
        303,
        "/review?saved=review&checked=4",
    )
    with courses.unit() as uow:
        goal = uow.goals.get(4)
    assert goal.measure is not None
    assert (goal.text, goal.version, goal.measure.target, goal.measure.current) == (
        FORTY,
        3,
        40,
        12,
    )
    # The form of another review the same day shows the new target.
    html = browser.get("/review", again="1").text
    assert "now 40 hours" in html
    assert '<span class="hint">target 40 hours</span>' in html


OUT_OF_RANGE = "The new target is a number from 0 to 1,000,000,000,000; got"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"g4_target": "forty"}, "g4_target", "&#39;forty&#39; is not a number."),
        ({"g4_target": "-1"}, "g4_target", f"{OUT_OF_RANGE} -1."),
        ({"g4_target": "nan"}, "g4_target", f"{OUT_OF_RANGE} nan."),
        ({"g4_target": "1" * 400}, "g4_target", f"{OUT_OF_RANGE} inf."),
        (
            {"g4_decision": "keep"},
            "g4_decision",
            "New wording, a new due date or a new target goes with Adjust.",
        ),
    ],
)
def test_a_wrong_target_is_marked_what_was_typed_is_kept_and_nothing_saved(
    browser: Browser, courses: Workspace, changes: dict[str, str], field: str, message: str
) -> None:
    before = snapshot(courses)
    form = _form(g4_decision="adjust", g4_text=FORTY, g4_target="40", g4_note="Fewer") | changes
    response = browser.post("/review", form)
    assert response.status_code == 422
    html = response.text
    assert field_error(field, message) in html
    assert f'name="g4_text" value="{FORTY}"' in html
    assert f'name="g4_target" value="{form["g4_target"]}"' in html
    assert ">Fewer</textarea>" in html
    assert snapshot(courses) == before


def test_a_target_sent_for_a_goal_without_a_measure_is_refused(
    browser: Browser, courses: Workspace
) -> None:
    before = snapshot(courses)
    response = browser.post("/review", _form(g3_decision="adjust", g3_target="40"))
    assert response.status_code == 422
    assert "Goal 3 has no measure, so there is no target to change" in unescape(response.text)
    assert snapshot(courses) == before
