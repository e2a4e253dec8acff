"""A restore keeps each goal's and action's uid, so its calendar events stay the same events;
a backup from before uids gets fresh ones, and a merge that meets its own uids again gives the
backup's copies new ones and says so."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from tests.exports.rich_plan import backup_of, other_database, without_export_time

from careerplan.domain.errors import InvalidInput
from careerplan.services.clock import FixedClock
from careerplan.services.restore import RestoreMode, restore
from careerplan.services.vision import init_plan
from careerplan.services.workspace import Workspace

NEXT_WEEK = FixedClock(datetime(2026, 12, 2, 8, 0, tzinfo=UTC))


def uids(workspace: Workspace) -> tuple[list[str | None], list[str | None]]:
    """The goals' and the actions' uids, each in the order the records were made."""
    with workspace.unit() as uow:
        return [g.uid for g in uow.goals.all()], [a.uid for a in uow.actions.all()]


def is_uuid4(value: str | None) -> bool:
    return value is not None and uuid.UUID(value).version == 4 and str(uuid.UUID(value)) == value


def start_bo(workspace: Workspace, clock: FixedClock) -> None:
    with workspace.unit() as uow:
        init_plan(
            uow, clock, name="Bo", current_job_title="", hours_per_week=2, dream_job_title="Chef"
        )


@pytest.mark.parametrize("mode", [RestoreMode.NEW, RestoreMode.REPLACE])
def test_a_restore_into_another_database_keeps_every_uid(
    rich: Workspace, empty: Workspace, clock: FixedClock, mode: RestoreMode
) -> None:
    if mode is RestoreMode.REPLACE:
        start_bo(empty, clock)
    restore(empty, NEXT_WEEK, backup_of(rich, clock), mode)
    goals, actions = uids(rich)
    assert len(goals) == 6
    assert len(actions) == 2
    assert all(is_uuid4(uid) for uid in (*goals, *actions))
    assert uids(empty) == (goals, actions)


def test_a_backup_from_before_uids_restores_with_a_fresh_uid_on_each_record(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    document = json.loads(backup_of(rich, clock))
    for record in (*document["goals"], *document["actions"]):
        del record["uid"]
    old = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2).encode()
    report = restore(empty, NEXT_WEEK, old)
    assert report.notes == []
    goals, actions = uids(empty)
    fresh = [*goals, *actions]
    assert all(is_uuid4(uid) for uid in fresh)
    assert len(set(fresh)) == 8
    assert not set(fresh) & {*uids(rich)[0], *uids(rich)[1]}
    # From then on the restored plan's backups carry its new uids, and round-trip whole.
    second = backup_of(empty, NEXT_WEEK)
    assert [g["uid"] for g in json.loads(second)["goals"]] == goals
    with other_database(empty.settings, empty.settings.data_dir / "third") as third:
        restore(third, NEXT_WEEK, second)
        assert without_export_time(backup_of(third, NEXT_WEEK)) == without_export_time(second)


def test_merging_a_backup_into_its_own_plan_gives_its_copies_new_uids_and_says_so(
    rich: Workspace, clock: FixedClock
) -> None:
    goals, actions = uids(rich)
    report = restore(rich, NEXT_WEEK, backup_of(rich, clock), RestoreMode.MERGE)
    # Ana's dream-job goal folds into itself; the other five goals and both actions are copied.
    assert (
        "Your plan already had 5 goals, 2 actions and 2 applications with the same calendar "
        "identity as the backup's (restored here before?), so the backup's copies got new "
        "ones; a calendar shows them as new events."
    ) in report.notes
    after_goals, after_actions = uids(rich)
    assert after_goals[:6] == goals  # the plan's own records keep theirs
    assert after_actions[:2] == actions
    copies = [*after_goals[6:], *after_actions[2:]]
    assert len(copies) == 7
    assert all(is_uuid4(uid) for uid in copies)
    assert len({*after_goals, *after_actions}) == 11 + 4  # none shared


def test_a_merge_that_meets_none_of_its_uids_keeps_them_and_notes_nothing_of_them(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    start_bo(empty, clock)
    report = restore(empty, NEXT_WEEK, backup_of(rich, clock), RestoreMode.MERGE)
    assert not any("calendar identity" in note for note in report.notes)
    goals, actions = uids(rich)
    merged_goals, merged_actions = uids(empty)
    assert merged_goals[1:] == goals[1:]  # Ana's dream job folded into Bo's goal 1
    assert merged_actions == actions


def test_a_dry_run_merge_reports_the_new_uids_and_changes_nothing(
    rich: Workspace, clock: FixedClock
) -> None:
    before = backup_of(rich, clock)
    report = restore(rich, NEXT_WEEK, before, RestoreMode.MERGE, dry_run=True)
    assert any(
        note.startswith("Your plan already had 5 goals, 2 actions and 2 applications")
        for note in report.notes
    )
    assert backup_of(rich, clock) == before


def test_a_backup_with_one_uid_twice_is_refused_and_changes_nothing(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    document = json.loads(backup_of(rich, clock))
    document["goals"][3]["uid"] = document["goals"][1]["uid"]
    with pytest.raises(InvalidInput, match=r"goals\[3\]\.uid is '.+' again; goals\[1\] has it"):
        restore(empty, NEXT_WEEK, json.dumps(document).encode())
    assert uids(empty) == ([], [])
