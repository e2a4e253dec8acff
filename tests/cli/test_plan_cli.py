"""`init`, `vision show|edit`, `today`, `start` and `db info|upgrade` at the command line."""

from __future__ import annotations

import json

import pytest
from tests.cli.conftest import Invoke

from careerplan.config import Settings
from careerplan.services.workspace import Workspace
from careerplan.storage.schema_version import HEAD

INIT = (
    "init",
    "--name",
    "Ana",
    "--current-job",
    "Product manager",
    "--hours",
    "5",
    "--dream-job",
    "COO of a high-tech startup",
    "--target-date",
    "2031-11-25",
    "--commitment",
    "I will be COO of a startup by 2031.",
)


def test_init_with_flags_starts_the_plan(cli: Invoke) -> None:
    ran = cli(*INIT)
    assert (ran.exit_code, ran.stderr) == (0, "")
    assert ran.stdout.splitlines() == [
        "Your plan is started: goal 1 is to work as COO of a high-tech startup.",
        "Read your job today as Marketing Managers (11-2021.00); to record it: "
        "careerplan explore current 11-2021.00",
        'Next: break it down, e.g. careerplan goal add "..." --parent 1 --horizon 2y',
    ]


def test_init_json_gives_the_profile_vision_and_dream_goal(cli: Invoke) -> None:
    data = json.loads(cli(*INIT, "--json").stdout)
    assert data["profile"]["name"] == "Ana"
    assert data["vision"]["target_date"] == "2031-11-25"
    assert (data["dream_goal"]["id"], data["dream_goal"]["horizon"]) == (1, "long")
    assert data["warnings"] == []


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        ((), "--name and --dream-job"),
        (("--dream-job", "COO"), "--name"),
        (("--name", "Ana"), "--dream-job"),
    ],
)
def test_init_without_required_flags_exits_2_naming_them(
    cli: Invoke, args: tuple[str, ...], missing: str
) -> None:
    ran = cli("init", *args)
    assert ran.exit_code == 2
    assert ran.stderr == (
        f"Error: Missing {missing}. Example: careerplan init --name Ana "
        "--dream-job 'COO of a tech startup' --target-date +5y\n"
    )


def test_init_twice_exits_1(cli: Invoke) -> None:
    cli(*INIT)
    ran = cli(*INIT)
    assert ran.exit_code == 1
    assert ran.stderr.startswith("Error: A plan already exists here.")


def test_init_with_a_past_target_date_warns(cli: Invoke) -> None:
    ran = cli("init", "--name", "Ana", "--dream-job", "COO", "--target-date", "2026-01-01")
    assert ran.exit_code == 0
    assert "Note: The target date 2026-01-01 is not in the future." in ran.stdout.splitlines()


def test_vision_show_prints_the_days_left_and_the_commitment(cli: Invoke, story: Workspace) -> None:
    ran = cli("vision", "show")
    lines = [line.strip("│ ") for line in ran.stdout.splitlines()]
    assert ran.exit_code == 0
    assert "Ana, today Product manager; 5 h/week" in lines
    assert "Dream job: COO of a high-tech startup" in lines
    assert "Target date: 2031-11-25 (1826 days left)" in lines
    assert "“I will be COO of a startup by 2031.”" in lines


def test_vision_show_json(cli: Invoke, story: Workspace) -> None:
    data = json.loads(cli("vision", "show", "--json").stdout)
    assert data["profile"]["hours_per_week"] == 5
    assert (data["vision"]["dream_job_title"], data["vision"]["version"]) == (
        "COO of a high-tech startup",
        1,
    )


def test_vision_edit_changes_the_vision_and_the_dream_goal(cli: Invoke, story: Workspace) -> None:
    ran = cli("vision", "edit", "--dream-job", "CEO of a startup", "--target-date", "+6y")
    assert (ran.exit_code, ran.stdout) == (0, "Vision saved.\n")
    goal = json.loads(cli("goal", "show", "1", "--json").stdout)
    assert (goal["text"], goal["due"]) == ("Work as CEO of a startup", "2032-11-25")


def test_vision_edit_json_and_profile_fields(cli: Invoke, story: Workspace) -> None:
    data = json.loads(
        cli("vision", "edit", "--hours", "8", "--industry", "Fintech", "--json").stdout
    )
    assert (data["profile"]["hours_per_week"], data["vision"]["industry"]) == (8.0, "Fintech")


