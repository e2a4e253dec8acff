"""How fast and how S.M.A.R.T. the proposed plan is, over random occupation pairs.

    python bench/proposal_speed.py [--pairs 200] [--seed 6]

One plan (a SQLite file in a temporary folder) is pointed at each pair in turn: the person works
in the first occupation and chose the second as their dream job (named by its title), target
date three years out, 5 hours a week.
Times are for `propose_plan` with a warm catalogue (what a running server or a second command
pays); the first, cold call is shown on its own. Baseline: one catalogue `requirements()` call
for the same pair, the proposal's main input, timed in the same run so the ratio survives a
busier machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

from careerplan.catalog import open_catalog, requirements
from careerplan.config import Settings
from careerplan.services.clock import FixedClock
from careerplan.services.explore import choose_dream_job, set_current_occupation
from careerplan.services.proposal import propose_plan
from careerplan.services.vision import init_plan
from careerplan.services.workspace import open_workspace

CLOCK = FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--show-misses", action="store_true", help="Print goals not all SMART.")
    args = parser.parse_args(argv)
    codes = sorted(open_catalog().occupations)
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp())
    workspace = open_workspace(
        Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'bench.sqlite3'}")
    )
    with workspace.unit() as uow:
        init_plan(
            uow, CLOCK, name="Bench", current_job_title="", hours_per_week=5,
            dream_job_title="Dream job", vision_fields={"target_date": date(2029, 11, 30)},
        )  # fmt: skip
    timings: list[float] = []
    baseline: list[float] = []
    cold = 0.0
    letters: Counter[str] = Counter()
    too_soon = 0
    goals = 0
    for index in range(args.pairs):
        current, dream = rng.sample(codes, 2)
        with workspace.unit() as uow:
            set_current_occupation(uow, current)
            choose_dream_job(uow, CLOCK, dream)
        started = time.perf_counter()
        with workspace.unit() as uow:
            result = propose_plan(uow, CLOCK)
        elapsed = (time.perf_counter() - started) * 1000
        if index == 0:
            cold = elapsed
        else:
            timings.append(elapsed)
        started = time.perf_counter()
        requirements(dream, current)
        baseline.append((time.perf_counter() - started) * 1000)
        too_soon += result.proposal.realistic_date is not None
        for item in result.items:
            goals += 1
            letters[item.report.letters] += 1
            if args.show_misses and item.report.letters != "SMART":
                print(f"{current} -> {dream}: {item.report.letters} {item.goal.text}")
    workspace.close()
    smart = letters["SMART"]
    print(f"| measure | value ({args.pairs} random pairs, seed {args.seed}) |")
    print("|---|---|")
    print(f"| propose, first (cold) call | {cold:.0f} ms |")
    print(f"| propose p50 / p95 / max (warm) | {statistics.median(timings):.1f} / "
          f"{percentile(timings, 0.95):.1f} / {max(timings):.1f} ms |")  # fmt: skip
    print(
        f"| baseline: `requirements()` for the pair, p50 | {statistics.median(baseline):.1f} ms |"
    )
    ratio = percentile(timings, 0.95) / statistics.median(baseline)
    print(f"| propose p95 ÷ baseline p50 | {ratio:.1f}× |")
    print(f"| proposed goals | {goals} ({goals / args.pairs:.1f} a plan) |")
    print(f"| all five letters pass | {smart / goals:.1%} ({smart}/{goals}) |")
    others = ", ".join(f"{key} {count}" for key, count in letters.most_common() if key != "SMART")
    print(f"| other letter patterns | {others or 'none'} |")
    print(f"| target date too soon (realistic date given) | {too_soon}/{args.pairs} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
