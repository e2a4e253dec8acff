"""Sharing through the JSON API of a server with accounts, as three scripts with API tokens see
it: Ana shares her plan, Cole (her coach) accepts, Ben has no share. What Cole reads and may
write, and every way in that must be refused: a plan not shared, a revoked share, a spent,
expired or someone else's invitation, a viewer's comment, a read-only token, nobody signed in,
bad input. Private goals never reach the shared plan. A single-person install has no such API."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from email import message_from_bytes
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplan.services.accounts import Accounts
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.web.app import create_app
from tests.services.smtp_server import Inbox, smtp_server
from tests.sharing_story import (
    ANA,
    BEN,
    COLE,
    DAN,
    DREAM,
    DREAM_TEXT,
    FAST,
    MANAGER,
    MANAGER_TEXT,
    NETWORKING,
    PASSWORD,
    PMP,
    PMP_TEXT,
    SECRETS,
    review_with_secrets,
)
from tests.web.conftest import LOCAL_URL, local_client
from tests.web.pages.helpers import snapshot
from tests.web.server_with_accounts import with_accounts

# Ana's networking action is action 1.
NETWORKING_ID = 1
NOW = "2026-11-25T09:30:00Z"
NOT_VALID = (
    "This invitation is not valid: it was used already, withdrawn, or has expired. Ask for a "
    "new one."
)
NO_MAIL = "This server sends no mail, so pass this address on yourself; it is shown only now."
VIEWER_REFUSED = "You can see this plan but not comment on it."
# Ids no row has: one a row could have, and ones past what the database stores.
UNUSED_IDS = (99999, 2**31, 10**30)
# The run against the OpenAPI description: generated requests for each operation and caller,
# valid and invalid. Rules beyond the schema (an e-mail address that is not one, a goal that is
# not there) rightly refuse some schema-valid requests, so that check does not apply.
EXAMPLES_PER_OPERATION = 15
MODES = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
SCHEMA_VALID_ACCEPTED = schemathesis.checks.positive_data_acceptance
# Rows every request may touch (a token's last use): not what a refusal must leave alone.
BOOKKEEPING = frozenset({"api_tokens", "web_sessions"})


@dataclass
class Caller:
    """A script with an API token for one account."""

    email: str
    id: int
    token: str
    client: TestClient

    def send(self, method: str, url: str, **options: Any) -> Response:
        headers = {"authorization": f"Bearer {self.token}", **options.pop("headers", {})}
        response = self.client.request(method, url, headers=headers, **options)
        assert response.status_code < 500, response.text
        return response

    def get(self, url: str, **params: Any) -> Response:
        return self.send("GET", url, params=params or None)

    def post(self, url: str, body: Any = None) -> Response:
        return self.send("POST", url, json=body if body is not None else {})

    def put(self, url: str, body: Any) -> Response:
        return self.send("PUT", url, json=body)

    def delete(self, url: str) -> Response:
        return self.send("DELETE", url)

    def comment(self, owner: int, on: str, subject: int, text: str) -> Response:
        body = {"on": on, "subject_id": subject, "text": text}
        return self.post(f"/api/v1/shared/{owner}/comments", body)


@dataclass
class Server:
    app: FastAPI
    workspace: Workspace
    accounts: Accounts
    clock: FixedClock
    client: TestClient
    ana: Caller
    cole: Caller
    ben: Caller

    def caller(self, email: str, *, read_only: bool = False) -> Caller:
        """A token for the account, a new one unless it has one."""
        known = {c.email: c.id for c in (self.ana, self.cole, self.ben)}
        user_id = known.get(email) or self.accounts.add(email, PASSWORD)
        token = self.accounts.create_token(email, read_only=read_only)
        return Caller(email, user_id, token, self.client)

    def invite(self, role: str = "commenter", email: str = COLE, days: int = 7) -> dict[str, Any]:
        made = self.ana.post(
            "/api/v1/shares/invitations", {"email": email, "role": role, "days": days}
        )
        assert made.status_code == 201, made.text
        body: dict[str, Any] = made.json()
        return body

    def share_with_cole(self, role: str = "commenter") -> int:
        """Returns the share's id."""
        made = self.invite(role)
        taken = self.cole.post("/api/v1/shared/accept", {"code": made["code"]})
        assert taken.status_code == 200, taken.text
        return int(made["id"])

    def rows(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row that a refused request must leave as it was."""
        found = snapshot(self.workspace)
        return {name: rows for name, rows in found.items() if name not in BOOKKEEPING}


def start(story: Workspace, clock: FixedClock, client: TestClient | None = None) -> Server:
    app = client.app if client is not None else create_app(workspace=story, clock=clock)
    assert isinstance(app, FastAPI)
    accounts: Accounts = app.state.accounts
    # The middleware holds this same object: a cheaper hasher here is the one it uses.
    accounts.hasher = FAST
    client = client or local_client(app)

    def caller(email: str, take_local_plan: bool = False) -> Caller:
        user_id = accounts.add(email, PASSWORD, take_local_plan=take_local_plan)
        return Caller(email, user_id, accounts.create_token(email), client)

    # Ana's account takes the story's plan; Cole and Ben start with none.
    ana = caller(ANA, take_local_plan=True)
    return Server(app, story, accounts, clock, client, ana, caller(COLE), caller(BEN))


@pytest.fixture
def server(story: Workspace, clock: FixedClock) -> Iterator[Server]:
    workspace = with_accounts(story)
    with local_client(create_app(workspace=workspace, clock=clock)) as client:
        yield start(workspace, clock, client)


def problem(response: Response, status: int) -> str:
    """The problem document's detail, after checking it is one with this status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    return str(body["detail"])


def goal_ids(plan: dict[str, Any]) -> list[int]:
    return [goal["id"] for goal in plan["goals"]]


def comment_out(ident: int, on: str, subject: int, text: str, author: str = COLE) -> dict[str, Any]:
    return {
        "id": ident,
        "on": on,
        "subject_id": subject,
        "author": author,
        "text": text,
        "at": NOW,
        "by_owner": author == ANA,
    }


# --- the whole way through ------------------------------------------------------------------


def test_cole_accepts_an_invitation_and_reads_anas_plan_as_json(server: Server) -> None:
    # Ana doubts her two-year goal (confidence 2 of 5), so her plan is at risk; her notes on the
    # review are hers alone.
    review_with_secrets(server.workspace.as_owner(server.ana.id), server.clock, confidence=2)
    assert server.cole.get("/api/v1/shared").json() == []

    made = server.invite()
    code = made.pop("code")
    assert re.fullmatch(r"[\w-]{32}", code)
    assert made == {
        "id": made["id"],
        "role": "commenter",
        "email": COLE,
        "url": f"{LOCAL_URL}/shared/join/{code}",
        "expires_at": "2026-12-02T09:30:00Z",
        "delivery": NO_MAIL,
    }
    invited = {
        "id": made["id"],
        "role": "commenter",
        "member": COLE,
        "accepted": False,
        "created_at": NOW,
        "expires_at": "2026-12-02T09:30:00Z",
    }
    assert server.ana.get("/api/v1/shares").json() == [invited]

    taken = server.cole.post("/api/v1/shared/accept", {"code": f"  {code} "})
    assert taken.status_code == 200
    assert taken.json() == {"owner_id": server.ana.id, "owner": ANA, "role": "commenter"}
    shares = server.ana.get("/api/v1/shares").json()
    assert shares == [invited | {"accepted": True, "expires_at": None}]

    # What the coach's list shows: a week after Wednesday's review, on her preferred Sunday.
    assert server.cole.get("/api/v1/shared").json() == [
        {
            "owner_id": server.ana.id,
            "owner": ANA,
            "role": "commenter",
            "status": "at risk",
            "needs_attention": 1,
            "next_review": "2026-11-29",
            "review_due": False,
            "last_review": "2026-11-25",
        }
    ]
    read = server.cole.get(f"/api/v1/shared/{server.ana.id}/plan")
    assert read.status_code == 200
    assert read.json() == {
        "owner_id": server.ana.id,
        "owner": ANA,
        "role": "commenter",
        "may_comment": True,
        "dream_job": DREAM_TEXT,
        "status": "at risk",
        "next_review": "2026-11-29",
        "last_review": "2026-11-25",
        "goals": [
            {"id": DREAM, "parent_id": None, "text": DREAM_TEXT, "horizon": "long",
             "due": "2031-11-25", "status": "active", "standing": "on track", "actions": [],
             "comments": []},
            {"id": MANAGER, "parent_id": DREAM, "text": MANAGER_TEXT, "horizon": "2y",
             "due": "2028-11-25", "status": "active", "standing": "at risk", "actions": [],
             "comments": []},
            {"id": PMP, "parent_id": MANAGER, "text": PMP_TEXT, "horizon": "12m",
             "due": "2027-11-25", "status": "active", "standing": "on track",
             "actions": [{"id": NETWORKING_ID, "text": NETWORKING, "due": None, "done": False,
                          "comments": []}],
             "comments": []},
        ],
        "reviews": [
            {"id": 1, "held_on": "2026-11-25", "cadence": "weekly",
             "entries": [
                 {"goal_id": MANAGER, "progress": None, "confidence": 2, "decision": "keep"},
                 {"goal_id": PMP, "progress": 10.0, "confidence": None, "decision": "keep"},
             ],
             "comments": []},
        ],
        "private_goals": None,
    }  # fmt: skip
    for secret in SECRETS:
        assert secret not in read.text
    # Ana's own reviews keep every word.
    own = server.ana.get("/api/v1/reviews").text
    assert all(secret in own for secret in SECRETS)


def test_a_second_invitation_to_the_same_plan_replaces_the_first_role(server: Server) -> None:
    first = server.share_with_cole("viewer")
    second = server.share_with_cole("editor")
    assert [c["role"] for c in server.cole.get("/api/v1/shared").json()] == ["editor"]
    assert [(s["id"], s["role"]) for s in server.ana.get("/api/v1/shares").json()] == [
        (second, "editor")
    ]
    assert server.ana.delete(f"/api/v1/shares/{first}").status_code == 404


def test_an_invitation_by_email_is_sent_when_the_server_sends_mail(
    story: Workspace, clock: FixedClock
) -> None:
    inbox = Inbox()
    with smtp_server(inbox) as smtp:
        workspace = with_accounts(story, smtp=smtp)
        with local_client(create_app(workspace=workspace, clock=clock)) as client:
            server = start(workspace, clock, client)
            made = server.invite(email=" Cole@Example.org ")
    assert made["email"] == COLE
    assert made["delivery"] == f"An e-mail with this address went to {COLE}."
    [(sender, recipients, data)] = inbox.received
    assert (sender, recipients) == ("careerplan@example.org", [COLE])
    message = message_from_bytes(data)
    assert message["Subject"] == f"{ANA} shares their career plan with you"
    assert made["url"] in str(message.get_payload(decode=True), "utf-8")


# --- private goals --------------------------------------------------------------------------


def test_a_private_goal_never_appears_in_the_shared_plan(server: Server) -> None:
    review_with_secrets(server.workspace.as_owner(server.ana.id), server.clock, confidence=2)
    ana = server.ana.id
    server.share_with_cole()
    for on, subject, words in [
        ("goal", PMP, "PMP-COMMENT-x1"),
        ("action", NETWORKING_ID, "ACTION-COMMENT-x2"),
        ("goal", DREAM, "DREAM-COMMENT-x3"),
        ("review", 1, "REVIEW-COMMENT-x4"),
    ]:
        assert server.cole.comment(ana, on, subject, words).status_code == 201

    marked = server.ana.put(f"/api/v1/goals/{MANAGER}/private", {"private": True})
    assert marked.status_code == 200
    assert marked.json() == {"goal_id": MANAGER, "private": True}
    # Marking it again changes nothing.
    assert server.ana.put(f"/api/v1/goals/{MANAGER}/private", {"private": True}).status_code == 200

    hidden = [MANAGER_TEXT, PMP_TEXT, NETWORKING, "PMP-COMMENT-x1", "ACTION-COMMENT-x2"]
    plan = server.cole.get(f"/api/v1/shared/{ana}/plan")
    comments = server.cole.get(f"/api/v1/shared/{ana}/comments")
    for answer in (plan, comments):
        assert answer.status_code == 200
        for words in hidden:
            assert words not in answer.text
    shown = plan.json()
    assert goal_ids(shown) == [DREAM]
    assert shown["private_goals"] is None  # not even how many there are
    # The review stays, without its entries on the hidden goals.
    assert [(r["id"], r["entries"]) for r in shown["reviews"]] == [(1, [])]
    assert [c["text"] for c in shown["goals"][0]["comments"]] == ["DREAM-COMMENT-x3"]
    assert [c["text"] for c in comments.json()] == ["DREAM-COMMENT-x3", "REVIEW-COMMENT-x4"]
    narrowed = server.cole.get(f"/api/v1/shared/{ana}/comments", on="goal", subject_id=PMP)
    assert narrowed.json() == []
    # Cole cannot reach the hidden goals by naming them either.
    before = server.rows()
    for on, subject in [("goal", MANAGER), ("goal", PMP), ("action", NETWORKING_ID)]:
        refused = server.cole.comment(ana, on, subject, "peek")
        assert problem(refused, 404) == f"No {on} with id {subject}."
    assert server.rows() == before

    # Ana sees her plan as others do, told how many goals are held back; her plan is whole.
    own = server.ana.get(f"/api/v1/shared/{ana}/plan").json()
    assert (goal_ids(own), own["private_goals"], own["role"]) == ([DREAM], 2, None)
    assert [g["id"] for g in server.ana.get("/api/v1/goals").json()] == [DREAM, MANAGER, PMP]

    shown_again = server.ana.put(f"/api/v1/goals/{MANAGER}/private", {"private": False})
    assert shown_again.json() == {"goal_id": MANAGER, "private": False}
    plan = server.cole.get(f"/api/v1/shared/{ana}/plan")
    assert goal_ids(plan.json()) == [DREAM, MANAGER, PMP]
    assert "ACTION-COMMENT-x2" in plan.text


def test_only_the_owner_marks_a_goal_private(server: Server) -> None:
    server.share_with_cole("editor")
    before = server.rows()
    for who in (server.cole, server.ben):
        refused = who.put(f"/api/v1/goals/{PMP}/private", {"private": True})
        # Their own plans have no goal 3: the goal named is looked for in theirs.
        assert problem(refused, 404).startswith(f"No goal with id {PMP}.")
    assert server.rows() == before


# --- comments -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "may_comment"), [("viewer", False), ("commenter", True), ("editor", True)]
)
def test_commenters_and_editors_may_comment_and_viewers_may_not(
    server: Server, role: str, may_comment: bool
) -> None:
    ana = server.ana.id
    server.share_with_cole(role)
    plan = server.cole.get(f"/api/v1/shared/{ana}/plan").json()
    assert (plan["role"], plan["may_comment"]) == (role, may_comment)
    before = server.rows()
    sent = server.cole.comment(ana, "goal", PMP, "Book the exam before March?")
    if not may_comment:
        assert problem(sent, 403) == VIEWER_REFUSED
        assert server.rows() == before
        assert server.cole.get(f"/api/v1/shared/{ana}/comments").json() == []
        return
    assert sent.status_code == 201
    made = comment_out(sent.json()["id"], "goal", PMP, "Book the exam before March?")
    assert sent.json() == made
    assert server.cole.get(f"/api/v1/shared/{ana}/comments").json() == [made]
    assert server.ana.get(f"/api/v1/shared/{ana}/comments").json() == [made]
    log = server.ana.get("/api/v1/audit").json()["events"]
    assert {"at": NOW, "actor": COLE, "action": "commented", "subject": f"goal {PMP}"} in log


