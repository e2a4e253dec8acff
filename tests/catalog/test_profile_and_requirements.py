from __future__ import annotations

import pytest

from careerplan.catalog import Catalog, profile, requirements, vocabulary_for_title

from .conftest import NURSING_ASSISTANTS, REGISTERED_NURSES, SOFTWARE_DEVELOPERS


def test_a_profile_has_work_preparation_pay_and_outlook(catalog: Catalog) -> None:
    page = profile(SOFTWARE_DEVELOPERS, catalog)
    assert page.title == "Software Developers"
    assert page.job_zone == 4
    assert page.education == "Bachelor's degree"
    assert set(page.riasec) == {
        "Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"
    }  # fmt: skip
    assert 1 <= len(page.tasks) <= 12
    assert page.skills[0].importance >= page.skills[-1].importance
    assert page.knowledge
    assert page.abilities
    assert page.work_activities
    assert any(t.hot for t in page.technology)
    assert page.wages.median == 135980
    assert page.outlook.change_percent == 15.8
    assert page.related


def test_wages_fall_back_to_the_broad_soc_group_when_needed(catalog: Catalog) -> None:
    page = profile("15-1299.08", catalog)  # Computer Systems Engineers/Architects
    assert page.wages.soc == "15-1299"
    assert page.wages.median is not None


def test_requirements_summarise_what_a_prime_candidate_has(catalog: Catalog) -> None:
    req = requirements(REGISTERED_NURSES, catalog=catalog)
    assert req.education == "Bachelor's degree"
    assert len(req.skills) == 6
    assert req.transfer is None
    assert req.to_dict()["gap"] is None


def test_requirements_from_an_occupation_show_the_gap(catalog: Catalog) -> None:
    req = requirements(REGISTERED_NURSES, NURSING_ASSISTANTS, catalog)
    assert req.transfer is not None
    assert req.transfer.gaps
    assert any(note.startswith("Preparation rises from job zone") for note in req.notes)


@pytest.mark.parametrize(
    ("title", "word"),
    [
        ("engineering manager", "engineering"),
        ("nurse manager", "clinical"),
        ("Sr. SWE", "software"),
    ],
)
def test_a_title_gives_its_occupations_vocabulary(title: str, word: str) -> None:
    vocabulary = vocabulary_for_title(title)
    assert vocabulary is not None
    assert word in vocabulary
    assert "the" not in vocabulary


@pytest.mark.parametrize("title", ["", "zzqx blorf", "x" * 300])
def test_a_title_without_a_fair_match_has_no_vocabulary(title: str) -> None:
    assert vocabulary_for_title(title) is None


def test_esco_details_what_a_prime_candidate_has_through_the_crosswalk(catalog: Catalog) -> None:
    from careerplan.catalog.occupation_skills import esco_needs

    nurse = [need.label for need in esco_needs(REGISTERED_NURSES, catalog)]
    assert "implement fundamentals of nursing" in nurse
    assert len(nurse) == 12
    # Software Developers (15-1252) is 15-1132 and 15-1133 in the crosswalk's 2010 codes: it is
    # found by its title.
    developer = esco_needs("15-1252.00", catalog, limit=40)
    assert "computer programming" in [need.label for need in developer]
    assert all(0 < need.share <= 1 for need in developer)
    shares = [need.share for need in developer]
    assert shares == sorted(shares, reverse=True)
    found = requirements(REGISTERED_NURSES, catalog=catalog).to_dict()["esco_skills"]
    assert found[0]["uri"].startswith("http://data.europa.eu/esco/skill/")  # type: ignore[index]
