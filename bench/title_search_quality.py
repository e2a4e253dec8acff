"""Title search quality on messy titles that are not verbatim in O*NET's title lists.

    python bench/title_search_quality.py [--show-misses] [TITLES.jsonl]

Prints top-1 and top-5 accuracy (target: top-5 at least 90%). The default set is the one the
search was developed against; `bench/data/messy_titles_holdout.jsonl` was written afterwards
and only measured.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from careerplan.catalog import open_catalog, search_titles
from careerplan.catalog.search import words

DATA = Path(__file__).parent / "data" / "messy_titles.jsonl"


def main() -> int:
    catalog = open_catalog()
    verbatim = {norm for (norm,) in catalog.query("SELECT norm FROM title")}
    files = [Path(a) for a in sys.argv[1:] if not a.startswith("--")] or [DATA]
    cases = [json.loads(line) for line in files[0].read_text().splitlines() if line.strip()]
    top1 = top5 = 0
    misses: list[str] = []
    for case in cases:
        if " ".join(words(case["title"])) in verbatim:
            raise SystemExit(f"'{case['title']}' is verbatim in O*NET's titles; make it messier.")
        codes = [hit.code for hit in search_titles(case["title"], limit=5, catalog=catalog)]
        top1 += bool(codes) and codes[0] in case["codes"]
        found = any(code in case["codes"] for code in codes)
        top5 += found
        if not found:
            misses.append(f"  {case['title']!r}: got {codes[:3]}, want {case['codes']}")
    n = len(cases)
    print("| titles | top-1 | top-5 | target top-5 |")
    print("|---:|---:|---:|---:|")
    print(f"| {n} | {top1 / n:.1%} | {top5 / n:.1%} | ≥ 90% |")
    if "--show-misses" in sys.argv and misses:
        print("\nMisses:\n" + "\n".join(misses))
    return 0 if top5 / n >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
