"""How long each export of a large plan takes: 200 goals and 1,000 actions.

    python bench/export_speed.py [--runs 5] [--formats markdown,ics,json,csv,pdf]

The plan lives in a SQLite file in a temporary folder. Each format is timed end to end as
`careerplan export` runs it (`export_plan`: one read of the whole plan, then the renderer), after
one warm-up call that pays the one-time imports (WeasyPrint's for PDF). Baseline, timed in the
same run: the read alone (`load_snapshot`), so the ratio shows what rendering adds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from careerplan.config import Settings
from careerplan.domain.entities import (
    Action,
    Category,
    CheckIn,
    Completion,
    Goal,
    Horizon,
    Resource,
    ResourceKind,
)
from careerplan.domain.smart import analyse
from careerplan.services.clock import FixedClock
from careerplan.services.exporting import export_plan, load_snapshot
from careerplan.services.vision import init_plan
from careerplan.services.workspace import Workspace, open_workspace

GOALS = 200
ACTIONS = 1000
TARGETS_MS = {"markdown": 300, "ics": 300, "json": 300, "csv": 300, "pdf": 3000}
CLOCK = FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
TEXTS = (
    "Complete {n} hours of courses in operations strategy by 30 June 2027",
    "Have {n} conversations with chief operating officers by 31 March 2027",
    "Lead {n} cross-team projects as product manager by 31 December 2027",
    "Publish {n} articles on startup operations by 30 September 2027",
)


def build(workspace: Workspace) -> None:
    horizons = [Horizon.TWO_YEARS, Horizon.TWELVE_MONTHS, Horizon.SIX_MONTHS]
    now = CLOCK.now()
    with workspace.unit() as uow:
        init_plan(
            uow, CLOCK, name="Bench", current_job_title="Product manager", hours_per_week=5,
            dream_job_title="Chief Operating Officer",
            vision_fields={"target_date": date(2031, 12, 31), "commitment": "I will."},
        )  # fmt: skip
        ids = [1]
        for index in range(GOALS - 1):
            text = TEXTS[index % len(TEXTS)].format(n=2 + index % 9) + f" (#{index})"
            report = analyse(text, "Chief Operating Officer", today=CLOCK.today()).to_json()
            goal = Goal(
                text=text, parent_id=ids[index // 4], horizon=horizons[index % 3],
                category=Category.SKILLS, due=date(2027, 1 + index % 12, 1 + index % 28),
                smart_report=report, created_at=now, updated_at=now,
            )  # fmt: skip
            uow.goals.add(goal)
            assert goal.id is not None
            ids.append(goal.id)
        for index in range(ACTIONS):
            repeat = "FREQ=WEEKLY;BYDAY=MO" if index % 10 == 0 else None
            action = Action(
                goal_id=ids[1 + index % (GOALS - 1)], text=f"Do step {index} of the plan",
                due=None if repeat else date(2027, 1 + index % 12, 1 + index % 28),
                repeat=repeat, created_at=now,
            )  # fmt: skip
            uow.actions.add(action)
            assert action.id is not None
            if repeat:
                for week in range(4):
                    uow.actions.add_completion(
                        Completion(action.id, CLOCK.today() - timedelta(weeks=week), "done")
                    )
        for index in range(20):
            uow.resources.add(
                Resource(ResourceKind.PERSON, f"Mentor {index}", goal_ids=[ids[1 + index]])
            )
            uow.checkins.add(CheckIn(ids[1 + index], CLOCK.today(), 1.0, "steady", 4), now)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default="markdown,ics,json,csv,pdf")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp())
    workspace = open_workspace(
        Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'bench.sqlite3'}")
    )
    build(workspace)

    def read_only() -> None:
        with workspace.unit() as uow:
            load_snapshot(uow, CLOCK)

    def timed(call: object) -> list[float]:
        assert callable(call)
        call()  # warm-up: one-time imports and caches
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000)
        return times

    baseline = statistics.median(timed(read_only))
    print(f"| export ({GOALS} goals, {ACTIONS} actions, median of {args.runs}) | time | "
          "× baseline | size | target | met |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    print(f"| baseline: read the whole plan | {baseline:.0f} ms | 1.0× | | | |")
    for name in args.formats.split(","):
        sizes: list[int] = []

        def run(name: str = name, sizes: list[int] = sizes) -> None:
            sizes.append(len(export_plan(workspace, CLOCK, name)))

        median = statistics.median(timed(run))
        target = TARGETS_MS[name]
        print(
            f"| {name} | {median:.0f} ms | {median / baseline:.1f}× | {sizes[-1] / 1024:.0f} KiB "
            f"| < {target:,} ms | {'yes' if median < target else 'NO'} |"
        )
    workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
