"""Plans for the restore tests: Ana's plan with something of every kind, and an empty plan in a
second database on the same kind of server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.exports.rich_plan import add_everything, other_database

from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace


@pytest.fixture
def rich(story: Workspace, clock: FixedClock) -> Workspace:
    add_everything(story, clock)
    return story


@pytest.fixture
def empty(settings: Settings, tmp_path: Path) -> Iterator[Workspace]:
    with other_database(settings, tmp_path) as opened:
        yield opened
