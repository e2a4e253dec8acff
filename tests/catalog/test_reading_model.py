"""The catalogue's semantic model: built reproducibly, read at run time with the build's tokens."""

from __future__ import annotations

import sys
from array import array
from pathlib import Path

import numpy as np
import pytest

from careerplan.catalog import Catalog
from careerplan.catalog.meaning import read_meaning, stems

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from catalog_reading_model import DIMENSIONS, latent, tf_idf


def test_the_run_time_stems_words_as_the_build_did(catalog: Catalog) -> None:
    assert stems("Nursing nurses NURSED, caring") == {"nurs": 3, "care": 1}
    found = catalog.query("SELECT term FROM meaning_term WHERE term IN ('nurs', 'care')")
    assert sorted(t for (t,) in found) == ["care", "nurs"]


def test_every_occupation_has_a_unit_vector_of_the_models_size(catalog: Catalog) -> None:
    rows = catalog.query("SELECT occupation_id, vector FROM meaning_vector")
    assert len(rows) == len(catalog.occupations)
    for _, blob in rows:
        vector = array("f", blob)
        assert len(vector) == DIMENSIONS
        assert sum(v * v for v in vector) == pytest.approx(1.0, abs=1e-3)


def test_words_the_model_does_not_know_describe_nothing(catalog: Catalog) -> None:
    meaning = read_meaning("Zorblax quintessimo frabjous", catalog)
    assert meaning.scores == {}
    assert [s.word for s in meaning.said] == ["zorblax", "quintessimo", "frabjous"]


def test_the_model_links_words_that_share_no_document_through_their_contexts() -> None:
    # "sick" and "ill" never meet, but both sit beside "nurse"; "engine" sits apart.
    counts = {
        1: {"nurse": 3, "sick": 2, "ward": 1},
        2: {"nurse": 2, "ill": 2, "ward": 1},
        3: {"engine": 3, "repair": 2, "bolt": 1},
        4: {"engine": 2, "repair": 1, "bolt": 2},
        5: {"sick": 1, "ill": 1, "nurse": 1},
    }
    weighted = tf_idf(counts)
    sides, loadings = latent(weighted.matrix, 2)
    column = weighted.vocabulary

    def cosine(term: str, row: int) -> float:
        query = np.zeros(len(column))
        query[column[term]] = weighted.idf[column[term]]
        vector = query @ loadings
        return float(sides[row] @ vector / np.linalg.norm(vector))

    assert cosine("ill", 0) > 0.9  # document 1 never says "ill"
    assert cosine("ill", 2) < 0.1
    assert np.allclose(np.linalg.norm(sides, axis=1), 1.0)
    largest = loadings[np.abs(loadings).argmax(axis=0), np.arange(loadings.shape[1])]
    assert (largest > 0).all()  # each dimension's sign is fixed, so rebuilds agree
