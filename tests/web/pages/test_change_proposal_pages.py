"""Proposals on the pages of a server with accounts, as three browsers see them: Ana shares her
plan with Cole as an editor, Cole proposes changes on her shared plan, and Ana answers them on
/proposals; Ben has no share. Every refusal says why on the page and saves nothing."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from httpx2 import Response

from careerplan.services.clock import FixedClock
from careerplan.services.goals import edit_goal
from careerplan.services.workspace import Workspace
from tests.sharing_story import ANA, COLE, DREAM, MANAGER, MANAGER_TEXT, NEW_WORDING, PMP, PMP_TEXT
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot
from tests.web.server_with_accounts import Server, start

PROPOSE_FORM = 'name="kind" value="edit_goal"'


@pytest.fixture
def server(story: Workspace, clock: FixedClock) -> Server:
    return start(story, clock)


@pytest.fixture
def shared(server: Server) -> Server:
    """Ana's plan shared with Cole as an editor."""
    server.share_with_cole("editor")
    return server


def message(response: Response) -> str:
    found = re.search(r'<p class="error" role="alert">(.*?)</p>', response.text, re.S)
    return html.unescape(found.group(1)) if found else ""


def saved(server: Server) -> dict[str, list[tuple[Any, ...]]]:
    """Every row but the log, which records each view of the shared plan a refusal shows."""
    rows = snapshot(server.workspace)
    rows.pop("audit_events")
    return rows


def log(server: Server) -> str:
    return html.unescape(server.ana.get("/sharing").text)


# --- the whole way through ------------------------------------------------------------------


