"""`goal list`, `today` and `--help` are answered without building the full application, and
say exactly what the full application says; anything else is left to it."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.cli.fixed_clock_cli import environment
from tests.conftest import NOW

from careerplan.cli.help_text import HELP
from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.smart import settings_from
from careerplan.services.workspace import Workspace, open_workspace

# Runs `careerplan ARGS` on the suite's fixed clock, by the entry point ("run") or by the full
# application ("full"), then says on standard error which of the heavy libraries were loaded.
# (The suite's conftest loads SQLAlchemy, so the probe takes the time, not the module.)
PROBE = f"""
import sys
from datetime import datetime
from careerplan.cli import context
from careerplan.services.clock import FixedClock

context.use_clock(FixedClock(datetime.fromisoformat({NOW.isoformat()!r})))
way, *args = sys.argv[1:]
try:
    if way == "full":
        from careerplan.cli.root import app
        app(args, prog_name="careerplan")
    else:
        from careerplan.cli.main import run
        run(args)
finally:
    heavy = ("typer", "click", "rich", "sqlalchemy")
    sys.stderr.write("\\nloaded: " + " ".join(m for m in heavy if m in sys.modules) + "\\n")
"""

FAST = [
    ["goal", "list"],
    ["goal", "list", "--active"],
    ["goal", "list", "--json"],
    ["goal", "list", "--json", "--active"],
    ["today"],
    ["today", "--json"],
    ["--help"],
    ["-h"],
    [],
]


@dataclass
class Answer:
    code: int
    stdout: str
    stderr: str
    loaded: set[str]


def careerplan(way: str, args: list[str], variables: dict[str, str]) -> Answer:
    ran = subprocess.run(
        [sys.executable, "-c", PROBE, way, *args],
        capture_output=True,
        text=True,
        env=environment({"PATH": "/usr/bin:/bin", "COLUMNS": "120", **variables}),
        timeout=120,
    )
    stderr, _, loaded = ran.stderr.rpartition("\nloaded: ")
    return Answer(ran.returncode, ran.stdout, stderr, set(loaded.split()))


def the_plan_at(settings: Settings) -> dict[str, str]:
    return {
        "CAREERPLAN_DATABASE_URL": settings.database_url,
        "CAREERPLAN_DATA_DIR": str(settings.data_dir),
    }


def assert_same(args: list[str], fast: Answer, full: Answer) -> None:
    assert (fast.code, fast.stdout, fast.stderr) == (full.code, full.stdout, full.stderr), args


@pytest.fixture
def with_checks(rich: Workspace, settings: Settings, clock: FixedClock) -> Workspace:
    """Ana's plan with something of every kind, and goals carrying their S.M.A.R.T. letters."""
    checks = settings_from(settings.fiscal_year_start, settings.day_first)
    with rich.unit() as uow:
        for text in ("Pass the PMP exam by Q3 2027", "Get better at networking"):
            add_goal(uow, clock, text=text, parent_id=2, smart=checks)
    return rich


@pytest.mark.parametrize("args", FAST, ids=" ".join)
def test_the_daily_commands_answer_as_the_full_application_on_a_plan(
    with_checks: Workspace, settings: Settings, args: list[str]
) -> None:
    variables = the_plan_at(settings)
    fast = careerplan("run", args, variables)
    full = careerplan("full", args, variables)
    assert_same(args, fast, full)
    assert fast.stdout or fast.stderr
    assert "typer" in full.loaded
    if settings.is_sqlite or args in ([], ["--help"], ["-h"]):
        # Answered without Typer, Click or SQLAlchemy; to a pipe, without Rich either.
        assert not fast.loaded & {"typer", "click", "sqlalchemy", "rich"}, args
    else:
        # PostgreSQL is read by the full application only.
        assert "typer" in fast.loaded


@pytest.mark.parametrize("args", FAST[:6], ids=" ".join)
@pytest.mark.parametrize("state", ["no file yet", "no plan yet", "not a database"])
def test_without_a_readable_plan_both_ways_answer_alike(
    tmp_path: Path, args: list[str], state: str
) -> None:
    answers = []
    for way in ("run", "full"):
        folder = tmp_path / way
        folder.mkdir()
        path = folder / "careerplan.sqlite3"
        if state == "no plan yet":
            open_workspace(Settings.from_env({"CAREERPLAN_DATA_DIR": str(folder)})).close()
        elif state == "not a database":
            path.write_bytes(b"These are someone's notes, not a plan.\n" * 100)
        answers.append(careerplan(way, args, {"CAREERPLAN_DATA_DIR": str(folder)}))
    fast, full = answers
    assert_same(args, fast, full)
    if state == "not a database":
        assert fast.code != 0
        assert "typer" in fast.loaded  # the full application explains what is wrong


@pytest.mark.parametrize(
    ("args", "variables"),
    [
        (["goal", "list", "--all"], {}),
        (["goal", "list", "--active", "--active"], {}),
        (["goal", "list", "2"], {}),
        (["today", "--active"], {}),
        (["goal", "tree"], {}),
        (["--help", "goal"], {}),
        # Click fits help to a narrower terminal: only the full application knows how.
        (["--help"], {"COLUMNS": "60"}),
    ],
    ids=str,
)
def test_anything_else_is_left_to_the_full_application(
    tmp_path: Path, args: list[str], variables: dict[str, str]
) -> None:
    plan = {"CAREERPLAN_DATA_DIR": str(tmp_path), **variables}
    open_workspace(Settings.from_env(plan)).close()
    fast = careerplan("run", args, plan)
    full = careerplan("full", args, plan)
    assert_same(args, fast, full)
    assert "typer" in fast.loaded


def test_the_kept_help_is_the_help_the_application_prints(tmp_path: Path) -> None:
    full = careerplan("full", ["--help"], {"CAREERPLAN_DATA_DIR": str(tmp_path)})
    assert full.stdout == HELP, (
        "The commands' help changed: run `python scripts/write_cli_help.py` to keep it again."
    )


def in_a_terminal(way: str, args: list[str], variables: dict[str, str]) -> bytes:
    """What `careerplan ARGS` writes to a terminal (colours and all), with standard error
    left out."""
    primary, secondary = pty.openpty()
    env = environment({"PATH": "/usr/bin:/bin", "COLUMNS": "100", "TERM": "xterm", **variables})
    process = subprocess.Popen(
        [sys.executable, "-c", PROBE, way, *args],
        stdout=secondary,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    os.close(secondary)
    written = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        written += chunk
    os.close(primary)
    assert process.wait(timeout=120) == 0
    return written


@pytest.mark.parametrize("args", [["today"], ["goal", "list"]], ids=" ".join)
def test_a_terminal_gets_the_same_colours_either_way(
    with_checks: Workspace, settings: Settings, args: list[str]
) -> None:
    # On PostgreSQL the quick path hands over to the full application: the same bytes again.
    variables = the_plan_at(settings)
    fast = in_a_terminal("run", args, variables)
    assert fast == in_a_terminal("full", args, variables)
    if args == ["today"]:
        assert b"\x1b[" in fast  # Rich coloured it: the comparison covered the colours
