"""Catalogue speed and memory against the targets of the catalogue issue.

    python bench/catalog_speed.py

Opens the shipped file, then times title search (messy titles), matches (random answers) and
paths with 3 alternatives (random connected pairs). Each figure is measured warm (after the
first call loaded what it needs); the cold first calls are shown separately.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from careerplan.catalog import Catalog, career_paths, recommend, search_titles
from careerplan.catalog.store import shipped_path
from careerplan.domain.errors import DomainRefusal

DATA = Path(__file__).parent / "data"
RUNS = 200


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


WORKLOAD = """
import resource, sys, tracemalloc
if sys.argv[1] == "heap":
    tracemalloc.start()
import careerplan.catalog as c
for title in {titles!r}:
    c.search_titles(title)
c.profile("15-1252.00")
c.recommend([3, 4, 5, 1, 2, 3] * 10, reflection="pickup basketball", current="41-2031.00")
c.bridges("41-4012.00", "healthcare")
for pair in {pairs!r}:
    c.career_paths(*pair, 3)
c.requirements("29-1141.00", "31-1131.00")
if sys.argv[1] == "heap":
    print(tracemalloc.get_traced_memory()[1] / 1e6)
else:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def process_peak(pairs: list[tuple[str, str]], titles: list[str]) -> tuple[float, float]:
    """Peak Python heap and peak resident size (MB) of a fresh process that uses every feature
    once (traced apart from the timings, because tracing slows Python several times over)."""
    script = WORKLOAD.format(titles=titles, pairs=pairs)
    figures = [
        subprocess.run(
            [sys.executable, "-c", script, measure], capture_output=True, text=True, check=True
        ).stdout
        for measure in ("heap", "rss")
    ]
    return float(figures[0]), float(figures[1])


def baseline() -> float:
    """A fixed pure-Python loop: how fast this machine is right now (other load slows it)."""
    return min(timed(lambda: sum(i * i for i in range(200_000))) for _ in range(5))


# Words a reflection might use, sampled twelve at a time (a sentence or two).
REFLECTION_TEXT = """I loved fixing bikes and building forts with my brother now I coach a soccer
team bake bread care for my grandmother draw comics solve puzzles repair old radios hike in the
mountains volunteer at the animal shelter write short stories sell crafts at the market organise
the neighbourhood festival and keep the club's accounts"""
REFLECTION_WORDS = REFLECTION_TEXT.split()


def main() -> int:
    calm = baseline()
    rng = random.Random(20261125)
    opens = [timed(lambda: Catalog(shipped_path())) for _ in range(20)]
    catalog = Catalog(shipped_path())
    titles = [
        json.loads(line)["title"] for line in (DATA / "messy_titles.jsonl").read_text().splitlines()
    ]
    cold_search = timed(lambda: search_titles(titles[0], catalog=catalog))
    searches = [timed(partial(search_titles, t, catalog=catalog)) for t in titles * 3]

    def match() -> None:
        answers = [rng.randint(1, 5) for _ in range(60)]
        recommend(answers, job_zone=rng.choice([None, 2, 3, 4]), catalog=catalog)

    matching = [timed(match) for _ in range(RUNS)]
    codes_now = sorted(catalog.occupations)

    def match_words() -> None:
        # The answers with a reflection (read for meaning) and a current job (its skills).
        answers = [rng.randint(1, 5) for _ in range(60)]
        words = " ".join(rng.sample(REFLECTION_WORDS, 12))
        recommend(answers, words, rng.choice(codes_now), catalog=catalog)

    with_words = [timed(match_words) for _ in range(RUNS)]
    codes = sorted(o.code for o in catalog.occupations.values() if catalog.ratings(o))
    pairs: list[tuple[str, str]] = []
    while len(pairs) < 100:
        pair = (rng.choice(codes), rng.choice(codes))
        try:
            career_paths(*pair, 1, catalog)
        except DomainRefusal:
            continue
        pairs.append(pair)
    fresh = Catalog(shipped_path())
    cold_path = timed(lambda: career_paths(*pairs[0], 3, fresh))
    paths = [timed(partial(career_paths, a, b, 3, catalog)) for a, b in pairs]
    heap, rss = process_peak(pairs[:10], titles[:20])
    size = shipped_path().stat().st_size / 1_000_000

    rows = [
        ("catalogue open", f"{statistics.median(opens):.1f} ms (max {max(opens):.1f})", "< 50 ms",
         max(opens) < 50),
        ("title search p50 / p95", f"{statistics.median(searches):.1f} / "
         f"{percentile(searches, 0.95):.1f} ms", "p95 < 10 ms", percentile(searches, 0.95) < 10),
        ("title search, first call", f"{cold_search:.1f} ms", "—", True),
        ("matches p50 / p95", f"{statistics.median(matching):.1f} / "
         f"{percentile(matching, 0.95):.1f} ms", "p95 < 20 ms", percentile(matching, 0.95) < 20),
        ("matches with a reflection and a current job p50 / p95",
         f"{statistics.median(with_words):.1f} / {percentile(with_words, 0.95):.1f} ms",
         "p95 < 50 ms", percentile(with_words, 0.95) < 50),
        ("path, 3 alternatives p50 / p95", f"{statistics.median(paths):.1f} / "
         f"{percentile(paths, 0.95):.1f} ms", "p95 < 50 ms", percentile(paths, 0.95) < 50),
        ("path, first call (loads ratings)", f"{cold_path:.1f} ms", "—", True),
        ("peak memory, a process using every feature (heap / RSS)",
         f"{heap:.0f} MB / {rss:.0f} MB", "< 150 MB", rss < 150),
        ("shipped file", f"{size:.1f} MB", "—", True),
        ("baseline loop, before / after (machine load)", f"{calm:.1f} / {baseline():.1f} ms "
         f"(load {os.getloadavg()[0]:.1f})", "—", True),
    ]  # fmt: skip
    print(f"| measure ({len(searches)} searches, {RUNS} matches, {len(paths)} paths) "
          "| result | target | met |")  # fmt: skip
    print("|---|---:|---:|:---:|")
    for name, value, target, met in rows:
        print(f"| {name} | {value} | {target} | {'yes' if met else 'NO'} |")
    return 0 if all(met for *_, met in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
