"""Dependencies the routes declare: the open plan, a unit of work, the clock."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, HTTPException, Request

from careerplan.domain.accounts import Identity
from careerplan.services.clock import Clock
from careerplan.services.smart import SmartSettings
from careerplan.services.workspace import Workspace
from careerplan.storage.unit_of_work import UnitOfWork
from careerplan.web.security import UNSAFE_METHODS

if TYPE_CHECKING:
    from careerplan.services.accounts import Accounts

# These are `async` only so FastAPI calls them in the event loop: a plain `def` dependency is
# sent to the thread pool, a hop that cost more than the rest of a cached page.


def request_workspace(request: Request) -> Workspace:
    """The plan this request may see: on a server with accounts, the signed-in person's, and
    never the single built-in person's (a request that reached here unsigned is refused)."""
    workspace: Workspace = request.app.state.workspace
    if not workspace.settings.accounts:
        return workspace
    identity: Identity | None = getattr(request.state, "identity", None)
    if identity is None:
        raise HTTPException(status_code=401, detail="Sign in first.")
    return workspace.as_owner(identity.user_id)


def request_identity(request: Request) -> Identity | None:
    """Who is signed in; None on a single-person install (no accounts)."""
    identity: Identity | None = getattr(request.state, "identity", None)
    return identity


def signed_in(request: Request) -> Identity:
    """Who is signed in, for routes that exist only with accounts. Nobody reaches them unsigned
    (the sign-in middleware stops them first); this is the second lock."""
    identity = request_identity(request)
    if identity is None:
        raise HTTPException(status_code=401, detail="Sign in first.")
    return identity


def team_workspace(request: Request) -> Workspace:
    """The whole database, for what crosses plans (sharing, proposed changes). Only a server
    with accounts has that: on a single-person install these routes are not there (404)."""
    workspace: Workspace = request.app.state.workspace
    if not workspace.settings.accounts:
        raise HTTPException(status_code=404)
    return workspace


def accounts_service(request: Request) -> Accounts:
    """The server's accounts; a single-person install has none, so there is nothing to find."""
    accounts: Accounts | None = getattr(request.app.state, "accounts", None)
    if accounts is None:
        raise HTTPException(status_code=404)
    return accounts


async def get_signed_in(request: Request) -> Identity:
    return signed_in(request)


async def get_workspace(request: Request) -> Workspace:
    return request_workspace(request)


async def get_clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


async def get_units(request: Request) -> Callable[[], UnitOfWork]:
    """A factory: routes open `with units() as uow:` so the commit happens before they render.
    A request that changes the plan gets units that take the write lock from the start."""
    workspace = request_workspace(request)
    if request.method in UNSAFE_METHODS:
        return partial(workspace.unit, writes=True)
    return workspace.unit


WorkspaceDep = Annotated[Workspace, Depends(get_workspace)]
ClockDep = Annotated[Clock, Depends(get_clock)]
UnitsDep = Annotated[Callable[[], UnitOfWork], Depends(get_units)]
SignedInDep = Annotated[Identity, Depends(get_signed_in)]


def smart_settings(request: Request) -> SmartSettings:
    """The S.M.A.R.T. analyser's settings from the app's configuration."""
    from careerplan.services.smart import settings_from

    settings = request.app.state.settings
    return settings_from(settings.fiscal_year_start, settings.day_first)
