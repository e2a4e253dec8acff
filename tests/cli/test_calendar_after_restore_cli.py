"""A calendar that imported the plan's .ics keeps the same events after the plan moves to a new
machine: export the calendar, back up, `import --replace` into a fresh database, export the
calendar again, and every goal's and action's UID is the same."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from tests.cli.conftest import Invoke
from tests.exports.rich_plan import add_everything, other_database

from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.workspace import Workspace


def record_uids(calendar_text: str) -> set[str]:
    """The UIDs of the goals' and actions' events (the review rhythm's is per person)."""
    calendar = icalendar.Calendar.from_ical(calendar_text)
    found = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    return {uid for uid in found if uid.startswith(("goal-", "action-"))}


def test_goal_and_action_uids_survive_a_backup_and_a_restore_into_a_fresh_database(
    cli: Invoke,
    story: Workspace,
    clock: FixedClock,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A goal deleted from the middle leaves a gap in the ids, which the backup closes up.
    with story.unit() as uow:
        scrapped = add_goal(uow, clock, text="Scrapped", parent_id=1).goal
    add_everything(story, clock)
    with story.unit() as uow:
        assert scrapped.id is not None
        uow.goals.delete(scrapped.id)
    before = cli("export", "--format", "ics")
    assert before.exit_code == 0
    backup = tmp_path / "ana.json"
    assert cli("export", "--format", "json", "--output", str(backup)).exit_code == 0

    with other_database(settings, tmp_path / "new-machine") as fresh:
        monkeypatch.setenv("CAREERPLAN_DATABASE_URL", fresh.settings.database_url)
        monkeypatch.setenv("CAREERPLAN_DATA_DIR", str(fresh.settings.data_dir))
        restored = cli("import", str(backup), "--replace")
        assert (restored.exit_code, restored.stderr) == (0, "")
        after = cli("export", "--format", "ics")
        assert after.exit_code == 0
        with story.unit() as old, fresh.unit() as new:
            moved = {g.text: g.id for g in old.goals.all()} != {
                g.text: g.id for g in new.goals.all()
            }

    assert moved  # ids changed in the move ...
    kept = record_uids(before.stdout)
    assert {uid.split("-")[0] for uid in kept} == {"goal", "action"}
    assert record_uids(after.stdout) == kept  # ... and the calendar's events did not
