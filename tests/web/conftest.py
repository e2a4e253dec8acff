"""The app over the story world's database, one per test database (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace
from careerplan.web.app import create_app

# The address a person on this machine opens, and the machine itself as the caller.
LOCAL_URL = "http://localhost:8000"


def local_client(app: FastAPI) -> TestClient:
    """A client that talks to `app` as a browser on this machine does."""
    return TestClient(app, base_url=LOCAL_URL, client=("127.0.0.1", 50000))


@pytest.fixture
def client(workspace: Workspace, clock: FixedClock) -> Iterator[TestClient]:
    """An app on an empty plan; ask for `story` too to start from Ana's plan."""
    with local_client(create_app(workspace=workspace, clock=clock)) as test_client:
        yield test_client
