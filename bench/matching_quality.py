"""Matching, bridge and path quality against a counsellor's labels.

    python bench/matching_quality.py

Personas (bench/data/personas.jsonl): how many of the top 10 matches are on the counsellor's
shortlist (target: at least 3), next to what a random pick would score. Transitions
(bench/data/transitions.jsonl): whether a bridge's top 10, or the best path's second step, holds
an occupation the counsellor accepts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from careerplan.catalog import bridges, career_paths, open_catalog, recommend

DATA = Path(__file__).parent / "data"


def personas() -> bool:
    catalog = open_catalog()
    print("| persona | input | job zone | on shortlist (top 10) | random pick would get |")
    print("|---|---|---:|---:|---:|")
    passed = True
    for line in (DATA / "personas.jsonl").read_text().splitlines():
        case = json.loads(line)
        result = recommend(case["answers"], case["reflection"], None, case["job_zone"], 10, catalog)
        shortlist = set(case["shortlist"])
        hits = sum(m.code in shortlist for m in result.matches)
        pool = [
            o.code
            for o in catalog.occupations.values()
            if o.riasec and (case["job_zone"] is None or o.job_zone == case["job_zone"])
        ]
        chance = 10 * len(shortlist & set(pool)) / len(pool)
        source = "answers" if case["answers"] else "reflection"
        zone = case["job_zone"] or "any"
        print(f"| {case['name']} | {source} | {zone} | {hits}/10 | {chance:.1f}/10 |")
        passed &= hits >= 3
    return passed


def transitions() -> bool:
    print("\n| transition | acceptable in | result |")
    print("|---|---|---|")
    hits = total = 0
    for line in (DATA / "transitions.jsonl").read_text().splitlines():
        case = json.loads(line)
        acceptable = set(case["acceptable"])
        total += 1
        if case["kind"] == "bridge":
            found = [b.code for b in bridges(case["from"], case["field"], 10)]
            good = [c for c in found if c in acceptable]
            label = f"bridge {case['from']} → {case['field']}"
            where = "top 10"
        else:
            (best,) = career_paths(case["from"], case["to"], 1)
            found = [s.code for s in best.steps]
            good = [c for c in found[1:2] if c in acceptable]
            label = f"path {case['from']} → {case['to']} ({len(found) - 1} steps)"
            where = "first step"
        hits += bool(good)
        outcome = f"hit {good[0]}" if good else "miss: " + ", ".join(found[:3])
        print(f"| {label} | {where} | {outcome} |")
    print(f"\nTransitions accepted: {hits}/{total}")
    return hits >= total * 0.8


def main() -> int:
    ok = personas()
    ok &= transitions()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
