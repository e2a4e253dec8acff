"""Step 5: actions with dates and repeats, resources linked to goals, and check-ins."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest

from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import expected_bar, field_error, snapshot, step_bar

KEEP_ALL = "Please correct the fields marked below; everything you typed is kept."


def test_a_fresh_actions_page_asks_for_goals_first(browser: Browser) -> None:
    response = browser.get("/actions")
    assert response.status_code == 200
    html = response.text
    assert (
        '<p class="empty">Add goals on the <a href="/plan">plan page</a> first; '
        "actions belong to a goal.</p>" in html
    )
    assert '<p class="empty">No resources yet: think of people you know' in html
    assert '<p class="empty">No goals to check in on yet.</p>' in html
    assert "Add an action" not in html
    assert step_bar(html) == expected_bar(set(), "actions")


def test_the_actions_page_groups_actions_under_their_goal(
    browser: Browser, story: Workspace
) -> None:
    html = browser.get("/actions").text
    assert "<h3>Complete my PMP certification within the next 12 months</h3>" in html
    assert '<td data-label="Action">Attend one industry networking event</td>' in html
    assert '<td data-label="Status">due · streak 0 · 0×</td>' in html
    assert step_bar(html) == expected_bar({"vision", "plan", "smart", "actions"}, "actions")


@pytest.mark.parametrize(
    ("form", "when", "state", "due", "repeat"),
    [
        (
            {"due": "2026-12-15"},
            '<td data-label="When">15 Dec 2026</td>',
            '<td data-label="Status">open</td>',
            date(2026, 12, 15),
            None,
        ),
        (
            {"due": "2026-11-20"},
            '<td data-label="When">20 Nov 2026 <strong class="overdue">overdue</strong></td>',
            '<td data-label="Status">open</td>',
            date(2026, 11, 20),
            None,
        ),
        (
            {"repeat_choice": "weekly", "repeat_we": "1"},
            '<td data-label="When">repeats every week on Wednesday<br>'
            '<span class="muted">next 2 Dec 2026</span></td>',
            '<td data-label="Status">due · streak 0 · 0×</td>',
            None,
            "FREQ=WEEKLY;BYDAY=WE",
        ),
    ],
    ids=["one-off", "one-off-overdue", "repeating"],
)
def test_adding_an_action_shows_it_with_its_date_or_repeat(
    browser: Browser,
    story: Workspace,
    form: dict[str, str],
    when: str,
    state: str,
    due: date | None,
    repeat: str | None,
) -> None:
    response = browser.post("/actions", {"goal_id": "3", "text": "Study the PMBOK guide", **form})
    assert response.status_code == 303
    assert response.headers["location"] == "/actions?saved=action"
    with story.unit() as uow:
        action = uow.actions.get(2)
    assert (action.goal_id, action.text, action.due, action.repeat) == (
        3,
        "Study the PMBOK guide",
        due,
        repeat,
    )
    html = browser.get("/actions", saved="action").text
    assert '<p class="notice ok" role="status">Action added.</p>' in html
    row = html[html.index('<td data-label="Action">Study the PMBOK guide</td>') :]
    assert row.split("</td>", 1)[1].strip().startswith(when)
    assert state in row


@pytest.mark.parametrize(
    ("form", "field", "message", "kept"),
    [
        (
            {"goal_id": "3", "text": "Study", "repeat": "FREQ=SOMETIMES"},
            "repeat",
            "'FREQ=SOMETIMES' is not a valid RFC 5545 repeat rule: invalid 'FREQ': SOMETIMES."
            " Words work too, such as 'every other Friday'.",
            'name="repeat" value="FREQ=SOMETIMES"',
        ),
        (
            {"goal_id": "3", "text": "  ", "due": "2026-12-01"},
            "text",
            "The action text is empty.",
            'name="due" value="2026-12-01"',
        ),
        (
            {"goal_id": "3", "text": "Book the exam", "due": "2027-02-30"},
            "due",
            "'2027-02-30' is not a date: February 2027 has 28 days.",
            'name="text" value="Book the exam"',
        ),
        (
            {"text": "Book the exam"},
            "goal_id",
            "Choose the goal this action serves.",
            'name="text" value="Book the exam"',
        ),
    ],
    ids=["bad-rrule", "empty-text", "impossible-date", "no-goal"],
)
def test_a_wrong_action_is_refused_inline_keeping_what_was_typed(
    browser: Browser, story: Workspace, form: dict[str, str], field: str, message: str, kept: str
) -> None:
    before = snapshot(story)
    response = browser.post("/actions", form)
    assert response.status_code == 422
    html = unescape(response.text)
    assert f'<p class="notice bad" role="alert">{KEEP_ALL}</p>' in html
    assert field_error(field, message) in html
    assert kept in html
    assert snapshot(story) == before


def test_done_logs_a_completion_of_a_repeat_and_counts_it(
    browser: Browser, story: Workspace
) -> None:
    response = browser.post("/actions/1/done", {})
    assert response.status_code == 303
    assert response.headers["location"] == "/actions?saved=done-1"
    with story.unit() as uow:
        action = uow.actions.get(1)
    assert [(c.action_id, c.done_on) for c in action.completions] == [(1, date(2026, 11, 25))]
    assert not action.done
    html = browser.get("/actions", saved="done-1").text
    assert '<p class="notice ok" role="status">Well done — logged.</p>' in html
    assert '<td data-label="Status">done this time · streak 1 · 1×</td>' in html


def test_done_closes_a_one_off_action(browser: Browser, story: Workspace) -> None:
    browser.post("/actions", {"goal_id": "3", "text": "Book the PMP exam", "due": "2026-12-15"})
    assert browser.post("/actions/2/done", {}).status_code == 303
    with story.unit() as uow:
        assert uow.actions.get(2).done
    html = browser.get("/actions").text
    assert '<td data-label="When">15 Dec 2026</td>\n      <td data-label="Status">done</td>' in html
    assert 'action="/actions/2/done"' not in html


def test_a_resource_is_added_and_linked_to_another_goal(browser: Browser, story: Workspace) -> None:
    form = {
        "kind": "person",
        "name": "Maria, COO at Acme",
        "contact": "maria@example.com",
        "goal_id": "2",
    }
    response = browser.post("/resources", {**form, "notes": "Mentor"})
    assert response.status_code == 303
    assert response.headers["location"] == "/actions?saved=resource#resources"
    linked = browser.post("/resources/1/link", {"goal_id": "3"})
    assert linked.status_code == 303
    assert linked.headers["location"] == "/actions?saved=link#resources"
    with story.unit() as uow:
        resource = uow.resources.get(1)
    assert (resource.name, resource.contact, resource.notes, resource.goal_ids) == (
        "Maria, COO at Acme",
        "maria@example.com",
        "Mentor",
        [2, 3],
    )
    html = browser.get("/actions").text
    assert (
        '<td data-label="Resource">Maria, COO at Acme<br><span class="muted">Mentor</span></td>'
        in html
    )
    assert '<td data-label="Kind">person</td>' in html
    assert (
        "Obtain a management position leading...; Complete my PMP certification within..." in html
    )


def test_a_resource_without_a_name_or_kind_is_refused_inline(
    browser: Browser, story: Workspace
) -> None:
    before = snapshot(story)
    response = browser.post("/resources", {"kind": "alien", "name": " ", "contact": "someone"})
    assert response.status_code == 422
    html = response.text
    assert field_error("kind", "Choose what kind of help this is.") in html
    assert field_error("name", "The name is empty.") in html
    assert 'name="contact" value="someone"' in html
    assert snapshot(story) == before


def test_a_check_in_with_a_value_moves_the_goal_measure(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        add_goal(
            uow,
            clock,
            text="Run 10 stakeholder interviews",
            parent_id=2,
            metric="interviews",
            target=10,
        )
    response = browser.post(
        "/checkins", {"goal_id": "4", "value": "3", "confidence": "4", "note": "Three done"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/actions?saved=checkin#checkins"
    with story.unit() as uow:
        measure = uow.goals.get(4).measure
        checkins = uow.checkins.all()
    assert measure is not None
    assert measure.current == 3.0
    assert [(c.goal_id, c.value, c.confidence, c.note) for c in checkins] == [
        (4, 3.0, 4, "Three done")
    ]
    html = browser.get("/actions", saved="checkin").text
    assert '<p class="notice ok" role="status">Check-in recorded.</p>' in html
    assert (
        '<td><a href="/plan/goals/4">Run 10 stakeholder interviews</a></td>'
        in browser.get("/").text
    )
    assert (
        '<progress value="0.300" max="1" aria-label="Progress of Run 10 stakeholder interviews">'
        in browser.get("/").text
    )


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (
            {"goal_id": "3", "value": "5", "confidence": "9", "note": "Kept"},
            "confidence",
            "Confidence is from 1 (not at all) to 5 (certain); got 9.",
        ),
        ({"goal_id": "3"}, "note", "A check-in needs a value, a note or a confidence (1-5)."),
        ({"goal_id": "3", "value": "many", "note": "Kept"}, "value", "'many' is not a number."),
    ],
    ids=["confidence-9", "empty", "value-not-a-number"],
)
def test_a_wrong_check_in_is_refused_inline(
    browser: Browser, story: Workspace, form: dict[str, str], field: str, message: str
) -> None:
    before = snapshot(story)
    response = browser.post("/checkins", form)
    assert response.status_code == 422
    html = unescape(response.text)
    assert field_error(field, message) in html
    if form.get("note"):
        assert ">Kept</textarea>" in html
    assert snapshot(story) == before


def test_a_second_press_of_done_is_refused_and_counts_once(
    browser: Browser, story: Workspace
) -> None:
    assert browser.post("/actions/1/done", {}).status_code == 303
    before = snapshot(story)
    again = browser.post("/actions/1/done", {})
    assert again.status_code == 409
    assert "Action 1 is already logged on 2026-11-25." in unescape(again.text)
    assert snapshot(story) == before
    html = browser.get("/actions").text
    assert '<td data-label="Status">done this time · streak 1 · 1×</td>' in html


def test_a_repeat_whose_first_time_has_not_come_says_so(browser: Browser, story: Workspace) -> None:
    # Wednesday 25 November: the first Friday is two days off.
    form = {"goal_id": "2", "text": "Plan the week", "repeat_choice": "weekly", "repeat_fr": "1"}
    assert browser.post("/actions", form).status_code == 303
    html = unescape(browser.get("/actions").text)
    row = html.split("Plan the week")[1].split("</tr>")[0]
    assert "next 27 Nov 2026" in row
    assert "not due yet · streak 0 · 0×" in row
