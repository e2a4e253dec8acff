"""Behind a reverse proxy, the per-address sign-in limit counts the clients the proxy names in
X-Forwarded-For, but only when the proxy's address is one careerplan was told to trust
(CAREERPLAN_TRUSTED_PROXIES); from anyone else the header is the caller's say-so and is not
read."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerplan.config import Settings, ip_addresses
from careerplan.domain.accounts import FAILURES_PER_ADDRESS
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.web.client_address import forwarded_client
from tests.web.test_sign_in import PASSWORD, post_form, serve

PROXY = ("127.0.0.1",)


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "expected"),
    [
        # No proxy trusted: the header is anybody's to write.
        ("198.51.100.7", ["203.0.113.5"], (), "198.51.100.7"),
        ("127.0.0.1", ["203.0.113.5"], (), "127.0.0.1"),
        # The proxy on this machine names the client it talked to.
        ("127.0.0.1", ["203.0.113.5"], PROXY, "203.0.113.5"),
        # What the client wrote itself comes first; the proxy appends the truth after it.
        ("127.0.0.1", ["10.9.9.9, 203.0.113.5"], PROXY, "203.0.113.5"),
        ("127.0.0.1", ["10.9.9.9", "203.0.113.5"], PROXY, "203.0.113.5"),
        # Two proxies of ours, one behind the other: past both, the client.
        ("127.0.0.1", ["203.0.113.5, 10.0.0.2"], ("127.0.0.1", "10.0.0.2"), "203.0.113.5"),
        # A request from somewhere else, with the same header, is not believed.
        ("198.51.100.7", ["203.0.113.5"], PROXY, "198.51.100.7"),
        # A trusted proxy that wrote nothing, or nothing that is an address: the proxy itself.
        ("127.0.0.1", [], PROXY, "127.0.0.1"),
        ("127.0.0.1", ["unknown"], PROXY, "127.0.0.1"),
        ("127.0.0.1", ["203.0.113.5, not-an-address"], PROXY, "127.0.0.1"),
        # IPv6, bare or as RFC 7239 writes it, in its usual text.
        ("127.0.0.1", ["2001:DB8::1"], PROXY, "2001:db8::1"),
        ("127.0.0.1", ['"[2001:db8::1]:4711"'], PROXY, "2001:db8::1"),
    ],
)
def test_the_client_is_read_from_the_end_past_the_trusted_proxies(
    peer: str, forwarded: list[str], trusted: tuple[str, ...], expected: str
) -> None:
    assert forwarded_client(peer, forwarded, trusted) == expected


def test_the_setting_keeps_addresses_and_drops_the_rest() -> None:
    assert ip_addresses("127.0.0.1, ::1 [::1] proxy.example.org 10.0.0.256") == (
        "127.0.0.1",
        "::1",
        "::1",
    )
    environment = {"CAREERPLAN_TRUSTED_PROXIES": "127.0.0.1,10.0.0.2"}
    assert Settings.from_env(environment).trusted_proxies == ("127.0.0.1", "10.0.0.2")
    assert Settings.from_env({}).trusted_proxies == ()


def _fail_from(client: TestClient, address: str, times: int, first: int = 0) -> list[int]:
    """Sign-ins with addresses nobody has, each once (so no account's own limit is reached), as
    the proxy names `address`."""
    client.headers["X-Forwarded-For"] = address
    answers = []
    for number in range(first, first + times):
        form = {"email": f"n{number}@example.org", "password": "wrong one"}
        answers.append(post_form(client, "/login", form).status_code)
    return answers


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(
    story: Workspace, clock: FixedClock
) -> None:
    server = serve(story, clock, trusted_proxies=PROXY)
    with server.client() as client:  # it calls from 127.0.0.1, as a proxy on this machine
        assert set(_fail_from(client, "203.0.113.5", FAILURES_PER_ADDRESS)) == {401}
        assert _fail_from(client, "203.0.113.5", 1, first=FAILURES_PER_ADDRESS) == [429]
        # Another client behind the same proxy is not held back, and signs in.
        client.headers["X-Forwarded-For"] = "203.0.113.6"
        signed = post_form(client, "/login", {"email": "ana@example.org", "password": PASSWORD})
        assert signed.status_code == 303


def test_without_trusted_proxies_the_header_changes_nothing(
    story: Workspace, clock: FixedClock
) -> None:
    server = serve(story, clock)
    with server.client() as client:
        for turn in range(FAILURES_PER_ADDRESS):
            assert _fail_from(client, f"203.0.113.{turn + 1}", 1, first=turn) == [401]
        # Every failure counted against the one address the requests came from.
        assert _fail_from(client, "198.51.100.99", 1, first=FAILURES_PER_ADDRESS) == [429]
