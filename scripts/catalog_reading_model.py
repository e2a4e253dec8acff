"""The catalogue's semantic model: latent semantic analysis (LSA) over the occupation documents.

The documents are those of `meaning_fts` (titles, tasks, detailed work activities, ESCO
descriptions), read back token by token through FTS5's own Porter tokenizer, so the run time
stems a person's words exactly as the build did. Each document becomes a TF-IDF vector (the
title's words counted TITLE_REPEAT times; sublinear term frequency; smoothed IDF), and a
truncated singular value decomposition keeps DIMENSIONS latent dimensions. Words that occur in
the same kinds of work land near each other: "ill", "hospice" and "caring" near nursing work,
although a person rarely writes the words of a task statement.

Stored: each term's IDF and its row of V (the query side), and each occupation's unit-length
row of UΣ (the document side). Values are rounded to 5 decimals and each dimension's sign fixed
(its largest term loading positive), so a rebuild on another machine gives the same content.
Build-time only: numpy is not needed at run time, where a query is ~20 terms and ~1,000 dot
products in pure Python.
"""

from __future__ import annotations

import sqlite3
from array import array
from dataclasses import dataclass

import numpy as np

from catalog_tfidf import Counts, idf_of, term_counts, unit_rows

DIMENSIONS = 100
TITLE_REPEAT = 3  # what a job is called says more than any one of its tasks
MIN_DOCUMENTS = 2  # a term in one document only links nothing to anything
DECIMALS = 5

READING_MODEL_SCHEMA = """
CREATE TABLE meaning_term (term TEXT PRIMARY KEY, idf REAL NOT NULL, vector BLOB NOT NULL)
    WITHOUT ROWID;
CREATE TABLE meaning_vector (occupation_id INTEGER PRIMARY KEY REFERENCES occupation(id),
    vector BLOB NOT NULL);
"""


def packed(values: np.ndarray) -> bytes:
    """Little-endian float32, the layout `array('f')` reads back on the machines we run on."""
    rounded = array("f", (round(float(v), DECIMALS) for v in values))
    return rounded.tobytes()


@dataclass(frozen=True)
class Weighted:
    """The documents as unit-length TF-IDF rows."""

    documents: list[int]  # occupation ids, one per row
    vocabulary: dict[str, int]  # term -> column
    idf: np.ndarray
    matrix: np.ndarray


def occupation_counts(db: sqlite3.Connection, ignored: set[str], schema: str = "main") -> Counts:
    """Term counts per occupation document of `meaning_fts`, the titles counted TITLE_REPEAT
    times; `ignored` are stems that say nothing about work."""
    return term_counts(
        db, "meaning_fts", ignored, repeated="title", repeat=TITLE_REPEAT, shortest=3,
        schema=schema,
    )  # fmt: skip


def tf_idf(counts: Counts) -> Weighted:
    idf = idf_of(counts, MIN_DOCUMENTS)
    rows = unit_rows(counts, idf)
    documents = sorted(rows)
    column = {t: j for j, t in enumerate(idf)}
    matrix = np.zeros((len(documents), len(column)))
    for i, doc in enumerate(documents):
        for term, weight in rows[doc].items():
            matrix[i, column[term]] = weight
    return Weighted(documents, column, np.array(list(idf.values())), matrix)


def latent(matrix: np.ndarray, dimensions: int) -> tuple[np.ndarray, np.ndarray]:
    """The documents' unit vectors in the first `dimensions` latent dimensions (rows of UΣ),
    and the terms' loadings (rows of V), each dimension's largest loading made positive."""
    u, s, vt = np.linalg.svd(matrix, full_matrices=False)
    u, s, vt = u[:, :dimensions], s[:dimensions], vt[:dimensions]
    signs = np.sign(vt[np.arange(len(vt)), np.abs(vt).argmax(axis=1)])
    sides = u * signs * s
    sides /= np.linalg.norm(sides, axis=1, keepdims=True)
    return sides, (vt * signs[:, None]).T


def build_reading_model(db: sqlite3.Connection, ignored: set[str]) -> None:
    """The LSA model of `meaning_fts`, stored in `meaning_term` and `meaning_vector`; `ignored`
    are stems that say nothing about work (the run time's generic words)."""
    db.executescript(READING_MODEL_SCHEMA)
    weighted = tf_idf(occupation_counts(db, ignored))
    sides, loadings = latent(weighted.matrix, DIMENSIONS)
    db.executemany(
        "INSERT INTO meaning_term VALUES (?, ?, ?)",
        (
            (term, round(float(weighted.idf[j]), DECIMALS), packed(loadings[j]))
            for term, j in weighted.vocabulary.items()
        ),
    )
    db.executemany(
        "INSERT INTO meaning_vector VALUES (?, ?)",
        ((doc, packed(sides[i])) for i, doc in enumerate(weighted.documents)),
    )
