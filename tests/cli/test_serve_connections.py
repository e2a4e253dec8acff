"""`careerplan serve --workers N` on PostgreSQL says so when N processes could open more
connections at their busiest than the server has left."""

from __future__ import annotations

import pytest

from careerplan.cli.serve import connections_warning
from careerplan.services.workspace import Workspace
from careerplan.storage.engine import CONNECTIONS_PER_PROCESS, connection_room


@pytest.mark.parametrize(
    ("workers", "limit", "taken", "expected"),
    [
        (4, 100, 6, None),  # 60 at most, 94 free
        (6, 100, 10, None),  # 90 at most, 90 free: just room
        (
            7,
            100,
            6,
            "7 workers may open up to 105 PostgreSQL connections at their busiest, and the server "
            "has room for 94 more (max_connections 100, 6 open): requests may then fail. Start "
            "with --workers 6 or fewer, or raise max_connections.",
        ),
        (
            2,
            20,
            25,
            "2 workers may open up to 30 PostgreSQL connections at their busiest, and the server "
            "has room for 0 more (max_connections 20, 25 open): requests may then fail. Start "
            "with --workers 1 or fewer, or raise max_connections.",
        ),
    ],
)
def test_the_warning_says_how_many_workers_fit(
    workers: int, limit: int, taken: int, expected: str | None
) -> None:
    assert CONNECTIONS_PER_PROCESS == 15
    assert connections_warning(workers, limit, taken) == expected


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_the_room_is_read_from_the_server(workspace: Workspace) -> None:
    limit, taken = connection_room(workspace.engine)
    assert limit >= taken >= 1  # this very connection is one of them
