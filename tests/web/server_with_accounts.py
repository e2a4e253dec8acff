"""A server with accounts over the story's plan, and Ana, Cole and Ben each a browser signed in
to it: the set-up the sharing and proposal page tests share."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response

from careerplan.config import Settings
from careerplan.services.accounts import Accounts
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.web.app import create_app
from careerplan.web.security import CSRF_COOKIE
from tests.sharing_story import ANA, BEN, COLE, FAST, PASSWORD
from tests.web.conftest import LOCAL_URL, local_client


def with_accounts(story: Workspace, **changes: Any) -> Workspace:
    """The story's workspace with accounts turned on (and any other setting changed)."""
    settings: Settings = replace(story.settings, accounts=True, **changes)
    return replace(story, settings=settings)


@dataclass
class Person:
    """A browser signed in as one account."""

    email: str
    id: int
    client: TestClient

    def get(self, url: str) -> Response:
        response = self.client.get(url, follow_redirects=False)
        assert response.status_code < 500, response.text
        return response

    def post(self, url: str, data: dict[str, str] | None = None) -> Response:
        token = self.client.cookies[CSRF_COOKIE]
        response = self.client.post(
            url, data={**(data or {}), "csrf_token": token}, follow_redirects=False
        )
        assert response.status_code < 500, response.text
        return response

    def sign_in(self) -> None:
        """Sign in afresh (after the clock has moved past the idle time a sign-in lasts)."""
        self.client.cookies.clear()
        assert self.client.get("/login").status_code == 200
        signed = self.post("/login", {"email": self.email, "password": PASSWORD, "next": "/"})
        assert signed.status_code == 303, signed.text

    def comment(self, owner: int, kind: str, subject: int, text: str) -> Response:
        data = {"kind": kind, "subject_id": str(subject), "text": text}
        return self.post(f"/shared/{owner}/comments", data)

    def propose(self, owner: int, goal: int, kind: str, text: str = "", due: str = "") -> Response:
        data = {"goal_id": str(goal), "kind": kind, "text": text, "due": due}
        return self.post(f"/shared/{owner}/proposals", data)


@dataclass
class Server:
    app: FastAPI
    workspace: Workspace
    accounts: Accounts
    clock: FixedClock
    ana: Person
    cole: Person
    ben: Person

    def person(self, email: str) -> Person:
        return signed_in(self.app, self.accounts, email)

    def anonymous(self) -> TestClient:
        return local_client(self.app)

    def invite(self, role: str = "commenter", email: str = COLE, days: str = "7") -> str:
        """Ana makes an invitation on her sharing page; returns the path to accept it."""
        page = self.ana.post("/sharing/invite", {"email": email, "role": role, "days": days})
        assert page.status_code == 200, page.text
        found = re.search(rf'value="{LOCAL_URL}(/shared/join/[^"]+)"', page.text)
        assert found is not None, page.text
        return found.group(1)

    def share_with_cole(self, role: str = "commenter") -> None:
        join = self.invite(role)
        accepted = self.cole.post(join)
        assert accepted.status_code == 303, accepted.text
        assert accepted.headers["location"] == "/shared"

    def make_link(self, days: str = "") -> str:
        page = self.ana.post("/sharing/links", {"days": days})
        assert page.status_code == 200, page.text
        found = re.search(rf'value="{LOCAL_URL}(/s/[^"]+)"', page.text)
        assert found is not None, page.text
        return found.group(1)

    def action_on(self, goal_id: int) -> int:
        with self.workspace.as_owner(self.ana.id).unit() as uow:
            [found] = [a.id for a in uow.actions.all() if a.goal_id == goal_id]
        assert found is not None
        return found

    def proposal_ids(self) -> list[int]:
        """The ids of the proposals waiting on Ana's page, in its order."""
        page = self.ana.get("/proposals").text
        return [int(i) for i in re.findall(r'action="/proposals/(\d+)/decline"', page)]


def signed_in(
    app: FastAPI, accounts: Accounts, email: str, *, take_local_plan: bool = False
) -> Person:
    """A new account, and a browser signed in as it."""
    user_id = accounts.add(email, PASSWORD, take_local_plan=take_local_plan)
    someone = Person(email, user_id, local_client(app))
    someone.sign_in()
    return someone


def start(story: Workspace, clock: FixedClock) -> Server:
    """A server with accounts over the story; Ana's account takes the story's plan, Cole and Ben
    start with none."""
    workspace = with_accounts(story)
    app = create_app(workspace=workspace, clock=clock)
    accounts: Accounts = app.state.accounts
    # The middleware holds this same object: a cheaper hasher here is the one it uses.
    accounts.hasher = FAST
    return Server(
        app,
        workspace,
        accounts,
        clock,
        ana=signed_in(app, accounts, ANA, take_local_plan=True),
        cole=signed_in(app, accounts, COLE),
        ben=signed_in(app, accounts, BEN),
    )
