"""Wall time of the command line on a plan of 1,000 goals and 5,000 actions.

Each command runs as a fresh process, as a person would run it, interleaved with `python -c pass`
in the same loop so the ratio cancels out how busy the machine is. Prints a Markdown table.

    python bench/cli_latency.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from careerplan.config import Settings
from careerplan.domain.entities import Action, Category, Goal, Horizon
from careerplan.services.clock import FixedClock
from careerplan.services.vision import init_plan
from careerplan.services.workspace import open_workspace

GOALS = 1_000
ACTIONS = 5_000
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


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def sample(
    commands: dict[str, list[str]], env: dict[str, str], runs: int
) -> dict[str, list[float]]:
    """Each command `runs` times, interleaved (after one warm-up run each for the file cache
    and bytecode), so a busy moment slows them all alike."""
    for argv in commands.values():
        time_once(argv, env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            samples[name].append(time_once(argv, env))
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    careerplan = [sys.executable, "-m", "careerplan"]
    commands = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "--help": [*careerplan, "--help"],
        "today": [*careerplan, "today"],
        "goal list": [*careerplan, "goal", "list"],
    }
    with tempfile.TemporaryDirectory() as folder:
        build_plan(Path(folder))
        env = dict(os.environ, CAREERPLAN_DATA_DIR=folder, COLUMNS="120")
        env.pop("CAREERPLAN_DATABASE_URL", None)
        samples = sample(commands, env, args.runs)
    baseline = statistics.median(samples["python -c pass (baseline)"])
    print(f"{GOALS:,} goals, {ACTIONS:,} actions, SQLite, {args.runs} runs each\n")
    print("| command | median ms | p95 ms | × baseline | target |")
    print("|---|---:|---:|---:|---|")
    for name, values in samples.items():
        ordered = sorted(values)
        median = statistics.median(ordered)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        target = TARGETS_MS.get(name)
        verdict = (
            "" if target is None else f"< {target:.0f} ms: {'met' if median < target else 'MISSED'}"
        )
        print(f"| {name} | {median:.0f} | {p95:.0f} | {median / baseline:.1f} | {verdict} |")


if __name__ == "__main__":
    main()
