"""Isolation on a server with accounts: one person can neither read nor change another's plan,
through any route of the JSON API or of the pages, on SQLite and on PostgreSQL.

Ana (A) has a plan with something of every kind, made through the API and the pages so its ids
are real; Ben (B) has a small plan of his own. Every route the app has is driven as Ben, and as
nobody:

- a route whose address names a record is given Ana's id and must answer Ben "not found", just
  as it answers for an id no one has;
- Ana's ids in what Ben sends (a goal's parent, a check-in's goal, an application's résumé) are
  "not found" too, and no row of his ever comes to point at one of hers;
- a route that names no record must show Ben nothing of Ana's (her texts all carry one made-up
  word, looked for in every answer, PDFs and calendars read as text, and her secrets too);
- every write, refused or not, must leave Ana's rows exactly as they were, compared in full;
- anyone not signed in is refused (401 from the API, to the sign-in page from the pages);
- the addresses that are their own key (her calendar feed, her read-only link, an invitation
  for someone else) open her plan with her secret only, or not at all.

The routes are read from the app itself (and the API's from its OpenAPI document), so a route
added later is driven too, or fails the test that says what it needs: a way to fill in each part
of its address, and a body for each write.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import (
    Engine,
    Table,
    Text,
    bindparam,
    cast,
    func,
    literal,
    select,
    union_all,
)

from careerplan.config import Settings
from careerplan.domain.accounts import Identity
from careerplan.domain.change_proposals import ChangeKind
from careerplan.domain.sharing import Role
from careerplan.services.accounts import Accounts
from careerplan.services.change_proposals import Proposals
from careerplan.services.clock import FixedClock
from careerplan.services.exporting import FORMATS
from careerplan.services.sharing import Sharing
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.storage import tables
from careerplan.storage.tables import metadata
from careerplan.web.app import create_app
from careerplan.web.security import CSRF_COOKIE, CSRF_HEADER, UNSAFE_METHODS
from careerplan.web.sign_in import SESSION_COOKIE, SIGN_IN_PATH, is_open
from tests.conftest import _postgres_schema_url
from tests.web.conftest import local_client

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
# A made-up word in every text of Ana's plan (and one in Ben's): where it shows, her plan showed.
MARK = "zephyrquill"
B_MARK = "marmotglade"
DREAM = "11-1021.00"  # General and Operations Managers
CURRENT = "15-2051.00"  # Data Scientists
PASSWORD = "correct horse battery staple"
CAROL = "carol@example.org"  # whom Ana invites to see her plan
EVE = "eve@example.org"  # an editor of Ana's plan once, whose proposal waits for her answer
# An id that no row of anyone's has.
UNUSED_ID = 987654
# Argon2 at its cheapest: these accounts guard nothing, and the default costs 50 ms a hash.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)

# Every table of a person's rows: those of their plan and of their sharing (keyed by `owner_id`).
PLAN_TABLES = tuple(t for t in metadata.sorted_tables if "owner_id" in t.c)


def _all_rows(one: bool) -> Any:
    """One statement that reads every row of every table as a line of text (of one person's,
    with `one`: theirs by `owner_id`, `user_id` or, in `users`, their own row). The tests read
    them before and after every request, and a query a table took longer than the requests."""
    parts = []
    for table in metadata.sorted_tables:
        key = "id" if table is tables.users else "owner_id" if "owner_id" in table.c else "user_id"
        if one and key not in table.c:
            continue  # no one's own (failed sign-ins, the server's secrets)
        line: Any = literal("")
        for column in table.columns:
            line = line + "|" + func.coalesce(cast(column, Text), "␀")
        query = select(literal(table.name).label("name"), line.label("row"))
        if one:
            query = query.where(table.c[key] == bindparam("owner"))
        parts.append(query)
    return union_all(*parts)


ROWS_OF_ONE = _all_rows(one=True)
ROWS_OF_ALL = _all_rows(one=False)

# --- what the routes need -----------------------------------------------------------------

# Parts of an address that name one of a person's records (or the person, whose plan a shared
# view opens): the table it is in, and the word the not-found message uses ("No goal with id 7.").
RECORD_PARAMS: dict[str, tuple[Table, str]] = {
    "goal_id": (tables.goals, "goal"),
    "action_id": (tables.actions, "action"),
    "resource_id": (tables.resources, "resource"),
    "checkin_id": (tables.checkins, "check-in"),
    "review_id": (tables.reviews, "review"),
    "skill_id": (tables.skills, "skill"),
    "resume_id": (tables.resumes, "résumé"),
    "application_id": (tables.applications, "application"),
    "owner_id": (tables.users, "plan"),
    "share_id": (tables.shares, "share"),
    "link_id": (tables.share_links, "link"),
    "proposal_id": (tables.change_proposals, "proposal"),
}
# A secret no one holds: the addresses that are their own key (a calendar feed, a read-only link,
# an invitation) are driven with it here, and each has a test with the real one below.
UNKNOWN_SECRET = "no-such-secret-4f1d"
# Parts of an address that name no record of a person's, and what fills them: an occupation of
# the catalogue (shared by everyone), an export format (each of them), a secret.
OTHER_PARAMS: dict[str, tuple[str, ...]] = {
    "code": (DREAM,),
    "name": tuple(FORMATS),
    "token": (UNKNOWN_SECRET,),
}
# Where a part of the address means something else than its name does elsewhere.
PARAMS_OF_PATH: dict[str, dict[str, tuple[str, ...]]] = {
    "/s/{code}": {"code": (UNKNOWN_SECRET,)},
    "/shared/join/{code}": {"code": (UNKNOWN_SECRET,)},
}
# Signing in and out, a forgotten password and the account page are tested with the accounts
# (tests/web/test_sign_in.py, test_password_reset.py, test_account_page.py); these routes are
# left out here.
SIGN_IN_ROUTES = frozenset(
    {
        ("GET", SIGN_IN_PATH),
        ("POST", SIGN_IN_PATH),
        ("GET", "/login/code"),
        ("POST", "/login/code"),
        ("POST", "/logout"),
        ("GET", "/login/forgot"),
        ("POST", "/login/forgot"),
        ("GET", "/login/reset/{code}"),
        ("POST", "/login/reset/{code}"),
        # The person's own password, two-factor and tokens: each acts on the signed-in account
        # alone (tests/web/test_account_page.py shows another's token cannot be revoked).
        ("POST", "/account/password"),
        ("POST", "/account/two-factor/start"),
        ("POST", "/account/two-factor/confirm"),
        ("POST", "/account/two-factor/off"),
        ("POST", "/account/tokens"),
        ("POST", "/account/tokens/{token_id}/revoke"),
    }
)

Spec = dict[str, Any]
Maker = Callable[["World"], Spec]


def _nothing(_world: World) -> Spec:
    return {}


def _json(body: dict[str, Any]) -> Maker:
    return lambda _world: {"json": body}


def _form(body: dict[str, str]) -> Maker:
    return lambda _world: {"data": body}


_serial = itertools.count(1)


def _fresh(word: str) -> str:
    """A text not used before in this run: a second skill of the same name would be refused."""
    return f"{B_MARK} {word} {next(_serial)}"


# Bodies for the writes on a record, sent by Ben with Ana's id in the address. Each is valid
# as far as the route can tell before it looks the record up (a 422 for a bad body would prove
# nothing), and carries Ana's current version, so that were the lookup to find her record the
# write would go through and the test would see it.
def _versioned(param: str, body: dict[str, Any], *, form: bool = False) -> Maker:
    def make(world: World) -> Spec:
        table = RECORD_PARAMS[param][0]
        version = world.version(table, world.a_ids[param])
        if form:
            return {"data": {**body, "version": str(version)}}
        return {"json": {**body, "version": version}}

    return make


RECORD_BODIES: dict[tuple[str, str], Maker] = {
    # The API
    ("PATCH", "/api/v1/goals/{goal_id}"): _versioned(
        "goal_id", {"text": f"{B_MARK} took this goal over by June 2027"}
    ),
    ("DELETE", "/api/v1/goals/{goal_id}"): _nothing,
    ("PATCH", "/api/v1/actions/{action_id}"): _versioned(
        "action_id", {"text": f"{B_MARK} changed this"}
    ),
    ("DELETE", "/api/v1/actions/{action_id}"): _nothing,
    ("POST", "/api/v1/actions/{action_id}/completions"): _json({"note": f"{B_MARK} did it"}),
    ("PATCH", "/api/v1/resources/{resource_id}"): _versioned(
        "resource_id", {"name": f"{B_MARK} renamed"}
    ),
    ("DELETE", "/api/v1/resources/{resource_id}"): _nothing,
    ("POST", "/api/v1/resources/{resource_id}/links"): lambda w: {
        "json": {"goal_id": w.b_first(tables.goals)}
    },
    ("DELETE", "/api/v1/resources/{resource_id}/links"): lambda w: {
        "params": {"goal_id": w.a_ids["goal_id"]}
    },
    ("DELETE", "/api/v1/checkins/{checkin_id}"): _nothing,
    ("PATCH", "/api/v1/skills/{skill_id}"): _versioned("skill_id", {"level": 2}),
    ("DELETE", "/api/v1/skills/{skill_id}"): _nothing,
    ("PATCH", "/api/v1/applications/{application_id}"): _versioned(
        "application_id", {"title": f"{B_MARK} took this"}
    ),
    ("DELETE", "/api/v1/applications/{application_id}"): _nothing,
    ("POST", "/api/v1/applications/{application_id}/stage"): _versioned(
        "application_id", {"stage": "interviewing"}
    ),
    # The pages
    ("POST", "/plan/goals/{goal_id}/edit"): _versioned(
        "goal_id", {"text": f"{B_MARK} took this goal over by June 2027"}, form=True
    ),
    ("POST", "/plan/goals/{goal_id}/move"): lambda w: {
        "data": {
            "parent_id": str(w.b_first(tables.goals)),
            "version": str(w.version(tables.goals, w.a_ids["goal_id"])),
        }
    },
    ("POST", "/plan/goals/{goal_id}/status"): _versioned(
        "goal_id", {"status": "dropped"}, form=True
    ),
    ("POST", "/actions/{action_id}/done"): _form({"note": f"{B_MARK} did it"}),
    ("POST", "/resources/{resource_id}/link"): lambda w: {
        "data": {"goal_id": str(w.b_first(tables.goals))}
    },
    ("POST", "/skills/{skill_id}"): _versioned("skill_id", {"level": "2"}, form=True),
    ("POST", "/skills/{skill_id}/remove"): _versioned("skill_id", {}, form=True),
    ("POST", "/jobs/{application_id}/stage"): _versioned(
        "application_id", {"stage": "interviewing"}, form=True
    ),
    ("POST", "/jobs/{application_id}/edit"): _versioned(
        "application_id", {"title": f"{B_MARK} took this"}, form=True
    ),
    ("POST", "/jobs/{application_id}/remove"): _versioned("application_id", {}, form=True),
    ("POST", "/sharing/{share_id}/revoke"): _nothing,
    ("POST", "/sharing/links/{link_id}/revoke"): _nothing,
    ("POST", "/sharing/private/{goal_id}"): _form({"private": "yes"}),
    ("POST", "/shared/{owner_id}/comments"): lambda w: {
        "data": {"kind": "goal", "subject_id": str(w.a_ids["goal_id"]), "text": f"{B_MARK} hi"}
    },
    # Proposals: the owner's answers, an editor's proposal and withdrawal (pages and API)
    ("POST", "/proposals/{proposal_id}/accept"): _nothing,
    ("POST", "/proposals/{proposal_id}/decline"): _nothing,
    ("POST", "/shared/{owner_id}/proposals"): lambda w: {
        "data": {"goal_id": str(w.a_ids["goal_id"]), "kind": "add_action", "text": f"{B_MARK} hi"}
    },
    ("POST", "/shared/{owner_id}/proposals/{proposal_id}/withdraw"): _nothing,
    ("POST", "/api/v1/proposals/{proposal_id}/accept"): _nothing,
    ("POST", "/api/v1/proposals/{proposal_id}/decline"): _nothing,
    ("POST", "/api/v1/proposals/{proposal_id}/withdraw"): _nothing,
    # The sharing API
    ("DELETE", "/api/v1/shares/{share_id}"): _nothing,
    ("DELETE", "/api/v1/share-links/{link_id}"): _nothing,
    ("PUT", "/api/v1/goals/{goal_id}/private"): _json({"private": True}),
    ("POST", "/api/v1/shared/{owner_id}/comments"): lambda w: {
        "json": {"on": "goal", "subject_id": w.a_ids["goal_id"], "text": f"{B_MARK} hi"}
    },
}


def _b_backup(world: World) -> bytes:
    answer = world.send(world.b, "GET", "/api/v1/backup")
    assert answer.status_code == 200, answer.text
    return answer.content


def _b_open_proposal(world: World) -> str:
    """The key of a proposed goal Ben has not accepted yet."""
    answer = world.send(world.b, "GET", "/api/v1/plan/proposal")
    assert answer.status_code == 200, answer.text
    return str(next(g["key"] for g in answer.json()["goals"] if g["accepted_goal_id"] is None))


def _b_open_gap(world: World) -> str:
    """A real gap between Ben's résumé and his dream job that is not a goal of his yet."""
    answer = world.send(world.b, "GET", "/api/v1/dream-check")
    assert answer.status_code == 200, answer.text
    return str(next(gap["name"] for gap in answer.json()["gaps"] if not gap["planned"]))


