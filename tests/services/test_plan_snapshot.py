"""The snapshot the exports render: read in one transaction, with what the exports may not look
up themselves (the schema revision) handed in by the reader."""

from __future__ import annotations

from careerplan.services.clock import FixedClock
from careerplan.services.exporting import load_snapshot
from careerplan.services.workspace import Workspace
from careerplan.storage.schema_version import current_revision


def test_the_snapshot_carries_the_schema_revision_the_database_is_at(
    story: Workspace, clock: FixedClock
) -> None:
    with story.engine.connect() as connection:
        stamped = current_revision(connection)
    with story.unit() as uow:
        snapshot = load_snapshot(uow, clock)
    assert stamped is not None
    assert snapshot.schema_revision == stamped
