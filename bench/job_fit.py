"""How well `jobs fit` tells a résumé that meets a posting from one that does not.

    python bench/job_fit.py

On the 200 development rows of RJDB (`../shared/data/skills_dev/rjdb_dev_rows_0_199.jsonl`; the
other rows are held out and never read): each generated job posting has a résumé made to match
it and a copy from which skills and years of experience were removed (`Filtered-information`).
Reported:
- the share of postings where the matched résumé scores higher than the unmatched one (target
  at least 0.92; plain TF-IDF cosine between the texts gets about 0.87);
- the share of removed skills that `missing` names for the unmatched résumé (target at least
  0.75), and for the matched one (target at most 0.1);
- postings scored a second, in one process.
Prints a Markdown table.
"""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

from careerplan.catalog import open_catalog
from careerplan.catalog.job_fit import fit

ROWS = Path(__file__).resolve().parents[2] / "shared/data/skills_dev/rjdb_dev_rows_0_199.jsonl"
TODAY = date(2026, 12, 1)  # the résumés' "present"; fixed so that the figures do not drift


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9+#]+", text.lower()))


def named(skill: str, missing: list[str]) -> bool:
    """Whether one item of `missing` uses every word of the skill."""
    return any(words(skill) <= words(item) for item in missing)


def main() -> None:
    if not ROWS.is_file():
        raise SystemExit(f"error: {ROWS} is missing; the development data sits beside the project.")
    catalog = open_catalog()
    rows = [json.loads(line) for line in ROWS.read_text(encoding="utf-8").splitlines() if line]
    higher = removed = named_unmatched = named_matched = 0
    start = time.perf_counter()
    for row in rows:
        matched = fit(row["Job-Description"], row["Resume-matched"], TODAY, catalog)
        unmatched = fit(row["Job-Description"], row["Resume-unmatched"], TODAY, catalog)
        higher += matched.qualified > unmatched.qualified
        for skill in row["Filtered-information"].get("Skills", []):
            removed += 1
            named_unmatched += named(skill, unmatched.missing)
            named_matched += named(skill, matched.missing)
    per_second = 2 * len(rows) / (time.perf_counter() - start)
    print("| measure (200 RJDB development rows) | result | target |")
    print("|---|---:|---:|")
    print(f"| matched résumé scores higher | {higher / len(rows):.2f} | ≥ 0.92 |")
    unmatched_share = named_unmatched / removed
    print(f"| removed skills named in `missing`, unmatched | {unmatched_share:.2f} | ≥ 0.75 |")
    print(
        f"| removed skills named in `missing`, matched | {named_matched / removed:.2f} | ≤ 0.10 |"
    )
    print(f"| postings scored a second | {per_second:.0f} | ≥ 100 |")


if __name__ == "__main__":
    main()