def _b_preferences_version(world: World) -> dict[str, str]:
    found = world.b_rows(tables.preferences)
    return {"version": str(found[0]["version"])} if found else {}


def _b_confirm(world: World) -> Spec:
    """The confirm form of a restore that Ben previewed (his own backup, replacing his plan)."""
    preview = world.send(
        world.b,
        "POST",
        "/backup/preview",
        data={"mode": "replace"},
        files={"backup": ("ben.json", _b_backup(world), "application/json")},
    )
    assert preview.status_code == 200, preview.text
    form = preview.text.split('action="/backup/restore"', 1)[1].split("</form>", 1)[0]
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
    return {"data": {k: fields[k] for k in ("payload", "seal", "mode", "revision", "approval")}}


# Bodies for the writes that name no record, sent by Ben: each does something real in his plan
# (they must succeed, so that the test knows the route ran to the end as Ben).
PLAIN_BODIES: dict[tuple[str, str], Maker] = {
    # The API
    ("POST", "/api/v1/plan"): _json(
        {"name": f"{B_MARK} Ben", "vision": {"dream_job_title": f"{B_MARK} second plan"}}
    ),
    ("PATCH", "/api/v1/profile"): lambda w: {
        "json": {
            "version": w.version(tables.profiles, w.b_first(tables.profiles)),
            "current_job_title": f"{B_MARK} analyst",
        }
    },
    ("PATCH", "/api/v1/vision"): lambda w: {
        "json": {
            "version": w.version(tables.visions, w.b_first(tables.visions)),
            "industry": f"{B_MARK} logistics",
        }
    },
    ("POST", "/api/v1/plan/proposal/accept"): lambda w: {
        "json": {"goals": [_b_open_proposal(w)], "late": "keep"}
    },
    ("POST", "/api/v1/goals"): lambda w: {
        "json": {"text": _fresh("run a logistics team by May 2028"), "parent_id": w.b_dream()}
    },
    ("POST", "/api/v1/actions"): lambda w: {
        "json": {"goal_id": w.b_first(tables.goals), "text": _fresh("call a mentor")}
    },
    ("POST", "/api/v1/resources"): lambda _w: {
        "json": {"kind": "person", "name": _fresh("Carla"), "contact": "carla@example.org"}
    },
    ("POST", "/api/v1/checkins"): lambda w: {
        "json": {"goal_id": w.b_first(tables.goals), "note": _fresh("going well")}
    },
    ("POST", "/api/v1/reviews"): lambda _w: {"json": {"went_well": _fresh("kept going")}},
    ("PATCH", "/api/v1/reviews/settings"): _json({"digest_email": "ben@example.org"}),
    ("POST", "/api/v1/explore/matches"): _json(
        {"reflection": "I organised the school library and ran the football club's accounts."}
    ),
    ("POST", "/api/v1/smart/check"): _json(
        {"text": "Finish 12 modules of a finance course by June 2027"}
    ),
    ("POST", "/api/v1/skills/link"): _json({"text": "Wrote SQL reports and managed a budget"}),
    ("POST", "/api/v1/jobs/fit"): _json(
        {"posting": "Operations Manager\nRequirements\n- SQL", "resume": "Analyst\nSkills\nSQL"}
    ),
    ("POST", "/api/v1/skills"): lambda _w: {"json": {"label": _fresh("forklift"), "level": 3}},
    ("POST", "/api/v1/skills/seed"): _json({"source": "job"}),
    ("POST", "/api/v1/resumes"): lambda _w: {
        "json": {"name": _fresh("CV"), "text": f"Ben {B_MARK}\nSkills\nSQL\nBudgeting\n"}
    },
    ("POST", "/api/v1/applications"): lambda _w: {
        "json": {"posting": f"Logistics Manager\n{_fresh('depot')}\nRequirements\n- SQL"}
    },
    ("POST", "/api/v1/dream-check/goals"): lambda w: {"json": {"name": _b_open_gap(w)}},
    ("POST", "/api/v1/backup/restore"): lambda w: {
        "content": _b_backup(w),
        "params": {"mode": "replace"},
        "headers": {"content-type": "application/json"},
    },
    # The pages
    ("POST", "/explore/quiz"): lambda w: {
        "data": {f"q{n}": str(1 + n % 5) for n in range(1, 61)}
        | {"finish": "1"}
        | _b_exploration_version(w)
    },
    ("POST", "/explore/reflection"): _form(
        {"reflection": f"{B_MARK}: I ran the football club's accounts.", "interest_field": ""}
    ),
    ("POST", "/explore/current"): _form({"code": CURRENT}),
    ("POST", "/explore/choose"): _form({"code": DREAM}),
    ("POST", "/vision"): lambda w: {
        "data": {
            "name": f"{B_MARK} Ben",
            "dream_job_title": f"{B_MARK} logistics director",
            "hours_per_week": "4",
            "version": str(w.version(tables.visions, w.b_first(tables.visions))),
        }
    },
    ("POST", "/plan/propose"): lambda w: {"data": {"accept": _b_open_proposal(w), "late": "keep"}},
    ("POST", "/plan/goals"): lambda w: {
        "data": {"text": _fresh("lead a depot by May 2028"), "parent_id": str(w.b_dream())}
    },
    ("POST", "/smart/check"): _form({"text": "Finish 12 modules of a finance course by 2027"}),
    ("POST", "/smart/save"): lambda w: {
        "data": {
            "text": _fresh("pass the forklift licence by May 2027"),
            "parent_id": str(w.b_dream()),
        }
    },
    ("POST", "/actions"): lambda w: {
        "data": {"goal_id": str(w.b_first(tables.goals)), "text": _fresh("book the course")}
    },
    ("POST", "/resources"): lambda _w: {"data": {"kind": "course", "name": _fresh("course")}},
    ("POST", "/checkins"): lambda w: {
        "data": {"goal_id": str(w.b_first(tables.goals)), "note": _fresh("on track")}
    },
    ("POST", "/review"): lambda _w: {"data": {"went_well": _fresh("kept at it")}},
    ("POST", "/review/settings"): lambda w: {
        "data": {"cadence": "weekly", "weekday": "1", "reminder_days": "2"}
        | _b_preferences_version(w)
    },
    ("POST", "/jobs/fit"): _form(
        {"posting": "Operations Manager\nRequirements\n- SQL", "resume": "Analyst\nSkills\nSQL"}
    ),
    ("POST", "/skills"): lambda _w: {"data": {"label": _fresh("pallets"), "level": "2"}},
    ("POST", "/skills/seed"): _form({"from": "job"}),
    ("POST", "/resume"): lambda _w: {
        "data": {"name": _fresh("CV"), "text": f"Ben {B_MARK}\nSkills\nSQL\nBudgeting\n"}
    },
    ("POST", "/resume/goals"): lambda w: {"data": {"name": _b_open_gap(w)}},
    ("POST", "/jobs"): lambda _w: {
        "data": {"posting": f"Depot Manager\n{_fresh('depot')}\nRequirements\n- SQL"}
    },
    ("POST", "/export/calendar"): _form({"feed": "on"}),
    ("POST", "/backup/preview"): lambda w: {
        "data": {"mode": "merge"},
        "files": {"backup": ("ben.json", _b_backup(w), "application/json")},
    },
    ("POST", "/backup/restore"): _b_confirm,
    ("POST", "/sharing/invite"): _form({"role": "viewer", "email": "dora@example.org"}),
    ("POST", "/sharing/links"): _form({"days": "7"}),
    ("POST", "/shared/join/{code}"): _nothing,
    # The sharing API
    ("POST", "/api/v1/shares/invitations"): _json({"role": "viewer", "email": "dora@example.org"}),
    ("POST", "/api/v1/share-links"): _json({"days": 7}),
    ("POST", "/api/v1/shared/accept"): _json({"code": UNKNOWN_SECRET}),
    # A proposal on Ana's goal, whose plan is not shared with Ben
    ("POST", "/api/v1/proposals"): lambda w: {
        "json": {
            "owner_id": w.a.user_id,
            "goal_id": w.a_ids["goal_id"],
            "kind": "add_action",
            "text": f"{B_MARK} mine",
        }
    },
}


