"""Sharing on the pages of a server with accounts, as three browsers see it: Ana shares her plan,
Cole (her coach) accepts, Ben has no share. What Cole sees and may do, and every way in that
must be refused: a guessed, spent, expired or someone else's invitation, a plan not shared, a
private goal, a revoked share or link. Nothing is shared on a single-person install."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta
from typing import Any

import pytest
from httpx2 import Response

from careerplan.services.actions import add_action
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.workspace import Workspace
from tests.sharing_story import (
    ANA,
    COLE,
    DAN,
    DREAM,
    ENTRY_NOTE,
    MANAGER,
    MANAGER_TEXT,
    NETWORKING,
    PMP,
    PMP_TEXT,
    SECRETS,
    review_with_secrets,
)
from tests.web.conftest import LOCAL_URL
from tests.web.pages.conftest import Browser
from tests.web.pages.helpers import snapshot
from tests.web.server_with_accounts import Server, start

COMMENT_FORM = 'name="text"'
NOT_VALID = "This invitation is not valid"


@pytest.fixture
def server(story: Workspace, clock: FixedClock) -> Server:
    return start(story, clock)


def message(response: Response) -> str:
    found = re.search(r'<p class="error" role="alert">(.*?)</p>', response.text, re.S)
    return found.group(1) if found else ""


def unchanged(server: Server) -> dict[str, list[tuple[Any, ...]]]:
    return snapshot(server.workspace)


# --- the whole way through ------------------------------------------------------------------


def test_cole_accepts_and_follows_anas_plan(server: Server) -> None:
    # Ana doubts her two-year goal (confidence 2 of 5): her plan is at risk. Her notes on the
    # review are hers alone.
    review_with_secrets(server.workspace.as_owner(server.ana.id), server.clock, confidence=2)
    assert "Nobody shares a plan with you yet" in server.cole.get("/shared").text

    join = server.invite()
    sharing = server.ana.get("/sharing").text
    assert f'{COLE} <span class="muted">(invited, until 2026-12-02)</span>' in sharing
    # Opening the address without signing in leads to sign-in and back.
    anonymous = server.anonymous().get(join, follow_redirects=False)
    assert anonymous.status_code == 303
    assert anonymous.headers["location"].startswith("/login?next=%2Fshared%2Fjoin%2F")
    page = server.cole.get(join)
    assert page.status_code == 200
    assert f'action="{join}"' in page.text
    accepted = server.cole.post(join)
    assert (accepted.status_code, accepted.headers["location"]) == (303, "/shared")

    clients = server.cole.get("/shared")
    assert clients.status_code == 200
    row = re.search(r"<tr>\s*<td data-label=\"Whose\">.*?</tr>", clients.text, re.S)
    assert row is not None
    assert f'<a href="/shared/{server.ana.id}">{ANA}</a>' in row.group(0)
    assert '<span class="badge">at risk</span>' in row.group(0)
    # A week after Wednesday's review, on her preferred Sunday.
    assert "2026-11-29" in row.group(0)
    assert "commenter" in row.group(0)

    plan = server.cole.get(f"/shared/{server.ana.id}")
    assert plan.status_code == 200
    for shown in ["Work as COO of a high-tech startup", MANAGER_TEXT, PMP_TEXT, NETWORKING]:
        assert shown in plan.text
    assert 'Status: <span class="badge">at risk</span>' in plan.text
    assert "Next review 2026-11-29 (last 2026-11-25)" in plan.text
    assert "You can see the plan and comment." in plan.text
    assert plan.text.count(COMMENT_FORM) >= 4  # three goals, an action, the review
    for secret in SECRETS:
        assert secret not in plan.text
    # Ana's own pages keep every word.
    own_reviews = server.ana.get("/review").text
    for secret in SECRETS:
        assert secret in own_reviews
    assert ENTRY_NOTE in server.ana.get(f"/plan/goals/{PMP}").text
    # Her sharing page lists Cole, now with the share taken.
    sharing = server.ana.get("/sharing").text
    assert f'<td data-label="Who">{COLE}</td>' in sharing
    assert "Revoke</button>" in sharing


def test_two_owners_sharing_with_one_coach_each_page_shows_only_its_owner(
    server: Server,
) -> None:
    dan = server.person(DAN)
    with server.workspace.as_owner(dan.id).unit() as uow:
        goal = add_goal(uow, server.clock, text="Run a 10k race by 2027-05-01").goal
        assert goal.id is not None
        add_action(uow, server.clock, goal.id, "Train three times a week")
    dans_goal = goal.id
    server.share_with_cole()
    page = dan.post("/sharing/invite", {"email": COLE, "role": "viewer", "days": "3"})
    join = re.search(rf'value="{LOCAL_URL}(/shared/join/[^"]+)"', page.text)
    assert join is not None
    assert server.cole.post(join.group(1)).status_code == 303

    clients = server.cole.get("/shared").text
    assert f'href="/shared/{server.ana.id}"' in clients
    assert f'href="/shared/{dan.id}"' in clients
    anas = server.cole.get(f"/shared/{server.ana.id}").text
    dans = server.cole.get(f"/shared/{dan.id}").text
    assert PMP_TEXT in anas
    assert NETWORKING in anas
    assert "Run a 10k race" not in anas
    assert "Train three times" not in anas
    assert "Run a 10k race" in dans
    assert "Train three times" in dans
    assert PMP_TEXT not in dans
    assert NETWORKING not in dans
    assert ANA not in dans
    # Cole is Dan's viewer: no comment forms there.
    assert COMMENT_FORM not in dans
    # Dan's goal named on Ana's plan is no goal of hers, and nothing is saved.
    before = unchanged(server)
    assert server.cole.comment(server.ana.id, "goal", dans_goal, "Hello").status_code == 404
    assert unchanged(server) == before
    # Neither owner reaches the other's plan.
    assert dan.get(f"/shared/{server.ana.id}").status_code == 404
    assert server.ana.get(f"/shared/{dan.id}").status_code == 404


# --- invitations refused --------------------------------------------------------------------


def test_invitations_that_must_be_refused_are_and_change_nothing(server: Server) -> None:
    for_cole = server.invite()
    for_anyone = server.invite(email="")
    before = unchanged(server)

    # A guessed code, and one a character off (a different character, whatever the last was).
    off_by_one = for_cole[:-1] + ("B" if for_cole.endswith("A") else "A")
    for guess in [f"/shared/join/{secrets.token_urlsafe(24)}", off_by_one]:
        refused = server.ben.post(guess)
        assert refused.status_code == 409
        assert NOT_VALID in message(refused)
    # Cole's invitation, taken by Ben.
    refused = server.ben.post(for_cole)
    assert refused.status_code == 409
    assert "This invitation is for another address" in message(refused)
    # Ana, taking her own.
    refused = server.ana.post(for_anyone)
    assert refused.status_code == 409
    assert "invitation to your own plan" in message(refused)
    assert unchanged(server) == before
    assert server.ben.get(f"/shared/{server.ana.id}").status_code == 404

    # Used once by Cole, it is spent: Cole again, or Ben after him, are refused.
    assert server.cole.post(for_cole).status_code == 303
    taken = unchanged(server)
    for again in [server.cole, server.ben]:
        refused = again.post(for_cole)
        assert refused.status_code == 409
        assert "used already" in message(refused)
    assert unchanged(server) == taken
    assert ANA not in server.ben.get("/shared").text


def test_an_invitation_a_week_old_has_expired(server: Server) -> None:
    join = server.invite()
    server.clock.moment += timedelta(days=8)
    server.cole.sign_in()  # the old session has long been idle
    server.ana.sign_in()
    before = unchanged(server)
    refused = server.cole.post(join)
    assert refused.status_code == 409
    assert "has expired" in message(refused)
    assert unchanged(server) == before
    assert "Nobody shares a plan with you yet" in server.cole.get("/shared").text
    assert server.cole.get(f"/shared/{server.ana.id}").status_code == 404
    # Ana's page no longer lists it as open.
    assert "(invited, until" not in server.ana.get("/sharing").text


def test_an_invitation_form_out_of_bounds_is_refused_with_the_reason(server: Server) -> None:
    server.ana.get("/sharing")
    before = unchanged(server)
    for data, reason in [
        ({"email": COLE, "role": "owner", "days": "7"}, "is not a role"),
        ({"email": COLE, "role": "viewer", "days": "91"}, "lasts 1 to 90 days, not 91"),
        ({"email": "cole", "role": "viewer", "days": "7"}, "is not an e-mail address"),
        ({"email": ANA, "role": "viewer", "days": "7"}, "That is your own address"),
    ]:
        refused = server.ana.post("/sharing/invite", data)
        assert refused.status_code == 422
        assert reason in message(refused)
        assert "/shared/join/" not in refused.text
    assert unchanged(server) == before


# --- who may not see, or not comment ----------------------------------------------------------


def test_without_a_share_ana_s_plan_is_not_there(server: Server) -> None:
    ana = server.ana.id
    server.share_with_cole()
    share = re.search(r'action="/sharing/(\d+)/revoke"', server.ana.get("/sharing").text)
    assert share is not None
    before = unchanged(server)
    ben = server.ben
    assert ben.get(f"/shared/{ana}").status_code == 404
    assert ben.comment(ana, "goal", PMP, "Hello").status_code == 404
    assert ben.comment(ana, "nonsense", PMP, "Hello").status_code == 404
    # Ids no row could have (past what the database stores) are the same 404, not an error.
    for ident in ["99999", "-1", str(2**31), str(10**30)]:
        assert ben.get(f"/shared/{ident}").status_code == 404, ident
        assert ben.comment(int(ident), "goal", PMP, "Hello").status_code == 404, ident
        assert ben.post(f"/sharing/{ident}/revoke").status_code == 404, ident
        assert ben.post(f"/sharing/links/{ident}/revoke").status_code == 404, ident
        assert ben.post(f"/sharing/private/{ident}", {"private": "yes"}).status_code == 404
    assert server.cole.comment(ana, "action", 10**30, "Hello").status_code == 404
    # Nor can Ben act on her shares, links or goals from his own sharing page.
    assert ben.post(f"/sharing/{share.group(1)}/revoke").status_code == 404
    assert ben.post(f"/sharing/private/{PMP}", {"private": "yes"}).status_code == 404
    assert unchanged(server) == before
    assert server.cole.get(f"/shared/{ana}").status_code == 200


def test_a_viewer_sees_the_plan_but_may_not_comment(server: Server) -> None:
    server.share_with_cole("viewer")
    page = server.cole.get(f"/shared/{server.ana.id}")
    assert page.status_code == 200
    assert PMP_TEXT in page.text
    assert "You can see the plan." in page.text
    assert COMMENT_FORM not in page.text
    refused = server.cole.comment(server.ana.id, "goal", PMP, "Let me in")
    assert refused.status_code == 422
    assert message(refused) == "You can see this plan but not comment on it."
    owner_view = server.ana.get(f"/shared/{server.ana.id}").text
    assert "Let me in" not in owner_view
    assert "commented" not in server.ana.get("/sharing").text


def test_a_private_goal_is_hidden_with_all_under_it(server: Server) -> None:
    ana = server.ana.id
    server.share_with_cole()
    networking = server.action_on(PMP)
    assert server.cole.comment(ana, "goal", PMP, "PMP-COMMENT-x1").status_code == 303
    assert server.cole.comment(ana, "action", networking, "ACTION-COMMENT-x2").status_code == 303
    assert server.cole.comment(ana, "goal", DREAM, "DREAM-COMMENT-x3").status_code == 303
    link = server.make_link()

    marked = server.ana.post(f"/sharing/private/{MANAGER}", {"private": "yes"})
    assert (marked.status_code, marked.headers["location"]) == (303, "/sharing#private")
    assert '<span class="tag">private</span>' in server.ana.get("/sharing").text

    hidden = [MANAGER_TEXT, PMP_TEXT, NETWORKING, "PMP-COMMENT-x1", "ACTION-COMMENT-x2"]
    coles = server.cole.get(f"/shared/{ana}").text
    by_link = server.anonymous().get(link).text
    for page in [coles, by_link]:
        for words in hidden:
            assert words not in page
        assert "Work as COO of a high-tech startup" in page
        assert "private goal" not in page  # not even how many there are
    assert "DREAM-COMMENT-x3" in coles
    before = unchanged(server)
    for kind, subject in [("goal", MANAGER), ("goal", PMP), ("action", networking)]:
        assert server.cole.comment(ana, kind, subject, "peek").status_code == 404
    assert unchanged(server) == before
    # Ana sees her plan as they do, told what is held back; her plan itself is whole.
    own = server.ana.get(f"/shared/{ana}").text
    assert "2 private goals not shown to others." in own
    assert PMP_TEXT in server.ana.get("/plan").text

    again = server.ana.post(f"/sharing/private/{MANAGER}", {"private": "no"})
    assert again.status_code == 303
    coles = server.cole.get(f"/shared/{ana}").text
    assert PMP_TEXT in coles
    assert "ACTION-COMMENT-x2" in coles


def test_revoking_ends_coles_access_at_once(server: Server) -> None:
    ana = server.ana.id
    server.share_with_cole()
    assert server.cole.get(f"/shared/{ana}").status_code == 200
    share = re.search(r'action="/sharing/(\d+)/revoke"', server.ana.get("/sharing").text)
    assert share is not None
    revoked = server.ana.post(f"/sharing/{share.group(1)}/revoke")
    assert (revoked.status_code, revoked.headers["location"]) == (303, "/sharing")

    assert server.cole.get(f"/shared/{ana}").status_code == 404
    before = unchanged(server)
    assert server.cole.comment(ana, "goal", PMP, "Still here?").status_code == 404
    assert unchanged(server) == before
    clients = server.cole.get("/shared").text
    assert ANA not in clients
    assert "Nobody shares a plan with you yet" in clients
    assert "Nobody yet" in server.ana.get("/sharing").text
    # Revoking again finds nothing to revoke.
    assert server.ana.post(f"/sharing/{share.group(1)}/revoke").status_code == 404


# --- read-only links ------------------------------------------------------------------------


def test_a_read_only_link_works_without_sign_in_until_revoked(server: Server) -> None:
    link = server.make_link()
    anyone = server.anonymous()
    page = anyone.get(link, follow_redirects=False)
    assert page.status_code == 200
    assert PMP_TEXT in page.text
    assert NETWORKING in page.text
    assert "A read-only view: nothing here can be changed." in page.text
    assert "<h1>Ana's plan</h1>" in page.text
    assert ANA not in page.text  # her sign-in address stays with those she shares with
    assert COMMENT_FORM not in page.text
    assert "/comments" not in page.text
    assert page.headers["x-robots-tag"] == "noindex"
    assert page.headers["cache-control"] == "private, no-store"
    # Nor can the link holder comment: that needs an account with a share.
    owner = server.ana.id
    sent = anyone.post(
        f"/shared/{owner}/comments",
        data={"kind": "goal", "subject_id": str(PMP), "text": "Hi"},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    assert sent.headers["location"].startswith("/login?next=")

    for guess in [f"/s/{secrets.token_urlsafe(24)}", link[:-1], link + "x", "/s/"]:
        assert anyone.get(guess, follow_redirects=False).status_code == 404, guess

    link_id = re.search(r'action="/sharing/links/(\d+)/revoke"', server.ana.get("/sharing").text)
    assert link_id is not None
    assert server.ben.post(f"/sharing/links/{link_id.group(1)}/revoke").status_code == 404
    assert anyone.get(link).status_code == 200
    assert server.ana.post(f"/sharing/links/{link_id.group(1)}/revoke").status_code == 303
    gone = anyone.get(link, follow_redirects=False)
    assert gone.status_code == 404
    assert PMP_TEXT not in gone.text
    assert "(no longer works)" in server.ana.get("/sharing").text


def test_a_read_only_link_with_an_end_stops_working_then(server: Server) -> None:
    link = server.make_link(days="2")
    anyone = server.anonymous()
    assert anyone.get(link).status_code == 200
    server.clock.moment += timedelta(days=2)
    gone = anyone.get(link, follow_redirects=False)
    assert gone.status_code == 404
    assert PMP_TEXT not in gone.text
    server.ana.sign_in()
    assert "(no longer works)" in server.ana.get("/sharing").text
    refused = server.ana.post("/sharing/links", {"days": "366"})
    assert refused.status_code == 422
    assert "lasts 1 to 365 days, not 366" in message(refused)


# --- comments -------------------------------------------------------------------------------


def test_comments_are_checked_kept_as_written_and_reach_ana(server: Server) -> None:
    ana = server.ana.id
    server.share_with_cole()
    before = unchanged(server)
    empty = server.cole.comment(ana, "goal", PMP, "   ")
    assert empty.status_code == 422
    assert message(empty) == "Write something to comment."
    too_long = server.cole.comment(ana, "goal", PMP, "x" * 2001)
    assert too_long.status_code == 422
    assert message(too_long) == "The comment has 2,001 characters; keep it to 2,000."
    # The refusal shows the plan again with the reason; that is no new view, and nothing is
    # written, the log included.
    assert unchanged(server) == before
    for bad in [{"kind": "goal", "subject_id": "x"}, {"kind": "user", "subject_id": "1"}]:
        assert server.cole.post(f"/shared/{ana}/comments", {**bad, "text": "hi"}).status_code == 404

    words = "Très bien, Ана — 目標 ✓ 🎯"
    sent = server.cole.comment(ana, "goal", PMP, words)
    assert (sent.status_code, sent.headers["location"]) == (303, f"/shared/{ana}#goal-{PMP}")
    sneaky = server.cole.comment(ana, "goal", PMP, "<script>alert(1)</script>")
    assert sneaky.status_code == 303
    longest = server.cole.comment(ana, "goal", PMP, "y" * 2000)
    assert longest.status_code == 303

    thread = server.ana.get(f"/shared/{ana}").text
    assert words in thread
    assert f"<strong>{COLE}</strong>" in thread
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in thread
    assert "<script>alert(1)" not in thread
    assert "y" * 2000 in thread
    # Ana answers in the same thread, and Cole sees the answer.
    assert server.ana.comment(ana, "goal", PMP, "Thank you, Cole").status_code == 303
    assert "Thank you, Cole" in server.cole.get(f"/shared/{ana}").text


def test_the_sharing_page_shows_who_viewed_and_commented_and_when(server: Server) -> None:
    ana = server.ana.id
    server.share_with_cole()
    server.clock.moment += timedelta(minutes=10)
    assert server.cole.get(f"/shared/{ana}").status_code == 200
    server.clock.moment += timedelta(minutes=5)
    assert server.cole.comment(ana, "goal", PMP, "Looks good").status_code == 303
    log = server.ana.get("/sharing").text
    assert f'<time datetime="2026-11-25T09:40:00+00:00">2026-11-25 09:40</time> · {COLE} ' in log
    assert f"2026-11-25 09:40</time> · {COLE} viewed the plan" in log
    assert f"2026-11-25 09:45</time> · {COLE} commented (goal {PMP})" in log
    assert f"{COLE} accepted an invitation (commenter)" in log
    # Ana's own look at her plan is not someone else's view.
    server.ana.get(f"/shared/{ana}")
    assert server.ana.get("/sharing").text.count("viewed the plan") == 1


# --- a single-person install ----------------------------------------------------------------


def test_a_single_person_install_has_no_sharing(browser: Browser) -> None:
    for url in ["/sharing", "/shared", "/shared/1", "/shared/join/abc", "/s/abc"]:
        assert browser.get(url).status_code == 404, url
    for url in [
        "/sharing/invite",
        "/sharing/links",
        "/sharing/1/revoke",
        "/sharing/links/1/revoke",
        "/sharing/private/1",
        "/shared/join/abc",
        "/shared/1/comments",
    ]:
        assert browser.post(url, {"kind": "goal", "subject_id": "1"}).status_code == 404, url
