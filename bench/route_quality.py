"""Routes to a dream job against a counsellor's labels (bench/data/routes_*.jsonl).

    python bench/route_quality.py [dev|holdout] [--cases N] [--show]

Each case is a person (current occupation, highest education and its field, hours a week) and a
dream occupation. The plan is made as a person would make it, through the command line on a
fresh database (`init`, `explore current`, `explore choose`, `plan propose --json`, `explore path
--json`), on a fixed day. What is read, and the figures printed:

- gates named: the share of the required gates (programme, exam, licence, experience...) that the
  proposal and its route name, by any of the names the counsellor accepts;
- forbidden: how many of the things that must not appear (irrelevant software, wrong licences,
  unrelated jobs) the proposal does contain (target 0);
- clean paths: the share of best career paths with no stepping stone the counsellor rules out
  (management on the way to a non-management job, say) and none needing more preparation or
  education than the dream job itself;
- stepping stones: the share of cases with sensible stepping stones where the path or the
  proposal names one of them.

The hold-out set is blind: run it once before work on routes and once after, and report both.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
TODAY = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
# The education ladder as the BLS names it, lowest first (for "needs more than the target").
EDUCATION_ORDER = (
    "no formal educational credential",
    "high school diploma or equivalent",
    "some college, no degree",
    "postsecondary nondegree award",
    "associate's degree",
    "bachelor's degree",
    "master's degree",
    "doctoral or professional degree",
)


@dataclass
class Outcome:
    case: dict[str, Any]
    named: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    bad_hops: list[str] = field(default_factory=list)
    stone_hit: bool | None = None
    path: list[str] = field(default_factory=list)
    problem: str = ""


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# careerplan writes British English and the counsellors' labels American: the same words.
SPELLINGS = {
    "licence": "license", "programme": "program", "centre": "center",
    "counselling": "counseling", "counsellor": "counselor", "organisation": "organization",
    "labour": "labor", "practise": "practice",
}  # fmt: skip


def _spelled(text: str) -> str:
    text = text.lower()
    for british, american in SPELLINGS.items():
        text = text.replace(british, american)
    return text


def mentions(text: str, phrase: str) -> bool:
    """Whether `phrase` stands in `text` as words of its own (case and spelling do not matter)."""
    pattern = r"(?<![A-Za-z0-9])" + re.escape(_spelled(phrase)) + r"(?![A-Za-z0-9])"
    return re.search(pattern, _spelled(text)) is not None


class Runner:
    """The command line in this process, on a fresh plan per case and the fixed day."""

    def __init__(self, folder: Path) -> None:
        from typer.testing import CliRunner

        from careerplan.cli import context
        from careerplan.cli.main import app
        from careerplan.services.clock import FixedClock

        self.folder, self.app, self.context = folder, app, context
        self.runner = CliRunner()
        context.use_clock(FixedClock(TODAY))
        help_text = self.run("init", "--help").get("text", "")
        self.knows_education = "--education" in help_text

    def run(self, *args: str) -> dict[str, Any]:
        self.context.reset()
        result = self.runner.invoke(self.app, list(args))
        out = result.stdout
        if "--json" in args and result.exit_code == 0:
            parsed = json.loads(out)
            return parsed if isinstance(parsed, dict) else {"items": parsed}
        return {"text": out, "exit": result.exit_code, "error": result.stderr}

    def plan(self, case: dict[str, Any], number: int) -> tuple[str, list[str], str]:
        """The proposal's text (and its route's), the best path's codes, and any refusal."""
        os.environ["CAREERPLAN_DATA_DIR"] = str(self.folder / f"case-{number}")
        init = [
            "init", "--name", "Sam", "--dream-job", case["to"]["title"],
            "--current-job", case["from"]["title"], "--hours", str(case["hours_per_week"]),
            "--target-date", "+5y",
        ]  # fmt: skip
        if self.knows_education:
            init += ["--education", case["education"]["level"]]
            if case["education"]["field"]:
                init += ["--education-field", case["education"]["field"]]
        for args in (init, ["explore", "current", case["from"]["code"]],
                     ["explore", "choose", case["to"]["code"]]):  # fmt: skip
            done = self.run(*args)
            if done.get("exit"):
                return "", [], f"{' '.join(args[:2])}: {done.get('error', '').strip()}"
        proposal = self.run("plan", "propose", "--json")
        text = "\n".join(_strings(proposal)) if "exit" not in proposal else ""
        problem = "" if text else f"plan propose: {proposal.get('error', '').strip()[:200]}"
        paths = self.run(
            "explore", "path", "--from", case["from"]["code"], "--to", case["to"]["code"], "--json"
        )
        found = paths.get("paths") or paths.get("items") or []
        steps = [step["code"] for step in found[0]["steps"]] if found else []
        return text, steps, problem


