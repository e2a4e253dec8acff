"""Reading a backup pauses Python's cyclic garbage collector (a large file makes millions of
objects and no cycles), and leaves it as it found it: on after a read or a refusal, and off
when the caller had turned it off."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from careerplan.domain.entities import Goal, Horizon
from careerplan.domain.errors import InvalidInput
from careerplan.exports.backup import parse_backup, render
from careerplan.exports.snapshot import PlanSnapshot
from careerplan.storage.schema_head import HEAD

MADE = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
ONE_GOAL = PlanSnapshot(
    exported_at=MADE,
    schema_revision=HEAD,
    today=MADE.date(),
    goals=[Goal("Work as COO", Horizon.LONG, created_at=MADE, updated_at=MADE, id=1)],
)


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_on_again_after_a_read(collector: None) -> None:
    gc.enable()
    assert [goal.text for goal in parse_backup(render(ONE_GOAL)).goals] == ["Work as COO"]
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_refusal(collector: None) -> None:
    gc.enable()
    with pytest.raises(InvalidInput, match="the file looks cut off"):
        parse_backup(b'{"format": "careerplan-backup",')
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(collector: None) -> None:
    gc.disable()
    parse_backup(render(ONE_GOAL))
    assert not gc.isenabled()
