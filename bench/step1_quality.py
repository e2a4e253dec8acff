"""Step 1 on people it was not tuned on: interest matches and bridges against counsellors' lists.

    python bench/step1_quality.py dev        (bench/data/personas_dev.jsonl, bridges_dev.jsonl)
    python bench/step1_quality.py holdout    (the blind hold-out: run once before, once after)
    ... [--show]                             (each case's hits and top 10)

Each persona (60 Interest Profiler answers, a childhood memory, current passions, current job)
gets `recommend` as the pages call it: the answers, the memory and passions as the reflection,
the current occupation when the persona names one, and their highest education. A persona passes
with at least 3 of the top 10 on the counsellor's shortlist. Each bridge case (a current
occupation and a field in a person's words) hits when the top 10 holds an occupation the
counsellor accepts. The sets were written by people who saw neither the code nor its output.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from careerplan.catalog import bridges, open_catalog, recommend
from careerplan.domain.education import Education
from careerplan.domain.errors import DomainRefusal, InvalidInput

DATA = Path(__file__).parent / "data"
SETS = {"dev": "dev", "holdout": "holdout"}
TARGET_PERSONAS, TARGET_BRIDGES = 0.8, 0.8
# The cases' words for education, as the profile records them.
EDUCATION = {
    "less than high school": Education.NONE, "doctoral": Education.DOCTORAL,
    **{level.value: level for level in Education},
}  # fmt: skip


def load(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


def persona_hits(case: dict[str, Any], show: bool) -> int:
    catalog = open_catalog()
    current = (case.get("current_job") or {}).get("code")
    if current not in catalog.occupations:
        current = None
    reflection = " ".join(p for p in (case.get("memory"), case.get("passions")) if p)
    education = EDUCATION.get(case.get("education") or "")
    result = recommend(
        case["answers"], reflection or None, current, None, 10, catalog, education=education
    )
    shortlist = set(case["shortlist"])
    hits = sum(match.code in shortlist for match in result.matches)
    if show:
        top = "; ".join(f"{'*' if m.code in shortlist else ''}{m.title}" for m in result.matches)
        print(f"- {case['id']}: {hits}/10 ({result.profile.code()}) {top}")
    return hits


def bridge_hit(case: dict[str, Any], show: bool) -> bool:
    try:
        found = bridges(case["from"], case["field"], 10)
    except (DomainRefusal, InvalidInput) as refused:
        if show:
            print(f"- {case['id']}: refused ({refused})")
        return False
    acceptable = set(case["acceptable"])
    hit = any(item.code in acceptable for item in found)
    if show:
        top = "; ".join(f"{'*' if b.code in acceptable else ''}{b.title}" for b in found)
        print(f"- {case['id']} ({case['field']}): {'hit' if hit else 'miss'} {top}")
    return hit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("set", choices=sorted(SETS))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    suffix = SETS[args.set]
    personas = load(f"personas_{suffix}.jsonl")
    cases = load(f"bridges_{suffix}.jsonl")
    hits = [persona_hits(case, args.show) for case in personas]
    passed = sum(h >= 3 for h in hits)
    bridged = sum(bridge_hit(case, args.show) for case in cases)
    share, rate = passed / len(personas), bridged / len(cases)
    print(f"\n| {args.set} | value | target |")
    print("|---|---:|---|")
    verdict = "met" if share >= TARGET_PERSONAS else "not met"
    print(
        f"| personas with at least 3 of the top 10 on the shortlist | {passed}/{len(personas)} "
        f"({share:.0%}) | ≥ {TARGET_PERSONAS:.0%}: {verdict} |"
    )
    print(f"| mean shortlist hits in the top 10 | {sum(hits) / len(hits):.1f} | |")
    print(
        f"| bridges hit@10 | {bridged}/{len(cases)} ({rate:.2f}) | ≥ {TARGET_BRIDGES}: "
        f"{'met' if rate >= TARGET_BRIDGES else 'not met'} |"
    )


if __name__ == "__main__":
    main()
