"""A backup holding values no plan holds (tests/bad_values.py) is refused whole, and the plan is
left as it was."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from tests.bad_values import HYPOTHESIS, bad_days, bad_numbers, bad_texts, snapshot
from tests.exports.rich_plan import backup_of

from careerplan.domain.errors import InvalidInput
from careerplan.services.clock import FixedClock
from careerplan.services.restore import RestoreMode, restore
from careerplan.services.workspace import Workspace
from careerplan.storage.schema_head import HEAD


@pytest.fixture
def backup(story: Workspace, clock: FixedClock) -> dict[str, object]:
    document: dict[str, object] = json.loads(backup_of(story, clock))
    return document


def _goal_with(document: dict[str, object], **fields: object) -> bytes:
    """The backup with its last goal changed (JSON has no infinity: it goes as 1e400, which a
    reader takes for one)."""
    goals = document["goals"]
    assert isinstance(goals, list)
    changed = {**document, "goals": [*goals[:-1], {**goals[-1], **fields}]}
    return json.dumps(changed).replace("-Infinity", "-1e400").replace("Infinity", "1e400").encode()


@given(day=bad_days, value=bad_numbers, text=bad_texts)
@HYPOTHESIS
def test_a_backup_with_values_out_of_range_is_refused_whole(
    story: Workspace,
    clock: FixedClock,
    backup: dict[str, object],
    day: str,
    value: float,
    text: str,
) -> None:
    before = snapshot(story, clock)
    measure = {"metric": "exams", "target": value, "unit": "", "baseline": 0, "current": None}
    for data in (
        _goal_with(backup, due=day),
        _goal_with(backup, text=text),
        _goal_with(backup, measure=measure),
    ):
        with pytest.raises(InvalidInput):
            restore(story, clock, data, RestoreMode.REPLACE)
    assert snapshot(story, clock) == before


@pytest.mark.parametrize("stamp", ["9999", "0099", "", "latest"])
def test_a_backup_from_a_schema_this_careerplan_does_not_know_is_refused(
    story: Workspace, clock: FixedClock, backup: dict[str, object], stamp: str
) -> None:
    before = snapshot(story, clock)
    with pytest.raises(InvalidInput) as refused:
        restore(story, clock, json.dumps({**backup, "schema": stamp}).encode(), RestoreMode.REPLACE)
    assert refused.value.field in {"schema", None}
    assert snapshot(story, clock) == before


def test_a_backup_from_an_older_schema_is_restored(
    story: Workspace, clock: FixedClock, backup: dict[str, object]
) -> None:
    report = restore(
        story, clock, json.dumps({**backup, "schema": "0004"}).encode(), RestoreMode.REPLACE
    )
    assert report.lines


def test_the_refusal_of_a_newer_schema_says_which_revisions_this_careerplan_knows(
    story: Workspace, clock: FixedClock, backup: dict[str, object]
) -> None:
    with pytest.raises(InvalidInput) as refused:
        restore(story, clock, json.dumps({**backup, "schema": "9999"}).encode())
    assert str(refused.value) == (
        "This backup was made by a careerplan whose plans are at revision '9999'; this "
        f"careerplan knows revisions 0001 to {HEAD}. Restore it with the careerplan that made "
        "it, or a newer one."
    )
