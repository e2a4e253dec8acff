"""What an occupation asks at entry (BLS table 5.4, matched through combined codes where BLS
publishes no row of its own), what its workers hold (O*NET's shares), and the technology
employers ask for most (every In Demand example kept)."""

from __future__ import annotations

import pytest

from careerplan.catalog import Catalog, profile
from careerplan.catalog.profile import category_shares

from .conftest import REGISTERED_NURSES, SOFTWARE_DEVELOPERS

WEB_DEVELOPERS = "15-1254.00"
HS = "High school diploma or equivalent"
OJT = "Moderate-term on-the-job training"


@pytest.mark.parametrize(
    ("code", "entry_soc", "education", "experience", "training"),
    [
        (SOFTWARE_DEVELOPERS, "15-1252", "Bachelor's degree", "None", "None"),
        ("13-1021.00", "13-1020", "Bachelor's degree", "None", OJT),  # a broad group's row
        ("21-1011.00", "21-1018", "Master's degree", "None", "Internship/residency"),
        ("21-1014.00", "21-1018", "Master's degree", "None", "Internship/residency"),
        ("25-2055.00", "25-2052", "Bachelor's degree", "None", "None"),
        ("25-2056.00", "25-2052", "Bachelor's degree", "None", "None"),
        ("25-9042.00", "25-9045", "Some college, no degree", "None", "None"),
        ("25-9043.00", "25-9045", "Some college, no degree", "None", "None"),
        ("25-9049.00", "25-9045", "Some college, no degree", "None", "None"),
        ("51-2022.00", "51-2028", HS, "None", OJT),
        ("51-2023.00", "51-2028", HS, "None", OJT),
        ("53-1042.00", "53-1047", HS, "Less than 5 years", "None"),
        ("53-1042.01", "53-1047", HS, "Less than 5 years", "None"),  # Recycling Coordinators
        ("53-1043.00", "53-1047", HS, "Less than 5 years", "None"),
        ("53-1044.00", "53-1047", HS, "Less than 5 years", "None"),
        ("53-1049.00", "53-1047", HS, "Less than 5 years", "None"),
        ("55-1011.00", None, None, None, None),  # military occupations have no BLS row
    ],
)
def test_entry_requirements_come_from_table_5_4_or_the_code_bls_combines_them_under(
    catalog: Catalog,
    code: str,
    entry_soc: str | None,
    education: str | None,
    experience: str | None,
    training: str | None,
) -> None:
    page = profile(code, catalog)
    assert (page.entry_soc, page.education, page.experience, page.training) == (
        entry_soc,
        education,
        experience,
        training,
    )


def test_a_combined_code_brings_its_attainment_too(catalog: Catalog) -> None:
    page = profile("21-1014.00", catalog)
    assert page.attainment["Master's degree"] == 55.7
    assert page.outlook.soc == "21-1010"  # the outlook still comes from table 1.2's broad group


def test_every_civilian_occupation_has_its_typical_entry_education(catalog: Catalog) -> None:
    rows = catalog.query("SELECT code FROM occupation WHERE education IS NULL ORDER BY code")
    without = [code for (code,) in rows]
    assert len(catalog.occupations) - len(without) == 997
    assert {code[:3] for code in without} == {"55-"}


def test_a_profile_has_the_shares_of_education_its_workers_hold(catalog: Catalog) -> None:
    page = profile(REGISTERED_NURSES, catalog)
    assert page.onet_education_shares == [
        ("Less than a High School Diploma", 0.0),
        ("High School Diploma", 0.76),
        ("Post-Secondary Certificate", 22.5),
        ("Some College Courses", 0.0),
        ("Associate's Degree (or other 2-year degree)", 19.39),
        ("Bachelor's Degree", 55.92),
        ("Post-Baccalaureate Certificate", 0.0),
        ("Master's Degree", 1.43),
        ("Post-Master's Certificate", 0.0),
        ("First Professional Degree", 0.0),
        ("Doctoral Degree", 0.0),
        ("Post-Doctoral Training", 0.0),
    ]
    assert page.onet_education == "Bachelor's Degree"


def test_a_profile_has_the_shares_of_related_experience_its_workers_had(
    catalog: Catalog,
) -> None:
    page = profile("11-1011.00", catalog)  # Chief Executives
    assert page.onet_experience_shares[6:] == [
        ("Over 2 years, up to and including 4 years", 9.69),
        ("Over 4 years, up to and including 6 years", 5.87),
        ("Over 6 years, up to and including 8 years", 15.09),
        ("Over 8 years, up to and including 10 years", 1.11),
        ("Over 10 years", 68.24),
    ]
    assert [share for _, share in page.onet_experience_shares[:6]] == [0.0] * 6


def test_the_shares_of_every_occupation_sum_to_a_hundred(catalog: Catalog) -> None:
    rows = catalog.query(
        "SELECT code, onet_education_shares, onet_experience_shares FROM occupation "
        "WHERE onet_education_shares IS NOT NULL OR onet_experience_shares IS NOT NULL"
    )
    assert len(rows) == 878
    for code, education, experience in rows:
        for scale, shares in (("RL", education), ("RW", experience)):
            total = sum(share for _, share in category_shares(catalog, scale, shares))
            assert total == pytest.approx(100, abs=0.1), (code, scale)


def test_an_occupation_without_onet_preparation_data_has_no_shares(catalog: Catalog) -> None:
    page = profile("55-1011.00", catalog)
    assert (page.onet_education_shares, page.onet_experience_shares) == ([], [])


def test_every_in_demand_technology_is_kept_beyond_the_usual_twenty(catalog: Catalog) -> None:
    technology = profile(WEB_DEVELOPERS, catalog).technology
    in_demand = [t.example for t in technology if t.in_demand]
    assert len(in_demand) == 41 == len(technology)
    assert {"jQuery", "WordPress", "Vue.js", "PostgreSQL"} <= set(in_demand)


def test_in_demand_technology_comes_first_then_the_usual_selection(catalog: Catalog) -> None:
    technology = profile("11-1011.00", catalog).technology  # Chief Executives: 4 In Demand
    assert [t.in_demand for t in technology] == [True] * 4 + [False] * 16


def test_a_registered_nurse_has_no_in_demand_technology(catalog: Catalog) -> None:
    technology = profile(REGISTERED_NURSES, catalog).technology
    assert len(technology) == 20
    assert not any(t.in_demand for t in technology)
