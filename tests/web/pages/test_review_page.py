"""The review page: one card per active goal, a review saved in one go, refusals that keep what
was typed, the stale-edit view, the history, the rhythm form; and the dashboard's status card."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from careerplan.domain.entities import Decision, GoalStatus, ReviewCadence
from careerplan.services.clock import FixedClock
from careerplan.services.goals import edit_goal
from careerplan.services.workspace import Workspace
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import field_error, snapshot

PMP = "Complete my PMP certification within the next 12 months"
LEAD = "Obtain a management position leading a team of at least 5 people"


def _form(**changes: str) -> dict[str, str]:
    """The review form as the page opens on Ana's plan, with `changes` typed in."""
    form = {
        "g2_version": "1", "g2_progress": "0", "g2_confidence": "3", "g2_decision": "keep",
        "g3_version": "1", "g3_progress": "0", "g3_confidence": "3", "g3_decision": "keep",
        "went_well": "", "got_in_the_way": "",
    }  # fmt: skip
    form.update(changes)
    return form


def test_without_a_plan_the_page_says_where_to_start(browser: Browser) -> None:
    html = browser.get("/review").text
    assert '<a href="/vision">Write down your dream job</a> first.' in html
    assert '<h2 id="history-h">Past reviews</h2>' in html


def test_the_page_shows_a_card_per_active_goal_with_status_and_smart_letters(
    browser: Browser, story: Workspace
) -> None:
    response = browser.get("/review")
    assert response.status_code == 200
    html = response.text
    assert '<a class="nav-review current" href="/review" aria-current="page">Review</a>' in html
    assert '<h2 id="review-h">Weekly review · 25 Nov 2026</h2>' in html
    assert f'<h3 id="g2-h">{LEAD}</h3>' in html
    assert f'<h3 id="g3-h">{PMP}</h3>' in html
    assert "COO of a high-tech startup:" in html
    assert html.count('<span class="badge on-track">on track</span>') == 3  # the plan and 2 goals
    assert html.count('<span class="smart-letters" aria-label="S.M.A.R.T. check">') == 2
    assert '<input type="hidden" name="g3_version" value="1">' in html
    assert 'name="g3_progress" value="0"' in html
    assert '<option value="3" selected>3 · unsure</option>' in html
    assert 'value="keep" checked' in html
    assert "Next review 29 Nov 2026 (weekly)." in html
    assert '<p class="empty">No reviews yet.</p>' in html


def test_a_review_is_saved_with_its_decisions_and_listed_in_the_history(
    browser: Browser, story: Workspace
) -> None:
    form = _form(
        g2_progress="20", g2_confidence="2", g2_note="Asked for the team lead role",
        g2_decision="adjust", g2_text="Lead a team of 5 people by June 2028",
        g2_due="2028-06-30",
        g3_progress="100", g3_confidence="5", g3_decision="done", g3_note="Passed — enfin!",
        went_well="Two evenings of study", got_in_the_way="<b>Launch week</b>",
    )  # fmt: skip
    response = browser.post("/review", form)
    assert (response.status_code, response.headers["location"]) == (
        303,
        "/review?saved=review&checked=2",
    )
    with story.unit() as uow:
        (review,) = uow.reviews.all()
        goals = {g.id: g for g in uow.goals.all()}
    assert [(e.goal_id, e.progress, e.confidence, e.decision) for e in review.entries] == [
        (2, 20, 2, Decision.ADJUST),
        (3, 100, 5, Decision.DONE),
    ]
    assert (review.went_well, review.got_in_the_way) == (
        "Two evenings of study",
        "<b>Launch week</b>",
    )
    assert (goals[2].text, goals[2].due) == (
        "Lead a team of 5 people by June 2028",
        date(2028, 6, 30),
    )
    assert goals[3].status is GoalStatus.DONE
    html = browser.get("/review", saved="review").text
    assert "Review saved. Plan status: at risk. Next review 29 Nov 2026." in html
    assert "<h3>25 Nov 2026 · weekly</h3>" in html
    assert f"{PMP}: done, 100%, confidence 5/5 — Passed — enfin!" in html
    assert "&lt;b&gt;Launch week&lt;/b&gt;" in html
    assert '<h3 id="g3-h">' not in html  # done goals leave the review


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"g3_progress": "lots"}, "g3_progress", "Give a percentage from 0 to 100."),
        ({"g3_progress": "101"}, "g3_progress", "Give a percentage from 0 to 100."),
        ({"g3_confidence": "9"}, "g3_confidence", "Choose a confidence from 1 to 5."),
        ({"g3_decision": "pause"}, "g3_decision", "Choose keep, adjust, drop or done."),
        ({"g3_text": "New words"}, "g3_decision", "New wording, a new due date or a new target"),
        ({"g3_decision": "adjust", "g3_due": "someday"}, "g3_due", "&#39;someday&#39; is not a"),
        ({"g3_note": "x" * 10_001}, "g3_note", "The note is 10,001 characters long"),
    ],
)  # fmt: skip
def test_a_wrong_field_is_marked_everything_typed_is_kept_and_nothing_saved(
    browser: Browser, story: Workspace, changes: dict[str, str], field: str, message: str
) -> None:
    before = snapshot(story)
    response = browser.post("/review", _form(g2_note="Keep this note", **changes))
    assert response.status_code == 422
    html = response.text
    assert f'<p class="field-error" id="{field}-error" role="alert">{message}' in html
    assert ">Keep this note</textarea>" in html
    assert snapshot(story) == before