def test_comments_are_kept_as_written_and_ana_answers_in_the_thread(server: Server) -> None:
    ana = server.ana.id
    server.share_with_cole()
    written = ["Très bien, Ана — 目標 ✓ 🎯", "<script>alert(1)</script>", "y" * 2000]
    for words in written:
        assert server.cole.comment(ana, "goal", PMP, words).status_code == 201
    answered = server.ana.comment(ana, "goal", PMP, "Thank you, Cole")
    assert answered.status_code == 201
    assert answered.json()["by_owner"] is True
    # Trimmed, and otherwise exactly as written.
    assert server.cole.comment(ana, "action", NETWORKING_ID, "  On time  ").status_code == 201
    thread = server.cole.get(f"/api/v1/shared/{ana}/comments", on="goal", subject_id=PMP).json()
    assert [(c["author"], c["text"]) for c in thread] == [
        *[(COLE, words) for words in written],
        (ANA, "Thank you, Cole"),
    ]
    on_actions = server.cole.get(f"/api/v1/shared/{ana}/comments", on="action").json()
    assert [(c["subject_id"], c["text"]) for c in on_actions] == [(NETWORKING_ID, "On time")]
    plan = server.cole.get(f"/api/v1/shared/{ana}/plan").json()
    assert [c["text"] for c in plan["goals"][2]["comments"]] == [*written, "Thank you, Cole"]
    assert [c["text"] for c in plan["goals"][2]["actions"][0]["comments"]] == ["On time"]