def _b_exploration_version(world: World) -> dict[str, str]:
    found = world.b_rows(tables.explorations)
    return {"version": str(found[0]["version"])} if found else {}


# Query strings for the reads that need one (a search, a pair of occupations).
QUERIES: dict[tuple[str, str], dict[str, str]] = {
    ("GET", "/api/v1/occupations"): {"q": "operations manager"},
    ("GET", "/api/v1/occupations/{code}/requirements"): {"from": CURRENT},
    ("GET", "/api/v1/explore/bridges"): {"from": CURRENT, "field": "renewable energy"},
    ("GET", "/api/v1/explore/paths"): {"from": CURRENT, "to": DREAM},
    ("GET", "/explore/current"): {"q": "operations manager"},
    ("GET", "/explore/compare"): {"codes": f"{DREAM},{CURRENT}"},
    ("GET", "/explore/bridge"): {"from": CURRENT, "field": "renewable energy"},
    ("GET", "/explore/path"): {"from": CURRENT, "to": DREAM},
}
# What Ben's requests that name no record answer other than success, and why.
PLAIN_STATUS: dict[tuple[str, str], int] = {
    # Ben has a plan already; starting a second one is refused.
    ("POST", "/api/v1/plan"): 409,
    # An unknown calendar feed, read-only link and invitation (each has its own test).
    ("GET", "/calendar/{token}.ics"): 404,
    ("GET", "/s/{code}"): 404,
    ("POST", "/shared/join/{code}"): 409,
    ("POST", "/api/v1/shared/accept"): 409,
    # Ana's plan is not shared with Ben: it is not there for him to propose on.
    ("POST", "/api/v1/proposals"): 404,
}


# --- the world ----------------------------------------------------------------------------


@dataclass
class Person:
    email: str
    user_id: int
    token: str
    session: str
    csrf: str


@dataclass(frozen=True, order=True)
class Route:
    method: str
    path: str

    @property
    def api(self) -> bool:
        return self.path.startswith("/api/")

    @property
    def params(self) -> list[str]:
        return re.findall(r"{(\w+)(?::\w+)?}", self.path)

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"

    def fill(self, values: dict[str, str]) -> str:
        return re.sub(r"{(\w+)(?::\w+)?}", lambda m: values[m.group(1)], self.path)


