"""The calendar feed: a secret address a calendar app subscribes to, with no login.

The address carries a token of 32 random bytes, kept with the person's preferences. Turning the
feed on keeps a token that exists (the address people already subscribed to goes on working);
rotating makes a new one, so the old address stops working at once; turning it off forgets it.
"""

from __future__ import annotations

import hmac
import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerplan.services.clock import Clock
    from careerplan.services.workspace import Workspace
    from careerplan.storage.unit_of_work import UnitOfWork

# Where `careerplan serve` listens unless told otherwise; CAREERPLAN_PUBLIC_URL names another.
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
TOKEN_BYTES = 32
# Compared with when there is no token, so an answer takes as long with a feed as without one.
_NO_TOKEN = "-" * 43


def feed_token(uow: UnitOfWork) -> str | None:
    return uow.preferences.get().calendar_token


def enable_feed(uow: UnitOfWork) -> str:
    """The feed's token, made now if the feed was off."""
    preferences = uow.preferences.get()
    if preferences.calendar_token is None:
        preferences.calendar_token = secrets.token_urlsafe(TOKEN_BYTES)
        uow.preferences.save(preferences)
    return preferences.calendar_token


def rotate_feed(uow: UnitOfWork) -> str:
    """A new token: the old address stops working (turns the feed on if it was off)."""
    preferences = uow.preferences.get()
    preferences.calendar_token = secrets.token_urlsafe(TOKEN_BYTES)
    uow.preferences.save(preferences)
    return preferences.calendar_token


def disable_feed(uow: UnitOfWork) -> bool:
    """Forget the token; True if the feed was on."""
    preferences = uow.preferences.get()
    if preferences.calendar_token is None:
        return False
    preferences.calendar_token = None
    uow.preferences.save(preferences)
    return True


def feed_path(token: str) -> str:
    return f"/calendar/{token}.ics"


def feed_url(token: str, base_url: str | None = None) -> str:
    return (base_url or DEFAULT_BASE_URL).rstrip("/") + feed_path(token)


def feed_owner(workspace: Workspace, token: str) -> int | None:
    """Whose feed `token` opens, among everyone on the server (the route then checks it again
    as that person, in constant time)."""
    if not token:
        return None
    with workspace.unit() as uow:
        return uow.owner_of_feed_token(token)


def token_opens_feed(uow: UnitOfWork, token: str) -> bool:
    """Whether `token` is the person's feed token, compared in constant time."""
    stored = feed_token(uow)
    given = token.encode("utf-8", "surrogateescape")
    same = hmac.compare_digest((stored or _NO_TOKEN).encode(), given)
    return same and stored is not None


def feed_calendar(workspace: Workspace, clock: Clock, token: str) -> bytes | None:
    """The calendar the feed serves, or None when `token` opens no feed (checked and read in one
    transaction, so a token rotated meanwhile is never served)."""
    from careerplan.services.exporting import FORMATS, load_snapshot

    with workspace.unit() as uow:
        if not token_opens_feed(uow, token):
            return None
        snapshot = load_snapshot(uow, clock)
    return FORMATS["ics"].render(snapshot)