# Comments out of bounds, and what the refusal says.
BAD_COMMENTS: list[tuple[dict[str, Any], str]] = [
    ({"on": "goal", "subject_id": PMP, "text": "   "}, "Write something to comment."),
    (
        {"on": "goal", "subject_id": PMP, "text": "x" * 2001},
        "The comment has 2,001 characters; keep it to 2,000.",
    ),
    (
        {"on": "goal", "subject_id": PMP, "text": "x" * 100_001},
        "text: String should have at most 100000 characters",
    ),
    (
        {"on": "goal", "subject_id": PMP, "text": "a\x00b"},
        "text: Value error, the text cannot be saved: it contains a NUL character, which no "
        "text can hold",
    ),
    ({"on": "goal", "subject_id": PMP, "text": ["hi"]}, "text: Input should be a valid string"),
    ({"on": "goal", "subject_id": PMP}, "text: Field required"),
    (
        {"on": "user", "subject_id": PMP, "text": "hi"},
        "on: Input should be 'goal', 'action' or 'review'",
    ),
    (
        {"on": "goal", "subject_id": "3", "text": "hi"},
        "subject_id: Input should be a valid integer",
    ),
    (
        {"on": "goal", "subject_id": 0, "text": "hi"},
        "subject_id: Input should be greater than or equal to 1",
    ),
    (
        {"on": "goal", "subject_id": 2**31, "text": "hi"},
        "subject_id: Input should be less than or equal to 2147483647",
    ),
    (
        {"on": "goal", "subject_id": PMP, "text": "hi", "to": "all"},
        "to: Extra inputs are not permitted",
    ),
]