def test_a_blank_new_wording_keeps_the_goal_as_it_is(browser: Browser, story: Workspace) -> None:
    response = browser.post("/review", _form(g3_decision="adjust", g3_text="   "))
    assert response.status_code == 303
    with story.unit() as uow:
        assert (uow.goals.get(3).text, uow.goals.get(3).version) == (PMP, 1)


def test_a_refusal_from_the_service_is_shown_and_nothing_saved(
    browser: Browser, story: Workspace
) -> None:
    before = snapshot(story)
    response = browser.post("/review", _form(g1_version="1"))  # a forged card for the dream job
    assert response.status_code == 409
    assert "Goal 1 is the dream job itself; its progress comes from the goals under it." in (
        unescape(response.text)
    )
    assert snapshot(story) == before


def test_a_goal_changed_since_the_page_opened_gives_the_stale_view(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    opened = browser.get("/review").text
    assert '<input type="hidden" name="g3_version" value="1">' in opened
    with story.unit() as uow:
        edit_goal(uow, clock, 3, text="Pass the PMP exam by September 2027")
    before = snapshot(story)
    response = browser.post("/review", _form(g3_progress="45", g3_note="Booked it"))
    assert response.status_code == 409
    html = unescape(response.text)
    assert "A goal changed while you were reviewing" in html
    assert (
        "The goal 3 was changed by someone else (you edited version 1, it is now version 2)" in html
    )
    assert '<h3 id="g3-h">Pass the PMP exam by September 2027</h3>' in html
    assert '<input type="hidden" name="g3_version" value="2">' in html  # the fresh version
    assert 'name="g3_progress" value="45"' in html  # the answers are kept
    assert ">Booked it</textarea>" in html
    assert snapshot(story) == before
    again = browser.post("/review", _form(g3_version="2", g3_progress="45"))
    assert again.status_code == 303


def test_an_empty_review_of_an_empty_plan_is_refused_clearly(
    browser: Browser, story: Workspace
) -> None:
    browser.post("/review", _form(g2_decision="drop", g3_decision="drop"))
    response = browser.post("/review", {"went_well": "", "got_in_the_way": ""})
    assert response.status_code == 422
    assert "The review is empty" in response.text
    assert "No active goals." in response.text


def test_the_rhythm_is_saved_and_moves_the_next_review(browser: Browser, story: Workspace) -> None:
    form = {"cadence": "monthly", "weekday": "4", "reminder_days": "2",
            "digest_email": "ana@example.org", "version": "1"}  # fmt: skip
    response = browser.post("/review/settings", form)
    assert (response.status_code, response.headers["location"]) == (303, "/review?saved=settings")
    html = browser.get("/review", saved="settings").text
    assert "Review settings saved." in html
    assert '<option value="monthly" selected>Monthly</option>' in html
    assert '<option value="4" selected>Friday</option>' in html
    assert "Next review 27 Nov 2026 (monthly)." in html
    with story.unit() as uow:
        preferences = uow.preferences.get()
    assert (preferences.review_cadence, preferences.digest_email) == (
        ReviewCadence.MONTHLY,
        "ana@example.org",
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"cadence": "daily"}, "cadence", "Choose weekly, monthly or quarterly."),
        ({"weekday": "8"}, "weekday", "Choose a day of the week."),
        ({"reminder_days": "99"}, "reminder_days", "Remind 0 to 30 days before a review."),
        ({"digest_email": "ana@"}, "digest_email", "&#39;ana@&#39; is not an e-mail address."),
    ],
)
def test_wrong_settings_are_marked_and_nothing_saved(
    browser: Browser, story: Workspace, changes: dict[str, str], field: str, message: str
) -> None:
    before = snapshot(story)
    form = {"cadence": "weekly", "weekday": "6", "reminder_days": "1", **changes}
    response = browser.post("/review/settings", form)
    assert response.status_code == 422
    assert f'<p class="field-error" id="{field}-error" role="alert">{message}' in response.text
    assert snapshot(story) == before