def _over_qualified(code: str, target: str) -> bool:
    """Whether a stepping stone asks more preparation or education than the dream job."""
    from careerplan.catalog import open_catalog, profile

    catalog = open_catalog()
    step, goal = catalog.occupations.get(code), catalog.occupations.get(target)
    if step is None or goal is None:
        return False
    if step.job_zone and goal.job_zone and step.job_zone > goal.job_zone:
        return True
    ranks = {name: rank for rank, name in enumerate(EDUCATION_ORDER)}
    step_rank = ranks.get((profile(code, catalog).education or "").lower())
    goal_rank = ranks.get((profile(target, catalog).education or "").lower())
    return step_rank is not None and goal_rank is not None and step_rank > goal_rank


def score(case: dict[str, Any], text: str, path: list[str]) -> Outcome:
    outcome = Outcome(case, path=path)
    for gate in case["required"]:
        names = gate["any_of"]
        label = f"{gate['kind']}: {names[0]}"
        (outcome.named if any(mentions(text, n) for n in names) else outcome.missing).append(label)
    outcome.forbidden = [phrase for phrase in case["forbidden"] if mentions(text, phrase)]
    for code in path[1:-1]:
        if any(code.startswith(prefix) for prefix in case["forbidden_hops"]):
            outcome.bad_hops.append(f"{code} (ruled out)")
        elif _over_qualified(code, case["to"]["code"]):
            outcome.bad_hops.append(f"{code} (needs more than the target)")
    stones = case["stepping_stones"]
    if stones:
        from careerplan.catalog import open_catalog

        titles = {c: open_catalog().occupations[c].title for c in stones}
        outcome.stone_hit = any(c in path[1:-1] for c in stones) or any(
            mentions(text, titles[c]) or c in text for c in stones
        )
    return outcome


def summary(outcomes: list[Outcome]) -> dict[str, str]:
    gates = sum(len(o.named) + len(o.missing) for o in outcomes)
    named = sum(len(o.named) for o in outcomes)
    forbidden = sum(len(o.forbidden) for o in outcomes)
    with_path = [o for o in outcomes if o.path]
    clean = sum(not o.bad_hops for o in with_path)
    stones = [o for o in outcomes if o.stone_hit is not None]
    hits = sum(bool(o.stone_hit) for o in stones)
    failed = sum(bool(o.problem) for o in outcomes)
    return {
        "cases": f"{len(outcomes)}",
        "gates named": f"{named}/{gates} ({100 * named / max(gates, 1):.0f}%)",
        "forbidden items proposed": f"{forbidden}",
        "clean paths": f"{clean}/{len(with_path)} ({100 * clean / max(len(with_path), 1):.0f}%)",
        "stepping-stone hits": f"{hits}/{len(stones)} ({100 * hits / max(len(stones), 1):.0f}%)",
        "no plan (refused)": f"{failed}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=["dev", "holdout"], nargs="?", default="dev")
    parser.add_argument("--cases", type=int, default=0, help="only the first N cases")
    parser.add_argument("--show", action="store_true", help="print each case's misses")
    args = parser.parse_args()
    cases = [
        json.loads(line)
        for line in (DATA / f"routes_{args.split}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if args.cases:
        cases = cases[: args.cases]
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        runner = Runner(Path(folder))
        for number, case in enumerate(cases):
            text, path, problem = runner.plan(case, number)
            outcome = score(case, text, path)
            outcome.problem = problem
            outcomes.append(outcome)
    if args.show:
        for o in outcomes:
            print(f"- {o.case['id']}: missing {o.missing or '-'}; forbidden {o.forbidden or '-'}; "
                  f"hops {o.bad_hops or '-'}; stone {o.stone_hit}; path {' > '.join(o.path)}"
                  f"{'; ' + o.problem if o.problem else ''}")  # fmt: skip
    print(f"\n| routes_{args.split} | |\n|---|---:|")
    for name, value in summary(outcomes).items():
        print(f"| {name} | {value} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
