"""The build refuses a curated table it cannot ship, naming the record and the field, and finds
the code BLS publishes several detailed occupations under by a rule, not a list."""

from __future__ import annotations

import copy
import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
TABLE = {
    record["key"]: record
    for record in json.loads((SCRIPTS / "data" / "credentials.json").read_text(encoding="utf-8"))
}
RN, LPN = TABLE["rn-licence"], TABLE["lpn-licence"]  # an RN bridge programme requires the LPN's
CODES = {
    code
    for record in (RN, LPN)
    for code in (*record["occupations"], *(stone["code"] for stone in record["stepping_stones"]))
}


@pytest.fixture(scope="module")
def build() -> Iterator[ModuleType]:
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(SCRIPTS))  # the script imports its schema module beside it
        spec = importlib.util.spec_from_file_location("build_catalog", SCRIPTS / "build_catalog.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module


def _changed(**fields: Any) -> dict[str, Any]:
    record = copy.deepcopy(RN)
    for path, value in fields.items():
        *parents, name = path.split("__")
        target: Any = record
        for parent in parents:
            target = target[int(parent)] if parent.isdigit() else target[parent]
        target[name] = value
    return record


def test_a_sound_record_passes(build: ModuleType) -> None:
    found = build.checked_credentials([RN, LPN], CODES)
    assert [credential.key for credential in found] == ["rn-licence", "lpn-licence"]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            _changed(name=" "),
            "error: credentials.json: credential 'rn-licence': expected text, found ' ' "
            "(field name)",
        ),
        (
            _changed(programmes__2__requires="graduate"),
            "error: credentials.json: credential 'rn-licence': 'graduate' is not a valid "
            "Education (field programmes[2].requires)",
        ),
        (
            _changed(exam__fee_usd="200"),
            "error: credentials.json: credential 'rn-licence': expected a number, found '200' "
            "(field exam.fee_usd)",
        ),
    ],
)
def test_a_malformed_record_fails_the_build_naming_key_and_field(
    build: ModuleType, record: dict[str, Any], message: str
) -> None:
    with pytest.raises(SystemExit) as refused:
        build.checked_credentials([record, LPN], CODES)
    assert str(refused.value) == message


def test_unknown_codes_and_credentials_fail_the_build(build: ModuleType) -> None:
    record = _changed(
        occupations=["29-1141.00", "29-9999.00"], programmes__3__requires_credential="lvn-licence"
    )
    with pytest.raises(SystemExit) as refused:
        build.checked_credentials([record, LPN], CODES)
    assert str(refused.value) == (
        "error: credentials.json: credential 'rn-licence': no O*NET occupation 29-9999.00; "
        "credential 'rn-licence': programme 'LPN-to-RN bridge (LPN-to-ADN or LPN-to-BSN)' "
        "requires 'lvn-licence', which is no credential"
    )


def test_a_key_used_twice_fails_the_build(build: ModuleType) -> None:
    with pytest.raises(SystemExit) as refused:
        build.checked_credentials([RN, LPN, RN], CODES)
    assert str(refused.value) == "error: credentials.json: credential 'rn-licence' appears 2 times"


PUBLISHED = {
    "21-1012": "Educational, guidance, and career counselors and advisors",
    "21-1015": "Rehabilitation counselors",
    "21-1018": "Substance abuse, behavioral disorder, and mental health counselors",
    "21-1019": "Counselors, all other",
    "13-1020": "Buyers and purchasing agents",
}
ONET_TITLES = {
    "21-1011": ["Substance Abuse and Behavioral Disorder Counselors"],
    "21-1012": ["Educational, Guidance, and Career Counselors and Advisors"],
    "21-1014": ["Mental Health Counselors"],
    "21-1015": ["Rehabilitation Counselors"],
    "21-1019": ["Counselors, All Other"],
    "13-1021": ["Buyers and Purchasing Agents, Farm Products"],
    "21-1099": ["Community and Social Service Specialists, All Other"],
}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("21-1012.00", "21-1012"),  # its own row
        ("13-1021.00", "13-1020"),  # its broad group's row
        ("21-1014.00", "21-1018"),  # the unused code of its broad group that shares its words
        ("21-1011.00", "21-1018"),
        ("21-1099.00", None),  # no published code of its broad group (21-109) at all
    ],
)
def test_an_occupation_finds_the_code_bls_publishes_it_under(
    build: ModuleType, code: str, expected: str | None
) -> None:
    assert build.entry_soc(code, PUBLISHED, ONET_TITLES) == expected


def test_a_combined_code_must_share_a_title_word(build: ModuleType) -> None:
    published = {"21-1018": "Rehabilitation workers"}
    assert build.entry_soc("21-1014.00", published, ONET_TITLES) is None
