"""The app over the story world's database, one per test database (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.web.app import create_app


@pytest.fixture
def client(workspace: Workspace, clock: FixedClock) -> Iterator[TestClient]:
    """An app on an empty plan; ask for `story` too to start from Ana's plan."""
    with TestClient(create_app(workspace=workspace, clock=clock)) as test_client:
        yield test_client
