"""Speed of the S.M.A.R.T. analyser against `dateparser.search_dates` on the same goals.

    python bench/smart_speed.py [FILE ...] [--rounds N] [--clock wall|cpu]

Runs every goal of the given labelled JSONL files (default: the development set and the
held-out set) `--rounds` times through each, in the same process, and prints goals per
second and p50/p99 latency per goal (each goal's median over the rounds), with the
analyser-to-baseline ratio. The baseline only finds dates; the analyser does all five checks,
the RRULE and the rewrite. The last rows time one text of growing length, to show the cost is
linear in the length and stops growing at the cap on analysed characters.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from careerplan.domain.smart import analyse

DEFAULTS = [Path("../shared/smart/smart_dev.jsonl"), Path("bench/data/smart_holdout.jsonl")]


CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = time.perf_counter


def _timings(
    goals: list[tuple[str, str | None, date]], call: Callable[..., object], rounds: int
) -> list[float]:
    out: list[float] = []
    # As timeit does: no garbage collection pauses inside the timed calls.
    gc.collect()
    gc.disable()
    try:
        _run(goals, call, rounds, out)
    finally:
        gc.enable()
    return out


def _run(
    goals: list[tuple[str, str | None, date]],
    call: Callable[..., object],
    rounds: int,
    out: list[float],
) -> None:
    for _ in range(rounds):
        for text, parent, today in goals:
            start = _clock()
            call(text, parent, today)
            out.append(_clock() - start)


def _row(name: str, timings: list[float], goals: int) -> tuple[str, float, float, float]:
    """Throughput over all calls; p50/p99 over goals of each goal's median latency across
    rounds, so a pause of the machine in one round does not count as the goal's latency."""
    per_goal = [statistics.median(timings[i::goals]) for i in range(goals)]
    ordered = sorted(per_goal)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return name, len(timings) / sum(timings), statistics.median(ordered) * 1000, p99 * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULTS)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="wall",
        help="wall time, or this process's CPU time (steadier on a busy shared machine)",
    )
    args = parser.parse_args(argv)
    global _clock
    _clock = CLOCKS[args.clock]
    goals: list[tuple[str, str | None, date]] = []
    for path in args.files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                goals.append(
                    (row["text"], row.get("parent_goal"), date.fromisoformat(row["reference_date"]))
                )

    def ours(text: str, parent: str | None, today: date) -> object:
        return analyse(text, parent, today=today)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.search import search_dates

        def baseline(text: str, parent: str | None, today: date) -> object:
            base = datetime(today.year, today.month, today.day)
            return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})

        baseline(goals[0][0], None, goals[0][2])  # load its data before timing
        ours(goals[0][0], None, goals[0][2])
        rows = [
            _row("careerplan analyse (5 checks)", _timings(goals, ours, args.rounds), len(goals)),
            _row(
                "dateparser.search_dates (dates only)",
                _timings(goals, baseline, args.rounds),
                len(goals),
            ),
        ]
    # Time against length: mixed goal sentences repeated to 250 .. 10,000 characters. Past the
    # cap on analysed characters (1,000) the cost stops growing.
    mixed = " ".join(text for text, _, _ in goals)
    scaling = [
        _row(
            f"careerplan, {size:,}-character text",
            _timings(
                [(mixed[:size], "Become a senior backend engineer", date(2026, 11, 25))], ours, 20
            ),
            1,
        )
        for size in (250, 500, 1000, 2000, 10_000)
    ]
    print(f"{len(goals)} goals × {args.rounds} rounds, {args.clock} clock")
    print("| run | goals/s | p50 ms | p99 ms |")
    print("|---|---|---|---|")
    for name, rate, p50, p99 in [*rows, *scaling]:
        print(f"| {name} | {rate:,.0f} | {p50:.2f} | {p99:.2f} |")
    print(f"\nthroughput ratio (analyser / dateparser): {rows[0][1] / rows[1][1]:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