def test_settings_saved_elsewhere_meanwhile_are_not_overwritten(
    browser: Browser, story: Workspace
) -> None:
    form = {"cadence": "weekly", "weekday": "2", "reminder_days": "1", "version": "1"}
    assert browser.post("/review/settings", form).status_code == 303
    assert browser.post("/review/settings", form).status_code == 303  # saved once: version 1
    response = browser.post("/review/settings", {**form, "weekday": "5"})
    assert response.status_code == 409
    assert "Your review settings were changed elsewhere" in response.text


def test_the_dashboard_shows_the_next_review_and_the_goals_needing_attention(
    browser: Browser, story: Workspace
) -> None:
    html = browser.get("/").text
    assert 'The plan is <span class="badge on-track">on track</span>' in html
    assert "Next review 29 Nov 2026 (weekly)." in html
    assert "No goal is at risk or behind." in html
    browser.post("/review", _form(g3_progress="30", g3_confidence="1"))
    html = browser.get("/").text  # the saved review moved the plan's revision: not the cache
    assert re.search(f'<li><span class="badge at-risk">at risk</span>\\s+{PMP} <span', html)
    assert "(30% done, 0% of the time gone, confidence 1 of 5)" in html
    # The goal's progress on the dashboard is the review's estimate, as its status is.
    assert f'<progress value="0.300" max="1" aria-label="Progress of {PMP}">30%</progress>' in html


def test_the_dashboard_says_when_a_review_is_due(browser: Browser, story: Workspace) -> None:
    with story.unit() as uow:
        uow.preferences.save(uow.preferences.get())  # a saved rhythm, still weekly on Sunday
    browser.post("/review", _form())
    # A week on a Wednesday, the Sunday review has passed.
    browser.client.app.state.clock = FixedClock(  # type: ignore[attr-defined]
        browser.client.app.state.clock.moment.replace(day=2, month=12)  # type: ignore[attr-defined]
    )
    html = browser.get("/").text
    assert '<strong class="overdue">Review due</strong> since 29 Nov 2026.' in html
    assert '<a class="button" href="/review">Review now</a>' in html


def test_a_measured_goal_asks_for_its_value_and_records_it_as_a_check_in(
    browser: Browser, story: Workspace, clock: FixedClock
) -> None:
    with story.unit() as uow:
        edit_goal(uow, clock, 2, metric="people led", target=5)
    html = browser.get("/review").text
    assert (
        '<label for="g2_measure">People led now<span class="hint">target 5</span></label>' in html
    )
    wrong = browser.post("/review", _form(g2_version="2", g2_measure="many"))
    assert wrong.status_code == 422
    assert field_error("g2_measure", "&#39;many&#39; is not a number.") in wrong.text
    assert browser.post("/review", _form(g2_version="2", g2_measure="3")).status_code == 303
    with story.unit() as uow:
        goal, checkins = uow.goals.get(2), uow.checkins.for_goal(2)
    assert goal.measure is not None
    assert (goal.measure.current, [c.value for c in checkins]) == (3, [3])


def test_a_saved_review_is_not_offered_again_as_a_form(browser: Browser, story: Workspace) -> None:
    assert browser.post("/review", _form(g3_progress="45")).status_code == 303
    html = browser.get("/review?saved=review").text
    assert "Today's review is saved" in html
    assert "Save the review" not in html
    assert '<a href="/review?again=1">Hold another review today</a>' in html
    assert "Save the review" in browser.get("/review", again="1").text
    assert '). <span class="muted">Last review' in html


def test_a_reworded_goal_is_shown_with_its_new_check_after_saving(
    browser: Browser, story: Workspace
) -> None:
    response = browser.post("/review", _form(g3_decision="adjust", g3_text="Do some studying"))
    assert response.headers["location"] == "/review?saved=review&checked=3"
    html = unescape(browser.get(response.headers["location"]).text)
    section = html.split('<h2 id="rechecked-h">Reworded goals, checked again</h2>')[1]
    section = section.split("</section>")[0]
    assert '<a href="/plan/goals/3">Do some studying</a>' in section
    assert "Not specific: It names no concrete thing to do or produce" in section
    assert "Not measurable:" in section


@pytest.mark.parametrize(("checked", "shown"), [("99", 0), ("x,,3;", 0), ("3," * 500, 1)])
def test_the_rechecked_list_ignores_what_the_page_did_not_make(
    browser: Browser, story: Workspace, checked: str, shown: int
) -> None:
    response = browser.get("/review", saved="review", checked=checked)
    assert response.status_code == 200
    parts = response.text.split('<h2 id="rechecked-h">')
    assert len(parts) == 1 + min(shown, 1)
    section = parts[-1].split("</section>")[0] if shown else ""
    assert section.count('<a href="/plan/goals/3">') == shown
