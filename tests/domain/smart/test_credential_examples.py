"""Every example goal of the curated credentials (scripts/data/credentials.json), run through
the analyser with the catalogue's knowledge: its attainable verdict is the example's.

Each example is checked for the record's usual person: someone studying at the pace of the
record's first programme (its full-time hours a week; 10 when it has none), whose education is
not known, on 1 December 2026, with the record's name as the parent goal (the goal serves it).
What the example's own words say (part time, "while working", "with a biology bachelor's",
"starting from a high-school diploma") wins over that person, as it does for anyone.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import unavailable

from careerplan.catalog.durations import CatalogCredentials
from careerplan.catalog.store import shipped_path
from careerplan.domain.smart import AnalysisContext, analyse

DATA = Path(__file__).resolve().parents[3] / "scripts" / "data" / "credentials.json"
TODAY = date(2026, 12, 1)

STATEMENT = "a statement about the rules, not a goal a person works towards"
# Examples the analyser cannot judge as the records stand, each with why. Correcting the data
# changes the example's words, so its entry stops matching and the example runs again; an
# analyser that starts passing one fails the test, so the list never hides a fixed case.
KNOWN: dict[tuple[str, str], str] = {
    ("nha-excpt", "Use ExCPT instead of PTCB in every state"): STATEMENT,
    ("ccna", "Need a CCNA to be hired as a network administrator everywhere"): STATEMENT,
    ("comptia-a-plus", "Need A+ by law to work in IT support"): STATEMENT,
    ("cloud-certification", "Cloud certification is legally required for cloud jobs"): STATEMENT,
    ("capm", "Use CAPM to skip PMP's experience requirement"): STATEMENT,
    ("osha-10-construction", "OSHA 10 is a licence for a trade"): STATEMENT,
    ("fitness-trainer-certification", "Personal training requires a state licence"): STATEMENT,
    (
        "food-protection-manager",
        "ServSafe Manager certification alone makes me a restaurant manager",
    ): STATEMENT,
    ("slpa-credential", "Practise independently as an SLPA"): (
        "scope of practice (supervision), which the records do not hold"
    ),
    ("paralegal-certificate", "Give legal advice to clients as a certified paralegal"): (
        "scope of practice (legal advice), which the records do not hold"
    ),
    ("security-guard-registration", "Work as an armed guard with only the basic guard card"): (
        "the armed guard's firearms permit is not a record of its own"
    ),
    (
        "comptia-security-plus",
        "Land an information security analyst job with only Security+ and no IT experience",
    ): "employers' expectations: the record asks for no experience (experience_months 0)",
    ("medical-coding-certification", "Get an unrestricted CPC with no coding experience"): (
        "the record asks for no experience (experience_months 0), the example for some"
    ),
    ("uscg-mmc-rating", "Get an able seaman endorsement with no sea time"): (
        "the able seaman's 180-540 days at sea are only in the prerequisites' wording "
        "(experience_months 0)"
    ),
    ("water-operator-certification", "Be in responsible charge of a large plant within a year"): (
        "operator grades are not in the record, and the goal names no credential"
    ),
    ("cdl-class-a", "Take the CDL skills test the day after getting my learner's permit"): (
        "the 14-day permit wait is only in the prerequisites' wording"
    ),
    ("cdl-passenger", "Drive a school bus with a regular car licence"): (
        "a car licence is not a record, so nothing says it falls short of a CDL"
    ),
    ("dot-medical-card", "Keep a DOT medical card for 5 years"): (
        "how long a credential stays valid is not in the record"
    ),
    ("lifeguard-certification", "Get certified without passing a swim test"): (
        "the swim test is a prerequisite, not the record's exam (exam is null)"
    ),
    (
        "physician-licence",
        "Become a practising physician within 4 years of finishing my bachelor's",
    ): ("the record's three-year accelerated MD plus its 12 months of residency make 4 years"),
}


def _examples() -> list[Any]:
    found = []
    for record in json.loads(DATA.read_text(encoding="utf-8")):
        for example in record["examples"]:
            why = KNOWN.get((record["key"], example["goal"]))
            marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
            found.append(
                pytest.param(record, example, id=f"{record['key']}: {example['goal']}", marks=marks)
            )
    return found


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def knowledge() -> CatalogCredentials:
    if not shipped_path().exists():
        unavailable("the occupation catalogue is not built")
    return CatalogCredentials()


def usual_hours(record: dict[str, Any]) -> float:
    """The pace of the record's first programme: the route its examples assume."""
    programmes = record["programmes"]
    return float(programmes[0]["hours_per_week_full_time"]) if programmes else 10.0


def test_every_record_gives_examples_and_the_known_list_names_only_real_ones() -> None:
    records = json.loads(DATA.read_text(encoding="utf-8"))
    goals = {(r["key"], e["goal"]) for r in records for e in r["examples"]}
    assert (len(records), len(goals)) == (208, 420)
    assert set(KNOWN) - goals == set()


@pytest.mark.parametrize(("record", "example"), EXAMPLES)
def test_each_example_gets_the_attainable_verdict_its_record_gives(
    record: dict[str, Any], example: dict[str, Any], knowledge: CatalogCredentials
) -> None:
    context = AnalysisContext(hours_per_week=usual_hours(record), credentials=knowledge)
    report = analyse(example["goal"], record["name"], today=TODAY, context=context)
    assert report.attainable.ok is example["attainable"], report.attainable.reason
