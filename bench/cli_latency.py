"""Wall time of the command line on a plan of 1,000 goals and 5,000 actions, beside Taskwarrior.

Each command runs as a fresh process, as a person would run it, interleaved in one loop with
`python -c pass` and, when Taskwarrior is installed (Debian's `taskwarrior` package), with
`task list` over 1,000 pending tasks, so the ratios cancel out how busy the machine is. Prints a
Markdown table.

    python bench/cli_latency.py [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import careerplan
from careerplan.config import Settings
from careerplan.domain.entities import Action, Category, Goal, Horizon
from careerplan.services.clock import FixedClock
from careerplan.services.smart import attach_report
from careerplan.services.vision import init_plan
from careerplan.services.workspace import open_workspace

GOALS = 1_000
ACTIONS = 5_000
BASELINE = "python -c pass (baseline)"
TASK_LIST = "task list (Taskwarrior)"
# At most this many times Taskwarrior's `task list` over as many tasks as the plan has goals.
TARGETS_X_TASK = {"--help": 3.0, "today": 4.0, "goal list": 4.0}
# Without Taskwarrior: the absolute targets the command line was first held to.
TARGETS_MS = {"--help": 150.0, "goal list": 300.0}


def build_plan(data_dir: Path) -> None:
    settings = Settings.from_env({"CAREERPLAN_DATA_DIR": str(data_dir)})
    workspace = open_workspace(settings)
    clock = FixedClock(datetime.now(UTC))
    horizons = [Horizon.TWO_YEARS, Horizon.TWELVE_MONTHS, Horizon.SIX_MONTHS]
    with workspace.unit() as uow:
        init_plan(
            uow,
            clock,
            name="Bench",
            current_job_title="Analyst",
            hours_per_week=5,
            dream_job_title="Chief Operating Officer",
            vision_fields={"target_date": date(2031, 12, 31)},
        )
        ids = [1]
        now = clock.now()
        report: dict[str, object] | None = None
        for index in range(GOALS - 1):
            parent = ids[index // 5]  # a tree five wide
            goal = Goal(
                text=f"Goal {index}: finish module {index} of the operations course",
                parent_id=parent,
                horizon=horizons[index % 3],
                category=Category.SKILLS,
                due=date(2027, 1 + index % 12, 1 + index % 28),
                created_at=now,
                updated_at=now,
            )
            # Each goal carries its S.M.A.R.T. report, as `goal add` leaves it (the goals are
            # worded alike, so one check serves them all).
            if report is None:
                attach_report(uow, clock, goal)
                report = goal.smart_report
            goal.smart_report = report
            uow.goals.add(goal)
            assert goal.id is not None
            ids.append(goal.id)
        for index in range(ACTIONS):
            repeat = "FREQ=WEEKLY" if index % 10 == 0 else None
            due = None if repeat else date(2026, 1 + index % 12, 1 + index % 28)
            uow.actions.add(
                Action(
                    goal_id=ids[index % GOALS],
                    text=f"Action {index}",
                    due=due,
                    repeat=repeat,
                    created_at=now,
                )
            )
    workspace.close()


def build_task_list(folder: Path, *, due_dates: bool) -> dict[str, str]:
    """A Taskwarrior data folder of 1,000 pending tasks, each with a description and (unless
    told otherwise) a due date like the plan's goals; returns the environment that points `task`
    at it."""
    data = folder / "taskwarrior"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=no\nverbose=nothing\nnews.version=2.6.0\n",
        encoding="utf-8",
    )
    env = dict(os.environ, TASKRC=str(rc), TASKDATA=str(data))
    tasks: list[dict[str, str]] = [
        {
            "description": f"Goal {index}: finish module {index} of the operations course",
            "status": "pending",
            "entry": "20260101T090000Z",
        }
        for index in range(GOALS)
    ]
    if due_dates:
        for index, task in enumerate(tasks):
            task["due"] = f"2027{1 + index % 12:02d}{1 + index % 28:02d}T000000Z"
    tasks_file = folder / "tasks.json"
    tasks_file.write_text(json.dumps(tasks), encoding="utf-8")
    subprocess.run(
        ["task", "import", str(tasks_file)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return env


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


Command = tuple[list[str], dict[str, str]]


def sample(commands: dict[str, Command], runs: int) -> dict[str, list[float]]:
    """Each command `runs` times, interleaved (after one warm-up run each for the file cache
    and bytecode), so a busy moment slows them all alike."""
    for argv, env in commands.values():
        time_once(argv, env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, env) in commands.items():
            samples[name].append(time_once(argv, env))
    return samples


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def print_against_taskwarrior(samples: dict[str, list[float]]) -> None:
    baseline = statistics.median(samples[BASELINE])
    task = statistics.median(samples[TASK_LIST])
    print("| command | median ms | p95 ms | × baseline | × task list | target |")
    print("|---|---:|---:|---:|---:|---|")
    for name, values in samples.items():
        median = statistics.median(values)
        target = TARGETS_X_TASK.get(name)
        verdict = (
            ""
            if target is None
            else f"≤ {target:.0f}× task list: {'met' if median <= target * task else 'MISSED'}"
        )
        print(
            f"| {name} | {median:.0f} | {p95(values):.0f} | {median / baseline:.1f} "
            f"| {median / task:.1f} | {verdict} |"
        )


def print_alone(samples: dict[str, list[float]]) -> None:
    baseline = statistics.median(samples[BASELINE])
    print("| command | median ms | p95 ms | × baseline | target |")
    print("|---|---:|---:|---:|---|")
    for name, values in samples.items():
        median = statistics.median(values)
        target = TARGETS_MS.get(name)
        verdict = (
            "" if target is None else f"< {target:.0f} ms: {'met' if median < target else 'MISSED'}"
        )
        print(
            f"| {name} | {median:.0f} | {p95(values):.0f} | {median / baseline:.1f} | {verdict} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--tasks-without-due-dates",
        action="store_true",
        help="Give the tasks descriptions only (Taskwarrior lists them faster).",
    )
    args = parser.parse_args()
    # As `make install` does: bytecode that is missing or older than its source would be
    # compiled again by every run and measured as start-up time.
    compileall.compile_dir(Path(careerplan.__file__).parent, quiet=1)
    # The installed command, as a person types it; `python -m careerplan` where it is missing
    # (runpy adds a few milliseconds).
    script = Path(sys.executable).with_name("careerplan")
    careerplan_command = [str(script)] if script.exists() else [sys.executable, "-m", "careerplan"]
    taskwarrior = shutil.which("task")
    with tempfile.TemporaryDirectory() as folder:
        build_plan(Path(folder))
        env = dict(os.environ, CAREERPLAN_DATA_DIR=folder, COLUMNS="120")
        env.pop("CAREERPLAN_DATABASE_URL", None)
        commands: dict[str, Command] = {BASELINE: ([sys.executable, "-c", "pass"], env)}
        if taskwarrior:
            commands[TASK_LIST] = (
                [taskwarrior, "list"],
                build_task_list(Path(folder), due_dates=not args.tasks_without_due_dates),
            )
        for name in ("--help", "today", "goal list"):
            commands[name] = ([*careerplan_command, *name.split()], env)
        samples = sample(commands, args.runs)
    shown = " ".join(Path(part).name for part in careerplan_command)
    print(f"`{shown}`: {GOALS:,} goals, {ACTIONS:,} actions, SQLite, {args.runs} runs each", end="")
    if not taskwarrior:
        print("; Taskwarrior (`task`, Debian's taskwarrior package) is not installed\n")
        print_alone(samples)
        return
    kind = "descriptions only" if args.tasks_without_due_dates else "each with a due date"
    print(f"; Taskwarrior 2.6 `task list` over {GOALS:,} pending tasks, {kind}\n")
    print_against_taskwarrior(samples)


if __name__ == "__main__":
    main()
