"""Restoring a JSON backup: lossless into an empty database, refused over a plan unless told to
replace or merge, and all-or-nothing: a bad file, a refusal or a dry run changes nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tests.exports.rich_plan import (
    LATER,
    TOKEN,
    backup_of,
    other_database,
    without_export_time,
)

from careerplan.config import Settings
from careerplan.domain.errors import DomainRefusal, Hint, InvalidInput, Remedy
from careerplan.services import restore as restoring
from careerplan.services.clock import FixedClock
from careerplan.services.restore import PlanNotEmpty, RestoreLine, RestoreMode, restore
from careerplan.services.workspace import Workspace, open_workspace

NEXT_WEEK = FixedClock(datetime(2026, 12, 2, 8, 0, tzinfo=UTC))


def lines_of(report: Any) -> dict[str, tuple[int, int, int, int]]:
    return {
        line.what: (line.in_backup, line.added, line.replaced, line.kept) for line in report.lines
    }


def test_backup_restore_backup_is_byte_identical_but_for_the_export_time(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    first = backup_of(rich, clock)
    restore(empty, NEXT_WEEK, first)
    second = backup_of(empty, NEXT_WEEK)
    assert second != first  # the export time moved ...
    assert without_export_time(second) == without_export_time(first)  # ... and nothing else
    assert json.loads(second)["preferences"]["calendar_token"] == TOKEN
    assert "2026-11-25T17:45:12.345678Z" in second.decode()


def test_restoring_into_an_empty_plan_reports_every_kind_added(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    report = restore(empty, NEXT_WEEK, backup_of(rich, clock))
    assert report.mode is RestoreMode.NEW
    assert not report.dry_run
    assert report.notes == []
    assert lines_of(report) == {
        "profile": (1, 1, 0, 0),
        "vision": (1, 1, 0, 0),
        "exploration": (1, 1, 0, 0),
        "preferences": (1, 1, 0, 0),
        "goals": (6, 6, 0, 0),
        "actions": (2, 2, 0, 0),
        "completions": (3, 3, 0, 0),
        "resources": (2, 2, 0, 0),
        "resource links": (4, 4, 0, 0),
        "check-ins": (2, 2, 0, 0),
        "reviews": (1, 1, 0, 0),
        "review entries": (2, 2, 0, 0),
        "accepted proposals": (1, 1, 0, 0),
        "skills": (2, 2, 0, 0),
        "résumés": (2, 2, 0, 0),
        "applications": (2, 2, 0, 0),
        "application stages": (4, 4, 0, 0),
        "application contacts": (1, 1, 0, 0),
    }


def test_restored_records_start_again_at_version_one(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    restore(empty, NEXT_WEEK, backup_of(rich, clock))
    with empty.unit() as uow:
        assert {goal.version for goal in uow.goals.all()} == {1}
        assert uow.profiles.get().version == 1  # type: ignore[union-attr]


def test_an_empty_plan_backs_up_and_restores(
    workspace: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    first = backup_of(workspace, clock)
    report = restore(empty, clock, first)
    assert [line.what for line in report.lines] == ["preferences"]
    assert backup_of(empty, clock) == first


def test_a_plan_that_holds_something_is_refused_and_left_alone(
    rich: Workspace, clock: FixedClock
) -> None:
    before = backup_of(rich, clock)
    revision = rich.revision()
    with pytest.raises(DomainRefusal) as refused:
        restore(rich, clock, before)
    message = str(refused.value)
    assert message.startswith(
        "This plan already has a profile, a vision, an exploration, saved preferences, 6 goals, "
        "2 actions, 2 resources, 2 check-ins, 1 review, 1 accepted proposal, 2 skills, "
        "2 résumés and 2 applications, so the backup was not restored and nothing changed."
    )
    assert refused.value.hint == Hint(Remedy.REPLACE_OR_MERGE)
    assert backup_of(rich, clock) == before
    assert rich.revision() == revision


def test_replace_deletes_the_plan_and_puts_the_backup_in_its_place(
    rich: Workspace, workspace: Workspace, clock: FixedClock, settings: Settings, tmp_path: Path
) -> None:
    ana = backup_of(rich, clock)
    with other_database(settings, tmp_path) as other:
        # A different, smaller plan to restore over Ana's.
        from careerplan.services.vision import init_plan

        with other.unit() as uow:
            init_plan(
                uow,
                clock,
                name="Bo",
                current_job_title="",
                hours_per_week=2,
                dream_job_title="Chef",
            )
        bo = backup_of(other, clock)
    revision = rich.revision()
    report = restore(rich, NEXT_WEEK, bo, RestoreMode.REPLACE)
    assert lines_of(report)["goals"] == (1, 1, 6, 0)
    assert lines_of(report)["check-ins"] == (0, 0, 2, 0)
    assert rich.revision() == revision + 1
    assert without_export_time(backup_of(rich, clock)) == without_export_time(bo)
    # And back again: Ana's plan returns whole, calendar token included.
    restore(rich, NEXT_WEEK, ana, RestoreMode.REPLACE)
    assert backup_of(rich, clock) == ana


def test_merge_keeps_the_plan_and_adds_the_backups_goals_beside_it(
    rich: Workspace, empty: Workspace, clock: FixedClock
) -> None:
    from careerplan.services.goals import add_goal
    from careerplan.services.vision import init_plan

    with empty.unit() as uow:
        init_plan(
            uow, clock, name="Bo", current_job_title="", hours_per_week=2, dream_job_title="Chef"
        )
        add_goal(uow, clock, text="Cook 100 dinners for guests by June 2027", parent_id=1)
    report = restore(empty, NEXT_WEEK, backup_of(rich, clock), RestoreMode.MERGE)
    lines = lines_of(report)
    assert lines["profile"] == (1, 0, 0, 1)
    assert lines["vision"] == (1, 0, 0, 1)
    assert lines["exploration"] == (1, 1, 0, 0)
    assert lines["goals"] == (6, 5, 0, 2)  # Ana's dream job folds into Bo's
    assert lines["actions"] == (2, 2, 0, 0)
    assert "Kept your profile and vision as they are; the backup's were not used." in report.notes
    assert any("folded into yours (goal 1)" in note for note in report.notes)
    with empty.unit() as uow:
        assert uow.profiles.get().name == "Bo"  # type: ignore[union-attr]
        goals = uow.goals.all()
        assert [goal.text for goal in goals if goal.parent_id is None] == ["Work as Chef"]
        assert len(goals) == 7
        assert len(uow.checkins.all()) == 2
        assert uow.preferences.get().calendar_token == TOKEN


def test_merging_twice_keeps_an_accepted_proposal_once(rich: Workspace, clock: FixedClock) -> None:
    report = restore(rich, NEXT_WEEK, backup_of(rich, clock), RestoreMode.MERGE)
    assert lines_of(report)["accepted proposals"] == (1, 0, 0, 1)
    assert lines_of(report)["goals"] == (6, 5, 0, 6)
    assert (
        "1 of the backup's accepted proposals had been accepted in your plan already; "
        "yours were kept." in report.notes
    )


@pytest.mark.parametrize("mode", list(RestoreMode))
def test_a_dry_run_reports_exactly_and_changes_nothing(
    rich: Workspace, clock: FixedClock, settings: Settings, tmp_path: Path, mode: RestoreMode
) -> None:
    data = backup_of(rich, clock)
    with other_database(settings, tmp_path) as target:
        if mode is not RestoreMode.NEW:
            restore(target, clock, data)
        before, revision = backup_of(target, clock), target.revision()
        dry = restore(target, NEXT_WEEK, data, mode, dry_run=True)
        assert dry.dry_run
        assert backup_of(target, clock) == before
        assert target.revision() == revision
        real = restore(target, NEXT_WEEK, data, mode)
    assert dry.lines == real.lines
    assert dry.notes == real.notes


def test_a_dry_run_is_refused_like_the_real_thing(rich: Workspace, clock: FixedClock) -> None:
    before, revision = backup_of(rich, clock), rich.revision()
    with pytest.raises(PlanNotEmpty) as dry:
        restore(rich, clock, before, dry_run=True)
    with pytest.raises(PlanNotEmpty) as real:
        restore(rich, clock, before)
    assert dry.value.held == real.value.held
    assert dry.value.held["goals"] == 6
    assert str(dry.value) == str(real.value)
    assert backup_of(rich, clock) == before
    assert rich.revision() == revision


def _corrupt(data: bytes) -> bytes:
    return data.replace(b'"goals": [', b'"goals": [}', 1)


def _truncated(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


def _wrong_format(data: bytes) -> bytes:
    return data.replace(b'"careerplan-backup"', b'"someone-elses-backup"', 1)


def _newer(data: bytes) -> bytes:
    return data.replace(b'"format_version": 1', b'"format_version": 2', 1)


def _dangling(data: bytes) -> bytes:
    document = json.loads(data)
    document["actions"][0]["goal_id"] = 99
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_corrupt, "The backup is not valid JSON: line "),
        (_truncated, "the file looks cut off"),
        (_wrong_format, "This is not a careerplan backup"),
        (_newer, "written by a newer careerplan"),
        (_dangling, "actions[0].goal_id refers to goal 99, which is not in the backup."),
    ],
)
def test_a_bad_file_is_refused_and_changes_nothing(
    rich: Workspace, clock: FixedClock, damage: Any, expected: str
) -> None:
    before, revision = backup_of(rich, clock), rich.revision()
    with pytest.raises(InvalidInput) as refused:
        # Replace is the mode with the most to lose.
        restore(rich, NEXT_WEEK, damage(before), RestoreMode.REPLACE)
    assert expected in str(refused.value)
    assert backup_of(rich, clock) == before
    assert rich.revision() == revision


def test_a_failure_half_way_through_a_replace_rolls_everything_back(
    rich: Workspace, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = backup_of(rich, clock)

    def fail(self: object) -> None:
        raise RuntimeError("the disk filled up")

    monkeypatch.setattr(restoring._Writer, "_proposals", fail)
    with pytest.raises(RuntimeError, match=r"^the disk filled up$"):
        restore(rich, NEXT_WEEK, before, RestoreMode.REPLACE)
    assert backup_of(rich, clock) == before


def test_a_calendar_token_another_person_uses_is_not_restored(
    rich: Workspace, settings: Settings, clock: FixedClock
) -> None:
    bo = open_workspace(settings, username="bo")
    try:
        report = restore(bo, clock, backup_of(rich, clock))
        assert any("calendar feed address is in use" in note for note in report.notes)
        with bo.unit() as uow:
            assert uow.preferences.get().calendar_token is None
            assert len(uow.goals.all()) == 6
    finally:
        bo.close()
    with rich.unit() as uow:
        assert uow.preferences.get().calendar_token == TOKEN


def test_report_lines_only_name_kinds_that_something_happened_to(
    workspace: Workspace, story: Workspace, clock: FixedClock
) -> None:
    report = restore(story, LATER, backup_of(story, clock), RestoreMode.REPLACE)
    assert report.lines == [
        RestoreLine("profile", 1, 1, 1, 0),
        RestoreLine("vision", 1, 1, 1, 0),
        RestoreLine("preferences", 1, 1, 0, 0),
        RestoreLine("goals", 3, 3, 3, 0),
        RestoreLine("actions", 1, 1, 1, 0),
    ]