def test_a_comment_out_of_bounds_is_a_422_that_saves_nothing(
    server: Server, subtests: pytest.Subtests
) -> None:
    server.share_with_cole()
    before = server.rows()
    for body, detail in BAD_COMMENTS:
        with subtests.test(detail=detail):
            refused = server.cole.post(f"/api/v1/shared/{server.ana.id}/comments", body)
            assert problem(refused, 422) == detail
            assert server.rows() == before


def test_a_comment_body_that_is_not_json_or_not_text_is_refused(server: Server) -> None:
    server.share_with_cole()
    url = f"/api/v1/shared/{server.ana.id}/comments"
    before = server.rows()
    json_type = {"content-type": "application/json"}
    broken = server.cole.send("POST", url, content=b'{"on":', headers=json_type)
    assert problem(broken, 400).startswith("The request body is not valid JSON")
    surrogate = b'{"on": "goal", "subject_id": 3, "text": "a\\ud800b"}'
    unsound = server.cole.send("POST", url, content=surrogate, headers=json_type)
    assert problem(unsound, 422).startswith("text: Input should be a valid string")
    assert server.rows() == before


# --- who may not see -------------------------------------------------------------------------


def test_a_plan_not_shared_is_not_found_exactly_as_one_that_does_not_exist(
    server: Server,
) -> None:
    ana = server.ana.id
    share = server.share_with_cole()
    link = server.ana.post("/api/v1/share-links", {}).json()["id"]
    before = server.rows()
    ben = server.ben

    def answers(owner: int) -> list[str]:
        return [
            problem(ben.get(f"/api/v1/shared/{owner}/plan"), 404),
            problem(ben.get(f"/api/v1/shared/{owner}/comments"), 404),
            problem(ben.comment(owner, "goal", PMP, "Hello"), 404),
        ]

    assert answers(ana) == [f"No plan with id {ana}."] * 3
    for unused in UNUSED_IDS:
        assert answers(unused) == [f"No plan with id {unused}."] * 3
    # Nor can Ben end her share or her link, or mark her goal private.
    assert problem(ben.delete(f"/api/v1/shares/{share}"), 404) == f"No share with id {share}."
    assert problem(ben.delete(f"/api/v1/share-links/{link}"), 404) == f"No link with id {link}."
    assert problem(ben.put(f"/api/v1/goals/{PMP}/private", {"private": True}), 404).startswith(
        f"No goal with id {PMP}."
    )
    for unused in UNUSED_IDS:
        assert problem(ben.delete(f"/api/v1/shares/{unused}"), 404)
        assert problem(ben.delete(f"/api/v1/share-links/{unused}"), 404)
    assert ben.get("/api/v1/shared").json() == []
    assert ben.get("/api/v1/shares").json() == []
    assert ben.get("/api/v1/share-links").json() == []
    assert ben.get("/api/v1/audit").json()["events"] == []
    assert server.rows() == before
    assert server.cole.get(f"/api/v1/shared/{ana}/plan").status_code == 200


