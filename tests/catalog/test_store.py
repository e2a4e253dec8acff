from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from careerplan.catalog import Catalog, open_catalog
from careerplan.catalog.store import SCHEMA_VERSION
from careerplan.domain.errors import InvalidInput, NotFound, StorageProblem

from .conftest import SOFTWARE_DEVELOPERS


def test_it_opens_the_shipped_catalogue_with_every_occupation(catalog: Catalog) -> None:
    assert len(catalog.occupations) == 1016
    assert catalog.occupation(SOFTWARE_DEVELOPERS).title == "Software Developers"


def test_a_missing_file_names_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(StorageProblem, match=r"missing\. Rebuild it with: python scripts/build"):
        open_catalog(tmp_path / "catalog.sqlite3")


def test_a_corrupted_file_names_how_to_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageProblem, match=r"cannot be read .* python scripts/build_catalog\.py"):
        open_catalog(path)


def test_a_file_of_another_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    with pytest.raises(StorageProblem, match=f"has schema 0, expected {SCHEMA_VERSION}"):
        open_catalog(path)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("15-1252.00", "15-1252.00"), ("15-1252", "15-1252.00"), (" 29-1141.00 ", "29-1141.00")],
)
def test_it_accepts_codes_with_or_without_the_detail_suffix(
    catalog: Catalog, code: str, expected: str
) -> None:
    assert catalog.occupation(code).code == expected


def test_an_unknown_code_suggests_the_nearest_codes(catalog: Catalog) -> None:
    with pytest.raises(NotFound, match=r"Nearest codes: 15-125\d\.\d\d "):
        catalog.occupation("15-1259.00")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "software developer",
            "'software developer' is not an occupation code (they look like 15-1252.00). "
            "Did you mean: 15-1252.00 Software Developers; 15-1299.05 Information Security "
            "Engineers; 15-1299.07 Blockchain Engineers?",
        ),
        # No title reads like it, so there is nothing to suggest.
        ("15/1252", "'15/1252' is not an occupation code (they look like 15-1252.00)."),
    ],
)
def test_a_malformed_code_is_refused_with_title_suggestions(
    catalog: Catalog, code: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        catalog.occupation(code)
    assert str(caught.value) == message


def test_the_notices_credit_onet_the_interest_profiler_and_bls(catalog: Catalog) -> None:
    notices = catalog.notices()
    assert "CC BY 4.0" in notices["onet"]
    assert "has not approved, endorsed, or tested these modifications" in notices["modified"]
    assert "Interest Profiler" in notices["interest_profiler"]
    assert notices["bls"].startswith("Source: U.S. Bureau of Labor Statistics")
