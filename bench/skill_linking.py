"""How well `skills link` finds the ESCO skills a line of a job posting asks for.

    python bench/skill_linking.py

On the validation splits of the skill-extraction benchmark of Decorte et al. (2023), TECH and
HOUSE (`../shared/data/skills_dev/`; the test splits are held out and never read): each sentence
of a posting with the ESCO skill labels annotators linked. RP@k = the gold labels among the top k
/ min(k, number of gold labels), averaged over the sentences that have at least one label, in
percent. Each signal of the linker is also measured alone, and the linker's speed per sentence.
Prints a Markdown table.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from careerplan.catalog import open_catalog
from careerplan.catalog.skill_links import SkillLink, link_skills
from careerplan.catalog.store import Catalog

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "skills_dev"
NO_SKILL = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
SPLITS = {"TECH": "decorte_tech_validation.csv", "HOUSE": "decorte_house_validation.csv"}
links_module = sys.modules["careerplan.catalog.skill_links"]


def gold(name: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["label"] not in NO_SKILL:
                found[row["sentence"]].add(row["label"])
    return found


def rp(linker: Callable[[str], list[SkillLink]], cases: dict[str, set[str]]) -> tuple[float, ...]:
    at5 = at10 = 0.0
    for sentence, labels in cases.items():
        top = [link.label for link in linker(sentence)]
        at5 += len(set(top[:5]) & labels) / min(5, len(labels))
        at10 += len(set(top[:10]) & labels) / min(10, len(labels))
    return 100 * at5 / len(cases), 100 * at10 / len(cases)


def _silent(*_: object) -> dict[int, float]:
    return {}


def _silent_set(*_: object) -> set[int]:
    return set()


def only(signal: str, catalog: Catalog) -> Callable[[str], list[SkillLink]]:
    """The linker with every signal but `signal` silenced."""
    signals = ("_bm25", "_cosine", "_grams", "_named")

    def link(text: str) -> list[SkillLink]:
        kept = {name: getattr(links_module, name) for name in signals}
        try:
            for name in signals:
                if name != signal:
                    setattr(links_module, name, _silent_set if name == "_named" else _silent)
            return link_skills(text, 10, catalog)
        finally:
            for name, function in kept.items():
                setattr(links_module, name, function)

    return link


def main() -> None:
    if not DATA.is_dir():
        raise SystemExit(f"error: {DATA} is missing; the development data sits beside the project.")
    catalog = open_catalog()
    splits = {name: gold(file) for name, file in SPLITS.items()}
    linkers: dict[str, Callable[[str], list[SkillLink]]] = {
        "named labels alone": only("_named", catalog),
        "BM25 alone": only("_bm25", catalog),
        "word TF-IDF cosine alone": only("_cosine", catalog),
        "character n-grams of the label alone": only("_grams", catalog),
        "the linker (all four)": lambda text: link_skills(text, 10, catalog),
    }
    print("| linker | TECH RP@5 | TECH RP@10 | HOUSE RP@5 | HOUSE RP@10 |")
    print("|---|---:|---:|---:|---:|")
    for name, linker in linkers.items():
        figures = [f for cases in splits.values() for f in rp(linker, cases)]
        print(f"| {name} | " + " | ".join(f"{f:.1f}" for f in figures) + " |", flush=True)
    sentences = [s for cases in splits.values() for s in cases]
    start = time.perf_counter()
    for sentence in sentences:
        link_skills(sentence, 10, catalog)
    each = (time.perf_counter() - start) / len(sentences)
    print(f"\n{len(sentences)} sentences, {1000 * each:.1f} ms each on average.")


if __name__ == "__main__":
    main()