def test_two_owners_sharing_with_one_coach_each_plan_shows_only_its_own(server: Server) -> None:
    dan = server.caller(DAN)
    made = dan.post(
        "/api/v1/plan", {"name": "Dan", "vision": {"dream_job_title": "Marathon coach"}}
    )
    assert made.status_code == 201, made.text
    server.share_with_cole("commenter")
    invited = dan.post("/api/v1/shares/invitations", {"email": COLE, "role": "viewer"}).json()
    assert server.cole.post("/api/v1/shared/accept", {"code": invited["code"]}).status_code == 200

    clients = server.cole.get("/api/v1/shared").json()
    assert sorted((c["owner"], c["role"]) for c in clients) == [
        (ANA, "commenter"),
        (DAN, "viewer"),
    ]
    anas = server.cole.get(f"/api/v1/shared/{server.ana.id}/plan")
    dans = server.cole.get(f"/api/v1/shared/{dan.id}/plan")
    assert PMP_TEXT in anas.text
    assert "Marathon coach" not in anas.text
    assert "Marathon coach" in dans.text
    assert PMP_TEXT not in dans.text
    assert ANA not in dans.text
    # A goal of Dan's named on Ana's plan is no goal of hers.
    dans_goal = dans.json()["goals"][0]["id"]
    assert dans_goal not in (DREAM, MANAGER, PMP)
    assert server.cole.comment(server.ana.id, "goal", dans_goal, "Hi").status_code == 404
    # Neither owner reaches the other's plan.
    assert dan.get(f"/api/v1/shared/{server.ana.id}/plan").status_code == 404
    assert server.ana.get(f"/api/v1/shared/{dan.id}/plan").status_code == 404


def test_revoking_a_share_ends_coles_access_at_once(server: Server) -> None:
    ana = server.ana.id
    share = server.share_with_cole()
    assert server.cole.get(f"/api/v1/shared/{ana}/plan").status_code == 200

    revoked = server.ana.delete(f"/api/v1/shares/{share}")
    assert (revoked.status_code, revoked.content) == (204, b"")

    before = server.rows()
    assert problem(server.cole.get(f"/api/v1/shared/{ana}/plan"), 404) == f"No plan with id {ana}."
    assert problem(server.cole.get(f"/api/v1/shared/{ana}/comments"), 404)
    assert problem(server.cole.comment(ana, "goal", PMP, "Still here?"), 404)
    assert server.rows() == before
    assert server.cole.get("/api/v1/shared").json() == []
    assert server.ana.get("/api/v1/shares").json() == []
    # Revoking again finds nothing to revoke.
    assert (
        problem(server.ana.delete(f"/api/v1/shares/{share}"), 404) == f"No share with id {share}."
    )


# --- invitations refused --------------------------------------------------------------------


def test_invitations_that_must_be_refused_are_and_change_nothing(server: Server) -> None:
    for_cole = server.invite()["code"]
    for_anyone = server.invite(email="")["code"]
    withdrawn = server.invite(email="")
    assert server.ana.delete(f"/api/v1/shares/{withdrawn['id']}").status_code == 204
    before = server.rows()

    def accept(who: Caller, code: str) -> Response:
        return who.post("/api/v1/shared/accept", {"code": code})

    # A guessed code, one a character off, and a withdrawn one.
    for code in [
        "x" * 32,
        for_cole[:-1] + ("A" if for_cole[-1] != "A" else "B"),
        withdrawn["code"],
    ]:
        assert problem(accept(server.ben, code), 409) == NOT_VALID
    # Cole's invitation, taken by Ben.
    assert problem(accept(server.ben, for_cole), 409) == (
        f"This invitation is for another address. Sign in as the person it was sent to, or ask "
        f"{ANA} for an invitation for {BEN}."
    )
    # Ana, taking her own.
    assert problem(accept(server.ana, for_anyone), 409) == (
        "This is an invitation to your own plan: send it to someone."
    )
    assert server.rows() == before
    assert server.ben.get(f"/api/v1/shared/{server.ana.id}/plan").status_code == 404

    # Used once by Cole, it is spent: Cole again, or Ben after him, are refused.
    assert accept(server.cole, for_cole).status_code == 200
    taken = server.rows()
    for again in (server.cole, server.ben):
        assert problem(accept(again, for_cole), 409) == NOT_VALID
    assert server.rows() == taken
    assert server.ben.get("/api/v1/shared").json() == []


