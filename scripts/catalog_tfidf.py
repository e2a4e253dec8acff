"""TF-IDF weights of the catalogue's documents, for the semantic model and the skill links.

Terms are read back token by token from an FTS5 table through `fts5vocab`, so the run time,
which tokenizes a person's text with the same FTS5 tokenizer, sees the same terms. Weights are
sublinear (1 + ln tf) times the smoothed IDF (ln((1 + N) / (1 + df)) + 1), each document's row
of unit length. Build-time only.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict

Counts = dict[int, dict[str, int]]
Rows = dict[int, dict[str, float]]


def term_counts(
    db: sqlite3.Connection,
    table: str,
    ignored: set[str],
    *,
    repeated: str,
    repeat: int,
    shortest: int,
    schema: str = "main",
) -> Counts:
    """Term counts per document of `schema`.`table`, the column `repeated` (what the thing is
    called) counted `repeat` times; `ignored` terms, digits and terms shorter than `shortest`
    characters are left out."""
    db.execute(f"CREATE VIRTUAL TABLE temp.tokens USING fts5vocab({schema}, {table}, 'instance')")
    counts: Counts = defaultdict(dict)
    try:
        rows = db.execute("SELECT doc, col, term, count(*) FROM temp.tokens GROUP BY 1, 2, 3")
        for doc, column, term, n in rows:
            if term in ignored or len(term) < shortest or term.isdigit():
                continue
            weight = repeat if column == repeated else 1
            counts[doc][term] = counts[doc].get(term, 0) + weight * n
    finally:
        db.execute("DROP TABLE temp.tokens")
    return counts


def idf_of(counts: Counts, min_documents: int) -> dict[str, float]:
    """The smoothed IDF of each term in at least `min_documents` documents."""
    frequency: dict[str, int] = defaultdict(int)
    for terms in counts.values():
        for term in terms:
            frequency[term] += 1
    total = len(counts)
    return {
        term: math.log((1 + total) / (1 + n)) + 1
        for term, n in sorted(frequency.items())
        if n >= min_documents
    }


def unit_rows(counts: Counts, idf: dict[str, float]) -> Rows:
    """Each document's TF-IDF weights over the terms of `idf`, the row of unit length."""
    rows: Rows = {}
    for doc in sorted(counts):
        row = {t: (1 + math.log(n)) * idf[t] for t, n in counts[doc].items() if t in idf}
        norm = math.sqrt(sum(w * w for w in row.values()))
        if norm:
            rows[doc] = {t: w / norm for t, w in sorted(row.items())}
    return rows


def postings(rows: Rows) -> dict[str, list[tuple[int, float]]]:
    """Term -> (document, weight) for every document that holds it, documents in order."""
    found: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for doc, row in rows.items():
        for term, weight in row.items():
            found[term].append((doc, weight))
    return dict(sorted(found.items()))
