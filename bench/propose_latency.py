"""Wall time of `careerplan plan propose` from the shell, on the README's plan.

The plan is Ana's from the README (a product manager whose dream job is COO of a high-tech
startup: init, `explore choose 11-1011.00`, `explore current 11-2021.00`) in a fresh SQLite data
folder. Each command runs as a fresh process, as a person would run it, interleaved with
`python -c pass` and `careerplan --help` in the same loop so the ratios cancel out how busy the
machine is. Prints a Markdown table.

    python bench/propose_latency.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

from cli_latency import sample

TARGET_P95_MS = 400.0
README_PLAN = [
    [
        "init", "--name", "Ana", "--current-job", "Product manager", "--hours", "5",
        "--education", "bachelor's", "--education-field", "Business",
        "--dream-job", "COO of a high-tech startup", "--target-date", "2031-11-30",
    ],
    ["explore", "choose", "11-1011.00"],
    ["explore", "current", "11-2021.00"],
]  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    careerplan = [sys.executable, "-m", "careerplan"]
    commands = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "--help": [*careerplan, "--help"],
        "plan propose": [*careerplan, "plan", "propose"],
        "plan propose --json": [*careerplan, "plan", "propose", "--json"],
    }
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, CAREERPLAN_DATA_DIR=folder, COLUMNS="120")
        env.pop("CAREERPLAN_DATABASE_URL", None)
        for step in README_PLAN:
            subprocess.run([*careerplan, *step], env=env, stdout=subprocess.DEVNULL, check=True)
        samples = sample(commands, env, args.runs)
    baseline = statistics.median(samples["python -c pass (baseline)"])
    print(f"README plan (product manager to COO), SQLite, {args.runs} runs each\n")
    print("| command | median ms | p95 ms | max ms | × baseline (median) | target |")
    print("|---|---:|---:|---:|---:|---|")
    for name, values in samples.items():
        median, p95 = statistics.median(values), percentile(values, 0.95)
        verdict = ""
        if name.startswith("plan propose"):
            verdict = f"p95 < {TARGET_P95_MS:.0f} ms: {'met' if p95 < TARGET_P95_MS else 'MISSED'}"
        print(
            f"| {name} | {median:.0f} | {p95:.0f} | {max(values):.0f} | "
            f"{median / baseline:.1f} | {verdict} |"
        )


if __name__ == "__main__":
    main()