def test_an_invitation_a_week_old_has_expired(server: Server) -> None:
    code = server.invite()["code"]
    server.clock.moment += timedelta(days=7)
    before = server.rows()
    assert problem(server.cole.post("/api/v1/shared/accept", {"code": code}), 409) == NOT_VALID
    assert server.rows() == before
    assert server.cole.get("/api/v1/shared").json() == []
    assert server.cole.get(f"/api/v1/shared/{server.ana.id}/plan").status_code == 404
    # Ana's list no longer shows it as open.
    assert server.ana.get("/api/v1/shares").json() == []


# --- bad input --------------------------------------------------------------------------------


# Requests out of bounds: what the refusal says, and the field it names when the service refused.
BAD_INPUT: list[tuple[str, str, Any, str, str | None]] = [
    ("POST", "/api/v1/shares/invitations", {"role": "owner"},
     "role: Input should be 'viewer', 'commenter' or 'editor'", None),
    ("POST", "/api/v1/shares/invitations", {"days": 0},
     "The invitation lasts 1 to 90 days, not 0.", "days"),
    ("POST", "/api/v1/shares/invitations", {"days": 91},
     "The invitation lasts 1 to 90 days, not 91.", "days"),
    ("POST", "/api/v1/shares/invitations", {"days": 10**30},
     f"The invitation lasts 1 to 90 days, not {10**30}.", "days"),
    ("POST", "/api/v1/shares/invitations", {"days": "7"},
     "days: Input should be a valid integer", None),
    ("POST", "/api/v1/shares/invitations", {"days": 7.5},
     "days: Input should be a valid integer", None),
    ("POST", "/api/v1/shares/invitations", {"days": True},
     "days: Input should be a valid integer", None),
    ("POST", "/api/v1/shares/invitations", {"email": "cole"},
     "'cole' is not an e-mail address; write it as name@example.org.", "email"),
    ("POST", "/api/v1/shares/invitations", {"email": " ANA@example.org"},
     "That is your own address: invite someone else.", "email"),
    ("POST", "/api/v1/shares/invitations", {"email": "a\x00b@example.org"},
     "email: Value error, the text cannot be saved: it contains a NUL character, which no "
     "text can hold", None),
    ("POST", "/api/v1/shares/invitations", {"email": "x" * 1001},
     "email: String should have at most 1000 characters", None),
    ("POST", "/api/v1/shares/invitations", {"email": 5},
     "email: Input should be a valid string", None),
    ("POST", "/api/v1/shares/invitations", {"colour": "red"},
     "colour: Extra inputs are not permitted", None),
    ("POST", "/api/v1/shares/invitations", [],
     "body: Input should be a valid dictionary or object to extract fields from", None),
    ("POST", "/api/v1/share-links", {"days": 366},
     "The link lasts 1 to 365 days, not 366.", "days"),
    ("POST", "/api/v1/share-links", {"days": -1},
     "The link lasts 1 to 365 days, not -1.", "days"),
    ("PUT", f"/api/v1/goals/{MANAGER}/private", {"private": "yes"},
     "private: Input should be a valid boolean", None),
    ("PUT", f"/api/v1/goals/{MANAGER}/private", {"private": 1},
     "private: Input should be a valid boolean", None),
    ("PUT", f"/api/v1/goals/{MANAGER}/private", {}, "private: Field required", None),
    ("PUT", "/api/v1/goals/0/private", {"private": True},
     "goal_id: Input should be greater than or equal to 1", None),
    ("POST", "/api/v1/shared/accept", {"code": ""},
     "code: String should have at least 1 character", None),
    ("POST", "/api/v1/shared/accept", {"code": "x" * 201},
     "code: String should have at most 200 characters", None),
    ("POST", "/api/v1/shared/accept", {}, "code: Field required", None),
    ("GET", "/api/v1/audit?limit=0", None,
     "limit: Input should be greater than or equal to 1", None),
    ("GET", "/api/v1/audit?limit=201", None,
     "limit: Input should be less than or equal to 200", None),
    ("GET", "/api/v1/audit?limit=x", None,
     "limit: Input should be a valid integer, unable to parse string as an integer", None),
    ("GET", "/api/v1/audit?offset=-1", None,
     "offset: Input should be greater than or equal to 0", None),
    ("GET", "/api/v1/audit?offset=99999999999", None,
     "offset: Input should be less than or equal to 2147483647", None),
    ("GET", "/api/v1/shared/abc/plan", None,
     "owner_id: Input should be a valid integer, unable to parse string as an integer", None),
    ("GET", "/api/v1/shared/1/comments?on=user", None,
     "on: Input should be 'goal', 'action' or 'review'", None),
    ("DELETE", "/api/v1/shares/x", None,
     "share_id: Input should be a valid integer, unable to parse string as an integer", None),
]  # fmt: skip


