"""The route service: what the catalogue knows of the person and the target, handed to the
route rules. These read the shipped catalogue, as the product does."""

from __future__ import annotations

import pytest

from careerplan.catalog import Catalog
from careerplan.catalog.gates import credential
from careerplan.domain.credentials import Gating
from careerplan.domain.education import Education
from careerplan.domain.entities import Profile
from careerplan.services.route import named_in, person_of, route_for

REGISTERED_NURSES = "29-1141.00"
LICENSED_PRACTICAL_NURSES = "29-2061.00"
WHOLESALE_SALES = "41-4012.00"
ACCOUNTANTS = "13-2011.00"
BOOKKEEPERS = "43-3031.00"
CHIEF_EXECUTIVES = "11-1011.00"
GENERAL_MANAGERS = "11-1021.00"


def test_a_licence_the_current_job_requires_is_held(catalog: Catalog) -> None:
    """A licensed practical nurse holds the LPN licence, so the bridge programme is open."""
    person = person_of(None, LICENSED_PRACTICAL_NURSES, catalog, REGISTERED_NURSES)
    assert "lpn-licence" in person.held
    route = route_for(REGISTERED_NURSES, None, LICENSED_PRACTICAL_NURSES, catalog)
    assert route.gates[0].kind == "programme"
    assert "bridge" in route.gates[0].name.lower()


def test_without_a_stated_education_the_current_jobs_entry_education_stands_for_it(
    catalog: Catalog,
) -> None:
    assert person_of(None, GENERAL_MANAGERS, catalog).education is Education.BACHELOR
    assert person_of(None, WHOLESALE_SALES, catalog).education is Education.HIGH_SCHOOL
    stated = Profile("Ana", education=Education.MASTER)
    assert person_of(stated, WHOLESALE_SALES, catalog).education is Education.MASTER


def test_a_degree_held_opens_the_accelerated_programme(catalog: Catalog) -> None:
    graduate = Profile("Ana", education=Education.BACHELOR, education_field="biology")
    from_school = route_for(REGISTERED_NURSES, None, WHOLESALE_SALES, catalog)
    from_degree = route_for(REGISTERED_NURSES, graduate, WHOLESALE_SALES, catalog)
    assert "Accelerated" in from_degree.gates[0].name
    assert "Accelerated" not in from_school.gates[0].name
    assert from_degree.months < from_school.months
    # Both name the exam and the licence, in that order, before the first application.
    for route in (from_school, from_degree):
        kinds = [gate.kind for gate in route.gates]
        assert kinds.index("exam") < kinds.index("licence") < kinds.index("entry job")
        assert any("NCLEX-RN" in gate.name for gate in route.gates)


def test_experience_in_the_same_field_counts_and_in_another_does_not(catalog: Catalog) -> None:
    in_field = person_of(None, GENERAL_MANAGERS, catalog, CHIEF_EXECUTIVES)
    elsewhere = person_of(None, WHOLESALE_SALES, catalog, CHIEF_EXECUTIVES)
    assert in_field.experience_months > 0
    assert elsewhere.experience_months == 0
    near = route_for(CHIEF_EXECUTIVES, None, GENERAL_MANAGERS, catalog)
    far = route_for(CHIEF_EXECUTIVES, None, WHOLESALE_SALES, catalog)
    assert near.months < far.months
    (experience,) = [gate for gate in near.gates if gate.kind == "experience"]
    assert "counted from your work as General and Operations Managers" in experience.why


def test_the_degree_the_job_asks_comes_before_the_years_of_experience(catalog: Catalog) -> None:
    kinds = [
        gate.kind for gate in route_for(CHIEF_EXECUTIVES, None, WHOLESALE_SALES, catalog).gates
    ]
    assert kinds == ["degree", "experience", "entry job"]


def test_already_in_the_occupation_only_the_move_is_left(catalog: Catalog) -> None:
    route = route_for(REGISTERED_NURSES, None, REGISTERED_NURSES, catalog)
    assert [gate.kind for gate in route.gates] == ["entry job"]
    assert route.stones == []


def test_the_current_job_is_never_its_own_stepping_stone(catalog: Catalog) -> None:
    route = route_for(REGISTERED_NURSES, None, "31-1131.00", catalog)
    assert "31-1131.00" not in [stone.code for stone in route.stones]
    assert route.stones


def test_a_credential_named_in_the_persons_words_becomes_part_of_the_goal(
    catalog: Catalog,
) -> None:
    cpa = credential("cpa-licence", catalog)
    assert cpa.gating is Gating.OPTIONAL
    assert named_in(cpa, "CPA at a big four firm").gating is Gating.REQUIRED
    assert named_in(cpa, "accountant at a small firm").gating is Gating.OPTIONAL
    assert named_in(cpa, "").gating is Gating.OPTIONAL
    # A name inside another word is no mention.
    assert named_in(cpa, "NON-CPA work").gating is Gating.OPTIONAL

    as_words = route_for(ACCOUNTANTS, None, BOOKKEEPERS, catalog, "CPA at a big four firm")
    plain = route_for(ACCOUNTANTS, None, BOOKKEEPERS, catalog, "accountant")
    assert any(gate.kind == "licence" and "CPA" in gate.name for gate in as_words.gates)
    assert not any(gate.kind == "licence" for gate in plain.gates)
    # The CPA exam and the 150 hours are on the CPA's own route, so no longer extra helps.
    assert as_words.helps == []
    assert len(plain.helps) == 3


@pytest.mark.parametrize("hours", [0.0, 3.0, 40.0])
def test_the_hours_a_week_come_from_the_profile_with_a_default(
    catalog: Catalog, hours: float
) -> None:
    person = person_of(Profile("Ana", hours_per_week=hours), None, catalog)
    assert person.hours_per_week == (hours or 3.0)
    assert person_of(None, None, catalog).hours_per_week == 3.0
