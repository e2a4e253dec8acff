"""Proposals through the JSON API of a server with accounts, each person a script with their own
token: Ana shares her plan with Cole as an editor, Cole proposes, Ana accepts or declines; Ben has
no share. Every refusal is a problem document that says why, and saves nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from careerplan.domain.accounts import Identity
from careerplan.domain.sharing import Role
from careerplan.services.accounts import Accounts
from careerplan.services.clock import FixedClock
from careerplan.services.goals import edit_goal
from careerplan.services.sharing import Sharing
from careerplan.services.workspace import Workspace
from careerplan.web.app import create_app
from tests.sharing_story import ANA, BEN, COLE, FAST, MANAGER, NEW_WORDING, PASSWORD, PMP, PMP_TEXT
from tests.web.conftest import local_client
from tests.web.pages.helpers import snapshot
from tests.web.server_with_accounts import with_accounts

PMP_DUE = "2027-11-25"
PROBLEM = "application/problem+json"


@dataclass
class Script:
    """A script with one account's API token."""

    identity: Identity
    client: TestClient
    token: str

    @property
    def id(self) -> int:
        return self.identity.user_id

    def call(self, method: str, url: str, body: Any = None, **params: Any) -> Response:
        response = self.client.request(
            method,
            url,
            json=body,
            params=params or None,
            headers={"authorization": f"Bearer {self.token}"},
        )
        assert response.status_code < 500, response.text
        return response

    def propose(self, owner: int, goal: int, kind: str, **fields: Any) -> Response:
        body = {"owner_id": owner, "goal_id": goal, "kind": kind, **fields}
        return self.call("POST", "/api/v1/proposals", body)


@dataclass
class Server:
    workspace: Workspace
    clock: FixedClock
    accounts: Accounts
    sharing: Sharing
    ana: Script
    cole: Script
    ben: Script

    def share_with_cole(self, role: Role = Role.EDITOR) -> None:
        invitation = self.sharing.invite(self.ana.identity, role, COLE)
        self.sharing.accept(invitation.code, self.cole.identity)


@pytest.fixture
def server(story: Workspace, clock: FixedClock) -> Iterator[Server]:
    workspace = with_accounts(story)
    app = create_app(workspace=workspace, clock=clock)
    accounts: Accounts = app.state.accounts
    accounts.hasher = FAST
    with local_client(app) as client:

        def script(email: str, take: bool = False) -> Script:
            user_id = accounts.add(email, PASSWORD, take_local_plan=take)
            return Script(Identity(user_id, email), client, accounts.create_token(email))

        yield Server(
            workspace,
            clock,
            accounts,
            Sharing(workspace, clock),
            ana=script(ANA, take=True),
            cole=script(COLE),
            ben=script(BEN),
        )


@pytest.fixture
def shared(server: Server) -> Server:
    server.share_with_cole()
    return server


def problem(response: Response, status: int) -> str:
    """The problem document's detail, after checking it is one with this status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    return str(body["detail"])


def saved(server: Server) -> dict[str, list[tuple[Any, ...]]]:
    """Every row but the tokens', whose last use each request records."""
    rows = snapshot(server.workspace)
    rows.pop("api_tokens")
    return rows


def events(server: Server) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.subject) for e in server.sharing.audit(server.ana.id)]


# --- the whole way through ------------------------------------------------------------------