def test_bad_input_is_a_422_that_says_what_and_saves_nothing(
    server: Server, subtests: pytest.Subtests
) -> None:
    before = server.rows()
    for method, url, body, detail, field in BAD_INPUT:
        with subtests.test(request=f"{method} {url} {body!r}"[:120]):
            refused = server.ana.send(method, url, **({} if body is None else {"json": body}))
            assert problem(refused, 422) == detail
            assert refused.json().get("field") == field
            assert server.rows() == before


# --- read-only links -------------------------------------------------------------------------


def test_read_only_links_are_made_listed_and_revoked(server: Server) -> None:
    lasting = server.ana.post("/api/v1/share-links", {})
    assert lasting.status_code == 201
    made = lasting.json()
    code = made.pop("code")
    assert made == {
        "id": made["id"],
        "created_at": NOW,
        "expires_at": None,
        "active": True,
        "url": f"{LOCAL_URL}/s/{code}",
    }
    brief = server.ana.post("/api/v1/share-links", {"days": 2}).json()
    assert brief["expires_at"] == "2026-11-27T09:30:00Z"
    assert server.ana.get("/api/v1/share-links").json() == [
        {"id": brief["id"], "created_at": NOW, "expires_at": "2026-11-27T09:30:00Z",
         "active": True},
        {"id": made["id"], "created_at": NOW, "expires_at": None, "active": True},
    ]  # fmt: skip
    # The address opens the plan to anyone, without signing in.
    anyone = local_client(server.app)
    page = anyone.get(f"/s/{code}")
    assert page.status_code == 200
    assert PMP_TEXT in page.text

    revoked = server.ana.delete(f"/api/v1/share-links/{made['id']}")
    assert (revoked.status_code, revoked.content) == (204, b"")
    assert anyone.get(f"/s/{code}").status_code == 404
    assert problem(server.ana.delete(f"/api/v1/share-links/{made['id']}"), 404)
    server.clock.moment += timedelta(days=2)
    listed = server.ana.get("/api/v1/share-links").json()
    assert [(link["id"], link["active"]) for link in listed] == [
        (brief["id"], False),
        (made["id"], False),
    ]
    assert anyone.get(f"/s/{brief['code']}").status_code == 404


# --- the log ---------------------------------------------------------------------------------


def test_the_log_says_who_did_what_newest_first_a_page_at_a_time(server: Server) -> None:
    ana = server.ana.id
    code = server.invite()["code"]
    steps = [
        lambda: server.cole.post("/api/v1/shared/accept", {"code": code}),
        lambda: server.cole.get(f"/api/v1/shared/{ana}/plan"),
        lambda: server.cole.comment(ana, "goal", PMP, "Looks good"),
        lambda: server.ana.post("/api/v1/share-links", {}),
    ]
    for step in steps:
        server.clock.moment += timedelta(minutes=5)
        assert step().status_code in (200, 201)
    # Ana's own look at her plan is not someone else's view.
    assert server.ana.get(f"/api/v1/shared/{ana}/plan").status_code == 200

    first = server.ana.get("/api/v1/audit", limit=3).json()
    assert first == {
        "events": [
            {"at": "2026-11-25T09:50:00Z", "actor": ANA, "action": "made a read-only link",
             "subject": "link 1"},
            {"at": "2026-11-25T09:45:00Z", "actor": COLE, "action": "commented",
             "subject": f"goal {PMP}"},
            {"at": "2026-11-25T09:40:00Z", "actor": COLE, "action": "viewed the plan",
             "subject": ""},
        ],
        "limit": 3,
        "offset": 0,
        "next_offset": 3,
    }  # fmt: skip
    rest = server.ana.get("/api/v1/audit", limit=3, offset=3).json()
    assert [(e["at"], e["actor"], e["action"], e["subject"]) for e in rest["events"]] == [
        ("2026-11-25T09:35:00Z", COLE, "accepted an invitation", "commenter"),
        (NOW, ANA, "invited", f"{COLE} as commenter"),
    ]
    assert (rest["offset"], rest["next_offset"]) == (3, None)
    assert server.ana.get("/api/v1/audit", offset=5).json()["events"] == []
    assert len(server.ana.get("/api/v1/audit").json()["events"]) == 5
    # The log is Ana's: Cole's has none of it.
    assert server.cole.get("/api/v1/audit").json()["events"] == []


# --- tokens and sign-in ------------------------------------------------------------------------

# Every operation of the sharing API, and a body for each write.
OPERATIONS = [
    ("GET", "/api/v1/shares", None),
    ("POST", "/api/v1/shares/invitations", {"email": DAN}),
    ("DELETE", "/api/v1/shares/{share_id}", None),
    ("GET", "/api/v1/share-links", None),
    ("POST", "/api/v1/share-links", {"days": 3}),
    ("DELETE", "/api/v1/share-links/{link_id}", None),
    ("PUT", "/api/v1/goals/{goal_id}/private", {"private": True}),
    ("GET", "/api/v1/audit", None),
    ("GET", "/api/v1/shared", None),
    ("POST", "/api/v1/shared/accept", {"code": "x" * 32}),
    ("GET", "/api/v1/shared/{owner_id}/plan", None),
    ("GET", "/api/v1/shared/{owner_id}/comments", None),
    ("POST", "/api/v1/shared/{owner_id}/comments", {"on": "goal", "subject_id": PMP, "text": "Hi"}),
]
WRITES = [op for op in OPERATIONS if op[0] != "GET"]
READS = [op for op in OPERATIONS if op[0] == "GET"]


