"""Where a request came from, for the per-address sign-in limit and for what only this machine
may see. Behind a reverse proxy every request reaches careerplan from the proxy's address;
when that address is named in CAREERPLAN_TRUSTED_PROXIES, the proxy's X-Forwarded-For says
who it was talking to."""

from __future__ import annotations

import ipaddress
from collections.abc import Collection

from starlette.requests import Request


def client_address(request: Request) -> str:
    peer = request.client.host if request.client is not None else "unknown"
    trusted: Collection[str] = request.app.state.settings.trusted_proxies
    return forwarded_client(peer, request.headers.getlist("x-forwarded-for"), trusted)


def forwarded_client(peer: str, forwarded: list[str], trusted: Collection[str]) -> str:
    """The address the nearest untrusted hop had. Each proxy appends the address it was talking
    to, so the header is read from its end: past every trusted proxy, the next entry is the
    client as our own proxies saw it. Entries before it are the client's own say-so, and a
    header from a peer we do not trust is not read at all."""
    if peer not in trusted:
        return peer
    hops = [hop.strip() for header in forwarded for hop in header.split(",")]
    nearest = peer
    for hop in reversed(hops):
        address = _address_of(hop)
        if address is None:
            break  # no proxy of ours writes this: what is left cannot be believed
        nearest = address
        if address not in trusted:
            break
    return nearest


def _address_of(hop: str) -> str | None:
    """`hop` as an IP address in its usual text, or None when it is none."""
    text = hop.strip().strip('"')
    if text.startswith("[") and "]" in text:  # "[v6]:port", as RFC 7239 writes it
        text = text[1 : text.index("]")]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None