@dataclass
class World:
    app: FastAPI
    client: TestClient
    workspace: Workspace
    a: Person
    b: Person
    a_ids: dict[str, int] = field(default_factory=dict)
    a_feed: str = ""
    a_invitation: str = ""
    a_link: str = ""
    # Ana's secrets besides her texts: none may show in an answer to Ben.
    secrets: list[str] = field(default_factory=list)

    @property
    def engine(self) -> Engine:
        return self.workspace.engine

    def send(self, who: Person | None, method: str, url: str, **spec: Any) -> Response:
        """A request as `who` sends it: a script with its API token, a browser with its session
        cookie and CSRF token; with nobody, a browser that has only the CSRF token."""
        headers = dict(spec.pop("headers", {}))
        self.client.cookies.clear()  # only what is sent here: nothing kept from an answer
        if url.startswith("/api/"):
            if who is not None:
                headers["authorization"] = f"Bearer {who.token}"
        else:
            csrf = who.csrf if who is not None else "n" * 43
            cookies = f"{CSRF_COOKIE}={csrf}"
            if who is not None:
                cookies += f"; {SESSION_COOKIE}={who.session}"
            headers["cookie"] = cookies
            if method in UNSAFE_METHODS:
                headers[CSRF_HEADER] = csrf
        return self.client.request(method, url, headers=headers, follow_redirects=False, **spec)

    def rows(self, owner_id: int) -> list[tuple[str, str]]:
        """Every row of the person's, in every table of plans and accounts, in full."""
        return self._rows(ROWS_OF_ONE, {"owner": owner_id})

    def everything(self) -> list[tuple[str, str]]:
        """Every row of every table, everyone's."""
        return self._rows(ROWS_OF_ALL, {})

    def _rows(self, query: Any, values: dict[str, int]) -> list[tuple[str, str]]:
        with self.engine.connect() as connection:
            return sorted((str(name), str(row)) for name, row in connection.execute(query, values))

    def b_rows(self, table: Table) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            query = select(table).where(table.c.owner_id == self.b.user_id)
            return [dict(row) for row in connection.execute(query.order_by(table.c.id)).mappings()]

    def b_first(self, table: Table) -> int:
        """Ben's first record of `table` as his plan stands now (a restore renumbers it)."""
        found = self.b_rows(table)
        assert found, f"Ben has no {table.name}"
        return int(found[0]["id"])

    def b_dream(self) -> int:
        goals = tables.goals
        with self.engine.connect() as connection:
            found = connection.execute(
                select(goals.c.id)
                .where(goals.c.owner_id == self.b.user_id, goals.c.parent_id.is_(None))
                .order_by(goals.c.id)
            ).scalar()
        assert found is not None
        return int(found)

    def b_goal(self) -> int:
        """One of Ben's goals under his dream job (the dream job's own goal cannot move)."""
        return int(next(r["id"] for r in self.b_rows(tables.goals) if r["parent_id"] is not None))

    def version(self, table: Table, ident: int) -> int:
        with self.engine.connect() as connection:
            found = connection.execute(select(table.c.version).where(table.c.id == ident)).scalar()
        assert found is not None, f"no row {ident} in {table.name}"
        return int(found)

    def routes(self) -> list[Route]:
        return _routes(self.app)


def _created(response: Response) -> dict[str, Any]:
    assert response.status_code in (200, 201), f"{response.request.url}: {response.text}"
    body: dict[str, Any] = response.json()
    return body


RESUME = f"""Ana Lima {MARK}
Experience
Senior data scientist, {MARK} Analytics (2019-2026)
- Wrote SQL reports on churn for the board
- Led a team of 3 analysts through a data-platform migration
Skills
SQL, Python, Project management, Budgeting
"""
POSTING = f"""Head of Operations
{MARK} Renewables is hiring.
Requirements
- 5 years in operations
- SQL
- Budgeting and financial planning
"""


