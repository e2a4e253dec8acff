"""Dependencies the routes declare: the open plan, a unit of work, the clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from careerplan.services.clock import Clock
from careerplan.services.workspace import Workspace
from careerplan.storage.unit_of_work import UnitOfWork


def get_workspace(request: Request) -> Workspace:
    workspace: Workspace = request.app.state.workspace
    return workspace


def get_clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


def get_units(request: Request) -> Callable[[], UnitOfWork]:
    """A factory: routes open `with units() as uow:` so the commit happens before they render."""
    return get_workspace(request).unit


WorkspaceDep = Annotated[Workspace, Depends(get_workspace)]
ClockDep = Annotated[Clock, Depends(get_clock)]
UnitsDep = Annotated[Callable[[], UnitOfWork], Depends(get_units)]
