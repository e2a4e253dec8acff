"""Step 4: feedback while typing (htmx fragments), the rewrite applied, and saving the wording."""

from __future__ import annotations

from datetime import date

import pytest

from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import expected_bar, hx_post, snapshot, step_bar

PMP = "Complete my PMP certification within the next 12 months"
VAGUE = "Get better at networking"
VAGUE_REWRITE = (
    "Get better at networking [what exactly: a named course, project or document], measured by "
    "[number] [what you will count], by 30 November 2027."
)


# The letter as a page shows it: the case carries the verdict, the class only adds colour.
SHOWN = {"pass": str.upper, "fail": str.lower, "unknown": lambda letter: "?"}


def letters(*verdicts: tuple[str, str, str]) -> str:
    return "\n".join(
        f'<abbr class="{cls}" title="{name}: {said}">{SHOWN[cls](letter)}</abbr>'
        for letter, (cls, name, said) in zip("SMART", verdicts, strict=True)
    )


def test_a_fresh_smart_page_invites_a_first_goal(browser: Browser) -> None:
    response = browser.get("/smart")
    assert response.status_code == 200
    html = response.text
    assert '<h2 id="checker-h">Check a goal</h2>' in html
    assert '<p class="empty">Type a goal to see how it measures up.</p>' in html
    assert '<a href="/plan">break your plan down</a> first.' in html
    assert step_bar(html) == expected_bar(set(), "smart")


def test_the_smart_page_lists_every_goal_with_its_letters(
    browser: Browser, story: Workspace
) -> None:
    html = browser.get("/smart").text
    assert f"<td>{PMP}</td>" in html
    assert '<a href="/smart?goal=3">Improve' in html
    assert html.count('<abbr class="pass"') == 10
    assert step_bar(html) == expected_bar({"vision", "plan", "smart", "actions"}, "smart")


def test_a_goal_opened_for_improvement_fills_the_checker(
    browser: Browser, story: Workspace
) -> None:
    html = browser.get("/smart", goal=3).text
    assert '<h2 id="checker-h">Improve goal 3</h2>' in html
    assert (
        '<input type="hidden" name="goal_id" value="3">'
        '<input type="hidden" name="version" value="1">' in html
    )
    assert f'hx-sync="this:replace">{PMP}</textarea>' in html
    assert "<strong>5/5</strong>" in html


def test_a_vague_goal_gets_failing_letters_suggestions_and_a_rewrite(
    browser: Browser, story: Workspace
) -> None:
    response = hx_post(browser, "/smart/check", {"text": VAGUE, "parent_id": "2"})
    assert response.status_code == 200
    html = response.text
    assert html.startswith('<div id="smart-feedback"')
    assert "<html" not in html
    assert (
        letters(
            ("fail", "specific", "not met"),
            ("fail", "measurable", "not met"),
            ("unknown", "attainable", "not judged"),
            ("pass", "relevant", "met"),
            ("fail", "time-bound", "not met"),
        )
        in html
    )
    assert "<strong>1/5</strong>" in html
    assert (
        '<strong class="fail">✗ Time-bound</strong>:\n      It names no date, period or repeat.'
        in html
    )
    assert "<dt>Deadline</dt><dd>none found</dd>" in html
    assert "<h3>Suggestions</h3>" in html
    assert "<li>Add a number or a checkable result, so you can tell when it is done.</li>" in html
    assert f'<p class="rewrite">{VAGUE_REWRITE}</p>' in html
    assert f'<input type="hidden" name="rewrite" value="{VAGUE_REWRITE}">' in html


def test_the_pmp_goal_passes_all_five_with_its_deadline(browser: Browser, story: Workspace) -> None:
    html = hx_post(browser, "/smart/check", {"text": PMP, "parent_id": "2"}).text
    assert (
        letters(
            *[
                ("pass", n, "met")
                for n in ("specific", "measurable", "attainable", "relevant", "time-bound")
            ]
        )
        in html
    )
    assert "<strong>5/5</strong>" in html
    assert "<dt>Deadline</dt><dd>2027-11-25 (the period 2026-11-25 to 2027-11-25)</dd>" in html
    assert "<dt>Repeats</dt><dd>no</dd>" in html
    assert "Proposed wording" not in html


def test_applying_the_rewrite_returns_the_checker_with_it_in_the_textarea(
    browser: Browser, story: Workspace
) -> None:
    form = {"text": VAGUE, "parent_id": "2", "apply": "1", "rewrite": VAGUE_REWRITE}
    html = hx_post(browser, "/smart/check", form).text
    assert html.startswith('<section id="smart-checker"')
    assert "<html" not in html
    assert f'hx-sync="this:replace">{VAGUE_REWRITE}</textarea>' in html
    assert '<option value="2" selected>' in html


