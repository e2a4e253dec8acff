"""The daily commands read a SQLite plan without SQLAlchemy, and say exactly the same."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.cli.conftest import Invoke

from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.goals import add_goal
from careerplan.services.vision import init_plan
from careerplan.services.workspace import Workspace, open_workspace
from careerplan.storage.quick_read import QuickReader

COMMANDS = [
    ("goal", "list", "--json"),
    ("goal", "tree", "--json"),
    ("today", "--json"),
    ("review", "--status", "--json"),
]


def _watch_the_quick_reader(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each opening of the quick reader gave a reader (False: the full path)."""
    opened: list[bool] = []
    real_open = QuickReader.open

    def watched(cls: type[QuickReader], *args: Any) -> QuickReader | None:
        found = real_open(*args)
        opened.append(found is not None)
        return found

    monkeypatch.setattr(QuickReader, "open", classmethod(watched))
    return opened


@pytest.mark.parametrize("command", COMMANDS)
def test_the_quick_reader_and_a_unit_of_work_give_the_same_answer(
    cli: Invoke,
    story: Workspace,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
) -> None:
    cli("action", "done", "1", "--note", "First meetup")
    cli("checkin", "3", "--note", "Booked the exam", "--confidence", "4")
    # Reviews and settings: the status reads the latest entries and the rhythm.
    cli("review", "settings", "--cadence", "monthly", "--weekday", "fri", "--email", "a@b.co")
    cli("review", "--entry", "3:60:2", "--entry", "2:10:4", "--on", "2026-11-01")
    cli("review", "--entry", "3:20:4", "--on", "2026-11-20", "--went-well", "Studied")
    cli("goal", "add", "Draft a study plan", "--parent", "3", "--due", "2026-11-20")
    opened = _watch_the_quick_reader(monkeypatch)
    quick = json.loads(cli(*command).stdout)
    # On SQLite the first answer came through the quick reader; PostgreSQL has none.
    assert opened == ([True] if settings.is_sqlite else [])
    monkeypatch.setattr(QuickReader, "open", classmethod(lambda cls, *args: None))
    full = json.loads(cli(*command).stdout)
    assert quick == full
    assert quick  # the story has goals, so an empty answer would be a failure too
    if "review" in command or "today" in command:
        assert quick["review_schedule"]["last"] == "2026-11-20"
        assert quick["review_schedule"]["cadence"] == "monthly"
        assert [a["goal_id"] for a in quick["attention"]] == [4]


@pytest.mark.parametrize("command", [("goal", "list"), ("goal", "tree"), ("today",)])
def test_tables_read_from_part_of_each_report_say_what_whole_reports_say(
    cli: Invoke, story: Workspace, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    """`goal list` and `goal tree` read only the five verdicts of each S.M.A.R.T. report and
    `today` none of it; their text is the full path's, which reads every report whole."""
    cli("goal", "add", "Get better at stuff", "--parent", "2")  # letters that fail and are unjudged
    cli("goal", "add", "Finish the course module", "--parent", "3", "--due", "2026-11-20")
    quick = cli(*command)
    monkeypatch.setattr(QuickReader, "open", classmethod(lambda cls, *args: None))
    full = cli(*command)
    assert quick.exit_code == full.exit_code == 0
    assert quick.stdout == full.stdout
    if "goal" in command:
        assert " sm" in quick.stdout  # the vague goal's letters came through the quick path


@pytest.fixture
def sqlite_plan(tmp_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    """A plan in a SQLite file (the quick reader is for SQLite only; PostgreSQL takes the full
    path, which the comparison above covers)."""
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'plan.sqlite3'}")
    workspace = open_workspace(settings)
    with workspace.unit() as uow:
        init_plan(
            uow, clock, name="Ana", current_job_title="PM", hours_per_week=5,
            dream_job_title="COO of a high-tech startup",
        )  # fmt: skip
        add_goal(uow, clock, text="Lead a team of five by 2028", parent_id=1)
        add_goal(uow, clock, text="Complete my PMP certification by Q3 2027", parent_id=2)
    yield workspace
    workspace.close()


def test_a_file_whose_schema_is_not_current_is_left_to_the_full_path(
    sqlite_plan: Workspace,
) -> None:
    path = sqlite_plan.settings.database_url.removeprefix("sqlite:///")
    with sqlite_plan.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0002'")
    assert QuickReader.open(Path(path), "0003", "local") is None
    assert QuickReader.open(Path(path + ".missing"), "0002", "local") is None
    reader = QuickReader.open(Path(path), "0002", "local")
    assert reader is not None
    assert [g.id for g in reader.goals.all()] == [1, 2, 3]
    reader.close()


@pytest.mark.parametrize(
    ("command", "absent", "shown"),
    [
        (
            ["goal", "list"],
            ("sqlalchemy", "rich", "pydantic", "typer"),
            "Complete my PMP certification",
        ),
        # `today` to a pipe is plain text, without Rich; the review status adds no database
        # library, nor mail; and neither needs the full application (cli/fast.py).
        (["today"], ("sqlalchemy", "pydantic", "smtplib", "typer", "rich"), "review"),
        (["review", "--status"], ("sqlalchemy", "pydantic", "smtplib"), "review"),
    ],
)
def test_the_daily_commands_on_sqlite_leave_heavy_modules_unimported(
    sqlite_plan: Workspace, command: list[str], absent: tuple[str, ...], shown: str
) -> None:
    probe = (
        "import sys\n"
        "from careerplan.cli.main import run\n"
        f"try:\n    run({command!r})\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {absent!r} if m in sys.modules))\n"
    )
    env = {"CAREERPLAN_DATABASE_URL": sqlite_plan.settings.database_url, "PATH": "/usr/bin:/bin"}
    ran = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[-1] == "[]"
    assert shown in ran.stdout


def test_plan_propose_reads_through_the_quick_reader_and_says_the_same(
    cli: Invoke, story: Workspace, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("explore", "choose", "11-1011.00")
    cli("explore", "current", "11-2021.00")
    assert cli("plan", "accept", "1").exit_code == 0  # an accepted proposal is read too
    opened = _watch_the_quick_reader(monkeypatch)
    quick = json.loads(cli("plan", "propose", "--json").stdout)
    assert opened == ([True] if settings.is_sqlite else [])
    monkeypatch.setattr(QuickReader, "open", classmethod(lambda cls, *args: None))
    full = json.loads(cli("plan", "propose", "--json").stdout)
    assert quick == full
    assert quick["goals"][0]["accepted_goal_id"] == 4
