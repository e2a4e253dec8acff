"""The repeat of a goal or an action is chosen, not typed as a rule: the server builds the rule
from the posted choices (no script needed), the pages say it as a sentence, and an editor opens
on the choice that made the saved rule."""

from __future__ import annotations

from html import unescape

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import field_error, snapshot

ACTION = {"goal_id": "3", "text": "Meet a mentor"}


@pytest.mark.parametrize(
    ("choices", "rule", "words"),
    [
        ({"repeat_choice": ""}, None, None),
        ({"repeat_choice": "daily"}, "FREQ=DAILY", "every day"),
        ({"repeat_choice": "weekdays"}, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        (
            {"repeat_choice": "weekly", "repeat_mo": "1", "repeat_th": "1"},
            "FREQ=WEEKLY;BYDAY=MO,TH",
            "every week on Monday and Thursday",
        ),
        (
            {"repeat_choice": "fortnightly", "repeat_fr": "1"},
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
            "every 2 weeks on Friday",
        ),
        (
            {"repeat_choice": "monthly", "repeat_day": "1"},
            "FREQ=MONTHLY;BYMONTHDAY=1",
            "every month on the 1st",
        ),
        ({"repeat_choice": "quarterly"}, "FREQ=MONTHLY;INTERVAL=3", "every quarter"),
        (
            {"repeat_choice": "custom", "repeat": "every month on the last Friday"},
            "FREQ=MONTHLY;BYDAY=-1FR",
            "every month on the last Friday",
        ),
        (
            {"repeat_choice": "custom", "repeat": "FREQ=YEARLY;BYMONTH=3"},
            "FREQ=YEARLY;BYMONTH=3",
            "FREQ=YEARLY;BYMONTH=3",  # no sentence for it: the rule is shown as it is
        ),
        # Without scripts the custom box is always there; typing in it is the choice.
        (
            {"repeat_choice": "", "repeat": "every other Friday"},
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
            "every 2 weeks on Friday",
        ),
    ],
    ids=[
        "none",
        "daily",
        "weekdays",
        "weekly",
        "fortnightly",
        "monthly",
        "quarterly",
        "custom-words",
        "custom-rule",
        "custom-typed-without-choosing",
    ],
)
def test_each_repeat_choice_saves_its_rule_and_the_page_says_it_in_words(
    browser: Browser, story: Workspace, choices: dict[str, str], rule: str | None, words: str | None
) -> None:
    response = browser.post("/actions", {**ACTION, **choices})
    assert response.status_code == 303
    with story.unit() as uow:
        assert uow.actions.get(2).repeat == rule
    html = unescape(browser.get("/actions").text)
    when = html[html.index(">Meet a mentor</td>") :].split("</td>", 2)[1]
    if words is None:
        assert "repeats" not in when
    else:
        assert f">repeats {words}<br>" in when


@pytest.mark.parametrize(
    ("choices", "field", "message", "kept"),
    [
        (
            {"repeat_choice": "weekly"},
            "repeat_days",
            "Tick the day or days of the week it repeats on.",
            '<option value="weekly" selected>',
        ),
        (
            {"repeat_choice": "monthly", "repeat_day": "31", "repeat_tu": "1"},
            "repeat_day",
            "'31' is not a day from 1 to 28: every month has those days. For the end of the "
            "month, choose Custom and write 'every month on the last day'.",
            '<input type="checkbox" name="repeat_tu" value="1" checked>',
        ),
        (
            {"repeat_choice": "custom", "repeat": "every blue moon"},
            "repeat",
            "'every blue moon' is not a repeat careerplan can read. Say it in words, such as "
            "'every weekday', 'every Tuesday', 'every other Friday', 'every week on Monday and "
            "Thursday', 'every month on the 1st' or 'every quarter', or as an RFC 5545 rule, "
            "such as FREQ=WEEKLY;BYDAY=MO.",
            'name="repeat" value="every blue moon"',
        ),
        (
            {"repeat_choice": "sometimes"},
            "repeat_choice",
            "Choose how often it repeats from the list.",
            'name="text" value="Meet a mentor"',
        ),
    ],
    ids=["weekly-without-a-day", "day-31", "custom-nonsense", "unknown-choice"],
)
def test_an_incomplete_choice_is_refused_beside_its_field_keeping_what_was_typed(
    browser: Browser,
    story: Workspace,
    choices: dict[str, str],
    field: str,
    message: str,
    kept: str,
) -> None:
    before = snapshot(story)
    response = browser.post("/actions", {**ACTION, **choices})
    assert response.status_code == 422
    html = unescape(response.text)
    assert field_error(field, message) in html
    assert f'aria-describedby="{field}-error"' in html
    assert kept in html
    assert snapshot(story) == before


def test_a_new_goal_repeating_every_quarter_says_so_in_the_plan(
    browser: Browser, story: Workspace
) -> None:
    response = browser.post(
        "/plan/goals",
        {"parent_id": "2", "text": "Write a post on operations", "repeat_choice": "quarterly"},
    )
    assert response.status_code == 303
    with story.unit() as uow:
        assert uow.goals.get(4).repeat == "FREQ=MONTHLY;INTERVAL=3"
    html = browser.get("/plan").text
    assert '<span class="tag">repeats every quarter</span>' in html


def _set_repeat(story: Workspace, goal_id: int, rule: str | None) -> None:
    with story.unit() as uow:
        goal = uow.goals.get(goal_id)
        goal.repeat = rule
        uow.goals.save(goal)


@pytest.mark.parametrize(
    ("rule", "shown"),
    [
        (
            "FREQ=WEEKLY;BYDAY=MO,TH",
            [
                '<option value="weekly" selected>',
                '<input type="checkbox" name="repeat_mo" value="1" checked>',
                '<input type="checkbox" name="repeat_th" value="1" checked>',
                '<input type="checkbox" name="repeat_tu" value="1" >',
            ],
        ),
        (
            "FREQ=MONTHLY;BYMONTHDAY=15",
            [
                '<option value="monthly" selected>',
                'name="repeat_day" min="1" max="28" inputmode="numeric" value="15"',
            ],
        ),
        (
            "FREQ=MONTHLY;BYDAY=-1FR",
            [
                '<option value="custom" selected>',
                'name="repeat" value="every month on the last Friday"',
            ],
        ),
        (None, ['<option value="" selected>Does not repeat</option>']),
    ],
    ids=["weekly", "monthly", "custom", "none"],
)
def test_the_goal_editor_opens_on_the_choice_that_made_the_saved_rule(
    browser: Browser, story: Workspace, rule: str | None, shown: list[str]
) -> None:
    _set_repeat(story, 3, rule)
    html = unescape(browser.get("/plan/goals/3", inline="1").text)
    for part in shown:
        assert part in html


def test_editing_a_goal_changes_or_stops_its_repeat_and_a_form_without_it_keeps_it(
    browser: Browser, story: Workspace
) -> None:
    _set_repeat(story, 3, "FREQ=MONTHLY")
    form = {"text": "Complete my PMP certification within the next 12 months", "horizon": "12m"}
    with story.unit() as uow:
        version = uow.goals.get(3).version

    def edit(extra: dict[str, str]) -> str | None:
        nonlocal version
        response = browser.post("/plan/goals/3/edit", {**form, "version": str(version), **extra})
        assert response.status_code == 303
        with story.unit() as uow:
            goal = uow.goals.get(3)
        version = goal.version
        return goal.repeat

    assert edit({"repeat_choice": "fortnightly", "repeat_we": "1"}) == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    )
    assert edit({}) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    assert edit({"repeat_choice": ""}) is None