def test_without_javascript_a_check_returns_the_whole_page(
    browser: Browser, story: Workspace
) -> None:
    response = browser.post("/smart/check", {"text": PMP, "parent_id": "2"})
    assert response.status_code == 200
    assert response.text.startswith("<!doctype html>")
    assert "<strong>5/5</strong>" in response.text
    assert step_bar(response.text) == expected_bar({"vision", "plan", "smart", "actions"}, "smart")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Je veux obtenir ma certification PMP d'ici 2027", "French"),
        ("Quiero ser gerente de proyecto en 2027", "Spanish"),
    ],
)
def test_a_goal_not_in_english_is_said_to_be_unsupported(
    browser: Browser, story: Workspace, text: str, language: str
) -> None:
    html = hx_post(browser, "/smart/check", {"text": text, "parent_id": "2"}).text
    assert (
        f'<p class="notice warn">The goal seems to be written in {language}; '
        "only English is analysed.</p>"
    ) in html
    assert "/5</strong>" not in html


def test_saving_creates_the_goal_with_its_report(browser: Browser, story: Workspace) -> None:
    text = "Complete a course on startup finance by 2027-06-30"
    response = browser.post("/smart/save", {"text": text, "parent_id": "2"})
    assert response.status_code == 303
    assert response.headers["location"] == "/smart?saved=4"
    with story.unit() as uow:
        goal = uow.goals.get(4)
    assert (goal.text, goal.parent_id, goal.due) == (text, 2, date(2027, 6, 30))
    assert goal.smart_report is not None
    assert goal.smart_report["score"] == 5
    html = browser.get("/smart", saved=4).text
    assert 'Saved goal 4. <a href="/plan#goal-4">See it in your plan</a>.' in html


def test_saving_with_a_goal_id_gives_that_goal_new_words(
    browser: Browser, story: Workspace
) -> None:
    form = {"text": "Complete my PMP certification by 2027-09-30", "goal_id": "3", "version": "1"}
    response = browser.post("/smart/save", form)
    assert response.status_code == 303
    assert response.headers["location"] == "/smart?saved=3"
    with story.unit() as uow:
        goal = uow.goals.get(3)
        count = len(uow.goals.all())
    assert (goal.text, goal.due, goal.version, count) == (form["text"], date(2027, 9, 30), 2, 3)


def test_saving_new_words_on_a_stale_copy_is_refused(browser: Browser, story: Workspace) -> None:
    browser.post(
        "/smart/save",
        {"text": "Complete my PMP certification by 2027-09-30", "goal_id": "3", "version": "1"},
    )
    before = snapshot(story)
    late = {"text": "Complete my PMP certification by 2027-10-31", "goal_id": "3", "version": "1"}
    response = browser.post("/smart/save", late)
    assert response.status_code == 409
    assert (
        '<p class="notice bad" role="alert">The goal 3 was changed by someone else (you edited '
        "version 1, it is now version 2). Nothing was saved: show it again and repeat your "
        "edit.</p>"
    ) in response.text
    assert f'hx-sync="this:replace">{late["text"]}</textarea>' in response.text
    assert snapshot(story) == before


def test_saving_an_empty_goal_is_refused(browser: Browser, story: Workspace) -> None:
    before = snapshot(story)
    response = browser.post("/smart/save", {"text": "   ", "parent_id": "2"})
    assert response.status_code == 422
    assert (
        '<p class="notice bad" role="alert">The goal text is empty. '
        "Write what you want to achieve.</p>" in response.text
    )
    assert snapshot(story) == before


def test_a_wording_past_the_limit_is_kept_whole_and_said_before_saving(
    browser: Browser, story: Workspace
) -> None:
    long = "Complete my PMP certification within the next 12 months " + "x" * 10_000
    checked = browser.post("/smart/check", {"text": long, "parent_id": "1"})
    assert checked.status_code == 200
    assert "This wording is 10,056 characters; a goal holds up to 1,000." in checked.text
    assert 'maxlength="1000"' not in browser.get("/smart").text
    saved = browser.post("/smart/save", {"text": long, "parent_id": "1"})
    assert saved.status_code == 422
    assert "the limit is 1,000" in saved.text
    with story.unit() as uow:
        assert all(len(goal.text) <= 1_000 for goal in uow.goals.all())