def test_cole_proposes_new_wording_and_ana_accepts_it(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    made = cole.propose(ana.id, PMP, "edit_goal", text=NEW_WORDING, due="2027-06-30")
    assert made.status_code == 201, made.text
    body = made.json()
    proposal = body["id"]
    assert made.headers["location"] == f"/api/v1/proposals/{proposal}"
    assert body == {
        "id": proposal,
        "owner_id": ana.id,
        "owner": ANA,
        "author": COLE,
        "goal_id": PMP,
        "kind": "edit_goal",
        "status": "pending",
        "text": NEW_WORDING,
        "due": "2027-06-30",
        "goal_text": PMP_TEXT,
        "goal_due": PMP_DUE,
        "created_at": "2026-11-25T09:30:00Z",
        "decided_at": None,
        "changed": "",
    }
    assert events(shared)[0] == (COLE, "proposed a change", f"goal {PMP}")
    [listed] = ana.call("GET", "/api/v1/proposals").json()
    assert listed == body
    assert [p["id"] for p in ana.call("GET", "/api/v1/proposals", status="pending").json()] == [
        proposal
    ]
    assert ana.call("GET", "/api/v1/proposals", status="accepted").json() == []
    assert ana.call("GET", f"/api/v1/proposals/{proposal}").json() == body
    assert cole.call("GET", f"/api/v1/proposals/{proposal}").json() == body
    assert [p["id"] for p in cole.call("GET", "/api/v1/proposals/sent").json()] == [proposal]
    assert cole.call("GET", "/api/v1/proposals/sent", owner_id=ana.id).json() == [body]
    # Cole's own plan has none waiting.
    assert cole.call("GET", "/api/v1/proposals").json() == []

    accepted = ana.call("POST", f"/api/v1/proposals/{proposal}/accept")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["proposal"]["status"] == "accepted"
    assert accepted.json()["proposal"]["decided_at"] == "2026-11-25T09:30:00Z"
    assert isinstance(accepted.json()["notes"], list)
    goal = ana.call("GET", f"/api/v1/goals/{PMP}").json()
    assert (goal["text"], goal["due"]) == (NEW_WORDING, "2027-06-30")
    assert events(shared)[0] == (
        ANA,
        "accepted a proposal",
        f"proposal {proposal} on goal {PMP}, by {COLE}",
    )


def test_cole_proposes_an_action_ana_declines_it_and_one_he_withdraws(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    action = cole.propose(ana.id, MANAGER, "add_action", text="Ask for a team-lead role")
    assert action.status_code == 201
    assert (action.json()["text"], action.json()["due"]) == ("Ask for a team-lead role", None)
    declined = ana.call("POST", f"/api/v1/proposals/{action.json()['id']}/decline")
    assert declined.status_code == 200
    assert declined.json()["status"] == "declined"
    assert ana.call("GET", "/api/v1/actions", goal_id=MANAGER).json() == []

    other = cole.propose(ana.id, PMP, "add_action", text="Join a study group", due="2027-01-15")
    other_id = other.json()["id"]
    before = saved(shared)
    for someone in (ana, shared.ben):
        detail = problem(someone.call("POST", f"/api/v1/proposals/{other_id}/withdraw"), 404)
        assert detail == f"No proposal with id {other_id}."
    assert saved(shared) == before
    withdrawn = cole.call("POST", f"/api/v1/proposals/{other_id}/withdraw")
    assert withdrawn.json()["status"] == "withdrawn"
    detail = problem(ana.call("POST", f"/api/v1/proposals/{other_id}/accept"), 409)
    assert detail == f"Proposal {other_id} was withdrawn already."
    assert [p["status"] for p in ana.call("GET", "/api/v1/proposals").json()] == [
        "withdrawn",
        "declined",
    ]


# --- who may propose, and on what -----------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "refusal"),
    [
        (
            Role.VIEWER,
            "You can see the plan, but not propose changes: only an editor of the plan can.",
        ),
        (
            Role.COMMENTER,
            "You can see the plan and comment, but not propose changes: only an editor of the "
            "plan can.",
        ),
    ],
)
def test_a_viewer_or_a_commenter_is_refused_with_403(
    server: Server, role: Role, refusal: str
) -> None:
    server.share_with_cole(role)
    before = saved(server)
    for kind in ("edit_goal", "add_action"):
        answer = server.cole.propose(server.ana.id, PMP, kind, text="Let me in")
        assert problem(answer, 403) == refusal
    assert saved(server) == before


def test_a_private_goal_answers_like_one_that_does_not_exist(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    shared.sharing.set_private(ana.id, MANAGER, True)
    before = saved(shared)
    answers = {
        goal: cole.propose(ana.id, goal, "add_action", text="Peek") for goal in (MANAGER, PMP, 999)
    }
    for goal, answer in answers.items():
        assert problem(answer, 404) == f"No goal with id {goal}."
        assert answer.json()["title"] == answers[999].json()["title"]
    assert saved(shared) == before


def test_a_stranger_finds_neither_the_plan_nor_its_proposals(shared: Server) -> None:
    ana, cole, ben = shared.ana, shared.cole, shared.ben
    proposal = cole.propose(ana.id, PMP, "add_action", text="Book the exam").json()["id"]
    before = saved(shared)
    assert problem(ben.propose(ana.id, PMP, "add_action", text="Mine"), 404) == (
        f"No plan with id {ana.id}."
    )
    for url in (
        f"/api/v1/proposals/{proposal}",
        f"/api/v1/proposals/{proposal}/accept",
        f"/api/v1/proposals/{proposal}/decline",
        f"/api/v1/proposals/{proposal}/withdraw",
    ):
        method = "GET" if url.endswith(str(proposal)) else "POST"
        assert problem(ben.call(method, url), 404) == f"No proposal with id {proposal}."
    assert ben.call("GET", "/api/v1/proposals").json() == []
    assert ben.call("GET", "/api/v1/proposals/sent").json() == []
    assert ben.call("GET", "/api/v1/proposals/sent", owner_id=ana.id).json() == []
    # Cole cannot answer his own proposal: it is Ana's plan.
    assert problem(cole.call("POST", f"/api/v1/proposals/{proposal}/accept"), 404)
    assert saved(shared) == before
    # Nobody signed in is refused before anything is read.
    anonymous = shared.ana.client.post("/api/v1/proposals", json={})
    assert problem(anonymous, 401)


def test_a_read_only_token_may_list_but_not_propose(shared: Server) -> None:
    reader = shared.accounts.create_token(COLE, read_only=True)
    script = replace(shared.cole, token=reader)
    before = saved(shared)
    assert problem(script.propose(shared.ana.id, PMP, "add_action", text="Hi"), 403)
    assert saved(shared) == before
    assert script.call("GET", "/api/v1/proposals/sent").json() == []


# --- a plan that changed since --------------------------------------------------------------


def test_a_goal_reworded_since_is_a_409_and_the_proposal_still_waits(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    proposal = cole.propose(ana.id, PMP, "edit_goal", text=NEW_WORDING).json()["id"]
    with shared.workspace.as_owner(ana.id).unit() as uow:
        edit_goal(uow, shared.clock, PMP, text="Pass the PMP exam this year")
    reworded = "The goal was reworded after this was proposed, so it would not apply as meant."
    assert ana.call("GET", f"/api/v1/proposals/{proposal}").json()["changed"] == reworded
    # Cole is not told: what the goal says now is Ana's to show.
    assert cole.call("GET", f"/api/v1/proposals/{proposal}").json()["changed"] == ""
    before = saved(shared)
    detail = problem(ana.call("POST", f"/api/v1/proposals/{proposal}/accept"), 409)
    assert detail.startswith(f"{reworded} Nothing was changed")
    assert saved(shared) == before
    assert ana.call("GET", f"/api/v1/proposals/{proposal}").json()["status"] == "pending"


def test_revoking_the_share_takes_coles_proposals_out_of_his_reach(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    proposal = cole.propose(ana.id, PMP, "add_action", text="Book the exam").json()["id"]
    [share] = shared.sharing.shares(ana.id)
    shared.sharing.revoke(ana.identity, share.id)
    before = saved(shared)
    assert cole.call("GET", "/api/v1/proposals/sent").json() == []
    assert problem(cole.call("GET", f"/api/v1/proposals/{proposal}"), 404)
    assert problem(cole.call("POST", f"/api/v1/proposals/{proposal}/withdraw"), 404)
    assert problem(cole.propose(ana.id, PMP, "add_action", text="More"), 404)
    assert saved(shared) == before
    assert ana.call("POST", f"/api/v1/proposals/{proposal}/decline").json()["status"] == (
        "declined"
    )


# --- what a proposal may say ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "status", "refusal"),
    [
        (
            {"kind": "edit_goal"},
            422,
            r"Propose new wording for the goal, a new due date, or both\.",
        ),
        ({"kind": "add_action", "text": "  "}, 422, r"The action text is empty\."),
        (
            {"kind": "add_action", "text": "y" * 1001},
            422,
            r"The action text is 1,001 characters long; the limit is 1,000\.",
        ),
        ({"kind": "add_action", "text": "y" * 100_001}, 422, r"text: String should have at most"),
        ({"kind": "edit_goal", "text": PMP_TEXT}, 422, r"The goal says that already"),
        ({"kind": "add_action", "text": "Book", "due": "2027-02-30"}, 422, r"^due: "),
        ({"kind": "add_action", "text": "Book", "due": "soon"}, 422, r"^due: "),
        ({"kind": "add_action", "text": "Book", "due": "3000-01-01"}, 422, r"^due: "),
        ({"kind": "remove_goal", "text": "Gone"}, 422, r"^kind: "),
        ({"kind": "add_action", "text": "Book\x00"}, 422, r"the text cannot be saved"),
        ({"kind": "add_action", "text": "Book", "colour": "red"}, 422, r"colour: Extra inputs"),
    ],
)
def test_a_proposal_out_of_bounds_is_a_422_that_says_why(
    shared: Server, fields: dict[str, Any], status: int, refusal: str
) -> None:
    before = saved(shared)
    answer = shared.cole.propose(shared.ana.id, PMP, **fields)
    assert re.search(refusal, problem(answer, status)), answer.text
    assert saved(shared) == before


def test_words_in_any_script_are_kept_as_written(shared: Server) -> None:
    ana, cole = shared.ana, shared.cole
    words = "Réussir l’examen PMP — 目標 ✓ 🎯 by June 2027"
    made = cole.propose(ana.id, PMP, "edit_goal", text=words)
    assert made.json()["text"] == words
    assert ana.call("POST", f"/api/v1/proposals/{made.json()['id']}/accept").status_code == 200
    assert ana.call("GET", f"/api/v1/goals/{PMP}").json()["text"] == words
