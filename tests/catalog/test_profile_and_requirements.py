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