def _seed_ana(world: World) -> None:
    """Ana's plan through the API and the pages, as she would make it: something of every kind
    a plan holds, each text carrying MARK."""
    a = world.a

    def api(method: str, url: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        return _created(world.send(a, method, url, json=body))

    plan = api(
        "POST",
        "/api/v1/plan",
        {
            "name": f"Ana {MARK}",
            "current_job_title": f"{MARK} data scientist",
            "hours_per_week": 6,
            "vision": {
                "dream_job_title": f"{MARK} head of operations",
                "dream_occupation_code": DREAM,
                "target_date": "2031-11-25",
                "industry": f"{MARK} renewable energy",
                "commitment": f"I will run operations by 2031, {MARK}.",
                "target_roles": f"{MARK} COO",
            },
        },
    )
    api("PATCH", "/api/v1/profile", {"version": 1, "current_occupation_code": CURRENT})
    dream = plan["dream_goal"]["id"]
    two_years = api(
        "POST",
        "/api/v1/goals",
        {
            "text": f"{MARK}: become head of operations of a 50-person startup by November 2028",
            "parent_id": dream,
            "horizon": "2y",
            "category": "experience",
            "due": "2028-11-01",
        },
    )["id"]
    measured = api(
        "POST",
        "/api/v1/goals",
        {
            "text": f"{MARK}: finish 12 modules of a finance course by November 2027",
            "parent_id": two_years,
            "horizon": "12m",
            "category": "education",
            "due": "2027-11-01",
            "measure": {"metric": "modules", "target": 12, "unit": "modules"},
        },
    )["id"]
    enrol = api(
        "POST",
        "/api/v1/actions",
        {"goal_id": measured, "text": f"{MARK}: enrol in the course", "due": "2026-12-10"},
    )["id"]
    coffee = api(
        "POST",
        "/api/v1/actions",
        {
            "goal_id": two_years,
            "text": f"{MARK}: coffee with an operations leader",
            "repeat": "FREQ=WEEKLY;BYDAY=MO",
        },
    )["id"]
    api("POST", f"/api/v1/actions/{coffee}/completions", {"note": f"{MARK}: met Priya"})
    person = api(
        "POST",
        "/api/v1/resources",
        {
            "kind": "person",
            "name": f"Priya {MARK}",
            "contact": "priya@example.org",
            "notes": f"{MARK}: offered to review my plan",
            "goal_ids": [two_years],
            "action_ids": [coffee],
        },
    )["id"]
    api(
        "POST",
        "/api/v1/resources",
        {"kind": "course", "name": f"{MARK} finance course", "goal_ids": [measured]},
    )
    checkin = api(
        "POST",
        "/api/v1/checkins",
        {
            "goal_id": measured,
            "on": "2026-11-20",
            "value": 3,
            "confidence": 4,
            "note": f"{MARK}: three modules",
        },
    )["id"]
    review = api(
        "POST",
        "/api/v1/reviews",
        {
            "entries": [
                {"goal_id": measured, "progress": 25, "confidence": 4, "note": f"{MARK} on track"}
            ],
            "went_well": f"{MARK}: studied three evenings a week",
            "got_in_the_way": f"{MARK}: a product launch",
            "held_on": "2026-11-22",
        },
    )["review"]["id"]
    api("PATCH", "/api/v1/reviews/settings", {"digest_email": f"{MARK}@example.org"})
    skill = api("POST", "/api/v1/skills", {"label": f"{MARK} budgeting", "level": 4})["id"]
    resume = api("POST", "/api/v1/resumes", {"name": f"{MARK} CV", "text": RESUME})["resume"]["id"]
    application = api(
        "POST",
        "/api/v1/applications",
        {
            "posting": POSTING,
            "organisation": f"{MARK} Renewables",
            "notes": f"{MARK}: referred by Priya",
            "contact_ids": [person],
        },
    )["id"]
    api("POST", f"/api/v1/applications/{application}/stage", {"stage": "applied"})
    proposal = api("GET", "/api/v1/plan/proposal")["goals"][0]["key"]
    api("POST", "/api/v1/plan/proposal/accept", {"goals": [proposal], "late": "keep"})
    # What only the pages make: the exploration, the calendar feed, and the sharing (an
    # invitation for Carol, a read-only link, a private goal, a note to herself).
    for url, form in (
        ("/explore/quiz", {f"q{n}": str(1 + n % 5) for n in range(1, 61)}),
        ("/explore/reflection", {"reflection": f"{MARK}: I ran the school's library."}),
        ("/export/calendar", {"feed": "on"}),
        (f"/shared/{a.user_id}/comments", {"kind": "goal", "subject_id": str(measured),
                                           "text": f"{MARK}: ask Priya about this"}),
        (f"/sharing/private/{two_years}", {"private": "yes"}),
    ):  # fmt: skip
        answer = world.send(a, "POST", url, data=form)
        assert answer.status_code == 303, f"{url}: {answer.text}"
    # One on what others see (her review) through the API: the comment above is on a goal
    # under the one she has just made private.
    api(
        "POST",
        f"/api/v1/shared/{a.user_id}/comments",
        {"on": "review", "subject_id": review, "text": f"{MARK}: talk this through with Priya"},
    )
    invited = world.send(a, "POST", "/sharing/invite", data={"role": "commenter", "email": CAROL})
    linked = world.send(a, "POST", "/sharing/links", data={"days": "30"})
    world.a_invitation = _address_code(invited, "/shared/join/")
    world.a_link = _address_code(linked, "/s/")
    proposal = _editors_proposal(world, dream)
    with world.engine.connect() as connection:
        prefs, shares, links = tables.preferences, tables.shares, tables.share_links
        token = connection.execute(
            select(prefs.c.calendar_token).where(prefs.c.owner_id == a.user_id)
        ).scalar()
        share = connection.execute(
            select(shares.c.id).where(
                shares.c.owner_id == a.user_id, shares.c.invited_email == CAROL
            )
        )
        link = connection.execute(select(links.c.id).where(links.c.owner_id == a.user_id))
        world.a_ids = {
            "goal_id": measured,
            "action_id": enrol,
            "resource_id": person,
            "checkin_id": checkin,
            "review_id": review,
            "skill_id": skill,
            "resume_id": resume,
            "application_id": application,
            "owner_id": a.user_id,
            "share_id": share.scalar_one(),
            "link_id": link.scalar_one(),
            "proposal_id": proposal,
        }
    assert token
    world.a_feed = str(token)
    world.secrets = [
        MARK, a.email, a.token, a.session, world.a_feed, world.a_invitation, world.a_link
    ]  # fmt: skip


def _editors_proposal(world: World, goal_id: int) -> int:
    """A proposal on Ana's plan, waiting for her answer: Eve's, an editor whose share Ana has
    revoked since (so her plan stays shared with no one, and Eve cannot reach it either)."""
    clock = world.app.state.clock
    eve = Identity(Accounts(world.engine, clock, hasher=CHEAP_HASHER).add(EVE, PASSWORD), EVE)
    ana = Identity(world.a.user_id, world.a.email)
    sharing = Sharing(world.workspace, clock)
    invitation = sharing.invite(ana, Role.EDITOR, EVE)
    sharing.accept(invitation.code, eve)
    made = Proposals(world.workspace, clock).propose(
        ana.user_id, eve, goal_id, ChangeKind.ADD_ACTION, f"{MARK}: ask Priya for a mock interview"
    )
    sharing.revoke(ana, invitation.id)
    return made.id


def _address_code(answer: Response, prefix: str) -> str:
    """The secret in the address a sharing page shows once (an invitation's, a link's)."""
    assert answer.status_code == 200, answer.text
    found = re.search(re.escape(prefix) + r"([\w-]+)", answer.text)
    assert found is not None, f"no {prefix} address shown"
    return found.group(1)


def _seed_ben(world: World) -> None:
    """Ben's own small plan: his dream job, a goal, an action, a person, a skill, a résumé and an
    application, so that his pages have something of his to show."""
    b = world.b

    def api(method: str, url: str, body: dict[str, Any]) -> dict[str, Any]:
        return _created(world.send(b, method, url, json=body))

    plan = api(
        "POST",
        "/api/v1/plan",
        {
            "name": f"Ben {B_MARK}",
            "current_job_title": "Warehouse analyst",
            "vision": {
                "dream_job_title": f"{B_MARK} logistics director",
                "dream_occupation_code": DREAM,
                "target_date": "2030-06-30",
            },
        },
    )
    api("PATCH", "/api/v1/profile", {"version": 1, "current_occupation_code": CURRENT})
    goal = api(
        "POST",
        "/api/v1/goals",
        {
            "text": f"{B_MARK}: run a depot of 20 people by May 2028",
            "parent_id": plan["dream_goal"]["id"],
            "horizon": "2y",
        },
    )["id"]
    api("POST", "/api/v1/actions", {"goal_id": goal, "text": f"{B_MARK}: shadow a manager"})
    api("POST", "/api/v1/resources", {"kind": "person", "name": f"Carla {B_MARK}"})
    api("POST", "/api/v1/skills", {"label": f"{B_MARK} forklift", "level": 3})
    api("POST", "/api/v1/resumes", {"name": "CV", "text": f"Ben {B_MARK}\nSkills\nSQL\n"})
    api("POST", "/api/v1/applications", {"posting": f"Depot Manager\n{B_MARK}\n- SQL"})


def _person(accounts: Accounts, email: str) -> Person:
    user_id = accounts.add(email, PASSWORD)
    session = accounts.sign_in(email, PASSWORD, "127.0.0.1").token
    token = accounts.create_token(email, label="isolation test")
    return Person(email, user_id, token, session, csrf=(email[0] * 43))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """Ana's plan and Ben's, each through their own account, one database per kind for the
    module (accounts and plans are made once: they are read far more than written)."""
    from careerplan.catalog import search_titles

    # Loaded before any chart is drawn: pygal's import hook warns about modules imported after it.
    search_titles("sofware developer", limit=1)
    folder = tmp_path_factory.mktemp("isolation")
    urls: Iterator[str]
    if request.param == "sqlite":
        urls = iter([f"sqlite:///{folder / 'careerplan.sqlite3'}"])
    else:
        urls = _postgres_schema_url()
    url = next(urls)
    clock = FixedClock(NOW)
    workspace = open_workspace(
        Settings(data_dir=folder, database_url=url, accounts=True), clock=clock
    )
    try:
        accounts = Accounts(workspace.engine, clock, hasher=CHEAP_HASHER)
        a = _person(accounts, f"ana.{MARK}@example.org")
        b = _person(accounts, "ben@example.org")
        app = create_app(workspace=workspace, clock=clock)
        with local_client(app) as client:
            found = World(app, client, workspace, a, b)
            _seed_ana(found)
            _seed_ben(found)
            yield found
    finally:
        workspace.close()
        for _ in urls:  # lets the PostgreSQL schema be dropped
            pass


# --- the routes ---------------------------------------------------------------------------


def _flatten(routes: Sequence[Any], prefix: str = "") -> Iterator[Route]:
    """Every route with each of its methods, inside included routers too (newer FastAPI keeps
    an included router whole rather than copying its routes)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _flatten(included.routes, prefix + route.include_context.prefix)
            continue
        path = prefix + route.path
        if path == "/static":
            continue
        # HEAD is answered as GET is; the calendar feed's HEAD has a test of its own.
        for method in sorted(set(getattr(route, "methods", None) or ()) - {"HEAD"}):
            yield Route(method, path)


def _routes(app: FastAPI) -> list[Route]:
    """Every operation of the OpenAPI document and every route of the app, less sign-in."""
    document = app.openapi()
    described = {
        Route(method.upper(), path)
        for path, operations in document["paths"].items()
        for method in operations
    }
    found = set(_flatten(app.routes)) | described
    return sorted(r for r in found if r.key not in SIGN_IN_ROUTES)


def _is_record_route(route: Route) -> bool:
    return any(param in RECORD_PARAMS for param in route.params)


def _fillings(route: Route, world: World, ids: dict[str, int] | None = None) -> list[str]:
    """The route's address filled in: the records' ids (Ana's unless `ids` are given), and each
    value of the other parts in turn."""
    ids = world.a_ids if ids is None else ids
    names = route.params
    others = OTHER_PARAMS | PARAMS_OF_PATH.get(route.path, {})
    choices = [[str(ids[n])] if n in RECORD_PARAMS else list(others[n]) for n in names]
    return [
        route.fill(dict(zip(names, values, strict=True))) for values in itertools.product(*choices)
    ]


# --- reading answers ----------------------------------------------------------------------


def readable(response: Response) -> str:
    """The answer as text a person would read: a PDF's text, a calendar's lines unfolded."""
    kind = response.headers.get("content-type", "")
    if kind.startswith("application/pdf"):
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(response.content))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    else:
        text = response.content.decode("utf-8", "replace")
    if kind.startswith("text/calendar"):
        text = text.replace("\r\n ", "").replace("\r\n\t", "")
    return text.casefold()


def shown_secrets(world: World, response: Response) -> list[str]:
    text = readable(response)
    return [secret for secret in world.secrets if secret.casefold() in text]


def cross_owner_references(engine: Engine) -> list[str]:
    """Rows that point at a row of another person's (a goal under someone else's goal, a check-in
    on someone else's goal...): each foreign key between plan tables, checked in the database."""
    found = []
    with engine.connect() as connection:
        for table in PLAN_TABLES:
            for key in table.foreign_keys:
                target = key.column.table
                if target.name == "users" or "owner_id" not in target.c:
                    continue
                other = target.alias("other")
                count = connection.execute(
                    select(func.count())
                    .select_from(table)
                    .join(other, other.c.id == table.c[key.parent.name])
                    .where(table.c.owner_id != other.c.owner_id)
                ).scalar_one()
                if count:
                    found.append(f"{table.name}.{key.parent.name}: {count} row(s)")
    return found


# --- the tests ----------------------------------------------------------------------------


def test_every_route_can_be_driven(world: World) -> None:
    """Each part of every address can be filled in, every write has a body, and the lists of
    this module name only routes that exist (a renamed route fails here, not silently)."""
    routes = world.routes()
    keys = {route.key for route in routes}
    problems = []
    for route in routes:
        unknown = [p for p in route.params if p not in RECORD_PARAMS and p not in OTHER_PARAMS]
        if unknown:
            problems.append(
                f"{route}: no way to fill {unknown} (add to RECORD_PARAMS or OTHER_PARAMS)"
            )
        if route.method in UNSAFE_METHODS:
            bodies = RECORD_BODIES if _is_record_route(route) else PLAIN_BODIES
            if route.key not in bodies:
                problems.append(f"{route}: a write with no body to send (add one)")
    paths = {route.path for route in routes}
    problems += [
        f"{p}: listed, but there is no such route" for p in PARAMS_OF_PATH if p not in paths
    ]
    for listed in (RECORD_BODIES, PLAIN_BODIES, QUERIES, PLAIN_STATUS):
        problems += [
            f"{m} {p}: listed, but there is no such route" for m, p in listed if (m, p) not in keys
        ]
    assert not problems, "\n".join(problems)
    # The API's description names only routes the app has (and so drives nothing imagined).
    flattened = set(_flatten(world.app.routes))
    described = {
        Route(method.upper(), path)
        for path, operations in world.app.openapi()["paths"].items()
        for method in operations
    }
    assert described <= flattened


def test_ana_has_something_of_every_kind(world: World) -> None:
    """Her plan has a record of every kind a plan is made of (as its backup counts them), and
    each id Ben is given is hers, so no route is driven against an empty table."""
    from careerplan.storage.whole_plan import PLAN_TABLES as KINDS

    mine = world.a.user_id
    with world.engine.connect() as connection:
        empty = [
            kind
            for kind, table in KINDS.items()
            if not connection.execute(
                select(func.count()).select_from(table).where(table.c.owner_id == mine)
            ).scalar_one()
        ]
        assert empty == []
        for param, ident in world.a_ids.items():
            table = RECORD_PARAMS[param][0]
            owner = table.c.id if table is tables.users else table.c.owner_id
            found = connection.execute(select(owner).where(table.c.id == ident)).scalar()
            assert found == mine, param


def test_ana_sees_her_own_records_through_the_same_addresses(world: World) -> None:
    """The ids Ben is given below are real: Ana reads each of them through the same reads."""
    before = world.rows(world.a.user_id)
    for route in world.routes():
        if route.method != "GET" or not _is_record_route(route):
            continue
        for url in _fillings(route, world):
            answer = world.send(world.a, "GET", url)
            assert answer.status_code == 200, f"{route}: {answer.status_code} {answer.text[:300]}"
            if not url.endswith(".svg"):
                assert MARK in readable(answer), f"{route}: Ana's record is not in the answer"
    assert world.rows(world.a.user_id) == before


def test_a_record_of_anothers_is_not_found(world: World) -> None:
    """Every route that names a record, given Ana's id and driven as Ben, answers "not found"
    (a 404; on the pages that refuse a form in place, the form's refusal that says so), exactly
    as it answers for an id no one has (so it does not even tell Ben that her record exists),
    and changes nothing of Ana's."""
    problems = []
    covered = 0
    for route in world.routes():
        if not _is_record_route(route):
            continue
        maker = RECORD_BODIES.get(route.key, _nothing)
        unused = dict.fromkeys(RECORD_PARAMS, UNUSED_ID)
        for url, nobodys in zip(
            _fillings(route, world), _fillings(route, world, unused), strict=True
        ):
            covered += 1
            before = world.rows(world.a.user_id)
            answer = world.send(world.b, route.method, url, **maker(world))
            after = world.rows(world.a.user_id)
            named = [p for p in route.params if p in RECORD_PARAMS]
            problem = _not_found_problem(route.api, named, world, answer)
            if problem:
                problems.append(f"{route.method} {url}: {problem}")
            if after != before:
                problems.append(f"{route.method} {url}: changed Ana's rows")
            if leaked := shown_secrets(world, answer):
                problems.append(f"{route.method} {url}: showed Ben {leaked}")
            unknown = world.send(world.b, route.method, nobodys, **maker(world))
            if _digitless(unknown) != _digitless(answer):
                problems.append(f"{route.method} {url}: answered otherwise than for an unused id")
    problems += cross_owner_references(world.engine)
    assert covered > 0
    assert not problems, "\n".join(problems)


def _digitless(answer: Response) -> tuple[int, str]:
    """The answer with every number made the same: ids differ, and nothing else may."""
    return answer.status_code, re.sub(r"\d+", "N", answer.text)


def _not_found_problem(api: bool, named: list[str], world: World, answer: Response) -> str:
    """What is wrong with `answer` as the "not found" of Ana's records `named` (none: right)."""
    if api:
        if answer.status_code != 404:
            return f"answered {answer.status_code}, not 404: {answer.text[:300]}"
        if answer.headers["content-type"] != "application/problem+json":
            return "the 404 is not a problem document"
        return ""
    if answer.status_code == 404:
        return ""
    # Forms on the plan and actions pages refuse in place, with the form's own message (409).
    words = [f"No {RECORD_PARAMS[p][1]} with id {world.a_ids[p]}." for p in named]
    if answer.status_code == 409 and any(w in answer.text for w in words):
        return ""
    return f"answered {answer.status_code}, not the not-found page: {answer.text[:300]}"


def test_routes_without_a_record_show_nothing_of_anothers(world: World) -> None:
    """Every other route, driven as Ben (reads, and writes that change his own plan: a review, a
    skill, a restore that replaces his whole plan...), shows none of Ana's texts or secrets and
    leaves her rows as they were."""
    problems = []
    covered = 0
    for route in world.routes():
        if _is_record_route(route):
            continue
        for url in _fillings(route, world):
            covered += 1
            spec = PLAIN_BODIES[route.key](world) if route.method in UNSAFE_METHODS else {}
            if route.key in QUERIES:
                spec["params"] = QUERIES[route.key]
            before = world.rows(world.a.user_id)
            answer = world.send(world.b, route.method, url, **spec)
            after = world.rows(world.a.user_id)
            expected = PLAIN_STATUS.get(route.key)
            ok = answer.status_code == expected if expected else 200 <= answer.status_code < 400
            if not ok:
                problems.append(f"{route.method} {url}: {answer.status_code} {answer.text[:300]}")
            if after != before:
                problems.append(f"{route.method} {url}: changed Ana's rows")
            if leaked := shown_secrets(world, answer):
                problems.append(f"{route.method} {url}: showed Ben {leaked}")
    problems += cross_owner_references(world.engine)
    assert covered > 0
    assert not problems, "\n".join(problems)


def test_anas_own_answers_show_her_word_in_every_format(world: World) -> None:
    """The reading above sees a leak in any format an answer comes in: Ana's own exports, her
    card as a PDF, her backup and her calendar feed all show her word to her."""
    urls = [f"/export/{name}" for name in OTHER_PARAMS["name"]]
    urls += ["/card.pdf", "/api/v1/backup", f"/calendar/{world.a_feed}.ics"]
    for url in urls:
        answer = world.send(world.a, "GET", url)
        assert answer.status_code == 200, f"{url}: {answer.text[:300]}"
        assert MARK in readable(answer), url


# Ana's ids in what Ben sends (a body, a query string), as opposed to the address: each must be
# "not found" as Ben's, as if it were not there, and nothing of Ben's may come to point at hers.
# Each is (method, address, what is sent, the part of Ana's plan named); an address may name
# Ben's own records ({b_goal}: one of his goals under the dream job, {b_resource},
# {b_application}) or his own plan ({b_owner}). Reads that only narrow a list name nothing that
# must be refused: they must show nothing of hers.
Reference = tuple[str, str, Maker, str | None]


REFERENCES: list[Reference] = [
    # The API
    (
        "POST",
        "/api/v1/goals",
        lambda w: {
            "json": {"text": _fresh("a goal under hers by 2028"), "parent_id": w.a_ids["goal_id"]}
        },
        "goal_id",
    ),
    (
        "PATCH",
        "/api/v1/goals/{b_goal}",
        lambda w: {
            "json": {
                "version": w.version(tables.goals, w.b_goal()),
                "parent_id": w.a_ids["goal_id"],
            }
        },
        "goal_id",
    ),
    (
        "POST",
        "/api/v1/actions",
        lambda w: {"json": {"goal_id": w.a_ids["goal_id"], "text": _fresh("an action on hers")}},
        "goal_id",
    ),
    (
        "POST",
        "/api/v1/resources",
        lambda w: {
            "json": {"kind": "person", "name": _fresh("Dan"), "goal_ids": [w.a_ids["goal_id"]]}
        },
        "goal_id",
    ),
    (
        "POST",
        "/api/v1/resources",
        lambda w: {
            "json": {"kind": "person", "name": _fresh("Dan"), "action_ids": [w.a_ids["action_id"]]}
        },
        "action_id",
    ),
    (
        "POST",
        "/api/v1/resources/{b_resource}/links",
        lambda w: {"json": {"goal_id": w.a_ids["goal_id"]}},
        "goal_id",
    ),
    (
        "POST",
        "/api/v1/resources/{b_resource}/links",
        lambda w: {"json": {"action_id": w.a_ids["action_id"]}},
        "action_id",
    ),
    (
        "DELETE",
        "/api/v1/resources/{b_resource}/links",
        lambda w: {"params": {"goal_id": w.a_ids["goal_id"]}},
        "goal_id",
    ),
    (
        "POST",
        "/api/v1/checkins",
        lambda w: {"json": {"goal_id": w.a_ids["goal_id"], "value": 1, "note": _fresh("on hers")}},
        "goal_id",
    ),
    (
        "POST",
        "/api/v1/reviews",
        lambda w: {"json": {"entries": [{"goal_id": w.a_ids["goal_id"], "decision": "done"}]}},
        "goal_id",
    ),
    (
        "POST",
        "/api/v1/applications",
        lambda w: {
            "json": {"posting": "Depot Manager\n- SQL", "contact_ids": [w.a_ids["resource_id"]]}
        },
        "resource_id",
    ),
    (
        "PATCH",
        "/api/v1/applications/{b_application}",
        lambda w: {
            "json": {
                "version": w.version(tables.applications, w.b_first(tables.applications)),
                "resume_id": w.a_ids["resume_id"],
            }
        },
        "resume_id",
    ),
    (
        "PATCH",
        "/api/v1/applications/{b_application}",
        lambda w: {
            "json": {
                "version": w.version(tables.applications, w.b_first(tables.applications)),
                "contact_ids": [w.a_ids["resource_id"]],
            }
        },
        "resource_id",
    ),
    ("GET", "/api/v1/actions", lambda w: {"params": {"goal_id": w.a_ids["goal_id"]}}, None),
    ("GET", "/api/v1/resources", lambda w: {"params": {"goal_id": w.a_ids["goal_id"]}}, None),
    ("GET", "/api/v1/checkins", lambda w: {"params": {"goal_id": w.a_ids["goal_id"]}}, None),
    # Ben commenting on his own plan, on her goal or her review
    (
        "POST",
        "/api/v1/shared/{b_owner}/comments",
        lambda w: {"json": {"on": "goal", "subject_id": w.a_ids["goal_id"], "text": "Hers?"}},
        "goal_id",
    ),
    (
        "POST",
        "/api/v1/shared/{b_owner}/comments",
        lambda w: {"json": {"on": "review", "subject_id": w.a_ids["review_id"], "text": "Hers?"}},
        "review_id",
    ),
    (
        "GET",
        "/api/v1/shared/{b_owner}/comments",
        lambda w: {"params": {"on": "review", "subject_id": w.a_ids["review_id"]}},
        None,
    ),
    # The pages
    (
        "POST",
        "/plan/goals",
        lambda w: {
            "data": {
                "text": _fresh("a goal under hers by 2028"),
                "parent_id": str(w.a_ids["goal_id"]),
            }
        },
        "goal_id",
    ),
    (
        "POST",
        "/plan/goals/{b_goal}/move",
        lambda w: {
            "data": {
                "parent_id": str(w.a_ids["goal_id"]),
                "version": str(w.version(tables.goals, w.b_goal())),
            }
        },
        "goal_id",
    ),
    (
        "POST",
        "/smart/save",
        lambda w: {
            "data": {
                "text": f"{B_MARK}: her goal, reworded by June 2027",
                "goal_id": str(w.a_ids["goal_id"]),
                "version": str(w.version(tables.goals, w.a_ids["goal_id"])),
            }
        },
        "goal_id",
    ),
    (
        "POST",
        "/smart/save",
        lambda w: {
            "data": {
                "text": _fresh("a goal under hers by 2028"),
                "parent_id": str(w.a_ids["goal_id"]),
            }
        },
        "goal_id",
    ),
    (
        "POST",
        "/actions",
        lambda w: {
            "data": {"goal_id": str(w.a_ids["goal_id"]), "text": _fresh("an action on hers")}
        },
        "goal_id",
    ),
    (
        "POST",
        "/resources",
        lambda w: {
            "data": {"kind": "person", "name": _fresh("Dan"), "goal_id": str(w.a_ids["goal_id"])}
        },
        "goal_id",
    ),
    (
        "POST",
        "/resources/{b_resource}/link",
        lambda w: {"data": {"goal_id": str(w.a_ids["goal_id"])}},
        "goal_id",
    ),
    (
        "POST",
        "/resources/{b_resource}/link",
        lambda w: {"data": {"goal_id": str(w.a_ids["goal_id"]), "remove": "1"}},
        "goal_id",
    ),
    (
        "POST",
        "/checkins",
        lambda w: {
            "data": {"goal_id": str(w.a_ids["goal_id"]), "value": "1", "note": _fresh("on hers")}
        },
        "goal_id",
    ),
    (
        "POST",
        "/review",
        lambda w: {
            "data": {
                f"g{w.a_ids['goal_id']}_version": str(w.version(tables.goals, w.a_ids["goal_id"])),
                f"g{w.a_ids['goal_id']}_decision": "done",
            }
        },
        "goal_id",
    ),
    (
        "POST",
        "/smart/check",
        lambda w: {
            "data": {
                "text": "Finish the course by 2027",
                "goal_id": str(w.a_ids["goal_id"]),
                "parent_id": str(w.a_ids["goal_id"]),
            }
        },
        None,
    ),
    ("GET", "/smart", lambda w: {"params": {"goal": w.a_ids["goal_id"]}}, None),
    ("GET", "/review", lambda w: {"params": {"checked": str(w.a_ids["goal_id"])}}, None),
    ("GET", "/plan", lambda w: {"params": {"saved": w.a_ids["goal_id"]}}, None),
]


def test_anothers_ids_in_a_body_or_a_query_are_not_found(world: World) -> None:
    """Ben cannot hang his records on Ana's (a goal under hers, a check-in on it, her résumé on
    his application), nor reach hers through a form that names one, nor see hers in a list
    narrowed to one of them."""
    problems = []
    for method, address, maker, named in REFERENCES:
        url = address.format(
            b_goal=world.b_goal(),
            b_resource=world.b_first(tables.resources),
            b_application=world.b_first(tables.applications),
            b_owner=world.b.user_id,
        )
        spec = maker(world)
        before = world.rows(world.a.user_id)
        answer = world.send(world.b, method, url, **spec)
        after = world.rows(world.a.user_id)
        where = f"{method} {url} {spec}"
        if named is not None:
            problem = _not_found_problem(url.startswith("/api/"), [named], world, answer)
            if problem:
                problems.append(f"{where}: {problem}")
        elif answer.status_code not in (200, 404):
            problems.append(f"{where}: {answer.status_code} {answer.text[:300]}")
        if after != before:
            problems.append(f"{where}: changed Ana's rows")
        if leaked := shown_secrets(world, answer):
            problems.append(f"{where}: showed Ben {leaked}")
    problems += cross_owner_references(world.engine)
    assert not problems, "\n".join(problems)


def test_nobody_signed_in_is_refused_everywhere(world: World) -> None:
    """Every route but the open ones refuses a request with no session and no token (401 from
    the API, to the sign-in page from the pages) before it reads or writes anything; the open
    ones (the probes, the API's description, an unknown calendar feed) show nothing of anyone."""
    problems = []
    covered = 0
    for route in world.routes():
        record = _is_record_route(route)
        for url in _fillings(route, world):
            covered += 1
            spec: Spec = {}
            if route.method in UNSAFE_METHODS:
                spec = (RECORD_BODIES if record else PLAIN_BODIES)[route.key](world)
            before = world.everything()
            answer = world.send(None, route.method, url, **spec)
            after = world.everything()
            where = f"{route.method} {url}"
            if after != before:
                problems.append(f"{where}: changed the database")
            if shown_secrets(world, answer) or B_MARK in readable(answer):
                problems.append(f"{where}: showed someone's plan")
            if is_open(route.fill(dict.fromkeys(route.params, "x"))):
                continue
            if route.api:
                if answer.status_code != 401 or answer.headers["content-type"] != (
                    "application/problem+json"
                ):
                    problems.append(f"{where}: {answer.status_code}, not 401")
            elif answer.status_code != 303 or not answer.headers["location"].startswith(
                f"{SIGN_IN_PATH}?next="
            ):
                problems.append(f"{where}: {answer.status_code}, not sent to sign in")
    assert covered > 0
    assert not problems, "\n".join(problems)


def test_a_calendar_feed_opens_with_its_own_address_only(world: World) -> None:
    """Ana's feed address opens Ana's calendar, to anyone (calendar apps sign in to nothing);
    Ben's opens his; an address that is not a feed's, or is hers changed by a letter, opens
    nothing; and Ben turning his feed on, renewing it or off leaves hers as it was."""
    ana = world.send(None, "GET", f"/calendar/{world.a_feed}.ics")
    assert ana.status_code == 200
    assert ana.headers["content-type"].startswith("text/calendar")
    assert MARK in readable(ana)
    assert B_MARK not in readable(ana)
    assert world.send(None, "HEAD", f"/calendar/{world.a_feed}.ics").status_code == 200
    before = world.rows(world.a.user_id)
    for choice in ("on", "rotate"):
        changed = world.send(world.b, "POST", "/export/calendar", data={"feed": choice})
        assert changed.status_code == 303
    ben_feed = str(world.b_rows(tables.preferences)[0]["calendar_token"])
    assert ben_feed != world.a_feed
    ben = world.send(None, "GET", f"/calendar/{ben_feed}.ics")
    assert ben.status_code == 200
    assert B_MARK in readable(ben)
    assert not shown_secrets(world, ben)
    # Signed in as Ben makes no difference: the address says whose calendar it is.
    assert MARK in readable(world.send(world.b, "GET", f"/calendar/{world.a_feed}.ics"))
    changed_letter = world.a_feed[:-1] + ("A" if world.a_feed[-1] != "A" else "B")
    for wrong in (
        "no-such-feed",
        changed_letter,
        world.a_feed[:-1],
        world.a_feed + "x",
        world.a_feed.upper() if world.a_feed.upper() != world.a_feed else "X" + world.a_feed,
    ):
        for method in ("GET", "HEAD"):
            answer = world.send(None, method, f"/calendar/{wrong}.ics")
            assert answer.status_code == 404, wrong
            # The not-found page repeats the address asked for, and nothing else.
            assert MARK not in readable(answer)
    assert world.send(world.b, "POST", "/export/calendar", data={"feed": "off"}).status_code == 303
    assert world.send(None, "GET", f"/calendar/{ben_feed}.ics").status_code == 404
    assert world.send(None, "GET", f"/calendar/{world.a_feed}.ics").status_code == 200
    assert world.rows(world.a.user_id) == before


def test_restoring_a_copy_of_anothers_backup_takes_nothing_of_hers(world: World) -> None:
    """Were Ben to hold a copy of Ana's backup (her texts taken out, her feed's secret left in)
    and restore it into his plan, he gets a copy of the records, not her calendar feed's address,
    and her plan stays as it was."""
    backup = world.send(world.a, "GET", "/api/v1/backup")
    assert backup.status_code == 200
    copy = backup.content.replace(MARK.encode(), b"copied")
    assert world.a_feed.encode() in copy
    before = world.rows(world.a.user_id)
    for dry_run in ("true", "false"):
        restored = world.send(
            world.b,
            "POST",
            "/api/v1/backup/restore",
            content=copy,
            params={"mode": "merge", "dry_run": dry_run},
            headers={"content-type": "application/json"},
        )
        assert restored.status_code == 200, restored.text
        assert any("in use by another person" in note for note in restored.json()["notes"])
        assert not shown_secrets(world, restored)
    assert world.rows(world.a.user_id) == before
    assert world.a_feed not in {row["calendar_token"] for row in world.b_rows(tables.preferences)}
    assert MARK in readable(world.send(None, "GET", f"/calendar/{world.a_feed}.ics"))
    assert cross_owner_references(world.engine) == []


def test_an_invitation_for_someone_else_does_not_let_another_in(world: World) -> None:
    """Ana's plan is shared with no one yet but Carol is invited: Ben, even holding Carol's
    invitation, is refused and still finds no shared plan of Ana's; her read-only link opens her
    plan to whoever has it (that is what it is for), and an unknown link opens nothing."""
    before = world.rows(world.a.user_id)
    taken = world.send(world.b, "POST", f"/shared/join/{world.a_invitation}")
    assert taken.status_code == 409
    assert "for another address" in taken.text
    assert world.rows(world.a.user_id) == before
    assert world.send(world.b, "GET", f"/shared/{world.a.user_id}").status_code == 404
    assert MARK not in readable(world.send(world.b, "GET", "/shared"))
    shown = world.send(None, "GET", f"/s/{world.a_link}")
    assert shown.status_code == 200
    assert MARK in readable(shown)
    assert B_MARK not in readable(shown)
    for wrong in (UNKNOWN_SECRET, world.a_link[:-1], world.a_invitation):
        assert world.send(None, "GET", f"/s/{wrong}").status_code == 404
