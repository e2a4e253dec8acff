"""The command-line cases that once broke careerplan, replayed exactly on SQLite and PostgreSQL:
each is refused with exit 1 or 2 and a message, and the plan (and its exports) stay whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.bad_values import snapshot
from tests.cli.conftest import Invoke
from tests.exports.rich_plan import backup_of

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e400"])
def test_a_check_in_that_is_not_finite_is_refused_and_every_export_still_works(
    cli: Invoke, story: Workspace, clock: FixedClock, value: str
) -> None:
    before = snapshot(story, clock)
    ran = cli("checkin", "3", "--value", value)
    assert ran.exit_code == 2
    assert ran.stderr.startswith("Error: The value is ")
    assert snapshot(story, clock) == before
    for kind in ("json", "ics"):
        assert cli("export", "--format", kind).exit_code == 0


@pytest.mark.parametrize("due", ["9999-12-31", "1899-12-31", "+999y"])
def test_a_due_date_outside_the_plans_years_is_refused_and_the_calendar_still_exports(
    cli: Invoke, story: Workspace, clock: FixedClock, due: str
) -> None:
    before = snapshot(story, clock)
    ran = cli("goal", "add", "x", "--parent", "1", "--due", due)
    assert ran.exit_code == 2
    assert "dates run from 1900-01-01 to 2999-12-31" in ran.stderr
    assert snapshot(story, clock) == before
    assert cli("export", "--format", "ics").exit_code == 0


@pytest.mark.parametrize("ident", ["2147483648", "99999999999999999999"])
def test_a_goal_past_the_id_range_is_not_found(cli: Invoke, story: Workspace, ident: str) -> None:
    ran = cli("goal", "show", ident)
    assert (ran.exit_code, ran.stderr) == (
        1,
        f"Error: No goal with id {ident}. Run `careerplan goal list` to see your goals.\n",
    )


def test_a_backup_with_a_lone_surrogate_is_refused_by_import(
    cli: Invoke, story: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    before = snapshot(story, clock)
    document = json.loads(backup_of(story, clock))
    document["profile"]["name"] = "\ud800Maria"
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    ran = cli("import", str(path), "--replace")
    assert ran.exit_code == 2
    assert "profile.name cannot be restored" in ran.stderr
    assert snapshot(story, clock) == before


@pytest.mark.parametrize("version", ["2147483648", "99999999999999999999"])
def test_an_edit_on_a_version_past_the_range_is_a_stale_edit(
    cli: Invoke, story: Workspace, clock: FixedClock, version: str
) -> None:
    before = snapshot(story, clock)
    ran = cli("goal", "edit", "3", "--text", "Changed", "--if-version", version)
    assert (ran.exit_code, ran.stderr) == (
        1,
        f"Error: The goal 3 was changed by someone else (you edited version {version}, it is "
        "now version 1). Nothing was saved: show it again and repeat your edit.\n",
    )
    assert snapshot(story, clock) == before