def test_cole_proposes_new_wording_and_ana_accepts_it(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    page = cole.get(f"/shared/{ana.id}")
    assert "You can see the plan, comment, and propose changes for the owner to accept." in (
        page.text
    )
    assert page.text.count(PROPOSE_FORM) == 3  # one under each goal
    assert 'name="kind" value="add_action"' in page.text
    assert "None yet. Propose a change under any goal above" in page.text

    sent = cole.propose(ana.id, PMP, "edit_goal", NEW_WORDING, "2027-06-30")
    assert (sent.status_code, sent.headers["location"]) == (303, f"/shared/{ana.id}#proposals")
    page = cole.get(f"/shared/{ana.id}")
    [mine] = re.findall(
        r'<article class="proposal" id="proposal-(\d+)">.*?</article>', page.text, re.S
    )
    assert f'action="/shared/{ana.id}/proposals/{mine}/withdraw"' in page.text
    assert '<span class="tag">pending</span> A change to the goal' in page.text

    # Ana hears of it on her sharing page and on the goal's page.
    assert "1 proposal waits for your answer" in ana.get("/sharing").text
    assert "1 proposal on this goal waits for your answer" in ana.get(f"/plan/goals/{PMP}").text
    assert "proposal on this goal" not in ana.get(f"/plan/goals/{MANAGER}").text
    waiting = ana.get("/proposals")
    assert waiting.status_code == 200
    assert f"Proposed by {COLE}, <time" in waiting.text
    assert f"{PMP_TEXT}</del>" in waiting.text
    assert f"{NEW_WORDING}</ins>" in waiting.text
    assert "2027-06-30</ins>" in waiting.text
    assert shared.proposal_ids() == [int(mine)]

    accepted = ana.post(f"/proposals/{mine}/accept")
    assert (accepted.status_code, accepted.headers["location"]) == (303, "/proposals?done=accepted")
    after = ana.get(accepted.headers["location"]).text
    assert "Accepted: the change is in your plan." in after
    assert "Nothing waits for your answer." in after
    assert '<span class="tag">accepted</span> A change to the goal by cole@example.org' in after
    goal_page = ana.get(f"/plan/goals/{PMP}").text
    assert NEW_WORDING in goal_page
    assert "proposal on this goal" not in goal_page
    events = log(shared)
    assert f"{COLE} proposed a change (goal {PMP})" in events
    assert f"{ANA} accepted a proposal (proposal {mine} on goal {PMP}, by {COLE})" in events
    assert '<span class="tag">accepted</span>' in cole.get(f"/shared/{ana.id}").text


def test_cole_proposes_an_action_and_ana_declines_it(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    sent = cole.propose(ana.id, MANAGER, "add_action", "Ask for a team-lead role", "2027-01-31")
    assert sent.status_code == 303
    waiting = ana.get("/proposals").text
    assert 'A new action · <a href="/plan/goals/2">goal 2</a>' in waiting
    assert "Ask for a team-lead role</ins>" in waiting
    assert "by 2027-01-31" in waiting
    [proposal] = shared.proposal_ids()
    before = snapshot(shared.workspace)["actions"]
    declined = ana.post(f"/proposals/{proposal}/decline")
    assert (declined.status_code, declined.headers["location"]) == (303, "/proposals?done=declined")
    assert "Declined: your plan stays as it was." in ana.get("/proposals?done=declined").text
    assert snapshot(shared.workspace)["actions"] == before
    assert f"{ANA} declined a proposal (proposal {proposal} on goal 2, by {COLE})" in log(shared)
    coles = cole.get(f"/shared/{ana.id}").text
    assert '<span class="tag">declined</span> A new action' in coles
    assert "/withdraw" not in coles
    # Answered is answered: a second answer is refused in place.
    again = ana.post(f"/proposals/{proposal}/accept")
    assert again.status_code == 409
    assert message(again) == f"Proposal {proposal} was declined already."


def test_cole_withdraws_a_proposal_that_waits(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    cole.propose(ana.id, PMP, "add_action", "Join a study group")
    [proposal] = shared.proposal_ids()
    # Ben, and Ana herself, cannot withdraw it (nor through Ben's own "plan").
    before = saved(shared)
    assert shared.ben.post(f"/shared/{ana.id}/proposals/{proposal}/withdraw").status_code == 404
    assert shared.ben.post(
        f"/shared/{shared.ben.id}/proposals/{proposal}/withdraw"
    ).status_code == (404)
    assert ana.post(f"/shared/{ana.id}/proposals/{proposal}/withdraw").status_code == 404
    assert saved(shared) == before
    withdrawn = cole.post(f"/shared/{ana.id}/proposals/{proposal}/withdraw")
    assert (withdrawn.status_code, withdrawn.headers["location"]) == (
        303,
        f"/shared/{ana.id}#proposals",
    )
    assert '<span class="tag">withdrawn</span>' in cole.get(f"/shared/{ana.id}").text
    assert shared.proposal_ids() == []
    assert "Nothing waits for your answer." in ana.get("/proposals").text
    assert f"{COLE} withdrew a proposal" in log(shared)
    again = cole.post(f"/shared/{ana.id}/proposals/{proposal}/withdraw")
    assert again.status_code == 409
    assert message(again) == f"Proposal {proposal} was withdrawn already."


# --- who may propose, and on what -----------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "refusal"),
    [
        (
            "viewer",
            "You can see the plan, but not propose changes: only an editor of the plan can.",
        ),
        (
            "commenter",
            "You can see the plan and comment, but not propose changes: only an editor of the "
            "plan can.",
        ),
    ],
)
def test_a_viewer_or_a_commenter_is_told_they_may_not_propose(
    server: Server, role: str, refusal: str
) -> None:
    server.share_with_cole(role)
    ana = server.ana.id
    page = server.cole.get(f"/shared/{ana}").text
    assert PROPOSE_FORM not in page
    assert "Your proposals" not in page
    before = saved(server)
    refused = server.cole.propose(ana, PMP, "add_action", "Let me in")
    assert refused.status_code == 403
    assert message(refused) == refusal
    assert saved(server) == before
    assert "proposed" not in server.ana.get("/sharing").text


def test_a_private_goal_a_stranger_and_an_unknown_id_are_not_found(shared: Server) -> None:
    ana, cole, ben = shared.ana, shared.cole, shared.ben
    cole.propose(ana.id, PMP, "add_action", "Book the exam")
    [proposal] = shared.proposal_ids()
    marked = ana.post(f"/sharing/private/{MANAGER}", {"private": "yes"})
    assert marked.status_code == 303
    page = cole.get(f"/shared/{ana.id}").text
    assert page.count(PROPOSE_FORM) == 1  # the dream job's only: the rest is private
    before = saved(shared)
    # A private goal, one under it, and a goal no one has answer alike.
    answers = {
        goal: cole.propose(ana.id, goal, "add_action", "Peek") for goal in (MANAGER, PMP, 999)
    }
    for goal, answer in answers.items():
        assert answer.status_code == 404, goal
        assert re.sub(r"\d+", "N", answer.text) == re.sub(r"\d+", "N", answers[999].text)
    # Ben has no share: Ana's plan and her proposals are not there for him.
    assert ben.propose(ana.id, DREAM, "add_action", "Mine now").status_code == 404
    for url in (
        f"/proposals/{proposal}/accept",
        f"/proposals/{proposal}/decline",
        f"/shared/{ana.id}/proposals/{proposal}/withdraw",
    ):
        assert ben.post(url).status_code == 404, url
    assert MANAGER_TEXT not in ben.get("/proposals").text
    # A form naming no goal, and ids no row could have, are the same 404.
    assert cole.propose(ana.id, 0, "add_action", "x").status_code == 404
    assert cole.post(
        f"/shared/{ana.id}/proposals", {"goal_id": "x", "kind": "add_action"}
    ).status_code == (404)
    for ident in ("99999", "-1", str(2**31), str(10**30)):
        assert ana.post(f"/proposals/{ident}/accept").status_code == 404, ident
        assert ana.post(f"/proposals/{ident}/decline").status_code == 404, ident
        assert cole.post(f"/shared/{ana.id}/proposals/{ident}/withdraw").status_code == 404
        assert cole.post(f"/shared/{ident}/proposals", {"goal_id": "1"}).status_code == 404
    assert saved(shared) == before


def test_a_goal_reworded_since_cannot_be_accepted_and_still_waits(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    cole.propose(ana.id, PMP, "edit_goal", NEW_WORDING)
    [proposal] = shared.proposal_ids()
    with shared.workspace.as_owner(ana.id).unit() as uow:
        edit_goal(uow, shared.clock, PMP, text="Pass the PMP exam this year")
    page = ana.get("/proposals").text
    reworded = "The goal was reworded after this was proposed, so it would not apply as meant."
    assert f'<p class="notice warn">{reworded} Decline it, and ask {COLE}' in page
    assert f'action="/proposals/{proposal}/accept"' not in page
    before = saved(shared)
    refused = ana.post(f"/proposals/{proposal}/accept")
    assert refused.status_code == 409
    assert message(refused) == (
        f"{reworded} Nothing was changed: decline it, and ask for a new proposal on the goal "
        "as it stands if it still applies."
    )
    assert saved(shared) == before
    assert shared.proposal_ids() == [proposal]
    assert ana.post(f"/proposals/{proposal}/decline").status_code == 303


def test_revoking_the_share_takes_coles_proposals_out_of_his_reach(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    cole.propose(ana.id, PMP, "add_action", "Book the exam")
    [proposal] = shared.proposal_ids()
    share = re.search(r'action="/sharing/(\d+)/revoke"', ana.get("/sharing").text)
    assert share is not None
    assert ana.post(f"/sharing/{share.group(1)}/revoke").status_code == 303
    before = saved(shared)
    assert cole.get(f"/shared/{ana.id}").status_code == 404
    assert cole.post(f"/shared/{ana.id}/proposals/{proposal}/withdraw").status_code == 404
    assert cole.propose(ana.id, PMP, "add_action", "One more").status_code == 404
    assert saved(shared) == before
    # Ana still has it to answer.
    assert shared.proposal_ids() == [proposal]
    assert ana.post(f"/proposals/{proposal}/decline").status_code == 303


# --- what a proposal may say ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "status", "refusal"),
    [
        (
            {"kind": "edit_goal", "text": "", "due": ""},
            422,
            "Propose new wording for the goal, a new due date, or both.",
        ),
        (
            {"kind": "edit_goal", "text": PMP_TEXT, "due": ""},
            422,
            "The goal says that already: propose other wording or another due date.",
        ),
        ({"kind": "add_action", "text": "   ", "due": ""}, 422, "The action text is empty."),
        (
            {"kind": "add_action", "text": "y" * 1001, "due": ""},
            422,
            "The action text is 1,001 characters long; the limit is 1,000. Shorten it, and keep "
            "details in a check-in note.",
        ),
        (
            {"kind": "add_action", "text": "Book the exam", "due": "2027-02-30"},
            422,
            "'2027-02-30' is not a date: February 2027 has 28 days.",
        ),
        (
            {"kind": "edit_goal", "text": "", "due": "soon"},
            422,
            "'soon' is not a date I can read. Use an ISO date like 2027-06-30, or a relative "
            "form like +6m, +2w, +10d, +1y, today, tomorrow.",
        ),
        (
            {"kind": "remove_goal", "text": "Gone", "due": ""},
            422,
            "'remove_goal' is not something to propose: choose edit_goal (new wording or a new "
            "due date for the goal) or add_action (a new action under it).",
        ),
    ],
)
def test_a_proposal_out_of_bounds_is_refused_with_the_reason_and_kept(
    shared: Server, data: dict[str, str], status: int, refusal: str
) -> None:
    before = saved(shared)
    refused = shared.cole.post(f"/shared/{shared.ana.id}/proposals", {"goal_id": str(PMP), **data})
    assert refused.status_code == status
    assert message(refused) == refusal
    assert saved(shared) == before
    if data["text"].strip() and data["kind"] in ("edit_goal", "add_action"):
        # The form comes back open, with what was typed.
        assert f">{html.escape(data['text'])}</textarea>" in refused.text
        assert '<details class="inline-edit propose" open>' in refused.text


def test_words_in_any_script_are_kept_as_written_and_escaped(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    words = "Réussir l’examen — 目標 ✓ 🎯 <script>alert(1)</script>"
    assert cole.propose(ana.id, PMP, "add_action", words).status_code == 303
    page = ana.get("/proposals").text
    assert "Réussir l’examen — 目標 ✓ 🎯 &lt;script&gt;alert(1)&lt;/script&gt;</ins>" in page
    assert "<script>alert(1)" not in page
    [proposal] = shared.proposal_ids()
    assert ana.post(f"/proposals/{proposal}/accept").status_code == 303
    with shared.workspace.as_owner(ana.id).unit() as uow:
        assert [a.text for a in uow.actions.all(PMP)][-1] == words


# --- a single-person install ----------------------------------------------------------------


def test_a_single_person_install_has_no_proposals(browser: Browser) -> None:
    assert browser.get("/proposals").status_code == 404
    for url in [
        "/proposals/1/accept",
        "/proposals/1/decline",
        "/shared/1/proposals",
        "/shared/1/proposals/1/withdraw",
    ]:
        assert browser.post(url, {"goal_id": "1", "kind": "add_action"}).status_code == 404, url
    assert browser.get("/api/v1/proposals").status_code == 404
