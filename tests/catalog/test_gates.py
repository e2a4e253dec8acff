"""The entry gates the catalogue ships: the curated credentials of each occupation, firmest first,
and every record of the curated table readable and pointing at real occupations."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from careerplan.catalog import Catalog, profile
from careerplan.catalog.gates import credential, credentials_for
from careerplan.catalog.store import shipped_path
from careerplan.domain.credentials import GateKind, Gating, credential_from
from careerplan.domain.education import Education
from careerplan.domain.errors import NotFound, StorageProblem

from .conftest import REGISTERED_NURSES

TABLE = Path(__file__).resolve().parents[2] / "scripts" / "data" / "credentials.json"
RECORDS: list[dict[str, Any]] = json.loads(TABLE.read_text(encoding="utf-8"))
CHIEF_EXECUTIVES = "11-1011.00"
SECURITIES_AGENTS = "41-3031.00"


def test_a_registered_nurse_needs_the_rn_licence_and_its_nclex_exam(catalog: Catalog) -> None:
    (licence,) = catalog.credentials_for(REGISTERED_NURSES)
    assert licence.key == "rn-licence"
    assert licence.kind is GateKind.LICENCE
    assert licence.gating is Gating.REQUIRED
    assert licence.exam is not None
    assert licence.exam.name == "NCLEX-RN"


def test_the_rn_licence_has_an_accelerated_bsn_for_bachelors_holders(catalog: Catalog) -> None:
    programmes = {p.name: p for p in catalog.credential("rn-licence").programmes}
    accelerated = programmes["Accelerated BSN (ABSN)"]
    assert accelerated.requires is Education.BACHELOR
    assert accelerated.award == "bachelor's"
    assert accelerated.full_time_months == 16
    assert programmes["LPN-to-RN bridge (LPN-to-ADN or LPN-to-BSN)"].requires_credential == (
        "lpn-licence"
    )


def test_a_chief_executive_is_gated_by_experience(catalog: Catalog) -> None:
    gates = catalog.credentials_for(CHIEF_EXECUTIVES)
    assert [(g.key, g.kind, g.gating, g.experience_months) for g in gates] == [
        ("executive-experience", GateKind.EXPERIENCE, Gating.USUAL, 120)
    ]


def test_credentials_are_ordered_firmest_gate_first_then_by_key(catalog: Catalog) -> None:
    gates = credentials_for(SECURITIES_AGENTS, catalog)
    assert [(g.gating, g.key) for g in gates] == [
        (Gating.REQUIRED, "series-7"),
        (Gating.REQUIRED, "sie-exam"),
        (Gating.MOST_STATES, "series-63"),
        (Gating.MOST_STATES, "series-65"),
        (Gating.OPTIONAL, "series-66"),
    ]


def test_an_occupation_the_table_does_not_name_has_no_credentials(catalog: Catalog) -> None:
    assert catalog.credentials_for("27-1024") == []  # Graphic Designers


def test_a_credential_is_parsed_once_per_catalogue(catalog: Catalog) -> None:
    first = credential("series-7", catalog)
    assert catalog.credential("series-7") is first
    assert catalog.credentials_for(SECURITIES_AGENTS)[0] is first


def test_a_catalogue_parses_no_credential_until_one_is_asked_for() -> None:
    fresh = Catalog(shipped_path())
    profile(REGISTERED_NURSES, fresh)
    assert fresh.parsed_credentials == {}
    fresh.credentials_for(REGISTERED_NURSES)
    assert list(fresh.parsed_credentials) == ["rn-licence"]


def test_a_record_changed_since_the_build_names_how_to_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    shutil.copyfile(shipped_path(), path)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE credential SET record = '{}' WHERE key = 'rn-licence'")
    db.close()
    with pytest.raises(
        StorageProblem, match=r"credential 'rn-licence' is malformed\)\. Rebuild it with"
    ):
        Catalog(path).credentials_for(REGISTERED_NURSES)


def test_an_unknown_credential_is_not_found(catalog: Catalog) -> None:
    with pytest.raises(NotFound, match="No credential with id no-such-licence"):
        catalog.credential("no-such-licence")


def test_an_unknown_occupation_has_no_credentials_to_list(catalog: Catalog) -> None:
    with pytest.raises(NotFound):
        catalog.credentials_for("29-1141.99")


@pytest.mark.parametrize("record", RECORDS, ids=[record["key"] for record in RECORDS])
def test_every_record_of_the_curated_table_is_shipped_as_written(
    catalog: Catalog, record: dict[str, Any]
) -> None:
    parsed = credential_from(record)
    assert catalog.credential(parsed.key) == parsed
    for code in parsed.occupations:
        assert parsed in catalog.credentials_for(code), code
    for stone in parsed.stepping_stones:
        assert stone.code in catalog.occupations
    for programme in parsed.programmes:
        if programme.requires_credential is not None:
            assert catalog.credential(programme.requires_credential)