def test_vision_edit_with_nothing_to_change_exits_2(cli: Invoke, story: Workspace) -> None:
    ran = cli("vision", "edit")
    assert ran.exit_code == 2
    assert ran.stderr == (
        "Error: Nothing to change. See `careerplan vision edit --help` for the fields.\n"
    )


def test_a_stale_vision_edit_exits_1(cli: Invoke, story: Workspace) -> None:
    assert cli("vision", "edit", "--culture", "Candid", "--if-version", "1").exit_code == 0
    ran = cli("vision", "edit", "--culture", "Polite", "--if-version", "1")
    assert ran.exit_code == 1
    assert "you edited version 1, it is now version 2" in ran.stderr
    assert json.loads(cli("vision", "show", "--json").stdout)["vision"]["culture"] == "Candid"


def test_vision_show_before_init_says_to_run_init(cli: Invoke) -> None:
    ran = cli("vision", "show")
    assert ran.exit_code == 1
    assert ran.stderr == (
        "Error: There is no plan yet. Run `careerplan init` to write down your dream job.\n"
    )


def test_today_shows_the_dream_job_clock_the_commitment_and_repeats(
    cli: Invoke, story: Workspace
) -> None:
    ran = cli("today")
    assert ran.exit_code == 0
    assert ran.stdout.splitlines() == [
        "COO of a high-tech startup by 2031-11-25 (1826 days left)",
        "“I will be COO of a startup by 2031.”",
        "",
        "Next review: Sun 29 Nov 2026 (weekly).",
        "Repeats due",
        "  action 1: Attend one industry networking event (since 2026-11-25)",
    ]


def test_today_lists_overdue_and_this_weeks_items(cli: Invoke, story: Workspace) -> None:
    cli("goal", "add", "Draft a study plan", "--parent", "3", "--due", "2026-11-20")
    cli("action", "add", "3", "Pick a course", "--due", "+3d")
    cli("action", "done", "1")
    lines = cli("today").stdout.splitlines()
    assert lines[3:] == [
        "Next review: Sun 29 Nov 2026 (weekly).",
        "Needs attention",
        "  goal 4: Draft a study plan · behind",
        "    0% done, the due date 2026-11-20 has passed",
        "Overdue",
        "  goal 4: Draft a study plan (due 2026-11-20)",
        "Due this week",
        "  action 2: Pick a course (due 2026-11-28)",
    ]


def test_today_json(cli: Invoke, story: Workspace) -> None:
    data = json.loads(cli("today", "--json").stdout)
    assert (data["today"], data["days_left"]) == ("2026-11-25", 1826)
    assert [a["id"] for a in data["repeats_due"]] == [1]
    assert data["overdue"] == {"goals": [], "actions": []}


def test_start_without_a_plan_welcomes_and_says_how_to_begin(cli: Invoke) -> None:
    ran = cli("start")
    assert ran.exit_code == 0
    assert "Welcome to careerplan. There is no plan here yet." in ran.stdout
    assert "careerplan init --name Ana --dream-job 'COO of a tech startup'" in ran.stdout


def test_start_with_a_plan_shows_today(cli: Invoke, story: Workspace) -> None:
    started = cli("start")
    assert (started.exit_code, started.stderr) == (0, "")
    assert started.stdout.splitlines()[:2] == [
        "COO of a high-tech startup by 2031-11-25 (1826 days left)",
        "“I will be COO of a startup by 2031.”",
    ]
    assert started.stdout == cli("today").stdout


def test_db_info_reports_the_revision_and_counts(
    cli: Invoke, story: Workspace, settings: Settings
) -> None:
    ran = cli("db", "info")
    assert ran.exit_code == 0
    assert f"Schema:   revision {HEAD} (this version's latest: {HEAD})" in ran.stdout.splitlines()
    assert "Holds:    3 goals, 1 actions, 0 resources, 0 checkins" in ran.stdout.splitlines()
    data = json.loads(cli("db", "info", "--json").stdout)
    assert (data["revision"], data["counts"]["goals"]) == (HEAD, 3)
    assert data["backend"] == ("sqlite" if settings.is_sqlite else "postgresql")


def test_db_upgrade_on_a_current_database_says_so(cli: Invoke, story: Workspace) -> None:
    ran = cli("db", "upgrade")
    assert (ran.exit_code, ran.stdout) == (0, f"Already up to date (revision {HEAD}).\n")
