"""`careerplan export --format json|csv` and `careerplan import FILE`: the backup leaves and
comes back whole; a refusal exits 1, a bad file exits 2, and neither changes anything."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke
from tests.exports.rich_plan import (
    MULTI_LINE,
    backup_of,
    without_export_time,
)

from careerplan.services.clock import FixedClock
from careerplan.services.workspace import Workspace


@pytest.fixture
def backup_file(
    rich: Workspace, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.chdir(tmp_path)
    path = Path("ana.json")
    path.write_bytes(backup_of(rich, clock))
    return path


def test_export_json_writes_the_backup_to_standard_output(
    cli: Invoke, rich: Workspace, clock: FixedClock
) -> None:
    ran = cli("export", "--format", "json")
    assert (ran.exit_code, ran.stderr) == (0, "")
    # `export` reads the system clock, so only the export time may differ.
    assert without_export_time(ran.stdout.encode()) == without_export_time(backup_of(rich, clock))


def test_importing_over_a_plan_is_refused_and_changes_nothing(
    cli: Invoke, rich: Workspace, clock: FixedClock, backup_file: Path
) -> None:
    ran = cli("import", str(backup_file))
    assert ran.exit_code == 1
    assert ran.stdout == ""
    assert ran.stderr.startswith("Error: This plan already has a profile, a vision, ")
    assert "careerplan import FILE --replace" in ran.stderr
    assert "Traceback" not in ran.stderr
    assert backup_of(rich, clock) == backup_file.read_bytes()


def test_a_dry_run_shows_the_table_and_changes_nothing(
    cli: Invoke, rich: Workspace, clock: FixedClock, backup_file: Path
) -> None:
    revision = rich.revision()
    ran = cli("import", str(backup_file), "--dry-run", "--replace")
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout.splitlines() == [
        "Dry run: nothing was changed.",
        "`careerplan import ana.json --replace` would replace your plan with the backup made "
        "2026-11-25 09:30 UTC:",
        "Records              ┃ In backup ┃ Added ┃ Replaced ┃ Kept",
        "━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━╇━━━━━",
        "profile              │         1 │     1 │        1 │    0",
        "vision               │         1 │     1 │        1 │    0",
        "exploration          │         1 │     1 │        1 │    0",
        "preferences          │         1 │     1 │        1 │    0",
        "goals                │         6 │     6 │        6 │    0",
        "actions              │         2 │     2 │        2 │    0",
        "completions          │         3 │     3 │        3 │    0",
        "resources            │         2 │     2 │        2 │    0",
        "resource links       │         4 │     4 │        4 │    0",
        "check-ins            │         2 │     2 │        2 │    0",
        "reviews              │         1 │     1 │        1 │    0",
        "review entries       │         2 │     2 │        2 │    0",
        "accepted proposals   │         1 │     1 │        1 │    0",
        "skills               │         2 │     2 │        2 │    0",
        "résumés              │         2 │     2 │        2 │    0",
        "applications         │         2 │     2 │        2 │    0",
        "application stages   │         4 │     4 │        4 │    0",
        "application contacts │         1 │     1 │        1 │    0",
    ]
    assert rich.revision() == revision
    assert backup_of(rich, clock) == backup_file.read_bytes()


def test_replace_from_standard_input_restores_the_plan_whole(
    cli: Invoke, rich: Workspace, clock: FixedClock, backup_file: Path
) -> None:
    cli("goal", "add", "A goal added after the backup was made", "--parent", "1")
    assert backup_of(rich, clock) != backup_file.read_bytes()
    ran = cli("import", "-", "--replace", input=backup_file.read_bytes())
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout.startswith("Replaced your plan with the backup made 2026-11-25 09:30 UTC.\n")
    assert "\ngoals                │         6 │     6 │        7 │    0\n" in ran.stdout
    assert backup_of(rich, clock) == backup_file.read_bytes()


def test_merge_says_what_it_kept(
    cli: Invoke, rich: Workspace, clock: FixedClock, backup_file: Path
) -> None:
    ran = cli("import", str(backup_file), "--merge")
    assert ran.exit_code == 0
    assert ran.stdout.startswith("Merged the backup into your plan made 2026-11-25 09:30 UTC.")
    assert "\ngoals                │         6 │     5 │        0 │    6\n" in ran.stdout
    assert (
        "Note: Kept your profile, vision, exploration and preferences as they are; the backup's "
        "were not used.\n"
    ) in ran.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "Error: The file is empty, so it holds no backup."),
        (b'{"format": "careerplan-backup", "format_ver', "the file looks cut off"),
        (b"<html>not json</html>", "Error: The backup is not valid JSON: line 1, column 1"),
        (b'{"format": "careerplan-backup", "format_version": 9}', "newer careerplan"),
    ],
)
def test_a_bad_file_exits_2_with_the_reason(
    cli: Invoke,
    rich: Workspace,
    clock: FixedClock,
    tmp_path: Path,
    content: bytes,
    expected: str,
) -> None:
    before = backup_of(rich, clock)
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    ran = cli("import", str(path), "--replace")
    assert ran.exit_code == 2
    assert expected in ran.stderr
    assert "Traceback" not in ran.stderr + ran.stdout
    assert backup_of(rich, clock) == before


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("missing.json",), "Error: There is no file missing.json."),
        ((".",), "Error: . is a folder; name the backup file inside it."),
        (("x.json", "--replace", "--merge"), "Error: Choose one of --replace and --merge"),
    ],
)
def test_usage_mistakes_exit_2(cli: Invoke, arguments: tuple[str, ...], expected: str) -> None:
    ran = cli("import", *arguments)
    assert ran.exit_code == 2
    assert ran.stderr.startswith(expected)


def test_export_csv_reads_back_with_the_csv_module(cli: Invoke, rich: Workspace) -> None:
    ran = cli("export", "--format", "csv")
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout.startswith("\ufefftype,id,parent_id,goal_id,text,")
    rows = list(csv.DictReader(io.StringIO(ran.stdout.removeprefix("\ufeff"), newline="")))
    assert [(row["type"], row["id"]) for row in rows][:4] == [
        ("goal", "1"),
        ("goal", "2"),
        ("goal", "3"),
        ("action", "1"),
    ]
    assert len([row for row in rows if row["type"] == "goal"]) == 6
    assert len([row for row in rows if row["type"] == "action"]) == 2
    multi = next(row for row in rows if row["text"].startswith("Réseau"))
    # (The test runner turns CRLF into LF; the file test below sees the bytes as written.)
    assert multi["text"] == "Réseau : rencontrer 3 mentors 🚀\nsecond line, «quoted», 中文\nthird"


def test_export_csv_to_a_file(cli: Invoke, rich: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    ran = cli("export", "--format", "csv", "--output", str(path))
    assert ran.exit_code == 0
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    multi = next(row for row in rows if row["text"].startswith("Réseau"))
    assert multi["text"] == MULTI_LINE
    networking = next(row for row in rows if row["type"] == "action" and row["id"] == "1")
    assert (networking["goal_id"], networking["repeat"], networking["completions"]) == (
        "3",
        "FREQ=MONTHLY",
        "2",
    )