def address(template: str, owner: int) -> str:
    """The operation's address: Ana's plan, her first share and link, her PMP goal."""
    return template.format(share_id=1, link_id=1, goal_id=PMP, owner_id=owner)


def sent(body: Any) -> dict[str, Any]:
    return {} if body is None else {"json": body}


def test_a_read_only_token_may_read_but_never_change(server: Server) -> None:
    server.share_with_cole()
    server.ana.post("/api/v1/share-links", {})
    before = server.rows()
    for email in (ANA, COLE):
        reader = server.caller(email, read_only=True)
        for method, template, body in WRITES:
            url = address(template, server.ana.id)
            refused = reader.send(method, url, **sent(body))
            assert refused.status_code == 403, f"{method} {url}"
            assert refused.json()["title"] == "Read-only token"
        for method, template, _ in READS:
            url = address(template, server.ana.id)
            assert reader.send(method, url).status_code == 200, url
    # Reading the plan is logged as a view (Cole's); nothing else changed.
    after = server.rows()
    logged = after.pop("audit_events")[len(before["audit_events"]) :]
    assert [row[3:5] for row in logged] == [(COLE, "viewed the plan")] * 2
    assert after == {name: rows for name, rows in before.items() if name != "audit_events"}


def test_nobody_signed_in_gets_a_401_from_every_operation(server: Server) -> None:
    anyone = local_client(server.app)
    before = server.rows()
    for method, template, body in OPERATIONS:
        url = address(template, server.ana.id)
        for headers in ({}, {"authorization": "Bearer not-a-token"}):
            answer = anyone.request(method, url, headers=headers, **sent(body))
            assert answer.status_code == 401, f"{method} {url}"
            assert answer.headers["content-type"] == "application/problem+json"
    assert server.rows() == before


def test_the_openapi_description_covers_every_sharing_operation(server: Server) -> None:
    paths = server.app.openapi()["paths"]
    for method, template, _ in OPERATIONS:
        where = f"{method} {template}"
        operation = paths[template][method.lower()]
        assert operation["tags"] in (["sharing"], ["shared with me"]), where
        assert operation["summary"], where
        assert operation["description"], where
        codes = set(operation["responses"])
        created = method == "POST" and template != "/api/v1/shared/accept"
        success = "201" if created else "204" if method == "DELETE" else "200"
        assert success in codes, where
        assert {"401", "422"} <= codes, where
        if method != "GET":
            assert {"400", "403"} <= codes, where
        if "{" in template:
            assert "404" in codes, where
    private = paths["/api/v1/goals/{goal_id}/private"]["put"]["responses"]["200"]
    assert private["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PrivacyOut"
    }
    comments = paths["/api/v1/shared/{owner_id}/comments"]["post"]["responses"]
    assert "viewer" in comments["403"]["description"]


def test_the_sharing_api_keeps_to_its_openapi_description(
    story: Workspace, clock: FixedClock, subtests: pytest.Subtests
) -> None:
    """Generated requests, valid and invalid, as Cole with a share of Ana's plan: never a 5xx,
    and every answer as described (tests/web/api/test_schemathesis.py does the same for the API
    of a single-person install, which has no sharing)."""
    # Schemathesis addresses the app as "testserver": configured as a name it answers to.
    workspace = with_accounts(story, allowed_hosts=("testserver",))
    app = create_app(workspace=workspace, clock=clock)
    server = start(workspace, clock, local_client(app))
    server.share_with_cole()
    server.ana.post("/api/v1/share-links", {})
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    templates = {template for _, template, _ in OPERATIONS}
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    mine = [operation for operation in operations if operation.path in templates]
    assert len(mine) == len(OPERATIONS)
    for caller in (server.cole, server.ana):
        for operation in mine:
            with subtests.test(caller=caller.email, operation=operation.label):
                conforms(operation, caller.token)


def conforms(operation: Any, token: str) -> None:
    """A bounded run of generated requests to one operation, with this token."""
    strategy = st.one_of(*(operation.as_strategy(generation_mode=m) for m in MODES))
    headers = {"authorization": f"Bearer {token}"}

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case[Any]) -> None:
        case.call_and_validate(headers=headers, excluded_checks=[SCHEMA_VALID_ACCEPTED])

    run()


# --- a single-person install ------------------------------------------------------------------


def test_a_single_person_install_has_no_sharing_api(client: TestClient, story: Workspace) -> None:
    described = client.get("/api/openapi.json").json()["paths"]
    assert [path for path in described if "shar" in path or "audit" in path] == []
    assert "/api/v1/goals/{goal_id}/private" not in described
    before = snapshot(story)
    for method, template, body in OPERATIONS:
        url = address(template, 1)
        answer = client.request(method, url, **sent(body))
        assert problem(answer, 404) == f"There is nothing at {url}.", f"{method} {url}"
    assert snapshot(story) == before
