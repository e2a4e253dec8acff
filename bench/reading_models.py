"""Which model reads a person's words best: BM25, TF-IDF, or latent semantic analysis (LSA).

    python bench/reading_models.py          (the development personas only; never the hold-out)

Every model reads the same documents (the catalogue's `meaning_fts`: titles, tasks, detailed
work activities, ESCO descriptions) with the same tokens and the same words of the person (their
childhood memory and passions, negated clauses and generic words left out). Two measures per
model, on bench/data/personas_dev.jsonl:

- words alone: the mean number of the counsellor's shortlist among the 10 occupations the words
  describe best, with no quiz, education or current job;
- step 1: personas with at least 3 of the top 10 matches on the shortlist, and the mean, when
  `recommend` uses that model (quiz, words, education and current job, as the pages call it).

Prints a Markdown table. Needs numpy (a test dependency) for the models the catalogue does not
ship.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from careerplan.catalog import open_catalog
from careerplan.catalog.meaning import (
    GENERIC,
    POOL,
    Meaning,
    read_meaning,
    spoken_words,
    stems,
)
from careerplan.catalog.store import Catalog, shipped_path
from catalog_reading_model import latent, occupation_counts, tf_idf
from step1_quality import load, persona_hits

Reader = Callable[[str, Catalog], Meaning]
recommend_module = sys.modules["careerplan.catalog.recommend"]


def bm25(text: str, catalog: Catalog) -> Meaning:
    """The reader before the semantic model: BM25 over the FTS5 index, titles weighted 3, with
    two words side by side in one clause also asked for as a phrase."""
    said = spoken_words(text)
    words = list(dict.fromkeys(s.word for s in said))
    if not words:
        return Meaning()
    pairs = [
        f"{a.word} {b.word}"
        for a, b in pairwise(said)
        if a.clause == b.clause and f"{a.word} {b.word}" in a.clause.lower()
    ]
    query = " OR ".join(f'"{term}"' for term in [*words, *dict.fromkeys(pairs)])
    rows = catalog.query(
        "SELECT rowid, bm25(meaning_fts, 3.0, 1.0) FROM meaning_fts WHERE meaning_fts MATCH ? "
        "ORDER BY 2 LIMIT ?",
        (query, 2 * POOL),
    )
    rows = [r for r in rows if catalog.by_id[int(r[0])].riasec is not None][:POOL]
    if not rows:
        return Meaning(said=said)
    return Meaning({int(oid): rank / rows[0][1] for oid, rank in rows}, said)


def vector_reader(
    documents: list[int], sides: np.ndarray, to_space: Callable[[np.ndarray], np.ndarray],
    vocabulary: dict[str, int], idf: np.ndarray, catalog: Catalog,
) -> Reader:  # fmt: skip
    """A reader by cosine between the person's TF-IDF vector, mapped by `to_space`, and
    `sides` (one unit row per document)."""
    allowed = np.array([catalog.by_id[d].riasec is not None for d in documents])

    def read(text: str, _: Catalog) -> Meaning:
        said = spoken_words(text)
        query = np.zeros(len(vocabulary))
        for term, count in stems(" ".join(s.word for s in said)).items():
            if term in vocabulary:
                query[vocabulary[term]] = (1 + np.log(count)) * idf[vocabulary[term]]
        if not query.any():
            return Meaning(said=said)
        cosines = np.where(allowed, sides @ to_space(query), -1.0)
        best = np.argsort(-cosines)[:POOL]
        top = cosines[best[0]]
        return Meaning({documents[i]: max(0.0, cosines[i] / top) for i in best}, said)

    return read


def readers(catalog: Catalog) -> dict[str, Reader]:
    db = sqlite3.connect(":memory:")
    db.execute("ATTACH ? AS shipped", (f"file:{shipped_path()}?mode=ro",))
    weighted = tf_idf(occupation_counts(db, set(stems(" ".join(sorted(GENERIC)))), "shipped"))
    found: dict[str, Reader] = {
        "BM25 (the reader before)": bm25,
        "TF-IDF cosine": vector_reader(
            weighted.documents, weighted.matrix, lambda q: q, weighted.vocabulary,
            weighted.idf, catalog,
        ),
    }  # fmt: skip
    for dimensions in (50, 100, 200, 400):
        sides, loadings = latent(weighted.matrix, dimensions)
        found[f"LSA, {dimensions} dimensions"] = vector_reader(
            weighted.documents, sides, lambda q, v=loadings: q @ v, weighted.vocabulary,
            weighted.idf, catalog,
        )  # fmt: skip
    found["LSA, 100 dimensions, as shipped (float32, rounded)"] = read_meaning
    return found


def words_alone(reader: Reader, personas: list[dict[str, object]], catalog: Catalog) -> float:
    total = 0
    for case in personas:
        text = " ".join(str(p) for p in (case.get("memory"), case.get("passions")) if p)
        scores = reader(text, catalog).scores
        top = sorted(scores, key=lambda oid: -scores[oid])[:10]
        shortlist = set(case["shortlist"])  # type: ignore[call-overload]
        total += sum(catalog.by_id[oid].code in shortlist for oid in top)
    return total / len(personas)


def step1(reader: Reader, personas: list[dict[str, object]]) -> tuple[int, float]:
    shipped = recommend_module.read_meaning
    recommend_module.read_meaning = reader
    try:
        hits = [persona_hits(case, False) for case in personas]
    finally:
        recommend_module.read_meaning = shipped
    return sum(h >= 3 for h in hits), sum(hits) / len(hits)


def main() -> None:
    catalog = open_catalog()
    personas = load("personas_dev.jsonl")
    print("| reader | words alone: shortlist in top 10 | step 1: personas ≥ 3 of 10 | mean |")
    print("|---|---:|---:|---:|")
    for name, reader in readers(catalog).items():
        alone = words_alone(reader, personas, catalog)
        passed, mean = step1(reader, personas)
        print(f"| {name} | {alone:.2f} | {passed}/{len(personas)} | {mean:.2f} |", flush=True)


if __name__ == "__main__":
    main()
