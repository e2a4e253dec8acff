"""The application answers only to the names it is known by, and takes changes from browsers
only when they come from its own pages: a page that points its own name at 127.0.0.1 (DNS
rebinding), or another port of this machine that planted the form cookie, changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from careerplan.config import Settings, host_names, host_of
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.web.app import create_app
from careerplan.web.hosts import HostPolicy
from careerplan.web.security import CSRF_COOKIE
from tests.exports.rich_plan import backup_of
from tests.web.conftest import local_client

ATTACKER = "rebind.attacker.example:8000"


def _goal_ids(client: TestClient) -> list[int]:
    return [goal["id"] for goal in client.get("/api/v1/goals").json()]


def test_the_dns_rebinding_restore_is_refused_and_changes_nothing(
    client: TestClient, rich: Workspace, clock: FixedClock
) -> None:
    before = backup_of(rich, clock)
    goals = _goal_ids(client)
    response = client.post(
        "/api/v1/backup/restore?mode=replace",
        content=before.replace(b'"Ana"', b'"Mallory"'),
        headers={
            "Host": ATTACKER,
            "Origin": f"http://{ATTACKER}",
            "Sec-Fetch-Site": "same-origin",
            "Content-Type": "application/json",
        },
    )
    assert response.status_code == 421
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == (
        "This careerplan does not answer to the name 'rebind.attacker.example'. If that is how "
        "people reach it, add the name to CAREERPLAN_ALLOWED_HOSTS (or set "
        "CAREERPLAN_PUBLIC_URL)."
    )
    assert _goal_ids(client) == goals
    assert backup_of(rich, clock) == before


@pytest.mark.parametrize("path", ["/api/v1/backup", "/", "/api/v1/goals", "/export"])
def test_a_page_or_read_under_another_name_is_refused(
    client: TestClient, story: Workspace, path: str
) -> None:
    response = client.get(path, headers={"Host": ATTACKER})
    assert response.status_code == 421
    assert b"Ana" not in response.content


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_the_loopback_names_are_answered(client: TestClient, story: Workspace, host: str) -> None:
    assert client.get("/api/v1/goals", headers={"Host": host}).status_code == 200


def test_health_probes_answer_under_any_name(client: TestClient, story: Workspace) -> None:
    assert client.get("/livez", headers={"Host": "10.0.0.7:8000"}).text == "ok"
    assert client.get("/healthz", headers={"Host": "10.0.0.7:8000"}).json()["status"] == "ok"


@pytest.fixture
def served_as(workspace: Workspace, clock: FixedClock) -> Iterator[tuple[TestClient, Workspace]]:
    """A client of an app configured with a public URL and one more name."""
    settings = replace(
        workspace.settings,
        public_url="https://plan.example.org",
        allowed_hosts=("coach.example.org",),
    )
    app = create_app(workspace=replace(workspace, settings=settings), clock=clock)
    with local_client(app) as client:
        yield client, workspace


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("plan.example.org", 200),
        ("coach.example.org:8443", 200),
        ("localhost:8000", 200),
        ("other.example.org", 421),
        ("", 421),
    ],
)
def test_the_public_url_and_configured_names_are_answered(
    served_as: tuple[TestClient, Workspace], host: str, status: int
) -> None:
    client, _ = served_as
    assert client.get("/explore", headers={"Host": host}).status_code == status
    assert client.get("/api/v1/goals", headers={"Host": host}).status_code == status


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Origin": "http://localhost:8000", "Sec-Fetch-Site": "same-origin"}, 201),
        ({}, 201),  # a script
        ({"Origin": "http://localhost:9999"}, 403),  # another service on this machine
        ({"Origin": "http://127.0.0.1:8000"}, 403),  # another name than the one addressed
        ({"Origin": "null"}, 403),
        ({"Sec-Fetch-Site": "same-site"}, 403),
        ({"Origin": f"http://{ATTACKER}"}, 403),
    ],
)
def test_api_changes_come_only_from_this_applications_own_pages(
    client: TestClient, story: Workspace, headers: dict[str, str], status: int
) -> None:
    response = client.post("/api/v1/goals", json={"text": "Speak at a meetup"}, headers=headers)
    assert response.status_code == status
    assert len(_goal_ids(client)) == (4 if status == 201 else 3)


def test_a_form_cookie_planted_from_another_port_is_not_enough(
    client: TestClient, story: Workspace
) -> None:
    """Cookies do not keep to a port: a page on localhost:9999 can set the form cookie and post
    the same value. The browser still says where the form came from."""
    planted = "p" * 43
    client.cookies.set(CSRF_COOKIE, planted)
    form = {"text": "Planted goal", "parent_id": "1", "csrf_token": planted}
    refused = client.post(
        "/plan/goals",
        data=form,
        headers={"Origin": "http://localhost:9999", "Sec-Fetch-Site": "same-site"},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    assert len(_goal_ids(client)) == 3
    accepted = client.post(
        "/plan/goals",
        data=form,
        headers={"Origin": "http://localhost:8000", "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert accepted.status_code == 303
    assert len(_goal_ids(client)) == 4


def test_healthz_shows_the_database_error_only_to_this_machine(
    settings: Settings, clock: FixedClock, workspace: Workspace
) -> None:
    unreachable = create_engine("postgresql+psycopg://nobody@127.0.0.1:9/plans")
    app = create_app(workspace=replace(workspace, engine=unreachable), clock=clock)
    with local_client(app) as local:
        here = local.get("/healthz")
    remote = TestClient(app, base_url="http://localhost:8000", client=("192.0.2.7", 4000))
    with remote:
        there = remote.get("/healthz")
    unreachable.dispose()
    assert (here.status_code, there.status_code) == (503, 503)
    assert here.headers["retry-after"] == there.headers["retry-after"] == "5"
    assert "127.0.0.1" in here.json()["database"]
    assert there.json() == {"status": "error", "database": "unavailable"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("", ()),
        ("plan.example.org", ("plan.example.org",)),
        ("Plan.Example.org:8443, coach.example.org.", ("plan.example.org", "coach.example.org")),
        ("[::1]:8000 10.0.0.7", ("::1", "10.0.0.7")),
        ("*", ("*",)),
    ],
)
def test_configured_names_are_read_as_a_host_header_names_them(
    text: str, names: tuple[str, ...]
) -> None:
    assert host_names(text) == names
    assert Settings.from_env({"CAREERPLAN_ALLOWED_HOSTS": text}).allowed_hosts == names


@pytest.mark.parametrize(
    ("netloc", "name"),
    [("localhost:8000", "localhost"), ("[::1]:8000", "::1"), ("::1", "::1"), ("[::1", "")],
)
def test_the_host_name_of_a_host_header(netloc: str, name: str) -> None:
    assert host_of(netloc) == name


def test_a_star_answers_every_name_but_origins_must_still_be_the_address_used() -> None:
    policy = HostPolicy.from_settings(
        Settings.from_env({"CAREERPLAN_ALLOWED_HOSTS": "*", "CAREERPLAN_DATA_DIR": "/tmp/x"})
    )
    assert policy.allows_host("anything.example:1")
    assert policy.allows_origin("https://anything.example:1", "anything.example:1")
    assert not policy.allows_origin("https://elsewhere.example", "anything.example:1")
